"""Time expressions (placeholder until the timeline issue fills it)."""

from newsprism.model import TimeExpression


def extract_times(doc, article_id: str, published: str | None) -> list[TimeExpression]:
    return []
