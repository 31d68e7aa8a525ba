"""JSON and JSON Lines records, and dicts passed through the Python API.

A record needs ``text`` (or a common synonym); ``title``, ``url``, ``published``,
``outlet``, ``author`` and ``id`` are optional. A record holding only ``html``
goes through the HTML extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsprism.ingest.decode import DecodeError, decode_bytes
from newsprism.ingest.formats import Document
from newsprism.ingest.html import extract_html, fragment_to_text
from newsprism.model import InputWarning

_TEXT_KEYS = ("text", "body", "content", "articleBody", "article", "maintext")
_TITLE_KEYS = ("title", "headline")
_URL_KEYS = ("url", "link", "canonical_url")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "datePublished", "date_publish", "pubDate")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "sitename", "source_domain")
_AUTHOR_KEYS = ("author", "authors", "byline")
_ID_KEYS = ("id", "_id", "uuid", "guid")
_LIST_KEYS = ("articles", "items", "records", "data", "documents")


def read_json(text: str, source_path: str, fallback_id: str) -> Iterator[Document | InputWarning]:
    """A JSON file: one record, an array of records, or an object holding an array."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield InputWarning(source_path, f"not valid JSON ({exc})", "input")
        return
    if isinstance(data, dict):
        nested = next((data[k] for k in _LIST_KEYS if isinstance(data.get(k), list)), None)
        records = nested if nested is not None and not _text_of(data) else [data]
    elif isinstance(data, list):
        records = data
    else:
        yield InputWarning(source_path, "JSON holds neither a record nor a list of records", "input")
        return
    if not records:
        yield InputWarning(source_path, "JSON list is empty", "empty")
    single = len(records) == 1
    for number, record in enumerate(records, 1):
        where = source_path if single else f"{source_path}#{number}"
        for doc in record_to_documents(record, where, fallback_id if single else f"{fallback_id}-{number}", "json"):
            if single and isinstance(doc, Document):
                doc.file_id, doc.fallback_id = doc.fallback_id, None
            yield doc


def read_jsonl(lines: Iterable[bytes], source_path: str, fallback_id: str) -> Iterator[Document | InputWarning]:
    """JSON Lines, streamed: a bad line is reported by number and skipped."""
    seen = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        seen += 1
        where = f"{source_path}:{number}"
        try:
            record = json.loads(decode_bytes(line).text)
        except DecodeError as exc:
            yield InputWarning(where, f"line {number}: {exc}", "encoding")
            continue
        except ValueError as exc:
            yield InputWarning(where, f"line {number} is not valid JSON ({exc})", "input")
            continue
        yield from record_to_documents(record, where, f"{fallback_id}-{number}", "jsonl")
    if seen == 0:
        yield InputWarning(source_path, "file is empty", "empty")


def record_to_documents(record: Any, where: str, fallback_id: str, fmt: str = "record") -> Iterator[Document | InputWarning]:
    if not isinstance(record, dict):
        yield InputWarning(where, f"record is a JSON {type(record).__name__}, not an object", "input")
        return
    text = _text_of(record)
    doc: Document | None
    if text is None and isinstance(record.get("html"), str):
        doc = extract_html(record["html"], where, url=_first(record, _URL_KEYS))
        if doc is None:
            yield InputWarning(where, "no article text found in the record's HTML", "no-article")
            return
        doc.format = fmt
    elif text is None:
        yield InputWarning(where, "record has no text field (text, body or content)", "input")
        return
    else:
        doc = Document(text=text, format=fmt, source_path=where)
    doc.fallback_id = fallback_id
    doc.title = _first(record, _TITLE_KEYS) or doc.title
    doc.url = _first(record, _URL_KEYS) or doc.url
    doc.published = _first(record, _DATE_KEYS) or doc.published
    doc.outlet = _outlet_of(record)
    doc.author = _author_of(record) or doc.author
    record_id = _first(record, _ID_KEYS)
    doc.id = str(record_id) if record_id not in (None, "") else None
    yield doc


def _text_of(record: dict) -> str | None:
    for key in _TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            # Some exports carry the body as HTML markup.
            return fragment_to_text(value) if _is_markup(value) else value
    return None


def _is_markup(value: str) -> bool:
    head = value.lstrip()[:200].lower()
    return head.startswith("<") and ("<p" in value.lower() or "<div" in value.lower() or "<br" in value.lower())


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None


def _outlet_of(record: dict) -> str | None:
    for key in _OUTLET_KEYS:
        value = record.get(key)
        if isinstance(value, dict):  # {"source": {"id": ..., "name": ...}} as news APIs give it
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _author_of(record: dict) -> str | None:
    for key in _AUTHOR_KEYS:
        value = record.get(key)
        if isinstance(value, list):
            names = [v.get("name") if isinstance(v, dict) else v for v in value]
            value = ", ".join(str(n).strip() for n in names if n)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
