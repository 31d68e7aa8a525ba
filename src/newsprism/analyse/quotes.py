"""Quotes and speakers (placeholder until the quotes issue fills it)."""

from newsprism.model import LocalEntity, QuoteMention


def extract_quotes(doc, article_id: str, entities: list[LocalEntity]) -> list[QuoteMention]:
    return []
