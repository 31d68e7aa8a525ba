"""``newsprism evaluate timeline --dataset tempeval3``: date normalisation, TempEval-3 style.

Data: the TempEval-3 *platinum* test set (20 TimeML news documents, CC BY 3.0; UzZaman et al.
2013). It is not in ``../shared/data``; a verbatim copy is bundled in ``eval/data/tempeval3`` (its
README gives source, commit and licence) and used unless ``--data-dir DIR`` holds
``tempeval3/te3-platinum/*.tml``.

Each document's text is given with its document creation time (DCT) as the publication date, as
in TempEval-3 task A. Scored against the gold TIMEX3 of ``type="DATE"`` (the DCT itself excluded):
- extraction precision / recall / F1, strict (same offsets) and relaxed (overlap), as TempEval-3;
- value accuracy: share of relaxed matches whose normalised value equals the gold value;
- value F1: TempEval-3's attribute F1 (matches with the right value, over system and gold counts).
A system timex that overlaps a gold TIMEX3 of another type (DURATION, TIME, SET) is left out of
the counts: we only claim DATEs. Baselines, same run, same texts and DCTs:
- ``dateparser``: ``dateparser.search.search_dates`` alone (finds and normalises; day values);
- ``spacy+dateparser``: our spans (spaCy DATE entities), values from dateparser's DateDataParser
  with its detected period (day / month / year) and RELATIVE_BASE = DCT.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from newsprism.errors import DatasetMissing
from newsprism.evaluate import EvalReport

DATASETS = ("tempeval3",)
TAG_RE = re.compile(r"<[^>]+>|[^<]+")
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    name: str
    dct: date
    text: str
    timexes: list[Timex]


def parse_timeml(source: str, name: str = "doc") -> TimeMLDoc:
    """Plain text of the <TEXT> element, its TIMEX3 spans (offsets into that text), and the DCT."""
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    if not dct_match:
        raise ValueError(f"{name}: no DCT")
    dct_value = dict(ATTR_RE.findall(dct_match.group(1)))["value"]
    dct = datetime.strptime(dct_value[:10], "%Y-%m-%d").date()
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not body:
        raise ValueError(f"{name}: no TEXT")
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    for m in TAG_RE.finditer(body.group(1)):
        piece = m.group()
        if piece.startswith("<"):
            if piece.startswith("<TIMEX3"):
                open_timex = (length, dict(ATTR_RE.findall(piece)))
            elif piece.startswith("</TIMEX3") and open_timex:
                start, attrs = open_timex
                timexes.append(Timex(start, length, "".join(parts)[start:length], attrs.get("type", ""), attrs.get("value", "")))
                open_timex = None
            continue
        text = html.unescape(piece)
        parts.append(text)
        length += len(text)
    return TimeMLDoc(name, dct, "".join(parts), timexes)


BUNDLED = Path(__file__).resolve().parents[3] / "eval" / "data" / "tempeval3" / "te3-platinum"


def load_tempeval3(data_dir: Path) -> list[TimeMLDoc]:
    folder = Path(data_dir) / "tempeval3" / "te3-platinum"
    files = sorted(folder.glob("*.tml")) or sorted(BUNDLED.glob("*.tml"))
    if not files:
        raise DatasetMissing(
            f"TempEval-3 platinum files not found under {folder} nor in the bundled copy {BUNDLED} "
            "(see eval/data/tempeval3/README.md)"
        )
    return [parse_timeml(f.read_text("utf-8"), f.stem) for f in files]


# --------------------------------------------------------------------------- systems


Prediction = tuple[int, int, str]  # start, end, value


def newsprism_predictions(doc, dct: date) -> list[Prediction]:
    from newsprism.analyse.times import _is_future, date_candidates, normalise

    out = []
    for ent in date_candidates(doc):
        norm = normalise(ent.text, dct, _is_future(ent))
        if norm is not None:
            out.append((ent.start_char, ent.end_char, norm.value))
    return out


def _value_from_period(d: datetime, period: str | None) -> str:
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.date().isocalendar()
        return f"{y:04d}-W{w:02d}"
    return d.date().isoformat()


def spacy_dateparser_predictions(doc, dct: date) -> list[Prediction]:
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": "past"},
    )
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        data = parser.get_date_data(ent.text)
        if data is not None and data.date_obj is not None:
            out.append((ent.start_char, ent.end_char, _value_from_period(data.date_obj, data.period)))
    return out


def dateparser_search_predictions(text: str, dct: date) -> list[Prediction]:
    from dateparser.search import search_dates

    found = search_dates(
        text,
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day), "PREFER_DATES_FROM": "past"},
    ) or []
    out, pos = [], 0
    for substring, when in found:
        start = text.find(substring, pos)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        pos = start + len(substring)
        out.append((start, start + len(substring), when.date().isoformat()))
    return out


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0

    def add(self, gold: list[Timex], others: list[Timex], predicted: list[Prediction]) -> None:
        overlaps = lambda a0, a1, b0, b1: a0 < b1 and b0 < a1  # noqa: E731
        kept = [p for p in predicted if not any(overlaps(p[0], p[1], o.start, o.end) for o in others)
                or any(overlaps(p[0], p[1], g.start, g.end) for g in gold)]
        self.gold += len(gold)
        self.system += len(kept)
        used: set[int] = set()
        for start, end, value in kept:
            for i, g in enumerate(gold):
                if i in used or not overlaps(start, end, g.start, g.end):
                    continue
                used.add(i)
                self.relaxed += 1
                self.strict += (start, end) == (g.start, g.end)
                self.value_correct += value == g.value
                break

    def metrics(self) -> dict[str, float]:
        def f1(hit: int) -> tuple[float, float, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = f1(self.strict)
        rp, rr, rf = f1(self.relaxed)
        _, _, vf = f1(self.value_correct)
        return {
            "value_accuracy": round(self.value_correct / self.relaxed, 4) if self.relaxed else 0.0,
            "value_f1": round(vf, 4),
            "relaxed_f1": round(rf, 4),
            "relaxed_precision": round(rp, 4),
            "relaxed_recall": round(rr, 4),
            "strict_f1": round(sf, 4),
        }


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    from newsprism.analyse.nlp import load_nlp

    docs = load_tempeval3(Path(data_dir))[: limit or None]
    nlp = load_nlp()
    ours, spacy_dp, dp_alone = Counts(), Counts(), Counts()
    misses: list[str] = []
    for tdoc, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        gold = [t for t in tdoc.timexes if t.type == "DATE"]
        others = [t for t in tdoc.timexes if t.type != "DATE"]
        predicted = newsprism_predictions(doc, tdoc.dct)
        ours.add(gold, others, predicted)
        spacy_dp.add(gold, others, spacy_dateparser_predictions(doc, tdoc.dct))
        dp_alone.add(gold, others, dateparser_search_predictions(tdoc.text, tdoc.dct))
        for start, end, value in predicted:
            for g in gold:
                if start < g.end and g.start < end and value != g.value:
                    misses.append(f"{tdoc.name}: {tdoc.text[start:end]!r} -> {value}, gold {g.value}")
    return EvalReport(
        task="timeline",
        dataset=dataset,
        metrics=ours.metrics(),
        baselines={"spacy+dateparser": spacy_dp.metrics(), "dateparser": dp_alone.metrics()},
        notes=[
            f"{len(docs)} documents, {ours.gold} gold DATE timexes (DCT excluded); DCT given as publication date",
            *[f"wrong value: {m}" for m in misses[:12]],
        ],
        extra={"documents": len(docs), "gold_dates": ours.gold},
    )
