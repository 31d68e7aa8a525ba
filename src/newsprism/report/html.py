"""The HTML report: one self-contained file (inline CSS, no external resources).

Article text is untrusted. Everything goes through Jinja2 with autoescaping on and
no ``|safe`` on anything derived from an article; ids are built from sanitised
article ids; only plain http(s) URLs become links.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprism.model import Article, Brief, Claim, Fact, Quote, QuoteVariant
from newsprism.report.view import (
    Citations,
    DiffPiece,
    article_anchor,
    article_labels,
    article_nodes,
    cast_rows,
    collect_marks,
    coverage_rows,
    framing_rows,
    diff_changes,
    ops_changes,
    format_date,
    format_timestamp,
    format_value,
    group_label,
    independent_groups,
    is_paraphrase,
    outlet_counts,
    paragraph_anchor,
    paragraph_spans,
    safe_id,
    safe_url,
    shorten,
    span_anchor,
    speaker_label,
    story_headline,
    variant_pieces,
)

STATUS_LABELS = {"corroborated": "Corroborated", "disputed": "Disputed", "single_source": "Single source"}
COVERAGE_LABELS = {"carried": "carried", "exclusive": "only here", "omitted": "omitted", "absent": ""}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape=True for every template: the report is HTML whatever the file is called.
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


@dataclass
class Link:
    label: str
    anchor: str
    title: str = ""


@dataclass
class ClaimView:
    label: str
    text: str
    value: str
    before: str
    after: str
    anchor: str


@dataclass
class VariantView:
    pieces: list[DiffPiece]
    changes: list[tuple[str, str]]
    outlets: list[str]
    paraphrase: bool = False  # an indirect quote in the outlet's own words: shown plain, not diffed


@dataclass
class SourceLinks:
    """One article's spans for an item: the label links to the first, the others are numbered."""

    label: str
    anchor: str
    title: str
    more: list[Link] = field(default_factory=list)


@dataclass
class QuoteView:
    id: str
    anchor: str
    speaker: str
    kind: str
    text: str
    variants: list[VariantView]
    sources: list[SourceLinks]
    groups: int
    disagreement: list[str] = field(default_factory=list)


def _source_links(spans, labels: dict[str, str]) -> list[SourceLinks]:
    """Spans grouped by article, in first-seen order."""
    grouped: dict[str, SourceLinks] = {}
    for span in spans:
        anchor = span_anchor(span.article, span.start, span.end)
        if span.article not in grouped:
            grouped[span.article] = SourceLinks(labels.get(span.article, span.article), anchor, span.text)
        elif anchor != grouped[span.article].anchor and anchor not in {m.anchor for m in grouped[span.article].more}:
            more = grouped[span.article].more
            more.append(Link(str(len(more) + 2), anchor, span.text))
    return list(grouped.values())


def _claim_view(claim: Claim, label: str) -> ClaimView:
    """The claim inside its sentence: (before, claim, after) so the template can bold the claim."""
    before = after = ""
    sentence = claim.sentence
    if sentence and sentence.start <= claim.start and claim.end <= sentence.end:
        before = sentence.text[: claim.start - sentence.start]
        after = sentence.text[claim.end - sentence.start :]
    return ClaimView(
        label,
        claim.text,
        format_value(claim.value, claim.unit, claim.qualifier),
        before,
        after,
        span_anchor(claim.article, claim.start, claim.end),
    )


def _fact_view(fact: Fact, labels: dict[str, str]) -> dict[str, Any]:
    claims = [_claim_view(c, labels.get(c.article, c.article)) for c in fact.claims]
    return {
        "anchor": f"fact-{safe_id(fact.id)}",
        "topic": fact.topic or "(untitled fact)",
        "status": fact.status if fact.status in STATUS_LABELS else "single_source",
        "status_label": STATUS_LABELS.get(fact.status, fact.status),
        "explanation": fact.explanation,
        "claims": claims,
        "groups": len(set(fact.source_groups)) or len({c.article for c in fact.claims}),
    }


def _variant_view(quote: Quote, variant: QuoteVariant, labels: dict[str, str]) -> VariantView:
    outlets = [labels.get(a, a) for a in variant.articles]
    if is_paraphrase(quote, variant):
        return VariantView(variant_pieces(quote, variant), [], outlets, paraphrase=True)
    pieces = variant_pieces(quote, variant)
    changes = ops_changes(variant.diff) if variant.diff else None
    return VariantView(pieces, changes or diff_changes(pieces), outlets)


def _quote_view(quote: Quote, labels: dict[str, str], groups: dict[str, str]) -> QuoteView:
    speakers = sorted({m.speaker_name for m in quote.mentions if m.speaker_name})
    variants = [_variant_view(quote, v, labels) for v in quote.variants if v.text.split() != quote.text.split()]
    return QuoteView(
        id=quote.id,
        anchor=f"quote-{safe_id(quote.id)}",
        speaker=speaker_label(quote),
        kind=quote.kind,
        text=quote.text,
        variants=variants,
        sources=_source_links(quote.mentions, labels),
        groups=len(
            {groups.get(a, a) for a in quote.articles} | {groups.get(m.article, m.article) for m in quote.mentions}
        ),
        disagreement=speakers if quote.speaker_disagreement else [],
    )


def _coverage_view(brief: Brief, labels: dict[str, str]) -> dict[str, Any]:
    """The matrix rows worth a reader's eye (carried by several sources, or omitted by one), and totals."""
    rows, hidden = coverage_rows(brief)
    groups = [
        {
            "label": group_label(row, labels),
            "articles": len(row.articles),
            "carried": len(row.facts) + len(row.quotes),
            "exclusive": len(row.exclusive_facts) + len(row.exclusive_quotes),
            "omitted": len(row.omitted_facts) + len(row.omitted_quotes),
        }
        for row in brief.coverage
    ]
    return {"groups": groups, "rows": rows, "hidden": hidden}


def _opinion_view(brief: Brief, labels: dict[str, str]) -> list[dict[str, Any]]:
    by_article = {a.article: a for a in brief.analyses}
    flagged = []
    for article in brief.articles:
        for i, (start, end, label, reasons) in enumerate(paragraph_spans(article, by_article.get(article.id))):
            if label != "reporting":
                flagged.append(
                    {
                        "label": label,
                        "outlet": labels[article.id],
                        "reasons": reasons,
                        "excerpt": shorten(article.text[start:end], 160),
                        "anchor": paragraph_anchor(article.id, i),
                    }
                )
    return flagged


def _source_name(source_path: str) -> str:
    """A file's name without the reader's directories; URLs and other sources as they are."""
    if "://" in source_path:
        return source_path
    return PurePath(source_path).name or source_path


def _article_view(article: Article, brief: Brief, labels: dict[str, str], marks) -> dict[str, Any]:
    analysis = next((a for a in brief.analyses if a.article == article.id), None)
    return {
        "anchor": article_anchor(article.id),
        "label": labels[article.id],
        "title": article.title,
        "url": safe_url(article.url),
        "url_text": article.url,
        "meta": [
            part
            for part in (
                article.published and f"published {article.published}",
                article.author and f"by {article.author}",
                article.source_group and f"source group {article.source_group}",
                f"{len(article.text.split()):,} words",
                article.source_path and f"from {_source_name(article.source_path)}",
            )
            if part
        ],
        "mixed": bool(analysis and analysis.mixed),
        "nodes": article_nodes(article, analysis, marks.get(article.id, [])),
        "removed": [{"reason": r.reason, "text": shorten(r.text, 400)} for r in article.removed],
    }


def _targets(brief: Brief, marks) -> set[str]:
    """Anchors the article texts will carry: a link to anything else would go nowhere, so it is not made."""
    lengths = {a.id: len(a.text) for a in brief.articles}
    return {
        span_anchor(article, m.start, m.end)
        for article, ms in marks.items()
        if article in lengths
        for m in ms
        if 0 <= m.start < m.end <= lengths[article]
    }


def report_context(brief: Brief) -> dict[str, Any]:
    labels = article_labels(brief.articles)
    headline, headline_article = story_headline(brief)
    citations = Citations(labels)
    summary = [{"text": s.text, "cites": [citations.cite(src) for src in s.sources]} for s in brief.summary]
    marks = collect_marks(brief)
    timeline = [
        {
            "date": format_date(t.date, t.precision) if t.resolved else (t.date or "date unknown"),
            "iso": t.date if t.resolved else "",
            "resolved": t.resolved,
            "text": t.text,
            "sources": _source_links(t.sources, labels),
        }
        for t in brief.timeline  # already in order
    ]
    groups = {a.id: a.source_group or a.id for a in brief.articles}
    facts = [_fact_view(f, labels) for f in brief.facts]
    quotes = [_quote_view(q, labels, groups) for q in brief.quotes]
    dates = sorted(a.published[:10] for a in brief.articles if a.published)
    return {
        "title": headline,
        "headline_by": labels.get(headline_article) if headline_article else None,
        "generated": brief.generated,
        "generated_text": format_timestamp(brief.generated),
        "n_articles": len(brief.articles),
        "outlets": outlet_counts(brief.articles),
        "n_groups": independent_groups(brief.articles),
        "dates": (dates[0], dates[-1]) if dates else None,
        "warnings": brief.warnings,
        "summary": summary,
        "citations": citations.all,
        "timeline": timeline,
        # Disputed facts first: what a reader must not miss.
        "facts": sorted((f for f in facts if f["status"] != "single_source"), key=lambda f: f["status"] != "disputed"),
        "single_facts": [f for f in facts if f["status"] == "single_source"],
        "n_facts": len(facts),
        # Quotes several independent sources carry come first; the rest are listed compactly.
        "shared_quotes": sorted((q for q in quotes if q.groups > 1), key=lambda q: -q.groups),
        "single_quotes": [q for q in quotes if q.groups <= 1],
        "n_quotes": len(quotes),
        "coverage": _coverage_view(brief, labels),
        "cast": cast_rows(brief),
        "coverage_labels": COVERAGE_LABELS,
        "opinion": _opinion_view(brief, labels),
        "framing": framing_rows(brief, labels),
        "articles": [_article_view(a, brief, labels, marks) for a in brief.articles],
        "targets": _targets(brief, marks),
        "status_labels": STATUS_LABELS,
    }


def render_html(brief: Brief) -> str:
    return _environment().get_template("report.html").render(**report_context(brief))


__all__ = ["render_html", "report_context"]
