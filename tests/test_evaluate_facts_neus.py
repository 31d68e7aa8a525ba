"""The NeuS blind gold sets of session 9 load, cover their annotator's lines of val.source in order, and every
claim and quote span is exact against the documents (headline + lead) that the facts evaluation reads."""

from __future__ import annotations

import pytest

from newsprism.evaluate import facts

from conftest import SHARED_DATA

NEUS_VAL = SHARED_DATA / "neus" / "val.source"


def _assert_spans_exact(gold: list[dict], docs: dict[int, list[str]]) -> None:
    for row in gold:
        texts = docs[row["cluster"]]
        assert row["doc_lengths"] == [len(t) for t in texts], row["cluster"]
        assert row["n_docs"] == len(texts) == len(row["source_groups"])
        spans = [c for f in row["facts"] for c in f["claims"]] + [c for q in row["quotes"] for c in q]
        for c in spans:
            assert texts[c["doc"]][c["start"]:c["end"]] == c["text"], (row["cluster"], c)


# Each blind set and the validation lines its annotator covered, in order (session 9).
LINES = {"neus-val-blind1": range(0, 75), "neus-val-blind2": range(75, 150), "neus-val-blind3": range(150, 228),
         "neus-val-blind4": range(228, 307)}


def test_every_registered_neus_set_is_checked_and_together_they_cover_the_validation_lines_once():
    assert set(LINES) == {name for name in facts.DATASETS if name.startswith("neus-")}
    assert [i for name in sorted(LINES) for i in LINES[name]] == list(range(307))


@pytest.mark.parametrize("name", LINES)
def test_a_neus_blind_set_covers_its_lines_with_exact_spans(name):
    if not NEUS_VAL.exists():
        pytest.skip(f"NeuS data not present at {NEUS_VAL}")
    gold = facts.load_gold(facts.GOLD_FILES[name], None)
    assert [g["cluster"] for g in gold] == list(LINES[name])
    _assert_spans_exact(gold, facts.load_documents(NEUS_VAL, set(LINES[name])))
    for row in gold:
        for f in row["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({row["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, (row["cluster"], f["property"])
            assert f["status"] != "disputed" or f.get("note"), (row["cluster"], f["property"])  # why they disagree
