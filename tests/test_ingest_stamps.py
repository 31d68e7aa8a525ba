"""Page date stamps: read as the article's publication date and cut from the text as metadata
(shapes found on ECB+ pages, whose tokeniser spaced slashes and dashes: "08 / 04 / 11", "- -")."""

from __future__ import annotations

import pytest

from newsprism.ingest.read import read_inputs

TITLE = "Council approves budget after long fight\n"
BODY = (
    "The city council voted 7-2 on Tuesday to approve a new budget for the coming year, "
    "ending weeks of debate over police funding and road repairs.\n"
    "Opponents said the spending plan leaves too little for parks and libraries, and promised to "
    "raise the issue again when the council meets next month."
)


def _read(tmp_path, text: str):
    path = tmp_path / "budget.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_inputs([path]).articles
    return article


def _removals_are_exact(article) -> bool:
    return all(article.raw[r.start:r.end] == r.text for r in article.removed)


@pytest.mark.parametrize("stamp, when", [
    ("August 10, 2011 - - Updated 0947 GMT (1747 HKT)", "2011-08-10"),
    ("First Posted: 08 / 04 / 11 06:44 PM ET Updated: 10 / 04 / 11 06:12 AM ET", "2011-08-04T18:44"),
    ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET", "2005-11-27T08:20"),
    ("on April 30, 2008 at 4:31 AM, updated May 2, 2008 at 8:33 AM", "2008-04-30T04:31"),
    ("Story Created: Aug 7, 2012 at 9:56 AM AKDT", "2012-08-07T09:56"),
    ("Published time: March 12, 2013 02:03", "2013-03-12T02:03"),
    ("Released 2013-09-28 05:08:35 GMT", "2013-09-28T05:08:35"),
    ("Release: 03 / 08 / 2013", "2013-03-08"),
    ("First Posted 23:37:00 05 / 05 / 2010", "2010-05-05T23:37"),
    ("Posted at 3:21 PM ET, 01 / 5 / 2011", "2011-01-05T15:21"),
    ("8:13 AM PDT 8 / 2 / 2013", "2013-08-02T08:13"),
    ("12 / 16 / 08 1:30 AM EST", "2008-12-16T01:30"),
])
def test_a_page_date_stamp_becomes_the_published_date_and_leaves_the_text(tmp_path, stamp, when):
    article = _read(tmp_path, TITLE + stamp + "\n" + BODY)
    assert article.published.startswith(when)
    assert article.text == BODY
    assert _removals_are_exact(article)


def test_a_published_stamp_wins_over_an_edited_one_above_it(tmp_path):
    article = _read(tmp_path, TITLE + "Edited time: March 13, 2013 02:15\nPublished time: March 12, 2013 02:03\n" + BODY)
    assert article.published.startswith("2013-03-12")
    assert article.text == BODY


def test_a_stamp_at_the_foot_of_the_page_gives_the_date(tmp_path):
    article = _read(tmp_path, TITLE + BODY + "\n09 / 10 / 10 08:23 PM ET")
    assert article.published.startswith("2010-09-10T20:23")
    assert article.text.rstrip() == BODY


@pytest.mark.parametrize("sentence", [
    "The vote was first set for 08 / 04 / 11 but was moved.",
    "Posted guards stood outside on April 30, 2008 as the council met.",
    "The story was released on March 12, 2013 after weeks of delay.",
    "WASHINGTON, DC, April 28, 2009 — the council met again.",
])
def test_a_story_sentence_that_mentions_a_date_stays_text(tmp_path, sentence):
    body = BODY.replace("Opponents said", sentence + "\nOpponents said")
    article = _read(tmp_path, TITLE + body)
    assert sentence in article.text
    assert article.published is None


def test_a_stamp_like_line_in_the_middle_of_a_long_story_is_not_the_published_date(tmp_path):
    # A live blog's entry time far down the page is not the page's own stamp.
    filler = "\n".join(f"Paragraph {i} of the report says the council met again to talk about roads." for i in range(12))
    article = _read(tmp_path, TITLE + BODY + "\n" + filler + "\nPosted: Nov 27, 2005 8:20 AM ET\n" + filler)
    assert article.published is None
