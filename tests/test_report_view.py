"""The report's building blocks: span nesting, word diffs, ids, labels, values."""

from datetime import date

from newsprism.model import Article
from newsprism.report.view import (
    Node,
    article_labels,
    diff_changes,
    format_date,
    format_timestamp,
    format_value,
    nest_spans,
    safe_id,
    safe_url,
    word_diff,
)


def _flatten(nodes: list[Node]) -> str:
    return "".join(n.text if n.kind == "text" else _flatten(n.children) for n in nodes)


def _text_of(nodes: list[Node], anchor: str) -> str | None:
    for n in nodes:
        if n.anchor == anchor:
            return _flatten(n.children)
        found = _text_of(n.children, anchor)
        if found is not None:
            return found
    return None


def _intervals(nodes: list[Node], out: list | None = None) -> list[tuple[int, int]]:
    out = [] if out is None else out
    for n in nodes:
        if n.kind != "text":
            out.append((n.start, n.end))
            _intervals(n.children, out)
    return out


def proto(anchor: str, kind: str = "mark") -> Node:
    return Node(kind, 0, 0, anchor=anchor, classes=kind)


def test_nested_spans_keep_the_text_and_the_target_text():
    text = "Talks lasted nearly three hours, officials said."
    items = [(0, len(text), 2, proto("sentence")), (13, 31, 1, proto("claim"))]
    nodes = nest_spans(text, items)
    assert _flatten(nodes) == text
    assert _text_of(nodes, "sentence") == text
    assert _text_of(nodes, "claim") == "nearly three hours"


def test_crossing_spans_split_the_lower_priority_one_into_non_overlapping_pieces():
    text = "abcdefghij"
    nodes = nest_spans(text, [(4, 8, 1, proto("low")), (2, 6, 2, proto("high"))])
    assert _flatten(nodes) == text
    assert _text_of(nodes, "high") == "cdef"  # the link target stays whole
    pieces = sorted(iv for iv in _intervals(nodes) if iv != (2, 6))
    assert pieces == [(4, 6), (6, 8)]
    for a in _intervals(nodes):  # every pair nests or is disjoint
        for b in _intervals(nodes):
            assert a[1] <= b[0] or b[1] <= a[0] or (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def test_a_split_span_keeps_its_anchor_on_the_first_piece_only():
    nodes = nest_spans("abcdefghij", [(4, 8, 1, proto("low")), (2, 6, 2, proto("high"))])
    anchors = [n.anchor for n in _walk(nodes) if n.kind == "mark"]
    assert anchors.count("low") == 1


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def test_spans_are_split_at_paragraph_boundaries():
    text = "one two\nthree four"
    items = [(0, 7, 3, proto("p0", "para")), (8, 18, 3, proto("p1", "para")), (4, 13, 1, proto("q"))]
    nodes = nest_spans(text, items)
    assert _flatten(nodes) == text
    assert [n.kind for n in nodes if n.kind != "text"] == ["para", "mark", "para"]  # the "\n" piece sits between


def test_out_of_range_and_empty_spans_are_ignored():
    nodes = nest_spans("abc", [(2, 2, 1, proto("empty")), (1, 99, 1, proto("long"))])
    assert _text_of(nodes, "empty") is None
    assert _text_of(nodes, "long") == "bc"


def test_word_diff_uses_complete_aligner_ops():
    ops = [
        {"op": "equal", "a": "we", "b": "we"},
        {"op": "replace", "a": "are", "b": "have"},
        {"op": "equal", "a": "prepared", "b": "prepared"},
    ]
    pieces = word_diff("we are prepared", "we have prepared", ops)
    assert [(p.op, p.text) for p in pieces] == [
        ("equal", "we"),
        ("delete", "are"),
        ("insert", "have"),
        ("equal", "prepared"),
    ]


def test_word_diff_recomputes_when_ops_list_only_the_changes():
    pieces = word_diff("put it on the table", "put it to the table", [{"op": "replace", "a": "on", "b": "to"}])
    assert diff_changes(pieces) == [("on", "to")]
    assert " ".join(p.text for p in pieces if p.op != "delete") == "put it to the table"


def test_word_diff_accepts_difflib_opcodes():
    ops = [("equal", 0, 1, 0, 1), ("replace", 1, 2, 1, 2)]
    assert diff_changes(word_diff("in Kiev", "in Kyiv", ops)) == [("Kiev", "Kyiv")]


def test_safe_id_keeps_plain_ids_and_rewrites_others_distinctly():
    assert safe_id("000_ac7d19e1") == "000_ac7d19e1"
    a, b = safe_id('x"><script>'), safe_id("x'><script>")
    assert a != b
    assert all(c.isalnum() or c in "_-" for c in a + b)


def test_only_http_urls_are_linkable():
    assert safe_url("https://example.com/a?b=c") == "https://example.com/a?b=c"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", " javascript:x", "//evil", None, ""):
        assert safe_url(bad) is None


def test_article_labels_number_several_articles_from_one_outlet():
    arts = [Article("a", "", "", outlet="AP"), Article("b", "", "", outlet="AP"), Article("c", "", "", title="T")]
    assert article_labels(arts) == {"a": "AP (1)", "b": "AP (2)", "c": "Article 3"}


def test_values_and_dates_read_naturally():
    assert format_value({"low": 2.5, "high": 3.0}, "hour") == "2.5–3 hour"
    assert format_value({"point": 200, "low": 200, "high": 200}, "person", "about") == "about 200 person"
    assert format_value({"low": 3, "high": None}, "hour") == "≥ 3 hour"
    assert format_value({"low": 3, "high": float("inf")}, "hour") == "≥ 3 hour"
    assert format_value({"low": 18, "high": 22}, "percent") == "18% – 22%"
    assert format_value({"point": 2, "low": 2, "high": 2}, "ordinal") == "2nd"
    y2022 = {"low": date(2022, 1, 1).toordinal(), "high": date(2022, 12, 31).toordinal()}
    assert format_value(y2022, "date") == "2022"
    aug = {"low": date(2025, 8, 1).toordinal(), "high": date(2025, 8, 31).toordinal()}
    assert format_value(aug, "date") == "Aug 2025"
    assert format_date("2025-08-15", "day") == "15 Aug 2025"
    assert format_date("2025-08", "month") == "Aug 2025"
    assert format_date("2025-08-15", "year") == "2025"
    assert format_date("garbage", "day") == "garbage"
    assert format_timestamp("2025-08-16T14:05:00+02:00") == "16 Aug 2025, 12:05 UTC"


def test_split_quote_is_marked_piece_by_piece_not_over_its_attribution():
    from newsprism.model import Article, Brief, Quote, QuoteMention, Span
    from newsprism.report.view import collect_marks

    text = "“We are close,” she said, “but not there.”"
    first, second = (1, 14), (text.index("but"), text.index("there.") + len("there."))
    article = Article(id="a", raw=text, text=text)
    mention = QuoteMention(
        article="a", start=first[0], end=first[1], text=text[first[0]:first[1]],
        parts=[Span("a", *first, text[first[0]:first[1]]), Span("a", *second, text[second[0]:second[1]])],
    )
    brief = Brief(generated="now", articles=[article],
                  quotes=[Quote(id="q-1", speaker=None, speaker_name=None, text=mention.text, kind="direct", mentions=[mention])])
    spans = sorted((m.start, m.end) for m in collect_marks(brief)["a"])
    assert spans == [first, second]


# --------------------------------------------------------------------------- the report's heading

from newsprism.model import ArticleAnalysis, Brief, Entity, LocalEntity, Paragraph  # noqa: E402
from newsprism.report.view import story_headline  # noqa: E402


def _brief_with(titles: list[str | None], labels: list[str]) -> Brief:
    articles = [Article(f"a{i}", "Body text here.", "Body text here.", title=t) for i, t in enumerate(titles)]
    analyses = [
        ArticleAnalysis(article=a.id, paragraphs=[Paragraph(0, 15, label=label)], entities=[
            LocalEntity(key="e1", name="Ada Lovelace", type="PERSON", mentions=[]),
            LocalEntity(key="e2", name="London", type="GPE", mentions=[]),
        ])
        for a, label in zip(articles, labels)
    ]
    ids = [a.id for a in articles]
    entities = [
        Entity("E1", "London", "GPE", articles=ids, members=[(i, "e2") for i in ids]),
        Entity("E2", "Ada Lovelace", "PERSON", articles=ids, members=[(i, "e1") for i in ids]),
    ]
    return Brief(generated="2025-01-01T00:00:00+00:00", articles=articles, analyses=analyses, entities=entities)


def test_a_lone_headline_does_not_head_the_report_the_shared_entities_do():
    brief = _brief_with(["Lovelace, triumphant, may be pressing her luck", None, None], ["reporting"] * 3)
    assert story_headline(brief) == ("Ada Lovelace · London", None)


def test_an_opinion_articles_headline_is_never_the_reports_heading():
    brief = _brief_with(["Lovelace is wrong again", "Lovelace wins prize in London"], ["opinion", "reporting"])
    assert story_headline(brief) == ("Lovelace wins prize in London", "a1")


def test_among_reporting_headlines_the_one_sharing_most_words_is_chosen():
    titles = ["Lovelace wins prize in London", "Prize for Lovelace", "Weather today"]
    assert story_headline(_brief_with(titles, ["reporting"] * 3)) == ("Lovelace wins prize in London", "a0")


def test_an_indirect_variant_is_shown_as_a_paraphrase_not_as_edits_of_the_quote():
    from newsprism.model import Quote, QuoteMention, QuoteVariant
    from newsprism.report.view import is_paraphrase, variant_pieces

    canonical = "One is probably the most significant, but we have a very good chance of getting there."
    indirect = "that both sides were close on the most significant difference"
    mentions = [
        QuoteMention("a", 0, len(canonical), canonical),
        QuoteMention("b", 10, 10 + len(indirect), indirect, kind="indirect"),
    ]
    quote = Quote("q1", "e1", "Donald Trump", canonical, "direct", ["a", "b"], mentions=mentions)
    paraphrase = QuoteVariant(indirect, ["b"], diff=[])
    assert is_paraphrase(quote, paraphrase)
    assert [(p.op, p.text) for p in variant_pieces(quote, paraphrase)] == [("equal", indirect)]
    # A direct wording with no ops from the aligner is still diffed word by word.
    direct = QuoteVariant("we have a very good chance of getting there", ["a"], diff=[])
    assert not is_paraphrase(quote, direct)
    assert any(p.op == "gap" for p in variant_pieces(quote, direct))


def test_an_unnamed_source_is_shown_as_described_and_a_bare_pronoun_as_unattributed():
    from newsprism.model import Quote, QuoteMention, Span
    from newsprism.report.view import speaker_label

    def quote(said: str | None, name: str | None = None) -> Quote:
        mention = QuoteMention(article="a", start=0, end=5, text="words", speaker_name=name,
                               speaker_mention=Span("a", 10, 10 + len(said), said) if said else None)
        return Quote(id="q", speaker=None, speaker_name=name, text="words", kind="indirect", mentions=[mention])

    assert speaker_label(quote("independent analysts")) == "independent analysts (not named)"
    assert speaker_label(quote("They")) == "unattributed"
    assert speaker_label(quote(None)) == "unattributed"
    assert speaker_label(quote("Putin", name="Vladimir Putin")) == "Vladimir Putin"
