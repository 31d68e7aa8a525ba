"""Disputes need much stronger evidence than corroboration: one measured thing, one predicate, one time
scope, one event. Each test is a pair of hand-written outlet sentences."""

from __future__ import annotations

from newsprism.align.facts import group_facts
from newsprism.analyse.claims import extract_claims
from newsprism.model import Article, ArticleAnalysis


def facts_of(nlp, *texts: str):
    articles, analyses = [], []
    for i, text in enumerate(texts):
        articles.append(Article(id=f"a{i}", raw=text, text=text, source_group=f"g{i}"))
        analyses.append(ArticleAnalysis(article=f"a{i}", claims=extract_claims(nlp(text), f"a{i}", [])))
    return group_facts(articles, analyses, [])


def disputed(facts):
    return [f for f in facts if f.status == "disputed"]


def test_a_subgroup_modifier_on_one_side_blocks_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "The council said 120 new teachers were hired across the district, the council said.",
        "The council said 300 teachers were hired across the district, the council said.",
    )
    assert not disputed(facts)


def test_different_predicates_of_one_noun_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Four miners were killed in the blast at the colliery near the border, officials said.",
        "Nineteen miners were injured in the blast at the colliery near the border, officials said.",
    )
    assert not disputed(facts)


def test_synonymous_predicates_still_dispute(nlp):
    facts = facts_of(
        nlp,
        "Police said 25 protesters were detained outside parliament in Tbilisi on Sunday.",
        "Police said 40 protesters were arrested outside parliament in Tbilisi on Sunday.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"25 protesters", "40 protesters"}


def test_different_years_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The harbour museum welcomed 2.1 million visitors in 2019, its director said.",
        "The harbour museum welcomed 1.4 million visitors in 2021, its director said.",
    )
    assert not disputed(facts)


def test_a_daily_toll_and_a_toll_over_a_week_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Two climbers died on Saturday on the north face of the mountain, rescuers said.",
        "Five climbers died over the past two weeks on the north face of the mountain, rescuers said.",
    )
    assert not disputed(facts)


def test_same_noun_in_unrelated_clauses_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The ferry company said 14 cars were damaged when the ramp collapsed at the port.",
        "The ferry company said 40 cars were damaged by hail that swept the parking deck.",
    )
    assert not disputed(facts)


def test_vague_subject_with_different_arguments_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Rescuers said 12 people were evacuated by helicopter from the flooded village.",
        "Rescuers said 30 people were evacuated by bus from the flooded school.",
    )
    assert not disputed(facts)


def test_vague_subject_with_the_same_verb_and_arguments_disputes(nlp):
    facts = facts_of(
        nlp,
        "Rescuers said 12 people were evacuated by helicopter from the flooded village.",
        "Rescuers said 30 people were evacuated by helicopter from the flooded village.",
    )
    assert len(disputed(facts)) == 1


def test_agreement_needs_less_evidence_than_a_dispute(nlp):
    # The same figure in differently worded clauses still corroborates.
    facts = facts_of(
        nlp,
        "The ferry company said 14 cars were damaged when the ramp collapsed at the port.",
        "Fourteen cars were damaged, according to the ferry company, which blamed a faulty ramp.",
    )
    fact = next(f for f in facts if len(f.source_groups) == 2)
    assert fact.status == "corroborated"
