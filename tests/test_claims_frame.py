"""Claim frames: what a value is said of (predicate, subgroup modifiers, time scope), from the parse."""

from __future__ import annotations

from newsprism.analyse.claims import claim_frame, extract_claims, time_anchors


def frame_of(nlp, text: str, needle: str):
    claim = next(c for c in extract_claims(nlp(text), "a1", []) if needle in c.text)
    kind = (claim.property or "").partition(": ")[0]
    return claim_frame(nlp(claim.sentence.text), claim, kind)


def test_passive_verb_is_the_predicate_of_a_count(nlp):
    frame = frame_of(nlp, "Officials said nine miners were trapped underground after the collapse.", "nine")
    assert frame.head == "miner" and "trap" in frame.predicates


def test_copula_complement_is_the_predicate_of_a_share(nlp):
    frame = frame_of(nlp, "Only 12 percent of the delegates were undecided before the vote.", "12 percent")
    assert "undecided" in frame.predicates and "be" not in frame.predicates


def test_adjective_on_the_counted_noun_is_a_distinguishing_modifier(nlp):
    frame = frame_of(nlp, "The agency hired 40 seasonal workers for the harvest.", "40")
    assert "seasonal" in frame.modifiers


def test_hedges_are_not_modifiers(nlp):
    frame = frame_of(nlp, "The agency hired some 40 workers for the harvest.", "40")
    assert frame.modifiers == frozenset()


def test_reporting_frame_is_left_out_of_the_value_clause(nlp):
    frame = frame_of(nlp, "The mayor told a news conference that 30 houses were flooded by the river.", "30")
    assert "river" in frame.clause and "conference" not in frame.clause


def test_time_anchors_read_years_days_windows_rates_and_other_figures():
    anchors = time_anchors("In 2016, during the first six weeks on Tuesday, 40 people a day arrived")
    assert {"y:2016", "d:tuesday", "w:6-week", "rate:day", "n:40"} <= anchors


def test_the_agent_of_a_passive_is_a_named_participant(nlp):
    frame = frame_of(nlp, "The firm hired Essential Consultants, a company formed by Cohen in early 2017.", "2017")
    assert "cohen" in frame.participants and "form" in frame.predicates


def test_verbs_joined_by_and_belong_to_one_event(nlp):
    frame = frame_of(nlp, "Officials said 30 people were injured and transported to local hospitals.", "30")
    assert {"injure", "transport"} <= frame.predicates and "hospital" in frame.arguments


def test_a_hyphenated_modifier_is_one_word_however_it_is_spelled(nlp):
    # Multi-News blind4 c218: "17 giant hydro-electric turbines" / "ten hydroelectric turbines"
    hyphenated = frame_of(nlp, "The dam has 17 giant hydro-electric turbines.", "17")
    joined = frame_of(nlp, "The dam has ten hydroelectric turbines.", "ten")
    assert hyphenated.modifiers == joined.modifiers == frozenset({"hydroelectric"})  # "giant" is emphasis


def test_a_reporters_emphasis_is_no_subgroup(nlp):
    frame = frame_of(nlp, "The sniper hit his target at a staggering 3,540 metres.", "3,540")
    assert "staggering" not in frame.modifiers


def test_left_dead_makes_the_state_the_predicate(nlp):
    frame = frame_of(nlp, "The storm left 12 people dead across the region.", "12")
    assert "dead" in frame.predicates and "leave" not in frame.predicates
