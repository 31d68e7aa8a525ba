"""Quotes across articles (placeholder)."""

from newsprism.model import Article, ArticleAnalysis, Entity, Quote


def align_quotes(articles: list[Article], analyses: list[ArticleAnalysis], entities: list[Entity]) -> list[Quote]:
    return []
