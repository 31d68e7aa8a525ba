"""Ingest: every input format, encodings, ids, duplicates, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import random
import time
from pathlib import Path

import pytest

from newsprism.ingest.read import read_inputs
from newsprism.model import Article

BODY = (
    "The city council voted 7-2 on Tuesday to approve a new budget for the coming year, "
    "ending weeks of debate over police funding and road repairs.\n"
    "“This is a budget that keeps the lights on,” said Mayor Ana Ruiz, who had pushed for the plan.\n"
    "Opponents said the spending plan leaves too little for parks and libraries, and promised to "
    "raise the issue again when the council meets next month."
)


def _html(title: str = "Council approves budget", body: str = BODY, site: str = "Springfield Herald") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return f"""<!DOCTYPE html><html><head><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://www.latimes.com/local/story/2025-03-04/council-approves-budget">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright 2025 Springfield Herald. Contact us. Privacy policy.</footer></body></html>"""


def _one(tmp_path: Path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return read_inputs([path])


def _messages(result) -> str:
    return " | ".join(f"{w.source}: {w.message}" for w in result.warnings)


# ----------------------------------------------------------------------------- formats


def test_txt_page_address_and_date_stamp_above_the_headline_become_metadata(tmp_path):
    # How scraped text often starts: the page's address, the headline, the page's date stamp.
    head = ("https://www.latimes.com/local/story/council-approves-budget\n"
            "Council approves budget after long fight\n"
            "First Published: March 4, 2025 4:59 PM EST\n")
    (article,) = _one(tmp_path, "budget.txt", head + BODY).articles
    assert article.url == "https://www.latimes.com/local/story/council-approves-budget"
    assert article.title == "Council approves budget after long fight"
    assert article.published.startswith("2025-03-04")
    assert article.text == BODY
    assert article.outlet == "Los Angeles Times"


@pytest.mark.parametrize("stamp, iso", [
    ("June 13, 2013 4:59 PM EDT", "2013-06-13T16:59:00"),
    ("May 2, 2013, 1:12 PM", "2013-05-02T13:12:00"),
    ("Tue, 04 Mar 2025 10:00:00 GMT", "2025-03-04T10:00:00+00:00"),
])
def test_a_publication_time_keeps_its_afternoon(stamp, iso):
    from newsprism.ingest.read import _iso_date

    assert _iso_date(stamp) == iso  # email-date parsing once read "4:59 PM" as 04:59


def test_a_bare_date_line_gives_the_date_and_an_updated_stamp_does_not_win(tmp_path):
    head = "Updated: March 9, 2025 10:00 AM\nTuesday 4 March 2025 08.23 GMT\n"
    (article,) = _one(tmp_path, "budget.txt", head + BODY).articles
    assert article.published.startswith("2025-03-04")
    assert article.text == BODY


@pytest.mark.parametrize("stamp, day", [
    ("16 September 2013 Last updated at 12:42 GMT", "2013-09-16"),
    ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT", "2010-09-10"),
    ("August 10, 2011 -- Updated 0947 GMT (1747 HKT)", "2011-08-10"),
    ("Tue Jul 02 2013, 14:58 hrs", "2013-07-02"),
    ("Friday August 2, 2013 @ 8:13am PDT", "2013-08-02"),
    ("Date Published: Tuesday, November 15, 2011", "2011-11-15"),
    ("on Dec 23 2012, 5:03p", "2012-12-23"),
])
def test_stamps_with_their_own_words_around_the_date_become_metadata(tmp_path, stamp, day):
    # Shapes of ECB+ pages (BBC, CNN, NBC, blogs) that were left in the text with no publication date
    (article,) = _one(tmp_path, "budget.txt", "Council approves budget after long fight\n" + stamp + "\n" + BODY).articles
    assert article.published.startswith(day)
    assert article.text == BODY


def test_a_sentence_with_a_date_and_an_at_sign_or_brackets_stays_text(tmp_path):
    body = BODY.replace("Opponents said", "Mayor Ruiz (pictured) spoke on March 1, 2012 @ city hall.\nOpponents said")
    (article,) = _one(tmp_path, "budget.txt", body).articles
    assert "March 1, 2012 @ city hall" in article.text


def test_a_date_inside_the_story_is_not_taken_for_the_publication_date(tmp_path):
    body = BODY.replace("Opponents said", "The plan was first drafted on June 2, 2021.\nOpponents said")
    (article,) = _one(tmp_path, "budget.txt", body).articles
    assert article.published is None and "June 2, 2021" in article.text


def test_txt_first_line_headline_becomes_title_and_is_recorded(tmp_path):
    result = _one(tmp_path, "budget.txt", "Council approves budget after long fight\n" + BODY)
    (article,) = result.articles
    assert article.id == "budget"
    assert article.title == "Council approves budget after long fight"
    assert article.text.startswith("The city council voted")
    assert article.removed[0].reason.startswith("headline")
    assert article.raw[article.removed[0].start:article.removed[0].end] == article.removed[0].text


def test_txt_first_sentence_is_not_taken_for_a_headline(tmp_path):
    result = _one(tmp_path, "lede.txt", BODY)
    (article,) = result.articles
    assert article.title is None
    assert article.text == BODY


def test_html_page_gives_main_text_and_metadata(tmp_path):
    result = _one(tmp_path, "page.html", _html())
    (article,) = result.articles
    assert "voted 7-2" in article.text and "Home" not in article.text and "Privacy" not in article.text
    assert article.title == "Council approves budget"
    assert article.published.startswith("2025-03-04")
    assert article.author == "Jane Roe"
    assert article.url.startswith("https://www.latimes.com/")
    assert article.outlet == "Los Angeles Times"  # the URL domain, through the outlet table
    assert article.format == "html"
    assert "\n" in article.text  # paragraphs stay separate lines
    assert article.text.startswith("The city council")  # the h1 repeated in the body went to `removed`
    assert article.removed[0].reason == "headline (duplicate of title)"


def test_html_detected_by_content_without_extension(tmp_path):
    result = _one(tmp_path, "page", _html())
    assert result.articles[0].format == "html"


def test_json_record_with_optional_fields(tmp_path):
    record = {"id": "r-1", "text": BODY, "title": "Budget", "url": "https://example.org/a/budget",
              "published": "2025-03-04", "outlet": "LA Times", "author": "Jane Roe"}
    (article,) = _one(tmp_path, "one.json", json.dumps(record)).articles
    assert (article.id, article.title, article.published, article.outlet, article.author) == (
        "r-1", "Budget", "2025-03-04", "Los Angeles Times", "Jane Roe")
    assert article.format == "json"


def test_json_array_of_records(tmp_path):
    records = [{"text": BODY}, {"text": BODY.replace("Tuesday", "Monday")}]
    result = _one(tmp_path, "many.json", json.dumps(records))
    assert [a.id for a in result.articles] == ["many-1", "many-2"]


def test_jsonl_records_and_a_bad_line_reported_by_number(tmp_path):
    lines = [json.dumps({"id": "a", "text": BODY}), "{not json", json.dumps({"id": "b", "text": BODY + " More."})]
    result = _one(tmp_path, "feed.jsonl", "\n".join(lines))
    assert [a.id for a in result.articles] == ["a", "b"]
    (warning,) = result.warnings
    assert "feed.jsonl:2" in warning.source and "not valid JSON" in warning.message


def test_rss_feed_entries_become_articles(tmp_path):
    items = "".join(
        f"""<item><title>Story {i}</title><link>https://www.reuters.com/world/story-{i}</link>
        <pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><author>desk@example.org (Desk)</author>
        <description><![CDATA[<p>{BODY.split(chr(10))[0]} Item {i}.</p><p>Second paragraph {i}.</p>]]></description></item>"""
        for i in (1, 2)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire feed</title>{items}</channel></rss>'
    result = _one(tmp_path, "feed.xml", feed)
    assert len(result.articles) == 2
    first = result.articles[0]
    assert first.format == "rss" and first.title == "Story 1"
    assert first.published.startswith("2025-03-04T10:00")
    assert first.outlet == "Reuters"
    assert first.text.split("\n")[1] == "Second paragraph 1."


def test_atom_feed_is_read(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Blog</title><entry><title>Post</title><link href="https://example.org/post"/>
    <id>urn:uuid:1</id><updated>2025-03-04T10:00:00Z</updated><content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""
    (article,) = _one(tmp_path, "feed.atom", feed).articles
    assert article.id == "urn-uuid-1" and "voted 7-2" in article.text


def _warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    writer.write_record(writer.create_warc_record("https://x.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG"),
                                                  http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")],
                                                                                protocol="HTTP/1.1")))
    return buffer.getvalue()


def test_warc_html_responses_become_articles(tmp_path):
    data = _warc_bytes([("https://apnews.com/article/budget-1", _html()),
                        ("https://apnews.com/article/budget-2", _html(body=BODY.replace("7-2", "6-3")))])
    result = _one(tmp_path, "crawl.warc.gz", data)
    assert len(result.articles) == 2, _messages(result)
    assert {a.format for a in result.articles} == {"warc"}
    assert result.articles[0].url == "https://apnews.com/article/budget-1"
    assert result.articles[0].outlet == "Associated Press"


def test_gzipped_html_is_read(tmp_path):
    (article,) = _one(tmp_path, "page.html.gz", gzip.compress(_html().encode())).articles
    assert article.id == "page" and "voted 7-2" in article.text


def test_stdin_stream_and_article_objects_and_dicts_mix(tmp_path):
    given = Article(id="given", raw=BODY, text=BODY)
    stream = io.StringIO("Another headline here today\n" + BODY.replace("Tuesday", "Friday"))
    result = read_inputs([given, {"text": BODY.replace("Tuesday", "Sunday"), "id": "d1"}, stream])
    assert [a.id for a in result.articles] == ["given", "d1", "stdin"]
    assert result.articles[2].title == "Another headline here today"


def test_directory_is_walked_recursively_skipping_hidden_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(BODY)
    (tmp_path / "a" / "b" / "two.txt").write_text(BODY.replace("7-2", "5-4"))
    (tmp_path / "a" / ".hidden.txt").write_text(BODY.replace("7-2", "9-0"))
    result = read_inputs([tmp_path / "a"])
    assert sorted(a.id for a in result.articles) == ["one", "two"]


# ----------------------------------------------------------------------------- encodings and ids


def test_cp1252_bytes_are_detected_and_quotes_kept(tmp_path):
    text = "Café owner says “we are still open” — despite the storm.\n" + BODY
    (article,) = _one(tmp_path, "legacy.txt", text.encode("cp1252")).articles
    assert "“we are still open” — despite" in article.raw


def test_utf16_with_bom_is_decoded(tmp_path):
    (article,) = _one(tmp_path, "wide.txt", BODY.encode("utf-16")).articles
    assert article.text == BODY


def test_text_is_normalised_to_nfc(tmp_path):
    decomposed = "Cafe\u0301 reopens. " + BODY
    (article,) = _one(tmp_path, "nfc.txt", decomposed).articles
    assert article.text.startswith("Café reopens.")


def test_ids_are_unique_within_a_run(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "story.txt").write_text(BODY)
    (tmp_path / "y" / "story.txt").write_text(BODY + " Updated.")
    ids = [a.id for a in read_inputs([tmp_path]).articles]
    assert ids == ["story", "story-2"]


def test_url_derived_id_is_stable_and_readable():
    record = {"text": BODY, "url": "https://www.nytimes.com/2025/03/04/us/council-budget.html"}
    first = read_inputs([record]).articles[0].id
    assert first == read_inputs([dict(record)]).articles[0].id
    assert first.startswith("nytimes.com-council-budget-")


# ----------------------------------------------------------------------------- bad input


def test_undecodable_bytes_are_reported_and_the_rest_is_read(tmp_path):
    rng = random.Random(7)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.choice(range(1, 256)) for _ in range(4000)))
    (tmp_path / "good.txt").write_text(BODY)
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["good"]
    (warning,) = result.warnings
    assert warning.source.endswith("noise.txt") and "undecodable" in warning.message


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(tmp_path):
    data = ("Café “quoted” " + BODY).encode() + b"\xff" + b" end."
    result = _one(tmp_path, "mostly.txt", data)
    assert "\ufffd" in result.articles[0].raw and "Café “quoted”" in result.articles[0].raw
    assert "replaced" in result.warnings[0].message


@pytest.mark.parametrize("content", ["", "   \n\t\n  "])
def test_empty_or_whitespace_file_is_reported(tmp_path, content):
    result = _one(tmp_path, "blank.txt", content)
    assert result.articles == []
    (warning,) = result.warnings
    assert warning.source.endswith("blank.txt") and warning.kind == "empty"


def test_binary_file_is_reported(tmp_path):
    result = _one(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (warning,) = result.warnings
    assert "PNG image" in warning.message and warning.kind == "binary"


def test_100_mb_file_is_refused_quickly_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, instant to make
    (tmp_path / "small.txt").write_text(BODY)
    started = time.perf_counter()
    result = read_inputs([big, tmp_path / "small.txt"])
    assert time.perf_counter() - started < 5
    assert [a.id for a in result.articles] == ["small"]
    (warning,) = result.warnings
    assert "huge.txt" in warning.source and "100.0 MB" in warning.message and "limit" in warning.message


def test_html_without_an_article_is_reported(tmp_path):
    page = "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav><p>Log in</p></body></html>"
    result = _one(tmp_path, "index.html", page)
    assert result.articles == []
    assert "no article text" in result.warnings[0].message


def test_invalid_json_file_is_reported(tmp_path):
    result = _one(tmp_path, "broken.json", '{"text": "unterminated')
    assert result.articles == [] and "not valid JSON" in result.warnings[0].message


def test_json_record_without_text_is_reported(tmp_path):
    result = _one(tmp_path, "notext.json", json.dumps({"title": "Only a title"}))
    assert result.articles == [] and "no text field" in result.warnings[0].message


def test_directory_with_nothing_readable_is_reported(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "d" / "b.txt").write_text("  \n")
    result = read_inputs([tmp_path / "d"])
    assert result.articles == []
    assert any(w.source.endswith("d") and "nothing readable" in w.message for w in result.warnings)
    assert len(result.warnings) == 3  # each file, then the directory


def test_missing_path_is_reported(tmp_path):
    result = read_inputs([tmp_path / "nope.txt"])
    assert result.warnings[0].message == "no such file or directory"


def test_same_article_twice_is_kept_once_and_reported(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY + "\n")  # same text after normalising
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["a"]
    (warning,) = result.warnings
    assert warning.kind == "duplicate" and warning.source.endswith("b.txt") and "a.txt" in warning.message


def test_html_with_declared_legacy_charset_is_decoded_with_it(tmp_path):
    page = _html(body=BODY + "\nThe café owner said: “Ça va.”").replace("<head>", '<head><meta charset="windows-1252">')
    (article,) = _one(tmp_path, "legacy.html", page.encode("cp1252")).articles
    assert "The café owner said: “Ça va.”" in article.text


def test_record_with_only_html_goes_through_the_extractor():
    (article,) = read_inputs([{"id": "h1", "html": _html()}]).articles
    assert "voted 7-2" in article.text and article.title == "Council approves budget"


def test_json_object_holding_a_list_of_articles(tmp_path):
    data = {"articles": [{"text": BODY, "source": {"id": None, "name": "Reuters"}, "publishedAt": "2025-03-04T10:00:00Z"}]}
    (article,) = _one(tmp_path, "api.json", json.dumps(data)).articles
    assert article.outlet == "Reuters" and article.published == "2025-03-04T10:00:00+00:00"


def test_html_on_stdin_is_sniffed():
    (article,) = read_inputs([io.StringIO(_html())]).articles
    assert article.format == "html" and "voted 7-2" in article.text


def test_broken_warc_is_reported(tmp_path):
    result = _one(tmp_path, "bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\nnonsense\r\n\r\n")
    assert result.articles == [] and result.warnings and all("bad.warc" in w.source for w in result.warnings)


def test_gzipped_warc_on_stdin_is_recognised():
    stream = io.BytesIO(_warc_bytes([("https://apnews.com/article/budget-1", _html())]))
    (article,) = read_inputs([stream]).articles
    assert article.format == "warc" and article.url == "https://apnews.com/article/budget-1"


@pytest.mark.parametrize("first", ["WASHINGTON —", "Published in Political News", "By Jane Doe", "“We will rebuild.”"])
def test_first_lines_that_are_not_headlines(tmp_path, first):
    (article,) = _one(tmp_path, "x.txt", first + "\n" + BODY).articles
    assert article.title is None


def test_clean_legacy_decoding_is_not_a_warning(tmp_path):
    result = _one(tmp_path, "legacy.txt", ("Café “quoted” — " + BODY).encode("cp1252"))
    assert result.articles and result.warnings == []


def test_page_and_paragraph_separators_become_line_breaks():
    from newsprism.ingest.decode import normalize_text

    assert normalize_text("one\x0ctwo\u2029three\x00four\r\nfive") == "one\ntwo\nthreefour\nfive"


def test_data_files_in_a_directory_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "story.txt").write_text(BODY)
    (tmp_path / "metadata.tsv").write_text("id\tpublisher\nstory\tPlanet\n")
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["story"]
    (warning,) = result.warnings
    assert warning.source.endswith("metadata.tsv") and warning.kind == "unsupported"
