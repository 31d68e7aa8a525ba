"""Take out what is not the story, recording every cut.

Cleaning never edits text in place: it chooses spans of ``raw`` to cut, and the
clean ``text`` is ``raw`` without them. Each cut becomes a :class:`Removal`
(offsets into ``raw``) so nothing is lost and every span can be traced back.

Two kinds of rules:
- general patterns (footers, "SEE ALSO:" lines, separators, photo credits, ...),
  anchored to whole lines so that a story sentence that merely mentions
  "related" or "subscribe" is never touched;
- lines that repeat across many different articles of one outlet
  (:func:`repeated_line_cuts`), which catches site furniture no pattern knows.
Paragraph breaks ("\\n") are kept as they are: downstream uses them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsprism.model import Removal


@dataclass(frozen=True)
class Cut:
    start: int
    end: int
    reason: str


# ----------------------------------------------------------------------------- line patterns

_I = re.IGNORECASE
_SYNDICATION = [
    re.compile(r"^the post\b.{1,400}\bappeared first on\b.{1,150}$", _I),
    re.compile(r"^(?:this (?:article|story|post|piece)\s+)?(?:was\s+|is\s+)?(?:originally|first)\s+"
               r"(?:appeared|published|posted|ran)\s+(?:in|on|by|at)\b.{1,200}$", _I),
    re.compile(r"^(?:this (?:article|story) (?:is|was) )?(?:republished|reprinted|reproduced) "
               r"(?:from|with permission|courtesy|under)\b.{1,200}$", _I),
    re.compile(r"^(?:distributed|syndicated) by\b.{1,150}$", _I),
    re.compile(r"^visit\s+(?:us\s+at\s+)?[\w.-]+\.[a-z]{2,}(?:/\S*)?\.?$", _I),
]
_COPYRIGHT = [
    re.compile(r"^(?:©|\(c\)\s|℗|copyright\s*(?:©|\(c\)|\d{4}|by\b))", _I),
    re.compile(r"\ball rights reserved\b\.?$", _I),
    re.compile(r"^this (?:material|article|content) may not be (?:published|reproduced)", _I),
]
_SEE_ALSO = re.compile(
    r"^(?:[\[(]?(?:also|see also|also see|also read|read also|read more|more|related|related coverage|"
    r"related stories|related articles?|related content|related links?|related reading|recommended|"
    r"recommended reading|recommended stories|read next|up next|next up|watch|watch now|watch live|video|photos|gallery|"
    r"listen|listen now|further reading|trending|trending now|popular|most read|don['’]t miss|"
    r"(?:more|more stories|read more|latest) (?:from|on|about) [^:|]{1,50})[\])]?)\s*[:|»›>–—]+\s*\S",
    _I,
)
_READ_MORE = re.compile(
    r"^(?:read|see|view|continue reading|click here(?: to)?(?: read)?|keep reading)\s*(?:more|the full|the rest)?\b"
    r"(?:\s*(?:[:»›→…]|\.\.\.)|\s+(?:here|about|at|on|from|in our|of our)\b)?.{0,120}$",
    _I,
)
_READ_MORE_STRICT = re.compile(r"^(?:read more|continue reading|keep reading|see more|view more|click here)\b", _I)
_NEWSLETTER = [
    re.compile(r"^(?:sign up|subscribe|get|join|click here|don['’]t miss|want (?:more|the latest))\b.{0,250}"
               r"\b(?:newsletters?|inbox|subscription|subscribers?|sign up|subscribe|e-?mail alerts?|alerts)\b", _I),
    re.compile(r"^(?:support|help fund|become a (?:member|subscriber))\b.{0,150}\b(?:journalism|reporting|subscri\w+|donat\w+)\b", _I),
    re.compile(r"^already (?:a )?(?:subscriber|member|have an account)\b", _I),
    re.compile(r"^(?:thanks|thank you) for (?:signing up|subscribing|registering)\b", _I),
    re.compile(r"\bkeep an eye on your inbox\b", _I),
    re.compile(r"^(?:[\w'’&+-]+\s){0,4}newsletters?\s*[:!.]?$", _I),  # a widget's name ("Pick Six Newsletter")
    re.compile(r"^(?:this (?:content|article|story) is (?:for|only available to) subscribers)\b", _I),
    re.compile(r"^follow (?:us|[\w .@'’-]{1,40}) on (?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin)\b.{0,100}$", _I),
]
_SEPARATOR = re.compile(r"^[\s_\-–—=*•~#·+.]{3,}$")
# A line without a single letter or digit is layout, not story (unless it holds a
# quotation mark, which quote detection downstream must see).
_WORD_CHAR = re.compile(r"\w")
_QUOTE_CHAR = re.compile("[\"'“”‘’«»]")
_PHOTO_LINE = re.compile(
    r"^(?:photo|photograph|image|picture|pictured|credit|photo credit|image credit|"
    r"photo illustration|file photo|top image|featured image|lead image)s?\s*(?::|by\b|\|)\s*.{1,200}$",
    _I,
)
_PHOTO_INLINE = re.compile(
    r"[ \t]?\((?:[^()\n]{0,80}?\b(?:photos?|photograph|image|picture)s?\s*(?:by\b|:|/)[^()\n]{1,120}"
    r"|[^()\n]{0,100}?(?:getty images|/\s*(?:AP|AFP|Reuters|REUTERS|EPA|Shutterstock|Bloomberg|Pool)\b"
    r"|\b(?:REUTERS|AFP|EPA|AP|Reuters)\s*/)[^()\n]{0,60})\)",
    _I,
)
_SECTION = re.compile(r"^(?:published|posted|filed|appeared)\s+(?:in|under)\s*:?\s+(?P<rest>.+)$", _I)
_TAGS = re.compile(r"^(?:tags?|topics?|categories|category|sections?|filed under|keywords)\s*:\s*\S.{0,300}$", _I)
_BYLINE = re.compile(
    r"^(?i:by)\s+(?:[A-Z][\w.'’-]*\.?\s*){1,4}(?:(?:,|\band\b|&)\s*(?:[A-Z][\w.'’-]*\.?\s*){1,4})*"
    r"(?:\s*(?:[,|–—-]|\band\b)\s*.{0,80})?$"
)
_STUBS = {
    "comments", "comment", "leave a comment", "leave a reply", "view comments", "show comments",
    "join the conversation", "join the discussion", "add a comment", "post a comment", "no comments",
    "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "share via email", "share article", "tweet", "email", "e-mail", "print",
    "print this article", "like this", "like", "loading", "facebook", "twitter", "whatsapp",
    "linkedin", "reddit", "pinterest", "copy link", "copy link to clipboard", "link copied",
    "save", "save article", "advertisement", "ad", "sponsored", "sponsored content",
    "story continues below", "story continues below advertisement", "article continues below",
    "continue reading below", "scroll to continue with content", "skip ad", "subscribe",
    "subscribe now", "sign up", "sign in", "log in", "read more", "see more", "related",
    "related articles", "related stories", "related content", "more stories", "recommended",
    "back to top", "top of page", "listen to this article", "gift this article", "close", "tags",
    "topics", "more on this story", "follow us", "trending now",
}
_COMMENT_COUNT = re.compile(r"^\d+\s+comments?$", _I)
_STUB_PUNCT = re.compile(r"[\s:.!…»›|()\[\]\d]+$")
_CLICK_TO = re.compile(r"^click to (?:share|email|print|open|tweet)\b.{0,80}$", _I)
_AGENCY_CREDIT = re.compile(
    r"^(?:[\w .,'’-]{0,60}/\s*)?(?:Getty Images|AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Shutterstock|Bloomberg|"
    r"Pool|AP Photo|Associated Press)(?: via Getty Images)?$"
)
_WIRE_STAFF = re.compile(
    r"^\(?(?i:(?:additional )?(?:reporting|writing|editing|compiled|research|graphics) by)\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+.{0,250}\)?$"
)
_PUBLISHER_NOTE = re.compile(r"^our standards\s*:", _I)
_CONTACT = re.compile(r"^(?:contact|e-?mail|reach|write to|follow)\b.{0,150}(?:[\w.+-]+@[\w-]+\.[\w.]+|\s@\w+)", _I)
_TIMESTAMP = re.compile(
    r"^(?:(?:last\s+)?updated|published|posted|first published)(?:\s+on|\s+at)?\s*:\s*.{0,60}\d.{0,40}$"
    r"|^(?:last\s+)?updated\s+(?:on\s+|at\s+)?.{0,40}\d.{0,40}$",
    _I,
)
# A line that is nothing but a date and time ("Thursday 29 July 2004 08.23 BST", "June 13, 2013
# 4:59 PM EDT", "12/03/2012"): a page's date stamp, never a sentence of the story.
_DATE_WORD = (r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
              r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATELINE_TOKEN = re.compile(
    r"\b(?:" + _DATE_WORD + r"|\d{1,4}(?:st|nd|rd|th|[ap]\.?m\.?|[ap])?|[ap]\.?m\.?|(?-i:[A-Z]{2,4})(?:[+-]\d{1,4})?|at|on)(?!\w)"
    r"|[,.:/|–—-]", _I)
# The words a stamp wraps around its date and time: "16 September 2013 Last updated at 12:42 GMT", "Friday, Sep
# 10, 2010 | Updated 8:52 PM EDT", "August 10, 2011 -- Updated 0947 GMT (1747 HKT)", "Tue Jul 02 2013, 14:58 hrs",
# "Friday August 2, 2013 @ 8:13am PDT", "Date Published: Tuesday, November 15, 2011".
# ECB+-style pages add "Story Created:", "Published time:", "Released", "Edited time:".
_STAMP_FILLER = re.compile(
    r"\b(?:first|last|updated|posted|published|created|released?|edited|story|article|date|time|hrs)\b|[@()]", _I)
# Where a stamp's first date ends: an "Updated" part or a second zone in brackets follows.
_STAMP_SECOND_PART = re.compile(r"\s*(?:\||\(|\blast\s+updated\b|\b(?:updated|edited)\b).*$", _I)
_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", _I)
# Tokenised pages space the slashes: "08 / 04 / 11 06:44 PM ET".
_NUMERIC_DATE = re.compile(r"\b\d{1,4}(?:\s?/\s?\d{1,2}\s?/\s?|[.-]\d{1,2}[.-])\d{2,4}\b")
_YEAR_OR_DAY = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:st|nd|rd|th)?\b")
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", _I)


_STAMP_LABEL = re.compile(r"^(?:(?:first|last|story|article)\s+)?(?:published|posted|updated|modified|created|released?)"
                          r"(?:\s+time)?(?:\s+(?:on|at))?\s*:?\s*", _I)


def stamp_date_text(line: str) -> str | None:
    """The date part of a date stamp line ("Posted 7:57 p.m. Aug 13 2013", "Monday, July 26, 2004"); of a
    stamp with a published and an updated date, the first ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT")."""
    s = line.strip()
    label = _STAMP_LABEL.match(s)
    rest = s[label.end():] if label else s
    if not (is_dateline(rest) or (label and _TIMESTAMP.match(s))):
        return None
    first = _STAMP_SECOND_PART.sub("", rest)
    first = re.sub(r"^\s*on\s+|\s+", " ", _STAMP_FILLER.sub(" ", first)).strip(" :-–—,")
    first = re.sub(r"(?<=\d) / (?=\d)", "/", first)
    return first if first and (_MONTH_NAME.search(first) or _NUMERIC_DATE.search(first)) else rest


def is_dateline(line: str) -> bool:
    """True when ``line`` holds only a date (and time), with a stamp's own words around them ("Last updated
    at", "| Updated", "@", a second time zone in brackets): a date stamp, not story text."""
    s = _STAMP_FILLER.sub(" ", line.strip()).strip()
    # Up to a published and an updated date and time ("on May 1, 2008 at 4:31 AM, updated …"); lone
    # punctuation (tokenised "08 / 04 / 11") is not a word.
    if not s or sum(1 for w in s.split() if _WORD_CHAR.search(w)) > 16:
        return False
    rest = _DATELINE_TOKEN.sub(" ", s)
    if rest.strip():
        return False
    return bool(_NUMERIC_DATE.search(s) or _MONTH_NAME.search(s) and _YEAR_OR_DAY.search(s))


# Footers glued to the end of the last paragraph (feeds often drop the line break).
_INLINE_FOOTERS = (
    (re.compile(r"(?<=[.!?”\"’)])\s*The post\b.{1,400}?\bappeared first on\b[^\n]{1,150}$", _I), "syndication credit"),
    (re.compile(r"(?<=[.!?”\"’)])\s*(?:©\s*\d{4}|Copyright\s*(?:©\s*)?\d{4}\s+[A-Z])[^\n]{0,200}$"), "copyright footer"),
    (re.compile(r"(?<=[.!?”\"’)])\s*(?:Photograph|Photo|Photo credit|Image|Picture)s?:\s*[^\n/]{1,80}/[^\n]{1,60}$"),
     "photo credit"),
)


def _norm_stub(line: str) -> str:
    return _STUB_PUNCT.sub("", line.strip()).strip().lower()


def _words(line: str) -> int:
    return len(line.split())


def line_reason(line: str) -> str | None:
    """Why a whole line (stripped) is not story text, or None when it may be story."""
    s = line.strip()
    if not s:
        return None
    n = _words(s)
    if _SEPARATOR.match(s) or not (_WORD_CHAR.search(s) or _QUOTE_CHAR.search(s)):
        return "separator rule"
    if n <= 8 and (_norm_stub(s) in _STUBS or _COMMENT_COUNT.match(s)) or (n <= 16 and _CLICK_TO.match(s)):
        return "comment/share/subscribe stub"
    if n <= 12 and _AGENCY_CREDIT.match(s):
        return "photo credit"
    if n <= 40 and _WIRE_STAFF.match(s):
        return "wire staff credit"
    if n <= 25 and _PUBLISHER_NOTE.match(s):
        return "publisher note"
    if n <= 25 and _CONTACT.match(s):
        return "contact line"
    if n <= 12 and _TIMESTAMP.match(s) or n <= 14 and _STAMP_LABEL.match(s) and stamp_date_text(s):
        return "timestamp"
    if is_dateline(s):
        return "dateline"
    if n == 1 and _URL_LINE.match(s):
        return "link"
    if n <= 60 and any(p.search(s) for p in _SYNDICATION):
        return "syndication credit"
    if n <= 60 and any(p.search(s) for p in _COPYRIGHT):
        return "copyright footer"
    if n <= 40 and _SEE_ALSO.match(s):
        return "related-content link"
    if n <= 25 and _READ_MORE_STRICT.match(s) and _READ_MORE.match(s):
        return "related-content link"
    if n <= 45 and any(p.search(s) for p in _NEWSLETTER):
        return "newsletter/subscribe prompt"
    if n <= 30 and _PHOTO_LINE.match(s):
        return "photo credit"
    if n <= 40 and _TAGS.match(s):
        return "section tag"
    section = _SECTION.match(s)
    if section and _is_label(section.group("rest")):
        return "section tag"
    return None


def _is_label(text: str) -> bool:
    """A short title-case label ("Political News", "World & Nation"), not a sentence."""
    words = text.strip().split()
    if not 1 <= len(words) <= 6 or text.rstrip().endswith((".", "!", "?", ",")):
        return False
    small = {"and", "&", "of", "the", "in", "on", "for", "/", "|", ",", "-", "–", "a"}
    return all(w[0].isupper() or w.lower() in small or w[0].isdigit() for w in words)


def _is_byline(line: str) -> bool:
    s = line.strip()
    return _words(s) <= 15 and bool(_BYLINE.match(s)) and not s.endswith((".", "?", "!")) or bool(
        re.match(r"^by\s+[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){0,2}\.?$", s)
    )


# ----------------------------------------------------------------------------- cutting

def line_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans, start = [], 0
    for line in raw.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _same_title(line: str, title: str | None) -> bool:
    if not title:
        return False
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return bool(norm(line)) and norm(line) == norm(title)


def general_cuts(raw: str, *, title: str | None = None, pre: Iterable[Removal] = ()) -> list[Cut]:
    """Cuts from the general patterns: leading, anywhere, trailing, then inline photo credits."""
    cuts = [Cut(r.start, r.end, r.reason) for r in pre]
    taken = {i for c in cuts for i in range(c.start, c.end)} if cuts else set()
    spans = line_spans(raw)
    removed: dict[int, str] = {}
    kept_seen = 0
    for index, (start, end) in enumerate(spans):
        if start in taken:
            removed[index] = ""  # already cut by a reader (headline)
            continue
        line = raw[start:end]
        if not line.strip():
            continue
        reason = line_reason(line)
        if reason is None and kept_seen < 4:
            # The top of an article: bylines, section tags, a repeated headline.
            if _same_title(line, title):
                reason = "headline (duplicate of title)"
            elif _is_byline(line):
                reason = "byline"
        if reason:
            removed[index] = reason
        else:
            kept_seen += 1
    # Trailing furniture: from the end, short lines that are not sentences
    # (a stray "Comments", "Visit site.com") go with the footer below them.
    index = len(spans) - 1
    while index >= 0:
        start, end = spans[index]
        line = raw[start:end].strip()
        if index in removed or not line:
            index -= 1
            continue
        if (_words(line) <= 4 and not re.search(r"[.!?][\"'”’)]*$", line) and not _QUOTE_CHAR.search(line)
                and _has_footer_below(index, removed)):
            removed[index] = "trailing stub"
            index -= 1
            continue
        break
    for index, reason in removed.items():
        if reason:
            start, end = spans[index]
            cuts.append(Cut(start, min(end + 1, len(raw)), reason))
    for index, (start, end) in enumerate(spans):
        if index in removed:
            continue
        cuts.extend(_inline_cuts(raw, start, end))
    return cuts


def _has_footer_below(index: int, removed: dict[int, str]) -> bool:
    """True when some line below ``index`` was cut as footer furniture."""
    return any(i > index and reason for i, reason in removed.items())


def _inline_cuts(raw: str, start: int, end: int) -> list[Cut]:
    """Credits and footers inside a story line: photo credits in parentheses, and a
    footer glued to the end of the line."""
    line = raw[start:end]
    cuts: list[Cut] = []
    for pattern, reason in _INLINE_FOOTERS:
        m = pattern.search(line)
        if m and _words(m.group()) <= 60:
            cuts.append(Cut(start + m.start(), start + m.end(), reason))
            line = line[: m.start()]
            break
    if "(" not in line:
        return cuts
    for m in _PHOTO_INLINE.finditer(line):
        rest = (line[: m.start()] + line[m.end():]).strip()
        if not rest:  # the whole line is the credit
            return [Cut(start, min(end + 1, len(raw)), "photo credit")]
        cuts.append(Cut(start + m.start(), start + m.end(), "photo credit"))
    return cuts


def apply_cuts(raw: str, cuts: Iterable[Cut]) -> tuple[str, list[Removal]]:
    """Clean text and removals for ``cuts``: overlapping cuts merge, touching ones stay
    separate (each listed), and the clean text gets no dangling newline at either end."""
    merged: list[list] = []
    for cut in sorted(cuts, key=lambda c: (c.start, c.end)):
        if cut.end <= cut.start:
            continue
        if merged and cut.start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], cut.end)
            if cut.reason not in last[2]:
                last[2].append(cut.reason)
            continue
        merged.append([cut.start, cut.end, [cut.reason]])
    if merged and merged[-1][1] >= len(raw):
        # The newline before a run of cuts that reaches the end goes with the run's first cut.
        first = len(merged) - 1
        while first > 0 and merged[first - 1][1] == merged[first][0]:
            first -= 1
        while merged[first][0] > 0 and raw[merged[first][0] - 1].isspace():
            merged[first][0] -= 1
            if first > 0 and merged[first - 1][1] > merged[first][0]:
                merged[first][0] += 1
                break
    if merged and merged[0][0] == 0:
        # Likewise, whitespace after a run of cuts from the start goes with its last cut.
        last = 0
        while last + 1 < len(merged) and merged[last][1] == merged[last + 1][0]:
            last += 1
        limit = merged[last + 1][0] if last + 1 < len(merged) else len(raw)
        while merged[last][1] < limit and raw[merged[last][1]].isspace():
            merged[last][1] += 1
    pieces, removals, pos = [], [], 0
    for start, end, reasons in merged:
        pieces.append(raw[pos:start])
        removals.append(Removal(raw[start:end], start, end, "; ".join(reasons)))
        pos = end
    pieces.append(raw[pos:])
    return "".join(pieces), removals


def clean_text(raw: str, *, title: str | None = None, pre: Iterable[Removal] = ()) -> tuple[str, list[Removal]]:
    """Clean ``raw`` with the general rules: (text, removals)."""
    return apply_cuts(raw, general_cuts(raw, title=title, pre=pre))


# ----------------------------------------------------------------------------- repeated lines

MIN_REPEAT_ARTICLES = 3
MIN_REPEAT_SHARE = 0.5
MAX_REPEAT_WORDS = 25  # site furniture is short; a reused background paragraph is story


def repeated_line_cuts(
    raws: Sequence[str], outlets: Sequence[str | None], clusters: Sequence[int]
) -> list[list[Cut]]:
    """Cuts for lines that repeat across many *different* articles of one outlet.

    ``clusters`` gives each article's near-duplicate cluster: copies of one story
    share every line, so a line counts once per cluster, and it must appear in at
    least ``MIN_REPEAT_ARTICLES`` clusters and half of the outlet's clusters.
    """
    by_outlet: dict[str, set[int]] = defaultdict(set)
    for cluster, outlet in zip(clusters, outlets):
        if outlet:
            by_outlet[outlet].add(cluster)
    counts: dict[str, Counter] = defaultdict(Counter)
    for raw, outlet, cluster in zip(raws, outlets, clusters):
        if outlet and len(by_outlet[outlet]) >= MIN_REPEAT_ARTICLES:
            for line in {ln.strip() for ln in raw.split("\n")}:
                if line and _words(line) <= MAX_REPEAT_WORDS and not _QUOTE_CHAR.search(line):
                    counts[outlet][(line, cluster)] += 1
    repeated: dict[str, set[str]] = {}
    for outlet, pairs in counts.items():
        per_line = Counter(line for line, _ in pairs)
        need = max(MIN_REPEAT_ARTICLES, MIN_REPEAT_SHARE * len(by_outlet[outlet]))
        repeated[outlet] = {line for line, n in per_line.items() if n >= need}
    result: list[list[Cut]] = []
    for raw, outlet in zip(raws, outlets):
        lines = repeated.get(outlet or "", set())
        cuts = []
        if lines:
            for start, end in line_spans(raw):
                if raw[start:end].strip() in lines:
                    cuts.append(Cut(start, min(end + 1, len(raw)), "repeated across the outlet's articles"))
        result.append(cuts)
    return result
