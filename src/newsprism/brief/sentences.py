"""Lexical sentence similarity for the brief: content-word TF-IDF vectors and their cosine.

The summary pairs it with sentence embeddings (meaning): wording tells whether two sentences share
their content words, which embeddings alone do not (they also put different facts about the same
people close together). Cheap and explainable (no model): words are lower-cased, stop words dropped, and a light suffix
stripping makes "talks" / "talked" / "talking" meet. IDF is computed over the sentences of the
story at hand, so words every sentence shares (the story's main names) weigh less.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d+(?:[.,]\d+)?")
SUFFIXES = ("ingly", "edly", "ings", "ing", "ies", "ied", "ed", "es", "s")

Vector = dict[str, float]


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return word


def content_words(text: str) -> list[str]:
    words = []
    for m in WORD_RE.finditer(text):
        w = m.group().lower().replace("’", "'")
        w = w[:-2] if w.endswith("'s") else w
        if w in STOP_WORDS or len(w) < 2:
            continue
        words.append(stem(w))
    return words


class TfidfSpace:
    """IDF over a set of texts; ``vector`` gives an L2-normalised TF-IDF vector."""

    def __init__(self, texts: Iterable[str]):
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(set(content_words(text)))
        self.n = max(n, 1)
        self.idf = {w: math.log((1 + self.n) / (1 + c)) + 1.0 for w, c in df.items()}

    def vector(self, text: str) -> Vector:
        tf = Counter(content_words(text))
        vec = {w: (1 + math.log(c)) * self.idf.get(w, math.log(1 + self.n) + 1.0) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def centroid(vectors: Iterable[Vector]) -> Vector:
    """The L2-normalised sum of vectors: what a story's sentences say most, in words."""
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {w: x / norm for w, x in total.items()}


def word_count(text: str) -> int:
    return len(text.split())
