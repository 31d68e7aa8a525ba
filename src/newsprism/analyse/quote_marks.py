"""Quotation marks → quoted stretches of text, without the parser.

A character scan per paragraph (paragraphs are separated by "\\n") pairs opening and closing
marks: typographic “ ” (and „ « »), straight " whose side is read from its neighbours, and
single ‘ ’ / ' only where they cannot be apostrophes. An opening mark left open at the end of a
paragraph continues the quote into the next paragraph when that paragraph opens with a quote mark
(the newspaper convention for multi-paragraph quotes); otherwise the quote ends with its paragraph.
Each quote keeps its pieces (one per paragraph) as content offsets without the marks, trimmed of
spaces (“ We’re … → "We’re …").
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
DOUBLE_MARKS = OPENERS + CLOSERS + STRAIGHT
# Two apostrophes '' stand for one straight double quote (New York Times style). The scan sees
# them as '"' plus this filler, so offsets stay those of the text.
PAIR_FILLER = "\x00"
OPEN_CONTEXT = " \t\n([{—–-/"
CLOSE_CONTEXT = " \t\n.,;:!?)]}—–-/…"


@dataclass
class MarkedQuote:
    """One quotation between marks, possibly running over several paragraphs."""

    pieces: list[tuple[int, int]]  # content without marks, one per paragraph
    outer_start: int  # the opening mark
    outer_end: int  # just after the closing mark (or the paragraph end when none)
    closed: bool = True
    single: bool = False  # between single marks
    continues: list[int] = field(default_factory=list)  # outer starts of continuation paragraphs
    gaps: list[tuple[int, int]] = field(default_factory=list)  # attributions inside a split quote

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == PAIR_FILLER):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _side(text: str, i: int) -> str:
    """Whether the mark at ``i`` opens, closes, or could do either."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        # A closing glyph typed where an opening one belongs: space before, word after.
        return "open" if prev in OPEN_CONTEXT and (nxt.isalnum()) else "close"
    opens = prev in OPEN_CONTEXT or prev in OPENERS
    closes = nxt in CLOSE_CONTEXT or nxt in CLOSERS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _opens_with_mark(text: str, start: int, end: int) -> int | None:
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end and (text[i] in OPENERS or text[i] == STRAIGHT or text[i] in CLOSERS and i + 1 < end and text[i + 1].isalnum()):
        return i
    return None


def _double_quotes(text: str) -> list[MarkedQuote]:
    quotes: list[MarkedQuote] = []
    pending: MarkedQuote | None = None  # a quote carried over from the previous paragraph
    paragraphs = _paragraphs(text)
    for p, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        skip = -1
        if pending is not None:
            first = _opens_with_mark(text, p_start, p_end)
            if first is not None:
                open_at, skip = first, first
                pending.continues.append(first)
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in DOUBLE_MARKS or i == skip:
                continue
            side = _side(text, i)
            if open_at is None:
                if side != "close":
                    open_at = i
                continue
            if side == "open" and ch not in STRAIGHT:
                # A new opening mark while one is open: the first was never closed.
                pending = _emit(text, quotes, pending, open_at, i, i, closed=False)
                open_at = i
                continue
            pending = _emit(text, quotes, pending, open_at, i, i + 1, closed=True)
            open_at = None
        if open_at is not None:
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            carry = nxt is not None and _opens_with_mark(text, *nxt) is not None
            pending = _emit(text, quotes, pending, open_at, p_end, p_end, closed=False, carry=carry)
        elif pending is not None and pending.continues and pending.continues[-1] >= p_start:
            pending = None
    return quotes


def _emit(
    text: str,
    quotes: list[MarkedQuote],
    pending: MarkedQuote | None,
    open_at: int,
    content_end: int,
    outer_end: int,
    *,
    closed: bool,
    carry: bool = False,
) -> MarkedQuote | None:
    """Record a piece; return the quote still being continued (or None)."""
    piece = _trim(text, open_at + 1, content_end)
    if pending is not None and pending.continues and pending.continues[-1] == open_at:
        quote = pending
        if piece[1] > piece[0]:
            quote.pieces.append(piece)
        quote.outer_end, quote.closed = outer_end, closed
    else:
        if piece[1] <= piece[0]:
            return None
        quote = MarkedQuote([piece], open_at, outer_end, closed)
        quotes.append(quote)
    return quote if carry else None


def _single_quotes(text: str, taken: list[tuple[int, int]]) -> list[MarkedQuote]:
    """‘…’ and '…' outside double quotes, where the marks cannot be apostrophes."""
    quotes: list[MarkedQuote] = []
    inside = _Cover(taken)
    for p_start, p_end in _paragraphs(text):
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in "‘’'" or inside.covers(i):
                continue
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + 1] if i + 1 < p_end else " "
            if open_at is None:
                if ch in "‘'" and prev in OPEN_CONTEXT and nxt.isalnum():
                    open_at = i
            elif ch in "’'" and not prev.isspace() and nxt in CLOSE_CONTEXT:
                piece = _trim(text, open_at + 1, i)
                if piece[1] > piece[0] and len(text[piece[0] : piece[1]].split()) >= 2:
                    quotes.append(MarkedQuote([piece], open_at, i + 1, True, single=True))
                open_at = None
    return quotes


class _Cover:
    """Is a position inside one of a sorted list of ranges (positions asked in increasing order)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.k = 0

    def covers(self, pos: int) -> bool:
        while self.k < len(self.ranges) and self.ranges[self.k][1] <= pos:
            self.k += 1
        return self.k < len(self.ranges) and self.ranges[self.k][0] <= pos


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every stretch of text between quotation marks, in text order."""
    view = text.replace("''", '"' + PAIR_FILLER) if "''" in text else text
    double = _double_quotes(view)
    single = _single_quotes(text, [(q.outer_start, q.outer_end + 1) for q in double])
    return sorted(double + single, key=lambda q: q.outer_start)
