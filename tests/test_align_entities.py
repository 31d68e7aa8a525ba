"""Entities across articles: each merging rule on small hand-made per-article entities."""

from __future__ import annotations

from newsprism.align.entities import merge_entities
from newsprism.align.names import keys_match, parse_person, translit_key
from newsprism.model import Article, ArticleAnalysis, LocalEntity


def _story(*articles: list[tuple]) -> tuple[list[Article], list[ArticleAnalysis]]:
    """Each article: a list of (name, type[, roles]) local entities."""
    arts, analyses = [], []
    for i, ents in enumerate(articles):
        arts.append(Article(id=f"a{i}", raw="", text="", outlet=f"Outlet {i}", source_group=f"g{i}"))
        locals_ = [
            LocalEntity(key=f"e{j}", name=e[0], type=e[1], roles=list(e[2]) if len(e) > 2 else [])
            for j, e in enumerate(ents)
        ]
        analyses.append(ArticleAnalysis(article=f"a{i}", entities=locals_))
    return arts, analyses


def _entity_of(entities, article: str, key: str):
    return next(e for e in entities if (article, key) in e.members)


def test_transliteration_variants_of_one_person_merge():
    arts, ans = _story(
        [("Volodymyr Zelensky", "PERSON")],
        [("Volodymyr Zelenskyy", "PERSON")],
        [("Volodymyr Zelenskiy", "PERSON")],
        [("Volodymyr Zelenskyi", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 1
    assert entities[0].name == "Volodymyr Zelensky"  # first seen among equally full, equally frequent
    assert set(entities[0].aliases) == {"Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Volodymyr Zelenskyi"}
    assert entities[0].articles == ["a0", "a1", "a2", "a3"]


def test_transliterated_first_names_merge():
    arts, ans = _story(
        [("Sergey Lavrov", "PERSON"), ("Yuri Ushakov", "PERSON")],
        [("Sergei Lavrov", "PERSON"), ("Yury Ushakov", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 2
    assert {e.name for e in entities} == {"Sergey Lavrov", "Yuri Ushakov"}


def test_place_spelling_variants_merge_across_place_types():
    arts, ans = _story([("Kyiv", "GPE")], [("Kiev", "GPE")], [("Kyiv", "LOC")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 1
    assert entities[0].name == "Kyiv"  # the more frequent spelling
    assert entities[0].aliases == ["Kiev"]


def test_surname_and_titled_forms_join_the_full_name():
    arts, ans = _story(
        [("Donald Trump", "PERSON", ["President"])],
        [("Trump", "PERSON")],
        [("Mr. Trump", "PERSON")],
        [("President Trump", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 1
    trump = entities[0]
    assert trump.name == "Donald Trump"
    assert set(trump.aliases) == {"Trump", "Mr. Trump", "President Trump"}
    assert trump.roles == ["President"]
    assert trump.members == [("a0", "e0"), ("a1", "e0"), ("a2", "e0"), ("a3", "e0")]


def test_junior_is_not_merged_with_his_father():
    arts, ans = _story(
        [("Donald Trump", "PERSON")],
        [("Donald Trump Jr.", "PERSON")],
        [("Trump", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    father = _entity_of(entities, "a0", "e0")
    son = _entity_of(entities, "a1", "e0")
    assert father is not son
    assert _entity_of(entities, "a2", "e0") is father  # the bare surname carries no suffix


def test_two_presidents_are_not_merged():
    arts, ans = _story(
        [("the president", "PERSON", ["President of Ukraine"]), ("President Trump", "PERSON")],
        [("the president", "PERSON", ["President of Russia"]), ("President Putin", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 4


def test_different_first_names_with_one_surname_stay_apart():
    arts, ans = _story([("Donald Trump", "PERSON")], [("Melania Trump", "PERSON")], [("Trump", "PERSON")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 3  # the bare "Trump" could be either: left alone


def test_bare_surname_takes_the_person_sharing_its_role():
    arts, ans = _story(
        [("Donald Trump", "PERSON", ["President"])],
        [("Melania Trump", "PERSON", ["first lady"])],
        [("President Trump", "PERSON")],
    )
    entities = merge_entities(arts, ans)
    assert _entity_of(entities, "a2", "e0") is _entity_of(entities, "a0", "e0")


def test_acronym_and_dotted_forms_join_the_long_name():
    arts, ans = _story([("United States", "GPE")], [("U.S.", "GPE")], [("the US", "GPE")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 1 and entities[0].name == "United States"


def test_different_names_of_different_types_do_not_merge():
    arts, ans = _story([("Georgia", "GPE")], [("Georgia Smith", "PERSON")])
    assert len(merge_entities(arts, ans)) == 2


def test_ids_are_deterministic_and_ordered_by_articles():
    arts, ans = _story([("Kyiv", "GPE"), ("Donald Trump", "PERSON")], [("Donald Trump", "PERSON")])
    first = merge_entities(arts, ans)
    second = merge_entities(arts, ans)
    assert [(e.id, e.name) for e in first] == [(e.id, e.name) for e in second]
    assert first[0].id == "ent-1" and first[0].name == "Donald Trump"


def test_name_keys_are_strict():
    assert translit_key("Zelenskyy") == translit_key("Zelensky")
    assert translit_key("Li") != translit_key("Lee")
    assert not keys_match(translit_key("Peskov"), translit_key("Peskova"))
    assert parse_person("the president") is None
    assert parse_person("Donald Trump Jr.").suffix == "jr"


def test_one_letter_slip_in_a_long_first_name_merges():
    arts, ans = _story([("Volodymyr Zelenskyy", "PERSON")], [("Volodmyr Zelenskyy", "PERSON")])
    assert len(merge_entities(arts, ans)) == 1


def test_gendered_first_names_one_letter_apart_stay_apart():
    arts, ans = _story([("Ivan Trumpington", "PERSON")], [("Ivana Trumpington", "PERSON")])
    assert len(merge_entities(arts, ans)) == 2


def test_legal_form_and_acronym_of_an_organisation_merge():
    arts, ans = _story(
        [("Hewlett-Packard Co.", "ORG")], [("HP", "ORG")], [("Hewlett-Packard", "ORG")], [("Intel Corp.", "ORG")], [("Intel", "ORG")]
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 2
    assert {e.name for e in entities} == {"Hewlett-Packard Co.", "Intel Corp."}


def test_pronouns_are_never_merged():
    arts, ans = _story([("he", "PERSON"), ("it", "ORG")], [("he", "PERSON"), ("it", "ORG")])
    assert len(merge_entities(arts, ans)) == 4


def test_organisation_short_forms_join_the_one_long_name():
    arts, ans = _story(
        [("ATI Technologies", "ORG"), ("U.S. Geological Survey", "ORG")],
        [("ATI", "ORG"), ("Geological Survey", "ORG")],
    )
    assert len(merge_entities(arts, ans)) == 2


def test_possessor_is_not_part_of_a_place_name():
    arts, ans = _story([("Indonesia's Aceh", "GPE")], [("Aceh", "GPE")], [("Indonesia", "GPE")])
    entities = merge_entities(arts, ans)
    assert _entity_of(entities, "a0", "e0") is _entity_of(entities, "a1", "e0")
    assert _entity_of(entities, "a2", "e0") is not _entity_of(entities, "a1", "e0")


# --------------------------------------------------------------------------- descriptions across articles

from newsprism.align.entities import description_head  # noqa: E402
from newsprism.model import QuoteMention, Span  # noqa: E402


def _described(*articles: list[tuple]) -> tuple[list[Article], list[ArticleAnalysis]]:
    """Each article: (name, type, descriptions, named[, roles]) local entities."""
    arts, analyses = [], []
    for i, ents in enumerate(articles):
        arts.append(Article(id=f"a{i}", raw="", text=""))
        analyses.append(ArticleAnalysis(article=f"a{i}", entities=[
            LocalEntity(key=f"e{j}", name=e[0], type=e[1], descriptions=list(e[2]), named=e[3],
                        roles=list(e[4]) if len(e) > 4 else [])
            for j, e in enumerate(ents)
        ]))
    return arts, analyses


def _together(entities, a: tuple[str, str], b: tuple[str, str]) -> bool:
    return _entity_of(entities, *a) is _entity_of(entities, *b)


def test_description_head_is_the_word_before_a_preposition():
    assert description_head("Secretary of State") == "secretary"
    assert description_head("the Kremlin foreign policy aide") == "aide"
    assert description_head("he") is None


def test_unnamed_description_joins_the_one_named_entity_the_story_links_it_to():
    arts, ans = _described(
        [("Lindsay Lohan", "PERSON", ["actress"], True)],
        [("the actress", "PERSON", ["actress"], False)],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 1 and entities[0].name == "Lindsay Lohan"


def test_description_linked_to_two_people_must_not_join_either():
    arts, ans = _described(
        [("Donald Trump", "PERSON", [], True, ["President"])],
        [("Vladimir Putin", "PERSON", [], True, ["President"])],
        [("the president", "PERSON", ["president"], False)],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 3  # Trump, Putin and "the president" each apart


def test_ambiguous_description_joins_the_one_its_own_article_names():
    arts, ans = _described(
        [("Donald Trump", "PERSON", [], True, ["President"]), ("the president", "PERSON", ["president"], False)],
        [("Vladimir Putin", "PERSON", [], True, ["President"])],
    )
    entities = merge_entities(arts, ans)
    assert _together(entities, ("a0", "e0"), ("a0", "e1"))
    assert not _together(entities, ("a0", "e0"), ("a1", "e0"))


def test_ambiguous_description_joins_the_one_candidate_its_article_names():
    arts, ans = _described(
        [("Donald Trump", "PERSON", [], True, ["President"])],
        [("Vladimir Putin", "PERSON", [], True, ["President"])],
        [("Vladimir Putin", "PERSON", [], True), ("the president", "PERSON", ["president"], False)],
    )
    entities = merge_entities(arts, ans)
    assert _together(entities, ("a2", "e1"), ("a1", "e0"))
    assert not _together(entities, ("a2", "e1"), ("a0", "e0"))


def test_ambiguous_description_in_an_article_naming_both_candidates_must_not_join_either():
    arts, ans = _described(
        [("Donald Trump", "PERSON", [], True, ["President"])],
        [("Vladimir Putin", "PERSON", [], True, ["President"])],
        [("Donald Trump", "PERSON", [], True), ("Vladimir Putin", "PERSON", [], True),
         ("the president", "PERSON", ["president"], False)],
    )
    entities = merge_entities(arts, ans)
    assert not _together(entities, ("a2", "e2"), ("a0", "e0"))
    assert not _together(entities, ("a2", "e2"), ("a1", "e0"))
    assert not _together(entities, ("a0", "e0"), ("a1", "e0"))


def test_description_spelling_the_last_words_of_one_name_joins_it():
    arts, ans = _described(
        [("U.S. Geological Survey", "ORG", [], True)],
        [("the geological survey", "ORG", ["survey"], False)],
    )
    entities = merge_entities(arts, ans)
    assert _together(entities, ("a0", "e0"), ("a1", "e0"))


def test_description_spelling_the_end_of_two_names_or_one_word_must_not_join():
    arts, ans = _described(
        [("U.S. Geological Survey", "ORG", [], True), ("British Geological Survey", "ORG", [], True)],
        [("the geological survey", "ORG", ["survey"], False), ("the survey", "ORG", ["survey"], False)],
        [("Geological Survey of Canada", "PERSON", [], True)],
    )
    entities = merge_entities(arts, ans)
    assert not _together(entities, ("a0", "e0"), ("a0", "e1"))
    for unnamed in (("a1", "e0"), ("a1", "e1")):
        assert not _together(entities, unnamed, ("a0", "e0"))
        assert not _together(entities, unnamed, ("a0", "e1"))


def test_capitalised_description_equal_to_one_one_word_name_joins_it():
    arts, ans = _described(
        [("Chargers", "ORG", [], True)],
        [("Chargers'", "ORG", ["chargers"], False)],
    )
    assert len(merge_entities(arts, ans)) == 1


def test_lowercase_or_other_class_description_equal_to_a_one_word_name_must_not_join():
    arts, ans = _described(
        [("Navy", "ORG", [], True), ("Washington", "GPE", [], True)],
        [("the navy", "ORG", ["navy"], False), ("Washington", "PERSON", ["washington"], False)],
    )
    entities = merge_entities(arts, ans)
    assert not _together(entities, ("a0", "e0"), ("a1", "e0"))
    assert not _together(entities, ("a0", "e1"), ("a1", "e1"))


def test_two_named_entities_must_not_merge_through_a_shared_description():
    arts, ans = _described(
        [("Hugh Jackman", "PERSON", ["host"], True)],
        [("Ellen DeGeneres", "PERSON", ["host"], True)],
        [("host", "PERSON", ["host"], False)],
    )
    entities = merge_entities(arts, ans)
    assert not _together(entities, ("a0", "e0"), ("a1", "e0"))
    assert not _together(entities, ("a2", "e0"), ("a0", "e0"))


def test_unnamed_descriptions_with_one_head_merge_and_other_heads_stay_apart():
    arts, ans = _described(
        [("the rehab facility", "FAC", ["facility"], False)],
        [("the facility", "FAC", ["facility"], False), ("the clinic", "FAC", ["clinic"], False)],
    )
    entities = merge_entities(arts, ans)
    assert _together(entities, ("a0", "e0"), ("a1", "e0"))
    assert not _together(entities, ("a1", "e0"), ("a1", "e1"))


def test_description_must_not_merge_across_type_classes():
    arts, ans = _described(
        [("the company", "ORG", ["company"], False)],
        [("the company", "PERSON", ["company"], False)],
    )
    assert len(merge_entities(arts, ans)) == 2


def test_unnamed_entity_without_description_is_never_merged():
    arts, ans = _described([("he", "PERSON", [], False)], [("he", "PERSON", [], False)])
    assert len(merge_entities(arts, ans)) == 2


def _quote(article: str, key: str, speaker: str) -> QuoteMention:
    return QuoteMention(article=article, start=0, end=1, text="x", speaker_entity=key,
                        speaker_mention=Span(article, 0, len(speaker), speaker))


def test_description_resolved_by_the_quote_step_becomes_a_role_and_links_unnamed_mentions():
    arts, ans = _described(
        [("Vladimir Putin", "PERSON", [], True), ("Donald Trump", "PERSON", [], True)],
        [("the Russian leader", "PERSON", ["leader"], False)],
    )
    ans[0].quotes = [_quote("a0", "e0", "the Russian leader"), _quote("a0", "e1", "he")]
    entities = merge_entities(arts, ans)
    putin = _entity_of(entities, "a0", "e0")
    assert "Russian leader" in putin.roles
    assert ("a1", "e0") in putin.members
    assert _entity_of(entities, "a0", "e1").roles == []  # a pronoun is not a description


def test_one_word_organisation_joins_the_one_longer_name_it_ends():
    arts, ans = _story([("San Diego Chargers", "ORG")], [("Chargers", "ORG")])
    assert len(merge_entities(arts, ans)) == 1


def test_one_word_name_ending_two_longer_names_or_a_place_must_not_merge():
    arts, ans = _story([("Sacramento Kings", "ORG"), ("Los Angeles Kings", "ORG")], [("Kings", "ORG")])
    assert len(merge_entities(arts, ans)) == 3
    arts, ans = _story([("the Gulf of Aden", "LOC")], [("Aden", "GPE")])
    assert len(merge_entities(arts, ans)) == 2


def test_identical_names_typed_in_different_classes_are_one_entity_with_the_voted_type():
    arts, ans = _story([("Kyiv", "PERSON")], [("Kyiv", "PERSON")], [("Kiev", "PERSON")], [("Kyiv", "GPE")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 1 and entities[0].type == "GPE" and len(entities[0].articles) == 4


def test_known_place_typed_organisation_joins_the_place():
    arts, ans = _story([("Sumy", "ORG")], [("Sumy", "ORG")], [("Sumy", "GPE")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 1 and entities[0].type == "GPE"


def test_unknown_name_keeps_the_majority_type_across_classes():
    arts, ans = _story([("Zorvex", "ORG")], [("Zorvex", "ORG")], [("Zorvex", "PERSON")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 1 and entities[0].type == "ORG"


def test_place_must_not_merge_with_a_person_whose_full_name_holds_the_word():
    arts, ans = _story(
        [("Michael Jordan", "PERSON"), ("Jordan", "PERSON")],
        [("Jordan", "GPE")],
    )
    entities = merge_entities(arts, ans)
    assert {(e.name, e.type) for e in entities} == {("Michael Jordan", "PERSON"), ("Jordan", "GPE")}


def test_bare_name_with_a_role_must_not_merge_with_a_place():
    arts, ans = _story([("Georgia", "GPE")], [("Georgia", "PERSON", ["actress"])])
    assert len(merge_entities(arts, ans)) == 2


def test_nationality_must_not_merge_across_types():
    arts, ans = _story([("Ukrainian", "NORP")], [("Ukrainian", "NORP")], [("Ukrainian", "GPE")])
    entities = merge_entities(arts, ans)
    assert sorted(e.type for e in entities) == ["GPE", "NORP"]


def test_company_and_product_with_one_name_must_not_merge():
    arts, ans = _story([("Toyota", "ORG")], [("Toyota", "PRODUCT")])
    assert sorted(e.type for e in merge_entities(arts, ans)) == ["ORG", "PRODUCT"]


def test_slavic_h_g_kh_and_ts_z_spellings_of_a_place_merge():
    arts, ans = _story(
        [("Luhansk", "GPE"), ("Donetsk", "GPE")],
        [("Lugansk", "GPE"), ("Donezk", "GPE")],
        [("Lukhansk", "LOC")],
    )
    entities = merge_entities(arts, ans)
    assert len(entities) == 2
    luhansk = _entity_of(entities, "a0", "e0")
    assert set(luhansk.aliases) | {luhansk.name} == {"Luhansk", "Lugansk", "Lukhansk"}
    assert _entity_of(entities, "a1", "e1") is _entity_of(entities, "a0", "e1")


def test_place_spellings_differing_in_a_first_or_last_letter_stay_apart():
    arts, ans = _story([("Halle", "GPE"), ("Edinburgh", "GPE")], [("Galle", "GPE"), ("Edinburg", "GPE")])
    assert len(merge_entities(arts, ans)) == 4


def test_place_alternations_do_not_merge_people():
    arts, ans = _story([("John Hunter", "PERSON")], [("John Gunter", "PERSON")])
    assert len(merge_entities(arts, ans)) == 2


def test_a_group_of_names_is_no_one_person():
    from newsprism.align.entities import EntityIndex

    arts, ans = _story([("Melania Trump", "PERSON"), ("Donald Trump", "PERSON")])
    index = EntityIndex(merge_entities(arts, ans))
    assert index.person("Melania Trump") is not None
    assert index.person("Melania and Donald Trump") is None


# --------------------------------------------------------------------------- a team named after its city


def _analysed(nlp, *texts: str):
    from newsprism.analyse.pipeline import analyse_doc

    arts = [Article(id=f"a{i}", raw=t, text=t, outlet=f"Outlet {i}", source_group=f"g{i}") for i, t in enumerate(texts)]
    return arts, [analyse_doc(nlp(a.text), a) for a in arts]


GAME = "Chicago beat Boston 4-2 on Sunday night. Chicago scored twice in the third period."
SNOW = "Heavy snow fell in Chicago on Monday. The city of Chicago opened warming centres."


def test_team_named_after_a_city_must_not_merge_with_the_city(nlp):
    arts, ans = _analysed(nlp, GAME, SNOW)
    chicago = [e for e in merge_entities(arts, ans) if e.name == "Chicago"]
    assert sorted(e.type for e in chicago) == ["GPE", "ORG"]
    assert all(len(e.articles) == 1 for e in chicago)


def test_team_merges_with_the_same_team_and_the_city_with_the_city(nlp):
    arts, ans = _analysed(nlp, GAME, "Chicago edged Boston 3-2 in overtime on Sunday.", SNOW,
                          "Schools in Chicago stayed closed on Tuesday.")
    chicago = {e.type: e.articles for e in merge_entities(arts, ans) if e.name == "Chicago"}
    assert chicago == {"ORG": ["a0", "a1"], "GPE": ["a2", "a3"]}


def test_a_place_the_tagger_typed_organisation_still_joins_the_place_when_no_team_plays():
    arts, ans = _story([("Chicago", "ORG")], [("Chicago", "GPE")])
    assert len(merge_entities(arts, ans)) == 1


def test_team_description_keeps_a_hand_made_team_apart_from_the_city():
    arts, ans = _story([("Chicago", "ORG")], [("Chicago", "GPE")])
    ans[0].entities[0].descriptions = ["team"]
    assert len(merge_entities(arts, ans)) == 2


# --------------------------------------------------------------------------- descriptions the article resolves
# Roles, not entities: a description the article ties to a name (an apposition, a title, the quote
# step's "the ambassador said") becomes one of that person's roles and lets another article's bare
# "the ambassador said" find her; a description nobody resolved makes no entity of its own.


def test_apposition_role_in_one_article_resolves_the_description_of_another(nlp):
    from newsprism.align.quotes import align_quotes

    arts, ans = _analysed(
        nlp,
        "Maria Keller, the ambassador, met the foreign minister on Tuesday.",
        "Keller met the foreign minister on Tuesday. “We have a deal,” the ambassador said after the talks.",
    )
    assert ans[1].quotes[0].speaker_name is None  # the second article alone cannot tell
    entities = merge_entities(arts, ans)
    people = [e for e in entities if e.type == "PERSON"]
    assert [(e.name, e.roles) for e in people] == [("Maria Keller", ["ambassador"])]
    assert align_quotes(arts, ans, entities)[0].speaker_name == "Maria Keller"


def test_description_resolved_by_the_quote_step_is_a_role_in_the_brief(nlp):
    arts, ans = _analysed(
        nlp,
        "Ambassador Maria Keller met the foreign minister. “We have a deal,” the ambassador said.",
        "Maria Keller flew home on Wednesday.",
    )
    assert ans[0].quotes[0].speaker_name == "Maria Keller"
    keller = next(e for e in merge_entities(arts, ans) if e.name == "Maria Keller")
    assert keller.articles == ["a0", "a1"] and [r.lower() for r in keller.roles] == ["ambassador"]


def test_unresolved_description_makes_no_entity(nlp):
    arts, ans = _analysed(nlp, "“Nothing is settled yet,” the veteran diplomat said on Tuesday.",
                          "“Nothing is settled yet,” the diplomat told reporters.")
    assert [e for e in merge_entities(arts, ans) if e.type == "PERSON"] == []


def test_noun_written_before_a_name_is_a_role_that_resolves_another_articles_description(nlp):
    from newsprism.align.quotes import align_quotes

    arts, ans = _analysed(
        nlp,
        "The 28-year-old actress Lindsay Lohan arrived at the premiere on Sunday.",
        "Lindsay Lohan smiled for the cameras. “I am thrilled to be back,” the actress said.",
    )
    entities = merge_entities(arts, ans)
    lohan = next(e for e in entities if e.name == "Lindsay Lohan")
    assert lohan.roles == ["28-year-old actress"] and lohan.articles == ["a0", "a1"]
    assert align_quotes(arts, ans, entities)[0].speaker_name == "Lindsay Lohan"


def test_noun_before_a_name_is_no_role_when_it_holds_another_name(nlp):
    arts, ans = _analysed(nlp, "Trump supporter John Doe said the rally was peaceful.")
    doe = next(e for e in merge_entities(arts, ans) if e.name == "John Doe")
    assert doe.roles == []


def test_place_must_not_merge_with_an_organisation_named_after_it_through_its_short_form():
    for first in ("Sanford", "Sanford Fire Department"):  # whichever article comes first
        other = "Sanford Fire Department" if first == "Sanford" else "Sanford"
        arts, ans = _story([(first, "ORG")], [(other, "ORG")], [("Sanford", "GPE")])
        entities = merge_entities(arts, ans)
        assert sorted((e.name, e.type) for e in entities) == [("Sanford", "GPE"), ("Sanford Fire Department", "ORG")]


def test_generic_body_name_must_not_join_a_longer_name_that_adds_a_place_or_a_part():
    for longer in ("Texas Senate", "Senate Judiciary Committee"):
        arts, ans = _story([(longer, "ORG")], [("Senate", "ORG")])
        assert len(merge_entities(arts, ans)) == 2, longer
    for longer in ("White House", "House Budget Committee"):
        arts, ans = _story([(longer, "ORG")], [("House", "ORG")])
        assert len(merge_entities(arts, ans)) == 2, longer
    arts, ans = _story([("Texas Supreme Court", "ORG")], [("Supreme Court", "ORG")])
    assert len(merge_entities(arts, ans)) == 2


def test_specific_short_forms_still_join_their_one_longer_name():
    for short, longer in (("Geological Survey", "U.S. Geological Survey"), ("Chargers", "San Diego Chargers"),
                          ("ATI", "ATI Technologies"), ("Interior", "Interior Department")):
        arts, ans = _story([(longer, "ORG")], [(short, "ORG")])
        assert len(merge_entities(arts, ans)) == 1, short


def test_generic_body_name_joins_the_one_national_body_of_that_name():
    for short, longer in (("Senate", "U.S. Senate"), ("Supreme Court", "US Supreme Court"),
                          ("Parliament", "UK Parliament"), ("House of Representatives", "U.S. House of Representatives")):
        arts, ans = _story([(longer, "ORG")], [(short, "ORG")])
        assert len(merge_entities(arts, ans)) == 1, short
    arts, ans = _story([("U.S. Senate", "ORG"), ("Texas Senate", "ORG")], [("Senate", "ORG")])
    assert len(merge_entities(arts, ans)) == 3  # beside another Senate, a bare "Senate" may be either
    arts, ans = _story([("US Supreme Court", "ORG"), ("Texas Supreme Court", "ORG")], [("Supreme Court", "ORG")])
    assert len(merge_entities(arts, ans)) == 3


def test_abbreviated_generic_word_of_a_place_name_merges_with_the_spelled_out_one():
    arts, ans = _story([("Mt Cook", "LOC"), ("Ft. Worth", "GPE")], [("Mount Cook", "LOC"), ("Fort Worth", "GPE")])
    entities = merge_entities(arts, ans)
    assert len(entities) == 2
    assert _entity_of(entities, "a0", "e0") is _entity_of(entities, "a1", "e0")


def test_spelled_out_abbreviation_must_not_join_another_mountain_or_the_park_named_after_it():
    arts, ans = _story([("Mt Cook", "LOC"), ("Mt Sefton", "LOC")], [("Mount Cook National Park", "LOC"), ("St Paul", "GPE")],
                       [("Street Paul", "GPE")])
    assert len(merge_entities(arts, ans)) == 5  # "St" is Saint or Street: never spelled out


def test_part_of_a_named_day_is_that_day():
    arts, ans = _described(
        [("Friday", "TIME", [], True)],
        [("Friday night", "TIME", ["night"], False), ("early Sunday", "TIME", [], True)],
        [("Sunday morning", "TIME", ["morning"], False)],
    )
    entities = merge_entities(arts, ans)
    assert _together(entities, ("a0", "e0"), ("a1", "e0"))
    assert _together(entities, ("a1", "e1"), ("a2", "e0"))
    assert not _together(entities, ("a0", "e0"), ("a1", "e1"))


def test_nights_of_two_days_or_an_unnamed_night_must_not_join_a_named_day():
    arts, ans = _described(
        [("Friday night", "TIME", ["night"], False), ("last night", "TIME", ["night"], False)],
        [("Wednesday night", "TIME", ["night"], False), ("about 11am on Friday", "TIME", ["11am"], False)],
    )
    entities = merge_entities(arts, ans)
    assert not _together(entities, ("a0", "e0"), ("a1", "e0"))
    assert not _together(entities, ("a0", "e0"), ("a0", "e1"))
    assert not _together(entities, ("a0", "e0"), ("a1", "e1"))


# --------------------------------------------------------------------------- identification in the article


def _descriptions_of_people(nlp, text: str) -> dict[str, list[str]]:
    from newsprism.analyse.entities import local_entities

    return {e.name: e.descriptions for e in local_entities(nlp(text)) if e.type == "PERSON"}


def test_description_identified_as_a_name_is_that_persons_description(nlp):
    assert _descriptions_of_people(nlp, "Police identified the victim as Benjamin Banky, 40, of Vancouver.") == {
        "Benjamin Banky": ["victim"]}
    assert _descriptions_of_people(nlp, "The gunman, identified as Anthony LaCalamita, opened fire.") == {
        "Anthony LaCalamita": ["gunman"]}
    assert _descriptions_of_people(nlp, "The driver, who police identified as Vishwanand Subryan, fled.") == {
        "Vishwanand Subryan": ["driver"]}


def test_identification_must_not_describe_the_person_who_identifies_nor_a_clause_subject(nlp):
    people = _descriptions_of_people(nlp, "Officer John Smith identified the victim as Mary Jones.")
    assert people["John Smith"] == [] and people["Mary Jones"] == ["victim"]
    # "identified as" hangs on the arrest, not on "the suspect": left unlinked
    assert _descriptions_of_people(nlp, "Police arrested the suspect, identified as Mark Doe, on Friday.") == {
        "Mark Doe": []}


# --------------------------------------------------------------------------- pronouns within the article


def _pronoun_links(nlp, text: str, mentions: list[tuple[str, str]]) -> dict[str, str | None]:
    """link_mentions on one-word PERSON mentions (first unused occurrence of each word)."""
    from newsprism.analyse.entities import MentionSpan, link_mentions

    doc = nlp(text)
    sentence_of = {s.start: i for i, s in enumerate(doc.sents)}
    spans: list = []
    for word, kind in mentions:
        tok = next(t for t in doc if t.text == word and all(s.span.start != t.i for s in spans))
        spans.append(MentionSpan(doc[tok.i : tok.i + 1], "PERSON", kind, sentence_of[tok.sent.start]))
    links = link_mentions(spans)
    return {mentions[i][0]: mentions[j][0] if j is not None else None for i, j in enumerate(links)}


def test_object_pronoun_must_not_stand_for_the_subject_of_its_own_clause(nlp):
    text = "Gupta is a neurosurgeon. Obama was so intent on recruiting him that they met twice."
    assert _pronoun_links(nlp, text, [("Gupta", "name"), ("Obama", "name"), ("him", "pronoun")])["him"] == "Gupta"
    assert _pronoun_links(nlp, "Obama thanked him.", [("Obama", "name"), ("him", "pronoun")])["him"] is None
    # the doer of an infinitive is the verb's object: "him" is not Gupta, so it is Obama
    text = "Gupta met Obama. Obama asked Gupta to join him."
    assert _pronoun_links(nlp, text, [("Gupta", "name"), ("Obama", "name"), ("him", "pronoun")])["him"] == "Obama"


def test_object_pronoun_in_a_clause_with_its_own_subject_may_stand_for_the_main_subject(nlp):
    assert _pronoun_links(nlp, "Obama said the party would back him.", [("Obama", "name"), ("him", "pronoun")]) == {
        "Obama": None, "him": "Obama"}


def test_one_letter_slip_in_a_surname_under_the_same_full_first_name_merges():
    arts, ans = _story([("Duncan Rait", "PERSON")], [("Duncan Raite", "PERSON")], [("Mr. Duncan Raite", "PERSON")])
    assert len(merge_entities(arts, ans)) == 1


def test_surnames_one_letter_apart_must_not_merge_across_first_names_or_a_feminine_form():
    arts, ans = _story([("Duncan Rait", "PERSON"), ("Ivan Petrov", "PERSON"), ("Jan Li", "PERSON")],
                       [("Mark Raite", "PERSON"), ("Ivan Petrova", "PERSON"), ("Jan Le", "PERSON")])
    assert len(merge_entities(arts, ans)) == 6


def test_romanisation_variants_of_a_full_arabic_name_merge_with_the_surname_alone():
    arts, ans = _story([("Muammar Gaddafi", "PERSON"), ("Gaddafi", "PERSON")],
                       [("Moammar Gadhafi", "PERSON"), ("Gadhafi", "PERSON")],
                       [("Mahmoud Abbas", "PERSON")], [("Mahmud Abbas", "PERSON")])
    assert len(merge_entities(arts, ans)) == 2


def test_romanisation_alternations_never_join_one_name_alone_or_other_first_names():
    # "Bush" / "Bosh" differ only by o / u, but a surname alone (or with another first name) is no variant
    arts, ans = _story([("George Bush", "PERSON"), ("Saif Gaddafi", "PERSON")],
                       [("Chris Bosh", "PERSON"), ("Muammar Gadhafi", "PERSON")], [("Bosh", "PERSON")])
    assert len(merge_entities(arts, ans)) == 4
