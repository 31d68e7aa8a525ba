"""Per-article entities: NER mentions clustered into people, organisations and places."""

from __future__ import annotations

from pathlib import Path

from newsprism.analyse.entities import local_entities
from newsprism.model import LocalEntity


def entities_of(nlp, text: str) -> list[LocalEntity]:
    found = local_entities(nlp(text))
    for e in found:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    return found


def person(found: list[LocalEntity], name: str) -> LocalEntity:
    matches = [e for e in found if e.type == "PERSON" and e.name == name]
    assert len(matches) == 1, [(e.name, e.type) for e in found]
    return matches[0]


def test_surname_title_and_full_name_are_one_person(nlp):
    text = (
        "Donald Trump flew to Alaska on Friday. Trump said the meeting went well. "
        "President Trump later left. Mr. Trump did not take questions."
    )
    found = entities_of(nlp, text)
    trump = person(found, "Donald Trump")
    assert len(trump.mentions) >= 3
    assert "Trump" in trump.aliases


def test_junior_is_a_different_person(nlp):
    text = "Donald Trump Jr. posted a video. His father, Donald Trump, spoke in Anchorage on Friday."
    found = entities_of(nlp, text)
    names = {e.name for e in found if e.type == "PERSON"}
    assert "Donald Trump" in names
    assert any(n.startswith("Donald Trump J") for n in names)


def test_role_from_apposition(nlp):
    text = "Yuri Ushakov, a Kremlin foreign policy aide, told reporters the meeting was over."
    ushakov = person(entities_of(nlp, text), "Yuri Ushakov")
    assert "Kremlin foreign policy aide" in ushakov.roles


def test_role_from_title_before_the_name(nlp):
    text = "Secretary of State Marco Rubio said on Friday that the talks were good."
    rubio = person(entities_of(nlp, text), "Marco Rubio")
    assert "Secretary of State" in rubio.roles


def test_role_from_apposition_before_the_name(nlp):
    text = "Ukraine's president, Volodymyr Zelensky, condemned the strikes."
    zelensky = person(entities_of(nlp, text), "Volodymyr Zelensky")
    assert any("president" in r for r in zelensky.roles)


def test_organisation_without_article_and_keys_are_unique(nlp):
    text = "The Kremlin said the talks were useful. The White House did not comment, and the Kremlin added nothing."
    found = entities_of(nlp, text)
    kremlin = [e for e in found if e.name == "Kremlin"]
    assert len(kremlin) == 1 and len(kremlin[0].mentions) == 2
    assert len({e.key for e in found}) == len(found)


def test_example_corpus_mentions_are_exact(nlp, example_dir: Path):
    for path in sorted(example_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = entities_of(nlp, text)
        assert found
        assert all(e.mentions and e.name for e in found)
