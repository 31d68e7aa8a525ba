"""Claims with checkable values: counts, durations, shares, money, amounts, ages, dates, ranks.

Candidates are spaCy's numeric entities (CARDINAL, QUANTITY, PERCENT, MONEY, DATE, TIME,
ORDINAL) plus verbal fractions spaCy misses ("two-thirds of"). Each becomes a :class:`Claim`:

- ``value``: an interval (see :mod:`newsprism.analyse.quantities`) in a normalised ``unit``;
- ``qualifier``: the hedge that shaped the interval ("nearly", "more than", …), extended into
  the span when it stands just before the entity;
- ``subject``: the thing measured, read off the dependency parse (the counted noun, the event
  that lasted, the verb whose date it is, the person whose age it is);
- ``property``: ``"<kind>: <head lemma>"`` (``"duration: summit"``, ``"count: prisoner"``), the key
  that align/facts compares across articles.

Numbers that name rather than measure are skipped: identifiers ("Flight 214", "Game 3"), phone
numbers, scores, weekday/relative anchors ("on Friday", "last week"; the timeline handles those).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from newsprism.analyse.quantities import (
    ORDINAL_WORDS,
    TO_BASE,
    UNIT_WORDS,
    currency_of,
    interval,
    is_conversion,
    is_hedge,
    parse_fraction,
    parse_numbers,
    parse_range,
    scaled,
    split_hedge,
    unit_of,
    words_to_digits as parse_digits,
)
from newsprism.analyse.entities import PERSON_NOUNS as ENTITY_PERSON_NOUNS
from newsprism.analyse.quotes import person_genders
from newsprism.analyse.times import _shift_month, parse_reference
from newsprism.model import Claim, LocalEntity, Span

SHARE_WORD_RE = re.compile(r"\d\s*(?:%|per\s?cent\b|percent\b)", re.I)
NUMERIC_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME", "ORDINAL"}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# Verbs that only carry a measure ("lasted three hours", "took two days"): the thing measured is
# their subject, not the verb.
LIGHT_VERBS = {"be", "last", "take", "spend", "run", "continue", "go", "have", "stand", "reach", "total",
               "number", "come", "remain", "stay", "get", "make", "see", "hit", "rise", "fall", "drop",
               "grow", "climb", "increase", "decrease", "decline", "jump", "surge", "put", "estimate",
               # "Claims were revised upward to 6.8 million", "Shares plunged to $12": the subject is measured
               "revise", "soar", "plunge", "tumble", "slide", "sink"}
# Counted nouns that are really time or unit words (handled as durations / amounts elsewhere).
NOT_COUNTED = {"time", "times", "percent", "%", "one", "ones"}
# "three other bidders" counts the others, not all: an increment, never a total to dispute.
INCREMENT_WORDS = {"other", "another", "more", "additional", "further", "extra", "new"}
INCREMENT_LEAD_RE = re.compile(r"(?:(?:an?|the)\s+)?(?:additional|extra|further)\s+(?=\S)", re.I)
_RELATIVE_DATE = re.compile(r"\b(today|yesterday|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|"
                            r"saturday|sunday|week|weekend|morning|afternoon|evening|night|this|last|next|"
                            r"recent|earlier|later|now|season|spring|summer|autumn|fall|winter|daily|weekly|"
                            r"annual|quarter|early|late|mid)\b", re.I)


def extract_claims(doc, article_id: str, entities: list[LocalEntity], published: str | None = None) -> list[Claim]:
    """Every checkable value in ``doc`` (parsed ``article.text``), in text order.

    ``published`` (``Article.published``) turns "four years ago" / "last year" into dates; without it
    they stay what they say (a span of time, or nothing): a date is never guessed."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    people = _People(doc, entities)
    ref = parse_reference(published)
    for claim in [*_height_claims(doc, article_id, entities, people), *_ratio_claims(doc, article_id, entities),
                  *_one_in_n_claims(doc, article_id, entities)]:
        claims.append(claim)
        taken.append((claim.start, claim.end))
    for claim in _event_count_claims(doc, article_id, entities, taken, people):
        claims.append(claim)
        taken.append((claim.start, claim.end))
    for ent in _with_alternatives(doc):
        if ent.label_ not in NUMERIC_LABELS or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        claim = _claim_for(doc, ent, article_id, entities, people, ref)
        if claim is not None:
            claims.append(claim)
            taken.append((ent.start_char, ent.end_char))
    for ent in _untagged_values(doc, taken):
        claim = _claim_for(doc, ent, article_id, entities, people, ref)
        if claim is not None:
            claims.append(claim)
            taken.append((ent.start_char, ent.end_char))
    for claim in _fraction_claims(doc, article_id, entities, taken):
        claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end))
    return _conversions_share_their_head(doc.text, _dedupe(claims))


def _with_alternatives(doc):
    """The numeric entities, with two counts joined by "or" as one ("three or four robbers", "10 or 12 days"):
    the writer gives a range, and the first figure alone would read as exact."""
    from spacy.tokens import Span as DocSpan

    ents, out, i = list(doc.ents), [], 0
    while i < len(ents):
        ent = ents[i]
        i += 1
        if ent.label_ in ("CARDINAL", "DATE", "QUANTITY") and ent.end + 1 < len(doc) \
                and doc[ent.end].lower_ == "or" and doc[ent.end + 1].like_num:
            end, label = ent.end + 2, ent.label_
            if i < len(ents) and ents[i].start == ent.end + 1:  # "one or [two days]": the unit is the second's
                end, label = max(end, ents[i].end), ents[i].label_
                i += 1
            out.append(DocSpan(doc, ent.start, end, label=label))
            continue
        out.append(ent)
    return out


def _conversions_share_their_head(text: str, claims: list[Claim]) -> list[Claim]:
    """"a 20 km (12 miles) zone", "240 km (150 miles) north of Tokyo": the value in parentheses restates the
    one before it in another unit, so it measures the same thing (the parser hangs it on the first unit word,
    which then passed for the measured noun: "amount: km")."""
    out: list[Claim] = []
    for claim in claims:
        before = out[-1] if out else None
        if before is not None and before.unit == claim.unit \
                and is_conversion(before.value, before.qualifier, claim.value, claim.qualifier) \
                and re.fullmatch(r"\s*\(\s*", text[before.end: claim.start]) and text[claim.end: claim.end + 1] == ")":
            claim = dataclasses.replace(claim, property=before.property, subject=before.subject)
        out.append(claim)
    return out


# A person's height: "5-foot-8", "5 feet 8", "6 feet, 4 inches tall", "a 6-foot-tall man". The tagger splits
# these ("5" counted as something, "6 feet" and "4 inches" apart), so they are read first, as one length.
HEIGHT_RE = re.compile(
    r"\b([4-7])(?:\s*-\s*|\s+)(?:foot|feet|ft\.?)(?:"
    r"(?:\s*-\s*|\s+)(\d{1,2})(?![\d,.]\d)(?:\s*(?:inches|inch|in\.))?(?:[\s-]+tall\b)?"  # 5-foot-8, 5 feet 8 (inches)
    r"|,\s+(\d{1,2})\s*(?:inches|inch)(?:[\s-]+tall\b)?"  # 6 feet, 4 inches (tall)
    r"|[\s-]+tall\b)",  # 6 feet tall, 6-foot-tall
    re.I)


def _height_claims(doc, article_id: str, entities: list[LocalEntity], people: "_People | None" = None):
    """Heights of people (and things said to be N feet tall), in metres, as ``amount: height``."""
    for m in HEIGHT_RE.finditer(doc.text):
        inches = m.group(2) or m.group(3)
        if inches is not None and int(inches) > 11:
            continue  # "5 feet 20": not feet and inches
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        metres = int(m.group(1)) * 0.3048 + int(inches or 0) * 0.0254
        hedge_start, qualifier = _hedge_before(doc, span)
        start = hedge_start if hedge_start is not None else m.start()
        yield Claim(
            article=article_id, start=start, end=m.end(), text=doc.text[start:m.end()],
            value=interval(round(metres, 4), round(metres, 4), qualifier), unit="m", qualifier=qualifier,
            subject="height", property="amount: height",
            **_fields_with_referent(article_id, span, entities, people),
        )


def _sentence_fields(article_id: str, sent, entities: list[LocalEntity]) -> dict:
    """The sentence and entity keys of a claim found in ``sent`` (the claims read by a pattern share them)."""
    return {"sentence": Span(article_id, sent.start_char, sent.end_char, sent.text),
            "entities": _entities_in(entities, sent.start_char, sent.end_char)}


def _fields_with_referent(article_id: str, span, entities: list[LocalEntity], people: "_People | None",
                          head=None) -> dict:
    """:func:`_sentence_fields` plus the named person a pronoun subject of the value's clause stands for
    ("He is 6 feet tall", "she was struck twice"), resolved as for the claims of numeric entities."""
    fields = _sentence_fields(article_id, span.sent, entities)
    referent = _clause_referent(people, span, head) if people is not None else None
    if referent is not None and referent.key not in fields["entities"]:
        fields["entities"].append(referent.key)
    return {**fields, "referents": [referent.name] if referent is not None else []}


# Ratios: "triple the weight", "twice as many", "11 times as much", "a 20-fold rise". Only with a comparison
# after them: "shot four times" counts shots, "doubled" is a change over time.
_RATIO_NUMBER = r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|hundred)"
RATIO_RE = re.compile(
    rf"\b(?:(?P<word>twice|double|triple|treble|quadruple)(?=\s+(?:as|the|that|what)\b)"
    rf"|(?P<fold>{_RATIO_NUMBER})[- ]fold\b"
    rf"|(?P<times>{_RATIO_NUMBER})\s+times\s+(?=(?:as|more|less|larger|bigger|higher|greater|smaller|heavier)\b"
    rf"|(?:the|that)\s+(?:[a-z-]+\s+){{0,2}}?(?:of|size|number|amount|rate|level|weight|average|value|cost|price)\b))",
    re.I)
RATIO_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}


def _ratio_claims(doc, article_id: str, entities: list[LocalEntity]):
    """One quantity as a multiple of another (unit ``times``), measured by the noun compared
    ("triple the weight" → weight, "twice as many cars" → car), else by the clause's verb."""
    for m in RATIO_RE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span) or span[0].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") \
                or (m.group("word") and span[0].pos_ == "VERB"):
            continue  # "would double the budget": a change, said by a verb
        word = m.group("word")
        nums = [RATIO_WORDS[word.lower()]] if word else parse_numbers(m.group("fold") or m.group("times"))
        if not nums or nums[0] <= 1:
            continue
        hedge_start, qualifier = _hedge_before(doc, span)
        start = hedge_start if hedge_start is not None else m.start()
        end = m.end() if not m.group("times") else m.start() + len(m.group(0).rstrip())
        head = _compared_noun(doc, span)
        sent = span.sent
        yield Claim(
            article=article_id, start=start, end=end, text=doc.text[start:end],
            value=interval(nums[0], nums[0], qualifier), unit="times", qualifier=qualifier,
            subject=_phrase(head) if head is not None else None,
            property=f"ratio: {_lemma(head)}" if head is not None else "ratio",
            **_sentence_fields(article_id, sent, entities),
        )


_SMALL_NUMBER = r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))?"
# "one in five adults", "1 in 4 teenagers", "a two-in-three chance", "nine out of every 10 voters", "5 cases in
# 1,000": a share (N / M). The noun between ("cases") only when none follows the whole ("3 goals in 5 games" is a rate).
ONE_IN_N_RE = re.compile(rf"\b(?P<part>{_SMALL_NUMBER}{_SCALE})(?:\s+(?P<between>[a-z]+))??(?:\s+|-)(?:in|out\s+of)"
                         rf"(?:\s+|-)(?:every\s+)?(?P<whole>{_SMALL_NUMBER}{_SCALE}|a\s+(?:hundred|thousand|million))\b"
                         r"(?![.,]\d)", re.I)


def _one_in_n_claims(doc, article_id: str, entities: list[LocalEntity]):
    """A share written as a part of a whole ("one in five American adults" = 20 %, "a 2 in 3 chance" = 66.7 %),
    read as one claim so that neither number is taken for a count of people. A four-digit whole with no comma
    is a year ("one in 2015"), no whole."""
    for m in ONE_IN_N_RE.finditer(doc.text):
        whole_text = m.group("whole")
        if re.fullmatch(r"\d{4}", whole_text):
            continue
        part = parse_numbers(m.group("part"))
        whole = parse_numbers(re.sub(r"^a\s+", "one ", whole_text, flags=re.I))
        if len(part) != 1 or len(whole) != 1 or not 0 < part[0] < whole[0]:
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        hedge_start, qualifier = _hedge_before(doc, span)
        start = hedge_start if hedge_start is not None else m.start()
        share = 100.0 * part[0] / whole[0]
        noun = next((t for t in doc[span.end:span.end + 4] if t.pos_ in ("NOUN", "PROPN")), None)
        if noun is not None and noun.i == span.end and unit_of(noun.text) is not None:
            continue  # "one in 10 minutes", "2 in 5 miles": a rate or a measure, no share
        if noun is not None and any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in doc[span.end:noun.i]):
            noun = None  # "one in ten said they…": no noun of its own
        between = m.group("between")
        if between:
            if between.lower() in ("in", "out", "every") or (noun is not None and noun.i == span.end):
                continue  # "3 goals in 5 games": a rate of two nouns, no share
            noun = next((t for t in span if t.text == between), None)
        if noun is None:
            noun = _elided_noun(doc, span)  # "9 million children were on food stamps, or one in eight"
        yield Claim(
            article=article_id, start=start, end=m.end(), text=doc.text[start:m.end()],
            value=interval(share, share, qualifier, approximate=True), unit="percent", qualifier=qualifier,
            subject=_phrase(noun) if noun is not None else None,
            property=f"share: {_lemma(noun)}" if noun is not None else "share",
            **_sentence_fields(article_id, span.sent, entities),
        )


def _compared_noun(doc, span):
    """The noun a ratio compares ("triple the weight of", "twice as many cars as"; not the noun after "as"
    or "than", which is the other side), else the verb of its clause ("rose 20-fold")."""
    sent_end = span.sent.end
    for t in doc[span.end: min(span.end + 5, sent_end)]:
        if t.lower_ in ("than",) or (t.lower_ == "as" and t.i > span.end + 1 and doc[t.i - 1].lower_ not in ("as",)
                                     and doc[t.i - 1].pos_ in ("NOUN", "ADJ", "ADV")):
            break
        if t.pos_ == "NOUN" and unit_of(t.text) is None:
            return t
    verb = _governing_verb(span.root)
    if verb is not None and _verb_lemma(verb) in LIGHT_VERBS:  # "Sales were 3 times higher": the sales
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)
    return verb


# Event counts: "shot once in the leg", "was struck twice", "stabbed 17 times". How many times an event
# happened is checkable like any count, but it counts the verb, not a noun: kind "times" (unit "times"),
# measured by the event verb ("times: shoot"). Not a ratio ("three times as many": _ratio_claims), not a
# rate ("twice a week"), not "once" meaning formerly ("he once worked") or "as soon as" ("once inside").
_COUNT_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
              r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
EVENT_COUNT_RE = re.compile(rf"\b(?:(?P<word>once|twice|thrice)|(?P<n>{_COUNT_WORD})\s+times)\b", re.I)
EVENT_COUNT_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
RATE_AFTER_RE = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:[a-z]+\s+)?(?:second|minute|hour|day|night|week|"
                           r"weekend|month|year|season|decade|game|time)s?\b", re.I)
# Verbs whose "N times" is no count of an event: states, reporting, and changes ("increased five times" may
# be fivefold).
NOT_EVENT_VERBS = {"be", "have", "do", "get", "make", "take", "go", "come", "say", "tell", "report", "add", "note",
                   "show", "find", "estimate", "number", "total", "cost", "mean", "seem", "become", "remain", "stay",
                   "double", "triple", "rise", "fall", "increase", "decrease", "grow", "drop", "decline", "jump",
                   "climb", "surge", "multiply", "expand", "shrink", "outnumber", "exceed"}


def _event_count_claims(doc, article_id: str, entities: list[LocalEntity], taken: list[tuple[int, int]],
                        people: "_People"):
    """How many times the event of a verb happened, as ``times: <verb>``; a pronoun subject of the verb ("she was
    struck twice") is resolved to the person named before, as for other clauses."""
    for m in EVENT_COUNT_RE.finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in taken) or RATE_AFTER_RE.match(doc.text, m.end()):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span[-1]  # "once" / "twice" / "times"
        verb = token.head.head if token.head.pos_ == "ADP" else token.head  # "shot once in the leg": on "in"
        if token.dep_ not in ("advmod", "npadvmod") or verb.pos_ != "VERB" or _verb_lemma(verb) in NOT_EVENT_VERBS \
                or not _happens_to_someone(verb):
            continue
        if m.group("word") and m.group("word").lower() == "once" and not _once_counts(doc, token, verb):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.lower_ in ("as", "more", "less", "the", "that", "than", "over"):
            continue  # "three times as many", "three times the size": a ratio, or "over" a period
        word = m.group("word")
        nums = [EVENT_COUNT_WORDS[word.lower()]] if word else parse_numbers(m.group("n"))
        if not nums or nums[0] < 1:
            continue
        hedge_start, qualifier = _hedge_before(doc, span)
        start = hedge_start if hedge_start is not None else m.start()
        yield Claim(
            article=article_id, start=start, end=m.end(), text=doc.text[start:m.end()],
            value=interval(nums[0], nums[0], qualifier), unit="times", qualifier=qualifier,
            subject=verb.text, property=f"times: {_verb_lemma(verb)}",
            **_fields_with_referent(article_id, span, entities, people, verb),
        )


def _happens_to_someone(verb) -> bool:
    """Is the event done to someone or something (a passive, or a verb with its object: "was shot twice",
    "stabbed her 17 times")? An actor's own tally ("scored twice", "has won three times") is left out: a match
    report gives one for each player, and two players' tallies must never meet as one figure."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "dobj") for c in verb.children):
        return True
    # a reduced passive ("Shermain Miles — arrested 396 times —"): a past participle without "have"
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _once_counts(doc, token, verb) -> bool:
    """"shot once in the leg" counts; "he once worked" (formerly), "once again", "at once", "more than once"
    (no figure) do not."""
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.i > verb.i and (before is None or before.lower_ not in ("at", "all", "than", "just")) \
        and (after is None or after.lower_ not in ("again", "more", "before", "upon", "and"))


# Values the tagger often leaves untagged: "9:32p.m.", "at 9:32 p.m..", "the 2,651st tribute".
UNTAGGED_RES = (("TIME", re.compile(r"\b\d{1,2}[:.]\d{2}\s*[ap]\.?\s*m\b\.?", re.I)),
                ("ORDINAL", re.compile(r"\b\d{1,3}(?:,\d{3})*(?:st|nd|rd|th)\b")))


UNTAGGED_COUNT_RE = re.compile(r"(?!1[5-9]\d\d$|20\d\d$)\d{1,3}(?:,\d{3})*")  # digits, not a year


def _untagged_values(doc, taken: list[tuple[int, int]]):
    """Spans (as numeric entities) for the values above that no entity of ``doc`` covers."""
    from spacy.tokens import Span as DocSpan

    for label, pattern in UNTAGGED_RES:
        for m in pattern.finditer(doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span):
                yield DocSpan(doc, span.start, span.end, label=label)
    for token in doc:  # "nominated for nearly 20 Grammy awards": a count the tagger did not see at all
        if token.ent_type_ or not UNTAGGED_COUNT_RE.fullmatch(token.text) or token.dep_ != "nummod" \
                or token.head.pos_ != "NOUN" or token.head.tag_ != "NNS" or token.head.i < token.i \
                or any(s < token.idx + len(token) and token.idx < e for s, e in taken):
            continue
        span = DocSpan(doc, token.i, token.i + 1, label="CARDINAL")
        # only a hedged figure or one of a unit ("between 250 and 276 pounds"): a bare one may be a name ("911 calls")
        if _hedge_before(doc, span)[1] is not None or unit_of(token.head.text) is not None:
            yield span


# --------------------------------------------------------------------------- per entity

RANK_MARK_RE = re.compile(r"(?:\bNo\.|#)\s*$")  # "No. 2", "#250" (the mark the tagger leaves outside)
ADDRESS_AFTER_RE = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Boulevard|"
                              r"Place|Square|Court|Terrace)\b")


def _value_part(doc, ent, body: str):
    """The entity without the hedge words the tagger took into it, when they hang off the counted noun
    ("An estimated 16 million children": the entity's root is "An", not the number, so no noun is found)."""
    if ent.root.like_num or body == ent.text or not ent.text.endswith(body):
        return ent
    cut = doc.char_span(ent.end_char - len(body), ent.end_char, alignment_mode="contract")
    if cut is None or not len(cut) or not cut.root.like_num:
        return ent
    from spacy.tokens import Span as DocSpan

    return DocSpan(doc, cut.start, cut.end, label=ent.label_)


def _claim_for(doc, ent, article_id: str, entities: list[LocalEntity], people: "_People | None" = None,
               ref: dt.date | None = None) -> Claim | None:
    text = ent.text
    if _is_identifier(doc, ent):
        return None
    if "\ufffd" in doc.text[max(0, ent.start_char - 1): ent.end_char + 1]:
        return None  # "served 4\ufffd months": a character lost in decoding (a "½"?), the value cannot be read
    hedge_start, qualifier = _hedge_before(doc, ent)
    if qualifier is None:
        age_bound = _age_bound_before(doc, ent)  # "under the age of 50", ">50 years of age"
        if age_bound is not None:
            hedge_start, qualifier = age_bound
    inner_q, body = split_hedge(text)
    lead = INCREMENT_LEAD_RE.match(body)
    if lead:  # "an additional 200 million": the tagger took the increment words in (then "an" read as one)
        body = body[lead.end():]
    written_start = ent.start_char
    ent = _value_part(doc, ent, body)
    negated = re.search(r"\bnot\s+$", doc.text[max(ent.sent.start_char, ent.start_char - 6): ent.start_char])
    if inner_q is not None and negated and split_hedge("not " + text)[0] in ("at most", "at least"):
        inner_q, body = split_hedge("not " + text)  # "not more than five hours" spaCy cut after "not"
        hedge_start = ent.start_char - len(negated.group(0))
    elif _denied(doc, ent, hedge_start):
        return None  # "eight pages long - not five as had been thought": a value the text rejects
    qualifier = inner_q or qualifier
    label = ent.label_
    if label == "CARDINAL" and re.fullmatch(r"\d[\d,]*(?:st|nd|rd|th)", body.strip()):
        label = "ORDINAL"  # "the 2,650th": a rank, never a count of 2,650 things
    if label in ("MONEY", "CARDINAL", "QUANTITY") and SHARE_WORD_RE.search(body):
        label = "PERCENT"  # spaCy tags the British "16 per cent" as MONEY: a share all the same
    parsed = None
    if label == "PERCENT":
        parsed = _share(body, qualifier)
    elif label == "MONEY":
        parsed = _money(_money_text(doc, ent, body), qualifier) if _has_currency(doc, ent) else \
            _duration(body, qualifier) or _amount(body, qualifier) or _count(doc, ent, body, qualifier)
    elif label == "QUANTITY":
        parsed = _amount(body, qualifier)
    elif label == "TIME":
        parsed = _duration(body, qualifier) or _clock(body, qualifier)
    elif label == "DATE":
        parsed = _age(doc, ent, body, qualifier) or (_relative_date(body, qualifier, ref) if ref else None) \
            or _duration(body, qualifier) or _date(body, qualifier)
        if parsed is None and ent.root.dep_ == "nummod":  # "Between 20 and 25 people" tagged DATE
            parsed = _count(doc, ent, body, qualifier)
    count_scale, scaled_noun = _count_scale(doc, ent) if label == "CARDINAL" else (None, None)
    if count_scale:
        body += count_scale.group(0) if count_scale.group(0).isupper() else " " + SMALL_SCALES[count_scale.group(0)]
    zone = ZONE_AFTER_RE.match(doc.text[ent.end_char: ent.end_char + 8]) if label in ("CARDINAL", "TIME") else None
    if zone and not ZONE_RE.search(body):  # "2242 GMT", "6:12 a.m. EST": the zone spaCy left outside
        body += " " + zone.group(1)
    if label in ("CARDINAL", "TIME") and ZONE_RE.search(body) and (CLOCK_RE.search(body) or CLOCK_24_RE.search(body)):
        label = "ZONED"
        parsed = _zoned_clock(body, qualifier)
    elif label == "CARDINAL" and _year_before_a_noun(ent, body):
        label, parsed = "DATE", _date(body, qualifier)  # "the 1899 heist": the year of one heist, not 1,899 heists
    elif label == "CARDINAL":
        parsed = (_clock(body, qualifier) if CLOCK_RE.search(body) else None) or \
            _fraction_share(body, qualifier) or _age(doc, ent, body, qualifier) or _count(doc, ent, body, qualifier)
    elif label == "ORDINAL":
        parsed = _ordinal(doc, ent, body)
    mark_before = RANK_MARK_RE.search(doc.text[max(0, written_start - 6):written_start]) if label == "CARDINAL" else None
    if mark_before is not None and ADDRESS_AFTER_RE.match(doc.text[ent.end_char:ent.end_char + 40]):
        return None  # "No. 10 Downing Street": an address
    # "between #250" (tagged CARDINAL or even MONEY): the mark inside the entity
    mark_inside = label in ("CARDINAL", "MONEY") and re.search(r"(?:^|\s)#\s*\d", body) is not None
    ranked = mark_before is not None or mark_inside
    if ranked:  # "the No. 2 Democrat", "between #250 and 500": a place in a ranking, no count
        numbers = parse_numbers(body.replace("#", " "))
        parsed = (interval(numbers[0], numbers[0], None), "ordinal", "rank") if len(numbers) == 1 else None
        if mark_before is not None:
            hedge_start = written_start - len(mark_before.group(0))  # the span starts at the mark: "No. 2"
    if parsed is None:
        return None
    value, unit, kind = parsed
    if kind is None:
        return None
    start = hedge_start if hedge_start is not None else written_start
    end = ent.end_char + (zone.end() if zone and label == "ZONED" else 0)
    end += len(count_scale.group(0)) if count_scale else 0
    if label == "MONEY" and kind == "money":  # take in a sign / scale spaCy left outside
        sign = re.search(r"[$£€¥₹]$", doc.text[max(0, ent.start_char - 1): ent.start_char])
        if sign and hedge_start is None:
            start = ent.start_char - 1
        scale = MONEY_SCALE_AFTER_RE.match(doc.text, end)
        if scale:
            end += len(scale.group(1))
    bound = _event_bound(ent) if kind == "date" and qualifier is None else None
    if bound is not None:  # "before the 2016 election": a bound on when the clause's event happened
        prep, noun = bound
        qualifier = prep.lower_
        value, unit, kind = _date(body, qualifier)
        start, end = prep.idx, noun.idx + len(noun.text)
    head = _measured(doc, ent, kind) if bound is None else bound[0].head
    if scaled_noun is not None and kind == "count":
        head = scaled_noun  # "its 1.5m 'returning citizens'": the noun the scale letter hid from the parser
    if ranked:  # "the No. 2 Democrat": the ranked noun; "ranked No. 3": the ranking verb
        after = doc[ent.end] if ent.end < len(doc) else None
        head = after if after is not None and after.pos_ in ("NOUN", "PROPN") else _governing_verb(ent.root)
    if kind == "time of day" and head is not None and head.lemma_.lower() in ("time", "times"):
        head = _governing_verb(head) or head  # "shot him four times around 6:15 p.m.": the shooting is timed
    if label == "ZONED" and head is not None and head.text in ZONES:
        head = _governing_verb(head)  # "lost at 2242 GMT": the zone is not what is timed
    if kind in ("count",) and head is None:
        return None  # a bare number with nothing counted is not checkable
    if kind == "count" and head is not None and ent.end <= head.i <= ent.end + 3 and unit_of(head.text) is not None \
            and head.lower_ not in ("point", "points") and _only_numbers_between(doc, ent.end, head.i):
        # "about 43 lbs", "11 feet", "between 250 and 276 pounds" (the tagger stopped at "and")
        reparsed = _amount(body + doc.text[ent.end_char: head.idx + len(head.text)], qualifier)
        if reparsed is None:
            return None
        value, unit, kind = reparsed
        end = head.idx + len(head.text)
        head = None  # the unit word is read into the value: no noun left for it to count
    if kind == "count" and head is not None and head.i == ent.end and head.idx - end <= 1:
        end = head.idx + len(head.text)  # "1,300 prisoners": keep the counted noun in the span
    ago = AGO_AFTER_RE.match(doc.text, end) if kind == "duration" else None
    if kind == "duration" and (ago is not None or re.search(r"\bago$", doc.text[start:end], re.I)):
        # "left Africa around 100,000 years ago": a point in the past (its distance from now), dated event
        # as its head, never a span of time that something lasted
        kind, end = "ago", ago.end() if ago is not None else end
        head = _event_verb(doc, end)
        written = unit_of(doc.text[start:end])
        if "point" in value and written is not None:  # "four years ago" is a rounded figure: ± half its unit
            value = {"low": value["low"] - written[1] / 2, "high": value["high"] + written[1] / 2}
    if _is_increment(doc, ent, head) or _set_against(doc, start):
        qualifier = "other"
    referent, named_here = None, False
    if kind == "age":
        holder, mode = _age_holder(ent, head)
        if mode is None:
            head = holder  # "a man >50 years of age": the man, not "age"
        found = None
        if mode == "name":  # "Tamir" and "Tamir Rice" are one "age: Rice" across outlets
            found, named_here = (people.named(holder) if people is not None else None), True
        elif mode is not None and people is not None:
            found = people.antecedent(holder, mode)
        if isinstance(found, LocalEntity):
            referent = found
        elif found is not None:
            head = found  # "he was healthy, under the age of 50": the man the sentence spoke of
        elif mode in ("pronoun", "nominal"):
            head = None  # "Lawyers for the 33-year-old": the age is not the lawyers', and whose is unsure
    elif people is not None:  # "He was sentenced to 15 years", "her salary": who, by name
        referent = _clause_referent(people, ent, head)
    subject, lemma = _subject_of(doc, ent, head, kind)
    if referent is not None and kind == "age":  # "The 21-year-old" of a man the article names: his age
        subject, lemma = referent.name, _surname(referent.name)
    if kind == "share" and head is None:  # "Shares were up 7%", "Apple stock was down 2%"
        verb = _governing_verb(ent.root)
        held = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if held is not None and _stock_noun(held) and _verb_lemma(verb) == "be" \
                and any(c.lower_ in ("up", "down") for c in verb.children):
            subject, lemma = _phrase(held), "price"
    if kind == "share" and _stock_move(head):
        lemma = "price"  # "Shares fell 1%", "the stock rose 5%": the share price moved, as "its stock price fell"
    if kind == "count" and lemma in NOT_COUNTED:
        return None
    if kind == "count" and unit == "count" and lemma in PERSON_NOUNS:
        unit = "person"
    if kind == "amount" and unit == "m" and (head is None or _is_verb(head)) \
            and DIRECTION_AFTER_RE.match(doc.text[end: end + 48]):
        subject, lemma = "distance", "distance"  # "240 km north of Tokyo", "20 miles from the border"
    if kind == "amount" and unit == "kg" and (lemma == "weigh" or (
            (head is None or _is_verb(head)) and HEIGHT_RE.search(ent.sent.text))):
        # "weighs about 120 pounds" and "5-foot-8 and 130 pounds" (a description next to a height): a weight
        subject, lemma = subject or "weight", "weight"
    sent = ent.sent
    keys = _entities_in(entities, sent.start_char, sent.end_char)
    if referent is not None and referent.key not in keys:
        keys.append(referent.key)
    return Claim(
        article=article_id,
        start=start,
        end=end,
        text=doc.text[start:end],
        value=value,
        unit=unit,
        qualifier=qualifier,
        subject=subject,
        property=f"{kind}: {lemma}" if lemma else kind,
        sentence=Span(article_id, sent.start_char, sent.end_char, sent.text),
        entities=keys,
        referents=[referent.name] if referent is not None and not named_here else [],
    )


AGO_AFTER_RE = re.compile(r"\s*ago\b", re.I)


def _event_verb(doc, end: int):
    """The event verb that the "ago" ending at ``end`` dates ("humans left Africa 50,000 years ago" → left),
    None for a state ("two years ago, sales were …") or when the parser hangs it on no verb."""
    span = doc.char_span(end - 3, end, alignment_mode="expand")
    verb = _governing_verb(span[-1]) if span is not None and len(span) else None
    return verb if verb is not None and verb.pos_ == "VERB" and _verb_lemma(verb) not in NOT_EVENT_VERBS else None


# Verbs a market report moves a price with ("shares slid 3%", "the stock closed up 2%").
PRICE_MOVE_VERBS = {"rise", "fall", "drop", "jump", "climb", "surge", "decline", "increase", "decrease", "slide",
                    "slump", "tumble", "plunge", "soar", "gain", "lose", "sink", "dip", "rally", "slip", "sag",
                    "retreat", "edge", "close", "end", "finish", "trade", "open"}


def _stock_noun(token) -> bool:
    """"shares" (plural: the singular "share" is a portion) or "stock", as a subject."""
    return (token.lower_ == "shares" or (token.lemma_.lower() == "stock" and token.tag_ == "NN")) \
        and token.dep_ in ("nsubj", "nsubjpass")


def _stock_move(head) -> bool:
    """Is ``head`` shares or stock as the subject of a price move ("Shares fell 1%")? Then a percent said of it
    is a change of the share price."""
    return head is not None and _stock_noun(head) and _is_verb(head.head) \
        and _verb_lemma(head.head) in PRICE_MOVE_VERBS


# --------------------------------------------------------------------------- value readers
# Each returns (value dict, unit, kind) or None.


def _share(body: str, qualifier: str | None):
    frac = parse_fraction(body)
    rng = parse_range(body)
    if rng:
        return _within_whole(interval(rng[0], rng[1], qualifier)), "percent", "share"
    nums = parse_numbers(body)
    if nums:
        return _within_whole(interval(nums[0], nums[0], qualifier)), "percent", "share"
    if frac is not None:
        return interval(frac, frac, qualifier, approximate=True), "percent", "share"
    return None


def _within_whole(value: dict) -> dict:
    """A share stated at or under 100 % stays there: "more than 95 percent" reaches 100 %, not 118.75 %
    (a figure over 100 % is a change or a ratio, and keeps its band)."""
    if value.get("high") is not None and value["high"] > 100 and value.get("low") is not None and value["low"] <= 100:
        return {**value, "high": 100.0}
    return value


def _has_currency(doc, ent) -> bool:
    before = doc.text[max(0, ent.start_char - 3): ent.start_char]
    return currency_of(ent.text) is not None or bool(re.search(r"[$£€¥₹]\s*$", before))


# A scale spaCy left outside the number: "$137m", "$4bn", and a headline's capital "$300M", "$1.9T"; for a
# count only the capital letter on the digits ("263K jobs", "1.2M views": "580m" may be metres).
MONEY_SCALE_AFTER_RE = re.compile(r"(bn|mn|tn|m|k|b|[MKBT])\b")
COUNT_SCALE_AFTER_RE = re.compile(r"[KMB]\b")
# The British "1.5m people", "3m unemployed people": a small scale letter on the digits, read as a scale only when
# a plural noun follows ("the 100m sprint", "580m high" are metres).
SMALL_SCALE_AFTER_RE = re.compile(r"(?:mn|bn|m|k)\b")
SMALL_SCALES = {"m": "million", "mn": "million", "bn": "billion", "k": "thousand"}


def _count_scale(doc, ent):
    """The scale letter on a count's digits, and for a small letter the plural noun it counts (the parser reads
    "m" as a verb and loses the noun), or (None, None)."""
    capital = COUNT_SCALE_AFTER_RE.match(doc.text, ent.end_char)
    if capital:
        return capital, None
    small = SMALL_SCALE_AFTER_RE.match(doc.text, ent.end_char)
    if small is None or ent.end >= len(doc):
        return None, None
    for token in doc[ent.end + 1: ent.end + 5]:  # past quotes and describing words to the counted noun
        if token.is_punct or token.tag_ in ("JJ", "VBG", "VBN", "``", "''"):
            continue
        return (small, token) if token.tag_ in ("NNS", "NNPS") else (None, None)
    return None, None


def _year_before_a_noun(ent, body: str) -> bool:
    """A year written on a singular noun ("the 1899 heist"). News style writes a count of a thousand or more with
    a comma and counts plural nouns ("1,500 troops", "1899 copies"), so a bare year-like figure on a singular
    noun is a year."""
    root = ent.root
    return bool(YEAR_RE.fullmatch(body.strip())) and root.dep_ in ("nummod", "compound") and root.head.tag_ == "NN"


YEAR_RE = re.compile(r"1[6-9]\d\d|20\d\d")


def _money_text(doc, ent, body: str) -> str:
    """spaCy sometimes leaves the sign or the scale outside the entity ("$" + "137" + "m")."""
    before = doc.text[max(0, ent.start_char - 3): ent.start_char]
    sign = re.search(r"([$£€¥₹])\s*$", before)
    scale = MONEY_SCALE_AFTER_RE.match(doc.text, ent.end_char)
    return (sign.group(1) if sign and not currency_of(body) else "") + body + (scale.group(1) if scale else "")


def _fraction_share(body: str, qualifier: str | None):
    if not re.search(r"\b(half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
                     body, re.I) or re.search(r"\d", body):
        return None
    frac = parse_fraction(body)
    if frac is None:
        return None
    return interval(frac, frac, qualifier, approximate=True), "percent", "share"


def _money(body: str, qualifier: str | None):
    code = currency_of(body) or "money"
    rng = parse_range(body, money=True)
    if rng:
        return interval(rng[0], rng[1], qualifier), code, "money"
    nums = parse_numbers(body, money=True)
    if not nums:
        return None
    return interval(nums[0], nums[0], qualifier), code, "money"


def _amount(body: str, qualifier: str | None):
    found = unit_of(body)
    nums = parse_numbers(body)
    if not nums:
        return None
    if found is None:
        return None
    unit, factor = found
    if unit in TO_BASE:  # a QUANTITY that is a duration
        return _duration(body, qualifier)
    low, high = parse_range(body) or (nums[0], nums[0])  # "between 250 and 276 pounds"
    value = scaled(interval(low, high, qualifier), factor)
    return value, unit, "amount"


def _duration(body: str, qualifier: str | None):
    """"three hours", "72-hour", "seven years", "the past 35 years", "a decade", "13 years"."""
    count = EVENT_COUNT_RE.match(body.strip())
    if count is not None and RATE_AFTER_RE.match(body.strip(), count.end()):
        return None  # "twice a week", "three times a year": a rate, no span of time
    if any(m in body.lower().split() for m in MONTHS) or re.search(r"\b(1[0-9]|20)\d\d\b", body):
        return None
    found = unit_of(body)
    if found is None or found[0] not in TO_BASE:
        return None
    unit, factor = found
    total = _compound_duration(body)
    if total is not None:  # "1 hour 35 minutes"
        return interval(total, total, qualifier), "hour", "duration"
    rng = parse_range(body)
    nums = parse_numbers(body)
    if rng:
        low, high = rng
    elif nums:
        low = high = nums[0]
    elif re.search(r"\b(a|an|one)\s+(decade|year|month|week|day|hour|minute|century|fortnight)\b", body, re.I):
        low = high = 1.0
    else:
        return None
    value = scaled(interval(low, high, qualifier), factor)
    return value, unit, "duration"


# Time zones written after clock times, as offsets from UTC in minutes (ambiguous ones such as "IST"
# or a bare "ET" are left out: a zoned time must be exact to be compared across outlets).
ZONES = {"GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "MSK": 180, "EST": -300, "EDT": -240,
         "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "JST": 540, "SGT": 480,
         "AEST": 600, "AEDT": 660, "HKT": 480, "WIB": 420}
ZONE_RE = re.compile(r"\b(" + "|".join(ZONES) + r")\b")
ZONE_AFTER_RE = re.compile(r"\s*\(?(" + "|".join(ZONES) + r")\b")
CLOCK_24_RE = re.compile(r"\b([01]?\d|2[0-3]):?([0-5]\d)\b")
CLOCK_RE = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?", re.I)  # "6:12 a.m.", "8.49pm"


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*-?\s*(second|minute|hour|day|week|month|year)s?\b", re.I)


def _compound_duration(body: str) -> float | None:
    """Hours in "1 hour 35 minutes" / "two years and three months" (parts of different units), else None."""
    digits = re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", body)
    parts = _DURATION_PART.findall(parse_digits(digits))
    if len(parts) < 2 or len({u.lower() for _, u in parts}) < len(parts) or re.search(r"\b(to|or|between)\b|[–]", body):
        return None
    total = 0.0
    for number, word in parts:
        unit, factor = UNIT_WORDS[word.lower()]
        total += float(number) * factor * TO_BASE[unit]
    return total


def _clock(body: str, qualifier: str | None):
    """"6:12 a.m.", "about 8:30am" (spaCy sometimes tags the latter CARDINAL), "noon"."""
    times = list(CLOCK_RE.finditer(body))
    if len(times) >= 2 and re.search(r"\b(and|to|until)\b|[-–]", body[times[0].end():times[1].start()]):
        low, high = sorted(_minutes(t) for t in times[:2])  # "between 6 p.m. and 7 p.m."
        return interval(float(low), float(high), qualifier), "clock", "time of day"
    m = times[0] if times else None
    if not m:
        m2 = re.search(r"\bnoon\b|\bmidnight\b", body, re.I)
        if not m2:
            return None
        minutes = 12 * 60 if m2.group(0).lower() == "noon" else 0
    else:
        minutes = _minutes(m)
    return _clock_value(float(minutes), qualifier), "clock", "time of day"


CLOCK_SLACK = 15.0  # minutes: "about 8:30", "just after 8 a.m.", "shortly before 9 p.m."


def _clock_value(minutes: float, qualifier: str | None) -> dict:
    """A clock reading under a hedge, in minutes: bands are absolute (a relative band on minutes after
    midnight would make 11 p.m. twenty times vaguer than 1 a.m.)."""
    if qualifier == "about":
        return {"low": minutes - CLOCK_SLACK, "high": minutes + CLOCK_SLACK}
    if qualifier in ("nearly", "just under"):
        return {"low": minutes - CLOCK_SLACK, "high": minutes, "high_open": True}
    if qualifier == "just over":
        return {"low": minutes, "high": minutes + CLOCK_SLACK, "low_open": True}
    if qualifier in ("after", "more than", "since"):
        return {"low": minutes, "high": None, "low_open": True}
    if qualifier in ("before", "until", "less than"):
        return {"low": None, "high": minutes, "high_open": True}
    return interval(minutes, minutes, qualifier)


def _zoned_clock(body: str, qualifier: str | None):
    """"5:42 p.m. EST", "2242 GMT", "22:42 GMT": minutes after midnight UTC (unit ``clock-utc``), so
    outlets that write one moment in different zones agree; never compared with unzoned times."""
    zone = ZONE_RE.search(body)
    m = CLOCK_RE.search(body)
    if m:
        minutes = _minutes(m)
    else:
        m24 = CLOCK_24_RE.search(body)
        if zone is None or m24 is None:
            return None
        minutes = int(m24.group(1)) * 60 + int(m24.group(2))
    utc = float((minutes - ZONES[zone.group(1)]) % (24 * 60))
    return _clock_value(utc, qualifier), "clock-utc", "time of day"


def _minutes(m: re.Match) -> int:
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return hour * 60 + int(m.group(2) or 0)


def _date(body: str, qualifier: str | None):
    """Calendar dates and years as day-number intervals; weekday / relative anchors are skipped."""
    low_body = body.lower()
    years = [int(y) for y in re.findall(r"\b(1[0-9]\d\d|20\d\d)(?:s\b|\b)", body)]  # "1970s" too
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", low_body) if w in MONTHS), None)
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(1[0-9]|20)\d\d\b", "", body))
    if not years and month is None:
        return None
    if _RELATIVE_DATE.search(body) and not (years and month):
        if not years:
            return None
    m_range = re.search(r"\b(1[0-9]\d\d|20\d\d)\s*[-–/]\s*(\d{2,4})\b", body)
    if years and m_range:  # "1609-10", "1609-1610", "2009-10 season"
        first = int(m_range.group(1))
        second = m_range.group(2)
        last = int(second) if len(second) == 4 else int(str(first)[: 4 - len(second)] + second)
        if last >= first:
            return _day_interval(dt.date(first, 1, 1), dt.date(last, 12, 31), qualifier), "date", "date"
    if re.search(r"\b(1[0-9]\d0|20\d0)s\b", body) and years:  # "the 1970s"
        y = years[0]
        return _day_interval(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), qualifier), "date", "date"
    if years and len(years) >= 2 and re.search(r"\b(and|to|through|until)\b|[-–]", body):
        return _day_interval(dt.date(min(years), 1, 1), dt.date(max(years), 12, 31), qualifier), "date", "date"
    if years:
        y = years[0]
        if month and day_m and 1 <= int(day_m.group(1)) <= 31:
            try:
                d = dt.date(y, month, int(day_m.group(1)))
            except ValueError:
                return None
            return _day_interval(d, d, qualifier), "date", "date"
        if month:
            last = calendar.monthrange(y, month)[1]
            return _day_interval(dt.date(y, month, 1), dt.date(y, month, last), qualifier), "date", "date"
        return _day_interval(dt.date(y, 1, 1), dt.date(y, 12, 31), qualifier), "date", "date"
    if month and day_m and 1 <= int(day_m.group(1)) <= 31:
        try:  # no year: compare month and day only (a leap year holds every day)
            d = dt.date(2000, month, int(day_m.group(1)))
        except ValueError:
            return None
        n = float(d.timetuple().tm_yday)
        return interval(n, n, None), "month-day", "date"
    return None  # a month alone ("in December") is too vague: it grouped different events when tried


# "four years ago", "a month ago", "last year", "this month": dates only once the publication date is known.
AGO_RE = re.compile(r"^(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"fifteen|twenty|thirty|forty|fifty)\s+(?P<unit>day|week|month|year|decade)s?\s+ago$", re.I)
UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25, "decade": 3652.5}
LAST_UNIT_RE = re.compile(r"^(?P<which>last)\s+(?P<unit>month|year)$", re.I)  # plans ("next year") check nothing


def _relative_date(body: str, qualifier: str | None, ref: dt.date):
    """A date relative to the publication date ``ref``, as day numbers like :func:`_date`.

    "four years ago" written on 2012-01-20 allows both readings a reporter means by it: about four
    years before (2007-07-20 … 2008-07-20) and the calendar year 2008, so the interval is their union;
    "last year" is the calendar year before; "three days ago" the day itself."""
    text = re.sub(r"\s+", " ", body.strip())
    m = AGO_RE.match(text)
    if m:
        n = parse_numbers(m.group("n"))
        count = n[0] if n else 1.0
        unit = m.group("unit").lower()
        days = UNIT_DAYS[unit]
        back = interval(count, count, qualifier)  # "more than two years ago": further back than two years
        if "point" in back and unit != "day":
            back = {"low": count - 0.5, "high": count + 0.5}  # "four years ago" is a rounded figure
        low = None if back.get("high") is None else ref.toordinal() - back["high"] * days
        high = None if back.get("low") is None else ref.toordinal() - back["low"] * days
        if unit in ("year", "month") and "point" in interval(count, count, qualifier):
            year, month = (ref.year - int(count), 1) if unit == "year" else _shift_month(ref.year, ref.month, -int(count))
            first = dt.date(year, month, 1).toordinal()
            last = (dt.date(year, 12, 31) if unit == "year" else
                    dt.date(year, month, calendar.monthrange(year, month)[1])).toordinal()
            low, high = min(low, first), max(high, last)
        value = {"low": None if low is None else float(round(low)),
                 "high": None if high is None else float(round(high))}
        if value["low"] == value["high"]:
            value["point"] = value["low"]
        return value, "date", "date"
    m = LAST_UNIT_RE.match(text)
    if m:
        if m.group("unit").lower() == "year":  # "last year" / "last month": the one before publication
            y = ref.year - 1
            return _day_interval(dt.date(y, 1, 1), dt.date(y, 12, 31), qualifier), "date", "date"
        y, mo = _shift_month(ref.year, ref.month, -1)
        last = calendar.monthrange(y, mo)[1]
        return _day_interval(dt.date(y, mo, 1), dt.date(y, mo, last), qualifier), "date", "date"
    return None


def _day_interval(first: dt.date, last: dt.date, qualifier: str | None) -> dict:
    low, high = float(first.toordinal()), float(last.toordinal())
    # "shortly after" / "just before" (read as just over / just under) bound a date too, they name no day
    if qualifier in ("since", "after", "more than", "just over"):
        return {"low": low, "high": None}  # open: JSON has no infinity
    if qualifier in ("before", "less than", "up to", "until", "by", "just under"):
        return {"low": None, "high": high}
    value = {"low": low, "high": high}
    if low == high:
        value["point"] = low
    return value


def _age(doc, ent, body: str, qualifier: str | None):
    """"17-year-old", "aged 37", "Motes, 37," (a number in apposition to a person), "50 years of age",
    "(under) the age of 50", "The man, 45,", "He was 20"."""
    m = re.search(r"(\w+(?:[\s-]\w+)?)[\s-]+years?[\s-]+(?:olds?\b|of\s+age\b)", body, re.I)  # "13-year-olds"
    if m:
        nums = parse_numbers(m.group(1))
        if nums:  # "two 13-year-olds": the age is the number joined to "year", the one before counts them
            return interval(nums[-1], nums[-1], qualifier), "year", "age"
        return None
    decade = _age_decade(doc, ent, body, qualifier)
    if decade is not None:
        return decade
    m = re.fullmatch(r"(?:the\s+)?age\s+(?:of\s+)?(\d{1,3})", body.strip(), re.I)  # "(about) age 14"
    if m:
        return interval(float(m.group(1)), float(m.group(1)), qualifier), "year", "age"
    if not re.fullmatch(r"\d{1,3}", body.strip()):
        return None
    n = float(body.strip())
    if not 1 <= n <= 120:
        return None
    after, before = doc.text[ent.end_char: ent.end_char + 4], doc.text[max(0, ent.start_char - 8): ent.start_char]
    if re.match(r"\s*-\s*\d", after) or re.search(r"\d\s*-\s*$", before):
        return None  # "Riddick Bowe, 43-1, 33 KO's": a fight record or a score, not an age
    if re.match(r",\s*\d", after) or re.search(r"\d\s*,\s*$", before):
        return None  # "IE6, 7, 8, 9": one number of a list
    if re.search(r"\bage\s+of\s*$", doc.text[max(0, ent.start_char - 12): ent.start_char], re.I):
        return interval(n, n, qualifier), "year", "age"  # "under the age of 50"
    root = ent.root
    prev = doc[ent.start - 1] if ent.start > 0 else None
    nxt = doc[ent.end] if ent.end < len(doc) else None
    person_before = prev is not None and prev.text == "," and ent.start >= 2 and (
        doc[ent.start - 2].ent_type_ == "PERSON" or doc[ent.start - 2].pos_ == "PROPN")
    closes = nxt is None or nxt.text in {",", ".", ")", ";"} or nxt.is_space
    # "Love, 32, has …": the parser may not tag a sentence-initial name, but "Name, NN," is an age.
    name_before = prev is not None and prev.text == "," and ent.start >= 2 and _looks_like_name(doc[ent.start - 2]) \
        and nxt is not None and nxt.text == ","
    if (root.dep_ == "appos" and root.head.ent_type_ == "PERSON") or (person_before and closes) or name_before:
        return interval(n, n, qualifier), "year", "age"
    if prev is not None and prev.lower_ in ("aged", "age"):
        return interval(n, n, qualifier), "year", "age"
    if prev is not None and prev.lower_ == "at" and prev.head.lemma_.lower() in DEATH_WORDS and root.dep_ == "pobj":
        return interval(n, n, qualifier), "year", "age"  # "Lawford died at 63"
    # ("Bunch, then 22," is left out: an age at another time, which the comparison cannot tell apart from
    # "Bunch, 21," said of the night of the fire in another outlet)
    if prev is not None and prev.lower_ == "now" and prev.i == ent.sent.start and nxt is not None \
            and nxt.text == ",":
        return interval(n, n, qualifier), "year", "age"  # "Now 18, she would like to …"
    if root.dep_ == "appos" and _one_person_word(root.head) and closes:
        return interval(n, n, qualifier), "year", "age"  # "The man, 45, was charged"
    if _age_of_subject(root, nxt):
        return interval(n, n, qualifier), "year", "age"  # "He was 20.", "Smith, who is 45,"
    return None


AGE_DECADE_RE = re.compile(r"^(?:(?:his|her|their)\s+)?(?:(early|mid|late)[\s-]*)?([1-9]0)'?s$", re.I)
DECADE_PART = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}


def _age_decade(doc, ent, body: str, qualifier: str | None):
    """"a man in his 50s" (50–59), "in her early 30s" (30–33): an age range, when "his / her / their"
    says it is a person's decade (else "the 1950s" or "the 50s" is a period of time)."""
    m = AGE_DECADE_RE.match(body.strip())
    if m is None:
        return None
    owner = re.search(r"\b(his|her|their)\s*$", doc.text[max(0, ent.start_char - 8): ent.start_char], re.I)
    if not re.match(r"(his|her|their)\b", body.strip(), re.I) and owner is None:
        return None
    first, last = DECADE_PART[m.group(1).lower() if m.group(1) else None]
    base = float(m.group(2))
    return interval(base + first, base + last, qualifier), "year", "age"


DEATH_WORDS = {"die", "dead", "death", "pass", "succumb", "retire", "marry", "wed"}


# "He was 20", "who is 45": a bare number as the complement of "be" is an age when a person is the subject.
AGE_SUBJECT_PRONOUNS = {"he", "she", "who"}


def _age_of_subject(root, nxt) -> bool:
    verb = root.head
    if root.dep_ not in ("attr", "acomp") or verb.lemma_ != "be" \
            or any(c.dep_ in ("prep", "pobj") for c in root.children):
        return False
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADP", "NUM", "SYM") and nxt.lower_ not in ("when", "at"):
        return False  # "she was 20 minutes late", "it was 20 to 1"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in AGE_SUBJECT_PRONOUNS or subject.ent_type_ == "PERSON")


def _one_person_word(token) -> bool:
    """A singular noun for one person ("man", "suspect", "driver"): ages in apposition to it are ages."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and (
        token.lemma_.lower() in PERSON_NOUNS or token.lemma_.lower() in ENTITY_PERSON_NOUNS)


# The bound an age or figure is given by a sign or by "under the age of": (start, qualifier).
AGE_BOUND_RE = re.compile(r"\b(under|below|over|above|younger than|older than)\s+the\s+age\s+of\s*$", re.I)
BOUND_WORD_RE = re.compile(r"\b(under|below|over|above)\s*$", re.I)
SIGN_RE = re.compile(r"([<>≤≥])\s*$")
BOUND_OF = {"under": "less than", "below": "less than", "younger than": "less than", "<": "less than",
            "over": "more than", "above": "more than", "older than": "more than", ">": "more than",
            "≤": "at most", "≥": "at least"}


def _age_bound_before(doc, ent) -> tuple[int, str] | None:
    before = doc.text[max(ent.sent.start_char, ent.start_char - 30): ent.start_char]
    m = AGE_BOUND_RE.search(before) or SIGN_RE.search(before)
    if m is None and re.match(r"(?:the\s+)?age\s+of\b", ent.text, re.I):
        m = BOUND_WORD_RE.search(before)  # "over the age of 65" with "the age of 65" the entity
    if m is None:
        return None
    return ent.start_char - (len(before) - m.start()), BOUND_OF[m.group(1).lower()]


def _looks_like_name(token) -> bool:
    low = token.lower_
    return token.is_title and token.is_alpha and not token.is_stop and low not in MONTHS \
        and low not in _WEEKDAYS and token.pos_ not in ("VERB", "ADV", "ADP", "CCONJ")


# Prepositions that make a dated event noun a bound on another event: "created before the 2016 election".
EVENT_BOUND_PREPS = {"before", "after", "since", "until", "by"}


def _event_bound(ent):
    """(preposition, event noun) when a year names an event that bounds the clause's verb, else None."""
    root = ent.root
    noun = root.head
    if root.dep_ not in ("compound", "nummod", "amod", "nmod") or noun.pos_ != "NOUN" or noun.i < root.i:
        return None
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in EVENT_BOUND_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return prep, noun


def _count(doc, ent, body: str, qualifier: str | None):
    if re.search(r"\b(several|dozens|hundreds|thousands|millions|billions|few|many|couple|scores)\b", body, re.I):
        return None  # "several dozen", "hundreds": no checkable figure
    if re.search(r"\d[:/]\d|\d-for-\d|^\d+-\d+$", body) or re.search(r"\d{3}[-.\s]\d{3,4}", body):
        return None  # clock readings, scores, phone numbers
    rng = parse_range(body)
    if rng:
        return interval(rng[0], rng[1], qualifier), "count", "count"
    nums = parse_numbers(body)
    if not nums:
        if re.search(r"\bdozens\b|\bhundreds\b|\bthousands\b", body, re.I):
            return None  # "dozens of" is no checkable figure
        return None
    n = nums[0]
    if n == 1 and qualifier is None:
        return None  # "one man", "one of the": the article is not counting
    approximate = bool(re.search(r"\bdozen\b", body, re.I)) and qualifier is None and False
    return interval(n, n, qualifier, approximate=approximate), "count", "count"


def _ordinal(doc, ent, body: str):
    low = body.lower().strip()
    m = re.match(r"(\d[\d,]*)(?:st|nd|rd|th)$", low)
    n = float(m.group(1).replace(",", "")) if m else ORDINAL_WORDS.get(low)
    if n is None or n < 0:
        return None
    root = ent.root
    head = root.head
    if root.dep_ in ("amod", "compound") and head.pos_ == "NOUN":  # "the 2,651st tribute"
        return interval(float(n), float(n), None), "ordinal", "rank"
    if root.dep_ in ("attr", "nsubj") and m:  # "His star is the 2,651st on the walk"
        return interval(float(n), float(n), None), "ordinal", "rank"
    return None


# --------------------------------------------------------------------------- fractions spaCy misses

_FRACTION_RE = re.compile(
    r"\b(?:(?:one|two|three|four|a|an)[\s-])?(?:half|thirds?|quarters?|fifths?|tenths?)\s+of\b", re.I)


def _fraction_claims(doc, article_id: str, entities: list[LocalEntity], taken: list[tuple[int, int]]):
    for m in _FRACTION_RE.finditer(doc.text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        span = doc.char_span(m.start(), m.end() - 3, alignment_mode="expand")
        if span is None:
            continue
        body = doc.text[m.start():m.end() - 3].rstrip()
        if not re.search(r"\b(one|two|three|four|a|an)[\s-]", body, re.I) and not body.lower().startswith("half"):
            continue
        hedge_start, qualifier = _hedge_before(doc, span)
        frac = parse_fraction(body)
        if frac is None:
            continue
        start = hedge_start if hedge_start is not None else m.start()
        end = m.start() + len(body)
        of_token = next((t for t in span.sent if t.idx == m.end() - 2), None)
        pobj = next((c for c in of_token.children if c.dep_ == "pobj"), None) if of_token is not None else None
        lemma = _lemma(pobj) if pobj is not None else None
        sent = span.sent
        yield Claim(
            article=article_id, start=start, end=end, text=doc.text[start:end],
            value=interval(frac, frac, qualifier, approximate=True), unit="percent", qualifier=qualifier,
            subject=_phrase(pobj) if pobj is not None else None,
            property=f"share: {lemma}" if lemma else "share",
            **_sentence_fields(article_id, sent, entities),
        )


# --------------------------------------------------------------------------- what is measured

PERSON_NOUNS = {
    "people", "person", "man", "woman", "child", "boy", "girl", "adult", "teen", "teenager", "student",
    "worker", "employee", "staff", "staffer", "passenger", "crew", "soldier", "troop", "civilian",
    "prisoner", "inmate", "detainee", "migrant", "refugee", "victim", "casualty", "patient", "resident",
    "voter", "member", "officer", "police", "protester", "citizen", "colonist", "settler", "fan",
    "volunteer", "survivor", "hostage", "journalist", "priest", "player", "guest", "user", "customer",
    "american", "individual", "family", "parishioner", "worshipper", "accuser", "suspect",
}


def _measured(doc, ent, kind: str):
    """The token naming what the number measures, or None."""
    root = ent.root
    inside = set(range(ent.start, ent.end))
    participle = next((c for c in root.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
    if kind == "count" and participle is not None and any(c.dep_ == "det" for c in root.children):
        return _elided_noun(doc, ent) or participle  # "the six killed": six people, or six killed
    if kind == "money" and root.head.i == ent.end and SCALE_TOKEN_RE.fullmatch(root.head.lower_):
        root = root.head  # "a payoff of $137m.": the scale the tokenizer split off is part of the sum
        inside = inside | {root.i}
    if root.dep_ == "prep" and root.i == ent.start:  # "around 6:15 p.m.": the hedge word heads the phrase
        root = next((c for c in root.children if c.dep_ == "pobj" and c.i in inside), root)
    number = root if root.like_num else next((t for t in ent if t.like_num), root)
    if number is not root and root.dep_ in ("det", "amod", "advmod", "quantmod") and root.head.i == number.head.i:
        root = number  # "An estimated 500 people": the hedge words and the number hang on the noun side by side
    if number.dep_ == "quantmod" and number.head.like_num and number.head.i not in inside:
        root = number.head  # "only 60 of 300 colonists": the parser hangs 60 on 300, which counts colonists
    changed = _changed_by(doc, ent) if kind in ("share", "count", "amount", "money") else None
    if changed is not None:
        return changed  # "cut the weight of plants by half and wild mammals by 85 percent": the mammals
    if kind == "money":
        carried = _carried_noun(doc, ent)
        if carried is not None:
            return carried  # "$1.2 billion in sales": the sales are measured, in whatever noun phrase
    more = root.head
    if root.dep_ == "npadvmod" and more.lower_ in ("more", "fewer", "less") and more.dep_ == "amod" \
            and more.head.pos_ == "NOUN":
        return more.head  # "200 million more doses": the parser hangs the number on "more", which hangs on the doses
    # "1,300 prisoners", "a three-hour summit", "a 20% stake", "17-year-old boy"
    if root.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod", "npadvmod") and root.head.i not in inside \
            and root.head.pos_ in ("NOUN", "PROPN") and not _contracted_be(root.head):
        return root.head
    # "60 of 300 colonists", "three hours of talks", "20% of the territory"
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return pobj
    token = root
    for _ in range(4):  # climb through prepositions to the noun or verb it belongs to
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            prep = token.head
            holder = prep.head
            if holder.pos_ in ("NOUN", "PROPN") and holder.i not in inside and not _transparent(holder, prep):
                return holder  # "payoff of $137m", "growth of 33%"
            token = holder  # "the equivalent of $1.2 billion", "a total of 30": what they are of is measured
            continue
        if token.dep_ in ("appos",) and token.head.pos_ in ("NOUN", "PROPN"):
            holder = token.head
            if holder.text == "." and holder.i > 0 and doc[holder.i - 1].is_alpha:
                holder = doc[holder.i - 1]  # "Eugene Blackwell Sr., 46,": the tokenizer split "Sr." from its period
            return holder
        break
    verb = token if _is_verb(token) else (token.head if _is_verb(token.head) else None)
    if verb is None:
        return None
    if kind == "count" and root.dep_ in ("nsubj", "nsubjpass") and root.head.i == verb.i:
        elided = _elided_noun(doc, ent)
        if elided is not None:
            return elided  # "five people were injured and 12 were treated": 12 people
    if _verb_lemma(verb) in LIGHT_VERBS or kind in ("rank", "share", "age"):
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None and root.dep_ == "pobj" and obj.i not in inside:
            return obj  # "puts Obama's lead at seven points": the lead is measured
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or _with_subject(verb)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i not in inside:  # not "30%" itself
            return subj
        if _verb_lemma(verb) in LIGHT_VERBS:
            return None
    return verb


def _with_subject(verb):
    """The noun of an absolute "with" clause, which the parser hangs apart from its verb: "with the death toll
    Saturday climbing to at least 19,882" (the toll climbs)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i:
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and noun.i < verb.i:
                return noun
    return None


# Nouns that only carry a value ("a total of 30", "the equivalent of $1.2 billion", "a sum of $5m"): the
# measured thing is what the clause says of them, never the carrier itself.
CARRIER_NOUNS = {"total", "sum", "amount", "equivalent", "tally", "figure", "estimate", "average", "maximum",
                 "minimum", "number", "count", "value", "worth"}
# "$2 million in total / in all": "in" names no measured noun there.
NOT_CARRIED = CARRIER_NOUNS | {"all", "addition", "part", "term", "fact", "return", "exchange"}


SCALE_TOKEN_RE = re.compile(r"(?:m|mn|bn|b|k|tn)\.?")  # the scale of "$137m" when the tokenizer splits it off


def _changed_by(doc, ent):
    """What a verb changed "by N": its object ("cut emissions by 40 percent"), or in a gapped coordination
    ("cut plants by half and wild mammals by 85 percent") the noun that stands right before this "by" after
    "and" (the parser hangs these on the first object or on the wrong value)."""
    own = ent.root.head
    if own.pos_ == "NOUN" and ent.end <= own.i <= ent.end + 1:
        return None  # "beat his rival by 20 votes / points": the number counts its own noun
    # "by" right before the value or before its hedge ("by more than 20 percent"; quantities' one hedge list)
    i = next((k for k in range(ent.start - 1, max(ent.sent.start, ent.start - 5) - 1, -1) if doc[k].lower_ == "by"
              and (k == ent.start - 1 or is_hedge(doc[k + 1: ent.start].text))), ent.start - 1)
    by = doc[i]
    if by.lower_ != "by" or by.dep_ != "prep" or not _is_verb(by.head) or i - 1 < ent.sent.start:
        return None
    verb, before = by.head, doc[i - 1]
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or obj.i >= i or before.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.lower_ == "and" for t in doc[obj.i + 1: i]) and before.i > obj.i and unit_of(before.text) is None:
        return before
    if any(t.lower_ == "by" for t in doc[obj.i + 1: i]):
        return None
    if obj.lemma_.lower() in CARRIER_NOUNS:  # "raised the number of troops by 3,000": the troops
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj


def _transparent(holder, prep) -> bool:
    """Is ``holder`` a carrier noun taking its value through "of" ("a total of 30 people were killed")?"""
    return prep.lower_ == "of" and holder.lemma_.lower() in CARRIER_NOUNS


def _carried_noun(doc, ent):
    """The bare noun of "$X in sales / revenue / damages / new funding" right after a sum of money, however
    the parser attached "in" (to the sum or to the verb); None when "in" starts a place, a time or a
    determined phrase ("$5m in the first quarter", "$2bn in Texas")."""
    at = ent.end + (ent.end < len(doc) and bool(SCALE_TOKEN_RE.fullmatch(doc[ent.end].lower_)))  # "$59m in cash"
    if at >= len(doc) or doc[at].lower_ != "in":
        return None
    noun = next((c for c in doc[at].children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ or unit_of(noun.text) is not None \
            or noun.lemma_.lower() in NOT_CARRIED:
        return None
    if any(t.pos_ not in ("ADJ", "NOUN", "VERB") or t.ent_type_ for t in doc[at + 1: noun.i]):
        return None  # only adjectives and compounds may stand between "in" and the noun
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return None
    return noun


# "That’s nearly 8 hours": with a curly apostrophe the tagger often reads the contracted "is" as a noun
# (lemma "’s"), which then passed for the measured word.
CONTRACTED_BE = {"’s", "’re", "’m", "'s", "'re", "'m"}


def _contracted_be(token) -> bool:
    """A contracted "is / are / am" (not the possessive "’s", which hangs on its owner as ``case``)."""
    return token.text in CONTRACTED_BE and token.dep_ != "case" and token.i > 0 and \
        (token.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl") or any(c.dep_.startswith("nsubj") for c in token.children))


def _is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX") or _contracted_be(token)


def _verb_lemma(token) -> str:
    return "be" if _contracted_be(token) else token.lemma_.lower()


# A length followed by a direction or "from" is a distance between two places.
DIRECTION_AFTER_RE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\s+of"
                                r"|from\b|away\b|off\s+the\s+coast)", re.I)


def _only_numbers_between(doc, start: int, end: int) -> bool:
    """Are the tokens from ``start`` to ``end`` (excluded) the rest of a range ("and 276", "to 30", "-")?"""
    return all(t.like_num or t.lower_ in ("and", "to", "-", "–") for t in doc[start:end])


def _elided_noun(doc, ent):
    """The counted noun a bare number leaves out ("Five people were hurt and 12 were treated"): the noun
    of the nearest count before it, in its sentence or the one before; None when there is none.
    ("Three of them" is left alone: a part of a group, which must not join the group's total.)"""
    if any(c.pos_ in ("NOUN", "PROPN") for c in ent.root.children):
        return None
    first = ent.sent.start
    if first > 0:
        first = doc[first - 1].sent.start
    for t in reversed(doc[first: ent.start]):
        if t.dep_ == "nummod" and t.head.pos_ == "NOUN" and t.head.tag_ == "NNS" and t.head.i < ent.start \
                and unit_of(t.head.text) is None and t.head.lower_ not in NOT_COUNTED:
            return t.head
    return None


def _subject_of(doc, ent, head, kind: str) -> tuple[str | None, str | None]:
    if head is None:
        return None, None
    return _phrase(head), _lemma(head)


def _phrase(token) -> str:
    """The token with its compound / adjectival / possessive modifiers, as written."""
    left = [c for c in token.lefts if c.dep_ in ("compound", "amod", "poss", "nmod") and c.ent_type_ not in
            ("CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME", "ORDINAL")]
    start = min([token.i] + [c.left_edge.i for c in left])
    # a Title Case headline ("ISIS Claims 2 Deadly Explosions") chains its words into one name across the figure:
    # there the phrase starts after the last number in it (in running text "Prodigy's 2011 memoir" keeps its owner)
    numbers = [t.i for t in token.doc[start: token.i] if t.like_num or t.ent_type_ in NUMERIC_LABELS]
    if numbers and _title_case(token.sent):
        start = max(numbers) + 1
    span = token.doc[start: token.i + 1]
    return span.text


def _title_case(sent) -> bool:
    """A headline in Title Case: nearly every word of four or more capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _lemma(token) -> str:
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE"):
        return token.text
    return token.lemma_.lower()


# A figure the sentence sets against its own ("with a simple majority instead of the usual 60-vote threshold",
# "rather than the 12 expected"): another value, not what this sentence says of its event.
CONTRAST_BEFORE_RE = re.compile(r"\b(?:instead of|rather than|as opposed to|in place of)\s+(?:(?:the|a|an|its|their|"
                                r"his|her|usual|normal|typical|standard|customary|traditional)\s+){0,3}$", re.I)


def _set_against(doc, start: int) -> bool:
    return CONTRAST_BEFORE_RE.search(doc.text[max(0, start - 60): start]) is not None


def _is_increment(doc, ent, head) -> bool:
    """"three other bidders", "another 59m", "17 other studio albums"."""
    window = [t.lower_ for t in doc[max(ent.start - 1, 0): min(ent.end + 1, len(doc))]]
    if any(w in ("other", "another", "additional", "more", "extra") for w in window if w not in ent.text.lower().split()):
        return True
    if head is not None and any(c.lower_ in INCREMENT_WORDS - {"new"} and c.dep_ == "amod" for c in head.children):
        return True
    return False


def _is_identifier(doc, ent) -> bool:
    """A number that names rather than measures: "Flight 214", "Game 3", "No. 1", a phone number."""
    root = ent.root
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if ent.label_ in ("CARDINAL",) and prev is not None and (prev.pos_ == "PROPN" or prev.lower_ in ("no", "no.", "#", "number")) \
            and root.dep_ in ("nummod", "appos", "npadvmod", "compound") and root.head.i == prev.i:
        return True
    if ent.label_ == "CARDINAL" and prev is not None and prev.text in ("#", "No."):
        return True
    if re.search(r"\(\d{3}\)|\d{3}-\d{3,4}", ent.text):
        return True
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if (prev is not None and prev.text in ("_", "/", "=")) or (nxt is not None and nxt.text in ("_", "/")):
        return True  # part of a web address ("dies_3708023", "/2013/aug/")
    if prev is not None and prev.lower_ in NAMING_NOUNS:
        return True  # "Asiana flight 214", "Channel 4", "route 66"
    if ent.text.strip() == "911" or re.fullmatch(r"\d+[A-Z]", ent.text.strip()):
        return True  # the emergency number; a model name ("the iPhone 4S", "5G")
    around = doc.text[max(0, ent.start_char - 8): ent.end_char + 9]
    if re.search(r"\d{3}[-.]\d{3}[-.]\d{4}", around):
        return True  # a phone number cut into pieces ("208-476-5551")
    if NAMING_AFTER_RE.match(doc.text, ent.end_char):
        return True  # "first lady", "two-factor", "the 3300 block of": a name, no measure
    return False


NAMING_NOUNS = {"flight", "route", "highway", "interstate", "channel", "gate", "terminal", "platform", "pier",
                "precinct", "ward", "apollo", "chapter", "section", "article", "amendment", "room", "suite",
                "page", "p.", "pp."}
# (not "second-degree murder": the degree of a charge is a checkable fact, "first-" and "second-degree" differ)
NAMING_AFTER_RE = re.compile(r"[- ](?:class|hand|party|person|factor|tier)\b|\s+(?:lady|ladies|responders?|"
                             r"amendment)\b|\s+block\s+of\b", re.I)


def _hedge_before(doc, ent) -> tuple[int | None, str | None]:
    """A hedge standing right before the entity ("more than" + "three hours"): (start, qualifier)."""
    sent_start = ent.sent.start_char
    before = doc.text[max(sent_start, ent.start_char - 24): ent.start_char]
    for n_words in (4, 3, 2, 1):
        words = re.findall(r"\S+\s*$|\S+\s+", before)
        if len(words) < n_words:
            continue
        chunk = "".join(words[-n_words:])
        q, rest = split_hedge(chunk)
        if q is not None and not rest.strip():
            start = ent.start_char - len(chunk)
            if n_words == 1 and not _modifies_number(doc, start, ent):
                continue  # "chosen over three bidders": a preposition, not a hedge
            return start, q
    if re.search(r"\bsince\s*$", before, re.I):
        return None, "since"
    if re.search(r"\bbefore\s*$", before, re.I):
        return None, "before"
    if re.search(r"\bafter\s*$", before, re.I):
        return None, "after"
    if re.search(r"\buntil\s*$", before, re.I):
        return None, "until"
    return None, None


DENIED_RE = re.compile(r"(?:\bnot|\brather than|\binstead of)\s*$", re.I)


def _denied(doc, ent, hedge_start: int | None) -> bool:
    """Is the value negated right before it ("not five", "rather than 30")?"""
    start = hedge_start if hedge_start is not None else ent.start_char
    return bool(DENIED_RE.search(doc.text[max(ent.sent.start_char, start - 16): start]))


def _modifies_number(doc, start: int, ent) -> bool:
    """Is the one-word hedge at ``start`` attached to the number (not a preposition of the clause)?"""
    span = doc.char_span(start, ent.start_char, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.lower_ in ("about", "around", "some", "roughly", "nearly", "almost", "approximately", "just",
                        "only", "exactly", "precisely", "circa", "estimated"):
        return token.dep_ != "prep" or token.head.i >= ent.start
    return token.dep_ in ("quantmod", "advmod", "amod", "nummod") or (token.dep_ == "prep" and False)


def _entities_in(entities: list[LocalEntity], start: int, end: int) -> list[str]:
    keys = []
    for e in entities:
        if any(start <= m.start < end for m in e.mentions):
            keys.append(e.key)
    return keys


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """Overlapping spans (an entity and a fraction pass both finding one value): keep the first."""
    out: list[Claim] = []
    for c in claims:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


# --------------------------------------------------------------------------- what a value is said of
# align/facts needs more than the measured noun before it calls two different values a dispute: the
# event or predicate the number belongs to, the modifiers that pick a subgroup, and the time anchors
# of the sentence. Read off the parse of the claim's sentence.

# Verbs that report or carry a value without saying what happened ("said", "was", "lasted").
CARRIER_VERBS = LIGHT_VERBS | {"say", "tell", "report", "add", "according", "accord", "show", "find", "note", "put"}
# Modifiers that hedge or quantify rather than pick out a subgroup.
NON_DISTINGUISHING = {"only", "about", "some", "nearly", "almost", "roughly", "around", "approximately", "just",
                      "more", "less", "least", "most", "other", "another", "total", "estimated", "whole",
                      "entire", "all", "such", "same", "own", "reported",
                      # a reporter's emphasis, no subset: "17 giant turbines", "a staggering 3,540 metres"
                      "staggering", "incredible", "whopping", "massive", "huge", "giant", "enormous", "mere",
                      "astonishing", "remarkable", "hefty", "impressive"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WINDOW_UNITS = r"(?:second|minute|hour|day|night|week|weekend|month|year|decade|century)s?"
_NUMBER_WORD = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
               r"fifteen|twenty|thirty|forty|fifty|hundred)"
_WINDOW_RE = re.compile(rf"\b(?:(first|past|last|next|previous|following|over|within|in)\s+(?:the\s+)?)?"
                        rf"({_NUMBER_WORD})[\s-]+({_WINDOW_UNITS})\b", re.I)
# "a day of worship", "a week after the vote", "a year ago" say when, not a window or a rate of the figure.
_NOT_A_SPAN = re.compile(r"\s+(?:of|after|before|earlier|later|ago)\b", re.I)
_RATE_RE = re.compile(rf"\b(?:a|per|each|every)\s+({_WINDOW_UNITS})\b(?!{_NOT_A_SPAN.pattern})|\b(daily|weekly|"
                      r"monthly|annually|yearly|nightly|hourly)\b", re.I)
_RELATIVE_RE = re.compile(r"\b(today|yesterday|tonight|tomorrow|(?:last|this|next)\s+(?:week|month|year|weekend|"
                          r"season|night|time)|so far)\b", re.I)


@dataclass(frozen=True)
class Frame:
    """What one value is said of, for the dispute test (never stored in the brief)."""

    head: str | None  # lemma of the measured noun
    modifiers: frozenset[str]  # adjectives / compounds / qualifiers that pick out a subgroup
    predicates: frozenset[str]  # the event or state the value belongs to ("kill", "black", "meeting")
    arguments: frozenset[str]  # the other nouns of that predicate ("clash", "Kabul")
    anchors: frozenset[str]  # time anchors and other values of the sentence ("y:2000", "d:sunday", "n:2")
    clause: frozenset[str] = frozenset()  # content lemmas of the value's own clause, subject and verb left out
    participants: frozenset[str] = frozenset()  # named arguments of the event ("cohen" in "formed by Cohen")
    # the thing a measure compound describes, with its distinguishing words: "a 48-page indictment" →
    # "indictment", "a 13-month extension of unemployment insurance" → "extension of insurance unemployment"
    measured_object: str | None = None
    # who wrote, sent or released that thing, as named around it ("the letter Barr wrote", "Mueller's letter",
    # "an indictment released by the Justice Department")
    object_actors: frozenset[str] = frozenset()
    object_definite: bool = False  # "the 47-page indictment", "her 11-hour filibuster" (not "a 5-bedroom house")


def claim_frame(sent_doc, claim: Claim, kind: str) -> Frame:
    """The frame of ``claim`` in ``sent_doc``, a parse of ``claim.sentence.text`` alone."""
    offset = claim.sentence.start if claim.sentence else claim.start
    lo, hi = claim.start - offset, claim.end - offset
    anchors = time_anchors(sent_doc.text[:lo] + " " + sent_doc.text[hi:])
    span = sent_doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not len(span):
        return Frame(None, frozenset(), frozenset(), frozenset(), anchors)
    inside = set(range(span.start, span.end))
    root = span.root
    noun = root if root.pos_ in ("NOUN", "PROPN") and unit_of(root.text) is None and not root.like_num else None
    if kind in ("date", "time of day"):
        noun = None  # "in October 2016": the month is the value, the event is what it dates
    head = noun if noun is not None else _measured(sent_doc, span, kind)
    np = head if head is not None else root
    modifiers = _modifiers(np, inside) if head is not None else frozenset()
    predicates, arguments, participants = _predicate(np, inside | {np.i}, kind)
    label = LABEL_RE.search(sent_doc.text[:lo])
    if label and not predicates:  # "Running time: 106 minutes": the label line is the frame
        predicates = {"label:" + label.group(1).lower()}
    for child in np.children:  # "11 people injured", "MPs who were planning to vote": the noun's own clause
        if child.dep_ in ("acl", "relcl") and child.i not in inside:
            predicates |= _content_of_verb(child)
    verb = _governing_verb(np)
    clause = _clause_words(verb if verb is not None else np.sent.root, inside | {np.i})
    # the people a pronoun or description of the clause stands for ("He was sentenced …" → smith)
    participants |= {w.lower() for name in claim.referents for w in name.split()}
    return Frame(_lemma(head).lower() if head is not None else None, modifiers, frozenset(predicates),
                 frozenset(arguments), anchors, frozenset(clause - predicates), frozenset(participants),
                 _measured_object(head, inside) if head is not None else None,
                 _object_actors(head.head) if head is not None and head.dep_ == "compound" else frozenset(),
                 head is not None and head.dep_ == "compound" and _definite(head.head))


def _definite(thing) -> bool:
    """A noun with a definite determiner or a possessor ("the", "this", "her", "Trump's")."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
               for c in thing.children)


def _measured_object(head, inside: set[int]) -> str | None:
    """The noun a hyphenated measure compound describes ("the 47-page indictment": the number, a hyphen,
    the unit noun, then the thing), with its own distinguishing words; None for any other shape."""
    thing = head.head
    if head.dep_ != "compound" or thing.pos_ != "NOUN" or thing.i <= head.i:
        return None
    if not any(t.text == "-" and t.head.i == head.i for t in head.children):
        return None
    words = sorted(_modifiers(thing, inside | {head.i}))
    return " ".join([_lemma(thing).lower(), *words])


def _object_actors(thing) -> frozenset[str]:
    """The named people or bodies that made or sent ``thing``: its possessor, the subject or agent of its own
    clause ("the letter Barr wrote", "released by the Justice Department"), or the subject of the verb
    whose object it is ("Mueller wrote a letter")."""
    names: set[str] = set()

    def add(token) -> None:
        if token.pos_ == "PROPN":
            names.update(_name_words(token))

    for child in thing.children:
        if child.dep_ == "poss":
            add(child)
        elif child.dep_ in ("acl", "relcl"):
            for arg in child.children:
                if arg.dep_ in ("nsubj", "nsubjpass"):
                    add(arg)
                elif arg.dep_ == "agent":
                    for pobj in arg.children:
                        add(pobj)
    if thing.dep_ == "dobj":
        for arg in thing.head.children:
            if arg.dep_ == "nsubj":
                add(arg)
    return frozenset(names)


LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z' -]{1,40}):\s*$")


def time_anchors(text: str) -> frozenset[str]:
    """Years, weekdays, months, relative anchors, time windows and rates written in ``text``."""
    low = text.lower()
    found = {f"y:{y}" for y in re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", text)}
    found |= {f"d:{d}" for d in _WEEKDAYS if re.search(rf"\b{d}s?\b", low)}
    found |= {f"m:{m}" for m in calendar.month_name[1:] if re.search(rf"\b{m.lower()}\b", low)}
    found |= {"r:" + re.sub(r"\s+", " ", m.group(1)) for m in _RELATIVE_RE.finditer(low)}
    for m in _WINDOW_RE.finditer(low):
        if m.group(2) in ("a", "an") and _NOT_A_SPAN.match(low, m.end()):
            continue
        nums = parse_numbers(m.group(2)) or [1.0]
        found.add(f"w:{nums[0]:g}-{_singular(m.group(3))}")
    for m in _RATE_RE.finditer(low):
        found.add("rate:" + _singular(m.group(1) or m.group(2)))
    # The sentence's other figures: "2.1 million visitors in 2019" and "1.4 million in 2021" are two years.
    no_years = re.sub(r"\b(1[5-9]\d\d|20\d\d)\b", " ", text)
    found |= {f"n:{n:g}" for n in parse_numbers(no_years)}
    return frozenset(found)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _hyphenated_word(token) -> str:
    """The whole word a token is part of, hyphens dropped ("hydro-electric" → "hydroelectric", as another outlet
    spells it); a token outside a hyphenated word of letters gives its lemma."""
    doc, start, end = token.doc, token.i, token.i

    def joined(i: int) -> bool:  # doc[i - 2], a hyphen and doc[i], with no space between
        return doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_

    while start >= 2 and joined(start):
        start -= 2
    while end + 2 < len(doc) and joined(end + 2):
        end += 2
    parts = [doc[k] for k in range(start, end + 1, 2)]
    if len(parts) == 1 or not all(t.is_alpha for t in parts):
        return token.lemma_.lower()
    return "".join(t.lower_ for t in parts)


def _modifiers(noun, inside: set[int]) -> frozenset[str]:
    out = set()
    for child in noun.children:
        if child.i in inside or child.like_num or child.ent_type_ in NUMERIC_ENT_TYPES:
            continue
        if child.dep_ in ("amod", "compound", "nmod") and child.pos_ != "PROPN":
            out.add(_hyphenated_word(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "among", "in", "from", "with", "for", "aged"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "NOUN" and pobj.i not in inside:
                out.add(f"{child.lower_} {pobj.lemma_.lower()}")
                out |= {c.lemma_.lower() for c in pobj.children if c.dep_ in ("amod", "compound") and c.pos_ != "PROPN"}
    return frozenset(w for w in out if w not in NON_DISTINGUISHING and w.isascii())


NUMERIC_ENT_TYPES = NUMERIC_LABELS


def _governing_verb(np):
    token = np
    for _ in range(6):  # climb through prepositions, numbers and nouns to the governing verb
        if _is_verb(token) or token.dep_ == "ROOT":
            break
        token = token.head
    return token if _is_verb(token) else None


def _clause_words(top, skip: set[int]) -> set[str]:
    """Content lemmas under ``top`` (the value's clause, not the reporting frame around it)."""
    return {t.lemma_.lower() for t in top.subtree
            if t.i not in skip and t.is_alpha and not t.is_stop and not t.like_num and len(t) > 2
            and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV") and t.ent_type_ not in NUMERIC_ENT_TYPES}


def _predicate(np, skip: set[int], kind: str) -> tuple[set[str], set[str], set[str]]:
    """The event or state the noun phrase belongs to, that predicate's other nouns, and the named ones.

    Verbs joined to it ("injured and transported to hospitals") belong to the same event.
    """
    token = _governing_verb(np)
    if token is None:
        return set(), set(), set()
    # "injured and transported to hospitals": one subject, one event; "Five people died and seven were injured":
    # a verb with its own subject is another clause, of other people
    verbs = [token] + [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                       and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    predicates, arguments, participants = set(), set(), set()
    for verb in verbs:
        predicates |= _content_of_verb(verb)
        for n in _argument_nouns(verb, skip):
            arguments.add(_lemma(n).lower())
            if n.pos_ == "PROPN":
                participants |= _name_words(n)
    if token.dep_ in ("advcl", "xcomp") and not any(c.dep_.startswith("nsubj") for c in token.children):
        # "Snoop has earned …, selling 37 million albums": the head verb's subject sells
        participants |= {w for c in token.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"
                         for w in _name_words(c)}
    if token.dep_ in ("relcl", "acl"):  # "Acme, a firm founded in 1990", "the company Cohen created"
        noun = token.head
        if noun.i not in skip and noun.pos_ == "NOUN":
            arguments.add(noun.lemma_.lower())  # "crashes involving 100 cars": the crashes are an argument
        around = [noun, *noun.children] + ([noun.head] if noun.dep_ == "appos" else [])
        participants |= {t.lemma_.lower() for t in around if t.pos_ == "PROPN" and t.i not in skip}
    return predicates, arguments, participants


def _name_words(token) -> set[str]:
    """The words of a name ("Snoop Dogg" → snoop, dogg), so one outlet's "Snoop" matches it."""
    return {t.lemma_.lower() for t in [token, *token.children] if t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
            or t is token}


def _argument_nouns(verb, skip: set[int]) -> list:
    """Subject, objects, agent and prepositional nouns of ``verb`` (not numbers, not unit words)."""
    nouns = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "attr"):
            nouns.append(child)
        elif child.dep_ in ("prep", "agent"):  # "formed by Cohen": the agent's noun
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
    return [n for n in nouns if n.i not in skip and n.pos_ in ("NOUN", "PROPN")
            and n.ent_type_ not in NUMERIC_ENT_TYPES and unit_of(n.text) is None]


RESULT_VERBS = {"leave", "find", "render"}


def _content_of_verb(verb) -> set[str]:
    """The verb's lemma, or for a carrier verb ("are white", "lasted") its complement, else the verb."""
    lemma = _verb_lemma(verb)
    if lemma in RESULT_VERBS:  # "left at least 40 people dead", "found three men dead": the state is the event
        states = {c.lemma_.lower() for c in verb.children if c.dep_ in ("oprd", "ccomp") and c.pos_ == "ADJ"}
        if states:
            return states
    if lemma not in CARRIER_VERBS:
        return {lemma}
    complements = {c.lemma_.lower() for c in verb.children
                   if c.dep_ in ("acomp", "xcomp", "ccomp", "oprd") and not c.like_num}
    return complements or {lemma}


# --------------------------------------------------------------------------- whose age: within-article reference
# "The 21-year-old hanged his daughter", "The man, 45,", "He was 20": the sentence names nobody, yet the
# age is said of a person the article names elsewhere. Cross-outlet comparison needs that person, so the
# age's subject is resolved to the referent within the article: a pronoun or anaphoric description to
# the person who is the subject of the nearest sentence before it that speaks of a person. Every step
# is narrow (a wrong person would make a false dispute): two people in reach without a subject to
# prefer, or a description the article ties to two names, leave the age unresolved.

PLACE_LIKE = {"GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "TIME"}
REFERENCE_REACH = 2  # sentences before the mention where its antecedent may be
HE_SHE = {"he", "she", "him", "her"}
COLLECTIVE_NOUNS = {"people", "police", "staff", "crew", "family", "troop", "team", "public", "youth"}
ONE_PERSON_NOUNS = (PERSON_NOUNS | ENTITY_PERSON_NOUNS) - COLLECTIVE_NOUNS


def _age_holder(ent, head) -> tuple[object | None, str | None]:
    """The token the age is said of and how it refers: (token, "pronoun" | "description" | "nominal"),
    or (token, None) when it names the person itself or nothing needs resolving."""
    root = ent.root
    definite = ent[0].lower_ == "the" or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")
    if root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and definite and ent.text.lower().endswith("old"):
        return root, "nominal"  # "The 21-year-old hanged his daughter", "Lawyers for the 33-year-old"
    if head is not None and head.lower_ == "age":  # "under the age of 50", "50 years of age"
        if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
            head = root.head  # "a man >50 years of age"
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            holder = head.head.head
            if holder.pos_ in ("VERB", "AUX"):
                holder = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            head = holder if holder is not None and _person_like(holder) else None  # not "The team is …"
    elif head is None and root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        head = next((c for c in root.head.children if c.dep_ == "nsubj"), None)  # "He was 20"
    if head is not None and head.lower_ == "who" and head.head.dep_ == "relcl":
        head = head.head.head  # "Smith, who is 45"
    if head is not None and head.pos_ in ("VERB", "AUX"):  # "Now 18, she would like …": the verb's subject
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        head = subject if subject is not None and _person_like(subject) else None
    if head is None:
        return None, None
    if head.pos_ == "PRON" and head.lower_ in HE_SHE:
        return head, "pronoun"
    named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if head.pos_ == "NOUN" and named is not None:
        return named, "name"  # "a 20-year-old man, John Smith, was arrested"
    if head.pos_ == "PROPN":
        return head, "name"  # "Tamir" of "Tamir Rice": the article's one name for him
    if _anaphoric_description(head):
        return head, "description"
    return head, None


def _anaphoric_description(token) -> bool:
    """"the man", "the suspect": a definite one-person noun that refers back (not "a man", a new person,
    nor "his son", another one)."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and token.lemma_.lower() in ONE_PERSON_NOUNS \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) \
        and not any(c.dep_ == "poss" for c in token.children)


def _clause_referent(people: "_People", ent, head) -> LocalEntity | None:
    """The named person a pronoun subject of the value's verb ("He was sentenced to 15 years") or a
    possessive on its noun ("his salary") stands for, when the article says so unambiguously."""
    holder = head if head is not None and head.pos_ in ("NOUN", "PROPN") else ent.root
    owner = next((c for c in holder.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    verb = _governing_verb(holder)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    for token, mode in ((owner, "pronoun"), (subject, None)):
        if token is None:
            continue
        if mode is None:
            mode = "pronoun" if token.pos_ == "PRON" and token.lower_ in HE_SHE else \
                "description" if _anaphoric_description(token) else None
        if mode is None:
            continue
        found = people.antecedent(token, mode)
        if isinstance(found, LocalEntity):
            return found
    return None


def _clause_subjects(token) -> set[int]:
    """Token indices of the subject of the verb that governs ``token`` (up through nouns and prepositions):
    the one person a description in that clause cannot be."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        subjects.add(verb.head.i)  # "Jeffs sexually assaulting the 11-year-old girl": Jeffs does the assaulting
    # the whole name of a subject: "Warren Jeffs" as well as its head word
    return subjects | {t.i for i in subjects for t in verb.doc[i].subtree if t.pos_ == "PROPN"}


def _person_like(token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.lower_ in HE_SHE | {"who"} \
        or token.lemma_.lower() in ONE_PERSON_NOUNS or token.lemma_.lower() in PERSON_NOUNS


FEMALE_NOUNS = {"woman", "girl", "mother", "daughter", "wife", "sister", "actress", "hostess", "spokeswoman",
                "businesswoman", "chairwoman", "congresswoman", "grandmother", "aunt", "niece", "queen", "princess",
                "widow", "bride", "girlfriend", "lady", "mom", "mum", "granddaughter", "stepdaughter"}
MALE_NOUNS = {"man", "boy", "father", "son", "husband", "brother", "spokesman", "businessman", "chairman",
              "congressman", "grandfather", "uncle", "nephew", "king", "prince", "widower", "groom", "boyfriend",
              "dad", "gentleman", "grandson", "stepson"}


def _gender(word: str) -> str | None:
    """"f" / "m" for a gendered pronoun or noun, None when the word does not say."""
    if word in ("she", "her", "hers", "herself") or word in FEMALE_NOUNS:
        return "f"
    if word in ("he", "him", "his", "himself") or word in MALE_NOUNS:
        return "m"
    return None


def _fits_gender(word: str, candidate: str) -> bool:
    a, b = _gender(word), _gender(candidate)
    return a is None or b is None or a == b


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.lower().strip(".") not in ("jr", "sr", "ii", "iii", "iv")]
    return (words or name.split())[-1]


class _People:
    """The people of one article as within-article reference needs them (built only when asked)."""

    def __init__(self, doc, entities: list[LocalEntity]) -> None:
        self.doc = doc
        self.entities = entities
        self._ready = False

    def _prepare(self) -> None:
        if self._ready:
            return
        self._ready = True
        doc = self.doc
        self.sents = list(doc.sents)
        self.sent_index = {s.start: i for i, s in enumerate(self.sents)}
        self.person_at: dict[int, LocalEntity] = {}
        # description key → the named people the article ties it to ("the Thai man, Wuttisan Wongtalay";
        # "Capaldi is the new Doctor" through analyse.entities)
        tied: dict[str, set[str]] = {}
        for e in self.entities:
            for key in e.descriptions:
                tied.setdefault(key, set()).add(e.key)
        for e in self.entities:
            if e.type != "PERSON" or not e.named:
                continue
            for m in e.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.person_at[t.i] = e
                partners = [c for c in span.root.children if c.dep_ == "appos"]
                if span.root.dep_ == "appos":
                    partners.append(span.root.head)
                if span.start >= 2 and doc[span.start - 1].text == "," and span.end < len(doc) \
                        and doc[span.end].text == ",":
                    partners.append(doc[span.start - 2])  # "the Thai man, Wuttisan Wongtalay," however parsed
                for p in partners:
                    if p.pos_ == "NOUN" and p.tag_ == "NN" and p.lemma_.lower() in ONE_PERSON_NOUNS:
                        tied.setdefault(p.lemma_.lower(), set()).add(e.key)
        by_key = {e.key: e for e in self.entities}
        # a named person's gender as the article shows it (honorifics, pronouns after the one name of a
        # sentence): the quote step's reading, so that "he" never stands for a woman the article names
        self.gender = person_genders(doc, self.entities)
        self.tied = {k: by_key[next(iter(v))] for k, v in tied.items() if len(v) == 1}

    def _tied_key(self, token) -> str | None:
        """The key of the one named person the article ties this description word to, if any."""
        tied = self.tied.get(token.lemma_.lower())
        return tied.key if tied is not None else None

    def named(self, token) -> LocalEntity | None:
        """The named person whose mention ``token`` is part of, if any."""
        self._prepare()
        return self.person_at.get(token.i)

    def antecedent(self, token, mode: str):
        """The named person (a LocalEntity) or, failing a name, the description token that ``token``
        stands for; None when the article does not say unambiguously."""
        self._prepare()
        if mode == "description":
            tied = self.tied.get(token.lemma_.lower())
            if tied is not None:
                return tied
        # "Jeffs fathered a child with the 15-year-old": a description is never its own clause's subject
        bound = _clause_subjects(token) if mode != "pronoun" else set()
        bound_keys = {self.person_at[i].key for i in bound if i in self.person_at}
        idx = self.sent_index.get(token.sent.start, 0)
        before = range(idx - 1, max(-1, idx - 1 - REFERENCE_REACH), -1)
        spans = [self.doc[token.sent.start: token.i]] + [self.sents[k] for k in before]
        word = token.lower_ if mode == "pronoun" else token.lemma_.lower()
        for span in spans:
            # "he" never stands for "she" or "his wife": a word of the other gender is another person
            found = [f for f in self._people_in(span, token)
                     if f[0].i not in bound and (f[1] is None or f[1].key not in bound_keys) and (_fits_gender(word, f[0].lemma_.lower()) if f[1] is None
                         else _gender(word) is None or self.gender.get(f[1].key) in (None, _gender(word)))]
            if not found:
                continue
            names = {f[1].key if f[1] is not None else f[0].lower_ for f in found if f[2] in ("name", "maybe")}
            # "Colin Kroll, a tech executive who …": a description the article ties to a name in reach is
            # that person again, not a second one
            found = [f for f in found if f[2] != "description" or self._tied_key(f[0]) not in names]
            referents = names | {f[0].lemma_.lower() for f in found if f[2] == "description"}
            if len(names) > 1 or (mode == "pronoun" and len(referents) > 1):
                return None  # two people in reach for a pronoun: which one needs more than a rule
            found = [f for f in found if f[2] != "maybe"]
            if not found:
                return None  # only a name the typer did not call a person: maybe the one meant
            subjects = [f for f in found if f[0].dep_ in ("nsubj", "nsubjpass")]
            # "his daughter" is said relative to someone else: never the one a new sentence goes on about
            free = [f for f in found if not any(c.dep_ == "poss" for c in f[0].children)]
            free_referents = {f[1].key if f[1] is not None else f[0].lemma_.lower()
                              for f in free if f[2] != "pronoun"}
            pick = subjects[0] if subjects else found[0] if len(referents) <= 1 else \
                free[0] if mode != "pronoun" and len(free_referents) == 1 else None
            if pick is None:
                return None  # two people and no subject to prefer
            person, entity, kind = pick
            if kind == "pronoun":
                continue  # "he" again: its antecedent is further back
            renamed = entity is None and person.lemma_.lower() != token.lemma_.lower()
            if mode == "description" and (len(referents) > 1 or renamed):
                return None  # "the victim" after "Smith shot a woman": maybe another person, not one renamed
            if entity is not None:
                return entity
            return self.tied.get(person.lemma_.lower(), person)
        return None

    def _people_in(self, span, mention) -> list[tuple[object, LocalEntity | None, str]]:
        """(token, named entity or None, "name" | "description" | "pronoun" | "maybe") for each one-person
        mention; "maybe" is a proper-noun subject the typer did not call a person."""
        out = []
        seen_entities: set[str] = set()
        for t in span:
            if t.i == mention.i:
                continue
            entity = self.person_at.get(t.i)
            if entity is not None:
                if entity.key in seen_entities or (t.dep_ in ("compound", "flat") and t.head.i in self.person_at):
                    continue
                seen_entities.add(entity.key)
                out.append((t, entity, "name"))
            elif t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "poss") and t.ent_type_ not in PLACE_LIKE:
                out.append((t, None, "maybe"))  # "Love would have endured": a name the typer did not call a person
            elif t.pos_ == "PRON" and t.lower_ in HE_SHE:
                out.append((t, None, "pronoun"))
            elif t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in ONE_PERSON_NOUNS:
                out.append((t, None, "description"))
        return out
