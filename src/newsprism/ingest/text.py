"""Plain-text articles: the first line may be a headline (a conservative test)."""

from __future__ import annotations

import re

from newsprism.ingest.clean import line_reason
from newsprism.ingest.formats import Document
from newsprism.model import Removal

# A headline is short and has no final sentence punctuation; a lede paragraph is
# long and ends with a full stop (or a closing quote after one).
MAX_HEADLINE_WORDS = 20
MIN_BODY_WORDS = 20
_SENTENCE_END = re.compile(r"[.:;,][\"'”’)]*$|[.!?][\"'”’)]+$")
_BYLINE = re.compile(r"^by\s", re.IGNORECASE)


def read_text(text: str, source_path: str, fallback_id: str, fmt: str = "txt") -> Document:
    doc = Document(text=text, format=fmt, source_path=source_path, file_id=fallback_id)
    headline = find_headline(text)
    if headline is not None:
        start, end = headline
        doc.title = text[start:end].strip()
        cut_end = end + 1 if text[end:end + 1] == "\n" else end
        doc.pre_removals.append(Removal(text[start:cut_end], start, cut_end, "headline (moved to title)"))
    return doc


# Lines a scraped page may put above its headline: its address and its date stamp.
_ABOVE_HEADLINE = ("link", "dateline", "timestamp")


def find_headline(text: str) -> tuple[int, int] | None:
    """Offsets of the first line (after the page's address or date stamp) when it reads as a
    headline above a body, else None."""
    start = 0
    while (end := text.find("\n", start)) > start and line_reason(text[start:end]) in _ABOVE_HEADLINE:
        start = end + 1
    first_end = text.find("\n", start)
    if first_end <= start:
        return None
    first = text[start:first_end].strip()
    words = first.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(first) > 200:
        return None
    if _SENTENCE_END.search(first) or _BYLINE.match(first) or not (first[0].isupper() or first[0].isdigit() or first[0] in "“\"'‘"):
        return None
    if first.endswith(("—", "–", "-")) or line_reason(first):
        return None  # a dateline on its own line, or boilerplate (a section tag is not a headline)
    body_lines = [line for line in text[first_end + 1:].split("\n") if line.strip()]
    if not body_lines or max(len(line.split()) for line in body_lines) < MIN_BODY_WORDS:
        return None
    return start, first_end
