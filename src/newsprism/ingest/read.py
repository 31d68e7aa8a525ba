"""Read inputs into clean, attributed articles.

Inputs mix freely: files and directories (walked recursively), text streams
(``sys.stdin``), :class:`Article` objects and dicts (JSON-like records). A bad
input becomes one :class:`InputWarning` naming it; the rest is still read.

Steps: read (per format) → normalise (NFC, newlines) → clean (general rules)
→ drop exact duplicates → outlet + credits → near-duplicate clusters → lines
repeated across an outlet's articles → source groups → unique ids.

``Article.raw`` is the text as read: decoded, NFC, Unix newlines, trimmed at both
ends; for HTML, feeds and WARC it is the extracted main text (one paragraph per
line), since removals point into it. ``Article.text`` is ``raw`` minus the
removals, and is final: every later offset points into it.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from newsprism.ingest import clean, sources
from newsprism.ingest.decode import (
    MAX_BYTES,
    STREAM_MAX_BYTES,
    DecodeError,
    binary_kind,
    decode_bytes,
    gunzip,
    gunzip_head,
    normalize_text,
)
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.formats import NOT_ARTICLES, Document, format_from_name, resolve_format
from newsprism.ingest.html import extract_html
from newsprism.ingest.records import read_json, read_jsonl, record_to_documents
from newsprism.ingest.text import read_text
from newsprism.ingest.warc import read_warc
from newsprism.model import Article, InputWarning, Removal

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    saved: Any = None  # the store's SaveReport (inserted / updated / unchanged / duplicates) when stored


# ----------------------------------------------------------------------------- entry point


def read_inputs(inputs: Iterable[Any], progress: Progress | None = None) -> IngestResult:
    """Read, clean and attribute every input; bad inputs become warnings."""
    warnings: list[InputWarning] = []
    prepared: list[tuple[Article, Document | None]] = []
    seen_hashes: dict[str, str] = {}
    for item in _documents(inputs):
        if isinstance(item, InputWarning):
            warnings.append(item)
            continue
        article, doc = item
        if article.content_hash in seen_hashes:
            warnings.append(InputWarning(
                article.source_path or article.id,
                f"same text as {seen_hashes[article.content_hash]}; kept once",
                "duplicate",
            ))
            continue
        seen_hashes[article.content_hash] = article.source_path or article.id
        prepared.append((article, doc))
        if progress and len(prepared) % 100 == 0:
            progress("reading", len(prepared), 0)
    articles = [a for a, _ in prepared]
    if progress:
        progress("attributing", 0, len(articles))
    _assign_ids(articles, [(d.file_id, d.fallback_id) if d else (None, None) for _, d in prepared])
    credits = [
        sources.attribute_outlet(
            a,
            outlet_field=d.outlet if d else a.outlet,
            site_name=d.site_name if d else None,
        )
        for a, d in prepared
    ]
    clusters = sources.near_duplicate_clusters([a.text for a in articles])
    _remove_repeated_lines(articles, clusters)
    preset = [a.source_group for a in articles]  # a caller's Article may come with its group
    keys = [sources.group_key(a, c) for a, c in zip(articles, credits)]
    sources.assign_source_groups(articles, keys, clusters)
    for article, group in zip(articles, preset):
        article.source_group = group or article.source_group
    if progress:
        progress("attributing", len(articles), len(articles))
    return IngestResult(articles, warnings)


# ----------------------------------------------------------------------------- inputs to documents


def _documents(inputs: Iterable[Any]) -> Iterator[tuple[Article, Document | None] | InputWarning]:
    for item in inputs:
        if isinstance(item, Article):
            yield _from_article(item)
        elif isinstance(item, dict):
            fallback = "record-" + hashlib.sha256(repr(sorted(item.items(), key=str)).encode()).hexdigest()[:12]
            for doc in record_to_documents(item, str(item.get("id") or item.get("url") or "record"), fallback):
                yield _finish(doc)
        elif isinstance(item, (str, Path)):
            path = Path(item)
            yield from (_finish(d) for d in _read_path(path))
        elif hasattr(item, "read"):
            yield from (_finish(d) for d in _read_stream(item))
        else:
            yield InputWarning(repr(item)[:80], f"cannot read an input of type {type(item).__name__}", "input")


def _read_path(path: Path) -> Iterator[Document | InputWarning]:
    if not path.exists():
        yield InputWarning(str(path), "no such file or directory", "input")
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        found = False
        for file in files:
            for item in _read_file(file):
                found = found or isinstance(item, Document)
                yield item
        if not files:
            yield InputWarning(str(path), "directory holds no files", "empty")
        elif not found:
            yield InputWarning(str(path), "directory holds nothing readable as an article", "empty")
        return
    yield from _read_file(path)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[Document | InputWarning]:
    where = str(path)
    if path.name.lower().removesuffix(".gz").endswith(NOT_ARTICLES):
        yield InputWarning(where, f"not an article format ({path.suffix}); skipped", "unsupported")
        return
    fmt, gz = format_from_name(path.name)
    stem = _stem(path.name)
    try:
        size = path.stat().st_size
        if fmt == "warc":
            if size > STREAM_MAX_BYTES:
                yield _too_large(where, size, STREAM_MAX_BYTES)
                return
            with path.open("rb") as handle:
                yield from read_warc(handle, where)
            return
        if fmt == "jsonl" and not gz:
            if size > STREAM_MAX_BYTES:
                yield _too_large(where, size, STREAM_MAX_BYTES)
                return
            with path.open("rb") as handle:
                yield from read_jsonl(handle, where, stem)
            return
        if size > MAX_BYTES:
            yield _too_large(where, size, MAX_BYTES)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputWarning(where, f"cannot read file ({exc.strerror or exc})", "input")
        return
    yield from _read_bytes(data, where, stem, fmt, gz)


def _read_stream(stream: TextIO | BinaryIO) -> Iterator[Document | InputWarning]:
    """Standard input (or any stream): read once, up to the size limit, as one input."""
    where = "<stdin>" if stream is sys.stdin else str(getattr(stream, "name", "<stream>"))
    source = getattr(stream, "buffer", stream)
    data = source.read(MAX_BYTES + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BYTES:
        yield _too_large(where, len(data), MAX_BYTES, approximate=True)
        return
    yield from _read_bytes(data, where, "stdin", None, False)


def _read_bytes(data: bytes, where: str, stem: str, fmt: str | None, gz: bool) -> Iterator[Document | InputWarning]:
    try:
        if gz or data[:2] == b"\x1f\x8b":
            if fmt == "warc" or gunzip_head(data).lstrip().startswith(b"WARC/"):
                yield from read_warc(io.BytesIO(data), where)
                return
            data = gunzip(data)
        if not data.strip():
            yield InputWarning(where, "file is empty" if not data else "file holds only whitespace", "empty")
            return
        if fmt == "warc" or data.lstrip()[:5] == b"WARC/":
            yield from read_warc(io.BytesIO(data), where)
            return
        kind = binary_kind(data[:8192])
        if kind:
            yield InputWarning(where, f"this is {kind}, not text; skipped", "binary")
            return
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield InputWarning(where, f"{exc}; skipped", "encoding")
        return
    except (OSError, EOFError) as exc:
        yield InputWarning(where, f"broken compressed data ({exc}); skipped", "input")
        return
    if decoded.note:
        yield InputWarning(where, decoded.note, "encoding")
    text = decoded.text
    if not text.strip():
        yield InputWarning(where, "file holds only whitespace", "empty")
        return
    fmt = resolve_format(fmt, text[:4000])
    if fmt == "html":
        doc = extract_html(text, where)
        if doc is None:
            yield InputWarning(where, "no article text found in this HTML page", "no-article")
            return
        doc.file_id = stem
        yield doc
    elif fmt == "rss":
        yield from read_feed(text, where)
    elif fmt == "json":
        yield from read_json(text, where, stem)
    elif fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(text.encode("utf-8")), where, stem)
    else:
        yield read_text(text.strip(), where, stem)


def _too_large(where: str, size: int, limit: int, approximate: bool = False) -> InputWarning:
    mb = size / (1024 * 1024)
    over = "over" if approximate else f"{mb:.1f} MB,"
    return InputWarning(
        where,
        f"file is {over} the {limit // (1024 * 1024)} MB limit for one input; skipped "
        "(split it, or give many articles as JSON Lines)",
        "too-large",
    )


def _stem(name: str) -> str:
    for suffix in (".gz",):
        name = name.removesuffix(suffix)
    return name.rsplit(".", 1)[0] if "." in name else name


# ----------------------------------------------------------------------------- documents to articles


def _finish(item: Document | InputWarning) -> tuple[Article, Document] | InputWarning:
    """Normalise and clean one document into an article (id assigned later)."""
    if isinstance(item, InputWarning):
        return item
    doc = item
    raw = normalize_text(doc.text)
    if raw != raw.strip():
        # Readers give stripped text; records and extractors may not. Offsets in
        # pre-removals were computed on the reader's text, so only strip when none.
        raw = raw.strip() if not doc.pre_removals else raw
    if not raw.strip():
        return InputWarning(doc.source_path, "no text", "empty")
    text, removed = clean.clean_text(raw, title=doc.title, pre=doc.pre_removals)
    if not text.strip():
        return InputWarning(doc.source_path, "nothing but boilerplate after cleaning", "empty")
    article = Article(
        id=doc.id or "",
        raw=raw,
        text=text,
        removed=removed,
        title=_tidy(doc.title),
        url=doc.url or _page_address(removed),
        published=_iso_date(doc.published) or _stamped_date(raw, removed),
        author=_tidy(doc.author) or _byline_author(removed),
        source_path=doc.source_path,
        format=doc.format,
        content_hash=content_hash(text),
    )
    doc.text = ""  # the document's text lives on in article.raw; its metadata is used for attribution
    return article, doc


def _from_article(article: Article) -> tuple[Article, None]:
    """An Article passed in by a caller: cleaned the same way when it was not yet."""
    if not article.removed and article.text == article.raw and article.raw:
        raw = normalize_text(article.raw).strip()
        article.raw = raw
        article.text, article.removed = clean.clean_text(raw, title=article.title)
        article.url = article.url or _page_address(article.removed)
        article.published = article.published or _stamped_date(raw, article.removed)
    article.content_hash = content_hash(article.text)
    article.format = article.format or "record"
    return article, None


# A page's own date stamp is metadata when it sits at its top or its foot, not in a live blog's middle.
STAMP_HEAD_CHARS = 600
STAMP_FOOT_CHARS = 300
_UPDATED = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)


def _stamped_date(raw: str, removed: list[Removal]) -> str | None:
    """The publication date in the page's own date stamp ("First Published: June 13, 2013",
    "Thursday 29 July 2004 08.23 BST"), a published stamp before an "Updated" one."""
    stamps = [r for r in removed if ("timestamp" in r.reason or "dateline" in r.reason)
              and (r.start < STAMP_HEAD_CHARS or r.end > len(raw) - STAMP_FOOT_CHARS)]
    for stamp in sorted(stamps, key=lambda r: (bool(_UPDATED.match(r.text)), r.start)):
        when = clean.stamp_date_text(stamp.text)
        if when and (iso := _iso_date(when)):
            return iso
    return None


def _page_address(removed: list[Removal]) -> str | None:
    """The page's address when a line above the story is nothing but it."""
    for r in removed:
        if r.start < STAMP_HEAD_CHARS and r.reason == "link":
            return r.text.strip()
    return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_text(re.sub(r"\s+", " ", str(value))).strip()
    return value or None


def _byline_author(removed) -> str | None:
    for r in removed:
        if r.reason == "byline":
            name = re.sub(r"^\s*by\s+", "", r.text.strip(), flags=re.IGNORECASE)
            return re.split(r"\s*[|–—]\s*|,\s*(?=[A-Z][a-z]+ [A-Z])", name)[0].strip() or None
    return None


_RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d\d:\d\d(?::\d\d)?(?:\s|$)")


def _iso_date(value: str | None) -> str | None:
    """ISO 8601 for a date in any common form; None when it cannot be read."""
    if not value:
        return None
    value = str(value).strip()
    from datetime import date, datetime

    try:
        return date.fromisoformat(value).isoformat()  # a bare date keeps its day precision
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    if _RFC_2822.match(value):  # feeds' dates; email parsing reads "4:59 PM" as 04:59, so only these
        try:
            from email.utils import parsedate_to_datetime

            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    import dateparser

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    return parsed.isoformat() if parsed else None


# ----------------------------------------------------------------------------- ids and repeated lines

_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def _assign_ids(articles: list[Article], fallbacks: list[tuple[str | None, str | None]]) -> None:
    """Stable ids: given id, file stem, URL, file stem + record number, or content hash;
    unique in the run."""
    used: set[str] = set()
    for article, (file_id, record_id) in zip(articles, fallbacks):
        base = (
            _slug_id(article.id)
            or _slug_id(file_id)
            or _url_id(article.url)
            or _slug_id(record_id)
            or "a-" + article.content_hash[:12]
        )
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        article.id = candidate


def _slug_id(value: str | None) -> str | None:
    if not value:
        return None
    slug = _ID_CHARS.sub("-", str(value)).strip("-.")
    return slug[:120] or None


def _url_id(url: str | None) -> str | None:
    """``domain-last-path-part``, with a short hash so that similar URLs stay apart."""
    domain = sources.domain_of(url)
    if not domain:
        return None
    path = re.sub(r"\.(?:html?|php|aspx?)$", "", url.split("?", 1)[0].split("#", 1)[0].rstrip("/"))
    tail = path.rsplit("/", 1)[-1] if path.count("/") > 2 else ""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:8]
    slug = _ID_CHARS.sub("-", tail).strip("-.")[:60]
    return f"{domain}-{slug}-{digest}" if slug else f"{domain}-{digest}"


def _remove_repeated_lines(articles: list[Article], clusters: list[int]) -> None:
    cuts = clean.repeated_line_cuts([a.raw for a in articles], [a.outlet for a in articles], clusters)
    for article, extra in zip(articles, cuts):
        if not extra:
            continue
        existing = [clean.Cut(r.start, r.end, r.reason) for r in article.removed]
        text, removed = clean.apply_cuts(article.raw, existing + extra)
        if text.strip():
            article.text, article.removed = text, removed
            article.content_hash = content_hash(text)
