"""Coverage per source group (placeholder)."""

from newsprism.model import Article, CoverageRow, Fact, Quote


def build_coverage(articles: list[Article], quotes: list[Quote], facts: list[Fact]) -> list[CoverageRow]:
    return []
