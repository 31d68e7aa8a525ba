"""The HTML report in a real browser (headless Debian chromium): sections, citation links, no script runs.

One browser per module. Saves screenshots to docs/img/ (for the README) and the tmp dir.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from briefs import full_brief, hostile_brief

from newsprism.report.html import render_html
from newsprism.report.view import span_anchor

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"
# Screenshots always go to the test's tmp dir; the README's copies in docs/img/ are refreshed only
# on request (NEWSPRISM_UPDATE_SCREENSHOTS=1), so a test run leaves the work tree clean.
UPDATE_DOCS_IMG = os.environ.get("NEWSPRISM_UPDATE_SCREENSHOTS") == "1"
SECTIONS = ("summary", "timeline", "facts", "quotes", "coverage", "opinion", "articles")

IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (`make browser` installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


class Report:
    """A report opened in its own page, recording dialogs and every request it makes."""

    def __init__(self, browser, html: str, path: Path):
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(viewport={"width": 1200, "height": 1500}, reduced_motion="reduce")
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def example_report(browser, example_brief, tmp_path_factory):
    report = Report(browser, render_html(example_brief), tmp_path_factory.mktemp("report") / "example.html")
    yield report
    report.close()


@pytest.fixture(scope="module")
def fixture_report(browser, tmp_path_factory):
    report = Report(browser, render_html(full_brief()), tmp_path_factory.mktemp("report") / "fixture.html")
    yield report
    report.close()


def _check_citations_land(report: Report, brief) -> int:
    """Click every summary citation; its target is the highlighted span with the cited text, in view."""
    page = report.page
    sources = [s for sentence in brief.summary for s in sentence.sources]
    links = page.locator("sup.cites a")
    assert links.count() == len(sources)
    for i, span in enumerate(sources):
        anchor = span_anchor(span.article, span.start, span.end)
        assert links.nth(i).get_attribute("href") == f"#{anchor}"
        links.nth(i).click()
        page.wait_for_function("h => location.hash === h", arg=f"#{anchor}")
        target = page.locator(f"[id='{anchor}']")
        assert target.count() == 1
        assert target.evaluate("el => el.tagName") == "MARK"
        assert target.evaluate("el => el.matches(':target') && el.classList.contains('k-cite')")
        assert target.evaluate("el => el.textContent") == span.text
        page.wait_for_function(IN_VIEW, arg=target.element_handle(), timeout=5000)
    return len(sources)


def test_example_report_shows_every_section(example_report, example_brief):
    page = example_report.page
    for section in SECTIONS:
        assert page.locator(f"section#{section} h2").is_visible(), section
    assert page.locator("article.source").count() == len(example_brief.articles)
    for article in example_brief.articles:  # the clean text is all there
        text = page.locator(f"[id='art-{article.id}'] .text").evaluate(
            "el => { const c = el.cloneNode(true); c.querySelectorAll('.plabel').forEach(x => x.remove());"
            " return c.textContent; }"
        )
        assert " ".join(text.split()) == " ".join(article.text.split())


def test_example_report_citation_links_land_on_their_spans(example_report, example_brief):
    if not example_brief.summary:
        pytest.skip("the example brief has no summary yet; the hand-made brief test covers the links")
    assert _check_citations_land(example_report, example_brief) > 0


def test_fixture_report_citation_links_land_on_their_spans(fixture_report):
    assert _check_citations_land(fixture_report, full_brief()) == 8


def test_every_internal_link_resolves_in_the_browser(example_report, fixture_report):
    for report in (example_report, fixture_report):
        missing = report.page.evaluate(
            "() => [...document.querySelectorAll('a[href^=\"#\"]')]"
            ".map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))"
        )
        assert missing == []


def test_report_loads_nothing_but_itself(example_report, fixture_report):
    for report in (example_report, fixture_report):
        assert set(report.requests) == {report.url}


def test_hostile_report_runs_no_script(browser, tmp_path):
    report = Report(browser, render_html(hostile_brief()), tmp_path / "hostile.html")
    try:
        page = report.page
        for link in page.locator("a").all():  # follow every link a reader can see
            if link.is_visible():
                link.click()
        page.wait_for_timeout(300)
        assert report.dialogs == []
        assert page.evaluate("document.images.length") == 0
        assert page.evaluate("document.scripts.length") == 1  # the optional print helper only
        assert (
            page.evaluate("[...document.links].filter(a => !/^(#|https?:)/.test(a.getAttribute('href'))).length") == 0
        )
        assert "<script>alert(1)</script>" in page.locator("#summary").inner_text()  # shown, as text
        assert set(report.requests) == {report.url}
    finally:
        report.close()


def test_screenshots_of_the_example_report(example_report, fixture_report, example_brief, tmp_path):
    page = example_report.page
    page.goto(example_report.url)
    shot = page.screenshot()
    assert len(shot) > 10_000
    _save(shot, "report.png", tmp_path)
    # A citation followed: the cited sentence highlighted in its article.
    report = example_report if example_brief.summary else fixture_report
    report.page.locator("sup.cites a").first.click()
    report.page.wait_for_timeout(100)
    shot = report.page.screenshot()
    _save(shot, "report-citation.png", tmp_path)


def _save(shot: bytes, name: str, tmp_path: Path) -> None:
    (tmp_path / name).write_bytes(shot)
    if UPDATE_DOCS_IMG:
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        (DOCS_IMG / name).write_bytes(shot)
