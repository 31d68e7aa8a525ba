"""SFU Gender Gap Tracker (GGT) quote annotations: loading and the GGT scorer.

The scorer reproduces ``evaluate_quotes.py`` (identical at fe82ba2 and HEAD 5501de3):
for each gold quote in order, the best remaining prediction whose overlap
``|gold ∩ pred| / |gold|`` (character ranges, gold as reference) is *strictly*
above the threshold is its match; unmatched gold are false negatives, predictions
left over are false positives. Speaker accuracy is over matched quotes only: the
speaker ranges overlap at all, or the gold quote has no speaker and the
prediction is a "floating" quote (see ``Quote.floating``).

Loading repairs the dataset's known traps (see its README): one id written
``ObjectId5c54…)``, one article's ``quotations`` holding two JSON arrays joined
``][``, and offsets that drift from ``rawtext/*.txt`` — every gold quote and
speaker is re-anchored by string search in the raw text, nearest to its index.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

XLSX = "AnnotationTable_byArticle_withReplacementArticles.xlsx"
RAWTEXT_ZIP = "rawtext.zip"
THRESHOLDS = (0.3, 0.8)

Range = tuple[int, int]


@dataclass(frozen=True)
class Quote:
    """One quote in GGT's terms, gold or predicted (offsets into the raw text)."""

    quote: Range | None
    speaker: Range | None = None
    speaker_text: str = ""
    verb: str = ""
    # GGT's system sets this for a quote whose speaker was not found in its own
    # sentence; the scorer credits such a prediction when the gold has no speaker.
    floating: bool = False
    kind: str = ""  # direct | partial | indirect (ours), "" when unknown
    # The person the speaker mention means: GGT's ``reference`` on gold, the
    # system's resolved name on a prediction ("" when none).
    reference: str = ""


@dataclass
class GoldArticle:
    id: str
    outlet: str
    text: str
    quotes: list[Quote]
    unanchored: int = 0  # gold quotes whose string was not found (kept at the given index)


# --------------------------------------------------------------------------- loading


def article_id(cell: str) -> str:
    """``ObjectId(5c…)`` → ``5c…``; tolerates the id missing its "("."""
    return cell.strip().removeprefix("ObjectId").strip("()").strip()


def parse_quotations(cell: str | None) -> list[dict]:
    """The ``quotations`` JSON, repairing two arrays run together.

    In article 5c3e27a3… a second array starts before the first is closed
    (``}\n[\n{``); it repeats the first one entry for entry, so identical
    entries are kept once.
    """
    if not cell:
        return []
    try:
        return json.loads(cell)
    except json.JSONDecodeError:
        items = json.loads(re.sub(r"\}\s*\]?\s*\[\s*\{", "},{", cell))
    unique: dict[str, dict] = {}
    for item in items:
        unique.setdefault(json.dumps(item, sort_keys=True), item)
    return list(unique.values())


def parse_index(value: str | None) -> Range | None:
    """``"(7882,7945)"`` → ``(7882, 7945)``, as GGT's ``get_index`` reads it."""
    if not value:
        return None
    numbers = [int(x) for x in re.findall(r"-?\d+", value)]
    return (numbers[0], numbers[1]) if len(numbers) == 2 else None


def anchor(text: str, needle: str, near: int | None) -> Range | None:
    """The occurrence of ``needle`` in ``text`` nearest to ``near`` (first one if no hint)."""
    needle = needle.strip()
    if not needle:
        return None
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not starts:
        # Whitespace can differ (line breaks inside quotes): match any run of spaces.
        pattern = r"\s+".join(re.escape(part) for part in needle.split())
        starts_ends = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        if not starts_ends:
            return None
        return min(starts_ends, key=lambda se: abs(se[0] - (near or 0)))
    start = min(starts, key=lambda s: abs(s - (near or 0)))
    return (start, start + len(needle))


def gold_quote(text: str, item: dict) -> tuple[Quote, bool]:
    """One annotated quote re-anchored in ``text``; the flag says whether its string was found."""
    given = parse_index(item.get("quote_index"))
    found = anchor(text, item.get("quote") or "", given[0] if given else None)
    quote = found or given
    speaker_text = (item.get("speaker") or "").strip()
    speaker = None
    if speaker_text:
        given_speaker = parse_index(item.get("speaker_index"))
        # Shift the speaker's hint by the drift measured on its quote.
        drift = (found[0] - given[0]) if (found and given) else 0
        hint = given_speaker[0] + drift if given_speaker else (quote[0] if quote else None)
        speaker = anchor(text, speaker_text, hint) or given_speaker
    return (
        Quote(
            quote=quote,
            speaker=speaker,
            speaker_text=speaker_text,
            verb=item.get("verb") or "",
            reference=(item.get("reference") or "").strip(),
        ),
        found is not None,
    )


def load_ggt(root: Path, limit: int | None = None) -> list[GoldArticle]:
    """The 98 annotated articles, texts read from ``rawtext.zip`` without unpacking it."""
    import openpyxl

    workbook = openpyxl.load_workbook(root / XLSX, read_only=True)
    rows = workbook["Sheet1"].iter_rows(values_only=True)
    header = list(next(rows))
    col = {name: header.index(name) for name in ("_id", "outlet", "quotations")}
    articles: list[GoldArticle] = []
    with zipfile.ZipFile(root / RAWTEXT_ZIP) as archive:
        for row in rows:
            if not row[col["_id"]]:
                continue
            doc_id = article_id(str(row[col["_id"]]))
            text = archive.read(f"rawtext/{doc_id}.txt").decode("utf-8")
            quotes, unanchored = [], 0
            for item in parse_quotations(row[col["quotations"]]):
                quote, found = gold_quote(text, item)
                quotes.append(quote)
                unanchored += not found
            articles.append(GoldArticle(doc_id, str(row[col["outlet"]] or ""), text, quotes, unanchored))
            if limit is not None and len(articles) >= limit:
                break
    workbook.close()
    return articles


# --------------------------------------------------------------------------- scoring


def overlap_score(reference: Range | None, other: Range | None) -> float:
    """GGT's ``calc_index_match_score``: share of ``reference``'s characters that ``other`` covers."""
    if reference is None or other is None:
        return 0.0
    if reference[1] <= reference[0] or other[1] <= other[0]:
        return 0.0
    shared = min(reference[1], other[1]) - max(reference[0], other[0])
    return max(shared, 0) / (reference[1] - reference[0])


def speaker_matches(gold: Quote, pred: Quote) -> bool:
    return overlap_score(gold.speaker, pred.speaker) > 0 or (pred.floating and not gold.speaker_text)


def speaker_matches_strict(gold: Quote, pred: Quote) -> bool:
    """A stricter reading: a gold quote without speaker is credited only when the system names none."""
    return overlap_score(gold.speaker, pred.speaker) > 0 or (pred.speaker is None and not gold.speaker_text)


@dataclass
class Match:
    gold: Quote
    pred: Quote
    score: float
    speaker: bool
    verb: bool
    speaker_strict: bool = False


@dataclass
class ArticleScore:
    matches: list[Match]
    missed: list[Quote]  # false negatives
    spurious: list[Quote]  # false positives

    @property
    def tp(self) -> int:
        return len(self.matches)


def compare(gold: Sequence[Quote], pred: Sequence[Quote], threshold: float) -> ArticleScore:
    """GGT's ``compare_res``: greedy in gold order, best remaining prediction above threshold."""
    remaining = list(pred)
    matches: list[Match] = []
    missed: list[Quote] = []
    for g in gold:
        best, best_score = None, 0.0
        for p in remaining:
            score = overlap_score(g.quote, p.quote)
            if score > threshold and score > best_score:
                best, best_score = p, score
        if best is None:
            missed.append(g)
            continue
        remaining = [p for p in remaining if p != best]  # as GGT: drops equal duplicates too
        verb = g.verb.lower().strip() == best.verb.lower().strip()
        matches.append(Match(g, best, best_score, speaker_matches(g, best), verb, speaker_matches_strict(g, best)))
    return ArticleScore(matches, missed, remaining)


def aggregate(scores: Sequence[ArticleScore], threshold: float) -> dict[str, float]:
    """Micro-averaged P/R/F1 and speaker / verb accuracy over matched quotes, as ``print_results``."""
    tp = sum(s.tp for s in scores)
    fp = sum(len(s.spurious) for s in scores)
    fn = sum(len(s.missed) for s in scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speaker = sum(m.speaker for s in scores for m in s.matches)
    verb = sum(m.verb for s in scores for m in s.matches)
    strict = sum(m.speaker_strict for s in scores for m in s.matches)
    t = f"{threshold:g}"
    return {
        f"quote_precision_{t}": round(precision, 4),
        f"quote_recall_{t}": round(recall, 4),
        f"quote_f1_{t}": round(f1, 4),
        f"speaker_acc_{t}": round(speaker / tp, 4) if tp else 0.0,
        f"verb_acc_{t}": round(verb / tp, 4) if tp else 0.0,
        f"speaker_acc_strict_{t}": round(strict / tp, 4) if tp else 0.0,
    }


PRONOUN_SPEAKERS = ("he", "she")


def name_words(name: str) -> list[str]:
    """Letter runs only, so "Kim Jong-un" and "Kim Jong un", "Mr. Putin" and "Mr Putin" compare equal."""
    return re.findall(r"[^\W\d_]+", name.lower())


def same_person(reference: str, resolved: str) -> bool:
    """Surname test: the resolved name's last word is the reference's, or holds the reference's surname."""
    ref, res = name_words(reference), name_words(resolved)
    return bool(ref and res) and (res[-1] == ref[-1] or ref[-1] in res)


def pronoun_resolution(scores: Sequence[ArticleScore]) -> tuple[float | None, int]:
    """Whether a he/she speaker was resolved to the person GGT's ``reference`` names.

    Judged: matched quotes whose gold speaker is "he"/"she" with a reference, and
    whose predicted speaker span covers the gold pronoun's start (the system
    marked that pronoun, not some other span). Correct: the prediction's resolved
    name shares the reference's surname. GGT's own scorer checks the span only.
    """
    judged = [
        m
        for s in scores
        for m in s.matches
        if m.gold.speaker_text.lower() in PRONOUN_SPEAKERS
        and m.gold.reference
        and m.gold.speaker is not None
        and m.pred.speaker is not None
        and m.pred.speaker[0] <= m.gold.speaker[0] <= m.pred.speaker[1]
    ]
    correct = sum(same_person(m.gold.reference, m.pred.reference) for m in judged)
    return (round(correct / len(judged), 4) if judged else None), len(judged)


def score_corpus(
    pairs: Sequence[tuple[Sequence[Quote], Sequence[Quote]]], thresholds: Sequence[float] = THRESHOLDS
) -> tuple[dict[str, float], dict[float, list[ArticleScore]]]:
    """Metrics over (gold, pred) article pairs at each threshold, plus the per-article details."""
    metrics: dict[str, float] = {}
    details: dict[float, list[ArticleScore]] = {}
    for threshold in thresholds:
        details[threshold] = [compare(gold, pred, threshold) for gold, pred in pairs]
        metrics.update(aggregate(details[threshold], threshold))
    return metrics, details


def iter_gold_quotes(articles: Sequence[GoldArticle]) -> Iterator[Quote]:
    for article in articles:
        yield from article.quotes
