"""The blind facts gold (Multi-News rows 80-119, the final measurement) loads, does not overlap the
tuning rows (0-39) or the held-out rows (40-79), and its spans are exact against the Multi-News CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.evaluate import facts

BLIND = facts.GOLD_FILES["multinews-blind"]
CSV = Path("/work/shared/data/multi-news/sample_test.csv")


@pytest.fixture(scope="module")
def blind() -> list[dict]:
    return facts.load_gold(BLIND, None)


def test_blind_dataset_is_registered_with_its_own_gold_file():
    assert "multinews-blind" in facts.DATASETS
    assert BLIND not in {facts.GOLD_FILES["multinews-gold"], facts.GOLD_FILES["multinews-heldout"]}


def test_blind_gold_loads_with_statuses_and_cross_group_claims(blind):
    assert [g["cluster"] for g in blind] == list(range(80, 120))
    for g in blind:
        assert len(g["source_groups"]) == g["n_docs"] == len(g["doc_lengths"]) >= 2
        for f in g["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({g["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, f["property"]
        for q in g["quotes"]:
            assert len({m["doc"] for m in q}) >= 2


def test_blind_rows_do_not_overlap_rows_0_to_79(blind):
    earlier = {g["cluster"] for name in ("multinews-gold", "multinews-heldout")
               for g in facts.load_gold(facts.GOLD_FILES[name], None)}
    rows = [g["cluster"] for g in blind]
    assert len(rows) == len(set(rows))
    assert not earlier & set(rows)
    assert min(rows) > max(earlier)


@pytest.mark.skipif(not CSV.exists(), reason="Multi-News sample not available")
def test_blind_spans_are_exact_against_the_csv(blind):
    docs = facts.load_documents(CSV, {g["cluster"] for g in blind})
    for g in blind:
        texts = docs[g["cluster"]]
        assert [len(t) for t in texts] == g["doc_lengths"]
        spans = [c for f in g["facts"] for c in f["claims"]] + [m for q in g["quotes"] for m in q]
        for s in spans:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["text"], (g["cluster"], s)
