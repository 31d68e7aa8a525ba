"""Cleaning: boilerplate out, story in, every cut recorded with offsets into raw."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import apply_cuts, clean_text, repeated_line_cuts

STORY = [
    "WASHINGTON — The Senate passed the bill late Thursday after a long night of debate.",
    "“We got it done,” the majority leader told reporters outside the chamber.",
    "The measure now goes to the House, where its fate is less certain.",
]


def _clean(lines: list[str], **kw):
    raw = "\n".join(lines)
    text, removed = clean_text(raw, **kw)
    for r in removed:
        assert raw[r.start:r.end] == r.text  # offsets point into raw, always
    assert _rebuild(text, removed) == raw  # nothing is lost
    return raw, text, removed


def _rebuild(text: str, removed) -> str:
    """Raw again, from the clean text and the removals."""
    out, t = [], 0
    raw_pos = 0
    for r in removed:
        keep = r.start - raw_pos
        out.append(text[t:t + keep])
        t += keep
        out.append(r.text)
        raw_pos = r.end
    out.append(text[t:])
    return "".join(out)


@pytest.mark.parametrize(
    "boilerplate, reason",
    [
        ("The post Senate passes the bill appeared first on Daily Planet.", "syndication credit"),
        ("©2025 Daily Planet. Visit dailyplanet.com. Distributed by Tribune Content Agency, LLC.", "copyright footer"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "copyright footer"),
        ("This article originally appeared in The Conversation.", "syndication credit"),
        ("SEE ALSO: House leaders plan a vote next week", "related-content link"),
        ("Related: Five things to know about the bill", "related-content link"),
        ("READ MORE: Inside the Senate's all-night session", "related-content link"),
        ("Read more", "comment/share/subscribe stub"),
        ("_________", "separator rule"),
        ("* * *", "separator rule"),
        ("Photo: Jane Doe/Daily Planet", "photo credit"),
        ("Sign up for our politics newsletter to get the latest in your inbox.", "newsletter/subscribe prompt"),
        ("Subscribe to our daily briefing newsletter", "newsletter/subscribe prompt"),
        ("Advertisement", "comment/share/subscribe stub"),
        ("Tags: Senate, Congress, Budget", "section tag"),
        ("ALSO: Senate leader sets a new deadline", "related-content link"),
        ("Comments (12)", "comment/share/subscribe stub"),
        ("Click to share on Twitter (Opens in new window)", "comment/share/subscribe stub"),
        ("Kevin Lamarque/Reuters", "photo credit"),
        ("Getty Images", "photo credit"),
        ("Reporting by Jane Doe; Editing by John Smith", "wire staff credit"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "publisher note"),
        ("Reach reporter Jane Doe at jdoe@dailyplanet.com or on Twitter @janedoe.", "contact line"),
        ("Updated: Aug. 15, 2025 at 8:31 p.m. ET", "timestamp"),
        ("Published: 10:02 AM EDT, Fri August 15, 2025", "timestamp"),
        ("•", "separator rule"),
        ("Pick Six Newsletter", "newsletter/subscribe prompt"),
        ("Thanks for signing up!", "newsletter/subscribe prompt"),
        ("Keep an eye on your inbox for the latest news.", "newsletter/subscribe prompt"),
        ("Thursday 29 July 2004 08.23 BST", "dateline"),
        ("June 13, 2013 4:59 PM EDT", "dateline"),
        ("12/03/2012", "dateline"),
        ("Posted 7:57 p.m. Aug 13 2013", "timestamp"),
        ("http://www.theguardian.com/media/2004/jul/29/deep-throat", "link"),
    ],
)
def test_boilerplate_line_is_cut_with_its_reason(boilerplate, reason):
    raw, text, removed = _clean(STORY[:2] + [boilerplate] + STORY[2:])
    assert boilerplate not in text
    assert text == "\n".join(STORY)
    (cut,) = removed
    assert cut.text.strip() == boilerplate and reason in cut.reason
    assert _rebuild(text, removed) == raw


def test_section_tag_and_trailing_comments_stub_are_cut():
    raw, text, removed = _clean(["Published in Political News"] + STORY + ["_____", "©2025 Daily Planet.", "Comments"])
    assert text == "\n".join(STORY)
    assert [r.reason for r in removed] == ["section tag", "separator rule", "copyright footer",
                                           "comment/share/subscribe stub"]
    assert _rebuild(text, removed) == raw


def test_inline_photo_credit_is_cut_and_caption_kept():
    line = "Senators leave the chamber on Thursday. (Photo by Kevin Dietsch/Getty Images)"
    raw, text, removed = _clean(STORY[:1] + [line] + STORY[1:])
    assert "Senators leave the chamber on Thursday." in text
    assert "Getty" not in text
    assert removed[0].reason == "photo credit" and removed[0].text == " (Photo by Kevin Dietsch/Getty Images)"


def test_ap_photo_credit_in_parentheses_is_cut():
    raw, text, removed = _clean(STORY + ["The leader speaks. (AP Photo/J. Scott Applewhite)"])
    assert text.endswith("The leader speaks.")


@pytest.mark.parametrize(
    "glued, reason",
    [
        (" The post Senate passes the bill appeared first on Daily Planet.", "syndication credit"),
        ("©2025 Daily Planet. Visit dailyplanet.com. Distributed by Tribune Content Agency, LLC.", "copyright footer"),
        (" Photograph: Kevin Lamarque/Reuters", "photo credit"),
    ],
)
def test_footer_glued_to_the_last_paragraph_is_cut(glued, reason):
    raw, text, removed = _clean(STORY[:-1] + [STORY[-1] + glued])
    assert text == "\n".join(STORY)
    assert removed[-1].text == glued and removed[-1].reason == reason


def test_byline_at_the_top_is_cut():
    raw, text, removed = _clean(["By Jane Doe and John Smith, Staff Writers"] + STORY)
    assert text == "\n".join(STORY) and removed[0].reason == "byline"


@pytest.mark.parametrize(
    "story_line",
    [
        "Related legislation failed last year, and advocates said they would keep trying.",
        "The senator said she would read more of the report before deciding how to vote.",
        "Subscribers to the state's health plan would pay less under the bill, officials said.",
        "Copyright law was not part of the debate, though some members raised it.",
        "By Sept. 5, 2014, the two sides had signed a first agreement that fell apart within hours.",
        "Published in 1998, the original report has been cited by both parties ever since.",
        "Photos of the vote were shared widely on social media, drawing thousands of comments.",
        "He said the newsletter he writes for constituents would cover the vote.",
        "Comments from the White House came late in the evening.",
        "Also, the senator said she would hold hearings on the matter in the spring.",
        "Updated figures from the budget office show the deficit growing by $40 billion a year.",
        "Contact with the agency was limited, the inspector general wrote in the 2024 report.",
        "He said the year was hard. Copyright 2019 was when the lawsuits began, he recalled.",
        "Reporting by local outlets suggested the vote would be close, and it was.",
        "The newsletter, which goes to 40,000 readers, first reported the deal.",
        "The vote was 52-48.",
        "He said on May 5.",
        "May 2012 was the wettest month on record.",
        "On Monday, 12 people died.",
        "Posted by a reader on the council's page, the video spread fast.",
    ],
)
def test_story_lines_that_mention_boilerplate_words_are_kept(story_line):
    lines = STORY[:1] + [story_line] + STORY[1:]
    raw, text, removed = _clean(lines)
    assert text == raw and removed == []


def test_story_ending_is_not_taken_for_a_trailing_stub():
    lines = STORY + ["Mr. Smith declined to comment"]  # a sentence without a final period
    raw, text, removed = _clean(lines)
    assert text == raw


def test_headline_repeated_as_first_line_is_cut_when_title_is_known():
    raw, text, removed = _clean(["Senate passes the bill"] + STORY, title="Senate Passes the Bill")
    assert text == "\n".join(STORY) and "headline" in removed[0].reason


def test_paragraph_breaks_and_typographic_quotes_survive():
    raw, text, removed = _clean(STORY[:1] + ["", "SEE ALSO: Other news", ""] + STORY[1:])
    assert "“We got it done,”" in text
    assert text.count("\n") >= 2


def test_touching_cuts_stay_separate_and_overlapping_ones_merge():
    raw = "abc\ndef\nghi"
    from newsprism.ingest.clean import Cut

    text, removed = apply_cuts(raw, [Cut(4, 8, "x"), Cut(8, 11, "y")])
    assert text == "abc" and [r.text for r in removed] == ["\ndef\n", "ghi"]
    text, removed = apply_cuts(raw, [Cut(0, 5, "x"), Cut(3, 8, "y")])
    assert text == "ghi" and len(removed) == 1 and removed[0].reason == "x; y"


def test_lines_repeated_across_an_outlets_articles_are_cut():
    furniture = "Get the Planet app for breaking news alerts and more"
    raws = [f"Story number {i} begins here with its own words.\n{furniture}\nIt ends differently {i}." for i in range(4)]
    cuts = repeated_line_cuts(raws, ["Daily Planet"] * 4, [0, 1, 2, 3])
    assert all(len(c) == 1 and raws[i][c[0].start:c[0].end].strip() == furniture for i, c in enumerate(cuts))


def test_near_duplicate_copies_do_not_count_as_repeats():
    raws = ["Same story line one.\nSame story line two."] * 4
    cuts = repeated_line_cuts(raws, ["Daily Planet"] * 4, [0, 0, 0, 0])  # one cluster of copies
    assert cuts == [[], [], [], []]


def test_repeated_lines_need_a_known_outlet():
    raws = [f"Unique {i}.\nShared line" for i in range(5)]
    assert repeated_line_cuts(raws, [None] * 5, list(range(5))) == [[]] * 5


def test_repeated_furniture_is_cut_in_a_real_ingest_run():
    from newsprism.ingest.read import read_inputs

    furniture = "Download the Planet app for alerts"
    records = [
        {"id": f"p{i}", "outlet": "Daily Planet",
         "text": f"Story {i} is about topic number {i} and nothing else, told in plain words.\n{furniture}\n"
                 f"Its second paragraph covers angle {i * 3} with fresh detail for readers."}
        for i in range(4)
    ]
    for article in read_inputs(records).articles:
        assert furniture not in article.text
        assert any(r.reason == "repeated across the outlet's articles" for r in article.removed)
        for r in article.removed:
            assert article.raw[r.start:r.end] == r.text


def test_repeated_quote_lines_are_story_not_furniture():
    quote = "“We will rebuild,” the mayor said."
    raws = [f"Story {i} begins here.\n{quote}\nEnds {i}." for i in range(4)]
    assert repeated_line_cuts(raws, ["Daily Planet"] * 4, [0, 1, 2, 3]) == [[]] * 4


from hypothesis import given, settings
from hypothesis import strategies as st

_LINES = st.sampled_from(
    STORY + ["", " ", "SEE ALSO: x", "_____", "Comments", "©2025 Daily Planet.", "Share", "By Jane Doe",
             "A caption. (AP Photo/J. Doe)", "Ends.The post X appeared first on Y.", "•", "Published in World News"]
) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=12), st.one_of(st.none(), st.text(max_size=20)))
def test_any_text_cleans_into_offsets_that_rebuild_raw(lines, title):
    raw = "\n".join(lines)
    text, removed = clean_text(raw, title=title)
    for r in removed:
        assert raw[r.start:r.end] == r.text and r.reason
    assert [r.start for r in removed] == sorted(r.start for r in removed)
    assert all(a.end <= b.start for a, b in zip(removed, removed[1:]))  # no overlaps
    assert _rebuild(text, removed) == raw
