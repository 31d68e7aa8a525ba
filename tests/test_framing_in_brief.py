"""Loaded terms reach the brief (exact spans) and both reports."""

import pytest

import newsprism
from newsprism.brief.build import brief_to_dict, span_errors, validate_brief
from newsprism.model import Article
from newsprism.report.html import render_html
from newsprism.report.markdown import render_markdown


@pytest.fixture(scope="module")
def brief():
    def article(id_, outlet, text):
        return Article(id=id_, raw=text, text=text, outlet=outlet, source_group=outlet.lower().replace(" ", "-"))

    return newsprism.analyze([
        article("a", "Daily Alpha", "The regime in Minsk released 16 prisoners on Tuesday after talks with Washington."),
        article("b", "Beta News", "The government in Minsk released 16 prisoners on Tuesday after talks with Washington."),
    ])


def test_loaded_term_contrast_is_in_the_brief_with_exact_spans(brief):
    data = brief_to_dict(brief)
    validate_brief(data)
    assert span_errors(data) == []
    contrasts = data["framing"]["contrasts"]
    assert any(c["loaded"].startswith("regime") for c in contrasts)
    loaded = data["framing"]["outlets"]["Daily Alpha"]["loaded"]
    assert loaded[0]["spans"][0]["text"] == "regime"


def test_reports_show_the_loaded_terms_per_outlet(brief):
    assert "Loaded terms" in render_markdown(brief)
    html = render_html(brief)
    assert "Loaded terms" in html and "Daily Alpha" in html
