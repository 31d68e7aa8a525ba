"""HTML report (placeholder until the report issue fills it)."""

from newsprism.model import Brief


def render_html(brief: Brief) -> str:
    return "<!doctype html><title>newsprism brief</title>"
