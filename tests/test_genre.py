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
