"""A figure against another outlet's floor or ceiling, figures rounded at their last written digit, and the
words around a toll ("left 40 people dead", "a day of worship", "Two explosions") that must not hide one event.
Each case is two or three hand-written outlet sentences; the id names the behaviour."""

from __future__ import annotations

import pytest
from test_facts_disputes import disputed, disputes_between, facts_of

from newsprism.analyse.claims import time_anchors
from newsprism.analyse.quantities import as_written

DISPUTES = {
    # The Multi-News gold calls these disputes ("At least 144 people were reported killed" / "125 people had
    # died"): the other outlet's own floor rules the figure out.
    "a_figure_below_another_outlets_at_least_floor": (
        ("Nine people", "At least 12 people"),
        "Nine people were killed in the blast at the market, police said.",
        "At least 12 people were killed in the blast at the market, police said.",
    ),
    # NeuS (development lines): "left ... dead" is a killing, explosions and attacks one event, and the count of
    # explosions matches the count of attacks, so the injured are no other instance.
    "a_toll_left_dead_by_two_explosions_is_the_toll_of_the_bombing_attacks": (
        ("37 people", "at least 40 people"),
        "ISIS claimed two Palm Sunday bombing attacks at Coptic churches in Egypt that have killed 37 people "
        "and injured more than 100.",
        "Two explosions at Coptic churches in Egypt on Palm Sunday left at least 40 people dead as a day of "
        "worship turned to carnage.",
    ),
    "figures_precise_to_the_same_place": (
        ("$1.2 billion", "$1.6 billion"),
        "The company reported $1.2 billion in sales for the quarter, the filing shows.",
        "The company reported $1.6 billion in sales for the quarter, the filing shows.",
    ),
    # Multi-News blind5 c231: 2.6 % apart; the 2 % slack is for conversions only
    "figures_in_one_unit_beyond_rounding": (
        ("3,540 metres", "3,450 metres"),
        "The Canadian sniper hit the target from 3,540 metres in Iraq, the military said.",
        "The Canadian sniper hit the target from 3,450 metres in Iraq, the military said.",
    ),
}

NO_DISPUTES = {
    "a_figure_above_a_floor_agrees_with_it": (
        "Fifteen people were killed in the blast at the market, police said.",
        "At least 12 people were killed in the blast at the market, police said.",
    ),
    "a_toll_of_another_kind_of_event": (
        "Floods in the province have killed 37 people since Sunday, officials said.",
        "Two explosions at a market in the capital left at least 40 people dead on Sunday.",
    ),
    # NeuS (development lines): outlets round such figures; the Multi-News gold joins "$39 billion" and "$40 billion"
    "a_figure_rounded_to_its_scale_word_and_the_precise_one": (
        "The House delayed a vote on the $1 trillion bipartisan infrastructure bill on Thursday.",
        "A vote on the $1.2 trillion bipartisan infrastructure bill was delayed late Thursday.",
    ),
    "a_converted_figure_keeps_its_conversion_slack": (
        "The baby weighed 6.6 pounds at birth, the hospital said.",
        "The baby weighed 2.99 kg at birth, the hospital said.",
    ),
    # NeuS (development lines): the 60 is the rule the sentence says was not needed, not its count
    "a_figure_set_against_the_sentences_own": (
        "Senate Democrats can now pass more bills with 51 votes, the parliamentarian ruled.",
        "The ruling allows Senate Democrats to pass two bills with a simple majority instead of the usual 60-vote "
        "threshold, the parliamentarian ruled.",
    ),
    # ECB+ 37 (development data): "at least 22 houses" agrees with "Around 40" and with "about 1,500" alike
    "an_at_least_bound_bridges_no_two_figures": (
        "Around 40 houses were damaged by the quake, said a disaster agency official.",
        "In a neighbouring district about 1,500 houses and buildings were damaged, officials said.",
        "The quake damaged at least 22 houses, the agency said.",
    ),
    # ECB+ 37: one outlet converts "10 kilometres" to "six miles", another to "6.2 miles"
    "a_measure_rounded_at_its_last_written_digit": (
        "The quake struck yesterday at a depth of just six miles, the survey said.",
        "The quake struck inland at a depth of 6.2 miles, the survey said.",
    ),
    # ECB+ 37: "seven were injured" is another clause than "Five people died"
    "a_toll_of_a_clause_with_its_own_subject_and_the_injured_count": (
        "Five people died and seven were injured in Aceh in the quake and aftershocks.",
        "The quake injured more than 200 people and damaged more than 300 houses in Aceh.",
    ),
}


@pytest.mark.parametrize("case", DISPUTES)
def test_disputes(nlp, case):
    pair, *texts = DISPUTES[case]
    assert disputes_between(facts_of(nlp, *texts), *pair)


@pytest.mark.parametrize("case", NO_DISPUTES)
def test_no_dispute(nlp, case):
    assert not disputed(facts_of(nlp, *NO_DISPUTES[case]))


def test_as_written_reads_the_last_written_digit_and_leaves_other_figures_alone():
    point = {"low": 1e12, "high": 1e12, "point": 1e12}
    assert as_written(point, None, "$1 trillion") == {**point, "low": 0.5e12, "high": 1.5e12}
    tenth = as_written({"low": 1.2e12, "high": 1.2e12, "point": 1.2e12}, None, "$1.2 trillion")
    assert (round(tenth["low"] / 1e9), round(tenth["high"] / 1e9)) == (1150, 1250)
    forty = as_written({"low": 40e9, "high": 40e9, "point": 40e9}, None, "$40bn")
    assert (forty["low"], forty["high"]) == (37.5e9, 42.5e9)  # a trailing zero may be exact: half the slack
    assert as_written({"low": 1276, "high": 1276, "point": 1276}, None, "1,276 prisoners")["low"] == 1276
    hedged = {"low": 1e12, "high": None}
    assert as_written(hedged, "more than", "more than $1 trillion") is hedged
    six = {"low": 6.0, "high": 6.0, "point": 6.0}
    assert as_written(six, None, "six miles", measure=True)["low"] == 5.5
    assert as_written(six, None, "six people")["low"] == 6.0  # a count is exact


def test_a_day_of_an_occasion_is_no_window_and_no_rate():
    assert time_anchors("as a day of worship turned to destruction") == frozenset()
    assert time_anchors("a week after the vote") == frozenset()
    assert {"rate:day", "w:1-day"} <= time_anchors("up to 40 people a day")
    assert "w:3-day" in time_anchors("over three days of fighting")
