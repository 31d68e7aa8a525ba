"""Facts across articles (placeholder)."""

from newsprism.model import Article, ArticleAnalysis, Entity, Fact


def group_facts(articles: list[Article], analyses: list[ArticleAnalysis], entities: list[Entity]) -> list[Fact]:
    return []
