"""Which reader a file or stream needs: by extension, confirmed or replaced by sniffing.

Every reader turns its input into :class:`Document` objects (text plus whatever
metadata the format carries); cleaning and attribution come after, the same for
all formats.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from newsprism.model import Removal

FORMATS = ("txt", "html", "json", "jsonl", "rss", "warc")

_BY_EXTENSION = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".rss": "rss", ".atom": "rss", ".rdf": "rss", ".xml": "rss",
    ".warc": "warc", ".arc": "warc",
}
# Files that are text but never an article: refused by name instead of read as prose.
NOT_ARTICLES = (
    ".csv", ".tsv", ".py", ".js", ".css", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".log", ".sql",
    ".sh", ".ann", ".conll", ".ipynb", ".db", ".sqlite", ".lock",
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div|meta)\b", re.IGNORECASE)


@dataclass
class Document:
    """One article as a reader found it, before cleaning."""

    text: str
    format: str
    source_path: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None  # an explicit outlet field (JSON ``outlet``)
    site_name: str | None = None  # a site name from page or feed metadata
    author: str | None = None
    id: str | None = None  # an id the input gives explicitly
    file_id: str | None = None  # the file stem, when the document is a whole file
    fallback_id: str | None = None  # stem + record number, when no id or URL is given
    pre_removals: list[Removal] = field(default_factory=list)  # e.g. a headline line moved to title


def format_from_name(name: str) -> tuple[str | None, bool]:
    """(format by extension or None, gzip-compressed?) for a file name."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    if lower.endswith((".warc", ".arc")) or lower.endswith(".warc.gz"):
        return "warc", gz
    for ext, fmt in _BY_EXTENSION.items():
        if lower.endswith(ext):
            return fmt, gz
    return None, gz


def sniff_format(head: str) -> str:
    """Guess a format from the start of the decoded content."""
    start = head.lstrip()[:2000]
    if start.startswith("WARC/"):
        return "warc"
    if start.startswith(("{", "[")):
        return "jsonl" if _looks_like_jsonl(head) else "json"
    if _FEED_ROOT.search(start) and not re.search(r"<html\b", start, re.IGNORECASE):
        return "rss"
    if _HTML_MARK.search(start) and start.startswith("<"):
        return "html"
    return "txt"


def resolve_format(by_name: str | None, head: str) -> str:
    """The extension decides, unless the content clearly says otherwise."""
    sniffed = sniff_format(head)
    if by_name is None:
        return sniffed
    if by_name == "rss" and sniffed == "html":
        return "html"  # an .xml file that is an XHTML page
    if by_name == "json" and sniffed == "jsonl":
        return "jsonl"
    if by_name == "txt" and sniffed in ("html", "warc", "rss"):
        return sniffed  # a page saved as .txt is still a page
    return by_name


def _looks_like_jsonl(head: str) -> bool:
    """Several lines that each start an object, and the first line parses on its own."""
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    try:
        json.loads(lines[0])
    except ValueError:
        return False
    return lines[1].lstrip().startswith("{")
