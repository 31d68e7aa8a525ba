"""PolNeAR (Newell, Margolin & Ruths, LREC 2018): brat Source / Cue / Content spans and their scorer.

Each split holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``.
Several annotators labelled some articles; we score against ONE annotation per
article, the one whose annotator id sorts first, so every article counts once and
the choice does not depend on our output.

Scoring follows the span-level evaluation used for attribution relations (PARC /
PolNeAR): for each role, precision, recall and F1 of predicted spans against gold
spans, with two match criteria — ``exact`` (same start and end, ignoring
surrounding whitespace) and ``overlap`` (any shared character; one-to-one, each
gold span greedily taking the unmatched prediction it shares most characters with).
Discontinuous brat spans (``a b;c d``) are scored as their hull ``(a, d)``; duplicate
spans (one source shared by several attributions) count once. Counts are summed
over articles (micro average).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("content", "source", "cue")
BRAT_TYPES = {"Content": "content", "Source": "source", "Cue": "cue"}

Range = tuple[int, int]


@dataclass
class PolnearArticle:
    id: str
    text: str
    annotator: str
    spans: dict[str, set[Range]] = field(default_factory=dict)  # role → spans


def parse_ann(ann: str) -> dict[str, set[Range]]:
    """Text-bound Source / Cue / Content spans of one brat file (hulls of discontinuous spans)."""
    spans: dict[str, set[Range]] = {role: set() for role in ROLES}
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        label, _, offsets = parts[1].partition(" ")
        role = BRAT_TYPES.get(label)
        if role is None:
            continue
        numbers = [int(x) for fragment in offsets.split(";") for x in fragment.split()]
        spans[role].add((min(numbers), max(numbers)))
    return spans


def split_dir(root: Path, dataset: str) -> Path:
    return root / "data" / ("dev" if dataset == "polnear-dev" else "test")


def load_polnear(folder: Path, limit: int | None = None) -> list[PolnearArticle]:
    """Articles of one split with their first-by-id annotator's spans, in file-name order."""
    articles: list[PolnearArticle] = []
    ann_files = sorted((folder / "attributions").glob("*.ann"))
    for txt in sorted((folder / "text").glob("*.txt")):
        # ``<article>_<annotator>.ann``: the annotator id is the last ``_`` field.
        candidates = [a for a in ann_files if a.stem.rpartition("_")[0] == txt.stem]
        if not candidates:
            continue
        ann = min(candidates, key=lambda a: a.stem.rpartition("_")[2])
        text = txt.read_text(encoding="utf-8")
        articles.append(
            PolnearArticle(
                id=txt.stem,
                text=text,
                annotator=ann.stem.rpartition("_")[2],
                spans=parse_ann(ann.read_text(encoding="utf-8")),
            )
        )
        if limit is not None and len(articles) >= limit:
            break
    return articles


# --------------------------------------------------------------------------- scoring


def strip_range(text: str, span: Range) -> Range:
    """The span without surrounding whitespace (so exact match ignores it)."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def shared(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def exact_matches(gold: set[Range], pred: set[Range]) -> int:
    return len(gold & pred)


def overlap_matches(gold: Iterable[Range], pred: Iterable[Range]) -> int:
    """One-to-one matches with any shared character, each gold taking its largest overlap."""
    free = sorted(pred)
    matched = 0
    for g in sorted(gold):
        best = max(free, key=lambda p: shared(g, p), default=None)
        if best is not None and shared(g, best) > 0:
            free.remove(best)
            matched += 1
    return matched


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, gold: set[Range], pred: set[Range]) -> None:
        self.gold += len(gold)
        self.pred += len(pred)
        self.exact += exact_matches(gold, pred)
        self.overlap += overlap_matches(gold, pred)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_corpus(
    pairs: Sequence[tuple[str, dict[str, set[Range]], dict[str, set[Range]]]],
) -> tuple[dict[str, float], dict[str, Counts]]:
    """Metrics over (text, gold spans by role, predicted spans by role) articles."""
    counts = {role: Counts() for role in ROLES}
    for text, gold, pred in pairs:
        for role in ROLES:
            g = {strip_range(text, s) for s in gold.get(role, ())}
            p = {strip_range(text, s) for s in pred.get(role, ())}
            counts[role].add({s for s in g if s[1] > s[0]}, {s for s in p if s[1] > s[0]})
    values: dict[str, float] = {}
    for mode in ("exact", "overlap"):
        for role in ROLES:
            c = counts[role]
            precision, recall, f1 = prf(getattr(c, mode), c.pred, c.gold)
            values[f"{role}_f1_{mode}"] = round(f1, 4)
            values[f"{role}_precision_{mode}"] = round(precision, 4)
            values[f"{role}_recall_{mode}"] = round(recall, 4)
    order = [
        f"{role}_{measure}_{mode}"
        for measure in ("f1", "precision", "recall")
        for mode in ("exact", "overlap")
        for role in ROLES
    ]
    return {key: values[key] for key in order}, counts
