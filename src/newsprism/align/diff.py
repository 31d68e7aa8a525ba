"""Quote wording: typography-blind keys, word tokens and word-level diffs (difflib).

Two wordings that differ only in typography — curly or straight quotation marks and
apostrophes, dash types, spacing, letter case, punctuation at either end — have the same
:func:`wording_key`, so they are one variant.

Two wordings of one utterance are compared only where they are anchored to one another
(:func:`aligned_ops`): runs of words in a row they share, and a changed word or two between or
next to them. Words a difflib match would pair by chance far from those runs ("up" in "call up
President Zelensky" and "It's ultimately up to them") are no match: the two outlets quote
different parts of the statement there, which is no edit of its words. Where the anchored
stretch is not mostly the same words, the two are no variants of one wording and get no diff.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsprism.align.names import fold

_EDGE_PUNCT = re.compile(r"^[\s\"'.,;:!?\-…()\[\]]+|[\s\"'.,;:!?\-…()\[\]]+$")
_DASH = re.compile(r"\s*(?:[\u2012\u2013\u2014\u2015\u2212]|--+|(?<=\s)-(?=\s))\s*")
_TOKEN = re.compile(r"\S+")
_WORD_CORE = re.compile(r"^\W+|\W+$")


def display_form(text: str) -> str:
    """The wording as shown: spaces collapsed, end punctuation kept."""
    return " ".join(text.split())


def wording_key(text: str) -> str:
    """Equal for wordings that differ only in typography."""
    text = _DASH.sub(" - ", text)  # "word—word", "word -- word", "word – word" are one dash
    folded = fold(text)  # marks straight, case folded, spaces collapsed
    folded = _EDGE_PUNCT.sub("", folded)
    return " ".join(folded.split())


def display_tokens(text: str) -> list[str]:
    return _TOKEN.findall(display_form(text))


@lru_cache(maxsize=1 << 17)  # words repeat across articles; folding them is the costly part
def compare_token(token: str) -> str:
    """A token as compared: folded, without surrounding punctuation ("table." = "table")."""
    return _WORD_CORE.sub("", fold(token))


def compare_tokens(text: str) -> list[str]:
    return [t for t in (compare_token(tok) for tok in display_tokens(text)) if t]


ANCHOR_WORDS = 3  # words in a row two wordings share: below this a shared run is chance ("to the")
SHORT_ANCHOR_WORDS = 2  # ... when one wording has at most 4 words ("the table", "most significant")
EDGE_WORDS = 2  # a changed word or two between matching runs still belong to one stretch
EDGE_REPLACE_WORDS = 1  # a changed last (or first) word of a variant replaces the canonical one ("Kyiv" / "Kiev")
MOSTLY_SAME = 0.5  # share of the anchored words (cuts aside) that must be the same for a diff


@dataclass(frozen=True)
class AlignedOp:
    """One run of an anchored comparison. ``tag`` is a difflib tag (equal, replace, delete,
    insert) inside the anchored stretch, ``gap`` for canonical words outside it (the variant does
    not quote them) or ``extra`` for variant words outside it (it quotes more than the canonical
    text there); i1:i2 index the canonical words, j1:j2 the variant's."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _ends_sentence(word: str) -> bool:
    return word.rstrip("\"'”’)]»").endswith((".", "!", "?", "…"))


def aligned_ops(canonical: list[str], variant: list[str]) -> list[AlignedOp] | None:
    """The variant against the canonical wording, compared only where anchored (module doc);
    None when nothing anchors them or the anchored stretch is not mostly the same words — then
    the variant is an excerpt of another part of the statement, or another utterance, and a word
    diff would pair words by chance. Words are display tokens; they are compared typography-blind."""
    a = [compare_token(w) or w for w in canonical]
    b = [compare_token(w) or w for w in variant]
    if not a or not b:
        return None
    blocks = [m for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size]
    anchor = SHORT_ANCHOR_WORDS if min(len(a), len(b)) <= 4 else ANCHOR_WORDS
    # Chains of matching runs at most a changed word or two apart; a chain anchors when it
    # carries enough words ("put it on the table" / "put it to the table": 2 + 2).
    chains: list[list[int]] = []
    for k in range(len(blocks)):
        if chains and _near(blocks[chains[-1][-1]], blocks[k]):
            chains[-1].append(k)
        else:
            chains.append([k])
    anchored = [c for c in chains if sum(blocks[k].size for k in c) >= anchor]
    if not anchored:
        return None
    first, last = anchored[0][0], anchored[-1][-1]
    a0, b0 = blocks[first].a, blocks[first].b
    a1, b1 = blocks[last].a + blocks[last].size, blocks[last].b + blocks[last].size
    # A changed word at either end of the variant, inside a canonical sentence, replaces the
    # canonical word there ("we expect that Kiev" / "we expect that Kyiv and …"); after a full
    # stop, or when longer, the variant's words are its own, before or after the part it quotes.
    if 0 < b0 <= EDGE_REPLACE_WORDS and a0 >= b0 and not _ends_sentence(canonical[a0 - 1]):
        a0, b0 = a0 - b0, 0
    tail = len(b) - b1
    if 0 < tail <= EDGE_REPLACE_WORDS and len(a) - a1 >= tail and not _ends_sentence(canonical[a1 - 1]):
        a1, b1 = a1 + tail, len(b)
    inner = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False).get_opcodes()
    same = sum(i2 - i1 for tag, i1, i2, _, _ in inner if tag == "equal")
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in inner if tag in ("replace", "insert"))
    if same < MOSTLY_SAME * (same + changed):
        return None
    ops = []
    if a0:
        ops.append(AlignedOp("gap", 0, a0, b0, b0))
    if b0:
        ops.append(AlignedOp("extra", a0, a0, 0, b0))
    ops += [AlignedOp(tag, i1 + a0, i2 + a0, j1 + b0, j2 + b0) for tag, i1, i2, j1, j2 in inner]
    if b1 < len(b):
        ops.append(AlignedOp("extra", a1, a1, b1, len(b)))
    if a1 < len(a):
        ops.append(AlignedOp("gap", a1, len(a), b1, b1))
    return ops


def _near(x: difflib.Match, y: difflib.Match) -> bool:
    """Two matching runs (x before y) at most a changed word or two apart on both sides."""
    return y.a - (x.a + x.size) <= EDGE_WORDS and y.b - (x.b + x.size) <= EDGE_WORDS


def word_diff(canonical: str, variant: str, *, fragment: bool = False) -> list[dict[str, Any]]:
    """Word-level edits turning ``canonical`` into ``variant``.

    Each op is ``{"op": "replace"|"delete"|"insert", "at": word index in canonical,
    "canonical": words, "variant": words}``. With ``fragment`` (the variant may quote only part
    of the canonical wording) the two are compared where anchored (:func:`aligned_ops`):
    canonical words before and after the quoted part are not edits, variant words beyond it are
    insertions, and a variant that is not mostly the same words as the part it meets has no
    edits at all (it is shown as an excerpt, not as a diff).
    """
    ca = [t for t in display_tokens(canonical) if compare_token(t)]
    va = [t for t in display_tokens(variant) if compare_token(t)]
    if fragment:
        aligned = aligned_ops(ca, va) or []
        opcodes = [
            ("insert" if op.tag == "extra" else op.tag, op.i1, op.i2, op.j1, op.j2)
            for op in aligned if op.tag not in ("equal", "gap")
        ]
    else:
        matcher = difflib.SequenceMatcher(
            a=[compare_token(t) for t in ca], b=[compare_token(t) for t in va], autojunk=False
        )
        opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    ops: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        op: dict[str, Any] = {"op": tag, "at": i1}
        if i2 > i1:
            op["canonical"] = " ".join(ca[i1:i2])
        if j2 > j1:
            op["variant"] = " ".join(va[j1:j2])
        ops.append(op)
    return ops
