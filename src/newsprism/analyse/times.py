"""Time expressions: found by spaCy (DATE entities), normalised against the article's date.

``normalise`` turns one expression into a TimeML-style value ("2025-08-15", "2025-W33",
"2025-08", "2025", "XXXX-08-15", "PAST_REF") plus what the brief needs: an ISO date, its
precision (day / month / year), whether it was relative, and whether it could be resolved.

Resolution rules (news conventions, never guesses):
- absolute dates ("Aug. 15, 2025", "February 2022", "in 2014") stand on their own; a month and day
  without a year ("Aug. 15") take the year that puts them nearest the reference date;
- relative ones ("Friday", "last week", "next month", "three years ago", "yesterday") are resolved
  against the reference date: the article's publication date, else a date in its dateline;
- a bare weekday means the most recent such day (past tense, "said Friday") or the next one
  (future / present tense, "will meet Friday");
- without a reference date a relative expression stays relative and unresolved (date None).
Weeks have no precision of their own in the brief: they are given as their month.
Absolute forms that the rules do not cover go to ``dateparser`` (with ``RELATIVE_BASE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newsprism.model import DatePrecision, Span, TimeExpression

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None,
    "a few": None, "couple": None, "a couple of": None,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
YEAR_RE = r"((?:1[5-9]|20)\d\d)"
DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
MODIFIER_RE = r"^(?:(?:the )?(?:early|mid|late|end of|beginning of|start of|middle of)[- ]+)?"

ABSOLUTE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"^{MONTH_RE} {DAY_RE},? {YEAR_RE}$"), "mdy"),
    (re.compile(rf"^{DAY_RE} {MONTH_RE},? {YEAR_RE}$"), "dmy"),
    (re.compile(rf"^{MONTH_RE},? {YEAR_RE}$"), "my"),
    (re.compile(rf"^{MONTH_RE} {DAY_RE}$"), "md"),
    (re.compile(rf"^{DAY_RE} {MONTH_RE}$"), "dm"),
    (re.compile(rf"^{MONTH_RE}$"), "m"),
    (re.compile(rf"^{YEAR_RE}$"), "y"),
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)$"), "iso"),
]
PREP_RE = re.compile(r"^(?:on|in|by|since|until|till|from|during|of|as of|at|before|after|around|about|early|this past)\s+", re.I)
TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
WEEKDAY_RE = re.compile(
    rf"^(?:(last|next|this|this coming|coming|this past|past|on)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"{TIME_OF_DAY}(?:,?\s+{MONTH_RE}\s+{DAY_RE}(?:,?\s+{YEAR_RE})?)?$"
)
UNIT_RE = re.compile(
    r"^(?:(earlier|later)\s+)?(?:(last|next|this|the past|the previous|the coming|this past|the last|the next|the same|that)\s+)"
    r"(week|weekend|month|year)$"
)
AGO_RE = re.compile(r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago$")
SEASON_RE = re.compile(rf"^(?:(last|next|this|this past|the)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{YEAR_RE})?$")
DECADE_RE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(1[5-9]|20)(\d)0'?s$")
DATELINE_RE = re.compile(rf"\b{MONTH_RE}\s+{DAY_RE},?\s+{YEAR_RE}\b|\b(\d{{4}})-(\d\d)-(\d\d)\b", re.I)


@dataclass
class Normalised:
    value: str  # TimeML-style value
    iso: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when unresolved or not a point
    precision: DatePrecision | None
    relative: bool
    resolved: bool


# --------------------------------------------------------------------------- reference date


def parse_reference(published: str | None) -> date | None:
    """The publication date as a ``date`` (ISO date or datetime), None when unknown or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        m = re.match(r"(\d{4})-(\d\d)-(\d\d)", published.strip())
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def dateline_date(text: str) -> date | None:
    """A full date in the article's opening line (dateline or date stamp), if any."""
    head = text[:200].split("\n", 1)[0]
    m = DATELINE_RE.search(head)
    if not m:
        return None
    try:
        if m.group(1):
            return date(int(m.group(3)), MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)))
        return date(int(m.group(4)), int(m.group(5)), int(m.group(6)))
    except (ValueError, KeyError):
        return None


# --------------------------------------------------------------------------- normalisation


def _day(d: date, relative: bool = False) -> Normalised:
    iso = d.isoformat()
    return Normalised(iso, iso, "day", relative, True)


def _month(year: int, month: int, relative: bool = False) -> Normalised:
    iso = f"{year:04d}-{month:02d}"
    return Normalised(iso, iso, "month", relative, True)


def _year(year: int, relative: bool = False) -> Normalised:
    return Normalised(f"{year:04d}", f"{year:04d}", "year", relative, True)


def _unresolved(value: str, precision: DatePrecision | None) -> Normalised:
    return Normalised(value, None, precision, True, False)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _nearest_year(month: int, day: int, ref: date) -> date | None:
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _weekday(target: int, modifier: str | None, ref: date, future: bool) -> date:
    back = (ref.weekday() - target) % 7
    ahead = (target - ref.weekday()) % 7
    if modifier == "last" or modifier in ("past", "this past"):
        return ref - timedelta(days=back or 7)
    if modifier in ("next", "coming", "this coming"):
        return ref + timedelta(days=ahead or 7)
    return ref + timedelta(days=ahead) if future else ref - timedelta(days=back)


def _week_value(d: date) -> str:
    iso_year, week, _ = d.isocalendar()
    return f"{iso_year:04d}-W{week:02d}"


def _absolute(t: str, ref: date | None, future: bool = False) -> Normalised | None:
    t = re.sub(MODIFIER_RE, "", t)
    m = re.match(rf"^(last|next|this|this past|this coming) {MONTH_RE}$", t)
    if m:  # "last June", "next March": the previous / next such month
        if ref is None:
            return _unresolved(t, "month")
        month = MONTHS[m.group(2)]
        if m.group(1) in ("last", "this past"):
            year = ref.year if month < ref.month else ref.year - 1
        elif m.group(1) in ("next", "this coming"):
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return _month(year, month, relative=True)
    for pattern, kind in ABSOLUTE_PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        g = m.groups()
        try:
            if kind == "mdy":
                return _day(date(int(g[2]), MONTHS[g[0]], int(g[1])))
            if kind == "dmy":
                return _day(date(int(g[2]), MONTHS[g[1]], int(g[0])))
            if kind == "my":
                return _month(int(g[1]), MONTHS[g[0]])
            if kind == "iso":
                return _day(date(int(g[0]), int(g[1]), int(g[2])))
            if kind == "y":
                return _year(int(g[0]))
            if kind in ("md", "dm"):
                month, day = (MONTHS[g[0]], int(g[1])) if kind == "md" else (MONTHS[g[1]], int(g[0]))
                date(2000, month, day)  # validates the day (2000 is a leap year)
                if ref is None:
                    return _unresolved(f"XXXX-{month:02d}-{day:02d}", "day")
                d = _nearest_year(month, day, ref)
                return _day(d, relative=True) if d else None
            if kind == "m":
                month = MONTHS[g[0]]
                if ref is None:
                    return _unresolved(f"XXXX-{month:02d}", "month")
                if future:
                    year = ref.year if month >= ref.month else ref.year + 1
                else:
                    year = ref.year if month <= ref.month else ref.year - 1
                return _month(year, month, relative=True)
        except (ValueError, KeyError):
            return None
    return None


def _relative(t: str, ref: date | None, future: bool) -> Normalised | None:
    simple = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
              "yesterday": -1, "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1,
              "tomorrow": 1, "tomorrow morning": 1}
    if t in simple:
        return _day(ref + timedelta(days=simple[t]), True) if ref else _unresolved(t, "day")
    if t in ("now", "currently", "right now", "at present", "nowadays", "the present", "these days"):
        return Normalised("PRESENT_REF", None, None, True, ref is not None)
    if t in ("recently", "the past", "previously", "formerly", "earlier", "lately", "once", "recent years"):
        return Normalised("PAST_REF", None, None, True, ref is not None)
    if t in ("the future", "soon", "future", "the coming years", "coming years"):
        return Normalised("FUTURE_REF", None, None, True, ref is not None)
    m = WEEKDAY_RE.match(t)
    if m:
        modifier, name = m.group(1), m.group(2)
        if m.group(3):  # "Friday, Aug. 15[, 2025]": the date itself decides
            year = m.group(5)
            return _absolute(f"{m.group(3)} {m.group(4)}" + (f", {year}" if year else ""), ref, future)
        if ref is None:
            return _unresolved(f"XXXX-WXX-{WEEKDAYS[name] + 1}", "day")
        return _day(_weekday(WEEKDAYS[name], modifier, ref, future), True)
    m = UNIT_RE.match(t)
    if m:
        side, which, unit = m.groups()
        delta = {"last": -1, "the past": -1, "the previous": -1, "this past": -1, "the last": -1,
                 "next": 1, "the coming": 1, "the next": 1}.get(which, 0)
        if which in ("the past", "the next", "the coming") and unit != "weekend":
            return None  # "the past year" is a duration, not a date
        if which in ("the same", "that"):
            return None  # anaphoric: refers to another date in the text
        if ref is None:
            return _unresolved(t, "month" if unit in ("week", "weekend", "month") else "year")
        if unit in ("week", "weekend"):
            d = ref + timedelta(weeks=delta)
            value = _week_value(d) + ("-WE" if unit == "weekend" else "")
            return Normalised(value, f"{d.year:04d}-{d.month:02d}", "month", True, True)
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, delta)
            return _month(y, mo, True)
        return _year(ref.year + delta, True)
    m = AGO_RE.match(t)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1)]
        unit = m.group(2)
        if ref is None:
            return _unresolved(t, "day" if unit == "day" else unit if unit != "week" else "month")
        if unit == "day":
            return _day(ref - timedelta(days=n), True)
        if unit == "week":
            d = ref - timedelta(weeks=n)
            return Normalised(_week_value(d), f"{d.year:04d}-{d.month:02d}", "month", True, True)
        if unit == "month":
            y, mo = _shift_month(ref.year, ref.month, -n)
            return _month(y, mo, True)
        return _year(ref.year - n, True)
    m = SEASON_RE.match(t)
    if m:
        which, season, year = m.groups()
        code = SEASONS[season]
        if year:
            return Normalised(f"{year}-{code}", year, "year", False, True)
        if ref is None:
            return _unresolved(t, "year")
        y = ref.year + {"last": -1, "next": 1}.get(which or "", 0)
        return Normalised(f"{y:04d}-{code}", f"{y:04d}", "year", True, True)
    return None


def normalise(text: str, ref: date | None, future: bool = False) -> Normalised | None:
    """A TimeML-style value for one DATE expression, or None when it is not a calendar date."""
    t = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.;:'\"“”")
    t = re.sub(r"^the\s+(?=\d)", "", t)
    for _ in range(2):
        t = PREP_RE.sub("", t)
    t = re.sub(r"^(?:just|only|nearly|almost|about|some|more than|less than|at least)\s+", "", t)
    t = re.sub(r"\bfiscal\s+", "", t)
    t = re.sub(r"^(?:the )?(?:end|beginning|start|middle) of (?:the )?(year|month|week)$", r"this \1", t)
    m = re.match(r"^(?:the )?(\d{1,2})(?:st|nd|rd|th) century$", t)
    if m:
        return Normalised(f"{int(m.group(1)) - 1:02d}", None, None, False, True)
    if not t:
        return None
    m = DECADE_RE.match(t)
    if m:
        return Normalised(f"{m.group(1)}{m.group(2)}", None, None, False, True)
    if t == "may" and text.strip() != "May":
        return None  # the modal verb, not the month
    found = _relative(t, ref, future) or _absolute(t, ref, future)
    if found is not None:
        return found
    return _dateparser_fallback(t, ref)


def _dateparser_fallback(t: str, ref: date | None) -> Normalised | None:
    """Other absolute forms ("15/08/2025", "2025.08.15"): dateparser, only when a year is written."""
    if not re.search(r"\d{4}", t) or re.search(r"\b(years?|months?|weeks?|days?|decades?|centur)", t):
        return None
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return _year(d.year)
    if data.period == "month":
        return _month(d.year, d.month)
    return _day(d)


# --------------------------------------------------------------------------- extraction


def _is_future(ent) -> bool:
    """Whether the clause the expression belongs to speaks of the future (will / going to / present)."""
    head = ent.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "'ll", "shall", "wo"} or ("to" in aux and head.head.lemma_ == "go"):
        return True
    if head.tag_ in ("VBD", "VBN") or aux & {"did", "had", "was", "were", "has", "have"}:
        return False
    return head.tag_ in ("VBZ", "VBP", "VB")


def _governing_verb(ent):
    head = ent.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


INVERTED_CONDITIONAL = {"had", "were", "should"}


def is_hypothetical(ent) -> bool:
    """Whether the date belongs to a clause that did not happen: "if ... in June", "would have won in
    2020", "had Trump been president in 2022". Such a date is a real time expression but no event of the
    story, so it is kept off the timeline."""
    head = _governing_verb(ent)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    children = list(head.children)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children):
        return True
    aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in aux) and any(a.lower_ in ("have", "'ve") for a in aux):
        return True
    doc = ent.doc
    for subject in (c for c in children if c.dep_ in ("nsubj", "nsubjpass")):
        before = subject.left_edge.i - 1
        if before >= ent.sent.start and doc[before].lower_ in INVERTED_CONDITIONAL and before < head.i:
            return True
    return False


def event_span(ent, doc) -> tuple[int, int]:
    """The clause that says what happened at this time: the governing verb's subtree, in its sentence."""
    sent = ent.sent
    head = ent.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and head.head.i >= sent.start:
        head = head.head
    start, end = sent.start_char, sent.end_char
    # The smallest verb clause around the date with at least 6 tokens; the sentence otherwise.
    # (Climbing through any ancestor: parses of long sentences often hang clauses on nouns.)
    while head.dep_ != "ROOT" and head.head.i != head.i:
        left, right = head.left_edge, head.right_edge
        if head.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "SCONJ") and right.i - left.i + 1 >= 6 and left.i >= sent.start and right.i < sent.end:
            start, end = left.idx, right.idx + len(right)
            break
        head = head.head
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


DEICTIC_WORDS = {"now", "currently", "today", "yesterday", "tomorrow", "tonight"}


def date_candidates(doc) -> list:
    """spaCy DATE entities, plus deictic words the tagger leaves out ("now", "today"), in order."""
    spans = [ent for ent in doc.ents if ent.label_ == "DATE"]
    covered = {i for ent in spans for i in range(ent.start, ent.end)}
    for tok in doc:
        if tok.lower_ in DEICTIC_WORDS and tok.i not in covered and tok.pos_ in ("ADV", "NOUN"):
            spans.append(doc[tok.i : tok.i + 1])
    return sorted(spans, key=lambda s: s.start)


def extract_times(doc, article_id: str, published: str | None) -> list[TimeExpression]:
    """Every calendar date the article mentions, resolved against its publication date."""
    ref = parse_reference(published) or dateline_date(doc.text)
    out: list[TimeExpression] = []
    for ent in date_candidates(doc):
        norm = normalise(ent.text, ref, _is_future(ent))
        if norm is None or norm.precision is None:
            continue  # durations, decades, "now": not a point on the timeline
        start, end = event_span(ent, doc)
        event = None if is_hypothetical(ent) else Span(article_id, start, end, doc.text[start:end])
        out.append(
            TimeExpression(
                article=article_id,
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                date=norm.iso if norm.resolved else None,
                precision=norm.precision,
                relative=norm.relative,
                resolved=norm.resolved,
                event=event,
            )
        )
    return out
