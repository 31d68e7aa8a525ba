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


def test_neus_val_blind2_covers_lines_75_to_149_with_exact_spans():
    if not NEUS_VAL.exists():
        pytest.skip(f"NeuS data not present at {NEUS_VAL}")
    gold = facts.load_gold(facts.GOLD_FILES["neus-val-blind2"], None)
    assert [g["cluster"] for g in gold] == list(range(75, 150))
    _assert_spans_exact(gold, facts.load_documents(NEUS_VAL, set(range(75, 150))))
    for row in gold:
        for f in row["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({row["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, (row["cluster"], f["property"])


def test_neus_val_blind1_covers_lines_0_to_74_with_exact_spans():
    if not NEUS_VAL.exists():
        pytest.skip(f"NeuS data not present at {NEUS_VAL}")
    gold = facts.load_gold(facts.GOLD_FILES["neus-val-blind1"], None)
    assert [g["cluster"] for g in gold] == list(range(0, 75))
    _assert_spans_exact(gold, facts.load_documents(NEUS_VAL, set(range(0, 75))))
    for row in gold:
        for f in row["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({row["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, (row["cluster"], f["property"])


def test_neus_val_blind4_covers_lines_228_to_306_with_exact_spans():
    if not NEUS_VAL.exists():
        pytest.skip(f"NeuS data not present at {NEUS_VAL}")
    gold = facts.load_gold(facts.GOLD_FILES["neus-val-blind4"], None)
    assert [g["cluster"] for g in gold] == list(range(228, 307))
    _assert_spans_exact(gold, facts.load_documents(NEUS_VAL, set(range(228, 307))))
    for row in gold:
        for f in row["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({row["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, (row["cluster"], f["property"])
            assert f["status"] != "disputed" or f.get("note"), (row["cluster"], f["property"])


def test_neus_val_blind3_covers_lines_150_to_227_with_exact_spans():
    if not NEUS_VAL.exists():
        pytest.skip(f"NeuS data not present at {NEUS_VAL}")
    gold = facts.load_gold(facts.GOLD_FILES["neus-val-blind3"], None)
    assert [g["cluster"] for g in gold] == list(range(150, 228))
    _assert_spans_exact(gold, facts.load_documents(NEUS_VAL, set(range(150, 228))))
    for row in gold:
        for f in row["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({row["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, (row["cluster"], f["property"])
            assert f["status"] != "disputed" or f.get("note"), (row["cluster"], f["property"])
