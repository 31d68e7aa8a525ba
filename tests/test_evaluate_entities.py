"""ECB+ entity evaluation: the scorer on hand-computed cases, the corpus reader on a tiny document."""

from __future__ import annotations

import pytest

from newsprism.evaluate.entities import conll_scores, detokenize, gold_clusters, read_document

scorch = pytest.importorskip("scorch")


def test_conll_scores_match_hand_computed_values_on_gold_mentions():
    # key {a,b,c} {d,e}; response {a,b} {c,d,e}. By hand (Pradhan et al. 2014 formulas):
    # MUC R = P = 2/3; B³ R = P = 11/15; CEAF-e R = P = (0.8 + 0.8) / 2 = 0.8.
    key = [{"a", "b", "c"}, {"d", "e"}]
    response = [{"a", "b"}, {"c", "d", "e"}]
    s = conll_scores(key, response)
    assert s["muc_f1"] == pytest.approx(2 / 3)
    assert s["b3_f1"] == pytest.approx(11 / 15)
    assert s["ceafe_f1"] == pytest.approx(0.8)
    assert s["conll_f1"] == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_conll_scores_perfect_and_all_singletons():
    key = [{"a", "b"}, {"c"}]
    assert conll_scores(key, key)["conll_f1"] == pytest.approx(1.0)
    singletons = conll_scores(key, [{"a"}, {"b"}, {"c"}])
    assert singletons["muc_f1"] == 0.0  # MUC counts links only
    assert singletons["b3_precision"] == pytest.approx(1.0)


def test_muc_with_twinless_mentions_matches_the_reference_example():
    # The key/response pair of the reference scorer's documentation (Pradhan et al. 2014):
    # key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}: MUC R = P = 0.4.
    s = conll_scores([{"a", "b", "c"}, {"d", "e", "f", "g"}], [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}])
    assert s["muc_recall"] == pytest.approx(0.4)
    assert s["muc_precision"] == pytest.approx(0.4)


ECB_DOC = """<Document doc_name="99_1ecb.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Wally</token>
<token t_id="2" sentence="0" number="1">Oppal</token>
<token t_id="3" sentence="0" number="2">spoke</token>
<token t_id="4" sentence="1" number="0">Oppal</token>
<token t_id="5" sentence="1" number="1">left</token>
<token t_id="6" sentence="1" number="2">Canada</token>
<token t_id="7" sentence="2" number="0">He</token>
<Markables>
<HUMAN_PART_PER m_id="10"><token_anchor t_id="1"/><token_anchor t_id="2"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="11"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="12"><token_anchor t_id="4"/></HUMAN_PART_PER>
<LOC_GEO m_id="13"><token_anchor t_id="6"/></LOC_GEO>
<HUMAN_PART_PER m_id="14"><token_anchor t_id="7"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="oppal" instance_id="HUM1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="10" /><target m_id="20" /></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="2"><source m_id="12" /><target m_id="21" /></INTRA_DOC_COREF>
</Relations>
</Document>"""


def test_reader_keeps_entity_mentions_of_validated_sentences(tmp_path):
    path = tmp_path / "99_1ecb.xml"
    path.write_text(ECB_DOC, encoding="utf-8")
    doc = read_document(path, validated={("99_1ecb", 0), ("99_1ecb", 1)})
    by_id = {m.mid: m for m in doc.mentions}
    assert set(by_id) == {"10", "12", "13"}  # action out; sentence 2 not validated; descriptor unanchored
    assert by_id["10"].text == "Wally Oppal" and by_id["10"].gold == "HUM1"
    assert by_id["12"].gold == "99_1ecb:r2"  # intra-document chain
    assert by_id["13"].gold == "99_1ecb:m13"  # singleton
    assert len(gold_clusters([doc])) == 3


def test_detokenize_rejoins_split_names():
    assert detokenize(["T", "-", "Mobile", "USA", "'s"]) == "T-Mobile USA's"


def test_run_on_a_few_ecb_plus_documents_reports_the_conll_metrics(shared_data):
    from newsprism.evaluate.entities import run

    if not (shared_data / "ecb-plus").exists():
        pytest.skip("ECB+ not present")
    report = run("ecb-plus", shared_data, limit=3)
    for key in ("conll_f1", "muc_f1", "b3_f1", "ceafe_f1"):
        assert 0.0 <= report.metrics[key] <= 1.0
        assert 0.0 <= report.baselines["same_head_lemma"][key] <= 1.0
    assert report.extra["documents"] == 3


def _doc(name: str, sentences: list[str], mentions: list[tuple]) -> "Document":
    """mentions: (id, tag, sentence, first token, last token, gold)."""
    from newsprism.evaluate.entities import Document, Mention

    words = {i: s.split() for i, s in enumerate(sentences)}
    ms = [Mention(name, mid, tag, s, list(range(a, b + 1)), " ".join(words[s][a : b + 1]), gold)
          for mid, tag, s, a, b, gold in mentions]
    return Document(name, int(name.split("_")[0]), words, ms)


def test_gold_mentions_linked_in_a_document_become_one_local_entity():
    from newsprism.evaluate.entities import local_entities_of, parse_mentions

    doc = _doc("99_1ecb", ["Ellen DeGeneres will host the Oscars .", "She said she was thrilled ."],
               [("1", "HUMAN_PART_PER", 0, 0, 1, "g1"), ("2", "HUMAN_PART_PER", 1, 0, 0, "g1"),
                ("3", "HUMAN_PART_PER", 1, 2, 2, "g1")])
    parsed = parse_mentions([doc])
    assert [parsed[("99_1ecb", m)].kind for m in "123"] == ["name", "pronoun", "pronoun"]
    entities, members = local_entities_of(doc, parsed)
    assert len(entities) == 1 and entities[0].name == "Ellen DeGeneres"
    assert sorted(members[entities[0].key]) == ["1", "2", "3"]


def test_descriptions_merge_across_documents_through_merge_entities():
    from newsprism.evaluate.entities import newsprism_clusters, parse_mentions

    a = _doc("99_1ecb", ["Lindsay Lohan , the actress , entered rehab ."],
             [("1", "HUMAN_PART_PER", 0, 0, 1, "g1"), ("2", "HUMAN_PART_PER", 0, 4, 4, "g1")])
    b = _doc("99_2ecb", ["The actress left the clinic ."], [("1", "HUMAN_PART_PER", 0, 1, 1, "g1")])
    clusters = newsprism_clusters([[a, b]], parse_mentions([a, b]))
    assert {("99_1ecb", "1"), ("99_1ecb", "2"), ("99_2ecb", "1")} in clusters


def test_proper_name_takes_the_run_with_most_words():
    from spacy.tokens import Doc

    from newsprism.analyse.entities import mention_head
    from newsprism.analyse.nlp import load_nlp
    from newsprism.evaluate.entities import proper_name

    nlp = load_nlp()
    doc = nlp(Doc(nlp.vocab, words="Dr . Regina Benjamin , M . D .".split()))
    span = doc[0 : len(doc)]
    name = proper_name(span, mention_head(span))
    assert name is not None and "Regina Benjamin" in name and "M" not in name.split()


def test_stories_split_documents_of_unrelated_events():
    from newsprism.evaluate.entities import cluster_stories

    oscars = "DeGeneres Oscars host Academy ceremony comedian announced hosting".split()
    quake = "earthquake magnitude Indonesia Aceh tremor killed villages collapsed".split()
    docs = [_doc(f"99_{i}ecb", [" ".join(words)], []) for i, words in enumerate([oscars, oscars[1:], quake, quake[1:]])]
    stories = cluster_stories(docs, 0.2)
    assert sorted(sorted(d.name for d in s) for s in stories) == [["99_0ecb", "99_1ecb"], ["99_2ecb", "99_3ecb"]]


def test_prepositional_markable_takes_its_object_as_head_when_the_parse_leaves_it_outside():
    from spacy.tokens import Doc

    from newsprism.analyse.nlp import load_nlp
    from newsprism.evaluate.entities import _prepositional_object

    nlp = load_nlp()
    # "in" heads the span but its object "Queens" hangs elsewhere (a parse the corpus often gets).
    doc = Doc(nlp.vocab, words=["killed", "in", "Queens"], pos=["VERB", "ADP", "PROPN"],
              heads=[0, 0, 0], deps=["ROOT", "prep", "npadvmod"])
    assert _prepositional_object(doc[1:3], doc[1]).text == "Queens"
    assert _prepositional_object(doc[1:2], doc[1]).text == "in"  # nothing after it: unchanged


def test_prepositional_object_is_the_first_noun_run_not_a_later_modifier():
    from spacy.tokens import Doc

    from newsprism.analyse.nlp import load_nlp
    from newsprism.evaluate.entities import _prepositional_object

    nlp = load_nlp()
    words = "in the Gulf of Aden , between the Horn of Africa".split()
    pos = ["ADP", "DET", "PROPN", "ADP", "PROPN", "PUNCT", "ADP", "DET", "PROPN", "ADP", "PROPN"]
    doc = Doc(nlp.vocab, words=words, pos=pos, heads=[0] * len(words), deps=["ROOT"] + ["dep"] * (len(words) - 1))
    assert _prepositional_object(doc[0:], doc[0]).text == "Gulf"
    # must: a compound run ends at its last noun ("in New Zealand mountains" is about mountains)
    doc = Doc(nlp.vocab, words="in New Zealand mountains".split(), pos=["ADP", "PROPN", "PROPN", "NOUN"],
              heads=[0, 0, 0, 0], deps=["ROOT", "dep", "dep", "dep"])
    assert _prepositional_object(doc[0:], doc[0]).text == "mountains"


def test_proper_name_keeps_capitalised_words_the_tagger_missed_but_not_a_determiner():
    from spacy.tokens import Doc

    from newsprism.analyse.nlp import load_nlp
    from newsprism.evaluate.entities import proper_name

    nlp = load_nlp()
    # The small tagger reads "Raj" as an adverb and "K" as an interjection.
    doc = Doc(nlp.vocab, words="Raj K . Chohan was hit".split(), pos=["ADV", "INTJ", "PUNCT", "PROPN", "AUX", "VERB"])
    assert proper_name(doc[0:4], doc[3]) == "Raj K. Chohan"
    # must not: a sentence-initial determiner or preposition is no part of the name
    doc = Doc(nlp.vocab, words="The Queens driver".split(), pos=["DET", "PROPN", "NOUN"])
    assert proper_name(doc[0:2], doc[1]) == "Queens"
