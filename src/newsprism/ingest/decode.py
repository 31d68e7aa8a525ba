"""Bytes to text: size limit, binary sniffing, gzip, encoding detection, NFC.

Valid UTF-8 is taken as UTF-8 (a strong signal on its own); anything else goes
to charset-normalizer. Typographic quotes and dashes are kept as they are:
NFC composes characters but never touches punctuation.
"""

from __future__ import annotations

import gzip
import io
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

# One article, or one feed / JSON file, is far smaller than this; bigger files are
# refused with a clear message instead of filling memory. JSON Lines and WARC
# files are streamed record by record and may be larger (see STREAM_MAX_BYTES).
MAX_BYTES = 20 * 1024 * 1024
STREAM_MAX_BYTES = 4 * 1024 * 1024 * 1024

GZIP_MAGIC = b"\x1f\x8b"

# Signatures of common binary formats, to name them in the message.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Encodings charset-normalizer may find equally plausible; for news text the
# Western ones are the likelier reading, so prefer them when they are candidates.
_PREFERRED = ("utf_8", "cp1252", "iso8859_1", "iso8859_15")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # page / paragraph separators


class DecodeError(ValueError):
    """The bytes are not usable text; the message says why in a few words."""


@dataclass
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # something the user should know (bytes replaced, ...)


def binary_kind(head: bytes) -> str | None:
    """What binary format ``head`` starts like, or None when it may be text."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(_BOMS):
        return None  # UTF-16/32 text carries NUL bytes legitimately
    if b"\x00" in head[:8192]:
        return "binary data (NUL bytes)"
    return None


def gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip data, refusing output beyond ``limit`` (a zip bomb stays small)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        out = handle.read(limit + 1)
    if len(out) > limit:
        raise DecodeError(f"decompressed size is over the {limit // (1024 * 1024)} MB limit")
    return out


def gunzip_head(data: bytes, size: int = 64) -> bytes:
    """The first ``size`` decompressed bytes (to sniff what a .gz holds)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            return handle.read(size)
    except (OSError, EOFError):
        return b""


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no BOM, no control characters; quotes and dashes untouched."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` to normalised text, or raise :class:`DecodeError`."""
    kind = binary_kind(data[:8192])
    if kind:
        raise DecodeError(f"this is {kind}, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return Decoded(normalize_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return Decoded(normalize_text(data.decode(declared)), declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8 is not None and (best is None or best.encoding not in ("utf_8", "utf_16", "utf_32")):
        # A few bad bytes in otherwise valid UTF-8 (a truncated download, a
        # spliced file): a single-byte codec would garble every accent instead.
        text, bad = mostly_utf8
        return Decoded(normalize_text(text), "utf-8", f"{bad} undecodable byte(s) replaced with U+FFFD")
    if best is None:
        raise DecodeError("undecodable bytes: no text encoding fits")
    encoding = _prefer_western(matches, best)
    text = data.decode(encoding, errors="replace")
    if _looks_like_garbage(text):
        raise DecodeError("undecodable bytes: the content does not read as text in any encoding")
    # A clean legacy decoding is not a problem worth a warning; replaced bytes are.
    bad = text.count("\ufffd")
    note = f"{bad} undecodable byte(s) replaced with U+FFFD (read as {encoding})" if bad else None
    return Decoded(normalize_text(text), encoding, note)


_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset|<\?xml[^>]{0,100}?encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def _declared_charset(head: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names, if any."""
    m = _DECLARED.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _prefer_western(matches, best) -> str:
    """Among readings as good as the best one, prefer a Western codec (cp1250 and
    cp1252 often tie on English text, and cp1252 is far likelier)."""
    for match in matches:
        if match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01:
            for encoding in _PREFERRED:
                if encoding in match.could_be_from_charset:
                    return encoding
    return best.encoding


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, bad byte count) when ``data`` is UTF-8 with rare invalid bytes, else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and multibyte >= bad and bad <= max(1, len(text) // 1000):
        return text, bad
    return None


def _looks_like_garbage(text: str) -> bool:
    """Random bytes decode to something in a single-byte codec; real text has letters and spaces."""
    if not text.strip():
        return False
    sample = text[:20000]
    letters = sum(ch.isalpha() for ch in sample)
    spaces = sum(ch.isspace() for ch in sample)
    controls = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return controls > len(sample) * 0.02 or (letters + spaces) < len(sample) * 0.6
