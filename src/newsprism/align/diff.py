"""Quote wording: typography-blind keys, word tokens and word-level diffs (difflib).

Two wordings that differ only in typography — curly or straight quotation marks and
apostrophes, dash types, spacing, letter case, punctuation at either end — have the same
:func:`wording_key`, so they are one variant.
"""

from __future__ import annotations

import difflib
import re
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


def word_diff(canonical: str, variant: str, *, fragment: bool = False) -> list[dict[str, Any]]:
    """Word-level edits turning ``canonical`` into ``variant``.

    Each op is ``{"op": "replace"|"delete"|"insert", "at": word index in canonical,
    "canonical": words, "variant": words}``. With ``fragment`` (the variant may quote only part
    of the canonical wording) canonical words before and after the quoted part are not edits.
    """
    ca = [t for t in display_tokens(canonical) if compare_token(t)]
    va = [t for t in display_tokens(variant) if compare_token(t)]
    matcher = difflib.SequenceMatcher(
        a=[compare_token(t) for t in ca], b=[compare_token(t) for t in va], autojunk=False
    )
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if fragment and opcodes:
        if opcodes[0][0] == "delete" and opcodes[0][1] == 0:
            opcodes = opcodes[1:]
        if opcodes and opcodes[-1][0] == "delete" and opcodes[-1][2] == len(ca):
            opcodes = opcodes[:-1]
    ops: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        op: dict[str, Any] = {"op": tag, "at": i1}
        if i2 > i1:
            op["canonical"] = " ".join(ca[i1:i2])
        if j2 > j1:
            op["variant"] = " ".join(va[j1:j2])
        ops.append(op)
    return ops
