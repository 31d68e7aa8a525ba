"""Per-article analysis: one spaCy parse, then each component on the parsed doc.

``analyse_article`` is a pure function of one article (plus the shared parser),
so it can be cached by content hash and run on many cores. Components never see
other articles; cross-article work lives in ``newsprism.align``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsprism.analyse.nlp import load_nlp
from newsprism.model import Article, ArticleAnalysis


def analyse_doc(doc, article: Article) -> ArticleAnalysis:
    """Run every per-article component on an already parsed ``doc`` of ``article.text``."""
    # Imported here so that each component module stays importable on its own.
    from newsprism.analyse.claims import extract_claims
    from newsprism.analyse.entities import local_entities
    from newsprism.analyse.genre import label_paragraphs
    from newsprism.analyse.quotes import extract_quotes
    from newsprism.analyse.times import extract_times

    entities = local_entities(doc)
    quotes = extract_quotes(doc, article.id, entities)
    claims = extract_claims(doc, article.id, entities, article.published)
    times = extract_times(doc, article.id, article.published)
    paragraphs, mixed = label_paragraphs(doc, quotes)
    return ArticleAnalysis(
        article=article.id,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
        entities=entities,
        quotes=quotes,
        claims=claims,
        times=times,
        paragraphs=paragraphs,
        mixed=mixed,
    )


def analyse_articles(
    articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 16
) -> Iterator[ArticleAnalysis]:
    """Stream analyses in input order; memory stays flat (``nlp.pipe``, no corpus state)."""
    nlp = load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield analyse_doc(doc, article)
