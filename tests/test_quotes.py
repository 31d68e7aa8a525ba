"""Quote extraction and speaker attribution, one test per construction (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.analyse.entities import local_entities
from newsprism.analyse.quotes import extract_quotes
from newsprism.model import QuoteMention


def quotes_of(nlp, text: str) -> list[QuoteMention]:
    doc = nlp(text)
    found = extract_quotes(doc, "a1", local_entities(doc))
    for m in found:
        assert_spans_exact(text, m)
    return found


def assert_spans_exact(text: str, m: QuoteMention) -> None:
    assert text[m.start : m.end] == m.text
    for span in [m.cue, m.speaker_mention, *m.parts]:
        if span is not None:
            assert text[span.start : span.end] == span.text
            assert span.article == m.article


def only(found: list[QuoteMention], kind: str | None = None) -> QuoteMention:
    chosen = [m for m in found if kind is None or m.kind == kind]
    assert len(chosen) == 1, [(m.kind, m.text) for m in found]
    return chosen[0]


def test_split_quote_is_one_mention_with_both_parts(nlp):
    text = (
        "President Donald Trump met reporters on Friday.\n"
        "“We didn’t get there,” Trump said, “but we have a very good chance.”"
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.text == "We didn’t get there"
    assert [p.text for p in m.parts] == ["We didn’t get there", "but we have a very good chance."]
    assert m.speaker_name == "Donald Trump"
    assert m.speaker_mention.text == "Trump"
    assert m.cue.text == "said"


def test_multi_paragraph_quote_continues_when_next_paragraph_opens_with_a_mark(nlp):
    text = (
        "Trump said on Friday: “There’s no deal until there’s a deal. I will call up NATO.\n"
        "“It’s ultimately up to them. We will see what happens.”\n"
        "The summit ended without a press conference."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.text.startswith("There’s no deal")
    assert len(m.parts) == 2 and m.parts[1].text == "It’s ultimately up to them. We will see what happens."
    assert m.speaker_name == "Trump"


def test_speaker_first_with_colon(nlp):
    text = "Vladimir Putin spoke first. Putin said: “The security of Ukraine should be ensured as well.”"
    m = only(quotes_of(nlp, text), "direct")
    assert m.text == "The security of Ukraine should be ensured as well."
    assert m.speaker_name == "Vladimir Putin"
    assert m.cue.text == "said"


def test_speaker_last_inverted(nlp):
    text = "“We will keep working until there is a ceasefire,” said Marco Rubio."
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_name == "Marco Rubio"


def test_attribution_between_two_sentences_of_one_speaker_joins_them(nlp):
    text = "“We had a very productive meeting,” said Caddell. “Yesterday, there were two polls.”"
    m = only(quotes_of(nlp, text), "direct")
    assert [p.text for p in m.parts] == ["We had a very productive meeting", "Yesterday, there were two polls."]
    assert m.speaker_name == "Caddell"


def test_speaker_in_previous_paragraph_is_inherited(nlp):
    text = (
        "“We had a very productive meeting with the president,” Putin said.\n"
        "“Naturally, the security of Ukraine should be ensured as well.”"
    )
    found = quotes_of(nlp, text)
    second = [m for m in found if m.text.startswith("Naturally")]
    assert len(second) == 1 and second[0].speaker_name == "Putin"
    assert second[0].cue is None


def test_speaker_from_speech_verb_in_the_paragraph_before(nlp):
    text = (
        "Volodymyr Zelensky said on Friday that no deal could be made without Kyiv.\n"
        "“Nothing about Ukraine without Ukraine. We are ready for real peace.”"
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert direct.speaker_name == "Volodymyr Zelensky"


def test_pronoun_speaker_resolves_to_nearest_compatible_person(nlp):
    text = (
        "Kaja Kallas said her team was ready to help. Donald Trump arrived later.\n"
        "“Europe must be at the table,” she said."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_mention.text == "she"
    assert m.speaker_name == "Kaja Kallas"
    assert m.speaker_type == "PERSON"


def test_pronoun_speaker_he(nlp):
    text = "Vladimir Putin landed in Anchorage on Friday.\n“We are convinced that the roots of the conflict must go,” he said."
    m = only(quotes_of(nlp, text), "direct")
    assert (m.speaker_mention.text, m.speaker_name) == ("he", "Vladimir Putin")


def test_descriptor_speaker_resolves_through_the_role(nlp):
    text = (
        "Russian President Vladimir Putin met Donald Trump in Alaska.\n"
        "“The talks were useful and frank,” the Russian leader said."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_mention.text == "the Russian leader"
    assert m.speaker_name == "Vladimir Putin"


def test_indefinite_descriptor_stays_unnamed(nlp):
    text = "Donald Trump left Alaska on Friday.\n“Nothing was agreed on territory,” a senior official said."
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_mention.text == "a senior official"
    assert m.speaker_name is None and m.speaker_entity is None


def test_organisation_speaker(nlp):
    text = "“We are ready to continue the dialogue,” the Kremlin said in a statement."
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_type == "ORG"
    assert m.speaker_name == "Kremlin"
    assert m.speaker_entity is not None


def test_partial_quote_inside_reported_speech_is_given_once_as_its_clause(nlp):
    text = "Standing alongside Trump, Putin warned Europe not to “torpedo the nascent progress” of the talks."
    found = quotes_of(nlp, text)
    assert [m.kind for m in found] == ["indirect"]  # not also the quoted words on their own
    assert "“torpedo the nascent progress”" in found[0].text
    assert found[0].speaker_name == "Putin"


def test_partial_quote_outside_any_reported_clause_is_kept(nlp):
    text = "Mr. Trump called the meeting “extremely productive.”"
    partial = only(quotes_of(nlp, text), "partial")
    assert partial.text.rstrip(".") == "extremely productive"
    assert partial.speaker_name == "Trump"


def test_the_russian_leader_is_not_a_countryless_president(nlp):
    text = (
        "President Donald Trump met Vladimir Putin in Alaska. Mr. Trump spoke first.\n"
        "“We are prepared to work on that,” the Russian leader said."
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert direct.speaker_mention.text == "the Russian leader"
    assert direct.speaker_name != "Donald Trump"


def test_partial_quote_named_by_what_she_called(nlp):
    text = "Kaja Kallas said the leaders should hold what she called a “three-on-three” meeting next week."
    partial = only(quotes_of(nlp, text), "partial")
    assert partial.text == "three-on-three"
    assert partial.speaker_name == "Kaja Kallas"


def test_indirect_quote_span_is_the_content_clause(nlp):
    text = "Vladimir Putin said that the root causes of the conflict must be resolved."
    m = only(quotes_of(nlp, text), "indirect")
    assert m.text == "that the root causes of the conflict must be resolved"
    assert m.cue.text == "said"
    assert m.speaker_name == "Vladimir Putin"


def test_indirect_quote_with_according_to(nlp):
    text = "The meeting lasted almost three hours, according to the Kremlin."
    m = only(quotes_of(nlp, text), "indirect")
    assert m.text == "The meeting lasted almost three hours"
    assert m.cue.text == "according to"
    assert m.speaker_type == "ORG"


def test_scare_quote_and_nickname_are_not_quotes(nlp):
    text = (
        "The presidential limousine, known as “the Beast,” carried both leaders. "
        "The so-called “peace plan” was never published."
    )
    assert quotes_of(nlp, text) == []


def test_title_and_banner_are_not_quotes(nlp):
    text = "A banner reading “Pursuing Peace” hung behind the two leaders at the air base."
    assert quotes_of(nlp, text) == []


def test_straight_quotes_and_stray_space_after_the_mark(nlp):
    text = '" We\'re convinced the settlement must last," Putin said. "It is a start."'
    found = quotes_of(nlp, text)
    first = [m for m in found if m.kind == "direct"][0]
    assert first.text == "We're convinced the settlement must last"
    assert first.speaker_name == "Putin"


def test_example_corpus_spans_are_exact(nlp, example_dir: Path):
    total = with_speaker = 0
    for path in sorted(example_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for m in quotes_of(nlp, text):
            total += 1
            with_speaker += m.speaker_name is not None
            assert m.kind in ("direct", "partial", "indirect")
            assert m.end > m.start
            if m.speaker_entity is not None:
                assert m.speaker_type in ("PERSON", "ORG")
    assert total >= 20
    assert with_speaker / total > 0.7


@pytest.mark.parametrize("text", ["", "\n\n", "No quotes here at all.", "“", "A lone ” mark."])
def test_degenerate_texts_do_not_fail(nlp, text):
    assert isinstance(quotes_of(nlp, text), list)


def test_nationality_descriptor_fits_a_role_without_country(nlp):
    text = (
        "President Donald Trump met Ukrainian President Volodymyr Zelensky on Monday.\n"
        "“We are very close to a deal,” the US president told reporters."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_name == "Donald Trump"


def test_author_in_first_person_piece_is_not_a_quoted_source(nlp):
    text = "My daughter pointed at the screen.\n“It could be the dad. I like to think so,” I said."
    assert [m for m in quotes_of(nlp, text) if m.kind == "direct"] == []


def test_links_to_other_stories_are_not_quotes(nlp):
    text = "READ MORE: ‘It becomes a nightmare’ for police, experts say\nThe hearing resumed on Monday."
    assert quotes_of(nlp, text) == []


def test_doubled_apostrophes_are_quote_marks(nlp):
    text = "''It is a misguided approach,'' said Leonard Burman, a tax expert."
    m = only(quotes_of(nlp, text), "direct")
    assert m.text == "It is a misguided approach"
    assert m.speaker_name == "Leonard Burman"


# --------------------------------------------------------------------------- pronoun speakers
# "he"/"she" resolves, in order, to the subject of the sentence before, the previous speaker,
# then the nearest name outside quotation marks that is not an object or possessive.


def test_pronoun_takes_previous_subject_not_a_name_inside_the_quote(nlp):
    text = (
        "Senator Paul Okafor, a Texas Democrat, praised Mr. Lindqvist’s budget.\n"
        "“I thank Governor Henrik Lindqvist for forcing the Treasury to act,” he wrote on Facebook."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_mention.text == "he"
    assert m.speaker_name == "Paul Okafor"


def test_pronoun_takes_previous_subject_over_an_object_named_later(nlp):
    text = (
        "Mr. Dumont said his next task was to phone Chancellor Ingrid Falk and Mr. Haas.\n"
        "“It is really their choice now,” he said."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_name == "Dumont"


def test_pronoun_takes_previous_subject_given_as_a_description(nlp):
    text = (
        "French President Claude Morel met Brazilian President Pedro Alves in Lisbon. "
        "The Brazilian president gave a warmer account of the talks. "
        "He said Brazil and Mr. Morel “truly” wanted a deal."
    )
    found = quotes_of(nlp, text)
    reported = only(found, "indirect")  # the quoted “truly” is part of the reported clause
    assert reported.speaker_mention.text == "He"
    assert reported.speaker_name == "Pedro Alves"


def test_pronoun_falls_back_to_the_previous_speaker_when_no_person_is_subject(nlp):
    text = (
        "“We will rebuild the bridge,” said Mayor Tomas Brandt. He spoke to Anna Kovac afterwards.\n"
        "The council meets again in May.\n"
        "“Nobody will be left behind,” he said."
    )
    quotes = [m for m in quotes_of(nlp, text) if m.kind == "direct"]
    assert [m.speaker_name for m in quotes] == ["Tomas Brandt", "Tomas Brandt"]


def test_pronoun_falls_back_to_nearest_name_outside_quotes_preferring_subjects(nlp):
    text = (
        "Alex Moreau founded the bakery in 2001. Years later the firm hired Sam Ortiz.\n"
        "The bakery now has nine shops.\n"
        "“We never planned to sell,” he said."
    )
    m = only(quotes_of(nlp, text), "direct")
    assert m.speaker_name == "Alex Moreau"


def test_names_inside_quotes_give_no_gender(nlp):
    # "she" in the narrative must not make the quoted Omar Haddad a woman.
    text = (
        "Lena Park spoke at the rally on Sunday, where she thanked the volunteers.\n"
        "“Omar Haddad has failed this city,” she said.\n"
        "Omar Haddad did not comment. “We will fight on,” she said."
    )
    quotes = [m for m in quotes_of(nlp, text) if m.kind == "direct"]
    assert [m.speaker_name for m in quotes] == ["Lena Park", "Lena Park"]


def test_called_phrase_after_a_that_clause_belongs_to_the_main_subject(nlp):
    text = "Ms. Rivera made it clear that they did not settle the dispute but called the hearing “deeply useful.”"
    m = only(quotes_of(nlp, text), "partial")
    assert m.speaker_name == "Rivera"
    assert m.cue.text == "called"


def test_quoted_gloss_before_a_semicolon_is_not_attributed(nlp):
    text = (
        "The old proverb says it best: measure twice, or “cut once”; the fact that Mr. Varga "
        "said it does not mean he follows it."
    )
    found = quotes_of(nlp, text)
    assert all(m.speaker_name != "Varga" for m in found if "cut once" in m.text)


def test_surname_read_as_a_common_noun_still_names_the_speaker(nlp):
    text = (
        "Governor Laura Bush and Mayor Ed Price ended their meeting on Friday without a deal, "
        "though the two struck a warm tone. Price described the meeting as “very useful,” "
        "but details remained vague."
    )
    m = only(quotes_of(nlp, text), "partial")
    assert m.speaker_name == "Ed Price"


def test_sentence_around_a_direct_quote_is_not_also_an_indirect_quote(nlp):
    text = (
        "ANCHORAGE, Alaska — President Donald Trump made his expectations clear on Friday: "
        "\"I won't be happy if I walk away without some form of a ceasefire,\" he said aboard Air Force One."
    )
    found = quotes_of(nlp, text)
    assert [m.kind for m in found] == ["direct"], [(m.kind, m.text) for m in found]


def test_reported_sentence_ending_in_a_quoted_phrase_stays_an_indirect_quote(nlp):
    text = (
        "The story reminds us that such ideals did not come easily, where leaders like Wilfrid Laurier "
        "envisioned a “home for whiteness in the western hemisphere,” Cecil Foster writes in his book."
    )
    found = quotes_of(nlp, text)
    assert any(m.kind == "indirect" and m.text.startswith("The story reminds us") for m in found), [
        (m.kind, m.text) for m in found]


def test_partial_quote_after_described_as_takes_the_subject(nlp):
    text = "After the talks, Donald Trump described the meeting as “extremely productive,” but gave no details."
    partial = only(quotes_of(nlp, text), "partial")
    assert partial.text.rstrip(",") == "extremely productive"
    assert partial.speaker_name == "Donald Trump"


def test_he_after_a_sentence_whose_subject_is_the_other_leader(nlp):
    text = (
        "Vladimir Putin spoke first at the joint appearance.\n"
        "Mr. Trump said he would call Ukrainian President Volodymyr Zelensky and European leaders "
        "after his meeting with Putin. “It’s ultimately up to them,” he said."
    )
    direct = only(quotes_of(nlp, text), "direct")
    assert direct.speaker_mention.text == "he"
    assert direct.speaker_name == "Trump"


def test_role_fit_is_exact_when_every_modifier_is_in_the_role():
    from newsprism.analyse.quotes import role_fit

    assert role_fit(["russian", "leader"], ["Russian President"]) == "exact"
    assert role_fit(["kremlin's", "spokesman"], ["Kremlin spokesman"]) == "exact"
    assert role_fit(["veteran", "russian", "leader"], ["Russian President"]) == "exact"  # generic modifier
    assert role_fit(["russian", "leader"], ["President"]) is None  # not every countryless president
    assert role_fit(["us", "president"], ["President"], nationality={"us"}) == "loose"
    assert role_fit(["foreign", "minister"], ["Russian President"]) is None
    assert role_fit(["us", "president"], ["User president"]) is None  # "us" is no stem of "user"


def test_an_exact_role_fit_outranks_a_countryless_one():
    from newsprism.analyse.quotes import fitting_people

    roles = {"putin": ["Russian President"], "trump": ["President"]}
    assert fitting_people(["russian", "president"], roles, nationality={"russian"}) == ["putin"]
    assert fitting_people(["president"], roles) == ["putin", "trump"]


def test_the_fact_that_someone_said_it_is_no_report_of_what_follows(nlp):
    text = "The fact that Putin said it does not mean that Putin means it or that Russian policies will change."
    assert [m for m in quotes_of(nlp, text) if m.kind == "indirect"] == []


def test_a_report_nested_in_a_report_without_its_own_speaker_is_given_once(nlp):
    text = ("Putin said that points of agreement reached with Trump would likely face opposition across Europe, "
            "warning continental allies not to \"torpedo nascent progress\" in follow-up talks with the White House.")
    found = quotes_of(nlp, text)
    assert len(found) == 1 and found[0].speaker_name == "Putin"
    assert "torpedo nascent progress" in found[0].text


def test_a_report_nested_in_a_report_with_its_own_speaker_stays(nlp):
    found = quotes_of(nlp, "Trump said that Putin told him that the war would end soon.")
    assert sorted(m.speaker_name for m in found) == ["Putin", "Trump"]


def test_according_to_in_mid_sentence_reports_the_main_clause_not_the_writers_comment(nlp):
    text = ("Putin brought several Russian business leaders along with him from Moscow, according to the Kremlin, "
            "a sign he had hoped to begin discussions on normalizing relations with Washington.")
    found = only(quotes_of(nlp, text), "indirect")
    assert found.text == "Putin brought several Russian business leaders along with him from Moscow"


def test_names_joined_by_and_speak_together_not_the_first_alone(nlp):
    found = only(quotes_of(nlp, "Europe and Ukraine have argued that conceding land to Putin is not enough."))
    assert found.speaker_name == "Europe and Ukraine" and found.speaker_entity is None


def test_three_names_in_a_list_speak_together_not_the_first_alone(nlp):
    # Review, session 3: the parser chains "France, Germany and Ukraine" and hangs "and" on Germany.
    found = only(quotes_of(nlp, "France, Germany and Ukraine have argued that conceding land to Putin is not enough."))
    assert found.speaker_name == "France, Germany and Ukraine" and found.speaker_entity is None


def test_a_programme_or_publication_title_after_on_in_or_told_is_no_quote(nlp):
    # Multi-News validation c232: 'Graham said on "Fox News Sunday."' was a partial quote of no one
    text = '“This is going to be a case study,” Graham said on "Fox News Sunday." She wrote in "The Atlantic" that it was "a disaster."'
    texts = [m.text for m in quotes_of(nlp, text)]
    assert "Fox News Sunday." not in texts and "The Atlantic" not in texts
    assert "This is going to be a case study" in texts and "a disaster." in texts


def test_capitalised_words_quoted_as_speech_after_that_stay_quotes(nlp):
    texts = [m.text for m in quotes_of(nlp, 'He said on Sunday that the offer was "Not Acceptable."')]
    assert any("Not Acceptable" in t for t in texts)
