"""The story's timeline: dated events from every article, one entry per event, sorted.

Each time expression found in an article (``analyses[i].times``) carries the clause that says
what happened then. Expressions with the same date and precision whose clauses say the same
thing (TF-IDF cosine over content words, or sentence-embedding cosine for paraphrases such as
"launched an all-out invasion in 2022" / "since Russia invaded Ukraine in 2022") are one event, told
by several outlets: one entry whose sources are all their clauses. Unresolved expressions ("Friday" in an article with no date) are
kept, marked ``resolved=False``, their ``date`` the expression as written, and listed after the
dated entries in order of appearance: they are never given a guessed date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from newsprism.align.unionfind import UnionFind
from newsprism.analyse.embeddings import embed
from newsprism.brief.sentences import TfidfSpace, cosine, word_count
from newsprism.model import Article, ArticleAnalysis, Span, TimeExpression, TimelineEntry

SAME_EVENT_SIMILARITY = 0.2
# MiniLM cosine above which two clauses with the same date tell one event (paraphrase); checked on
# hand-written pairs in tests/test_timeline.py, never the only evidence: the dates must be equal too.
SAME_EVENT_EMBEDDING = 0.6
MIN_EVENT_WORDS = 4
PRECISION_ORDER = {"year": 0, "month": 1, "day": 2}


def _key(t: TimeExpression) -> tuple[bool, str, str]:
    if t.resolved and t.date:
        return True, t.date, t.precision or "day"
    spoken = re.sub(r"^(on|in|at|by|since|this past)\s+", "", t.text.strip().lower())
    return False, spoken, t.precision or "day"


def _representative(members: list[TimeExpression], vectors: dict[int, dict]) -> TimeExpression:
    """The clause closest to the others (ties: the shorter one)."""
    if len(members) == 1:
        return members[0]

    def score(m: TimeExpression) -> tuple[float, int]:
        sims = [cosine(vectors[id(m)], vectors[id(o)]) for o in members if o is not m]
        return sum(sims) / len(sims), -len(m.event.text)

    return max(members, key=score)


def build_timeline(articles: list[Article], analyses: list[ArticleAnalysis]) -> list[TimelineEntry]:
    order = {a.id: i for i, a in enumerate(articles)}
    times = [
        t
        for analysis in analyses
        for t in analysis.times
        if t.event is not None and t.precision and word_count(t.event.text) >= MIN_EVENT_WORDS
    ]
    # "lulls in 2015, 2016 and 2017": several dates on one clause make one entry (the first date).
    first_per_clause: dict[tuple[str, int, int], TimeExpression] = {}
    for t in times:
        first_per_clause.setdefault((t.event.article, t.event.start, t.event.end), t)
    times = list(first_per_clause.values())
    if not times:
        return []
    space = TfidfSpace(t.event.text for t in times)
    vectors = {id(t): space.vector(t.event.text) for t in times}
    # Single-link clusters within one date: every pair of the same date is compared, so the result
    # does not depend on the order articles come in. Clauses sharing words link at once; the others,
    # when told by different articles, are compared by meaning (only those are embedded).
    ordered = sorted(times, key=lambda t: (order.get(t.article, 0), t.start))
    by_date: dict[tuple[bool, str, str], list[int]] = defaultdict(list)
    for i, t in enumerate(ordered):
        by_date[_key(t)].append(i)
    links = UnionFind(len(ordered))
    paraphrase_candidates: list[tuple[int, int]] = []
    for indices in by_date.values():
        for i, j in combinations(indices, 2):
            a, b = ordered[i], ordered[j]
            if cosine(vectors[id(a)], vectors[id(b)]) >= SAME_EVENT_SIMILARITY:
                links.union(i, j)
            elif a.article != b.article:
                paraphrase_candidates.append((i, j))
    to_embed = sorted({k for pair in paraphrase_candidates for k in pair})
    meaning = dict(zip(to_embed, embed([ordered[k].event.text for k in to_embed])))
    for i, j in paraphrase_candidates:
        if float(meaning[i] @ meaning[j]) >= SAME_EVENT_EMBEDDING:
            links.union(i, j)
    grouped: dict[int, list[TimeExpression]] = {}
    for i, t in enumerate(ordered):
        grouped.setdefault(links.find(i), []).append(t)
    clusters = [(_key(members[0]), members) for members in grouped.values()]
    entries: list[tuple[tuple, TimelineEntry]] = []
    for position, (key, members) in enumerate(clusters):
        resolved, date_or_text, precision = key
        rep = _representative(members, vectors)
        sources: list[Span] = []
        seen: set[tuple[str, int, int]] = set()
        for m in members:
            ident = (m.event.article, m.event.start, m.event.end)
            if ident not in seen:
                seen.add(ident)
                sources.append(m.event)
        entry = TimelineEntry(
            date=date_or_text if resolved else rep.text.strip(),
            precision=precision,  # type: ignore[arg-type]
            text=rep.event.text,
            sources=sources,
            resolved=resolved,
        )
        sort_key = (0, date_or_text, PRECISION_ORDER.get(precision, 2), position) if resolved else (1, "", 0, position)
        entries.append((sort_key, entry))
    return [e for _, e in sorted(entries, key=lambda pair: pair[0])]
