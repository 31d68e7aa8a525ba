"""The Markdown report: the brief as a document to read, paste or commit.

Article text is untrusted and may contain Markdown or HTML: every article-derived
string goes through :func:`md` (or :func:`cell` inside tables), which neutralises
raw HTML and Markdown syntax; only plain http(s) URLs become links.
"""

from __future__ import annotations

import re

from newsprism.model import Brief, Fact, Quote
from newsprism.report.view import (
    Citations,
    DiffPiece,
    article_labels,
    cast_rows,
    coverage_rows,
    framing_rows,
    diff_changes,
    ops_changes,
    format_date,
    format_value,
    group_label,
    independent_groups,
    is_paraphrase,
    outlet_counts,
    paragraph_spans,
    safe_url,
    shorten,
    speaker_label,
    story_headline,
    variant_pieces,
)

STATUS_WORDS = {"corroborated": "CORROBORATED", "disputed": "DISPUTED", "single_source": "SINGLE SOURCE"}
COVERAGE_WORDS = {"carried": "carried", "exclusive": "**only here**", "omitted": "*omitted*", "absent": "—"}

# Characters that start Markdown syntax anywhere in a line (emphasis, code, links, tables, strike-through).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def md(text: str | None) -> str:
    """Untrusted text as inert inline Markdown: one line, no HTML, no emphasis or links."""
    if not text:
        return ""
    # One line; a leading or trailing space is kept so "lasted **nearly**" stays two words.
    text = (" " if text[0].isspace() else "") + " ".join(text.split()) + (" " if text[-1].isspace() else "")
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def cell(text: str | None) -> str:
    """Inline Markdown for a table cell (``md`` already escapes the pipe)."""
    return md(text).strip() or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _diff_md(pieces: list[DiffPiece]) -> str:
    """The variant with the canonical's words struck through and its own in bold."""
    out = []
    for p in pieces:
        if p.op == "delete":
            out.append(f"~~{md(p.text)}~~")
        elif p.op == "insert":
            out.append(f"**{md(p.text)}**")
        elif p.op == "gap":
            out.append("…")
        else:
            out.append(md(p.text))
    return " ".join(out)


def _summary(brief: Brief, citations: Citations) -> list[str]:
    lines = ["## Summary", ""]
    if not brief.summary:
        return lines + ["*No summary was produced.*", ""]
    sentences = []
    for s in brief.summary:
        refs = "".join(f"[{citations.cite(src).number}]" for src in s.sources)
        sentences.append(md(s.text) + (f" {refs}" if refs else ""))
    for sentence in sentences:  # one paragraph each: they come from different articles
        lines += [sentence, ""]
    lines += ["**Cited passages**", ""]
    for c in citations.all:
        lines.append(f"{c.number}. {md(c.label)} — “{md(c.text)}” ({md(c.article)}, characters {c.start}–{c.end})")
    return lines + [""]


def _timeline(brief: Brief, labels: dict[str, str]) -> list[str]:
    lines = ["## Timeline", ""]
    if not brief.timeline:
        return lines + ["*No dated events were found.*", ""]
    for t in brief.timeline:  # already in order
        when = format_date(t.date, t.precision) if t.resolved else f"“{md(t.date)}” (unresolved)"
        outlets = ", ".join(dict.fromkeys(md(labels.get(s.article, s.article)) for s in t.sources))
        lines.append(f"- **{when}** — {md(t.text)}" + (f" ({outlets})" if outlets else ""))
    return lines + [""]


def _fact(fact: Fact, labels: dict[str, str]) -> list[str]:
    status = STATUS_WORDS.get(fact.status, md(fact.status).upper())
    lines = [f"### {md(fact.topic) or '(untitled fact)'} — **{status}**", ""]
    if fact.explanation:
        lines += [md(fact.explanation), ""]
    rows = [
        [
            cell(labels.get(c.article, c.article)),
            cell(c.text),
            cell(format_value(c.value, c.unit, c.qualifier)),
            _context(c) or " ",
        ]
        for c in fact.claims
    ]
    return lines + _table(["Outlet", "As written", "Value", "In context"], rows) + [""]


def _context(c) -> str:
    """The claim's sentence with the claim in bold, or nothing when the sentence is unknown."""
    if c.sentence and c.sentence.start <= c.start and c.end <= c.sentence.end:
        before = c.sentence.text[: c.start - c.sentence.start]
        after = c.sentence.text[c.end - c.sentence.start :]
        return f"{md(before)}**{md(c.text)}**{md(after)}".strip()
    return ""


def _facts(brief: Brief, labels: dict[str, str]) -> list[str]:
    lines = ["## Facts", ""]
    if not brief.facts:
        return lines + ["*No checkable facts were found.*", ""]
    # Disputed first, then corroborated; single-source facts in one compact table.
    shared = sorted((f for f in brief.facts if f.status != "single_source"), key=lambda f: f.status != "disputed")
    for fact in shared:
        lines += _fact(fact, labels)
    single = [f for f in brief.facts if f.status == "single_source"]
    if single:
        lines += [f"### From a single source ({len(single)})", ""]
        rows = [
            [
                cell(f.topic) if i == 0 else " ",
                cell(labels.get(c.article, c.article)),
                cell(c.text),
                cell(format_value(c.value, c.unit, c.qualifier)),
                _context(c) or " ",
            ]
            for f in single
            for i, c in enumerate(f.claims)
        ]
        lines += _table(["Fact", "Outlet", "As written", "Value", "In context"], rows) + [""]
    return lines


def _quote_row(q: Quote, labels: dict[str, str]) -> list[str]:
    speaker = md(speaker_label(q))
    if q.speaker_disagreement:
        names = sorted({m.speaker_name for m in q.mentions if m.speaker_name})
        speaker += " ⚠ outlets disagree on the speaker" + (f": {', '.join(md(n) for n in names)}" if names else "")
    text = f"“{md(q.text)}”" + ("" if q.kind == "direct" else f" ({md(q.kind)})")
    variants = []
    for v in q.variants:
        if v.text.split() == q.text.split():
            continue
        outlets = ", ".join(md(labels.get(a, a)) for a in v.articles)
        if is_paraphrase(q, v):
            variants.append(f"{md(v.text)} ({outlets}; paraphrase)")
            continue
        pieces = variant_pieces(q, v)
        pairs = (ops_changes(v.diff) if v.diff else None) or diff_changes(pieces)
        short = len(pairs) <= 3 and all(len(a.split()) <= 5 and len(b.split()) <= 5 for a, b in pairs)
        changes = "; ".join(f"{md(a) or '∅'} → {md(b) or '∅'}" for a, b in pairs) if short else ""
        variants.append(f"“{_diff_md(pieces)}” ({outlets}" + (f"; {changes})" if changes else ")"))
    outlets = ", ".join(dict.fromkeys(md(labels.get(m.article, m.article)) for m in q.mentions)) or ", ".join(
        md(o) for o in q.outlets
    )
    return [speaker, text, "<br>".join(variants) or "same wording everywhere", outlets or " "]


def _source_groups(q: Quote, groups: dict[str, str]) -> int:
    return len({groups.get(a, a) for a in q.articles} | {groups.get(m.article, m.article) for m in q.mentions})


def _quotes(brief: Brief, labels: dict[str, str]) -> list[str]:
    lines = ["## Quotes", ""]
    if not brief.quotes:
        return lines + ["*No quotes were found.*", ""]
    groups = {a.id: a.source_group or a.id for a in brief.articles}
    shared = sorted(
        (q for q in brief.quotes if _source_groups(q, groups) > 1), key=lambda q: -_source_groups(q, groups)
    )
    single = [q for q in brief.quotes if _source_groups(q, groups) <= 1]
    header = ["Speaker", "Quote", "Other wordings (canonical ~~struck~~, variant **bold**, … not quoted)", "Outlets"]
    if shared:
        lines += _table(header, [_quote_row(q, labels) for q in shared]) + [""]
    else:
        lines += ["*No quote is carried by more than one independent source.*", ""]
    if single:
        lines += [f"### From a single source ({len(single)})", ""]
        lines += _table(header, [_quote_row(q, labels) for q in single]) + [""]
    return lines


def _cast(brief: Brief) -> list[str]:
    lines = ["## People, organisations and places", ""]
    rows, hidden = cast_rows(brief)
    if not rows:
        return lines + ["*No name recurs across the articles.*", ""]
    body = [
        [
            f"{md(e['name'])} ({md(e['type'])})",
            cell(", ".join(e["aliases"])),
            cell(", ".join(e["roles"])),
            f"{e['articles']} of {e['of']}",
        ]
        for e in rows
    ]
    lines += _table(["Name", "Also written", "Described as", "Articles"], body) + [""]
    if hidden:
        names = f"{hidden} name{'s' if hidden != 1 else ''}"
        lines += [f"Not listed: {names} found in one article only under one spelling, and nationalities.", ""]
    return lines


def _items_carried(n: int) -> str:
    return "1 item carried by a single source is" if n == 1 else f"{n} items carried by a single source are"


def _coverage(brief: Brief, labels: dict[str, str]) -> list[str]:
    lines = ["## Coverage", ""]
    if not brief.coverage:
        return lines + ["*No coverage to compare.*", ""]
    rows, hidden = coverage_rows(brief)
    header = ["Fact or quote"] + [cell(group_label(row, labels)) for row in brief.coverage]
    body = [[md(r["label"])] + [COVERAGE_WORDS[c] for c in r["cells"]] for r in rows]
    if not body:
        body = [["*none carried by several sources*"] + [" "] * len(brief.coverage)]
    body.append(["*carried in all*"] + [str(len(r.facts) + len(r.quotes)) for r in brief.coverage])
    body.append(
        ["*only this source*"] + [str(len(r.exclusive_facts) + len(r.exclusive_quotes)) for r in brief.coverage]
    )
    body.append(["*omitted*"] + [str(len(r.omitted_facts) + len(r.omitted_quotes)) for r in brief.coverage])
    legend = (
        "*only here*: no other independent source carries it; *omitted*: at least two other independent "
        "sources carry it." + (f" {_items_carried(hidden)} only counted." if hidden else "")
    )
    return lines + _table(header, body) + ["", legend, ""]


def _opinion(brief: Brief, labels: dict[str, str]) -> list[str]:
    lines = ["## Opinion and analysis", ""]
    by_article = {a.article: a for a in brief.analyses}
    items = []
    for article in brief.articles:
        for start, end, label, reasons in paragraph_spans(article, by_article.get(article.id)):
            if label != "reporting":
                why = f" — *{md('; '.join(reasons))}*" if reasons else ""
                items.append(
                    f"- **{label}** · {md(labels[article.id])}: “{md(shorten(article.text[start:end], 200))}”{why}"
                )
    lines += items or ["*No paragraph was labelled opinion or analysis.*"]
    return lines + [""] + _framing(brief, labels)


def _framing(brief: Brief, labels: dict[str, str]) -> list[str]:
    rows = framing_rows(brief, labels)
    lines = ["### Loaded terms", ""]
    if not rows:
        return lines + ["*No outlet uses a loaded term where another uses neutral wording.*", ""]
    lines += ["Outlets' own words (quotations not counted); counts are loaded / neutral.", ""]
    body = [
        [md(r["concept"]), f"**{md(r['loaded'])}**", md(r["neutral"]),
         " · ".join(f"{md(c['outlet'])} {c['loaded']} / {c['neutral']}" for c in r["cells"])]
        for r in rows
    ]
    return lines + _table(["Concept", "Loaded term", "Neutral", "By outlet (loaded / neutral)"], body) + [""]


def _articles(brief: Brief, labels: dict[str, str]) -> list[str]:
    by_article = {a.article: a for a in brief.analyses}
    lines = ["## Articles", ""]
    for a in brief.articles:
        title = md(a.title) or "(untitled)"
        url = safe_url(a.url)
        if url:
            title = f"[{title}](<{url.replace('<', '%3C').replace('>', '%3E')}>)"
        parts = [f"**{md(labels[a.id])}** — {title}"]
        if a.published:
            parts.append(md(a.published))
        if a.author:
            parts.append(md(a.author))
        parts.append(f"{len(a.text.split())} words")
        if a.url and not url:
            parts.append(f"unlinked address: {md(a.url)}")
        analysis = by_article.get(a.id)
        if analysis and analysis.mixed:
            parts.append("news with a long opinion part")
        if a.removed:
            reasons = ", ".join(dict.fromkeys(md(r.reason) for r in a.removed))
            parts.append(f"cleaning removed {len(a.removed)} piece{'s' if len(a.removed) != 1 else ''} ({reasons})")
        lines.append("- " + " · ".join(parts))
    return lines + [""]


def render_markdown(brief: Brief) -> str:
    labels = article_labels(brief.articles)
    outlets = ", ".join(md(o) for o in outlet_counts(brief.articles))
    groups = independent_groups(brief.articles)
    n = len(brief.articles)
    headline, headline_article = story_headline(brief)
    lines = [
        f"# {md(headline)}",
        "",
        *([f"*Headline as published by {md(labels[headline_article])}*", ""] if headline_article else []),
        f"*newsprism brief* · {n} article{'s' if n != 1 else ''} from {groups} independent"
        f" source{'s' if groups != 1 else ''}"
        + (f" ({outlets})" if outlets else "")
        + f" · generated {md(brief.generated)}",
        "",
    ]
    if brief.warnings:
        lines += ["> **Input warnings**", ">"]
        lines += [f"> - {md(w.source)}: {md(w.message)}" for w in brief.warnings]
        lines.append("")
    citations = Citations(labels)
    lines += _summary(brief, citations)
    lines += _timeline(brief, labels)
    lines += _facts(brief, labels)
    lines += _quotes(brief, labels)
    lines += _cast(brief)
    lines += _coverage(brief, labels)
    lines += _opinion(brief, labels)
    lines += _articles(brief, labels)
    return "\n".join(lines).rstrip() + "\n"
