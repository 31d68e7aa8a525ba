"""Facts across articles: grouping by what is measured, status by independent source group."""

from __future__ import annotations

import pytest

from newsprism.align.facts import group_facts
from newsprism.analyse.claims import extract_claims
from newsprism.model import Article, ArticleAnalysis


def story(nlp, *texts: str, groups: list[str] | None = None):
    articles, analyses = [], []
    for i, text in enumerate(texts):
        aid = f"a{i}"
        group = groups[i] if groups else f"g{i}"
        articles.append(Article(id=aid, raw=text, text=text, source_group=group))
        doc = nlp(text)
        analyses.append(ArticleAnalysis(article=aid, claims=extract_claims(doc, aid, [])))
    return articles, analyses


def multi(facts):
    return [f for f in facts if len({c.article for c in f.claims}) > 1]


def test_nearly_three_hours_and_more_than_three_hours_are_disputed(nlp):
    facts = group_facts(*story(
        nlp,
        "Putin and Trump met in Alaska. The summit between Trump and Putin lasted nearly three hours.",
        "Putin and Trump met in Alaska. The summit between Trump and Putin lasted more than three hours.",
    ), [])
    [fact] = multi(facts)
    assert fact.status == "disputed"
    assert "nearly three hours" in fact.explanation and "more than three hours" in fact.explanation


def test_one_fifth_and_twenty_percent_corroborate(nlp):
    facts = group_facts(*story(
        nlp,
        "Russian forces control roughly one-fifth of Ukrainian territory, officials in Kyiv said.",
        "Russian forces control about 20% of Ukrainian territory, officials in Kyiv said.",
    ), [])
    [fact] = multi(facts)
    assert fact.status == "corroborated" and len(fact.source_groups) == 2


def test_same_unit_different_things_are_not_grouped(nlp):
    facts = group_facts(*story(
        nlp,
        "The ferry carried 132 passengers when it sank off the coast of Crete.",
        "Rescuers searched the coast of Crete with 40 boats after the ferry sank.",
    ), [])
    assert not [f for f in facts if f.status == "disputed"]
    assert not multi(facts)


def test_syndicated_copies_count_once(nlp):
    text = "Belarus freed 1,300 prisoners on Thursday, the government in Minsk said."
    facts = group_facts(*story(nlp, text, text, groups=["ap", "ap"]), [])
    fact = next(f for f in facts if any("1,300" in c.text for c in f.claims))
    assert len(fact.claims) == 2
    assert fact.status == "single_source" and fact.source_groups == ["ap"]


def test_two_groups_with_the_same_count_corroborate(nlp):
    facts = group_facts(*story(
        nlp,
        "Belarus freed 1,300 prisoners on Thursday, the government in Minsk said.",
        "The government in Minsk said it freed 1,300 prisoners from Belarus jails.",
    ), [])
    fact = next(f for f in facts if any("1,300" in c.text for c in f.claims))
    assert fact.status == "corroborated"


def test_different_counts_of_one_thing_are_disputed(nlp):
    facts = group_facts(*story(
        nlp,
        "Police said 25 protesters were arrested outside parliament in Tbilisi on Sunday.",
        "Police said 40 protesters were arrested outside parliament in Tbilisi on Sunday.",
    ), [])
    [fact] = multi(facts)
    assert fact.status == "disputed"


def test_a_part_is_not_a_total(nlp):
    facts = group_facts(*story(
        nlp,
        "CGI was chosen for the health website over three other bidders, officials said.",
        "Four bidders competed for the health website contract, officials said.",
    ), [])
    assert not [f for f in facts if f.status == "disputed"]


def test_a_figure_for_another_time_is_no_dispute(nlp):
    facts = group_facts(*story(
        nlp,
        "The maternal mortality rate in India was 174 per 100,000 births in 2015, UNICEF said.",
        "Five years earlier the maternal mortality rate in India was 205 per 100,000 births, UNICEF said.",
    ), [])
    assert not [f for f in facts if f.status == "disputed"]


def test_single_claims_become_single_source_facts_with_deterministic_ids(nlp):
    articles, analyses = story(nlp, "The dam holds 3 billion cubic metres.", "Rain fell for 12 hours.")
    first = group_facts(articles, analyses, [])
    second = group_facts(articles, analyses, [])
    assert [f.id for f in first] == [f"f-{i}" for i in range(1, len(first) + 1)]
    assert [(f.id, f.topic, f.status) for f in first] == [(f.id, f.topic, f.status) for f in second]
    assert all(f.status == "single_source" for f in first)


@pytest.mark.slow
def test_example_story_summit_length_is_disputed_and_share_corroborated(example_dir, nlp):
    from newsprism.ingest.read import read_inputs  # noqa: F401  (only to make sure ingest imports)
    import newsprism

    brief = newsprism.analyze([example_dir])
    durations = [f for f in brief.facts if any(c.unit == "hour" for c in f.claims) and len(f.source_groups) > 1]
    assert any(f.status == "disputed" for f in durations)
    shares = [f for f in brief.facts if any(c.unit == "percent" for c in f.claims) and len(f.source_groups) > 1]
    assert any(f.status == "corroborated" for f in shares)
    for f in brief.facts:
        for c in f.claims:
            art = next(a for a in brief.articles if a.id == c.article)
            assert art.text[c.start:c.end] == c.text


def test_identical_copies_are_one_fact_and_count_once_per_group(nlp):
    text = "The summit lasted three hours, officials said."
    articles, analyses = story(nlp, *[text] * 6, groups=["g0", "g0", "g0", "g1", "g1", "g2"])
    facts = group_facts(articles, analyses, [])
    [fact] = facts
    assert fact.status == "corroborated" and fact.source_groups == ["g0", "g1", "g2"] and len(fact.claims) == 6


def test_the_same_specific_value_under_other_words_corroborates(nlp):
    # Different measured words ("donated" / "gave"), one specific figure and paraphrased sentences.
    articles, analyses = story(
        nlp,
        "The firm donated $29,600 to the Trump inauguration committee in January.",
        "The company gave the Trump inaugural committee $29,600 in January.",
    )
    facts = group_facts(articles, analyses, [])
    assert [f.status for f in multi(facts)] == ["corroborated"]


def test_the_same_specific_value_in_unrelated_sentences_is_not_grouped(nlp):
    articles, analyses = story(
        nlp,
        "The firm donated $29,600 to the Trump inauguration committee in January.",
        "A used pickup truck at the dealership sells for $29,600, the owner said.",
    )
    assert not multi(group_facts(articles, analyses, []))


def test_an_acronym_and_its_words_corroborate(nlp):
    articles, analyses = story(
        nlp,
        "The Justice Department said the deficit reached 16 per cent of GDP last year.",
        "The deficit reached 16 per cent of gross domestic product last year, the ministry said.",
    )
    facts = group_facts(articles, analyses, [])
    [fact] = [f for f in facts if f.status == "corroborated"]
    assert {c.text for c in fact.claims} == {"16 per cent"}


def test_acronym_matching_reads_initials_with_and_without_small_words():
    from newsprism.align.facts import _acronym_of

    assert _acronym_of("GDP", "gross domestic product", "gdp", "product")
    assert _acronym_of("the DOJ", "the Department of Justice", "doj", "justice")
    assert not _acronym_of("GNP", "gross domestic product", "gnp", "product")
    assert not _acronym_of("gdp growth", "gross domestic product", "growth", "product")


SILK_ROAD = "Prosecutors said the Silk Road marketplace generated $80 million in commissions for Ross Ulbricht."


def test_a_round_figure_under_another_head_in_a_paraphrased_sentence_corroborates(nlp):
    # Heads differ ("commission" / "pocket"), the figure is too round for the same-value route: only the
    # meaning of the two sentences with the value masked, and the shared names, meet them.
    articles, analyses = story(nlp, SILK_ROAD,
                               "Ross Ulbricht pocketed $80 million from the Silk Road marketplace, prosecutors said.")
    assert [f.status for f in multi(group_facts(articles, analyses, []))] == ["corroborated"]


def test_a_different_figure_met_only_by_sentence_meaning_is_no_dispute(nlp):
    articles, analyses = story(nlp, SILK_ROAD,
                               "Ross Ulbricht pocketed $30 million from the Silk Road marketplace, prosecutors said.")
    assert not multi(group_facts(articles, analyses, []))


def test_the_same_round_figure_in_sentences_of_other_meaning_is_not_grouped(nlp):
    articles, analyses = story(nlp, SILK_ROAD,
                               "Ross Ulbricht later bought a house in Texas for $80 million, his lawyer said.")
    assert not multi(group_facts(articles, analyses, []))


def test_a_tie_between_subjects_names_the_topic_after_the_earliest_claim():
    from newsprism.align.facts import _Item, _topic
    from newsprism.model import Claim

    def item(idx: int, subject: str) -> _Item:
        claim = Claim(article=f"a{idx}", start=0, end=3, text="20%", value={"low": 20.0, "high": 20.0, "point": 20.0},
                      unit="percent", subject=subject)
        return _Item(idx=idx, claim=claim, group=f"g{idx}", dim="share", kind="share", head="territory")

    # Both orders: a tie broken by set order (the string hash, which differs per process) gets one of them wrong.
    assert _topic([item(0, "Ukraine"), item(1, "Ukraine's territory")]) == "share of Ukraine"
    assert _topic([item(0, "Ukraine's territory"), item(1, "Ukraine")]) == "share of Ukraine's territory"


def test_one_in_five_and_twenty_percent_corroborate(nlp):
    facts = group_facts(*story(
        nlp,
        "One in five American adults has a criminal record, the Justice Department study found.",
        "About 20% of American adults have a criminal record, the Justice Department study found.",
    ), [])
    [fact] = multi(facts)
    assert fact.status == "corroborated" and {c.text for c in fact.claims} == {"One in five", "About 20%"}


# Agreements and non-agreements, each case the outlets' sentences, the id naming the behaviour (sessions 8-9;
# those of session 9 are met by the value itself, not the sentence's other words).
CORROBORATED = {
    "two_of_one_noun": (
        "The president pardoned two turkeys named Mac and Cheese at the White House on Wednesday.",
        "Before approaching Mac and Cheese, the two turkeys pardoned at the White House, the president joked.",
    ),
    "a_figure_at_its_ceiling": (
        "The sex discrimination lawsuit against Wal-Mart covers as many as 1.5 million women, lawyers said.",
        "The sex discrimination lawsuit against Wal-Mart covers 1.5 million women, lawyers said.",
    ),
    # Multi-News val-blind1 c18 ("an average cost of $76,328" / "spent $76,328"): the words share nothing else
    "one_specific_figure_in_two_sources_naming_one_place": (
        "The most expensive place to get married last year was Manhattan, at an average cost of $76,328.",
        "Couples who wed in Manhattan spent $76,328 on their weddings, the survey found.",
    ),
    # Multi-News blind3 c183 ("rescheduled for July 2, 2014" / "scheduled for July 2")
    "a_day_without_a_year_takes_the_year_the_story_gives_that_day": (
        "The hearing in the Smith case was rescheduled for July 2, 2014, the court said.",
        "The hearing in the Smith case was scheduled for July 2, the court said.",
    ),
    # NeuS val line 70 (after its blind run): the sentences share no other word
    "one_named_persons_age_whatever_else_is_said": (
        "Kyle Rittenhouse, 17, was charged with homicide in Kenosha.",
        "Protesters marched as lawyers for the 17-year-old Kyle Rittenhouse sought bail on Friday.",
    ),
    # NeuS val line 15 (after its blind run): "dated Jan. 29" / "a Jan. 29 memo"
    "one_day_in_two_sources_naming_one_actor": (
        "Navarro laid out the risks in a memo dated Jan. 29, the newspaper reported.",
        "In a Jan. 29 memo, Navarro warned of a pandemic.",
    ),
}

NOT_LINKED = {
    "two_of_different_nouns_sharing_a_word": (
        "Two lower courts said the case against Wal-Mart could move forward as a class action.",
        "The court's other two female justices, Elena Kagan and Sonia Sotomayor, joined the dissent in the case.",
    ),
    "a_figure_far_under_a_ceiling": (
        "Cantor had won his Virginia primaries with as much as 79 percent of the vote in past years.",
        "Brat unseated Cantor in the Virginia primary with 56 percent of the vote.",
    ),
    "a_short_figure_needs_more_than_its_digits": (
        "Police said 13 people were taken to hospital after the crash.",
        "The museum lent 13 paintings to the new gallery in Paris.",
    ),
    "a_day_the_story_dates_in_two_years_stays_without_one": (
        "The hearing in the Smith case was set for July 2, 2014, and the appeal for July 2, 2015.",
        "The hearing in the Smith case was scheduled for July 2, the court said.",
    ),
    "a_bare_year_is_no_specific_figure": (
        "Navarro joined the White House staff in 2017, records show.",
        "Navarro's book on China was published by a small press in 2017.",
    ),
}


@pytest.mark.parametrize("case", CORROBORATED)
def test_corroborated(nlp, case):
    [fact] = multi(group_facts(*story(nlp, *CORROBORATED[case]), []))
    assert fact.status == "corroborated"


@pytest.mark.parametrize("case", NOT_LINKED)
def test_not_linked(nlp, case):
    assert not multi(group_facts(*story(nlp, *NOT_LINKED[case]), []))
