"""Timeline (placeholder)."""

from newsprism.model import Article, ArticleAnalysis, TimelineEntry


def build_timeline(articles: list[Article], analyses: list[ArticleAnalysis]) -> list[TimelineEntry]:
    return []
