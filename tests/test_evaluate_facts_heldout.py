"""The held-out facts gold (Multi-News rows 40-79) loads, is disjoint from the tuning rows, and its
spans are exact against the Multi-News CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.evaluate import facts

HELDOUT = facts.GOLD_FILES["multinews-heldout"]
CSV = Path("/work/shared/data/multi-news/sample_test.csv")


@pytest.fixture(scope="module")
def heldout() -> list[dict]:
    return facts.load_gold(HELDOUT, None)


def test_heldout_dataset_is_registered_with_its_own_gold_file():
    assert "multinews-heldout" in facts.DATASETS
    assert HELDOUT != facts.GOLD_FILES["multinews-gold"]


def test_heldout_gold_loads_with_statuses_and_source_groups(heldout):
    assert len(heldout) >= 39
    for g in heldout:
        assert len(g["source_groups"]) == g["n_docs"] == len(g["doc_lengths"]) >= 2
        for f in g["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({g["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, f["property"]
        for q in g["quotes"]:
            assert len({m["doc"] for m in q}) >= 2


def test_heldout_rows_do_not_overlap_the_tuning_rows(heldout):
    tuning = {g["cluster"] for g in facts.load_gold(facts.GOLD_FILES["multinews-gold"], None)}
    held = [g["cluster"] for g in heldout]
    assert len(held) == len(set(held))
    assert not tuning & set(held)
    assert min(held) > max(tuning)


@pytest.mark.skipif(not CSV.exists(), reason="Multi-News sample not available")
def test_heldout_spans_are_exact_against_the_csv(heldout):
    docs = facts.load_documents(CSV, {g["cluster"] for g in heldout})
    for g in heldout:
        texts = docs[g["cluster"]]
        assert [len(t) for t in texts] == g["doc_lengths"]
        spans = [c for f in g["facts"] for c in f["claims"]] + [m for q in g["quotes"] for m in q]
        for s in spans:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["text"], (g["cluster"], s)
