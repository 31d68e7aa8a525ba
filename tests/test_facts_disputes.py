"""Disputes need much stronger evidence than corroboration: one measured thing, one predicate, one time
scope, one event. Each test is a pair of hand-written outlet sentences."""

from __future__ import annotations

from newsprism.align.facts import group_facts
from newsprism.analyse.claims import extract_claims
from newsprism.model import Article, ArticleAnalysis, Claim, Span


def facts_of(nlp, *texts: str, entities: bool = False):
    """Facts of one-sentence articles, one source group each; with ``entities`` the claims see the
    article's entities (ages then resolve to the person: "she" → the name)."""
    from newsprism.analyse.entities import local_entities

    articles, analyses = [], []
    for i, text in enumerate(texts):
        doc = nlp(text)
        articles.append(Article(id=f"a{i}", raw=text, text=text, source_group=f"g{i}"))
        found = local_entities(doc) if entities else []
        analyses.append(ArticleAnalysis(article=f"a{i}", claims=extract_claims(doc, f"a{i}", found)))
    return group_facts(articles, analyses, [])


def disputed(facts):
    return [f for f in facts if f.status == "disputed"]


def disputes_between(facts, *texts: str) -> bool:
    """Does a disputed fact hold claims with all these texts?"""
    return any(set(texts) <= {c.text for c in f.claims} for f in disputed(facts))


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


# --------------------------------------------------------------------------- frame evidence of one event


def test_ages_of_one_named_person_a_year_apart_dispute(nlp):
    facts = facts_of(
        nlp,
        "Love, 32, has Asperger's syndrome and a depressive illness.",
        "Mr Love, 33, from Stradishall, Suffolk, was first arrested in October 2013.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"32", "33"}


def test_ages_far_apart_are_two_people_of_one_name_not_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "Smith, 45, was questioned by police at the scene.",
        "Smith, 17, was questioned by police at the scene.",
    )
    assert not disputed(facts)


def dated_facts(nlp, *dated: tuple[str, str | None]):
    """Facts of one-sentence articles with their publication dates."""
    articles, analyses = [], []
    for i, (text, published) in enumerate(dated):
        articles.append(Article(id=f"a{i}", raw=text, text=text, source_group=f"g{i}", published=published))
        analyses.append(ArticleAnalysis(article=f"a{i}", claims=extract_claims(nlp(text), f"a{i}", [])))
    return group_facts(articles, analyses, [])


def test_ages_in_reports_published_years_apart_are_ages_at_other_times(nlp):
    # ECB+ judged (session 6): the shooting's reports give "27", the trial's two years later "29".
    facts = dated_facts(nlp, ("Felt, 92, told the newspaper that he had been the source.", "2006-05-31"),
                        ("Mark Felt, 95, died at his home in Santa Rosa.", "2008-12-19"))
    assert not disputed(facts)


def test_ages_in_reports_of_one_time_still_dispute(nlp):
    facts = dated_facts(nlp, ("Felt, 92, told the newspaper that he had been the source.", "2008-12-18"),
                        ("Mark Felt, 95, died at his home in Santa Rosa.", "2008-12-19T10:00:00"))
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"92", "95"}
    # and a year's difference does when the publication dates are unknown
    assert disputed(dated_facts(nlp, ("Felt, 94, told the newspaper that he had been the source.", None),
                                ("Mark Felt, 95, died at his home in Santa Rosa.", "2008-12-19")))


def test_ages_more_than_two_years_apart_in_undated_reports_are_ages_at_other_times(nlp):
    # ECB+ judged (session 6): Felt "92" at his 2006 interview, "95" at his death; no report has a date
    facts = dated_facts(nlp, ("Felt, 92, told the newspaper that he had been the source.", None),
                        ("Mark Felt, 95, died at his home in Santa Rosa.", None))
    assert not disputed(facts)


def test_ages_a_year_apart_in_reports_months_apart_are_no_dispute(nlp):
    # ECB+ judged (session 6): "26" at the January plea, "27" at the September verdict; a birthday may fall between
    facts = dated_facts(nlp, ("Simpson, 26, pleaded guilty to the charge in court.", "2013-01-03"),
                        ("Jon Simpson, 27, pleaded guilty to the charge in court.", "2013-09-27"))
    assert not disputed(facts)


def test_an_undated_report_may_be_from_either_end_of_the_storys_dates(nlp):
    facts = dated_facts(nlp, ("Simpson, 26, pleaded guilty to the charge in court.", None),
                        ("Jon Simpson, 27, pleaded guilty to the charge in court.", "2013-09-27"),
                        ("The court met in Boston on the case.", "2013-01-03"))
    assert not disputed(facts)
    # reports of one week keep the dispute
    facts = dated_facts(nlp, ("Simpson, 26, pleaded guilty to the charge in court.", None),
                        ("Jon Simpson, 27, pleaded guilty to the charge in court.", "2013-09-27"),
                        ("The court met in Boston on the case.", "2013-09-24"))
    assert disputed(facts)


def test_ages_of_unnamed_people_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "A 17-year-old boy was arrested near the school on Monday.",
        "A 15-year-old boy was arrested near the school on Monday.",
    )
    assert not disputed(facts)


def test_a_date_bound_contradicted_by_a_later_date_disputes(nlp):
    facts = facts_of(
        nlp,
        "Essential Consultants is the company Cohen created before the 2016 election.",
        "AT&T hired Essential Consultants, a company formed by Cohen in early 2017.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"before the 2016 election", "early 2017"}


def test_a_date_bound_met_by_the_other_date_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Essential Consultants is the company Cohen created before the 2016 election.",
        "He paid Essential Consultants, a company established by Cohen in October 2016.",
    )
    assert not disputed(facts)


def test_one_date_verb_with_other_named_participants_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The payments went to a company formed by Cohen in early 2017.",
        "The payments went to a company formed by Manafort in 2015.",
    )
    assert not disputed(facts)


def test_as_many_as_and_up_to_with_far_apart_tops_dispute(nlp):
    facts = facts_of(
        nlp,
        "Several crashes, involving as many as 100 cars and dozens of trucks, shut down the turnpike.",
        "Up to 50 cars were involved in those pileups.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"as many as 100 cars", "Up to 50 cars"}


def test_up_to_and_a_count_near_its_top_agree(nlp):
    facts = facts_of(
        nlp,
        "Several crashes, involving as many as 100 cars and dozens of trucks, shut down the turnpike.",
        "About 80 cars were involved in those pileups.",
    )
    assert not disputed(facts)


def test_paraphrased_event_verbs_with_a_shared_argument_dispute(nlp):
    facts = facts_of(
        nlp,
        "According to the commission, 30 people were injured and transported to local hospitals.",
        "A total of 27 people were taken to hospitals, at least four of them with serious injuries.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"30 people", "27 people"}


def test_two_at_least_counts_are_no_dispute(nlp):
    # Two floors never contradict each other: "at least 12" and "at least nine" can both be true.
    facts = facts_of(
        nlp,
        "At least 12 people were killed in the blast at the market, police said.",
        "At least nine people were killed in the blast at the market, police said.",
    )
    assert not disputed(facts)


def test_a_toll_that_rose_is_an_update_not_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "Police said 12 people were killed in the blast at the market as the toll rose overnight.",
        "Police said nine people were killed in the blast at the market.",
    )
    assert not disputed(facts)


def test_a_small_exact_count_one_apart_is_a_difference(nlp):
    # No rounding slack below 100: "32" and "33" dead are two different statements.
    facts = facts_of(
        nlp,
        "Police said 32 miners were killed in the blast at the colliery near the border.",
        "Police said 33 miners were killed in the blast at the colliery near the border.",
    )
    assert disputed(facts)


def test_a_label_line_is_its_own_frame_and_its_values_dispute(nlp):
    # Reviews end with "Running time: …": the label names the property, there is no verb.
    facts = facts_of(nlp, "Running time: 1 hour 35 minutes", "Running time: 106 minutes")
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"1 hour 35 minutes", "106 minutes"}


def test_label_lines_with_other_labels_are_no_dispute(nlp):
    facts = facts_of(nlp, "Running time: 1 hour 35 minutes", "Waiting time: 106 minutes")
    assert not disputed(facts)


def test_a_recurring_event_dated_twice_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "DeGeneres, the star of her own talk show, first hosted the Oscars in 2007, the academy said.",
        "DeGeneres will host the Oscars in 2014, the academy said on Friday.",
    )
    assert not disputed(facts)


def test_an_earlier_dated_event_with_the_same_verb_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The Indian navy captured 23 pirates who threatened a merchant vessel in the Gulf of Aden.",
        "Early in November, the navy had captured eight pirates in the Gulf of Aden.",
    )
    assert not disputed(facts)


def test_an_offer_by_a_named_bidder_and_an_offer_by_someone_else_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The Boston Red Sox have made Teixeira an eight-year offer, the radio host reported.",
        "The other club has reportedly only offered Teixeira seven years, the radio host reported.",
    )
    assert not disputed(facts)


def test_an_age_then_and_an_age_now_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The public defender said then-15-year-old Timmons was at the scene of the shooting.",
        "The trial of 16-year-old Timmons started late on Tuesday.",
    )
    assert not disputed(facts)


def test_a_converted_and_rounded_weight_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The new notebook weighs 6.6 pounds, the company said at the launch.",
        "The new notebook weighs less than 2.99kg, the company said at the launch.",
        "The new notebook weighs 3kg, the company said at the launch.",
    )
    assert not disputed(facts)


def test_a_hedged_bound_does_not_bridge_running_tallies_into_a_dispute(nlp):
    # "more than 2,700" agrees with both "nearly 2,800" and "more than 3,000" only because it is an open
    # bound: tallies taken at different hours, not one figure disputed (Multi-News row 159).
    facts = facts_of(
        nlp,
        "Airlines canceled more than 2,700 flights as the storm hit the Northeast, FlightAware said.",
        "Nationwide, airlines had canceled nearly 2,800 flights, according to FlightAware.",
        "More than 3,000 flights were cancelled after the Northeast was socked with snow.",
    )
    assert not disputed(facts)


def test_a_closed_value_still_bridges_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "The summit in Anchorage lasted three hours on Friday, officials said.",
        "Talks between the two leaders lasted nearly three hours on Friday, officials said.",
        "Trump and Putin met for more than three hours in Anchorage on Friday.",
    )
    [fact] = disputed(facts)
    assert {"nearly three hours", "more than three hours"} <= {c.text for c in fact.claims}


# --------------------------------------------------------------------------- session 3: more ways to meet


def test_an_acronym_and_its_words_are_one_measure_and_dispute(nlp):
    facts = facts_of(
        nlp,
        "Saudi Arabia ran a budget deficit of 16 per cent of GDP in 2015, the finance ministry said.",
        "Saudi Arabia ran a budget deficit of 12 per cent of gross domestic product in 2015, the finance "
        "ministry said.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"16 per cent", "12 per cent"}


def test_an_acronym_of_other_words_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Saudi Arabia ran a budget deficit of 16 per cent of GNP in 2015, the finance ministry said.",
        "Saudi Arabia ran a budget deficit of 12 per cent of gross domestic product in 2015, the finance "
        "ministry said.",
    )
    assert not disputed(facts)


def test_ages_of_one_named_person_ignore_months_of_other_clauses(nlp):
    facts = facts_of(
        nlp,
        "Protesters marched in November after police shot and killed 13-year-old Tamir Rice in a park.",
        "The cards came from a meeting in December, soon after police shot and killed 12-year-old Tamir in a park.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"13-year-old", "12-year-old"}


def test_ages_of_one_name_in_different_years_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Protesters marched in 2015 after police shot and killed 13-year-old Tamir Rice in a park.",
        "The cards came from a meeting in 2016, soon after police shot and killed 12-year-old Tamir in a park.",
    )
    assert not disputed(facts)


def test_a_shared_middle_name_word_is_not_one_person(nlp):
    facts = facts_of(
        nlp,
        "Her sister Roberts, 46, paid for the rehab clinic, the family said.",
        "Her sister Lisa Roberts Gillan, 48, paid for the rehab clinic, the family said.",
    )
    assert not disputed(facts)


def test_points_of_a_named_index_that_fell_dispute(nlp):
    facts = facts_of(
        nlp,
        "Within minutes the Dow dropped 127 points after the false tweet.",
        "The false tweet sent the Dow plunging 145 points within minutes.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"127 points", "145 points"}


def test_points_without_a_market_index_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Within minutes the home team dropped 12 points after the foul.",
        "The foul sent the home team plunging 15 points within minutes.",
    )
    assert not disputed(facts)


def test_points_of_two_different_indexes_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Within minutes the Nasdaq dropped 127 points after the false tweet.",
        "The false tweet sent the Dow plunging 145 points within minutes.",
    )
    assert not disputed(facts)


def test_previously_before_an_adjective_is_no_snapshot(nlp):
    facts = facts_of(
        nlp,
        "Ahmed Said, previously unknown to police, was 34 when he was arrested in Leeds.",
        "Ahmed Said, previously unknown to police, was 36 when he was arrested in Leeds.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"34", "36"}


def claim_in(sentence: str, value: str) -> Claim:
    start = sentence.index(value)
    return Claim(article="a0", start=start, end=start + len(value), text=value, value={"low": 1, "high": 1},
                 unit="person", sentence=Span(article="a0", start=0, end=len(sentence), text=sentence))


def test_previously_reported_is_still_a_snapshot():
    from newsprism.align.facts import _is_snapshot

    assert _is_snapshot(claim_in("The previously reported toll of 12 was revised.", "12"), masked=False)
    assert not _is_snapshot(claim_in("A previously healthy man, 52, died.", "52"), masked=False)


def test_opposite_bounds_that_cannot_meet_dispute(nlp):
    facts = facts_of(
        nlp,
        "At least 12 miners were killed in the blast at the colliery, officials said.",
        "Fewer than 10 miners were killed in the blast at the colliery, officials said.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"At least 12 miners", "Fewer than 10 miners"}


def test_opposite_bounds_that_overlap_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "At least 8 miners were killed in the blast at the colliery, officials said.",
        "Fewer than 10 miners were killed in the blast at the colliery, officials said.",
    )
    assert not disputed(facts)


def test_an_upper_bound_is_no_age_gap_from_a_lower_bound_at_the_same_age():
    from newsprism.align.facts import _gap

    over_50 = {"low": 50.0, "high": 62.5, "low_open": True}
    under_50 = {"low": 0.0, "high": 50.0, "high_open": True}
    assert _gap(over_50, under_50) == 0.0
    assert _gap({"low": None, "high": 50.0}, {"low": 51.0, "high": 51.0, "point": 51.0}) == 1.0
    assert _gap({"low": 32.0, "high": 32.0}, {"low": 33.0, "high": 33.0}) == 1.0


def test_rising_values_in_one_source_are_a_tally_not_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "Airlines canceled 2,700 flights across the Northeast because of the storm. Hours later, airlines "
        "canceled 2,950 flights across the Northeast because of the storm.",
        "Airlines canceled 3,198 flights across the Northeast because of the storm.",
    )
    assert not disputed(facts)


def test_one_value_per_source_still_disputes_without_a_tally(nlp):
    facts = facts_of(
        nlp,
        "Airlines canceled 2,700 flights across the Northeast because of the storm.",
        "Airlines canceled 3,198 flights across the Northeast because of the storm.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"2,700 flights", "3,198 flights"}


def test_an_age_introduced_by_then_is_a_snapshot_not_a_dispute(nlp):
    facts = facts_of(
        nlp,
        "Kristine Bunch, then 22, was sentenced to 60 years in prison in Indiana.",
        "Kristine Bunch, 21, woke up in the living room of the trailer in Indiana.",
    )
    assert not disputed(facts)


def dated_facts_of(nlp, *texts_and_dates: tuple[str, str]):
    articles, analyses = [], []
    for i, (text, published) in enumerate(texts_and_dates):
        articles.append(Article(id=f"a{i}", raw=text, text=text, source_group=f"g{i}", published=published))
        claims = extract_claims(nlp(text), f"a{i}", [], published=published)
        analyses.append(ArticleAnalysis(article=f"a{i}", claims=claims))
    return group_facts(articles, analyses, [])


def test_years_ago_resolved_by_the_publication_date_disputes_another_year(nlp):
    facts = dated_facts_of(
        nlp,
        ("Baron Cohen caused a stir at the Oscars four years ago, when he dressed as a dictator.", "2012-02-20"),
        ("Baron Cohen caused a stir at the Oscars in 2009, when he dressed as a dictator.", "2012-02-21"),
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"four years ago", "2009"}


def test_years_ago_that_meets_the_other_year_corroborates(nlp):
    facts = dated_facts_of(
        nlp,
        ("Baron Cohen caused a stir at the Oscars four years ago, when he dressed as a dictator.", "2012-02-20"),
        ("Baron Cohen caused a stir at the Oscars in 2008, when he dressed as a dictator.", "2012-02-21"),
    )
    assert not disputed(facts)
    assert [f for f in facts if f.status == "corroborated"]


def test_clock_readings_are_no_other_figures_of_the_sentence(nlp):
    facts = facts_of(
        nlp,
        "Within two minutes, the Dow had dropped 127 points and fallen into the red.",
        "The false alarm sent the Dow plunging 145 points between 1:08 p.m. ET and 1:10 p.m.",
    )
    [fact] = disputed(facts)
    assert {"127 points", "145 points"} <= {c.text for c in fact.claims}


def test_other_figures_beside_a_clock_reading_still_differ(nlp):
    facts = facts_of(
        nlp,
        "At 1:10 p.m. the Dow dropped 127 points after 3 false tweets.",
        "At 1:10 p.m. the Dow plunged 145 points after 5 false tweets.",
    )
    assert not disputed(facts)


def test_a_measured_verb_said_of_other_actors_is_no_dispute(nlp):
    # Blind run, session 3: humans and livestock together vs cattle and pigs alone; both can be true.
    facts = facts_of(
        nlp,
        "Humans and their cattle, pigs and other livestock outweigh wild mammals by more than 20-fold, the study found.",
        "Domesticated cattle and pigs outweigh all wild mammals by 14 to 1, the study found.",
    )
    assert not disputed(facts)


def test_a_measured_verb_said_of_the_same_actors_still_disputes(nlp):
    facts = facts_of(
        nlp,
        "Cattle and pigs outweigh wild mammals by 20-fold, the study found.",
        "Cattle and pigs outweigh wild mammals by 14-fold, the study found.",
    )
    assert disputed(facts)


def test_a_share_held_by_an_unnamed_holder_is_no_dispute_with_another_holders_share(nlp):
    # Blind run, session 3: "They" (plants) make up 80 % vs all other creatures make up 5 %.
    facts = facts_of(
        nlp,
        "They make up more than 80 percent of the world's biomass, a study said on Monday.",
        "All other creatures, from insects to fungi, make up just 5% of the world's biomass.",
    )
    assert not disputed(facts)


def test_two_clock_times_minutes_apart_do_not_corroborate_each_other(nlp):
    # Session-3 blind analysis: 1 % rounding slack on a clock reading is ±11 minutes at 6:34 p.m.
    facts = facts_of(
        nlp,
        "The shooting at the mall happened at 6:34 p.m. on Friday, police said.",
        "The shooting at the mall happened at 6:42 p.m. on Friday, police said.",
    )
    assert not [f for f in facts if f.status == "corroborated"]


def test_one_clock_time_written_two_ways_still_corroborates(nlp):
    facts = facts_of(
        nlp,
        "The shooting at the mall happened at 6:34 p.m. on Friday, police said.",
        "The shooting at the mall happened at 6:34 pm on Friday, police said.",
    )
    assert [f for f in facts if f.status == "corroborated"]


def test_a_coordinated_sibling_figure_is_no_other_figure_of_the_sentence(nlp):
    facts = facts_of(
        nlp,
        "The researchers asked 30 men and 30 women to wear cotton shirts for the smell study at the university.",
        "The researchers asked 100 men and 100 women to wear cotton shirts for the smell study at the university.",
    )
    assert sorted(sorted(c.text for c in f.claims) for f in disputed(facts)) == [["100 men", "30 men"],
                                                                                  ["100 women", "30 women"]]


def test_another_figure_not_coordinated_with_the_claim_still_differs(nlp):
    facts = facts_of(
        nlp,
        "The researchers asked 30 men in 12 towns to wear cotton shirts for the smell study at the university.",
        "The researchers asked 100 men in 40 towns to wear cotton shirts for the smell study at the university.",
    )
    assert not disputed(facts)


def test_a_claims_own_unit_conversion_in_brackets_is_no_other_figure(nlp):
    facts = facts_of(
        nlp,
        "The government set the evacuation zone around the plant at 20 km (12 miles), officials said on Sunday.",
        "The government set the evacuation zone around the plant at 30 km (19 miles), officials said on Sunday.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"20 km", "30 km"}


def test_a_bracketed_figure_that_is_not_the_same_value_converted_still_differs(nlp):
    facts = facts_of(
        nlp,
        "The government set the evacuation zone around the plant at 20 km (50 km), officials said on Sunday.",
        "The government set the evacuation zone around the plant at 30 km (80 km), officials said on Sunday.",
    )
    assert not disputed(facts)


def test_the_understood_subject_of_an_opening_participle_is_a_participant(nlp):
    facts = facts_of(
        nlp,
        "Founded in 1990 to serve air travellers, Skyline catalog's often featured odd gadgets and gifts.",
        "Founded in 1989, Skyline said it sold thousands of products it calls cool stuff.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"1990", "1989"}


def test_an_opening_participle_said_of_another_named_owner_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Founded in 1990 to serve air travellers, Meridian catalog's often featured odd gadgets and gifts.",
        "Founded in 1989, Skyline said it sold thousands of products it calls cool stuff.",
    )
    assert not disputed(facts)


def test_hedged_figures_rising_in_one_source_are_a_tally_though_their_bands_overlap(nlp):
    # "more than 2,700" and "nearly 2,800" overlap as intervals; the figures as written rose.
    facts = facts_of(
        nlp,
        "Airlines canceled more than 2,700 flights across the Northeast because of the storm. Hours later, "
        "airlines canceled nearly 2,800 flights across the Northeast because of the storm.",
        "Airlines canceled 3,900 flights across the Northeast because of the storm.",
    )
    assert not disputed(facts)


def test_one_figure_hedged_two_ways_in_one_source_is_no_tally():
    from newsprism.align.facts import _Item, _rising

    def item(start: int, value: dict, hedge: str | None) -> _Item:
        claim = Claim(article="a0", start=start, end=start + 1, text="x", value=value, unit="count", qualifier=hedge)
        return _Item(idx=start, claim=claim, group="g0", dim="count", kind="count", head="flight", base_value=value)

    nearly = item(0, {"low": 2520, "high": 2800, "high_open": True}, "nearly")
    about = item(10, {"low": 2520, "high": 3080}, "about")
    more_than = item(20, {"low": 2800, "high": 3500, "low_open": True}, "more than")
    assert not _rising(nearly, about) and not _rising(about, more_than)  # each written as 2,800
    earlier = item(30, {"low": 2700, "high": 3375, "low_open": True}, "more than")
    later = item(40, {"low": 2520, "high": 2800, "high_open": True}, "nearly")
    assert _rising(earlier, later)  # "more than 2,700" then "nearly 2,800": written larger, though the bands overlap


def test_bounds_that_touch_at_a_value_both_include_are_not_opposite():
    from newsprism.align.facts import _opposite_bounds

    at_least_12 = {"low": 12, "high": None}
    assert not _opposite_bounds(at_least_12, {"low": 0, "high": 12})  # "at most 12": 12 fits both
    assert _opposite_bounds(at_least_12, {"low": 0, "high": 12, "high_open": True})  # "fewer than 12"
    assert _opposite_bounds(at_least_12, {"low": 0, "high": 10, "high_open": True})  # "fewer than 10"


def test_a_possessive_acronym_is_still_an_acronym():
    from newsprism.align.facts import _acronym, _acronym_of

    assert _acronym("the NHS's") == _acronym("the NHS\u2019s") == "nhs"
    assert _acronym_of("the NHS's", "the National Health Service", "nhs", "service")


def test_other_figures_do_not_separate_two_clock_times_of_one_named_actors_event(nlp):
    facts = facts_of(
        nlp,
        "Eugene Blackwell was shot by his son at 6:34 p.m. at his home in New Smyrna Beach, 2 blocks from the "
        "pier, police said.",
        "Police said Eugene Blackwell was shot four times by his 18-year-old son around 6:15 p.m. at his home in "
        "New Smyrna Beach.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"6:34 p.m.", "around 6:15 p.m."}


def test_other_figures_still_separate_two_clock_times_said_of_no_named_actor(nlp):
    facts = facts_of(
        nlp,
        "The ferry left the harbour at 6:34 p.m. with 200 passengers on board, the coast guard said.",
        "The ferry left the harbour around 6:15 p.m. with 450 passengers on board, the coast guard said.",
    )
    assert all("p.m." not in c.text for f in disputed(facts) for c in f.claims)


def test_an_age_in_a_past_when_clause_is_a_snapshot_not_a_dispute(nlp):
    # Regression (validation blind3 c59, found by its one run): "when she was 31" is her age at an
    # earlier time, not a second report of her age now.
    facts = facts_of(
        nlp,
        "Maria Lopez, 35, met the man at a bus stop in the city centre.",
        "Maria Lopez, 35, is accused of defrauding a 70-year-old man she met at a bus stop when she was 31.",
        entities=True,
    )
    assert not disputed(facts)


def test_an_age_now_still_disputes_beside_an_unrelated_when_clause(nlp):
    facts = facts_of(
        nlp,
        "Maria Lopez, 35, met the man at a bus stop in the city centre.",
        "Maria Lopez, 36, was arrested when police searched the flat.",
        entities=True,
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"35", "36"}


def test_two_ages_a_year_apart_never_corroborate_each_other(nlp):
    # Regression (validation blind3 c52, found by its one run): 1 % rounding slack on each side made
    # "66-year-old" and "65" compatible, so the two ages were reported as corroborated.
    facts = facts_of(
        nlp,
        "Police said she shot her neighbor, 66-year-old Frank Macomber, in a ditch off the road.",
        "Macomber, 65, was found fatally shot in a wooded area the day after the arrest.",
        entities=True,
    )
    assert not [f for f in facts if f.status == "corroborated"]


def test_one_age_written_two_ways_still_corroborates(nlp):
    facts = facts_of(
        nlp,
        "Police said she shot her neighbor, 66-year-old Frank Macomber, in a ditch off the road.",
        "Macomber, 66, was found fatally shot in a wooded area the day after the arrest.",
        entities=True,
    )
    assert [f for f in facts if f.status == "corroborated"]


# --- session 5: a figure's day and place (validation blind2 c47: a total of no stated day vs Tuesday's four)


def test_a_figure_of_another_day_from_a_source_that_splits_the_count_by_day_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Activists said 125 people died across the country in the fighting.",
        "At least 144 people were killed in the fighting on Monday, activists said. As day broke on Tuesday, "
        "four people were killed across the country in the fighting, activists said.",
    )
    assert not disputed(facts)


def test_a_figure_of_the_same_day_still_disputes_a_source_that_splits_the_count_by_day(nlp):
    facts = facts_of(
        nlp,
        "At least 144 people were killed in the fighting on Monday, activists said. As day broke on Tuesday, "
        "four people were killed across the country in the fighting, activists said.",
        "Activists said nine people were killed across the country in the fighting on Tuesday.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"four people", "nine people"}


def test_a_figure_of_one_province_from_a_source_that_splits_the_count_by_place_is_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Officials said 120 people died in the floods.",
        "Officials said 300 people died in the floods nationwide. In Sindh province alone, 90 people died in "
        "the floods, officials said.",
    )
    assert not disputed(facts)


def test_a_dated_figure_still_disputes_an_undated_one_when_its_source_gives_no_other_day(nlp):
    facts = facts_of(
        nlp,
        "Officials said 120 people died in the floods.",
        "Officials said 300 people died in the floods on Monday.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"120 people", "300 people"}


def test_todays_figure_is_of_the_reports_own_day_not_another_day(nlp):
    facts = facts_of(
        nlp,
        "Police said 100 cars were involved in the crashes on the turnpike today. Police said 30 cars were "
        "involved in a second pileup at the exit.",
        "Police said 50 cars were involved in the crashes on the turnpike.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"100 cars", "50 cars"}


def test_a_count_in_one_province_and_a_nationwide_count_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Officials said 300 people died in the floods nationwide.",
        "Officials said 90 people died in the floods in the province.",
    )
    assert not disputed(facts)


def test_a_count_across_the_country_and_a_nationwide_count_still_dispute(nlp):
    facts = facts_of(
        nlp,
        "Officials said 300 people died in the floods nationwide.",
        "Officials said 90 people died in the floods across the country.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"300 people", "90 people"}


# --- a point before now ("N years ago", the claims step's kind "ago") is a time point: its own "ago" is no snapshot


def test_two_points_before_now_of_one_event_dispute(nlp):
    facts = facts_of(
        nlp,
        "Researchers said modern humans left Africa around 100,000 years ago, according to the study.",
        "Researchers said modern humans left Africa around 50,000 years ago, according to the study.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"around 100,000 years ago", "around 50,000 years ago"}


def test_a_point_before_now_of_a_first_event_is_no_dispute_with_a_later_one(nlp):
    facts = facts_of(
        nlp,
        "Researchers said modern humans first left Africa around 100,000 years ago, according to the study.",
        "Researchers said modern humans left Africa around 50,000 years ago, according to the study.",
    )
    assert not disputed(facts)


def test_points_before_now_a_few_days_apart_are_no_dispute_without_publication_dates(nlp):
    facts = facts_of(
        nlp,
        "Residents said the storm destroyed the old bridge three days ago.",
        "Residents said the storm destroyed the old bridge five days ago.",
    )
    assert not disputed(facts)


def test_points_before_now_decades_apart_still_dispute_without_publication_dates(nlp):
    facts = facts_of(
        nlp,
        "The museum said the painting was stolen from its vault 30 years ago.",
        "The museum said the painting was stolen from its vault 50 years ago.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"30 years ago", "50 years ago"}


def test_a_sentence_that_also_states_the_other_outlets_figure_is_no_dispute(nlp):
    # "three of the eight charges": the eight is the whole; the outlet agrees on the three (val-blind5 c119)
    facts = facts_of(
        nlp,
        "A judge has thrown out three murder charges against the doctor accused of killing babies.",
        "The judge threw out three of the eight murder charges against the doctor accused of killing babies.",
    )
    assert not disputed(facts)
    assert any(f.status == "corroborated" and {c.text for c in f.claims} == {"three"} for f in facts)


def test_a_different_figure_still_disputes_when_the_sentence_does_not_state_the_first(nlp):
    facts = facts_of(
        nlp,
        "A judge has thrown out three murder charges against the doctor accused of killing babies.",
        "The judge threw out five of the eight murder charges against the doctor accused of killing babies.",
    )
    assert disputes_between(facts, "three", "five")


# --- session 6: values that are no claim of the story (ECB+ judged: 139 of 201 wrong pairs were publication lines)


def test_a_date_alone_on_a_publication_line_is_never_compared(nlp):
    facts = facts_of(
        nlp,
        "Published May 3, 2013\nPolice arrested the mayor of Springfield at his home.",
        "Posted on May 3, 2013 at 1:10 PM EDT\nPolice arrested the mayor of Springfield at his home.",
    )
    assert all(f.status == "single_source" for f in facts)


def test_a_claim_span_across_a_line_break_is_never_compared(nlp):
    # A photo caption run into the dateline below it: "Fred LaRue, July 24" + "July 28, 2004".
    facts = facts_of(
        nlp,
        "Watergate figure Fred LaRue, July 24\nJuly 28, 2004\nThe coroner said LaRue died of natural causes.",
        "The coroner believes LaRue died Saturday, July 24, 2004, of natural causes.",
    )
    assert all(f.status == "single_source" for f in facts)


def test_a_date_in_a_sentence_of_the_story_still_disputes(nlp):
    facts = facts_of(
        nlp,
        "Published May 3, 2013\nPolice arrested the mayor of Springfield at his home on May 2, 2013, officials said.",
        "Police arrested the mayor of Springfield at his home on May 3, 2013, officials said.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"May 2, 2013", "May 3, 2013"}


# --- session 6: the sentences' other figures tell instances apart only as claims of one measure


def test_figures_that_are_no_claim_do_not_keep_a_dispute_apart(nlp):
    # Validation blind6 c138: "Area 51 ... one of the greatest questions" vs "the U-2 ... Area 51".
    facts = facts_of(
        nlp,
        "Police said 25 protesters were detained outside parliament in Tbilisi on Sunday, one of the largest "
        "rallies in years.",
        "Police said 40 protesters were arrested outside parliament in Tbilisi on Sunday, near the Route 66 diner.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"25 protesters", "40 protesters"}


def test_other_figures_that_agree_do_not_keep_a_dispute_apart(nlp):
    # Validation blind6 c136: "a 9-year-old boy" beside one outlet's figure, "a victim under 12" beside the other's.
    facts = facts_of(
        nlp,
        "Police said 25 protesters were detained outside parliament in Tbilisi on Sunday, including a 9-year-old boy.",
        "Police said 40 protesters were arrested outside parliament in Tbilisi on Sunday, including a boy under 12.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"25 protesters", "40 protesters"}


def test_other_figures_of_one_measure_that_disagree_still_keep_a_dispute_apart(nlp):
    facts = facts_of(
        nlp,
        "Police said 25 protesters were detained outside parliament in Tbilisi on Sunday after 3 rallies.",
        "Police said 40 protesters were arrested outside parliament in Tbilisi on Sunday after 5 rallies.",
    )
    assert not disputed(facts)


def test_an_age_phrase_is_no_time_window_of_the_sentence():
    from newsprism.align.facts import AGE_PHRASE

    assert AGE_PHRASE.search("allegations that he abused a 9-year-old boy")
    assert AGE_PHRASE.search("since he was nine years old")
    assert not AGE_PHRASE.search("over the past nine years")


# --- session 6: one armed group under several names (validation blind4 c76: gunmen / terrorists / rebels)


def test_one_armed_group_named_two_ways_in_one_battle_disputes(nlp):
    facts = facts_of(
        nlp,
        "Security forces killed two of the gunmen after a two-hour gun battle in the Mazzeh district of Damascus.",
        "Three terrorists were killed after a two-hour gun battle in the Mazzeh district of Damascus.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"two", "Three terrorists"}


def test_armed_men_killed_in_other_places_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Security forces killed two of the gunmen after a gun battle in the Mazzeh district of Damascus.",
        "Four rebels were killed in an army raid on a village near Hama.",
    )
    assert not disputed(facts)


def test_armed_men_arrested_and_killed_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "Two gunmen were arrested after the bank robbery in the city centre, police said.",
        "Three militants were killed in a drone strike in the tribal region, officials said.",
    )
    assert not disputed(facts)


def test_an_area_in_two_units_agrees(nlp):
    # ECB+ judged (session 6): "15,800-square-metre" and "170,000-square-foot" are one area, not two lengths.
    facts = facts_of(
        nlp,
        "The warehouse covers 15,800-square-metre of land near the port.",
        "The warehouse covers 170,000-square-foot of land near the port.",
    )
    assert not disputed(facts)
    assert [f for f in facts if f.status == "corroborated"]


def test_an_area_never_meets_a_distance(nlp):
    # ECB+ judged (session 6): a "1,500-square-kilometer" island set against "1,150 kilometers" from the capital.
    facts = facts_of(
        nlp,
        "Qeshm is a 1,500-square-kilometer island in the Gulf, officials said.",
        "Qeshm island lies some 700 miles from Tehran in the Gulf, officials said.",
    )
    assert not [f for f in facts if {"1,500-square-kilometer", "some 700 miles"} <= {c.text for c in f.claims}]


def test_lengths_still_dispute(nlp):
    facts = facts_of(
        nlp,
        "The government set the evacuation zone around the plant at 20 km, officials said on Sunday.",
        "The government set the evacuation zone around the plant at 30 km, officials said on Sunday.",
    )
    assert disputed(facts)


def test_numbers_that_name_are_no_figures_but_counts_are():
    from newsprism.align.facts import NAMING_NUMBER

    for naming in ("Area 51", "the U-2 program", "Route 66", "IE6", "an F-16", "COVID-19", "one of the greatest"):
        assert NAMING_NUMBER.search(naming), naming
    for counting in ("The 5 men", "On Sunday 5 people died", "2.1 million visitors", "In 2014, 16 million children"):
        assert not NAMING_NUMBER.search(counting), counting


def test_distances_from_two_places_are_no_dispute(nlp):
    facts = facts_of(
        nlp,
        "The quake was centered 13 miles east of Cloverdale, the U.S. Geological Survey said.",
        "The quake was centered 23 miles north of Santa Rosa, the U.S. Geological Survey said.",
    )
    assert not disputed(facts)


def test_distances_from_one_place_still_dispute_with_a_conversion_in_brackets(nlp):
    facts = facts_of(
        nlp,
        "The island of Qeshm lies 1,500 kilometers south of Tehran, the agency said.",
        "The island of Qeshm lies 1,150 kilometers (700 miles) southeast of Tehran, the agency said.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"1,500 kilometers", "1,150 kilometers"}


def test_sentences_with_no_time_in_common_are_no_dispute(nlp):
    # a weekday on one side and a month on the other: likely two quakes, not one measured twice
    facts = facts_of(
        nlp,
        "A quake measuring 3.8 on the Richter scale struck the island on Monday, the seismologists said.",
        "A quake measuring 6.4 on the Richter scale struck the island in February, the seismologists said.",
    )
    assert not disputed(facts)


def test_one_more_figure_agreeing_in_both_sentences_is_evidence_of_one_event(nlp):
    # the sentences share little else, but both count the same "Eight people": one explosion told twice
    facts = facts_of(
        nlp,
        "Eight people, including three children, were injured when a gas explosion tore through a row house.",
        "Eight people, including two children, were hurt after an apparent gas explosion caused a rowhome to collapse.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"three children", "two children"}


def test_an_agreeing_one_or_two_is_no_evidence_of_one_event():
    from newsprism.align import facts as A

    def item(idx: int, text: str, value: float, head: str, peers=()):
        claim = Claim(article=f"a{idx}", start=0, end=len(text), text=text,
                      value={"low": value, "high": value, "point": value}, unit="person")
        it = A._Item(idx=idx, claim=claim, group=f"g{idx}", dim="count", kind="count", head=head,
                     base_value=claim.value)
        it.peers = tuple(peers)
        return it

    two_a, two_b = item(10, "two men", 2, "man"), item(11, "two men", 2, "man")
    eight_a, eight_b = item(12, "Eight people", 8, "people"), item(13, "Eight people", 8, "people")
    assert not A._agreeing_peer(item(0, "three children", 3, "child", [two_a]), item(1, "two children", 2, "child", [two_b]))
    assert A._agreeing_peer(item(0, "three children", 3, "child", [eight_a]), item(1, "two children", 2, "child", [eight_b]))


def test_a_coordinated_sibling_agreeing_beside_the_other_figure_is_no_dispute(nlp):
    # "the 2010 and 2012 election cycles" carries the other outlet's 2012: its 2010 is another cycle
    facts = facts_of(
        nlp,
        "Crossroads spent $176 million during the 2012 election cycle, the filings show.",
        "Crossroads spent tens of millions of dollars in the 2010 and 2012 election cycles, the filings show.",
    )
    assert not disputes_between(facts, "2012", "2010")


def test_an_open_bound_never_joins_claims_of_another_noun(nlp):
    facts = facts_of(
        nlp,
        "The 6.1 magnitude quake in Aceh killed at least five people, the disaster agency said.",
        "The quake, of magnitude 6.1, struck Aceh on Tuesday, the disaster agency said.",
    )
    for fact in facts:
        texts = {c.text for c in fact.claims}
        assert not ("at least five people" in texts and any("6.1" in t for t in texts)), texts


def test_an_open_bound_still_agrees_with_a_figure_of_its_noun(nlp):
    facts = facts_of(
        nlp,
        "The quake in Aceh killed at least five people on Tuesday, the disaster agency said.",
        "The quake in Aceh killed seven people on Tuesday, the disaster agency said.",
    )
    assert any({"at least five people", "seven people"} <= {c.text for c in f.claims} and f.status == "corroborated"
               for f in facts)


def test_whole_counts_below_a_thousand_get_no_rounding_allowance(nlp):
    # validation blind9 c209: 150 and 153 passengers met within 1 % a side and were corroborated
    facts = facts_of(
        nlp,
        "The ship carried 150 Chinese passengers when it sank off the coast, officials said.",
        "The ship carried 153 Chinese passengers when it sank off the coast, officials said.",
    )
    assert not any(f.status == "corroborated" for f in facts)


def test_large_counts_keep_their_rounding_allowance(nlp):
    facts = facts_of(
        nlp,
        "Some 15,000 protesters marched through the capital on Sunday, the police said.",
        "Some 15,100 protesters marched through the capital on Sunday, the police said.",
    )
    assert not disputed(facts)


def test_a_figure_matched_in_the_other_sentence_tells_nothing_against_a_third(nlp):
    # validation blind8 c187: "three houses" on one side only was set against the other side's "Eight people"
    facts = facts_of(
        nlp,
        "Eight people, including three children, were injured when a gas explosion destroyed three houses.",
        "Eight people, including two children, were injured when a gas explosion tore through a row home.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"three children", "two children"}


def test_other_figures_that_disagree_still_tell_two_instances_apart(nlp):
    facts = facts_of(
        nlp,
        "Eight people, including three children, were injured when a gas explosion destroyed three houses.",
        "Twelve people, including two children, were injured when a gas explosion destroyed three houses.",
    )
    assert not disputes_between(facts, "three children", "two children")


def test_counts_of_one_charge_list_dispute_whichever_verb_carries_them(nlp):
    # validation blind8 c196: "faces ... five counts" / "was arrested ... on six counts"; the age "26" is no
    # other instance of the sentence
    facts = facts_of(
        nlp,
        "Arnold Demoski faces two counts of assault, one count of reckless driving and five counts of criminal mischief.",
        "Arnold Demoski, 26, was arrested Saturday on suspicion of assault, reckless driving and six counts of criminal mischief.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} >= {"five counts", "six counts"}


def test_counts_pleaded_to_are_another_list_than_counts_charged(nlp):
    facts = facts_of(
        nlp,
        "Arnold Demoski pleaded guilty to five counts of criminal mischief in court on Monday.",
        "Arnold Demoski, 26, was arrested Saturday on suspicion of six counts of criminal mischief.",
    )
    assert not disputed(facts)


def test_ages_of_one_person_with_and_without_a_middle_name_dispute(nlp):
    # validation blind7 c161: "Kevin Deon Johnson, 25," / "Kevin Johnson, 24,"
    facts = facts_of(
        nlp,
        "Kevin Deon Johnson, 25, was arrested on Monday in connection with the shooting.",
        "Kevin Johnson, 24, was arrested on Monday in connection with the shooting.",
    )
    [fact] = disputed(facts)
    assert {c.text for c in fact.claims} == {"25", "24"}


def test_ages_of_two_people_sharing_only_a_surname_do_not_dispute(nlp):
    facts = facts_of(
        nlp,
        "Kevin Deon Johnson, 25, was arrested on Monday in connection with the shooting.",
        "Marcus Johnson, 24, was arrested on Monday in connection with the shooting.",
    )
    assert not disputed(facts)


def test_a_hedged_figure_keys_as_the_figure_it_names():
    # multinews-blind4 c202: "only about $15.8 million" / "$15.8 million" met only through the exact value key,
    # which the hedge's band hid once "only about" was read as "about"
    from newsprism.align import facts as A

    def item(text: str, value: dict, qualifier: str | None) -> "A._Item":
        claim = Claim(article="a", start=0, end=len(text), text=text, value=value, unit="USD", qualifier=qualifier)
        return A._Item(idx=0, claim=claim, group="g", dim="money-USD", kind="money", head=None, base_value=value)

    plain = item("$15.8 million", {"low": 15.8e6, "high": 15.8e6, "point": 15.8e6}, None)
    hedged = item("only about $15.8 million", {"low": 14.22e6, "high": 17.38e6}, "about")
    other = item("about $16.8 million", {"low": 15.12e6, "high": 18.48e6}, "about")
    assert A._value_key(hedged) == A._value_key(plain)
    assert A._value_key(other) != A._value_key(plain)


def test_two_page_counts_of_one_document_dispute_whatever_the_verb(nlp):
    # BASIL 2018 (Hunter indictment): "the 48-page indictment" (two outlets) / "the 47-page indictment says"
    facts = facts_of(
        nlp,
        "In a 48-page indictment released on Tuesday, Duncan Hunter was charged with campaign fraud.",
        "“The goal was to enrich themselves,” the 47-page indictment against Duncan Hunter says.",
    )
    assert disputes_between(facts, "48", "47")


def test_page_counts_of_different_documents_do_not_dispute(nlp):
    facts = facts_of(
        nlp,
        "Barr released a four-page summary of the Mueller report on Sunday.",
        "The Mueller report came in at more than 300 pages, beyond the 19-page letter Barr wrote.",
        "Mueller wrote a 3-page letter to Barr complaining about the summary.",
    )
    assert not disputed(facts)


def test_page_counts_of_one_kind_of_document_in_unrelated_sentences_do_not_dispute(nlp):
    facts = facts_of(
        nlp,
        "Smith filed a 12-page complaint against the company in March.",
        "Jones answered with a 30-page complaint of her own against the union.",
    )
    assert not disputed(facts)


def test_two_sizes_of_one_thing_dispute_when_one_outlet_names_it_definitely(nlp):
    # BASIL 2017 (the inauguration oath) and Multi-News validation c234 (an Iowa pileup), read after their blind runs
    oath = facts_of(
        nlp,
        "Mr. Trump took the 35-word oath administered by Chief Justice John Roberts.",
        "Chief Justice John Roberts administered the 38-word oath to Trump at 12:00 p.m.",
    )
    assert disputes_between(oath, "35", "38")
    pileup = facts_of(
        nlp,
        "A 30-car pileup on Interstate 35 near Ames, Iowa killed one person on Monday.",
        "In Iowa, one person was killed in a 25-vehicle pileup on Interstate 35 near Ames.",
    )
    assert disputes_between(pileup, "30", "25")  # "a … pileup" both times: the story's kind of event


def test_two_sizes_of_things_never_named_definitely_do_not_dispute(nlp):
    facts = facts_of(
        nlp,
        "Smith owns a 3-bedroom house in Austin, records show.",
        "Smith also bought a 5-bedroom house in Austin last year.",
    )
    assert not disputed(facts)
