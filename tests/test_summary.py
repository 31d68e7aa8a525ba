"""Cited summary: exact citations in every carrying article, attribution kept, no repeats, word cap."""

from __future__ import annotations

import pytest

from newsprism.analyse.genre import label_paragraphs
from newsprism.brief.summary import summarize
from newsprism.model import Article, ArticleAnalysis, Claim, Fact, StoryAlignment

A = (
    "The city council voted on Tuesday to close the main library branch next spring.\n"
    "The branch has served the east side of the city since 1962, according to city records.\n"
    "“This is a sad day for our neighbourhood,” said Maria Lopez, who leads the residents' association.\n"
    "I think the council has made a shameful mistake, and we should all tell them so."
)
B = (
    "The city council voted Tuesday to close the main library branch next spring, officials said.\n"
    "Staff at the branch will be moved to two other libraries in the city, the city manager said.\n"
    "Budget pressures forced the decision, council members said during the long meeting."
)
C = (
    "On Tuesday the city council voted to close the main library branch next spring.\n"
    "The library board said about 40,000 people used the east side branch last year.\n"
)


@pytest.fixture(scope="module")
def story(nlp):
    articles = [
        Article(id=f"a{i}", raw=t, text=t, outlet=f"Outlet {i}", source_group=f"g{i}") for i, t in enumerate((A, B, C))
    ]
    analyses = []
    for a in articles:
        doc = nlp(a.text)
        paragraphs, mixed = label_paragraphs(doc, [])
        analyses.append(
            ArticleAnalysis(article=a.id, sentences=[(s.start_char, s.end_char) for s in doc.sents], paragraphs=paragraphs, mixed=mixed)
        )
    return articles, analyses


def test_every_citation_is_exact(story):
    articles, analyses = story
    texts = {a.id: a.text for a in articles}
    summary = summarize(articles, analyses, StoryAlignment())
    assert summary
    for sentence in summary:
        assert sentence.sources
        for span in sentence.sources:
            assert texts[span.article][span.start : span.end] == span.text


def test_content_carried_by_all_outlets_cites_every_article(story):
    articles, analyses = story
    summary = summarize(articles, analyses, StoryAlignment())
    vote = next(s for s in summary if "voted" in s.text)
    assert {span.article for span in vote.sources} == {"a0", "a1", "a2"}


def test_no_two_sentences_say_the_same_thing(story):
    articles, analyses = story
    summary = summarize(articles, analyses, StoryAlignment())
    assert sum("voted" in s.text and "library" in s.text for s in summary) == 1
    assert len({s.text for s in summary}) == len(summary)


def test_opinion_paragraph_is_left_out(story):
    articles, analyses = story
    summary = summarize(articles, analyses, StoryAlignment())
    assert not any("shameful" in s.text for s in summary)


def test_attribution_is_kept_with_the_quote(story):
    articles, analyses = story
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    for s in summary:
        if "“" in s.text:
            assert "said" in s.text


def test_word_cap_is_respected(story):
    articles, analyses = story
    for cap in (20, 40, 80):
        summary = summarize(articles, analyses, StoryAlignment(), max_words=cap)
        assert sum(len(s.text.split()) for s in summary) <= cap


def test_disputed_fact_is_not_taken_sides_on(story):
    articles, analyses = story
    text = C
    start = text.index("The library board")
    end = text.index("last year.") + len("last year.")
    claim = Claim(article="a2", start=start, end=end, text=text[start:end], value={"low": 40000, "high": 40000}, unit="person")
    other = Claim(article="a0", start=0, end=10, text=A[:10], value={"low": 25000, "high": 25000}, unit="person")
    fact = Fact(id="f1", topic="branch users last year", status="disputed", claims=[claim, other])
    summary = summarize(articles, analyses, StoryAlignment(facts=[fact]))
    assert not any("40,000" in s.text for s in summary)
    differ = [s for s in summary if s.text.startswith("Sources differ")]
    assert differ and {sp.article for sp in differ[0].sources} == {"a0", "a2"}


def test_sentence_opening_on_a_pronoun_is_not_used():
    from newsprism.brief.summary import PRONOUN_START_RE

    assert PRONOUN_START_RE.match("He added that several points remain open.")
    assert not PRONOUN_START_RE.match("Helsinki hosted the talks.")


def test_corroborated_fact_links_citations_across_different_wordings():
    import newsprism
    from newsprism.model import Article

    def article(id_, group, text):
        return Article(id=id_, raw=text, text=text, source_group=group)

    brief = newsprism.analyze([
        article("x", "gx", "Rebel forces now control roughly one-fifth of the country's territory after the offensive."),
        article("y", "gy", "The insurgents hold about 20% of the national territory, according to maps."),
    ])
    fact = next(f for f in brief.facts if f.status == "corroborated")
    holder = {c.article for c in fact.claims}
    assert holder == {"x", "y"}
    # the two sentences share almost no words, yet each cites the other: they hold the same fact
    texts = {a.id: a.text for a in brief.articles}
    cited = next(s for s in brief.summary if "one-fifth" in s.text)
    assert {src.article for src in cited.sources} == {"x", "y"}
    for src in cited.sources:
        assert texts[src.article][src.start:src.end] == src.text
