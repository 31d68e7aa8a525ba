"""Text folding shared by every stage (a leaf module: it imports nothing of newsprism).

Comparing names and words across outlets must not depend on typography: curly vs straight quotes,
dashes, non-breaking spaces, accents ("Zelenskyy" / "Zelenskýy"), case.
"""

from __future__ import annotations

import unicodedata

TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
    }
)


def fold(text: str) -> str:
    """Accents off, typographic marks straight, case folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.translate(TYPOGRAPHY))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())
