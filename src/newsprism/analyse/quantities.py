"""Numbers, units and hedges as they are written in news text, normalised to intervals.

Pure functions of strings (no parser), so align/ can use the same rules:
``parse_quantity("nearly three hours")`` → value ``{"low": 2.7, "high": 3, "high_open": True}``
in unit ``hour``. Number words go through text2num's ``alpha2digit``; this module only adds
what text2num leaves out (fractions, scales such as "1.4 million" / "$3bn", "two dozen").

An interval is the set of values the wording allows:
- a bare value is a point; comparisons allow a small relative tolerance (rounding);
- "about / roughly / around / some / an estimated" widen it to a ±10 % band;
- "nearly / almost / just under" put it just below, "more than / over" above;
- "at least" is open upwards, "less than / at most" downwards;
- "up to / as many as" is an estimate at its top end ("as many as 100 cars" is not 10 cars): the
  upper part of the range, ``UP_TO_FLOOR`` × N to N;
- verbal fractions ("one-fifth", "two-thirds") are approximate like "about".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import alpha2digit

# --------------------------------------------------------------------------- units

# word → (normalised unit, factor to that unit); the unit names a dimension (see DIMENSION).
UNIT_WORDS: dict[str, tuple[str, float]] = {
    "second": ("hour", 1 / 3600), "sec": ("hour", 1 / 3600),
    "minute": ("hour", 1 / 60), "min": ("hour", 1 / 60),
    "hour": ("hour", 1.0), "hr": ("hour", 1.0),
    "day": ("day", 1.0), "night": ("day", 1.0), "week": ("day", 7.0), "fortnight": ("day", 14.0),
    "month": ("year", 1 / 12), "year": ("year", 1.0), "decade": ("year", 10.0), "century": ("year", 100.0),
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0), "%": ("percent", 1.0),
    "percentage point": ("percentage point", 1.0), "point": ("point", 1.0),
    "kilogram": ("kg", 1.0), "kg": ("kg", 1.0), "gram": ("kg", 1e-3), "g": ("kg", 1e-3),
    "tonne": ("kg", 1000.0), "metric ton": ("kg", 1000.0), "ton": ("kg", 907.185),
    "pound": ("kg", 0.453592), "lb": ("kg", 0.453592), "lbs": ("kg", 0.453592), "ounce": ("kg", 0.0283495),
    "oz": ("kg", 0.0283495),
    "metre": ("m", 1.0), "meter": ("m", 1.0), "m": ("m", 1.0), "kilometre": ("m", 1000.0),
    "kilometer": ("m", 1000.0), "km": ("m", 1000.0), "centimetre": ("m", 0.01), "cm": ("m", 0.01),
    "foot": ("m", 0.3048), "feet": ("m", 0.3048), "ft": ("m", 0.3048), "inch": ("m", 0.0254),
    "yard": ("m", 0.9144), "mile": ("m", 1609.34), "mi": ("m", 1609.34),
    "litre": ("l", 1.0), "liter": ("l", 1.0), "gallon": ("l", 3.78541), "barrel": ("l", 158.987),
    "square mile": ("km2", 2.58999), "square kilometre": ("km2", 1.0), "square kilometer": ("km2", 1.0),
    "acre": ("km2", 0.00404686), "hectare": ("km2", 0.01),
}

# Normalised unit → dimension; claims compare only within one dimension.
DIMENSION: dict[str, str] = {
    "hour": "duration", "day": "duration", "year": "duration",
    "percent": "share", "percentage point": "share-change", "point": "points",
    "kg": "mass", "m": "length", "l": "volume", "km2": "area",
    "USD": "money-USD", "GBP": "money-GBP", "EUR": "money-EUR", "CAD": "money-CAD",
    "AUD": "money-AUD", "JPY": "money-JPY", "CNY": "money-CNY", "INR": "money-INR",
    "RUB": "money-RUB", "CHF": "money-CHF", "money": "money",
    "person": "count", "count": "count", "age": "age", "date": "date", "month-day": "month-day",
    "clock": "clock", "clock-utc": "clock-utc", "ordinal": "ordinal",
    "times": "ratio",  # "triple the weight", "20-fold": one quantity as a multiple of another
}

# One base per dimension so that "90 minutes" and "1.5 hours" compare.
TO_BASE: dict[str, float] = {"hour": 1.0, "day": 24.0, "year": 24.0 * 365.25}

CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "C$": "CAD", "A$": "AUD",
                  "¥": "JPY", "₹": "INR", "₽": "RUB"}
CURRENCY_WORDS = {"dollar": "USD", "usd": "USD", "pound": "GBP", "sterling": "GBP", "euro": "EUR",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "ruble": "RUB",
                  "rouble": "RUB", "franc": "CHF"}

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "b": 1e9, "trillion": 1e12, "tn": 1e12, "dozen": 12.0, "hundred": 100.0, "crore": 1e7, "lakh": 1e5}

FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
             "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
             "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1}

# --------------------------------------------------------------------------- hedges

# (pattern at the start of the expression, normalised qualifier). Longest first.
HEDGES: list[tuple[str, str]] = [
    ("just under", "just under"), ("just over", "just over"), ("just shy of", "just under"),
    ("just after", "just over"), ("shortly after", "just over"), ("soon after", "just over"),
    ("just before", "just under"), ("shortly before", "just under"),
    ("a little more than", "more than"), ("a little over", "more than"), ("slightly more than", "more than"),
    ("more than", "more than"), ("greater than", "more than"), ("upwards of", "more than"),
    ("in excess of", "more than"), ("over", "more than"), ("above", "more than"),
    ("fewer than", "less than"), ("less than", "less than"), ("under", "less than"), ("below", "less than"),
    ("at least", "at least"), ("no fewer than", "at least"), ("no less than", "at least"),
    ("at most", "at most"), ("no more than", "at most"), ("not more than", "at most"),
    ("not less than", "at least"), ("not fewer than", "at least"), ("up to", "up to"), ("as much as", "up to"),
    ("as many as", "up to"), ("as high as", "up to"), ("as long as", "up to"),
    ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"), ("not quite", "nearly"),
    ("approximately", "about"), ("approx.", "about"), ("about", "about"), ("around", "about"),
    ("roughly", "about"), ("some", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("circa", "about"), ("nearly about", "about"), ("some of", "about"), ("or so", "about"),
    ("more like", "about"), ("exactly", "exactly"), ("precisely", "exactly"), ("only", "only"),
    ("just", "only"),
]
_HEDGE_RE = re.compile(r"^\s*(" + "|".join(re.escape(h) for h, _ in sorted(HEDGES, key=lambda x: -len(x[0]))) + r")\b\s*", re.I)
HEDGE_OF = {h.lower(): q for h, q in HEDGES}

ABOUT_BAND = 0.10  # "about 20 %" → 18–22 %
NEAR_BAND = 0.10  # "nearly 3 hours" → 2.7–3 h
ABOVE_BAND = 0.25  # "more than 3 hours" → 3–3.75 h (a journalist rounds down to the nearest round figure)
UP_TO_FLOOR = 0.6  # "as many as 100" → 60–100: a reporter who means a few dozen does not write "as many as 100"
ROUNDING = 0.01  # two bare values within 1 % are the same figure rounded differently


def split_hedge(text: str) -> tuple[str | None, str]:
    """("more than three hours") → ("more than", "three hours")."""
    m = _HEDGE_RE.match(text)
    if not m:
        return None, text
    q, rest = HEDGE_OF[m.group(1).lower()], text[m.end():]
    if q == "only":  # "only around 20 percent", "only about 300": the second hedge says how exact the figure is
        inner, after = split_hedge(rest)
        if inner is not None:
            return inner, after
    return q, rest


def is_hedge(text: str) -> bool:
    """Is ``text`` hedges and nothing else ("more than", "an estimated", "only about")? The one list of
    hedge words (HEDGES), for every reader that must step over them."""
    q, rest = split_hedge(text)
    while q is not None and rest.strip():
        q, rest = split_hedge(rest)
    return q is not None


# --------------------------------------------------------------------------- numbers

_NUM_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")


def words_to_digits(text: str) -> str:
    """Number words to digits with text2num; hyphenated forms first ("seventy-two-hour")."""
    spaced = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", text)
    # Keep scale words after digits as words ("1.4 million"), else alpha2digit makes "1.4 1000000".
    spaced = re.sub(r"(\d)(\s*)(thousand|million|billion|trillion|hundred)\b", r"\1\2QQ\3", spaced, flags=re.I)
    out = alpha2digit(spaced, "en").replace("QQ", "")
    # alpha2digit leaves lone small words ("one", "two" … when not part of a bigger number) alone
    # only for "one"; map them all so "two dozen" → "2 dozen".
    return re.sub(r"\b(" + "|".join(k for k in SMALL if len(k) > 2) + r")\b",
                  lambda m: str(SMALL[m.group(1).lower()]), out, flags=re.I)


def parse_fraction(text: str) -> float | None:
    """"one-fifth" → 20.0 (percent); "two-thirds" → 66.67; "half" → 50; "a third" → 33.3."""
    m = re.search(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine)?[\s-]*"
                  r"(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                  text, re.I)
    if not m:
        return None
    num = SMALL.get((m.group(1) or "one").lower(), 1)
    den = FRACTIONS[m.group(2).lower()]
    if den == 2 and num > 1:  # "two halves" is not a share
        return None
    return 100.0 * num / den


# "half a million", "a quarter of a billion": number words would read "a million" alone (1e6) and drop
# the fraction, so the fraction is applied to the scale first.
_FRACTION_OF_SCALE_RE = re.compile(
    r"\b(?:an?\s+|one[\s-])?(half|third|quarter)\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)\b", re.I
)


def _fraction_of_scale(m: re.Match) -> str:
    share = {"half": 0.5, "third": 1 / 3, "quarter": 0.25}[m.group(1).lower()]
    return f"{share * SCALES[m.group(2).lower()]:.0f}"


# Mixed fractions: "4 1/2 months", "4½ months", and the same with its space lost in scraping ("41/2 months",
# where "½" became "1/2"), read only before a unit word, so that a date ("on 11/2") stays a date.
_FRACTION_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_MIXED_SPACED_RE = re.compile(r"\b(\d+)(?:\s+|-)([13])\s*/\s*([24])\b")  # "4 1/2", "2-1/2"
_MIXED_GLYPH_RE = re.compile(r"(\d+)\s*([½¼¾])")
_MIXED_LOST_SPACE_RE = re.compile(r"\b(\d+)([13])\s*/\s*([24])(?=[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|"
                                  r"miles?|inch(?:es)?|feet|foot|pounds?|percent|cups?|acres?)\b)", re.I)


# "a year and a half", "two hours and a half" (the half after the unit)
_UNIT_AND_A_HALF_RE = re.compile(r"\b(a|an|one|\d+(?:\.\d+)?)\s+(year|month|week|day|hour|minute|mile)s?\s+and\s+a\s+half\b",
                                 re.I)
_AND_A_PART = {"half": 0.5, "quarter": 0.25}
_AND_A_PART_RE = re.compile(r"(\d+(?:\.\d+)?)\s+and\s+an?\s+(half|quarter)\b", re.I)  # "four and a half months"


def mixed_fractions(text: str) -> str:
    """ "4 1/2 months", "2-1/2 years", "4½ months", "41/2 months" → "4.5 months" (before the number words are
    read, so that a scale after it stays a scale: "4½ million")."""
    def whole(m: re.Match) -> str:
        return f"{int(m.group(1)) + int(m.group(2)) / int(m.group(3)):g}"

    text = _MIXED_GLYPH_RE.sub(lambda m: f"{int(m.group(1)) + _FRACTION_GLYPHS[m.group(2)]:g}", text)
    text = _MIXED_SPACED_RE.sub(whole, text)
    return _MIXED_LOST_SPACE_RE.sub(whole, text)


def and_a_half(digits: str) -> str:
    """ "4 and a half months", "a year and a half", "2 hours and a half" → "4.5 months", "1.5 years", "2.5 hours"
    (after the number words are read: "four and a half" is "4 and a half" by then)."""
    digits = _UNIT_AND_A_HALF_RE.sub(
        lambda m: f"{(1 if m.group(1).lower() in ('a', 'an', 'one') else float(m.group(1))) + 0.5:g} {m.group(2)}s",
        digits)
    return _AND_A_PART_RE.sub(lambda m: f"{float(m.group(1)) + _AND_A_PART[m.group(2).lower()]:g}", digits)


_CAPITAL_SCALE_RE = re.compile(r"([KMBT])\b")


def parse_numbers(text: str, money: bool = False) -> list[float]:
    """All numbers in ``text`` with their scale words applied: "$4.83bn" → [4.83e9].

    The one-letter scales (m, b, k) count only in money ("$3m"); elsewhere "580m" is metres.
    """
    digits = and_a_half(words_to_digits(_FRACTION_OF_SCALE_RE.sub(_fraction_of_scale, mixed_fractions(text))))
    values: list[float] = []
    for m in _NUM_RE.finditer(digits):
        value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        rest = digits[m.end():m.end() + 14].lower()
        sm = re.match(r"\s*-?\s*(thousand|million|billion|trillion|dozen|hundred|crore|lakh|mn|bn|tn|k|m|b)\b", rest)
        capital = _CAPITAL_SCALE_RE.match(digits, m.end())
        if capital:  # a headline's "263K jobs", "$300M", "$1.9T": a capital letter on the digits is a scale
            value *= SCALES.get(capital.group(1).lower(), SCALES["tn"])
        elif sm and (money or len(sm.group(1)) > 1):
            value *= SCALES[sm.group(1)]
            rest2 = rest[sm.end():]
            sm2 = re.match(r"\s*(thousand|million|billion)\b", rest2)  # "1 hundred thousand"
            if sm2:
                value *= SCALES[sm2.group(1)]
        values.append(value)
    if not values:
        m = re.search(r"\b(dozens?|a dozen|hundreds|thousands|millions)\b", digits, re.I)
        if m and m.group(1).lower() in ("a dozen", "dozen"):
            values.append(12.0)
    return values


# --------------------------------------------------------------------------- intervals


def interval(low: float, high: float, qualifier: str | None, approximate: bool = False) -> dict:
    """The value dict for a stated value (or range low–high) under a hedge."""
    value: dict = {}
    q = qualifier
    if q in ("about",) or (approximate and q in (None, "exactly", "only")):
        value = {"low": low * (1 - ABOUT_BAND), "high": high * (1 + ABOUT_BAND)}
    elif q == "nearly":
        value = {"low": low * (1 - NEAR_BAND), "high": high, "high_open": True}
    elif q == "just under":
        value = {"low": low * (1 - NEAR_BAND / 2), "high": high, "high_open": True}
    elif q == "more than":
        value = {"low": low, "high": high * (1 + ABOVE_BAND), "low_open": True}
    elif q == "just over":
        value = {"low": low, "high": high * (1 + ABOVE_BAND / 2), "low_open": True}
    elif q == "at least":
        value = {"low": low, "high": None}  # None = unbounded (JSON has no infinity)
    elif q in ("less than",):
        value = {"low": 0.0, "high": high, "high_open": True}
    elif q == "up to":
        value = {"low": low * UP_TO_FLOOR, "high": high}
    elif q == "at most":
        value = {"low": 0.0, "high": high}
    else:
        value = {"low": low, "high": high}
        if low == high:
            value["point"] = low
    return {k: (_tidy(v) if isinstance(v, float) else v) for k, v in value.items()}


def _bound(x: float | None, default: float) -> float:
    return default if x is None else x


def _tidy(x: float) -> float:
    if math.isinf(x):
        return x
    return float(f"{x:.6g}")


def scaled(value: dict, factor: float) -> dict:
    """The same interval in another unit of its dimension."""
    return {k: (v * factor if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
            for k, v in value.items()}


def in_base_units(value: dict, unit: str | None) -> dict:
    """A claim's value (an interval dict) in its dimension's base unit, so values in km and miles compare."""
    factor = TO_BASE.get(unit, 1.0)
    return {k: (v * factor if isinstance(v, (int, float)) and not isinstance(v, bool) else v) for k, v in value.items()}


_SCALED_FIGURE_RE = re.compile(
    r"(?<![\d.,])(\d[\d,]*)(?:\.(\d+))?\s*-?\s*(thousand|million|billion|trillion|mn|bn|tn|k|m|b|T)\b", re.I)
MEASURE_DIMENSIONS = frozenset({"length", "mass", "area", "volume"})
_PLAIN_FIGURE_RE = re.compile(r"(?<![\d.,])(\d[\d,]*)(?:\.(\d+))?(?![\d,.]\d)")
_WORD_FIGURE_RE = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b", re.I)


def as_written(value: dict, qualifier: str | None, text: str, measure: bool = False) -> dict:
    """A bare figure written with a scale word as the interval its digits state: "$1 trillion" is a figure
    rounded to the trillion (0.5-1.5 trillion), "$1.2 trillion" to a tenth. Outlets round such figures freely
    ("the $1 trillion infrastructure bill" / "the $1.2 trillion bill", "$39 billion" / "$40 billion"); trailing
    zeros may be rounding or exact, so "$40 billion" gets half that slack (37.5-42.5 billion). With ``measure``
    (a length, mass, area or volume) any figure is read so: "six miles" is 5.5-6.5 miles, as an outlet converting
    "10 kilometres" writes it. A count, a sum of money in full digits ("1,276", "$15,257") or a hedged figure keeps
    its reading."""
    if qualifier not in (None, "only") or "point" not in value or value.get("low") != value.get("high"):
        return value  # "just six miles" is as rounded as "six miles"
    m = _SCALED_FIGURE_RE.search(text)
    if m:
        whole, decimals = m.group(1).replace(",", ""), m.group(2) or ""
        scale = SCALES.get(m.group(3).lower(), SCALES["tn"])  # "T": a headline's trillion
    elif measure:  # "six miles" (10 km converted and rounded) / "6.2 miles": a measure is rounded at its last digit
        m = _PLAIN_FIGURE_RE.search(text)
        word = _WORD_FIGURE_RE.search(text) if not m else None
        if m:
            whole, decimals = m.group(1).replace(",", ""), m.group(2) or ""
        elif word:
            whole, decimals = words_to_digits(word.group(1)).strip(), ""
        else:
            return value
        scale = 1.0
    else:
        return value
    written = float(f"{whole}.{decimals}" if decimals else whole) * scale
    if not written or not value["point"]:
        return value
    zeros = 0 if decimals else len(whole) - len(whole.rstrip("0"))
    place = 10.0 ** -len(decimals) if decimals else 10.0 ** zeros / (2 if zeros else 1)
    half = 0.5 * place * scale * abs(value["point"] / written)  # in the value's own units
    return {**value, "low": value["point"] - half, "high": value["point"] + half}


def compatible(a: dict, b: dict, tolerance: float = ROUNDING) -> bool:
    """Do two intervals overlap, allowing ``tolerance`` (relative) for rounding of exact values?"""
    a_low, a_high = _bound(a["low"], -math.inf), _bound(a["high"], math.inf)
    b_low, b_high = _bound(b["low"], -math.inf), _bound(b["high"], math.inf)
    if "point" in a:
        a_low, a_high = a_low - abs(a_low) * tolerance, a_high + abs(a_high) * tolerance
    if "point" in b:
        b_low, b_high = b_low - abs(b_low) * tolerance, b_high + abs(b_high) * tolerance
    if a_high < b_low or b_high < a_low:
        return False
    # Touching ends overlap only if both ends are closed.
    if a_high == b_low and (a.get("high_open") or b.get("low_open")) and "point" not in a and "point" not in b:
        return False
    if b_high == a_low and (b.get("high_open") or a.get("low_open")) and "point" not in a and "point" not in b:
        return False
    return True


# The written figure is the low end of the interval after these hedges, the high end after those.
LOWER_HEDGES = frozenset({"more than", "just over", "at least"})
UPPER_HEDGES = frozenset({"nearly", "just under", "less than", "up to", "at most"})
CONVERSION_SPREAD = 0.10  # a converted figure is rounded ("240 km (150 miles)" is 241 km), not another value


def stated_figure(value: dict, qualifier: str | None) -> float | None:
    """The figure a value was written with: "more than X", "nearly X", "up to X" → X; "about X" → the middle
    of its band; an open value without such a hedge ("since 2021") → its one bound; None when it has none."""
    low, high = value.get("low"), value.get("high")
    if qualifier in LOWER_HEDGES and low is not None:
        return float(low)
    if qualifier in UPPER_HEDGES and high is not None:
        return float(high)
    if "point" in value:
        return float(value["point"])
    if low is None or high is None:
        bound = high if high is not None else low
        return None if bound is None or math.isinf(bound) else float(bound)
    return (low + high) / 2


def is_conversion(a: dict, a_qualifier: str | None, b: dict, b_qualifier: str | None,
                  spread: float = CONVERSION_SPREAD) -> bool:
    """Are two values (in one unit, e.g. base units) one figure written in two units, as in "240 km (150 miles)"
    or "at least 50 miles (80 km)": their written figures within ``spread`` of each other (a conversion rounds),
    not two figures? The one test for a bracketed conversion (claims and align/facts)."""
    x, y = stated_figure(a, a_qualifier), stated_figure(b, b_qualifier)
    return x is not None and y is not None and min(x, y) > 0 and max(x, y) - min(x, y) <= spread * max(x, y)


def is_open_ended(value: dict) -> bool:
    """An interval without an upper or lower bound ("at least 5", "since 2021")."""
    return value.get("low") is None or value.get("high") is None or \
        math.isinf(value.get("low") or 0) or math.isinf(value.get("high") or 0)


@dataclass
class Quantity:
    """A normalised value: interval in ``unit``, the hedge, and what was read."""

    value: dict
    unit: str
    qualifier: str | None
    stated: float


def unit_of(text: str) -> tuple[str, float] | None:
    """The unit word in ``text`` (longest match, plural-tolerant), as (unit, factor)."""
    low = text.lower()
    for word in sorted(UNIT_WORDS, key=len, reverse=True):
        pattern = r"%s" % re.escape(word) if not word[0].isalpha() else r"(?<![a-z])" + re.escape(word) + r"(?:e?s)?\b"
        if re.search(pattern, low):
            return UNIT_WORDS[word]
    return None


def currency_of(text: str) -> str | None:
    for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True):
        if sign in text:
            return CURRENCY_SIGNS[sign]
    low = text.lower()
    for word, code in CURRENCY_WORDS.items():
        if re.search(r"\b" + word + r"s?\b", low):
            return code
    return None


def parse_range(text: str, money: bool = False) -> tuple[float, float] | None:
    """"between 20 and 25", "20 to 25", "$27M-$30 million", "2.5 million to $7 million", "three or four"."""
    nums = parse_numbers(text, money)
    if len(nums) < 2:
        return None
    if not re.search(r"\d[^\d]{0,12}(?:-|–|\bto\b|\band\b|\bor\b)[^\d]{0,12}\d", words_to_digits(text)):
        return None
    low, high = nums[0], nums[1]
    if high >= 1000 and low < high / 100 and low < 1000:  # "$2.5 to $7 million": scale shared
        for scale in (1e12, 1e9, 1e6, 1e3):
            if high >= scale:
                low *= scale
                break
    return (low, high) if low <= high else None
