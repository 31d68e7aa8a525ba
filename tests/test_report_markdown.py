"""The Markdown report: every section, footnote citations, tables that survive untrusted text."""

import re

import pytest
from briefs import full_brief, hostile_brief

from newsprism.model import Article, Brief
from newsprism.report.markdown import md, render_markdown


@pytest.fixture(scope="module")
def text() -> str:
    return render_markdown(full_brief())


def _section(text: str, heading: str) -> str:
    return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_every_section_is_present(text):
    for heading in (
        "Summary",
        "Timeline",
        "Facts",
        "Quotes",
        "People, organisations and places",
        "Coverage",
        "Opinion and analysis",
        "Articles",
    ):
        assert f"\n## {heading}\n" in text
    assert "> **Input warnings**" in text and "feed.xml: no article text found" in text


def test_summary_sentences_carry_numbered_citations_listed_with_outlet_and_text(text):
    summary = _section(text, "Summary")
    assert "more than three hours. [1][2][3]\n\n“We are prepared" in summary
    assert "2. AP — “Trump and Putin met for more than three hours in Anchorage on Friday.”" in summary
    assert "characters 0–69" in summary
    assert len(re.findall(r"^\d+\. ", summary, flags=re.M)) == 8


def test_facts_show_status_and_each_outlets_value_in_context(text):
    facts = _section(text, "Facts")
    assert "### duration of the talks — **DISPUTED**" in facts
    assert "### From a single source (1)" in facts
    assert "| protesters outside the base | AP | About 200 protesters | about 200 person | **About 200" in facts
    assert (
        "| AP | more than three hours | 3–4 hour | Trump and Putin met for **more than three hours** in Anchorage"
        in facts
    )


def test_quote_variants_show_word_differences(text):
    quotes = _section(text, "Quotes")
    variant = "“We ~~are~~ **have** prepared to put everything ~~on~~ **to** the table” (AP; are → have; on → to)"
    assert variant in quotes
    assert "same wording everywhere" in quotes


def test_coverage_table_has_one_column_per_source(text):
    coverage = _section(text, "Coverage")
    assert "| Fact or quote | Reuters | AP | Anchorage Daily News |" in coverage
    assert "protesters outside the base" not in coverage  # single-source items are only counted
    assert "| *only this source* | 0 | 1 | 0 |" in coverage and "1 item carried by a single source" in coverage
    assert "| carried | *omitted* | carried |" in coverage


def test_people_table_lists_spellings(text):
    assert "| Donald Trump (person) | Trump, the president | President | 3 of 3 |" in text
    assert "Not listed: 1 name found in one article only" in text


def test_timeline_opinion_and_articles(text):
    assert "- **15 Aug 2025** — Trump and Putin meet in Anchorage (Reuters, AP, Anchorage Daily News)" in text
    assert "- **opinion** · Reuters: “In my view" in text and "*first person; evaluative language*" in text
    assert "[Trump and Putin end Alaska summit without a deal](<https://example.com/reuters/alaska>)" in text
    assert "cleaning removed 1 piece (boilerplate)" in text


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_table_rows_keep_their_column_count_when_text_has_pipes():
    text = render_markdown(hostile_brief())
    for table in re.findall(r"(?:^\|.*\n)+", text, flags=re.M):
        rows = table.strip("\n").split("\n")
        assert {_unescaped_pipes(r) for r in rows} == {_unescaped_pipes(rows[0])}
    assert r"**3 prizes** \| more." in text


def test_untrusted_text_cannot_inject_html_or_links():
    text = render_markdown(hostile_brief())
    assert "<script" not in text and "<img" not in text
    assert "](javascript" not in text and "<javascript" not in text
    assert "unlinked address: javascript:alert(1)" in text


def test_md_escapes_markdown_syntax_and_flattens_lines():
    assert md("a *b* _c_ [d](e) `f` | g\nh") == r"a \*b\* \_c\_ \[d\](e) \`f\` \| g h"
    assert md("x &amp; <b>") == "x &amp;amp; &lt;b&gt;"
    assert md(" kept ") == " kept "


def test_an_empty_brief_renders_placeholders():
    text = render_markdown(Brief(generated="2025-01-01T00:00:00+00:00", articles=[Article("x", "Hi.", "Hi.")]))
    assert "*No summary was produced.*" in text and "*No quotes were found.*" in text
    assert text.startswith("# Story brief\n")


def test_rendered_by_a_markdown_engine_the_hostile_report_has_no_tags_or_links():
    from markdown_it import MarkdownIt  # installed with rich

    engine = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])  # raw HTML allowed
    html = engine.render(render_markdown(hostile_brief()))
    assert "<script" not in html and "<img" not in html and "href=" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):  # no cell split by a pipe in article text
        rows = re.findall(r"<tr>.*?</tr>", table, flags=re.S)
        assert len({len(re.findall(r"<t[dh]", row)) for row in rows}) == 1, table


def test_rendered_by_a_markdown_engine_the_report_has_its_tables_and_links():
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(render_markdown(full_brief()))
    assert html.count("<table>") == 5
    assert "<s>are</s> <strong>have</strong>" in html
    assert 'href="https://example.com/reuters/alaska"' in html
