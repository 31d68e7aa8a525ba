"""Hand-made briefs for the report tests: small articles, every section filled, offsets exact.

Spans are located with ``str.index`` on the article text, so a fixture can never carry
a wrong offset; ``span_errors`` on the serialised brief is asserted in the tests too.
"""

from __future__ import annotations

from newsprism.model import (
    Article,
    ArticleAnalysis,
    Brief,
    Claim,
    CoverageRow,
    Entity,
    Fact,
    InputWarning,
    Paragraph,
    Quote,
    QuoteMention,
    QuoteVariant,
    Removal,
    Span,
    SummarySentence,
    TimelineEntry,
)


def find(article: Article, text: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th copy of ``text`` in the article."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(text, start + 1)
    return article.span(start, start + len(text))


def make_article(id: str, text: str, *, raw_extra: str = "", reason: str = "boilerplate", **meta) -> Article:
    raw = text + raw_extra
    removed = [Removal(raw_extra, len(text), len(raw), reason)] if raw_extra else []
    return Article(id=id, raw=raw, text=text, removed=removed, **meta)


def paragraphs(article: Article, labels: dict[int, tuple[str, list[str]]] | None = None) -> list[Paragraph]:
    """One Paragraph per line of the text; ``labels`` overrides the label of line i."""
    paras, pos = [], 0
    for i, line in enumerate(article.text.split("\n")):
        label, reasons = (labels or {}).get(i, ("reporting", []))
        paras.append(Paragraph(pos, pos + len(line), label, reasons))
        pos += len(line) + 1
    return paras


def mention(article: Article, quoted: str, speaker: str, name: str, kind: str = "direct") -> QuoteMention:
    q = find(article, quoted)
    s = find(article, speaker)
    return QuoteMention(
        article.id, q.start, q.end, q.text, kind=kind, speaker_mention=s, speaker_name=name, speaker_type="PERSON"
    )


def claim(article: Article, text: str, value: dict, unit: str, qualifier: str | None, sentence: str) -> Claim:
    c = find(article, text)
    return Claim(
        article.id,
        c.start,
        c.end,
        c.text,
        value=value,
        unit=unit,
        qualifier=qualifier,
        subject="talks",
        property="duration",
        sentence=find(article, sentence),
    )


def full_brief() -> Brief:
    """Three outlets, two quotes (one with a variant wording), a disputed and a single-source fact."""
    a1 = make_article(
        "reuters-1",
        "ANCHORAGE — Talks between the two leaders lasted nearly three hours on Friday, officials said.\n"
        "“We are prepared to put everything on the table,” Trump said after the meeting.\n"
        "Putin said the agreement would “open the road to peace” in Ukraine.\n"
        "It was the first summit on U.S. soil since 2021 | a rare event.\n"
        "In my view, the summit was a hollow spectacle that achieved nothing.",
        raw_extra="\nSign up for our newsletter!",
        outlet="Reuters",
        source_group="reuters",
        title="Trump and Putin end Alaska summit without a deal",
        url="https://example.com/reuters/alaska",
        published="2025-08-16",
    )
    a2 = make_article(
        "ap-1",
        "Trump and Putin met for more than three hours in Anchorage on Friday.\n"
        "“We have prepared to put everything to the table,” Trump told reporters.\n"
        "About 200 protesters gathered outside the base.\n"
        "Analysts said the meeting may signal a shift in U.S. policy.",
        outlet="AP",
        source_group="ap",
        title="Putin and Trump meet in Alaska",
        published="2025-08-16",
        url="https://example.com/ap/alaska",
    )
    a3 = make_article(
        "dispatch-1",
        "Presidents Trump and Putin talked for nearly three hours at the base on Friday.\n"
        "“We are prepared to put everything on the table,” the president said.\n"
        "Putin said the agreement would “open the road to peace.”",
        outlet="Anchorage Daily News",
        source_group="adn",
        title="Summit ends with no deal",
        published="2025-08-15",
    )
    articles = [a1, a2, a3]
    analyses = [
        ArticleAnalysis(a1.id, paragraphs=paragraphs(a1, {4: ("opinion", ["first person", "evaluative language"])})),
        ArticleAnalysis(a2.id, paragraphs=paragraphs(a2, {3: ("analysis", ["attributed interpretation"])})),
        ArticleAnalysis(a3.id, paragraphs=paragraphs(a3)),
    ]
    canonical = "We are prepared to put everything on the table"
    variant = "We have prepared to put everything to the table"
    q1 = Quote(
        "q1",
        "E1",
        "Donald Trump",
        canonical,
        "direct",
        articles=[a1.id, a2.id, a3.id],
        outlets=["Reuters", "AP", "Anchorage Daily News"],
        variants=[
            QuoteVariant(canonical, [a1.id, a3.id], []),
            QuoteVariant(
                variant,
                [a2.id],
                [
                    {"op": "equal", "a": "We", "b": "We"},
                    {"op": "replace", "a": "are", "b": "have"},
                    {"op": "equal", "a": "prepared to put everything", "b": "prepared to put everything"},
                    {"op": "replace", "a": "on", "b": "to"},
                    {"op": "equal", "a": "the table", "b": "the table"},
                ],
            ),
        ],
        mentions=[
            mention(a1, canonical, "Trump", "Donald Trump"),
            mention(a2, variant, "Trump", "Donald Trump"),
            mention(a3, canonical, "the president", "Donald Trump"),
        ],
    )
    q2 = Quote(
        "q2",
        "E2",
        "Vladimir Putin",
        "open the road to peace",
        "partial",
        articles=[a1.id, a3.id],
        outlets=["Reuters", "Anchorage Daily News"],
        variants=[QuoteVariant("open the road to peace", [a1.id, a3.id])],
        mentions=[
            mention(a1, "open the road to peace", "Putin", "Vladimir Putin", "partial"),
            mention(a3, "open the road to peace", "Putin", "Vladimir Putin", "partial"),
        ],
    )
    f1 = Fact(
        "f1",
        "duration of the talks",
        "disputed",
        claims=[
            claim(
                a1,
                "nearly three hours",
                {"low": 2.5, "high": 3},
                "hour",
                "nearly",
                "Talks between the two leaders lasted nearly three hours on Friday, officials said.",
            ),
            claim(
                a2,
                "more than three hours",
                {"low": 3, "high": 4},
                "hour",
                "more than",
                "Trump and Putin met for more than three hours in Anchorage on Friday.",
            ),
            claim(
                a3,
                "nearly three hours",
                {"low": 2.5, "high": 3},
                "hour",
                "nearly",
                "Presidents Trump and Putin talked for nearly three hours at the base on Friday.",
            ),
        ],
        source_groups=["reuters", "ap", "adn"],
        explanation="“nearly three hours” and “more than three hours” cannot both be true.",
    )
    protest = find(a2, "About 200 protesters")
    f2 = Fact(
        "f2",
        "protesters outside the base",
        "single_source",
        claims=[
            Claim(
                a2.id,
                protest.start,
                protest.end,
                protest.text,
                {"point": 200, "low": 200, "high": 200},
                "person",
                "about",
                subject="protesters",
                property="count",
                sentence=find(a2, "About 200 protesters gathered outside the base."),
            )
        ],
        source_groups=["ap"],
        explanation="Only AP reports it.",
    )
    coverage = [
        CoverageRow("reuters", ["Reuters"], [a1.id], facts=["f1"], quotes=["q1", "q2"]),
        CoverageRow(
            "ap", ["AP"], [a2.id], facts=["f1", "f2"], quotes=["q1"], exclusive_facts=["f2"], omitted_quotes=["q2"]
        ),
        CoverageRow("adn", ["Anchorage Daily News"], [a3.id], facts=["f1"], quotes=["q1", "q2"]),
    ]
    timeline = [
        TimelineEntry("2021", "year", "the last summit on U.S. soil", [find(a1, "since 2021")]),
        TimelineEntry(
            "2025-08-15",
            "day",
            "Trump and Putin meet in Anchorage",
            [find(a1, "on Friday"), find(a2, "on Friday"), find(a3, "on Friday")],
        ),
    ]
    summary = [
        SummarySentence(
            "Trump and Putin met in Alaska on Friday; the sources differ on whether the talks lasted "
            "nearly or more than three hours.",
            [
                find(a1, "Talks between the two leaders lasted nearly three hours on Friday, officials said."),
                find(a2, "Trump and Putin met for more than three hours in Anchorage on Friday."),
                find(a3, "Presidents Trump and Putin talked for nearly three hours at the base on Friday."),
            ],
        ),
        SummarySentence(
            "“We are prepared to put everything on the table,” Trump said after the meeting.",
            [
                find(a1, "“We are prepared to put everything on the table,” Trump said after the meeting."),
                find(a2, "“We have prepared to put everything to the table,” Trump told reporters."),
                find(a3, "“We are prepared to put everything on the table,” the president said."),
            ],
        ),
        SummarySentence(
            "Putin said the agreement would “open the road to peace.”",
            [
                find(a1, "Putin said the agreement would “open the road to peace” in Ukraine."),
                find(a3, "Putin said the agreement would “open the road to peace.”"),
            ],
        ),
    ]
    entities = [
        Entity(
            "E1",
            "Donald Trump",
            "PERSON",
            aliases=["Trump", "the president"],
            roles=["President"],
            articles=[a1.id, a2.id, a3.id],
        ),
        Entity("E2", "Vladimir Putin", "PERSON", aliases=["Putin"], articles=[a1.id, a2.id, a3.id]),
        Entity("E3", "Anchorage", "GPE", articles=[a2.id]),
    ]
    return Brief(
        generated="2025-08-16T12:00:00+00:00",
        articles=articles,
        analyses=analyses,
        entities=entities,
        quotes=[q1, q2],
        facts=[f1, f2],
        coverage=coverage,
        timeline=timeline,
        summary=summary,
        warnings=[InputWarning("feed.xml", "no article text found", "empty")],
    )


PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
)


def hostile_brief() -> Brief:
    """Every article-derived string carries script, event-handler and javascript: payloads."""
    script, img, js = PAYLOADS
    text = f"Officials said {script} was found.\n“Click {img} now,” the hacker said.\nVisit {js} for 3 prizes | more."
    a = make_article(
        'evil"><script>alert(1)</script>',
        text,
        raw_extra=f"\n{img}",
        reason=f"ad {script}",
        outlet=f"Evil {script}",
        source_group=f"g{img}",
        title=f"Title {img}",
        url=js,
        author=f"{img}",
        published="2025-08-15",
    )
    b = make_article(
        "plain",
        f"Another outlet says {js} and {img}.",
        outlet="Plain",
        source_group="plain",
        url="javascript:alert(document.cookie)",
        title="Plain",
    )
    said = find(a, f"Click {img} now")
    quote = Quote(
        f"q{script}",
        f"E{img}",
        f"Hacker {script}",
        said.text,
        "direct",
        articles=[a.id, b.id],
        outlets=[a.outlet, "Plain"],
        variants=[
            QuoteVariant(said.text, [a.id]),
            QuoteVariant(f"Click {js} {img}", [b.id], [{"op": "replace", "a": script, "b": img}]),
        ],
        mentions=[QuoteMention(a.id, said.start, said.end, said.text, speaker_name=f"Hacker {script}")],
        speaker_disagreement=True,
    )
    num = find(a, "3 prizes")
    fact = Fact(
        f"f{img}",
        f"prizes {script}",
        "single_source",
        claims=[
            Claim(
                a.id,
                num.start,
                num.end,
                num.text,
                {"point": 3},
                f"prize {img}",
                f"{script}",
                sentence=find(a, f"Visit {js} for 3 prizes | more."),
            )
        ],
        source_groups=[a.source_group],
        explanation=f"only {img}",
    )
    return Brief(
        generated="2025-08-16T12:00:00+00:00",
        articles=[a, b],
        entities=[
            Entity(f"E{script}", f"Name {script}", f"TYPE{img}", aliases=[img], roles=[js], articles=[a.id, b.id])
        ],
        analyses=[
            ArticleAnalysis(a.id, paragraphs=paragraphs(a, {2: ("opinion", [f"reason {script}"])})),
            ArticleAnalysis(b.id),
        ],
        quotes=[quote],
        facts=[fact],
        coverage=[
            CoverageRow(
                a.source_group, [a.outlet], [a.id], facts=[fact.id], quotes=[quote.id], exclusive_facts=[fact.id]
            )
        ],
        timeline=[TimelineEntry("2025-08-15", "day", f"event {script}", [find(a, "Officials said")])],
        summary=[
            SummarySentence(
                f"Summary {script} {img} {js}", [find(a, f"Officials said {script} was found."), find(b, js)]
            )
        ],
        warnings=[InputWarning(f"{img}.html", f"bad {script}", "input")],
    )
