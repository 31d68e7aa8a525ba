"""Entities across articles (placeholder)."""

from newsprism.model import Article, ArticleAnalysis, Entity


def merge_entities(articles: list[Article], analyses: list[ArticleAnalysis]) -> list[Entity]:
    return []
