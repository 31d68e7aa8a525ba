"""Cited summary (placeholder)."""

from newsprism.model import Article, ArticleAnalysis, StoryAlignment, SummarySentence


def summarize(articles: list[Article], analyses: list[ArticleAnalysis], story: StoryAlignment, max_words: int = 200) -> list[SummarySentence]:
    return []
