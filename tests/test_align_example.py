"""End to end on the example story: cross-article entities and quotes hold their invariants."""

from __future__ import annotations

import pytest

from newsprism.align.names import parse_person, translit_key


@pytest.fixture(scope="module")
def brief(example_brief):
    if not any(an.quotes for an in example_brief.analyses):
        pytest.skip("the per-article step found no quotes")
    return example_brief


def test_every_quote_mention_span_is_exact(brief):
    texts = {a.id: a.text for a in brief.articles}
    for q in brief.quotes:
        assert q.mentions
        for m in q.mentions:
            assert texts[m.article][m.start : m.end] == m.text


def test_every_quote_mention_is_in_exactly_one_quote(brief):
    seen = [(m.article, m.start, m.end) for q in brief.quotes for m in q.mentions]
    assert len(seen) == len(set(seen))
    extracted = {(m.article, m.start, m.end) for an in brief.analyses for m in an.quotes}
    assert extracted <= set(seen)
    # Anything else is a statement reprinted without quotation marks: no cue, outside every
    # extracted mention of its article.
    for q in brief.quotes:
        for m in q.mentions:
            if (m.article, m.start, m.end) not in extracted:
                assert m.kind == "direct" and m.cue is None
                assert not any(a == m.article and s < m.end and m.start < e for a, s, e in extracted)


def test_quotes_are_aligned_across_independent_outlets_with_word_diffs(brief):
    groups = {a.id: a.source_group or a.id for a in brief.articles}
    shared = [q for q in brief.quotes if len({groups[a] for a in q.articles}) >= 2]
    assert shared, "no quote found in two independent source groups"
    assert any(v.diff for q in shared for v in q.variants)


def test_no_two_people_left_with_the_same_full_name_key(brief):
    keys = {}
    for e in brief.entities:
        if e.type != "PERSON":
            continue
        p = parse_person(e.name)
        if p is None or not p.given:
            continue
        key = (translit_key(p.given[0]), translit_key(p.surname), p.suffix)
        assert key not in keys, f"{e.name} and {keys[key]} were left apart"
        keys[key] = e.name


def test_every_local_entity_belongs_to_exactly_one_story_entity(brief):
    members = [m for e in brief.entities for m in e.members]
    assert len(members) == len(set(members))
    assert len(members) == sum(len(an.entities) for an in brief.analyses)
