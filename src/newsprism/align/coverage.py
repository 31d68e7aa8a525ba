"""Coverage per source group: what it carries, what only it carries, what it leaves out.

A group *omits* a fact or quote when it does not carry it while at least two other independent
groups do (one other group carrying something is not yet a pattern worth flagging).
"""

from __future__ import annotations

from newsprism.model import Article, CoverageRow, Fact, Quote

MIN_OTHERS_FOR_OMISSION = 2


def build_coverage(articles: list[Article], quotes: list[Quote], facts: list[Fact]) -> list[CoverageRow]:
    group_of = {a.id: a.source_group or a.id for a in articles}
    order: list[str] = []
    members: dict[str, list[Article]] = {}
    for a in articles:
        g = group_of[a.id]
        if g not in members:
            order.append(g)
            members[g] = []
        members[g].append(a)

    fact_groups = {f.id: {group_of.get(c.article, c.article) for c in f.claims} for f in facts}
    quote_groups = {q.id: {group_of.get(art, art) for art in _quote_articles(q)} for q in quotes}

    rows = []
    for g in order:
        arts = members[g]
        rows.append(CoverageRow(
            source_group=g,
            outlets=sorted({a.outlet for a in arts if a.outlet}),
            articles=[a.id for a in arts],
            facts=[f for f, gs in fact_groups.items() if g in gs],
            quotes=[q for q, gs in quote_groups.items() if g in gs],
            exclusive_facts=[f for f, gs in fact_groups.items() if gs == {g}],
            exclusive_quotes=[q for q, gs in quote_groups.items() if gs == {g}],
            omitted_facts=[f for f, gs in fact_groups.items() if _omits(g, gs)],
            omitted_quotes=[q for q, gs in quote_groups.items() if _omits(g, gs)],
        ))
    return rows


def _quote_articles(quote: Quote) -> list[str]:
    return list(quote.articles) or [m.article for m in quote.mentions]


def _omits(group: str, carriers: set[str]) -> bool:
    return group not in carriers and len(carriers) >= MIN_OTHERS_FOR_OMISSION
