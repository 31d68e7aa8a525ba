"""WARC files (warcio), the format news crawls come in: HTML responses become articles.

The archive is streamed record by record, so a crawl file larger than memory is fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsprism.ingest.decode import DecodeError, MAX_BYTES, decode_bytes
from newsprism.ingest.formats import Document
from newsprism.ingest.html import extract_html
from newsprism.model import InputWarning

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source_path: str) -> Iterator[Document | InputWarning]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source_path}#{url}" if url else source_path
            payload = record.content_stream().read(MAX_BYTES + 1)
            if len(payload) > MAX_BYTES:
                yield InputWarning(where, "page is over the size limit; skipped", "too-large")
                continue
            pages += 1
            try:
                html = _decode_payload(payload, content_type)
            except DecodeError as exc:
                yield InputWarning(where, str(exc), "encoding")
                continue
            doc = extract_html(html, where, url=url)
            if doc is None:
                yield InputWarning(where, "no article text found in this page", "no-article")
                continue
            doc.format = "warc"
            yield doc
    except (ArchiveLoadFailed, AttributeError, ValueError, EOFError, OSError) as exc:
        # warcio raises a variety of errors on malformed archives; all mean the same to the user.
        yield InputWarning(source_path, f"not a readable WARC file ({type(exc).__name__}: {exc})", "input")
        return
    if pages == 0:
        yield InputWarning(source_path, "WARC file holds no HTML responses", "empty")


def _decode_payload(payload: bytes, content_type: str) -> str:
    """Use the charset the server declared when it works; detect otherwise."""
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip().strip("\"'")
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload).text
