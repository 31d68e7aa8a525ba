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


# --- meaning, not wording: sentence embeddings -------------------------------------------------

VOTE = "The city council voted on Tuesday to close the main library branch next spring."
VOTE_PARAPHRASE = "On Tuesday, council members approved shutting down the central library branch next spring."


def _analysed(nlp, texts: list[str]):
    articles = [Article(id=f"p{i}", raw=t, text=t, source_group=f"outlet{i}") for i, t in enumerate(texts)]
    analyses = []
    for a in articles:
        doc = nlp(a.text)
        paragraphs, mixed = label_paragraphs(doc, [])
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        analyses.append(ArticleAnalysis(article=a.id, sentences=sentences, paragraphs=paragraphs, mixed=mixed))
    return articles, analyses


def test_two_paraphrased_sentences_only_one_is_chosen(nlp):
    from newsprism.brief.sentences import TfidfSpace, cosine
    from newsprism.brief.summary import REDUNDANT_WORDS

    # their words barely overlap: lexical similarity alone would keep both
    space = TfidfSpace([VOTE, VOTE_PARAPHRASE])
    assert cosine(space.vector(VOTE), space.vector(VOTE_PARAPHRASE)) < REDUNDANT_WORDS
    articles, analyses = _analysed(nlp, [
        VOTE + "\nStaff at the branch will be moved to two other libraries in the city, the city manager said.",
        VOTE_PARAPHRASE + "\nBudget pressures forced the decision, council members said during the long meeting.",
    ])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert sum(s.text in (VOTE, VOTE_PARAPHRASE) for s in summary) == 1
    assert any("Staff at the branch" in s.text for s in summary)


def test_sentence_carried_by_three_outlets_outranks_leads_carried_by_one(nlp):
    leads = [
        "A bakery opened on Main Street this week, selling bread and cakes to the neighbourhood.",
        "The river rose by two metres overnight after heavy rain in the hills above the town.",
        "The regional football team signed a new goalkeeper from a club in the north on Monday.",
        "Road works on the ring road will continue until the end of the month, the agency said.",
    ]
    carriers = [
        VOTE,
        VOTE_PARAPHRASE,
        "The council decided on Tuesday to close the main library branch in the spring.",
        "Council members voted Tuesday for closing the city's main library branch next spring.",
    ]
    articles, analyses = _analysed(nlp, [f"{lead}\n{vote}" for lead, vote in zip(leads, carriers)])
    # room for one sentence: the one every outlet carries wins over each outlet's own lead
    summary = summarize(articles, analyses, StoryAlignment(), max_words=16)
    assert len(summary) == 1 and summary[0].text in carriers


def test_citations_cover_every_article_that_carries_the_sentence_and_no_other(nlp):
    articles, analyses = _analysed(nlp, [
        VOTE + "\nStaff at the branch will be moved to two other libraries in the city, the city manager said.",
        VOTE_PARAPHRASE + "\nBudget pressures forced the decision, council members said during the long meeting.",
        "The library board said about 40,000 people used the east side branch last year.",
    ])
    texts = {a.id: a.text for a in articles}
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    vote = next(s for s in summary if s.text in (VOTE, VOTE_PARAPHRASE))
    # the paraphrase in the other outlet is cited; the article about visitor numbers is not
    assert {span.article for span in vote.sources} == {"p0", "p1"}
    assert {span.text for span in vote.sources} == {VOTE, VOTE_PARAPHRASE}
    for span in vote.sources:
        assert texts[span.article][span.start : span.end] == span.text


def test_meaning_alone_does_not_make_a_citation():
    from newsprism.brief.summary import carries

    assert carries(meaning=0.8, words=0.35)
    assert not carries(meaning=0.8, words=0.1)  # same topic, other facts
    assert carries(meaning=0.5, words=0.6)  # same words


def test_same_quotation_twice_is_said_once(nlp):
    articles, analyses = _analysed(nlp, [
        "The mayor called the meeting with union leaders “extremely productive,” speaking after three hours of talks.",
        "The union leader described the meeting as “extremely productive” but said pay remained an open issue.",
    ])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert sum("extremely productive" in s.text for s in summary) == 1


def test_dateline_is_left_out_of_the_sentence_and_its_span(nlp):
    text = "WASHINGTON (AP) — The Senate passed the spending bill on Monday after a debate of two days."
    articles, analyses = _analysed(nlp, [text])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert summary[0].text.startswith("The Senate passed")
    span = summary[0].sources[0]
    assert text[span.start : span.end] == span.text == summary[0].text


def test_title_in_quotation_marks_needs_no_speaker():
    from newsprism.brief.summary import _unattributed_quote

    title = 'The actor appeared in "General Hospital" and several other series over three decades.'
    statement = "“The decision will hurt families across the whole east side,” at the meeting on Tuesday."
    conceding = 'The campaign memo was circulated Monday, conceding that the president "has seen a bounce from his convention."'
    assert not _unattributed_quote(title, None, 0, len(title))
    assert _unattributed_quote(statement, None, 0, len(statement))
    assert not _unattributed_quote(conceding, None, 0, len(conceding))


def test_missing_embeddings_fail_with_the_install_message(story, monkeypatch):
    from newsprism.analyse import embeddings
    from newsprism.brief import summary as summary_module

    def unavailable(texts):
        raise embeddings.EmbeddingsUnavailable("Sentence embeddings need the model package ...")

    monkeypatch.setattr(summary_module.embeddings, "embed", unavailable)
    articles, analyses = story
    with pytest.raises(embeddings.EmbeddingsUnavailable):
        summarize(articles, analyses, StoryAlignment())


def test_sentence_opening_on_he_is_taken_with_the_sentence_naming_him(nlp):
    text = (
        "Mayor Ann Lee met union leaders on Tuesday to discuss the pay dispute at city hall. "
        "She said the talks would continue next week with a new offer on wages."
    )
    articles, analyses = _analysed(nlp, [text])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert not any(s.text.startswith("She") for s in summary)
    joined = [s for s in summary if "She said" in s.text]
    assert joined and all("Mayor Ann Lee" in s.text for s in joined)
    for s in summary:
        span = s.sources[0]
        assert text[span.start : span.end] == span.text == s.text


def test_quotation_second_sentence_keeps_its_speaker(nlp):
    text = (
        "“We are close to a deal on the new contract,” the mayor, Ann Lee, said on Tuesday after the talks. "
        "“But the union has to move on pay first, and it has not done so yet.”"
    )
    from newsprism.brief.summary import _follows_on, _standalone

    articles, analyses = _analysed(nlp, [text])
    first, second = analyses[0].sentences
    # alone, the second sentence is a quotation without its speaker; joined, it reads on its own
    assert not _standalone(articles[0], analyses[0], [], *second)
    assert _follows_on(articles[0], analyses[0], [], first, second)
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert all("Ann Lee" in s.text for s in summary if "union has to move" in s.text)


# --- session 3: attribution kept without dropping attributed sentences -------------------------


def test_sentence_naming_its_speaker_keeps_a_quotation_that_runs_on():
    from newsprism.brief.summary import _unattributed_quote

    # the quotation continues in the next sentence, but this one says who is speaking
    text = 'Professor Ann Lee, of the state university, said: "This is the first convincing report of a drug that slows the disease.'
    assert not _unattributed_quote(text, None, 0, len(text))


def test_sentence_starting_inside_a_quotation_is_not_used_alone():
    from newsprism.brief.summary import _starts_inside_quote, _unattributed_quote

    inside = 'and that is why the drug works so well in mice," the professor told reporters on Tuesday.'
    assert _starts_inside_quote(inside)
    assert _unattributed_quote(inside, None, 0, len(inside))
    assert not _starts_inside_quote('The mayor called the plan "a good start" for the city.')


def test_capitalised_first_person_is_someones_unmarked_words():
    from newsprism.brief.summary import _unattributed_quote

    text = "We were told that drugs were not involved in the crash on the highway."
    assert _unattributed_quote(text, None, 0, len(text))
    us = "The US and Canada signed the new trade agreement in Ottawa on Monday."
    assert not _unattributed_quote(us, None, 0, len(us))


def test_quotation_whose_speaker_comes_next_is_taken_with_that_sentence(nlp):
    text = (
        "“The talks went well and an agreement on pay is expected within days. "
        "The union must now put the offer to a vote of its members,” the mayor, Ann Lee, said on Tuesday."
    )
    articles, analyses = _analysed(nlp, [text])
    assert len(analyses[0].sentences) == 2
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    opening = [s for s in summary if "agreement on pay" in s.text]
    assert opening and all("Ann Lee" in s.text for s in opening)
    span = opening[0].sources[0]
    assert text[span.start : span.end] == span.text == opening[0].text


def test_quotation_attributed_only_to_he_is_not_used_alone():
    from newsprism.brief.summary import _unattributed_quote

    alone = "“I agree with President Trump that the security of Ukraine should be ensured as well,” he said."
    assert _unattributed_quote(alone, None, 0, len(alone))  # "he" next to "Trump": the reader would guess wrong
    paired = "Putin spoke after the talks. " + alone
    assert not _unattributed_quote(paired, None, 0, len(paired))  # taken with the sentence naming him
    assert not _unattributed_quote(alone.replace("he said", "Putin said"), None, 0, len(alone) + 3)


# --- session 4: a pronoun speaker named in brackets --------------------------------------------


def _pipeline(texts: list[str]):
    from newsprism.analyse.pipeline import analyse_articles

    articles = [Article(id=f"n{i}", raw=t, text=t, source_group=f"outlet{i}") for i, t in enumerate(texts)]
    return articles, list(analyse_articles(articles))


def test_quotation_attributed_to_he_is_used_with_the_resolved_speaker_in_brackets():
    text = (
        "Mayor Ann Lee met union leaders at city hall on Tuesday morning.\n"
        "“We are close to a deal on pay and the union knows it,” she said after the meeting."
    )
    articles, analyses = _pipeline([text])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    named = [s for s in summary if "close to a deal" in s.text]
    assert named and named[0].text == "“We are close to a deal on pay and the union knows it,” [Ann Lee] said after the meeting."
    span = named[0].sources[0]  # the citation is the outlet's own sentence, exactly
    assert text[span.start : span.end] == span.text == named[0].text.replace("[Ann Lee]", "she")


def test_unresolved_pronoun_speaker_is_still_not_used_alone():
    # nobody named before the quotation: the quote step cannot resolve "he", so nothing is bracketed
    text = (
        "The negotiations at city hall ran late into the night on Tuesday.\n"
        "“We are close to a deal on pay and the union knows it,” he said after the meeting."
    )
    articles, analyses = _pipeline([text])
    summary = summarize(articles, analyses, StoryAlignment(), max_words=200)
    assert not any("close to a deal" in s.text for s in summary)


# --- session 4: learned candidate weights ----------------------------------------------------------


def test_every_feature_has_a_weight_and_nothing_else_does():
    from newsprism.brief.summary import FEATURES, WEIGHTS

    assert set(WEIGHTS) == set(FEATURES) and len(FEATURES) == len(set(FEATURES))


def test_weight_fitting_recovers_which_feature_predicts_the_label():
    import importlib.util
    from pathlib import Path

    import numpy as np

    from newsprism.brief.summary import FEATURES, SCORE_SCALE

    path = Path(__file__).resolve().parents[1] / "eval" / "train_summary_weights.py"
    spec = importlib.util.spec_from_file_location("train_summary_weights", path)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, len(FEATURES)))
    y = 0.05 * X[:, FEATURES.index("word_centrality")] + 0.001 * rng.normal(size=400)
    weights = train.fit([(0, X, y)])
    assert abs(weights["word_centrality"] - 0.05 * SCORE_SCALE) < 0.05
    assert all(abs(w) < 0.05 for name, w in weights.items() if name != "word_centrality")


def test_word_centroid_is_unit_length_and_leans_to_shared_words():
    from newsprism.brief.sentences import TfidfSpace, centroid, cosine

    texts = ["The council closed the library.", "The library closed on Tuesday.", "Rain fell in the hills."]
    space = TfidfSpace(texts)
    centre = centroid(space.vector(t) for t in texts)
    assert abs(sum(v * v for v in centre.values()) - 1.0) < 1e-9
    assert cosine(space.vector(texts[0]), centre) > cosine(space.vector(texts[2]), centre)
