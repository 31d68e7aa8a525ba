"""The HTML report: self-contained, every link lands on its exact span, untrusted text stays inert."""

import copy
import re

import lxml.html
import pytest
from briefs import PAYLOADS, full_brief, hostile_brief

from newsprism.brief.build import brief_to_dict, span_errors
from newsprism.report.html import render_html

EXPECTED_SCRIPT = 'window.addEventListener("beforeprint"'


@pytest.fixture(scope="module")
def brief():
    return full_brief()


@pytest.fixture(scope="module")
def doc(brief):
    return lxml.html.fromstring(render_html(brief))


@pytest.fixture(scope="module")
def hostile_html():
    return render_html(hostile_brief())


def test_fixture_spans_are_exact(brief):
    assert span_errors(brief_to_dict(brief)) == []
    assert span_errors(brief_to_dict(hostile_brief())) == []


def test_report_is_self_contained(doc):
    assert not doc.xpath("//link | //img | //iframe | //object | //embed | //script[@src] | //*[@srcset]")
    styles = " ".join(s.text_content() for s in doc.xpath("//style"))
    assert "url(" not in styles and "@import" not in styles and "@font-face" not in styles
    external = [a.get("href") for a in doc.xpath("//a[@href]") if not a.get("href").startswith("#")]
    assert external == ["https://example.com/reuters/alaska", "https://example.com/ap/alaska"]  # article links only


def test_every_section_is_present(doc):
    for section in ("summary", "timeline", "facts", "quotes", "people", "coverage", "opinion", "articles", "warnings"):
        assert doc.get_element_by_id(section) is not None


def test_every_internal_link_has_a_target(doc):
    for a in doc.xpath("//a[starts-with(@href, '#')]"):
        assert doc.get_element_by_id(a.get("href")[1:], None) is not None, a.get("href")


def test_summary_citations_land_on_marks_holding_the_cited_text(doc, brief):
    cites = doc.xpath("//sup[@class='cites']/a")
    sources = [s for sentence in brief.summary for s in sentence.sources]
    assert len(cites) == len(sources)
    for link, span in zip(cites, sources, strict=True):
        target = doc.get_element_by_id(link.get("href")[1:])
        assert target.tag == "mark" and "k-cite" in target.get("class")
        assert target.text_content() == span.text
        assert target.getparent().xpath("ancestor::article/@id") == [f"art-{span.article}"]


def test_every_quote_claim_and_date_span_is_marked_with_its_exact_text(doc, brief):
    spans = [m for q in brief.quotes for m in q.mentions]
    spans += [c for f in brief.facts for c in f.claims]
    spans += [s for t in brief.timeline for s in t.sources]
    for s in spans:
        target = doc.get_element_by_id(f"a-{s.article}-{s.start}-{s.end}")
        assert target.text_content() == s.text


def test_article_text_is_rendered_complete(doc, brief):
    for article in brief.articles:
        box = copy.deepcopy(doc.get_element_by_id(f"art-{article.id}").find_class("text")[0])
        for label in box.find_class("plabel"):  # the visible opinion tag is not article text
            label.drop_tree()
        assert box.text_content().strip() == article.text.strip()


def test_quote_variant_differences_are_highlighted(doc):
    row = doc.get_element_by_id("quote-q1")
    assert [d.text_content() for d in row.xpath(".//del")] == ["are", "on"]
    assert [i.text_content() for i in row.xpath(".//ins")] == ["have", "to"]
    assert "AP" in row.find_class("variants")[0].text_content()


def test_facts_show_status_badges_and_each_outlets_value(doc):
    fact = doc.get_element_by_id("fact-f1")
    assert fact.find_class("badge")[0].text_content() == "Disputed"
    outlets = [c.find_class("outlet")[0].text_content() for c in fact.find_class("claim")]
    assert outlets == ["Reuters", "AP", "Anchorage Daily News"]
    assert "more than three hours" in fact.text_content()
    single = doc.get_element_by_id("fact-f2")  # single-source facts: a compact table, folded away
    assert single.xpath("ancestor::details[@class='more-items']")
    assert "About 200 protesters" in single.text_content() and "about 200 person" in single.text_content()


def test_coverage_matrix_marks_carried_exclusive_and_omitted(doc):
    rows = doc.xpath("//table[contains(@class, 'matrix')]/tbody/tr")
    cells = [[c.get("class").split()[1] for c in row.xpath(".//span[contains(@class, 'cell')]")] for row in rows]
    assert cells == [  # the fact only AP carries is counted, not drawn
        ["carried", "carried", "carried"],
        ["carried", "carried", "carried"],
        ["carried", "omitted", "carried"],
    ]
    footer = doc.xpath("//table[contains(@class, 'matrix')]/tfoot/tr")
    totals = [[td.text_content() for td in tr.xpath("td")] for tr in footer]
    assert totals == [["3", "3", "3"], ["0", "1", "0"], ["0", "1", "0"]]


def test_opinion_paragraphs_are_marked_and_listed(doc):
    para = doc.get_element_by_id("p-reuters-1-4")
    assert "label-opinion" in para.get("class")
    assert "first person" in para.find_class("plabel")[0].text_content()
    listed = doc.xpath("//ul[@class='opinion']//a/@href")
    assert listed == ["#p-reuters-1-4", "#p-ap-1-3"]


def test_people_show_merged_spellings_and_leave_out_one_off_names(doc):
    rows = [[td.text_content().strip() for td in tr.xpath("td")] for tr in doc.xpath("//table[@class='cast']/tbody/tr")]
    assert rows[0] == ["Donald Trump person", "Trump, the president", "President", "3 of 3"]
    assert [r[0] for r in rows] == ["Donald Trump person", "Vladimir Putin person"]
    assert "Not listed: 1 name found in one article only" in doc.get_element_by_id("people").text_content()


def test_cleaning_removals_are_shown(doc):
    removed = doc.get_element_by_id("art-reuters-1").xpath(".//details[@class='removed']")[0]
    assert "Sign up for our newsletter!" in removed.text_content()


def test_an_empty_brief_still_renders_every_section():
    from newsprism.model import Article, Brief

    html = render_html(Brief(generated="2025-01-01T00:00:00+00:00", articles=[Article("x", "Hi.", "Hi.")]))
    doc = lxml.html.fromstring(html)
    assert doc.get_element_by_id("summary").find_class("empty")
    assert doc.get_element_by_id("art-x").find_class("text")[0].text_content().strip() == "Hi."


# ------------------------------------------------------------------ untrusted text


def test_payloads_never_appear_unescaped(hostile_html):
    for payload in PAYLOADS[:2]:
        assert payload not in hostile_html
    assert "<script>alert" not in hostile_html and "<img" not in hostile_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile_html  # shown as text


def test_hostile_report_has_no_active_content(hostile_html):
    doc = lxml.html.fromstring(hostile_html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].text_content().strip().startswith("/* Optional")
    assert not doc.xpath("//img | //iframe | //object | //embed | //link")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert not [a for a in el.attrib if a.lower().startswith("on")], el.attrib
        for value in el.attrib.values():
            assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))


def test_hostile_ids_are_sanitised_and_links_still_resolve(hostile_html):
    doc = lxml.html.fromstring(hostile_html)
    for el in doc.xpath("//*[@id]"):
        assert re.fullmatch(r"[A-Za-z0-9_-]+", el.get("id")), el.get("id")
    for a in doc.xpath("//a[starts-with(@href, '#')]"):
        assert doc.get_element_by_id(a.get("href")[1:], None) is not None


def test_non_http_article_urls_are_shown_but_not_linked(hostile_html):
    doc = lxml.html.fromstring(hostile_html)
    assert not [h for h in doc.xpath("//a/@href") if not h.startswith(("#", "http"))]
    assert "javascript:alert(document.cookie)" in doc.get_element_by_id("articles").text_content()


def test_a_citation_whose_span_is_not_in_any_article_is_not_linked():
    from newsprism.model import Span

    brief = full_brief()
    brief.summary[0].sources.append(Span("no-such-article", 0, 4, "gone"))
    doc = lxml.html.fromstring(render_html(brief))
    for a in doc.xpath("//a[starts-with(@href, '#')]"):
        assert doc.get_element_by_id(a.get("href")[1:], None) is not None
    assert doc.xpath("//sup[@class='cites']/span[@class='nolink']")[0].text_content() == "4"  # numbered, not linked
