"""Whose age: an age said of a description or a pronoun is resolved to the person the article names."""

from __future__ import annotations

from newsprism.analyse.claims import extract_claims
from newsprism.analyse.entities import local_entities


def age_claim(nlp, text: str, needle: str):
    doc = nlp(text)
    entities = local_entities(doc)
    claims = [c for c in extract_claims(doc, "a1", entities) if needle in c.text]
    assert claims, f"no claim with {needle!r}"
    claim = claims[0]
    assert text[claim.start:claim.end] == claim.text
    assert claim.property.startswith("age")
    return claim, {e.key: e.name for e in entities}


def test_the_n_year_old_is_the_person_the_article_describes_then_names(nlp):
    text = ("A Thai man filmed himself killing his baby daughter. The 21-year-old hanged his daughter at a hotel. "
            "Relatives of the Thai man, Wuttisan Wongtalay, saw the footage.")
    claim, names = age_claim(nlp, text, "21-year-old")
    assert claim.subject == "Wuttisan Wongtalay" and claim.property == "age: Wongtalay"
    assert "Wuttisan Wongtalay" in {names[k] for k in claim.entities}


def test_a_pronoun_age_is_the_age_of_the_one_person_named_before(nlp):
    claim, _ = age_claim(nlp, "Police arrested John Smith on Monday. He was 20.", "20")
    assert claim.subject == "John Smith" and claim.property == "age: Smith"


def test_the_man_in_apposition_is_the_one_person_named_before(nlp):
    claim, _ = age_claim(nlp, "Police arrested John Smith on Monday. The man, 45, was charged with murder.", "45")
    assert claim.subject == "John Smith"


def test_a_pronoun_with_two_people_in_reach_stays_unresolved(nlp):
    claim, _ = age_claim(nlp, "Police said John Smith shot Mary Jones. He is 45.", "45")
    assert claim.subject is None


def test_she_does_not_stand_for_a_man_when_a_wife_is_in_reach(nlp):
    claim, _ = age_claim(nlp, "John Smith shot his wife. She was 30.", "30")
    assert claim.subject != "John Smith"


def test_a_different_description_is_not_renamed_to_the_previous_subject(nlp):
    claim, _ = age_claim(nlp, "John Smith shot a woman on Monday. The victim, 30, died.", "30")
    assert claim.subject == "victim"


def test_a_named_age_keeps_its_own_name(nlp):
    claim, _ = age_claim(nlp, "Police named the man as Tom Brown. Brown, 33, was arrested.", "33")
    assert claim.subject == "Tom Brown" and claim.property == "age: Brown" and claim.referents == []


def test_a_pronoun_subject_of_the_value_verb_is_recorded_as_a_referent_and_participant(nlp):
    from newsprism.analyse.claims import claim_frame

    text = "Police arrested John Smith on Monday. He was sentenced to 15 years in prison."
    doc = nlp(text)
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if "15 years" in c.text)
    assert claim.referents == ["John Smith"]
    frame = claim_frame(nlp(claim.sentence.text), claim, "duration")
    assert {"john", "smith"} <= frame.participants


def test_a_possessive_pronoun_on_the_measured_noun_names_its_owner(nlp):
    doc = nlp("John Smith joined the firm in 2010. His salary was $5 million.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if "5 million" in c.text)
    assert claim.referents == ["John Smith"]


def test_a_pronoun_with_two_named_people_before_it_has_no_referent(nlp):
    doc = nlp("Police said John Smith shot Mary Jones. He paid $500 for the gun.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if "500" in c.text)
    assert claim.referents == []


def test_a_first_name_age_takes_the_full_name_the_article_gives(nlp):
    claim, _ = age_claim(nlp, "Police shot Tamir Rice on Saturday. The family of 13-year-old Tamir is grieving.", "13")
    assert claim.subject == "Tamir Rice" and claim.property == "age: Rice" and claim.referents == []


def test_the_n_year_old_after_a_preposition_is_the_person_named_before(nlp):
    text = "Police arrested John Smith in 2013. Lawyers for the 33-year-old had argued he should be tried in Britain."
    claim, _ = age_claim(nlp, text, "33")
    assert claim.subject == "John Smith"


def test_now_n_opening_a_sentence_is_the_age_of_its_subject(nlp):
    claim, _ = age_claim(nlp, "Police found Jane Doe on Monday. Now 18, she would like to go home.", "18")
    assert claim.subject == "Jane Doe"


def test_an_age_is_never_said_of_a_verb(nlp):
    claim, _ = age_claim(nlp, "The 21-year-old hanged his daughter at a hotel.", "21")
    assert claim.property == "age" and claim.subject is None


def test_died_at_n_is_the_age_of_who_died(nlp):
    claim, _ = age_claim(nlp, "Police found John Smith at his home. He died at 63 on Tuesday.", "63")
    assert claim.subject == "John Smith"


def test_an_age_of_a_description_with_a_name_in_apposition_is_that_person_s(nlp):
    claim, _ = age_claim(nlp, "A 20-year-old man, John Smith, was arrested on Monday.", "20")
    assert claim.subject == "John Smith" and claim.property == "age: Smith"


# --------------------------------------------------------------------------- session 5: pronoun subjects


def test_a_pronoun_age_after_a_name_with_its_description_in_apposition_is_that_person_s(nlp):
    # "a tech executive" is the same person as "Colin Kroll", not a second one in reach of "He"
    text = "Colin Kroll, a tech executive who co-founded the app, has died. He was 35."
    claim, _ = age_claim(nlp, text, "35")
    assert claim.subject == "Colin Kroll" and claim.property == "age: Kroll"


def test_a_pronoun_age_after_two_named_people_and_a_description_stays_unresolved(nlp):
    text = "Colin Kroll, a tech executive, met Ann Lee on Monday. He was 35."
    claim, _ = age_claim(nlp, text, "35")
    assert claim.subject is None and claim.property == "age"


def test_he_never_stands_for_a_person_the_article_shows_to_be_a_woman(nlp):
    claim, _ = age_claim(nlp, "Ms. Jones died on Sunday. He was 35.", "35")
    assert claim.subject is None


def test_he_stands_for_the_one_man_when_the_other_person_is_shown_to_be_a_woman(nlp):
    claim, _ = age_claim(nlp, "Mrs. Mary Jones met John Smith on Monday. He was 35.", "35")
    assert claim.subject == "John Smith"


def test_a_description_of_no_gender_still_stands_for_a_man_the_article_names(nlp):
    text = "Mr. John Smith was arrested on Monday. The suspect, 45, was charged with murder."
    claim, _ = age_claim(nlp, text, "45")
    assert claim.subject == "John Smith"


def test_a_pronoun_subject_of_an_event_count_is_recorded_as_its_referent(nlp):
    doc = nlp("Police said Jane Doe was in the car. She was struck twice in the leg.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if c.text == "twice")
    assert claim.property == "times: strike" and claim.referents == ["Jane Doe"]


def test_a_pronoun_subject_of_an_event_count_after_two_people_has_no_referent(nlp):
    doc = nlp("Police said Jane Doe met John Roe. She was struck twice in the leg.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if c.text == "twice")
    assert claim.referents == []


def test_a_pronoun_height_is_recorded_with_the_person_named_before(nlp):
    doc = nlp("Police arrested John Smith on Monday. He is 6 feet tall.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if "6 feet" in c.text)
    assert claim.property == "amount: height" and claim.referents == ["John Smith"]


def test_a_pronoun_height_after_two_named_people_has_no_referent(nlp):
    doc = nlp("Police said John Smith shot Mary Jones. He is 6 feet tall.")
    claim = next(c for c in extract_claims(doc, "a1", local_entities(doc)) if "6 feet" in c.text)
    assert claim.referents == []


def test_the_n_year_old_is_never_the_subject_of_its_own_clause(nlp):
    # ECB+ (36_ecbplus): "Jeffs had fathered a child with the 15 year old" read the girl's age as Jeffs'
    claim, _ = age_claim(nlp, "Warren Jeffs, 55, leads the church. A DNA report showed that Jeffs had fathered "
                              "a child with the 15 year old.", "15 year old")
    assert "Jeffs" not in (claim.subject or "") and claim.property != "age: Jeffs"
    claim, _ = age_claim(nlp, "Warren Jeffs, 55, leads the church. Prosecutors played a tape of what it alleged was "
                              "Jeffs sexually assaulting the 11-year old girl.", "11-year old")
    assert claim.property == "age: girl"


def test_the_n_year_old_subject_of_a_later_clause_is_still_the_person_named_before(nlp):
    claim, _ = age_claim(nlp, "Police arrested John Smith on Monday. The 21-year-old was charged with murder.",
                         "21-year-old")
    assert claim.property == "age: Smith"


def test_a_fight_record_or_a_list_of_versions_is_no_age(nlp):
    from newsprism.analyse.claims import extract_claims

    for text in ("Former heavyweight champion Riddick Bowe, 43-1, 33 KO's, returned to the ring.",
                 "The tool can be used for IE6, 7, 8, 9, 10 and 11 on Windows XP, Vista, 7, 8 and 8.1."):
        doc = nlp(text)
        assert not [c for c in extract_claims(doc, "a1", local_entities(doc)) if (c.property or "").startswith("age")]


def test_a_name_with_an_age_between_commas_is_still_an_age(nlp):
    claim, _ = age_claim(nlp, "Former champion Riddick Bowe, 43, returned to the ring on Saturday.", "43")
    assert claim.property == "age: Bowe"


def test_n_year_olds_are_ages_not_durations(nlp):
    from newsprism.analyse.claims import extract_claims

    doc = nlp("Liberty German and Abigail Williams, both 13-year-olds, were found dead near a trail.")
    [claim] = [c for c in extract_claims(doc, "a1", local_entities(doc)) if "13" in c.text]
    assert claim.property.startswith("age")
    doc = nlp("He spent 13 years in prison before the verdict was overturned.")
    [claim] = [c for c in extract_claims(doc, "a1", local_entities(doc)) if "13" in c.text]
    assert claim.property.startswith("duration")
