"""Across articles: one cast of entities, aligned quotes, facts compared, coverage.

Alignment sees only articles and their per-article analyses, never the parser.
"""

from __future__ import annotations

from newsprism.model import Article, ArticleAnalysis, StoryAlignment


def align_story(articles: list[Article], analyses: list[ArticleAnalysis]) -> StoryAlignment:
    from newsprism.align.coverage import build_coverage
    from newsprism.align.entities import merge_entities
    from newsprism.align.facts import group_facts
    from newsprism.align.quotes import align_quotes

    entities = merge_entities(articles, analyses)
    quotes = align_quotes(articles, analyses, entities)
    facts = group_facts(articles, analyses, entities)
    coverage = build_coverage(articles, quotes, facts)
    return StoryAlignment(entities=entities, quotes=quotes, facts=facts, coverage=coverage)
