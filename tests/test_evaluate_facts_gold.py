"""The facts gold sets (Multi-News rows 0-39 tuning, 40-79 held-out, 80-119 blind) load, use disjoint
rows in that order, group claims across source groups, and every span is exact against the CSV."""

from __future__ import annotations

import pytest

from newsprism.evaluate import facts

from conftest import SHARED_DATA

GOLD_SETS = ("multinews-gold", "multinews-heldout", "multinews-blind", "multinews-blind2", "multinews-blind3",
             "multinews-blind4", "multinews-blind5")
# Session 4: blind sets on the unseen validation sample (its own CSV, its own row numbers).
# Session 5: rows 75-149 of the same sample, annotated before any run on them.
# Session 8: rows 225-249 (multinews-val-blind10), the last unread rows, annotated before any run on them.
VAL_SETS = ("multinews-val-blind1", "multinews-val-blind2", "multinews-val-blind3", "multinews-val-blind4",
            "multinews-val-blind5", "multinews-val-blind6", "multinews-val-blind7", "multinews-val-blind8",
            "multinews-val-blind9", "multinews-val-blind10")
CSV = SHARED_DATA / "multi-news" / "sample_test.csv"
VAL_CSV = SHARED_DATA / "multi-news-validation" / "sample_validation.csv"


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {name: facts.load_gold(facts.GOLD_FILES[name], None) for name in GOLD_SETS + VAL_SETS}


def test_each_gold_set_is_registered_with_its_own_file():
    assert set(GOLD_SETS + VAL_SETS) <= set(facts.DATASETS)
    assert len({facts.GOLD_FILES[name] for name in GOLD_SETS + VAL_SETS}) == len(GOLD_SETS + VAL_SETS)
    assert all(facts.CSV_FILES[name] == ("multi-news-validation", "sample_validation.csv") for name in VAL_SETS)
    assert all(facts.CSV_FILES[name] == ("multi-news", "sample_test.csv") for name in GOLD_SETS)


def test_validation_blind_sets_cover_rows_0_to_249_in_order(gold):
    rows = [g["cluster"] for name in VAL_SETS for g in gold[name]]
    assert rows == list(range(250))


@pytest.mark.parametrize("name", GOLD_SETS + VAL_SETS)
def test_gold_groups_span_several_source_groups_with_known_statuses(gold, name):
    for g in gold[name]:
        # a one-document row is kept (rows are never skipped or chosen); it can hold no group
        assert len(g["source_groups"]) == g["n_docs"] == len(g["doc_lengths"]) >= 1
        for f in g["facts"]:
            assert f["status"] in facts.STATUSES
            assert len({g["source_groups"][c["doc"]] for c in f["claims"]}) >= 2, f["property"]
        for q in g["quotes"]:
            assert len({m["doc"] for m in q}) >= 2


def test_gold_sets_use_disjoint_rows_in_order(gold):
    rows = [[g["cluster"] for g in gold[name]] for name in GOLD_SETS]
    for earlier, later in zip(rows, rows[1:]):
        assert len(later) == len(set(later))
        assert min(later) > max(earlier)
    assert rows[2] == list(range(80, 120))


@pytest.mark.parametrize("name", GOLD_SETS + VAL_SETS)
def test_gold_spans_are_exact_against_the_csv(gold, name):
    csv_path = VAL_CSV if name in VAL_SETS else CSV
    if not csv_path.exists():
        pytest.skip(f"{csv_path} not available")
    docs = facts.load_documents(csv_path, {g["cluster"] for g in gold[name]})
    for g in gold[name]:
        texts = docs[g["cluster"]]
        assert [len(t) for t in texts] == g["doc_lengths"]
        spans = [c for f in g["facts"] for c in f["claims"]] + [m for q in g["quotes"] for m in q]
        for s in spans:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["text"], (g["cluster"], s)


def test_a_split_quote_hits_gold_through_its_second_piece():
    # Regression: only the first piece of a split quote was compared with the gold spans.
    from newsprism.model import QuoteMention, Span

    first = QuoteMention(article="c1-d0", start=0, end=10, text="A" * 10,
                         parts=[Span("c1-d0", 0, 10, "A" * 10), Span("c1-d0", 30, 50, "B" * 20)])
    other = QuoteMention(article="c1-d1", start=5, end=25, text="B" * 20)
    gold = {"quotes": [[{"doc": 0, "start": 32, "end": 48}, {"doc": 1, "start": 5, "end": 25}]]}
    counts = facts._Counts()
    facts._score_quotes(gold, [(facts._pieces(first), facts._pieces(other))], counts)
    assert (counts.pred_pairs_ok, counts.gold_pairs_found, counts.gold_pairs) == (1, 1, 1)


def test_a_dispute_flag_is_correct_only_through_a_pair_that_disagrees():
    # Regression (validation blind2 c47, after its run): the two agreeing "125"s of a gold disputed group
    # made a flag correct although it set them against other counts, not against the gold "144".
    from newsprism.model import Claim, Fact

    def claim(doc: int, start: int, text: str, value: float) -> Claim:
        return Claim(article=f"c1-d{doc}", start=start, end=start + len(text), text=text,
                     value={"low": value, "high": value, "point": value}, unit="person")

    gold = {"source_groups": ["g0", "g1", "g2"], "facts": [{"status": "disputed", "claims": [
        {"doc": 0, "start": 0, "end": 3}, {"doc": 1, "start": 0, "end": 3}, {"doc": 2, "start": 0, "end": 3}]}]}
    # d0 "125" and d1 "125" are in the gold group; d2's gold "144" is missed, d2's "104" is elsewhere
    flagged = Fact(id="f1", topic="toll", status="disputed",
                   claims=[claim(0, 0, "125", 125), claim(1, 0, "125", 125), claim(2, 40, "104", 104)])
    counts = {s: facts._Counts() for s in (*facts.STATUSES, "same_fact")}
    facts._score_facts(gold, [flagged], counts)
    assert (counts["disputed"].pred_groups, counts["disputed"].pred_groups_ok) == (1, 0)
    right = Fact(id="f2", topic="toll", status="disputed", claims=[claim(0, 0, "125", 125), claim(2, 0, "144", 144)])
    counts = {s: facts._Counts() for s in (*facts.STATUSES, "same_fact")}
    facts._score_facts(gold, [right], counts)
    assert (counts["disputed"].pred_groups_ok, counts["disputed"].gold_groups_found) == (1, 1)
    # ages a year apart disagree as stated (no rounding slack in the scorer)
    assert facts._disagree(claim(0, 0, "66", 66), claim(2, 0, "65", 65))


def test_quoted_scope_leaves_out_pairs_with_reported_speech_but_keeps_quoted_words():
    # The gold lists quoted words only; a pair touching an indirect quote is scored in the full figure
    # and left out of the quoted-words figure, for the system and the baseline alike.
    from newsprism.model import Quote, QuoteMention

    said = QuoteMention(article="c1-d0", start=0, end=30, text="x" * 30, kind="direct")
    cited = QuoteMention(article="c1-d1", start=0, end=30, text="x" * 30, kind="partial")
    reported = QuoteMention(article="c1-d2", start=0, end=30, text="x" * 30, kind="indirect")
    citing = QuoteMention(article="c1-d3", start=0, end=30, text='the girl found “x x x” in her desk', kind="indirect")
    quote = Quote(id="q1", speaker=None, speaker_name=None, text="x" * 30, kind="direct",
                  mentions=[said, cited, reported, citing])
    assert len(facts._predicted_quote_pairs([quote])) == 6
    kept = facts._predicted_quote_pairs([quote], quoted_only=True)
    assert len(kept) == 3 and all(facts._pieces(reported) not in pair for pair in kept)


def test_a_neus_line_reads_as_one_headline_and_lead_per_outlet():
    line = ("TITLE=> Storm kills 3. ARTICLE=> Three people died on Monday. [SEP] "
            "TITLE=> Deadly storm. ARTICLE=> The storm killed four people, officials said.")
    assert facts.neus_documents(line) == ["Storm kills 3.\n\nThree people died on Monday.",
                                          "Deadly storm.\n\nThe storm killed four people, officials said."]
    with pytest.raises(ValueError):
        facts.neus_documents("not a NeuS line")


def test_neus_sets_read_the_validation_lines():
    assert {facts.CSV_FILES[name] for name in facts.DATASETS if name.startswith("neus-")} == {("neus", "val.source")}
