"""Markdown report (placeholder until the report issue fills it)."""

from newsprism.model import Brief


def render_markdown(brief: Brief) -> str:
    return "# newsprism brief\n"
