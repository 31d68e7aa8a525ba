"""BASIL read as judged-disputes stories: text joining, the seeded half split, ingest metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.evaluate import basil
from newsprism.evaluate import disputes as D


def _record(uuid: str, source: str, paragraphs: list[list[str]]) -> dict:
    return {"title": f"{source} title", "date": "2011-04-07", "url": f"http://www.{source}.example/a",
            "source": source, "triplet-uuid": uuid, "main-event": "e", "body-paragraphs": paragraphs}


def _tiny_basil(tmp_path: Path, n_events: int = 6) -> Path:
    root = tmp_path / "basil" / "articles"
    for n in range(n_events):
        uuid = f"{n:08d}-0000-0000-0000-000000000000"
        folder = root / str(2010 + n % 2)
        folder.mkdir(parents=True, exist_ok=True)
        for k, source in enumerate(("hpo", "fox", "nyt"), 1):  # files not in outlet order
            body = [[f"{source.upper()} reported that {n + k} people died.", "Officials spoke."], ["Later news."]]
            (folder / f"{uuid}_{k}.json").write_text(json.dumps(_record(uuid, source, body)))
    return root


def test_article_text_joins_sentences_by_a_space_and_paragraphs_by_a_blank_line():
    record = _record("u", "fox", [["One.", " Two. "], [], ["Three."]])
    assert basil.article_text(record) == "One. Two.\n\nThree."


def test_the_split_halves_the_events_without_overlap_and_is_stable(tmp_path):
    root = _tiny_basil(tmp_path)
    first = basil.read_events(root, "basil-judged")
    second = basil.read_events(root, "basil-judged-holdout")
    assert len(first) == len(second) == 3
    assert not {e.name for e in first} & {e.name for e in second}
    assert [e.name for e in basil.read_events(root, "basil-judged")] == [e.name for e in first]
    assert len(basil.read_events(root, "basil-judged", limit=2)) == 2


def test_an_event_gives_three_outlets_as_three_source_groups_with_their_dates(tmp_path):
    root = _tiny_basil(tmp_path, 2)
    event = basil.read_events(root, "basil-judged")[0]
    articles = basil.event_articles(event)
    assert [a.outlet for a in articles] == ["Fox News", "The New York Times", "HuffPost"]
    assert len({a.source_group for a in articles}) == 3
    assert all(a.published == "2011-04-07" for a in articles)
    assert all(a.id.endswith(("_fox", "_nyt", "_hpo")) for a in articles)


def test_basil_datasets_read_their_own_judgments_file(tmp_path):
    assert set(basil.DATASETS) <= set(D.DATASETS)
    root = _tiny_basil(tmp_path, 2)
    stories = D.dataset_stories("basil-judged", root.parents[1], None)
    assert len(stories) == 1 and len(stories[0][1]) == 3
    assert D.BASIL_JUDGED_FILE != D.JUDGED_FILE


DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
needs_basil = pytest.mark.skipif(not (DATA / basil.CORPUS).is_dir(), reason="BASIL not found at shared/data/basil")


@needs_basil
def test_every_basil_judged_span_is_exact_in_the_ingested_text():
    judgments = D.load_judgments(D.BASIL_JUDGED_FILE)
    if not judgments:
        pytest.skip("no BASIL judgments committed yet")
    texts: dict[str, str] = {}
    for dataset in basil.DATASETS:
        for event in basil.read_events(DATA / basil.CORPUS, dataset):
            texts.update((a.id, a.text) for a in basil.event_articles(event))
    for pair, row in judgments:
        assert row["verdict"] in D.VERDICTS and row["why"].strip() and row["dataset"] in basil.DATASETS
        for side in (pair.a, pair.b):
            assert side.doc.startswith(pair.story[-8:])
            assert texts[side.doc][side.start:side.end] == side.text, (pair.story, side)
