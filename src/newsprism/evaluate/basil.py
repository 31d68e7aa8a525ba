"""BASIL (Fan et al., EMNLP 2019) read as stories for the judged-disputes evaluation.

BASIL (``<data_dir>/basil``, research use, never copied into the project) holds 100 events, each reported
by three outlets of different politics (Fox News, The New York Times, HuffPost): three independent source
groups per story, on events where the outlets' figures can differ. Its annotations are bias spans, not
facts, so disputes are judged by hand like ECB+ (``newsprism.evaluate.disputes``).

* Split: the events are ordered by a seeded hash of their ``triplet-uuid``; the first half is
  ``basil-judged`` (run once blind at the session-8 start code), the second half ``basil-judged-holdout``
  (run once blind at 424d8a8). Both are development data since.
* Article text: each paragraph's sentences joined by a space, paragraphs by a blank line, read through
  the product's ingest as a caller's record (title, date, address and outlet as metadata).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from newsprism.model import Article

DATASETS = ("basil-judged", "basil-judged-holdout")
CORPUS = Path("basil") / "articles"
SPLIT_SEED = "newsprism-basil-split-2026-11-24"
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


@dataclass(frozen=True)
class Event:
    name: str  # "basil-<year>-<first 8 of triplet-uuid>"
    records: tuple[dict, ...]  # the event's article JSON records, in outlet order fox, nyt, hpo


def article_text(record: dict) -> str:
    """Sentences of a paragraph joined by a space, paragraphs by a blank line."""
    paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in record["body-paragraphs"]]
    return "\n\n".join(p for p in paragraphs if p)


def split_key(uuid: str) -> str:
    return hashlib.sha256(f"{SPLIT_SEED}:{uuid}".encode("utf-8")).hexdigest()


def read_events(root: Path, dataset: str, limit: int | None = None) -> list[Event]:
    """The dataset's half of the events, in split order; ``limit`` events."""
    by_event: dict[str, list[tuple[Path, dict]]] = {}
    for path in sorted(root.glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        by_event.setdefault(record["triplet-uuid"], []).append((path, record))
    order = sorted(by_event, key=split_key)
    half = len(order) // 2
    chosen = order[:half] if dataset == "basil-judged" else order[half:]
    events: list[Event] = []
    for uuid in chosen[:limit]:
        items = sorted(by_event[uuid], key=lambda pr: list(OUTLETS).index(pr[1]["source"].lower()))
        year = items[0][0].parent.name
        events.append(Event(f"basil-{year}-{uuid[:8]}", tuple(r for _, r in items)))
    return events


def event_articles(event: Event) -> list[Article]:
    """The event's articles through the product's ingest (cleaning, outlets, source groups)."""
    from newsprism.ingest.read import read_inputs

    articles = []
    for record in event.records:
        source = record["source"].lower()
        text = article_text(record)
        articles.append(Article(id=f"{event.name[-8:]}_{source}", raw=text, text=text, title=record.get("title"),
                                url=record.get("url"), published=record.get("date"), outlet=OUTLETS[source],
                                source_path=f"{CORPUS}/{event.name}/{source}", format="record"))
    return read_inputs(articles).articles
