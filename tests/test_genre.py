"""Paragraph labels: the journalist's own words decide, quoted words never do."""

from __future__ import annotations

from newsprism.analyse.genre import label_paragraphs
from newsprism.analyse.framing import loaded_terms
from newsprism.model import Article, QuoteMention


def _labels(nlp, text, quotes=()):
    paragraphs, mixed = label_paragraphs(nlp(text), list(quotes))
    return [p.label for p in paragraphs], paragraphs, mixed


def test_plain_reporting_paragraph_is_reporting(nlp):
    labels, paragraphs, mixed = _labels(nlp, "The council voted 7-2 on Tuesday to close the library. The mayor did not vote.")
    assert labels == ["reporting"]
    assert paragraphs[0].reasons == []
    assert not mixed


def test_first_person_outside_quotes_is_opinion(nlp):
    labels, paragraphs, _ = _labels(nlp, "I think the council made a terrible mistake. We deserve better than this.")
    assert labels == ["opinion"]
    assert any("first person" in r for r in paragraphs[0].reasons)


def test_quoted_first_person_is_not_opinion(nlp):
    text = "“I think we made a mistake and we will fix it,” the mayor said on Tuesday."
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]


def test_quote_spans_from_the_quote_extractor_are_masked(nlp):
    text = "We must act now, the mayor told reporters after the vote on Tuesday."
    quote = QuoteMention(article="a", start=0, end=15, text=text[:15], kind="indirect")
    labels, _, _ = _labels(nlp, text, [quote])
    assert labels == ["reporting"]


def test_prescription_outside_quotes_is_opinion(nlp):
    text = "The council should reverse this decision. Libraries must stay open, and the province ought to pay."
    labels, paragraphs, _ = _labels(nlp, text)
    assert labels == ["opinion"]
    assert any("prescription" in r for r in paragraphs[0].reasons)


def test_attributed_prescription_is_reporting(nlp):
    text = "The council should reverse its decision, the union's president said in a statement on Monday."
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]


def test_second_person_address_is_opinion(nlp):
    text = "If you trust the mayor, you can feel reassured. If you do not, you have reason to worry."
    labels, paragraphs, _ = _labels(nlp, text)
    assert labels == ["opinion"]
    assert any("reader" in r for r in paragraphs[0].reasons)


def test_commentary_coda_is_marked_and_article_is_mixed(nlp):
    news = [
        "The council voted 7-2 on Tuesday to close the main library branch next spring.",
        "The branch has served the east side of the city since 1962, according to city records.",
        "Staff will be moved to two other branches, the city manager said.",
        "About 40,000 people used the branch last year, the library board reported.",
    ]
    coda = [
        "Frankly, I think this is a shameful decision, and we should all be angry about it.",
        "You should call your councillor today and tell them the library must stay open.",
        "In my view, a city that cannot keep its libraries open has lost its way, and our leaders "
        "must find the money, however absurd their excuses become, before the doors close for good.",
    ]
    labels, paragraphs, mixed = _labels(nlp, "\n".join(news + coda))
    assert labels == ["reporting"] * 4 + ["opinion"] * 3
    assert all("commentary coda appended to a news story" in p.reasons for p in paragraphs[4:])
    assert mixed


def test_paragraph_offsets_are_exact_and_blank_lines_skipped(nlp):
    text = "First paragraph here.\n\n  Second paragraph here.  \n"
    _, paragraphs, _ = _labels(nlp, text)
    assert [text[p.start : p.end] for p in paragraphs] == ["First paragraph here.", "Second paragraph here."]


def test_loaded_terms_counts_outlet_using_loaded_word_where_others_are_neutral():
    a = Article(id="a", raw="", text="The regime in Caracas said the vote was fair. The regime denied it.", outlet="Daily A")
    b = Article(id="b", raw="", text="The government in Caracas said the vote was fair.", outlet="Daily B")
    result = loaded_terms([a, b])
    contrast = next(c for c in result["contrasts"] if c["loaded"] == "regime")
    assert contrast["by_outlet"]["Daily A"]["loaded"] == 2
    assert contrast["by_outlet"]["Daily B"]["neutral"] == 1
    for use in result["outlets"]["Daily A"]["loaded"]:
        for span in use["spans"]:
            assert a.text[span["start"] : span["end"]] == span["text"]


def test_one_first_person_singular_is_enough_for_opinion(nlp):
    labels, paragraphs, _ = _labels(nlp, "Council approved the budget on Tuesday, and I doubt it will last the year.")
    assert labels == ["opinion"]
    assert any("first person outside quotes: i" in r for r in paragraphs[0].reasons)


def test_title_case_link_and_capitals_heading_carry_no_stance(nlp):
    text = "Relevant Reading: How To Talk About Sexism With Your Son\nHOW WILL THE PARTIES CAMPAIGN ON THIS ISSUE?"
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting", "reporting"]


def test_hedged_inference_in_writers_voice_is_analysis(nlp):
    labels, paragraphs, _ = _labels(nlp, "The new tax will probably cost the government votes in rural ridings.")
    assert labels == ["analysis"]
    assert any("hedged inference: probably" in r for r in paragraphs[0].reasons)


def test_modals_in_a_mostly_attributed_paragraph_are_reporting(nlp):
    # The unattributed middle sentence carries "could" and "should" (enough for analysis on their
    # own), but two of the three sentences are attributed: the modals continue the paraphrase.
    text = ("The plan may fail, the minister said on Monday. It could cost millions and should be reviewed. "
            "Her deputy agreed, she added.")
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]


def test_the_same_modals_in_the_writers_own_paragraph_are_analysis(nlp):
    labels, _, _ = _labels(nlp, "The plan is new. It could cost millions and should be reviewed.")
    assert labels == ["analysis"]


def test_scheduled_future_events_are_reporting(nlp):
    text = "The court will hear the case in April. The judge will rule on the appeal in May."
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]


def test_comparative_likely_reports_a_finding(nlp):
    labels, _, _ = _labels(nlp, "Researchers found that patients who took both drugs were more likely to die.")
    assert labels == ["reporting"]


def test_negated_could_is_ability_not_possibility(nlp):
    # Two sentences with "could": read as possibility they would make the paragraph analysis.
    text = "The goalie couldn't corral the rebound. The defenders couldn't clear it either, and it popped out to the winger."
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]


def test_could_as_possibility_in_two_sentences_is_analysis(nlp):
    labels, _, _ = _labels(nlp, "The goalie could leave in the summer. The club could sell him to a rival.")
    assert labels == ["analysis"]


def test_subjectivity_lexicon_scores_evaluative_words_not_factual_ones():
    from newsprism.analyse.genre import subjectivity_lexicon

    lexicon = subjectivity_lexicon()
    polarity, subjectivity = lexicon[("adorable", "JJ")]
    assert polarity >= 0.5 and subjectivity >= 0.8
    assert lexicon[("former", "JJ")][1] == 0.0
    assert ("horribly", "RB") in lexicon  # adverbs inherit their adjective's scores


def test_any_cue_makes_opinion_in_an_article_written_in_first_person(nlp):
    # The evaluative paragraph is not next to an opinion paragraph (that would make it opinion by
    # continuation): only the writer's voice across the article lowers its threshold.
    text = "\n".join([
        "I have covered this council for ten years.",
        "I never thought I would see this day.",
        "The council meets again on Tuesday at 7 p.m. in the main hall.",
        "The vote was a grim spectacle for everyone in the room.",
    ])
    labels, _, _ = _labels(nlp, text)
    assert labels == ["opinion", "opinion", "reporting", "opinion"]


def test_one_evaluative_word_in_an_article_not_written_in_first_person_is_reporting(nlp):
    text = "\n".join([
        "I have covered this council for ten years.",
        "The council meets again on Tuesday at 7 p.m. in the main hall.",
        "The vote was a grim spectacle for everyone in the room.",
    ])
    labels, _, _ = _labels(nlp, text)
    assert labels == ["opinion", "reporting", "reporting"]


def test_weak_analysis_cue_next_to_analysis_continues_it(nlp):
    text = "\n".join([
        "The council voted 7-2 on Tuesday to close the library.",
        "The closure will probably push more families toward the east-side branch.",
        "That branch may need more staff.",
    ])
    labels, paragraphs, _ = _labels(nlp, text)
    assert labels == ["reporting", "analysis", "analysis"]


def test_capital_i_joined_to_a_hyphen_is_a_name_not_the_writer(nlp):
    labels, _, _ = _labels(nlp, "San Francisco-based I-DEV International confirmed that its co-founder was killed.")
    assert labels == ["reporting"]


def test_a_double_quote_left_open_is_masked_to_the_end_of_the_line(nlp):
    text = '"It is important to go in with a good taste," Peters said. "I like the direction we are trending.'
    labels, _, _ = _labels(nlp, text)
    assert labels == ["reporting"]
