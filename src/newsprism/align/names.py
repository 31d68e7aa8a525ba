"""Name matching shared by cross-article entity merging and the ECB+ evaluation.

Three small, documented pieces, no list of specific names:

* :func:`fold` — Unicode and typography folding (accents off, curly marks straight, casefold).
* :func:`translit_key` — a key that is equal for the usual romanisation variants of one word:
  ``x`` → ``ks``; a run of the vowels i / y / e that contains an i or a y becomes one ``i``
  ("Zelensky" = "Zelenskyy" = "Zelenskiy" = "Zelenskyi", "Sergey" = "Sergei", "Yuri" = "Yury",
  "Kyiv" = "Kiev", "Aleksey" = "Alexei"); doubled letters collapse. Words of three letters or
  fewer keep their folded spelling (Li ≠ Lee, Yi ≠ Ye: too short to tell a variant from
  another name).
* :func:`place_key` — for place names only, the Slavic h / g / kh and ts / z alternations on top
  ("Luhansk" = "Lugansk" = "Lukhansk", "Donetsk" = "Donezk").
* :func:`romanised_key` — for people's full names only, the romanisation alternations of Arabic
  names on top ("Muammar Gaddafi" = "Moammar Gadhafi"), used only when both names agree under it.
* :func:`keys_match` — equal keys, or for long words (≥ 10 letters, no digits) one edit apart with
  the same first and last letter (rapidfuzz Levenshtein): strict, because a wrong merge is worse than a
  missed one ("Peskov" / "Peskova" are two people and stay apart).

:func:`parse_person` splits a person's name into titles, given names, surname and generational
suffix; :func:`name_key` gives the token keys of any other name (determiners, possessives and
dots dropped) and :func:`acronym` its initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from newsprism.textnorm import TYPOGRAPHY, fold  # noqa: F401  (fold is part of this module's API)

# Typographic marks folded before any comparison.
_TYPO = TYPOGRAPHY

# Courtesy titles and role words that may stand before a name ("Mr. Trump", "President Trump").
# They are dropped from the name key; they never make two names the same on their own.
TITLE_WORDS = frozenset(
    """mr mrs ms miss mx dr sir dame madam messrs president vice prime minister secretary senator
    sen rep representative congressman congresswoman gov governor chancellor king queen prince
    princess pope cardinal bishop archbishop rev reverend gen general adm admiral col colonel lt
    lieutenant sgt sergeant capt captain maj major judge justice mayor premier chief ceo chairman
    chairwoman ambassador envoy commissioner leader speaker attorney deputy former acting interim
    sheikh emir sultan ayatollah lord lady baron baroness professor prof us state foreign
    defense defence president-elect""".split()
)
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
PRONOUNS = frozenset(
    """i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs who whom whose which that this these those himself herself itself themselves ourselves
    myself yourself one""".split()
)

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_VOWEL_RUN = re.compile(r"[iye]+")
_DOUBLE = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"'s?$")
_DOTTED = re.compile(r"(?:\w\.)+\w?\.?(?:'s?)?")  # "u.s.", "u.k.'s"

FUZZY_MIN_LEN = 10
FUZZY_MIN_SIMILARITY = 0.9


def words(text: str) -> list[str]:
    """Folded words; a possessive ending is dropped ("Russia's" → "russia")."""
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(fold(text))]


def _vowel_run(match: re.Match) -> str:
    run = match.group(0)
    return "i" if ("i" in run or "y" in run) else run


def translit_key(word: str) -> str:
    """One key for the romanisation variants of a word (see the module docstring)."""
    w = fold(word).replace(".", "")
    if len(w) <= 3:
        return w
    w = w.replace("x", "ks")
    w = _VOWEL_RUN.sub(_vowel_run, w)
    return _DOUBLE.sub(r"\1", w)


_DOUBLE_DIGRAPH = re.compile(r"(zh|sh|kh|ch)\1+")  # "Zaporizhzhia" / "Zaporizhia"
_INNER_KH = re.compile(r"(?<=.)kh")  # Lukhansk / Luhansk
_INNER_G = re.compile(r"(?<=.)g(?=.)")  # Lugansk / Luhansk: Russian g for Ukrainian h
_INNER_TS = re.compile(r"(?<=.)t[sz](?=.)")  # Donetsk / Donezk: ts, tz and z for one sound


def place_key(key: str) -> str:
    """A :func:`translit_key` with the romanisation alternations of place names added: Slavic
    h / g / kh ("Luhansk" = "Lugansk" = "Lukhansk"), ts / tz / z ("Donetsk" = "Donezk") and a
    doubled digraph ("Zaporizhzhia" = "Zaporizhia"), each inside the word only: a first letter
    decides ("Halle" ≠ "Galle") and so does a last one ("Edinburgh" ≠ "Edinburg").

    For places only: the same alternations in people's names would join different surnames
    ("Hill" / "Gill" never, but "Hunter" / "Gunter", "Khan" / "Han").
    """
    if len(key) <= 3:
        return key
    k = _DOUBLE_DIGRAPH.sub(r"\1", key)
    k = _INNER_KH.sub("h", k)
    k = _INNER_G.sub("h", k)
    k = _INNER_TS.sub("z", k)
    return _DOUBLE.sub(r"\1", k)


_INNER_STOP_H = re.compile(r"(?<=[aeiou])([dtkg])h(?=[aeiou])")


def romanised_key(key: str) -> str:
    """A :func:`translit_key` with the alternations of romanised Arabic (and similar) names on top:
    a stop written with an h between vowels ("Gadhafi" = "Gaddafi", "Ahmad Shah" unaffected) and
    o / ou for u ("Moammar" = "Muammar", "Mahmoud" = "Mahmud").

    For people's full names only, and only when both the first name and the surname agree under it:
    on a single word it would join different names ("Bush" / "Bosh").
    """
    k = _INNER_STOP_H.sub(r"\1", key)
    k = k.replace("ou", "u").replace("o", "u")
    return _DOUBLE.sub(r"\1", k)


def keys_match(a: str, b: str) -> bool:
    """Same key, or long keys one edit apart with the same first and last letter."""
    if a == b:
        return True
    if min(len(a), len(b)) < FUZZY_MIN_LEN or a[0] != b[0] or a[-1] != b[-1]:
        return False
    if any(ch.isdigit() for ch in a + b):  # "F-16" / "F-15": numbers are never spelling variants
        return False
    return Levenshtein.normalized_similarity(a, b) >= FUZZY_MIN_SIMILARITY


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts; keys are :func:`translit_key` forms."""

    given: tuple[str, ...]  # first name first, then middle names / initials
    surname: str
    suffix: str | None  # "jr", "sr", "ii", ...
    titles: tuple[str, ...]

    @property
    def first(self) -> str | None:
        return self.given[0] if self.given else None

    @property
    def middle(self) -> tuple[str, ...]:
        return self.given[1:]

    @property
    def words(self) -> int:
        return len(self.given) + 1 + (self.suffix is not None)


def is_initial(key: str) -> bool:
    return len(key) == 1


def parse_person(name: str) -> PersonName | None:
    """Split "President Donald J. Trump Jr." into parts; None when no name is left (a title or pronoun)."""
    last = name.split()[-1] if name.split() else ""
    if last.isalpha() and last.islower():
        return None  # "Ukraine's president": a common noun ends it, so it is a description, not a name
    raw = [w for w in re.split(r"[\s,]+", fold(name).replace("'s ", " ")) if w and w not in ("-",)]
    raw = [_POSSESSIVE.sub("", w) for w in raw]
    titles: list[str] = []
    while len(raw) > 1 and (raw[0].replace(".", "") in TITLE_WORDS or raw[0] in DETERMINERS):
        titles.append(raw.pop(0))
    # "Secretary of State Marco Rubio": connecting words inside a leading title.
    while titles and raw and raw[0] in ("of", "for") and len(raw) > 2:
        titles.append(raw.pop(0))
        while len(raw) > 1 and raw[0].replace(".", "") in TITLE_WORDS | {"the"}:
            titles.append(raw.pop(0))
    if all(w.replace(".", "") in TITLE_WORDS or w in DETERMINERS or w in PRONOUNS for w in raw):
        return None  # "the president": a role, not a name; never merged on its own
    suffix = None
    if len(raw) > 1 and raw[-1].rstrip(".") in GENERATIONAL_SUFFIXES:
        suffix = raw.pop().rstrip(".")
    tokens = [translit_key(w) for w in raw if w.strip(".")]
    tokens = [t for t in tokens if t]
    if not tokens or (len(tokens) == 1 and tokens[0] in PRONOUNS):
        return None
    return PersonName(tuple(tokens[:-1]), tokens[-1], suffix, tuple(titles))


# Abbreviations of a place name's generic word that outlets write either way ("Mt Cook" / "Mount
# Cook", "Ft. Worth" / "Fort Worth"). "St" is left out: it is "Saint" or "Street".
NAME_ABBREVIATIONS = {"mt": "mount", "mtn": "mountain", "ft": "fort"}


def name_key(name: str) -> tuple[str, ...]:
    """Token keys of a non-person name: determiners, possessives and dots dropped ("U.S." → "us"),
    abbreviated generic words spelled out ("Mt Cook" = "Mount Cook")."""
    chunks = [c.replace(".", "") if _DOTTED.fullmatch(c) else c for c in fold(name).split()]
    owners = [i for i, c in enumerate(chunks[:-1]) if _POSSESSIVE.search(c)]
    if owners:  # "Indonesia's Aceh", "Russia's Gazprom": the possessor is another entity
        chunks = chunks[owners[-1] + 1 :]
    toks = [NAME_ABBREVIATIONS.get(w, w) for w in words(" ".join(chunks)) if w not in DETERMINERS]
    return tuple(translit_key(t) for t in toks)


LEGAL_FORMS = frozenset(
    "inc incorporated corp corporation co company ltd limited llc plc lp llp sa ag gmbh nv bv spa ab oyj".split()
)
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "de", "in", "&"})


def without_legal_form(key: tuple[str, ...]) -> tuple[str, ...]:
    """An organisation's key without "Inc.", "Corp.", "Ltd" at the end ("Intel Corp." = "Intel")."""
    while len(key) > 1 and key[-1].replace(".", "") in LEGAL_FORMS:
        key = key[:-1]
    return key


def acronym(key: tuple[str, ...]) -> str:
    """Initials of the content words: ("north", "atlantic", "treaty", "organization") → "nato"."""
    return "".join(t[0] for t in key if t not in _ACRONYM_SKIP)


def acronym_forms(key: tuple[str, ...]) -> set[str]:
    """Ways an acronym may abbreviate a name: initials, with hyphenated words split
    ("hewlett-packard" → "hp") and short words kept whole ("us geological survey" → "usgs")."""
    parts = [p for t in key for p in t.split("-") if p and p not in _ACRONYM_SKIP]
    forms = {acronym(key), "".join(p[0] for p in parts)}
    forms.add("".join(p if len(p) <= 3 else p[0] for p in parts))
    return {f for f in forms if len(f) >= 2}


def joined(key: tuple[str, ...]) -> str:
    """A key with spaces and hyphens out: "sea micro" = "seamicro", "t-mobile" = "t mobile"."""
    return "".join(key).replace("-", "")


def is_pronoun_or_empty(text: str) -> bool:
    """"he", "it", "them": not a name. An all-capital word is an abbreviation ("US"), not "us"."""
    toks = _WORD.findall(text.translate(_TYPO))
    return not toks or all(
        (fold(t) in PRONOUNS or fold(t) in DETERMINERS) and not (t.isupper() and len(t) > 1) for t in toks
    )
