"""Coverage per source group: carried, exclusive, omitted (when two other groups carry it)."""

from __future__ import annotations

from newsprism.align.coverage import build_coverage
from newsprism.model import Article, Claim, Fact, Quote, QuoteMention


def art(aid: str, group: str, outlet: str | None = None) -> Article:
    return Article(id=aid, raw="x", text="x", source_group=group, outlet=outlet)


def claim(aid: str) -> Claim:
    return Claim(article=aid, start=0, end=1, text="x", value={"low": 1, "high": 1}, unit="count")


def test_carried_exclusive_and_omitted():
    articles = [art("a", "ap", "AP"), art("b", "ap", "Yahoo"), art("c", "bbc", "BBC"), art("d", "cnn", "CNN")]
    facts = [
        Fact(id="f-1", topic="t", status="corroborated", claims=[claim("c"), claim("d")]),
        Fact(id="f-2", topic="t", status="single_source", claims=[claim("a"), claim("b")]),
    ]
    quotes = [Quote(id="q-1", speaker=None, speaker_name=None, text="x", kind="direct", articles=["a", "c"],
                    mentions=[QuoteMention(article="a", start=0, end=1, text="x")])]
    rows = {r.source_group: r for r in build_coverage(articles, quotes, facts)}
    assert list(rows) == ["ap", "bbc", "cnn"]
    assert rows["ap"].outlets == ["AP", "Yahoo"] and rows["ap"].articles == ["a", "b"]
    assert rows["ap"].facts == ["f-2"] and rows["ap"].exclusive_facts == ["f-2"]
    assert rows["ap"].omitted_facts == ["f-1"]  # bbc and cnn both carry it
    assert rows["bbc"].quotes == ["q-1"] and rows["cnn"].omitted_quotes == ["q-1"]
    assert rows["bbc"].omitted_facts == []  # only one other group carries f-2


def test_syndicated_copies_do_not_make_an_omission():
    articles = [art("a", "ap"), art("b", "ap"), art("c", "bbc")]
    facts = [Fact(id="f-1", topic="t", status="single_source", claims=[claim("a"), claim("b")])]
    rows = {r.source_group: r for r in build_coverage(articles, [], facts)}
    assert rows["bbc"].omitted_facts == []
