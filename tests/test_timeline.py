"""Timeline: one entry per event across outlets, sorted, unresolved dates kept and marked."""

from __future__ import annotations

from newsprism.analyse.times import extract_times
from newsprism.brief.timeline import build_timeline
from newsprism.model import Article, ArticleAnalysis


def _story(nlp, texts, published=None):
    articles = [Article(id=f"a{i}", raw=t, text=t, published=published) for i, t in enumerate(texts)]
    analyses = [ArticleAnalysis(article=a.id, times=extract_times(nlp(a.text), a.id, a.published)) for a in articles]
    return articles, analyses


def test_same_event_told_by_two_outlets_is_one_entry(nlp):
    articles, analyses = _story(
        nlp,
        [
            "Russia annexed the Crimean Peninsula in 2014 after a disputed referendum.",
            "In 2014, Russia annexed Crimea's peninsula following a referendum.",
        ],
    )
    timeline = build_timeline(articles, analyses)
    assert len(timeline) == 1
    entry = timeline[0]
    assert (entry.date, entry.precision, entry.resolved) == ("2014", "year", True)
    assert {s.article for s in entry.sources} == {"a0", "a1"}
    for s in entry.sources:
        text = next(a.text for a in articles if a.id == s.article)
        assert text[s.start : s.end] == s.text


def test_entries_are_sorted_by_date_and_unresolved_come_last(nlp):
    articles, analyses = _story(
        nlp,
        [
            "The leaders met in Alaska on Friday to discuss a ceasefire in the war. "
            "The war began in February 2022 when troops crossed the border. "
            "Russia annexed the Crimean Peninsula in 2014 after a referendum."
        ],
    )
    timeline = build_timeline(articles, analyses)
    assert [e.date for e in timeline] == ["2014", "2022-02", "Friday"]
    assert [e.resolved for e in timeline] == [True, True, False]


def test_different_events_on_the_same_date_stay_apart(nlp):
    articles, analyses = _story(
        nlp,
        [
            "The central bank raised interest rates on March 3, 2024 by half a point.",
            "A powerful earthquake struck the northern coast on March 3, 2024, killing dozens.",
        ],
    )
    assert len(build_timeline(articles, analyses)) == 2


TIMEML = """<?xml version="1.0" ?><TimeML>
<DOCID>smoke</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
The minister resigned on <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> after
<TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> in office &amp; will testify
<TIMEX3 tid="t3" type="DATE" value="2013-04">next month</TIMEX3>. She took office in <TIMEX3 tid="t4" type="DATE" value="2010">2010</TIMEX3>.
</TEXT></TimeML>"""


def test_timeml_parsing_and_scoring_on_hand_written_document(nlp):
    from newsprism.evaluate.timeline import Counts, newsprism_predictions, parse_timeml

    doc = parse_timeml(TIMEML)
    assert str(doc.dct) == "2013-03-22"
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    gold = [t for t in doc.timexes if t.type == "DATE"]
    others = [t for t in doc.timexes if t.type != "DATE"]
    counts = Counts()
    counts.add(gold, others, newsprism_predictions(nlp(doc.text), doc.dct))
    metrics = counts.metrics()
    assert counts.gold == 3
    assert metrics["value_accuracy"] == 1.0 and metrics["relaxed_recall"] == 1.0


def test_the_same_event_in_other_words_is_one_entry(nlp):
    # "launched an invasion" / "invaded": different words for one event in the same year.
    articles, analyses = _story(
        nlp,
        [
            "Moscow launched an all-out invasion of Ukraine in 2022.",
            "Since then, Russian troops invaded the whole country in 2022.",
        ],
    )
    timeline = build_timeline(articles, analyses)
    assert len(timeline) == 1 and {s.article for s in timeline[0].sources} == {"a0", "a1"}


def test_unrelated_events_of_one_year_stay_apart_even_when_embedded(nlp):
    articles, analyses = _story(
        nlp,
        [
            "Moscow launched an all-out invasion of its neighbour in 2022.",
            "The company reported record profits for its shareholders in 2022.",
        ],
    )
    assert len(build_timeline(articles, analyses)) == 2


def test_grouping_does_not_depend_on_the_order_of_articles(nlp):
    texts = [
        "Moscow launched an all-out invasion of Ukraine in 2022.",
        "The company reported record profits for its shareholders in 2022.",
        "Russian troops invaded the whole country in 2022.",
        "Since Russia invaded Ukraine in 2022, trade has collapsed.",
    ]
    forward = build_timeline(*_story(nlp, texts))
    backward = build_timeline(*_story(nlp, texts[::-1]))
    assert sorted(len(e.sources) for e in forward) == sorted(len(e.sources) for e in backward) == [1, 3]
