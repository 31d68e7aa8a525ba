"""Genre evaluation: paragraph scores, offset mapping from clean text back to the GGT body, and the
gold paragraph sets (well-formed, disjoint, exact against the GGT table when shared/data is present)."""

from __future__ import annotations

import hashlib

import pytest

from newsprism.evaluate import genre
from newsprism.model import Removal


def test_label_scores_give_per_label_f1_macro_and_flagged():
    gold = ["reporting", "reporting", "analysis", "opinion"]
    pred = ["reporting", "opinion", "analysis", "opinion"]
    scores = genre.label_scores(gold, pred)
    assert scores["accuracy"] == 0.75
    assert scores["analysis_f1"] == 1.0
    assert scores["opinion_p"] == 0.5 and scores["opinion_r"] == 1.0
    assert scores["reporting_p"] == 1.0 and scores["reporting_r"] == 0.5
    assert scores["macro_f1"] == round((2 / 3 + 1.0 + 2 / 3) / 3, 4)
    assert scores["flagged_p"] == round(2 / 3, 4) and scores["flagged_r"] == 1.0


def test_confusion_counts_gold_rows_against_predicted_columns():
    matrix = genre.confusion(["opinion", "opinion", "reporting"], ["reporting", "opinion", "reporting"])
    assert matrix["opinion"] == {"reporting": 1, "analysis": 0, "opinion": 1}
    assert matrix["reporting"]["reporting"] == 1


def test_clean_offsets_map_back_over_removed_pieces():
    raw = "Keep this.\nAD LINE\nAnd this."
    removed = [Removal("AD LINE\n", 11, 19, "stub")]
    text = "Keep this.\nAnd this."
    to_raw = genre.clean_to_raw(len(text), removed)
    start = text.index("And")
    assert raw[to_raw[start] : to_raw[start] + 3] == "And"
    assert to_raw[3] == 3


def test_body_offsets_shift_for_stripped_text_and_align_otherwise():
    assert genre.body_offsets("  abc", "abc")[:3] == [2, 3, 4]
    body = "caf\u0065\u0301 au lait"  # decomposed é: NFC makes the ingested text one char shorter
    raw = "caf\u00e9 au lait"
    mapping = genre.body_offsets(body, raw)
    assert body[mapping[raw.index("au")] : mapping[raw.index("au")] + 2] == "au"


def test_gold_paragraph_takes_label_of_most_overlapping_prediction():
    gold = [{"start": 0, "end": 10}, {"start": 11, "end": 20}, {"start": 21, "end": 30}]
    predicted = [(0, 10, "opinion"), (11, 25, "analysis")]
    labels, missing = genre.predicted_labels(gold, predicted)
    assert labels == ["opinion", "analysis", "analysis"]
    assert missing == 0
    labels, missing = genre.predicted_labels([{"start": 40, "end": 50}], predicted)
    assert labels == ["reporting"] and missing == 1


@pytest.fixture(scope="module")
def gold_sets() -> dict[str, list[dict]]:
    return {name: genre.load_gold(path) for name, path in genre.GOLD_FILES.items()}


def test_gold_sets_are_registered_disjoint_and_well_formed(gold_sets):
    assert set(genre.GOLD_FILES) <= set(genre.DATASETS)
    ids = [{row["id"] for row in rows} for rows in gold_sets.values()]
    assert sum(map(len, ids)) == len(set().union(*ids)) == 40
    expected_opinion = {"ggt-paragraphs-dev": 5, "ggt-paragraphs-test": 5, "ggt-paragraphs-blind": 0}
    for name, rows in gold_sets.items():
        assert sum(row["article_type"] == "opinion" for row in rows) == expected_opinion[name]
        for row in rows:
            ends = [p["end"] for p in row["paragraphs"]]
            starts = [p["start"] for p in row["paragraphs"]]
            assert all(s < e for s, e in zip(starts, ends)) and starts == sorted(starts)
            assert {p["label"] for p in row["paragraphs"]} <= set(genre.LABELS)
            assert not any("text" in p for p in row["paragraphs"])  # licensed text never stored


def test_gold_offsets_are_exact_against_the_ggt_table(gold_sets, shared_data):
    bodies = {gid: text for gid, text, _ in genre.load_ggt(shared_data / "gender-gap-tracker")}
    for rows in gold_sets.values():
        for row in rows:
            body = bodies[row["id"]]
            for p in row["paragraphs"]:
                chunk = body[p["start"] : p["end"]]
                assert chunk == chunk.strip() and chunk
                assert hashlib.sha1(chunk.encode()).hexdigest()[:12] == p["sha1"]


def test_paragraph_dataset_runs_end_to_end_on_one_article(shared_data):
    report = genre.run("ggt-paragraphs-dev", shared_data, limit=1)
    assert report.extra["articles"] == 1
    assert report.extra["paragraphs"] == sum(report.extra["gold_counts"].values()) > 0
    assert {"accuracy", "macro_f1", "opinion_f1", "analysis_f1", "flagged_f1"} <= set(report.metrics)
    assert {"all-reporting", "first-person", "article-label"} <= set(report.baselines)
    assert report.baselines["all-reporting"]["reporting_r"] == 1.0
