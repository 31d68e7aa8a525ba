"""RSS and Atom feed files (feedparser): one article per entry with content or summary."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime, timezone

from newsprism.ingest.formats import Document
from newsprism.ingest.html import fragment_to_text
from newsprism.model import InputWarning


def read_feed(text: str, source_path: str) -> Iterator[Document | InputWarning]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        problem = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        yield InputWarning(source_path, f"feed has no entries{problem}", "empty")
        return
    site = (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source_path}#{number}"
        body = _entry_body(entry)
        if not body:
            yield InputWarning(where, "feed entry has no content or summary", "empty")
            continue
        yield Document(
            text=body,
            format="rss",
            source_path=where,
            title=(entry.get("title") or "").strip() or None,
            url=entry.get("link") or None,
            published=_entry_date(entry),
            site_name=site,
            author=(entry.get("author") or "").strip() or None,
            id=_entry_id(entry),
        )


def _entry_body(entry) -> str:
    """The longest of the entry's content blocks and its summary, as text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    texts = [fragment_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="").strip()


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).isoformat()


def _entry_id(entry) -> str | None:
    """An explicit guid that is not just the link (links make URL-derived ids later)."""
    guid = entry.get("id")
    if guid and guid != entry.get("link") and not guid.startswith(("http://", "https://")):
        return guid
    return None
