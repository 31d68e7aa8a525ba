"""What both reports show, computed once from a :class:`Brief`.

Plain data only (strings, numbers, small dataclasses): the renderers decide how
it looks and do all the escaping, so nothing here produces markup.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from newsprism.align.diff import aligned_ops
from newsprism.model import Article, ArticleAnalysis, Brief, CoverageRow, Entity, Quote, QuoteVariant, Span

# --------------------------------------------------------------------------- ids and labels

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def safe_id(article_id: str) -> str:
    """An HTML-id-safe form of an article id; a hash suffix keeps rewritten ids distinct."""
    cleaned = _UNSAFE_ID.sub("_", article_id)[:64]
    if cleaned != article_id or not cleaned:
        cleaned += "_" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8]
    return cleaned


def span_anchor(article_id: str, start: int, end: int) -> str:
    """The id of the highlighted span ``article.text[start:end]`` in the HTML report."""
    return f"a-{safe_id(article_id)}-{start}-{end}"


def article_anchor(article_id: str) -> str:
    return f"art-{safe_id(article_id)}"


def paragraph_anchor(article_id: str, index: int) -> str:
    return f"p-{safe_id(article_id)}-{index}"


def article_labels(articles: list[Article]) -> dict[str, str]:
    """A short human name per article: its outlet (numbered when one outlet has several), else "Article N"
    (N its place in the brief; titles are too long for a label and ids mean nothing to a reader)."""
    names = {a.id: a.outlet or f"Article {i}" for i, a in enumerate(articles, 1)}
    totals = Counter(names.values())
    seen: Counter[str] = Counter()
    labels = {}
    for a in articles:
        name = names[a.id]
        seen[name] += 1
        labels[a.id] = f"{name} ({seen[name]})" if totals[name] > 1 else name
    return labels


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address; anything else (javascript:, data:, ...) is not linked."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in url.strip()):
        return url.strip()
    return None


# --------------------------------------------------------------------------- values and dates


def _number(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}"
    if isinstance(x, float):
        return f"{x:,.6g}"
    return str(x)


def _finite(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and math.isfinite(x) else None


def _ordinal(n: float) -> str:
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k:,}{suffix}"


def _day_range(low: float, high: float) -> str:
    """Day ordinals (``date.toordinal``) as "15 Aug 2025", "Aug 2025", "2025" or a range."""
    first, last = date.fromordinal(int(low)), date.fromordinal(int(high))
    if first == last:
        return first.strftime("%-d %b %Y")
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and (last + timedelta(1)).day == 1:
        return first.strftime("%b %Y")
    return f"{first:%-d %b %Y} – {last:%-d %b %Y}"


def _unit_text(x: float, unit: str) -> str:
    if unit == "date":
        return _day_range(x, x)
    if unit == "month-day":  # day of the year 2000 (a leap year), no year known
        return (date(2000, 1, 1) + timedelta(int(x) - 1)).strftime("%-d %b")
    if unit == "percent":
        return f"{_number(x)}%"
    if unit == "ordinal":
        return _ordinal(x)
    return f"{_number(x)} {unit}".strip()


def format_value(value: dict[str, Any], unit: str, qualifier: str | None = None) -> str:
    """A claim's normalised value for people: "about 200 person", "2.5–3 hour", "≥ 3 hour", "Aug 2025"."""
    point, low, high = (_finite(value.get(k)) for k in ("point", "low", "high"))
    try:
        if point is not None:
            text = _unit_text(point, unit)
            return f"{qualifier} {text}" if qualifier else text
        if low is not None and high is not None:
            if unit == "date":
                return _day_range(low, high)
            if low == high:
                return _unit_text(low, unit)
            first, last = _unit_text(low, unit), _unit_text(high, unit)
            if unit in ("date", "month-day", "percent", "ordinal"):
                return f"{first} – {last}"
            return f"{_number(low)}–{last}"
        if low is not None:
            return f"≥ {_unit_text(low, unit)}"
        if high is not None:
            return f"≤ {_unit_text(high, unit)}"
    except (ValueError, OverflowError):  # an ordinal out of the calendar's range
        pass
    return f"{value} {unit}".strip()


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def format_date(iso: str | None, precision: str | None) -> str:
    """ "15 Aug 2025" / "Aug 2025" / "2025"; the ISO string as is when it does not parse."""
    if not iso:
        return "date unresolved"
    try:
        year, *rest = iso[:10].split("-")
        if precision == "year" or not rest:
            return year
        month = _MONTHS[int(rest[0]) - 1]
        if precision == "month" or len(rest) < 2:
            return f"{month} {year}"
        return date(int(year), int(rest[0]), int(rest[1])).strftime("%-d %b %Y")
    except (ValueError, IndexError):
        return iso


def format_timestamp(iso: str) -> str:
    """ "23 Nov 2026, 09:43 UTC" for an ISO timestamp; the string as is when it does not parse."""
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso
    if moment.utcoffset() is not None:
        moment = moment.astimezone(timezone.utc)
        return moment.strftime("%-d %b %Y, %H:%M UTC")
    return moment.strftime("%-d %b %Y, %H:%M")


# --------------------------------------------------------------------------- word diffs

_OP_KEYS = ("op", "tag", "type", "operation", "kind")
_OLD_KEYS = ("a", "canonical", "old", "from", "delete", "removed", "before", "source", "src", "left")
_NEW_KEYS = ("b", "variant", "new", "to", "insert", "added", "after", "target", "dst", "right")
_OP_NAMES = {
    "equal": "equal",
    "eq": "equal",
    "same": "equal",
    "keep": "equal",
    "=": "equal",
    "replace": "replace",
    "sub": "replace",
    "substitute": "replace",
    "change": "replace",
    "~": "replace",
    "insert": "insert",
    "ins": "insert",
    "add": "insert",
    "+": "insert",
    "delete": "delete",
    "del": "delete",
    "remove": "delete",
    "-": "delete",
}


@dataclass(frozen=True)
class DiffPiece:
    """One run of words: ``equal`` in both, ``delete`` only in the canonical text, ``insert`` only in
    the variant, ``gap`` canonical words before or after the part a fragment quotes (shown as "…")."""

    op: str
    text: str
    full: str = ""  # the whole run when ``text`` is shortened


def _words(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value)


def _first(d: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((d[k] for k in keys if k in d), None)


def _pieces_from_ops(ops: list[Any], canonical: str, variant: str) -> list[DiffPiece] | None:
    """The variant's diff ops as pieces, or None when they are not a complete, understandable account."""
    old_words, new_words = canonical.split(), variant.split()
    pieces: list[DiffPiece] = []
    for raw in ops:
        if isinstance(raw, dict):
            op = _OP_NAMES.get(str(_first(raw, _OP_KEYS) or "").lower())
            old, new = _words(_first(raw, _OLD_KEYS)), _words(_first(raw, _NEW_KEYS))
            if op == "equal" and not new:
                new = old or _words(raw.get("text") or raw.get("words"))
                old = new
        elif isinstance(raw, (list, tuple)) and len(raw) == 5 and all(isinstance(i, int) for i in raw[1:]):
            op = _OP_NAMES.get(str(raw[0]).lower())  # difflib opcodes over whitespace words
            old, new = " ".join(old_words[raw[1] : raw[2]]), " ".join(new_words[raw[3] : raw[4]])
        elif isinstance(raw, (list, tuple)) and len(raw) == 3:
            op, old, new = _OP_NAMES.get(str(raw[0]).lower()), _words(raw[1]), _words(raw[2])
        else:
            return None
        if op is None:
            return None
        if op == "equal":
            pieces.append(DiffPiece("equal", new or old))
        else:
            if old and op in ("replace", "delete"):
                pieces.append(DiffPiece("delete", old))
            if new and op in ("replace", "insert"):
                pieces.append(DiffPiece("insert", new))
    rebuilt_new = " ".join(p.text for p in pieces if p.op != "delete").split()
    rebuilt_old = " ".join(p.text for p in pieces if p.op != "insert").split()
    if rebuilt_new == new_words and rebuilt_old == old_words:
        return pieces
    return None


LONG_RUN = 12  # words: a longer deleted run is shown shortened, whole in a tooltip


def word_diff(canonical: str, variant: str, ops: list[Any] | None = None) -> list[DiffPiece]:
    """The variant against the canonical wording, word by word, for highlighting.

    Complete op lists (equal runs included) are used as they are. The aligner's ops list
    only the changes, so the words are diffed here with the aligner's own anchored comparison
    (:func:`newsprism.align.diff.aligned_ops`); the highlighting is then always consistent with
    the two texts shown. Canonical words before or after the part a fragment quotes become "…"
    gaps; a wording that is not mostly the same words as the part it meets is shown as an
    excerpt ("… words …"), with no diff.
    """
    if ops:
        pieces = _pieces_from_ops(ops, canonical, variant)
        if pieces is not None:
            return _merge(pieces)
    old, new = canonical.split(), variant.split()
    pieces = []
    aligned = aligned_ops(old, new)
    if aligned is None:  # no variant of the canonical wording: an excerpt of the statement, no diff
        return [DiffPiece("gap", "…", canonical), DiffPiece("equal", variant), DiffPiece("gap", "…", canonical)]
    for op in aligned:
        tag, i1, i2, j1, j2 = op.tag, op.i1, op.i2, op.j1, op.j2
        if tag == "gap":  # canonical words the variant does not quote
            pieces.append(DiffPiece("gap", "…", " ".join(old[i1:i2])))
            continue
        if tag == "equal":
            pieces.append(DiffPiece("equal", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(DiffPiece("delete", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(DiffPiece("insert", " ".join(new[j1:j2])))
    return _shorten_runs(_gaps(_merge(pieces)))


_PRONOUNS = frozenset("i you he she it we they him her them this that who one".split())


def speaker_label(quote: Quote) -> str:
    """Who said it, as the reader should see it: the resolved name; else how the outlet described an
    unnamed source ("independent analysts", "a journalist", marked as not named); else "unattributed".
    An unresolved pronoun names nobody, so it never stands in for a speaker."""
    if quote.speaker_name or quote.speaker:
        return quote.speaker_name or quote.speaker or ""
    for m in quote.mentions:
        said = m.speaker_mention.text.strip() if m.speaker_mention else ""
        if said and said.lower() not in _PRONOUNS:
            return f"{said} (not named)"
    return "unattributed"


def is_paraphrase(quote: Quote, variant: QuoteVariant) -> bool:
    """The variant is an indirect quote (the outlet's own words) with nothing quoted that differs.

    The aligner diffs only the words an indirect quote puts between quotation marks; an empty op
    list then means "nothing quoted differs". Diffing its whole wording here against the
    canonical words would show the reporter's paraphrase as edits of the quote."""
    if variant.diff:
        return False
    words = variant.text.split()
    return any(
        m.kind == "indirect" and m.article in variant.articles and m.text.split() == words for m in quote.mentions
    )


def variant_pieces(quote: Quote, variant: QuoteVariant) -> list[DiffPiece]:
    """What a report shows for one wording: a paraphrase as it is, any other wording as a word diff."""
    if is_paraphrase(quote, variant):
        return [DiffPiece("equal", variant.text)]
    return word_diff(quote.text, variant.text, variant.diff)


def _gaps(pieces: list[DiffPiece]) -> list[DiffPiece]:
    """Canonical words a fragment does not reach, at either end, are not edits but gaps."""
    if len(pieces) > 1 and pieces[0].op == "delete":
        pieces = [DiffPiece("gap", "…", pieces[0].text)] + pieces[1:]
    if len(pieces) > 1 and pieces[-1].op == "delete":
        pieces = pieces[:-1] + [DiffPiece("gap", "…", pieces[-1].text)]
    return pieces


def _shorten_runs(pieces: list[DiffPiece]) -> list[DiffPiece]:
    out = []
    for p in pieces:
        words = p.text.split()
        if p.op == "delete" and len(words) > LONG_RUN:
            p = DiffPiece("delete", " ".join(words[:4] + ["…"] + words[-4:]), p.text)
        out.append(p)
    return out


def _merge(pieces: list[DiffPiece]) -> list[DiffPiece]:
    merged: list[DiffPiece] = []
    for p in pieces:
        if not p.text:
            continue
        if merged and merged[-1].op == p.op:
            merged[-1] = DiffPiece(p.op, f"{merged[-1].text} {p.text}")
        else:
            merged.append(p)
    return merged


def ops_changes(ops: list[Any]) -> list[tuple[str, str]] | None:
    """The aligner's own account of the changes, (canonical words, variant words); None if unreadable."""
    changes = []
    for raw in ops:
        if not isinstance(raw, dict):
            return None
        op = _OP_NAMES.get(str(_first(raw, _OP_KEYS) or "").lower())
        if op is None:
            return None
        if op != "equal":
            changes.append((_words(_first(raw, _OLD_KEYS)), _words(_first(raw, _NEW_KEYS))))
    return changes


def diff_changes(pieces: list[DiffPiece]) -> list[tuple[str, str]]:
    """The changes alone, as (canonical words, variant words) pairs: [("are", "have"), ("on", "to")]."""
    changes: list[tuple[str, str]] = []
    old: list[str] = []
    new: list[str] = []
    for p in pieces + [DiffPiece("equal", "")]:
        if p.op == "delete":
            old.append(p.full or p.text)
        elif p.op == "insert":
            new.append(p.text)
        elif old or new:
            changes.append((" ".join(old), " ".join(new)))
            old, new = [], []
    return changes


# --------------------------------------------------------------------------- highlighted article text


@dataclass
class Mark:
    """A highlighted span of one article: all the roles it plays, one anchor."""

    start: int
    end: int
    kinds: set[str] = field(default_factory=set)  # cite | quote | claim | time
    notes: list[str] = field(default_factory=list)

    @property
    def target(self) -> bool:  # something links here from the report
        return bool(self.kinds)


@dataclass
class Node:
    """A piece of the nested article text: a paragraph, a mark (or a piece of one), or plain text."""

    kind: str  # "text" | "para" | "mark"
    start: int
    end: int
    text: str = ""
    children: list["Node"] = field(default_factory=list)
    anchor: str | None = None  # the id: on a paragraph, or on the first piece of a mark
    classes: str = ""
    title: str = ""
    label: str | None = None  # paragraph label when it is analysis or opinion
    reasons: list[str] = field(default_factory=list)


# Nesting priority: paragraphs are never split; marks that report links point at
# (summary and timeline citations) outrank quote and claim marks, so their element
# holds exactly the cited text whenever the spans allow it.
_PRIORITY = {"para": 3, "target": 2, "mark": 1}


def _pieces(start: int, end: int, placed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut [start, end) wherever an already placed interval crosses it (overlaps without nesting)."""
    cuts = {start, end}
    for s, e in placed:
        if s < start < e < end or start < s < end < e:
            cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    return [(a, b) for a, b in pairwise(points) if b > a]


def nest_spans(text: str, items: list[tuple[int, int, int, Any]]) -> list[Node]:
    """Nest (start, end, priority, payload) intervals over ``text`` into a tree of nodes.

    Intervals that nest become nested elements; where two cross, the lower-priority
    one is split into non-overlapping pieces at the other's boundaries, so every
    character sits in a properly nested set of elements. Payload is the node to copy
    (kind, anchor, classes...); a split node keeps its anchor on its first piece.
    """
    placed: list[tuple[int, int, int, int, Node]] = []  # start, end, priority, order, node
    for order, (start, end, priority, proto) in enumerate(sorted(items, key=lambda it: -it[2])):
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        for i, (s, e) in enumerate(_pieces(start, end, [(p[0], p[1]) for p in placed])):
            node = Node(
                kind=proto.kind,
                start=s,
                end=e,
                anchor=proto.anchor if i == 0 else None,
                classes=proto.classes + ("" if (s, e) == (start, end) else " split"),
                title=proto.title,
                label=proto.label,
                reasons=proto.reasons,
            )
            placed.append((s, e, priority, order, node))
    # Outer before inner: start ascending, end descending, higher priority first.
    placed.sort(key=lambda p: (p[0], -p[1], -p[2], p[3]))
    root = Node("root", 0, len(text))
    stack = [root]
    for s, e, _, _, node in placed:
        while stack[-1] is not root and not (stack[-1].start <= s and e <= stack[-1].end):
            stack.pop()
        stack[-1].children.append(node)
        stack.append(node)
    _fill_text(root, text)
    return root.children


def _fill_text(node: Node, text: str) -> None:
    """Interleave text nodes between a node's children."""
    filled: list[Node] = []
    pos = node.start
    for child in node.children:
        if child.start > pos:
            filled.append(Node("text", pos, child.start, text[pos : child.start]))
        _fill_text(child, text)
        filled.append(child)
        pos = child.end
    if pos < node.end:
        filled.append(Node("text", pos, node.end, text[pos : node.end]))
    node.children = filled


def paragraph_spans(article: Article, analysis: ArticleAnalysis | None) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, label, reasons) per paragraph: the analysis' paragraphs, else the text's lines."""
    if analysis and analysis.paragraphs:
        return [(p.start, p.end, p.label, list(dict.fromkeys(p.reasons))) for p in analysis.paragraphs]
    spans = []
    for m in re.finditer(r"[^\n]+", article.text):
        if m.group().strip():
            spans.append((m.start(), m.end(), "reporting", []))
    return spans


_KIND_NAMES = {"cite": "cited in the summary", "time": "timeline", "quote": "quote", "claim": "claim"}


def article_nodes(article: Article, analysis: ArticleAnalysis | None, marks: list[Mark]) -> list[Node]:
    items: list[tuple[int, int, int, Any]] = []
    for i, (start, end, label, reasons) in enumerate(paragraph_spans(article, analysis)):
        proto = Node(
            "para",
            start,
            end,
            anchor=paragraph_anchor(article.id, i),
            classes=f"para label-{label}",
            label=None if label == "reporting" else label,
            reasons=reasons,
        )
        items.append((start, end, _PRIORITY["para"], proto))
    for m in marks:
        kinds = sorted(m.kinds)
        proto = Node(
            "mark",
            m.start,
            m.end,
            anchor=span_anchor(article.id, m.start, m.end),
            classes=" ".join(f"k-{k}" for k in kinds),
            title="; ".join([_KIND_NAMES.get(k, k) for k in kinds] + m.notes),
        )
        priority = _PRIORITY["target"] if m.kinds & {"cite", "time"} else _PRIORITY["mark"]
        items.append((m.start, m.end, priority, proto))
    return nest_spans(article.text, items)


def collect_marks(brief: Brief) -> dict[str, list[Mark]]:
    """Every evidence span of the brief, per article, one mark per (start, end)."""
    marks: dict[tuple[str, int, int], Mark] = {}

    def add(article: str, start: int, end: int, kind: str, note: str | None = None) -> None:
        mark = marks.setdefault((article, start, end), Mark(start, end))
        mark.kinds.add(kind)
        if note and note not in mark.notes:
            mark.notes.append(note)

    for sentence in brief.summary:
        for s in sentence.sources:
            add(s.article, s.start, s.end, "cite")
    for entry in brief.timeline:
        for s in entry.sources:
            add(s.article, s.start, s.end, "time")
    for q in brief.quotes:
        for m in q.mentions:
            # a split or multi-paragraph quote is marked piece by piece (parts), never the attribution between
            for piece in m.parts or [m]:
                add(m.article, piece.start, piece.end, "quote", q.speaker_name or None)
    for f in brief.facts:
        for c in f.claims:
            add(c.article, c.start, c.end, "claim", f.topic or None)
    per_article: dict[str, list[Mark]] = {}
    for (article, _, _), mark in marks.items():
        per_article.setdefault(article, []).append(mark)
    return per_article


# --------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citation:
    number: int
    article: str
    label: str  # the outlet, as the reader knows it
    start: int
    end: int
    text: str
    anchor: str


class Citations:
    """Numbers evidence spans in order of first use (footnote style); one number per distinct span."""

    def __init__(self, labels: dict[str, str]):
        self._labels = labels
        self._by_key: dict[tuple[str, int, int], Citation] = {}

    def cite(self, span: Span) -> Citation:
        key = (span.article, span.start, span.end)
        if key not in self._by_key:
            self._by_key[key] = Citation(
                len(self._by_key) + 1,
                span.article,
                self._labels.get(span.article, span.article),
                span.start,
                span.end,
                span.text,
                span_anchor(span.article, span.start, span.end),
            )
        return self._by_key[key]

    @property
    def all(self) -> list[Citation]:
        return list(self._by_key.values())


# --------------------------------------------------------------------------- story-level facts


def story_headline(brief: Brief) -> tuple[str, str | None]:
    """(headline, article id). One outlet's headline is not neutral (it can carry the outlet's angle:
    "X, triumphant, may be pressing his luck"), so it heads the report only when at least two
    articles carry titles and it comes from an article labelled straight reporting (not ``mixed``,
    no opinion or analysis paragraph); among those, the title sharing most words with the other titles.
    Otherwise the heading names who and where the story is about: the entities most articles mention
    (article id None, so no "as published by" line)."""
    plain = {a.article for a in brief.analyses if not a.mixed and all(p.label == "reporting" for p in a.paragraphs)}
    titled = [(a.title.strip(), a.id) for a in brief.articles if a.title and a.title.strip()]
    candidates = [(t, i) for t, i in titled if i in plain or not brief.analyses]
    if len(titled) < 2 or not candidates:
        return entity_heading(brief), None
    counts = Counter(w.lower() for t, _ in titled for w in set(re.findall(r"\w+", t)))

    def shared(item: tuple[str, str]) -> float:
        words = {w.lower() for w in re.findall(r"\w+", item[0])}
        return sum(counts[w] for w in words) / (1 + len(item[0]) / 200)

    return max(candidates, key=shared)


HEADING_TYPES = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "EVENT": 1, "FAC": 2}


def entity_heading(brief: Brief, most: int = 4) -> str:
    """"Donald Trump · Vladimir Putin · Alaska": the people, organisations and places named in the
    most articles (ties: more mentions in all), people first. "Story brief" when no entity is shared."""
    local = {(a.article, e.key): len(e.mentions) for a in brief.analyses for e in a.entities}

    def mentions(entity: Entity) -> int:
        return sum(local.get(member, 0) for member in entity.members)

    ranked = sorted(
        (e for e in brief.entities if e.type in HEADING_TYPES and len(e.articles) >= min(2, len(brief.articles))),
        key=lambda e: (-len(e.articles), -mentions(e), HEADING_TYPES[e.type], e.name),
    )[:most]
    if not ranked:
        return "Story brief"
    ranked.sort(key=lambda e: HEADING_TYPES[e.type])
    return " · ".join(e.name for e in ranked)


def story_title(brief: Brief) -> str:
    return story_headline(brief)[0]


def group_label(row: CoverageRow, labels: dict[str, str]) -> str:
    names = row.outlets or [labels.get(a, a) for a in row.articles]
    return " / ".join(dict.fromkeys(names)) or row.source_group


def coverage_status(row: CoverageRow, item_id: str, kind: str) -> str:
    """carried | exclusive | omitted | absent for one source group and one fact or quote."""
    carried = row.facts if kind == "fact" else row.quotes
    exclusive = row.exclusive_facts if kind == "fact" else row.exclusive_quotes
    omitted = row.omitted_facts if kind == "fact" else row.omitted_quotes
    if item_id in exclusive:
        return "exclusive"
    if item_id in carried:
        return "carried"
    if item_id in omitted:
        return "omitted"
    return "absent"


def coverage_rows(brief: Brief) -> tuple[list[dict[str, Any]], int]:
    """Facts then quotes that several sources carry or some source omits, with one status per source group.

    Items a single source carries are left out of the matrix (they are counted per source
    and listed with the single-source facts and quotes); returns (rows, how many were left out).
    """
    rows, hidden = [], 0
    items = [("fact", f.id, f.topic or "(untitled fact)") for f in brief.facts] + [
        ("quote", q.id, f"{speaker_label(q)}: “{shorten(q.text, 60)}”") for q in brief.quotes
    ]
    for kind, item_id, label in items:
        cells = [coverage_status(row, item_id, kind) for row in brief.coverage]
        carried = sum(c in ("carried", "exclusive") for c in cells)
        if carried >= 2 or "omitted" in cells:
            rows.append(
                {"kind": kind, "id": item_id, "label": label, "anchor": f"{kind}-{safe_id(item_id)}", "cells": cells}
            )
        else:
            hidden += 1
    return rows, hidden


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 3, "EVENT": 3}
_TYPE_NAMES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EVENT": "event",
    "NORP": "group",
}


def cast_rows(brief: Brief) -> tuple[list[dict[str, Any]], int]:
    """The people, organisations and places several articles name, or that go by several names.

    Returns (rows, how many entities were left out): the spellings merged across outlets are
    what a reader checks here, so an entity one article names once, in one form, is only counted.
    """
    total = len(brief.articles)
    rows, hidden = [], 0
    for e in sorted(brief.entities, key=lambda e: (_TYPE_ORDER.get(e.type, 4), -len(set(e.articles)), e.name)):
        aliases = [a for a in dict.fromkeys(e.aliases) if a != e.name]
        n = len(set(e.articles))
        if (n < 2 and not aliases) or e.type == "NORP":  # nationalities ("Russian") tell a reader little
            hidden += 1
            continue
        rows.append(
            {
                "name": e.name,
                "type": _TYPE_NAMES.get(e.type, e.type.lower()),
                "aliases": aliases,
                "roles": list(dict.fromkeys(e.roles)),
                "articles": n,
                "of": total,
            }
        )
    return rows, hidden


def outlet_counts(articles: list[Article]) -> list[str]:
    """ "Los Angeles Times ×2", "3 of unknown outlet": who wrote the articles, without guessing."""
    counts = Counter(a.outlet for a in articles if a.outlet)
    parts = [f"{name} ×{n}" if n > 1 else name for name, n in counts.items()]
    unknown = sum(1 for a in articles if not a.outlet)
    if unknown:
        parts.append(f"{unknown} of unknown outlet" if unknown > 1 else "1 of unknown outlet")
    return parts


def independent_groups(articles: list[Article]) -> int:
    return len({a.source_group or a.id for a in articles})


def framing_rows(brief: Brief, labels: dict[str, str]) -> list[dict[str, Any]]:
    """Loaded-term contrasts as table rows: per outlet, loaded vs neutral counts (quotes excluded).

    The framing dict keys outlets by name, or by source group when the outlet is unknown; the latter
    are shown with the article label a reader sees everywhere else in the report.
    """
    outlets = brief.framing.get("outlets", {})

    def display(key: str) -> str:
        articles = outlets.get(key, {}).get("articles", [])
        return labels[articles[0]] if key.startswith("sg-") and articles and articles[0] in labels else key

    return [
        {
            "concept": contrast["concept"],
            "loaded": contrast["loaded"],
            "neutral": ", ".join(contrast.get("neutral", [])),
            "cells": [
                {"outlet": display(key), "loaded": counts["loaded"], "neutral": counts["neutral"]}
                for key, counts in contrast["by_outlet"].items()
            ],
        }
        for contrast in brief.framing.get("contrasts", [])
    ]
