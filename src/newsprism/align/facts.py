"""Facts across articles: claims about the same thing grouped, then compared.

Two claims are about the same thing when they share the dimension (and currency), the kind of
measure and the measured head (``property``: "duration: summit", "count: prisoner"), and their
sentences talk about the same matter (shared entities / names and content words). The number is
never evidence on its own. A second route meets claims whose heads differ or are missing, for agreement
only: sentences that say the same thing with the value masked (MiniLM) and share a name.

Status by independent ``source_group`` (syndicated copies count once):
- **disputed**: two groups give incompatible values (intervals that do not overlap) for claims that
  are linked *directly* with the stricter dispute test;
- **corroborated**: two groups give compatible values (and no dispute);
- **single_source**: only one group carries it.

A difference of value needs more context evidence than an agreement (an equal number is itself a
hint of identity, a different one is not), so the dispute test is stricter: precision of
``disputed`` matters more than its recall.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from newsprism.analyse.claims import CARRIER_VERBS, PERSON_NOUNS, Frame, claim_frame, time_anchors
from newsprism.align.unionfind import UnionFind
from newsprism.analyse.embeddings import EmbeddingsUnavailable, embed
from newsprism.analyse.entities import HONORIFICS
from newsprism.analyse.quantities import (ABOUT_BAND, DIMENSION, MEASURE_DIMENSIONS, ROUNDING, _bound, as_written,
                                         compatible, in_base_units, is_conversion, is_open_ended, parse_numbers,
                                         stated_figure)
from newsprism.model import Article, ArticleAnalysis, Claim, Entity, Fact

# Nouns for one meeting-like event: "three hours of talks" and "the summit lasted …" measure one event.
EVENT_CLASSES = [
    {"meeting", "talk", "summit", "negotiation", "session", "discussion", "conversation", "conference",
     "interview", "hearing", "encounter", "meet"},
    {"crash", "collision", "pileup", "pile-up", "accident", "wreck"},
]
EVENT_CLASS_KEYS = {sorted(cls)[0] for cls in EVENT_CLASSES}  # what _head_class gives an event noun
# Nouns that name one set of things or people, as outlets vary them ("a 30-car pileup" / "a 25-vehicle pileup",
# "800 protesters" / "10,000 demonstrators", "his 2012 memoir" / "his 2011 autobiography").
NOUN_CLASSES = [
    {"car", "vehicle", "automobile"},
    {"protester", "protestor", "demonstrator", "marcher"},
    {"memoir", "autobiography"},
]
# Nouns outlets use for one violent event: as the other nouns of a predicate ("people killed in the bombing" /
# "the blast killed") and to match a sentence's other figures ("two attacks" / "Two explosions"), never as the
# measured noun of a dispute ("two attacks" / "three bombings" may be other ones).
ARGUMENT_CLASSES = [{"attack", "bombing", "explosion", "blast", "bomb", "suicide bombing"}]
# Nouns one story uses for one armed group: "two of the gunmen" / "three terrorists" / "four rebels" killed.
ATTACKER_CLASS = {"gunman", "gunmen", "terrorist", "rebel", "militant", "insurgent", "attacker", "assailant",
                  "jihadist", "fighter"}
STOP = set("""a an the and or but if of in on at to for from by with about as into like through after over
between out against during without before under around among is are was were be been being has have had
do does did will would shall should can could may might must this that these those it its they them their
he him his she her we us our you your i me my not no so than then there here which who whom whose what
when where why how all any both each few more most other some such only own same too very just also said
says say told tell according percent per cent year years month months week weeks day days hour hours
minute minutes time times one two three four five six seven eight nine ten mr mrs ms""".split())

SIM_AGREE = 0.15  # content-word overlap to link claims whose values agree
SIM_DISPUTE = 0.30  # stricter: overlap to call a difference of value a dispute
SIM_WINDOW = 0.25  # overlap of the words right around two values before a difference is a dispute


@dataclass
class _Item:
    idx: int
    claim: Claim
    group: str
    dim: str
    kind: str
    head: str | None
    words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    base_value: dict = field(default_factory=dict)
    subject_words: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    window: set[str] = field(default_factory=set)
    snapshot: bool = False
    # The spans (sentence offsets) of its own unit conversion "240 km (150 miles)" and its coordinated
    # sibling "30 men and 30 women": part of how the value is written, not another figure of the sentence.
    twins: tuple[tuple[int, int], ...] = ()
    # The other claims of its sentence (its twins aside): the figures that could tell two instances apart.
    peers: tuple["_Item", ...] = ()
    unclaimed_figures: bool = False  # a figure of its sentence that no claim accounts for (set with the frame)
    published: date | None = None  # the article's publication day, when known
    # days between the story's first and last known publication days (0 when fewer than two are known)
    story_span: int = 0
    frame: Frame | None = None  # parsed lazily, only for claims that reach the dispute test


def group_facts(articles: list[Article], analyses: list[ArticleAnalysis], entities: list[Entity]) -> list[Fact]:
    """Group every claim of the story into facts (single-claim facts included), ids ``f-1``…"""
    items = _items(articles, analyses, entities)
    copies = _copies(items)
    reps = [members[0] for members in copies]
    agree: set[tuple[int, int]] = set()
    dispute: set[tuple[int, int]] = set()
    unsure: list[tuple[_Item, _Item]] = []
    by_group: dict[str, list[_Item]] = defaultdict(list)
    for it in reps:
        by_group[it.group].append(it)
    reps_by_idx = {it.idx: it for it in reps}
    candidates = _candidate_pairs(reps)
    for a, b in candidates:
        link = _link(a, b)
        if link == "dispute" and _explained_by_its_source(a, b, by_group):
            continue
        if link is not None:
            (agree if link == "agree" else dispute).add(_pair(a, b))
        elif _may_agree(a, b):
            unsure.append((a, b))
    agree |= _paraphrase_agreements(_not_yet_joined(unsure, agree | dispute, len(items)))
    dispute |= {(i, j) for i, j in _bridged_disputes(reps, agree, dispute)
                if not _scope_unmatched(reps_by_idx[i], reps_by_idx[j], by_group)}
    # last, so that a link met only by sentence meaning never bridges a dispute
    agree |= _meaning_agreements(reps, {_pair(a, b) for a, b in candidates}, agree | dispute, len(items))
    agree |= _distinctive_value_agreements(reps, agree | dispute, len(items))
    return _facts(items, copies, agree, dispute)


DISTINCTIVE_DIGITS = 3  # "$76,328", "3,540 metres", "144 hours": a figure this specific is rarely a coincidence


def _distinctive_value_agreements(reps: list[_Item], links: set[tuple[int, int]], n: int) -> set[tuple[int, int]]:
    """Two independent sources stating one specific figure of one kind in sentences that name someone in common
    ("Manhattan ... an average cost of $76,328" / "Manhattan couples spent $76,328") agree whatever other words
    surround it; without a name in common the same figure may be another thing's ("donated $29,600" / "a pickup
    sells for $29,600"). A day ("Jan. 29" / "Jan. 29") counts as specific, a bare year not; ages are left out (two
    people of one age are common in a story). Like meaning, such a link never bridges a dispute."""
    by_value: dict[tuple, list[_Item]] = defaultdict(list)
    for it in reps:
        key = _value_key(it)
        specific = it.kind == "date" or _significant_digits(it) >= DISTINCTIVE_DIGITS  # a date's key is a day or month
        if key is not None and it.kind not in ("age", "ago") and specific and it.claim.qualifier != "other" \
                and not _no_claim(it):
            by_value[(it.dim, it.kind, key)].append(it)
    pairs = [(a, b) for block in by_value.values() for x, a in enumerate(block) for b in block[x + 1:]
             if a.group != b.group and a.names & b.names and _agreement_possible(a, b)]
    return {_pair(a, b) for a, b in _not_yet_joined(pairs, links, n)}


def _significant_digits(it: _Item) -> int:
    return len(re.sub(r"\D", "", it.claim.text.split(" ")[0] if it.kind != "money" else it.claim.text).strip("0"))


def _pair(a: _Item, b: _Item) -> tuple[int, int]:
    return (min(a.idx, b.idx), max(a.idx, b.idx))


def _copies(items: list[_Item]) -> list[list[_Item]]:
    """Claims with the same value in the same sentence (syndicated or repeated copies), first one first:
    they are compared once, through their first member, so a story of many copies costs what its
    distinct claims cost."""
    by_key: dict[tuple, list[_Item]] = {}
    for it in items:
        c = it.claim
        offset = c.start - c.sentence.start if c.sentence else 0
        key = (c.text, c.sentence.text if c.sentence else "", offset, c.unit, c.property, c.subject,
               frozenset(it.names))
        by_key.setdefault(key, []).append(it)
    return list(by_key.values())


def _candidate_pairs(reps: list[_Item]) -> list[tuple[_Item, _Item]]:
    """Blocking: only claims of one dimension and kind that share a head class, a subject word or (for
    the paraphrase rule) the very same value are ever compared, instead of all pairs."""
    blocks: dict[tuple, list[_Item]] = defaultdict(list)
    for it in reps:
        if _no_claim(it):
            continue
        if it.head is not None:
            blocks[(it.dim, it.kind, "head", _head_class(it.head))].append(it)
            for word in it.subject_words:
                blocks[(it.dim, it.kind, "word", word)].append(it)
            for letters in _acronym_keys(it):  # "GDP" meets "gross domestic product"
                blocks[(it.dim, it.kind, "acronym", letters)].append(it)
        value = _value_key(it)
        if value is not None:
            blocks[(it.dim, it.kind, "value", value)].append(it)
    seen: set[tuple[int, int]] = set()
    pairs = []
    for block in blocks.values():
        for x in range(len(block)):
            for y in range(x + 1, len(block)):
                key = _pair(block[x], block[y])
                if key not in seen:
                    seen.add(key)
                    pairs.append((block[x], block[y]))
    return pairs


# The words of a publication line ("First Published: June 13, 2013 4:59 PM EDT", "Posted on January 5, 2011
# at 3:39 PM", "Thursday 29 July 2004 08.23 BST"): the line says when the article appeared, no claim of the story.
DATELINE_WORDS = frozenset("""published first posted updated last modified on at by date time am pm a.m p.m
et edt est ct cdt cst mt mdt mst pt pdt pst gmt bst utc cet cest ist jst aest rd th st nd sept""".split()) | frozenset(
    w.lower() for w in (*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr))


SQUARE = re.compile(r"\b(?:sq|square)\b|[\u00b2]|\b(?:km|m|ft|mi)2\b", re.I)
CUBIC = re.compile(r"\b(?:cu|cubic)\b|[\u00b3]|\b(?:km|m|ft|mi)3\b", re.I)
M_PER_KM = 1000.0


def _area_read_as_length(dim: str, text: str, value: dict) -> tuple[str, dict]:
    """A "5,800-square-foot" house or a "1,500-square-kilometer" island that extraction read as a length (in
    metres): its area in km2, the base of areas, so that it meets areas and never a distance."""
    numbers = parse_numbers(text)
    point = value.get("point", value.get("low"))
    if dim != "length" or not SQUARE.search(text) or CUBIC.search(text) or not numbers or not numbers[0] \
            or not isinstance(point, (int, float)):
        return dim, value
    metres_per_unit = point / numbers[0]
    scale = metres_per_unit / M_PER_KM ** 2  # raw x (m per unit)^2 = area in m2; / 1e6 = km2
    return "area", {k: (v * scale if isinstance(v, (int, float)) and not isinstance(v, bool) else v)
                    for k, v in value.items()}


def _no_claim(it: _Item) -> bool:
    """A value that is no claim of the story, or not of the measure it was read as, never compared: a span
    across a line break (a caption run into the next line: "Fred LaRue, July 24\nJuly 28, 2004"), a date or
    time alone on a publication line, a volume read as a length."""
    claim = it.claim
    if "\n" in claim.text or (it.dim == "length" and CUBIC.search(claim.text)):
        return True  # (a volume read as a length would meet distances)
    if it.kind not in TIME_POINTS or claim.sentence is None:
        return False
    text, lo = claim.sentence.text, claim.start - claim.sentence.start
    start = text.rfind("\n", 0, lo) + 1
    end = text.find("\n", lo + len(claim.text))
    line = text[start: end if end >= 0 else len(text)]
    words = re.findall(r"[a-z][a-z.]*", line.lower())
    return all(w.rstrip(".") in DATELINE_WORDS for w in words)


def _value_key(it: _Item) -> tuple | None:
    """The exact value of a *specific* claim (a day, a clock time, a figure with 2+ significant digits):
    two claims of one story with the same specific value are worth comparing even under other words."""
    low, high = it.base_value.get("low"), it.base_value.get("high")
    if low is None or high is None or it.claim.qualifier == "other":
        return None
    if it.claim.qualifier == "about":  # "only about $15.8 million" names the figure $15.8 million: its band's middle
        low = high = (low + high) / 2
    if it.kind == "date":
        return (low, high) if high - low <= 31 else None  # a day or a month, not a bare year
    if it.kind == "time of day":
        return (low, high)
    return (low, high) if _significant_digits(it) >= 2 else None


# Paraphrase (the lead's MiniLM sentence embeddings): one signal for an agreement the words miss
# ("$35,000 donated" / "funded with $35,000"), never for a dispute.
EMB_SAME_HEAD = 0.50  # compatible values, same measured head: the sentences say the same thing
EMB_SAME_VALUE = 0.55  # the same specific value under another head


def _may_agree(a: _Item, b: _Item) -> bool:
    """Compatible values of one dimension and kind that the word tests did not link."""
    if a.dim != b.dim or a.kind != b.kind or a.group == b.group or "other" in (a.claim.qualifier, b.claim.qualifier):
        return False
    if not _agreement_possible(a, b):
        return False
    if a.head is not None and b.head is not None and _same_subject(a, b):
        return compatible(a.base_value, b.base_value, tolerance=_slack(a))
    key = _value_key(a)
    return key is not None and key == _value_key(b)


def _agreement_possible(a: _Item, b: _Item) -> bool:
    """An open bound agrees only with claims of its own noun: "at least five people" is compatible with a
    "6.1 magnitude" quake and "over 200" with most figures of a story, and such links chained one ECB+
    story's people, houses, children and magnitudes into one fact of 85 claims (2,184 flagged pairs).
    A figure far under a ceiling agrees with nothing either (:func:`_far_below_a_ceiling`)."""
    if _far_below_a_ceiling(a, b):
        return False
    if a.head is not None and b.head is not None and _head_class(a.head) == _head_class(b.head):
        return True
    return not (_open_ended(a.base_value) or _open_ended(b.base_value))


def _not_yet_joined(pairs: list[tuple[_Item, _Item]], links: set[tuple[int, int]], n: int) -> list[tuple[_Item, _Item]]:
    """The pairs that the word tests left in two different facts: only they can gain from embeddings."""
    uf = UnionFind(n)
    for i, j in links:
        uf.union(i, j)
    return [(a, b) for a, b in pairs if uf.find(a.idx) != uf.find(b.idx)]


def _paraphrase_agreements(pairs: list[tuple[_Item, _Item]]) -> set[tuple[int, int]]:
    """The pairs whose sentences are paraphrases by embedding similarity (none when embeddings are
    not installed: the word tests alone then decide)."""
    if not pairs:
        return set()
    texts = sorted({_sentence(it) for pair in pairs for it in pair})
    try:
        vectors = embed(texts)
    except EmbeddingsUnavailable:  # the model packages are missing: the word tests alone decide
        return set()
    row = {t: vectors[i] for i, t in enumerate(texts)}
    found = set()
    for a, b in pairs:
        same_head = a.head is not None and b.head is not None and _same_subject(a, b)
        if float(row[_sentence(a)] @ row[_sentence(b)]) >= (EMB_SAME_HEAD if same_head else EMB_SAME_VALUE):
            found.add(_pair(a, b))
    return found


EMB_MEANING = 0.70  # masked sentences this close say the same thing of one value, whatever their heads


def _meaning_agreements(reps: list[_Item], compared: set[tuple[int, int]], links: set[tuple[int, int]],
                        n: int) -> set[tuple[int, int]]:
    """A second blocking route, for agreements only: claims that no head, subject word or value met (heads
    differ or are missing: "$80 million" / "resulted in $80 million"), whose sentences, with the value
    masked, are paraphrases (MiniLM) and share a name, and whose values are compatible. A difference met
    this way is never a dispute: the sentence meaning without the number is no evidence of one measure."""
    blocks: dict[tuple, list[_Item]] = defaultdict(list)  # by shared name: never all pairs of a large story
    for it in reps:
        if it.claim.qualifier != "other" and not _no_claim(it):
            for name in it.names:
                blocks[(it.dim, it.kind, name)].append(it)
    seen = set(compared)
    pairs = []
    for block in blocks.values():
        for x, a in enumerate(block):
            for b in block[x + 1:]:
                key = _pair(a, b)
                if key in seen or a.group == b.group:
                    continue
                seen.add(key)
                if compatible(a.base_value, b.base_value, tolerance=_slack(a)) and _agreement_possible(a, b):
                    pairs.append((a, b))
    pairs = _not_yet_joined(pairs, links, n)  # only pairs still in two facts can gain
    if not pairs:
        return set()
    texts = sorted({_masked(it) for pair in pairs for it in pair})
    try:
        vectors = embed(texts)
    except EmbeddingsUnavailable:
        return set()
    row = {t: vectors[i] for i, t in enumerate(texts)}
    return {_pair(a, b) for a, b in pairs if float(row[_masked(a)] @ row[_masked(b)]) >= EMB_MEANING}


def _masked(it: _Item) -> str:
    """The claim's sentence with its value replaced by one placeholder."""
    c = it.claim
    if c.sentence is None:
        return "#"
    lo = c.start - c.sentence.start
    return c.sentence.text[:lo] + "#" + c.sentence.text[lo + len(c.text):]


def _sentence(it: _Item) -> str:
    return it.claim.sentence.text if it.claim.sentence else it.claim.text


def _bridged_disputes(reps: list[_Item], agree: set, dispute: set) -> set[tuple[int, int]]:
    """A difference bridged by a claim that agrees with both sides ("three hours" links "nearly three
    hours" and "more than three hours") is a dispute about one thing, even when the two sentences
    share few words."""
    by_idx = {it.idx: it for it in reps}
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in agree:
        neighbours[i].add(j)
        neighbours[j].add(i)
    # A hedged bound ("more than 2,700") agrees with a wide range, so its agreeing with two values is no
    # evidence that they measure one thing: running tallies ("nearly 2,800" earlier, "more than 3,000"
    # later) would be bridged into a dispute. Only a closed value bridges.
    for i in [i for i in neighbours if i in by_idx and _hedged_bound(by_idx[i].base_value)]:
        del neighbours[i]
    found: set[tuple[int, int]] = set()
    for around in neighbours.values():
        for i in around:
            for j in around:
                if i >= j or (i, j) in dispute or (i, j) in found:
                    continue
                a, b = by_idx[i], by_idx[j]
                if a.kind in TIME_POINTS or a.dim != b.dim or a.kind != b.kind:
                    continue  # many events have dates: a date difference needs a direct link
                if _may_dispute(a, b) and _same_subject(a, b) and _disputable(a, b) \
                        and _same_measure(a, b, bridged=True):
                    found.add((i, j))
    return found


def _explained_by_its_source(a: _Item, b: _Item, by_group: dict[str, list[_Item]]) -> bool:
    """A difference that one side's own source explains is no dispute between the two sources."""
    return (_running_tally(a, by_group[a.group]) or _running_tally(b, by_group[b.group])  # the figure grew
            or _scope_unmatched(a, b, by_group)  # the source splits the measure by day or place
            or _agreeing_figure_beside(a, b, by_group) or _agreeing_figure_beside(b, a, by_group))  # "3 of the 8"


def _scope_unmatched(a: _Item, b: _Item, by_group: dict[str, list[_Item]]) -> bool:
    """One source gives the measure for several days or places ("144 killed on Monday" and, "as day broke on
    Tuesday, four people were killed"; "300 nationwide" and "90 in Sindh province"): each of its figures is
    one part's, so it disputes only a figure said of (at least) the same day and place. Without that, a
    total of no stated day meets a part of another day (validation blind2 c47: 125 vs Tuesday's four)."""
    for x, y in ((a, b), (b, a)):
        scope = _scope(x)
        if scope and not scope <= _scope(y) and _split_by_scope(x, scope, by_group[x.group]):
            return True
    return False


def _agreeing_figure_beside(item: _Item, other: _Item, by_group: dict[str, list[_Item]]) -> bool:
    """Does the other claim's own sentence also state a figure of the item's head that agrees with the
    item? Then that sentence carries the item's figure ("The judge threw out three of the eight murder
    charges" beside "three murder charges were thrown out") and its other figure measures something else
    (the whole, a part, an earlier count): the two outlets agree, they do not dispute (validation blind5
    c119)."""
    sentence = other.claim.sentence
    if sentence is None:
        return False
    for beside in by_group[other.group]:
        if beside.idx == other.idx or beside.claim.article != other.claim.article or beside.claim.sentence is None:
            continue
        if beside.claim.sentence.start != sentence.start or beside.kind != item.kind or beside.dim != item.dim:
            continue
        # a coordinated sibling is of its twin's noun: "in the 2010 and 2012 election cycles"
        of_head = _same_head(item, beside) or (_twin_of(other, beside) and _same_head(item, other))
        if of_head and compatible(item.base_value, beside.base_value, tolerance=_slack(item)):
            return True
    return False


def _split_by_scope(item: _Item, scope: frozenset[str], same_source: list[_Item]) -> bool:
    """Does the item's own source give the same measure (head, predicate) under another day or place?"""
    for other in same_source:
        if other.idx == item.idx or other.dim != item.dim or other.kind != item.kind or not _same_head(item, other):
            continue
        if _twin_of(item, other) or _scope(other) == scope:
            continue
        if _synonymous(_predicates(item, _frame(item)), _predicates(other, _frame(other))):
            return True
    return False


def _scope(item: _Item) -> frozenset[str]:
    """The days, months, years, relative times and places the item's sentence says its value is of ("today"
    and "tonight" are the report's own day, what a figure of no stated day is of too)."""
    times = _time_scope(_frame(item).anchors) - REPORT_DAY
    return times | frozenset("p:" + w for w in _places(item))


REPORT_DAY = frozenset({"r:today", "r:tonight"})


# Places a figure is of: "in the province", "across the country", "nationwide" (one word for one extent).
PLACE_PREPS = {"in", "across", "throughout", "inside", "within", "at"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
PLACE_NOUNS = {"province", "state", "country", "nation", "region", "city", "county", "district", "area", "capital",
               "town", "village", "territory", "prefecture", "neighborhood", "neighbourhood", "municipality",
               "world", "continent", "island", "borough", "suburb", "parish"}
PLACE_ADVERBS = {"nationwide": "country", "countrywide": "country", "nationally": "country",
                 "worldwide": "world", "globally": "world", "statewide": "state", "locally": "local"}
PLACE_SAME = {"nation": "country"}


def _places_differ(a: _Item, b: _Item) -> bool:
    places_a, places_b = _places(a), _places(b)
    return bool(places_a and places_b and not places_a & places_b)


# "13 miles east of Cloverdale", "1,150 kilometers (700 miles) southeast of Tehran" (for both figures), "two
# miles from The Geysers"
REFERENCE_PLACE = re.compile(r"\s*(?:\([^)]*\)\s*|\)\s*)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\s+|away\s+|"
                             r"off\s+|outside\s+|inland\s+|offshore\s+|out\s+)?(?:of|from)\s+(?:the\s+)?"
                             r"((?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*)*)")


def _reference_place(item: _Item) -> str | None:
    """The named place a distance is measured from ("east of Cloverdale" → "cloverdale"), None when the
    sentence names none right after the figure. A distance is between two points: from another place it is
    another measure, and one side naming its place while the other does not is no evidence of one."""
    claim = item.claim
    if claim.sentence is None:
        return None
    m = REFERENCE_PLACE.match(claim.sentence.text, claim.end - claim.sentence.start)
    return m.group(1).lower() if m else None


def _places(item: _Item) -> frozenset[str]:
    """Where the value's own clause puts it: the place nouns (named or common) of an "in" / "across" /
    "throughout" phrase of its governing verb or of its measured noun, and place adverbs ("nationwide")."""
    claim = item.claim
    if claim.sentence is None:
        return frozenset()
    doc = _parse(claim.sentence.text)
    span = doc.char_span(claim.start - claim.sentence.start, claim.end - claim.sentence.start, alignment_mode="expand")
    if span is None or not len(span):
        return frozenset()
    noun = span.root
    verb = noun
    for _ in range(6):  # up through numbers, nouns and prepositions to the governing verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    holders = [noun] + ([noun.head] if noun.head.pos_ == "NOUN" else []) + ([verb] if verb.pos_ in ("VERB", "AUX") else [])
    found = set()
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in PLACE_ADVERBS:
                found.add(PLACE_ADVERBS[child.lower_])
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
                continue
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                lemma = pobj.lemma_.lower()
                if pobj.ent_type_ in PLACE_ENTITIES:
                    found |= {t.lemma_.lower() for t in [pobj, *pobj.children]
                              if t.pos_ == "PROPN" and (t.i == pobj.i or t.dep_ in ("compound", "flat"))} or {lemma}
                elif lemma in PLACE_NOUNS:
                    found.add(PLACE_SAME.get(lemma, lemma))
    return frozenset(found)


TALLY_RATIO = 1.5  # a running count grows by steps, not by multiples ("2,700" → "2,800"; not "5" → "30")


def _running_tally(item: _Item, same_source: list[_Item]) -> bool:
    """Does the item's own source give rising values of the same measure ("more than 2,700 flights" then
    "nearly 2,800 flights" in one report)? Then the count grew while it was reported."""
    if item.kind not in ("count", "amount", "money"):
        return False
    for other in same_source:
        if other.idx == item.idx or other.dim != item.dim or other.kind != item.kind or not _same_head(item, other):
            continue
        if not _rising(item, other) or _twin_of(item, other):
            continue  # "30 km (19 miles)": a conversion, though its figure is larger, is no update
        if _synonymous(_predicates(item, _frame(item)), _predicates(other, _frame(other))):
            return True
    return False


def _twin_of(x: _Item, y: _Item) -> bool:
    if x.claim.sentence is None or y.claim.sentence is None or x.claim.sentence.start != y.claim.sentence.start:
        return False
    s0 = x.claim.sentence.start
    return (y.claim.start - s0, y.claim.end - s0) in x.twins


def _rising(x: _Item, y: _Item) -> bool:
    """Within one article, the later figure as written is the larger one, within ``TALLY_RATIO`` of the
    earlier: "more than 2,700" then "nearly 2,800" rose, though their hedged bands overlap."""
    if x.claim.article != y.claim.article:
        return False
    first, last = sorted((x, y), key=lambda it: it.claim.start)
    a, b = (stated_figure(it.base_value, it.claim.qualifier) for it in (first, last))
    return a is not None and b is not None and 0 < a < b <= a * TALLY_RATIO


def _hedged_bound(value: dict) -> bool:
    """"more than 2,700", "nearly 3,000", and a bound with no other end: "at least 22 houses" agrees with 40 and with
    1,500 alike, so it bridges nothing."""
    return bool(value.get("low_open") or value.get("high_open")) or _open_ended(value)


def _facts(items: list[_Item], copies: list[list[_Item]], agree: set, dispute: set) -> list[Fact]:
    """Components of the links between first copies, with member-level links for the status."""
    uf = UnionFind(len(items))
    copies_of = {members[0].idx: members for members in copies}
    member_agree: set[tuple[int, int]] = set()
    member_dispute: set[tuple[int, int]] = set()
    for members in copies:
        for m in members[1:]:  # a copy agrees with itself
            uf.union(members[0].idx, m.idx)
            member_agree.add(_pair(members[0], m))
    for links, out, need in ((agree, member_agree, False), (dispute, member_dispute, True)):
        for i, j in links:
            uf.union(i, j)
            pair = _cross_group_pair(copies_of[i], copies_of[j], need=need)
            if pair is not None:
                out.add(pair)
    components: dict[int, list[_Item]] = defaultdict(list)
    for it in items:
        components[uf.find(it.idx)].append(it)
    ordered = sorted(components.values(), key=lambda members: min(m.idx for m in members))
    # Each link lies inside one component: bucket once instead of scanning all links per fact.
    component_of = {it.idx: n for n, members in enumerate(ordered) for it in members}
    links_in: dict[int, dict[str, set]] = defaultdict(lambda: {"agree": set(), "dispute": set()})
    for name, links in (("agree", member_agree), ("dispute", member_dispute)):
        for pair in links:
            links_in[component_of[pair[0]]][name].add(pair)
    return [_fact(f"f-{n + 1}", members, links_in[n]["agree"], links_in[n]["dispute"])
            for n, members in enumerate(ordered)]


def _cross_group_pair(xs: list[_Item], ys: list[_Item], need: bool) -> tuple[int, int] | None:
    """One pair of copies from two independent source groups (else the first copies, or None when
    ``need``: a dispute within one source group is none)."""
    for x in xs:
        for y in ys:
            if x.group != y.group:
                return _pair(x, y)
    return None if need else _pair(xs[0], ys[0])


# --------------------------------------------------------------------------- features


def _items(articles: list[Article], analyses: list[ArticleAnalysis], entities: list[Entity]) -> list[_Item]:
    group_of = {a.id: (a.source_group or a.id) for a in articles}
    published = {a.id: _day(a.published) for a in articles}
    global_id = {(art, key): e.id for e in entities for art, key in e.members}
    order = {a.id: i for i, a in enumerate(articles)}
    items: list[_Item] = []
    for analysis in sorted(analyses, key=lambda x: order.get(x.article, len(order))):
        for claim in analysis.claims:
            kind, _, head = (claim.property or "").partition(": ")
            dim, base = _area_read_as_length(DIMENSION.get(claim.unit, claim.unit), claim.text, _base(claim))
            sentence = claim.sentence.text if claim.sentence else claim.text
            names = {global_id[(claim.article, k)] for k in claim.entities if (claim.article, k) in global_id}
            names |= _capitalised(sentence, claim.text)
            items.append(_Item(
                idx=len(items), claim=claim, group=group_of.get(claim.article, claim.article), dim=dim,
                kind=kind or "value", head=head.lower() if head else None,
                words=_content_words(sentence, claim.text), names=names, base_value=base,
                subject_words=_content_words(claim.subject or "", ""),
                modifiers=_subject_modifiers(claim.subject or "", head.lower()) if head else set(),
                window=_window(claim), snapshot=_is_snapshot(claim, masked=kind in ("date", "ago")),
                published=published.get(claim.article),
            ))
    days = [d for d in published.values() if d is not None]
    span = (max(days) - min(days)).days if len(days) > 1 else 0
    for it in items:
        it.story_span = span
    _date_days_without_a_year(items)
    _find_twins(items)
    _find_peers(items)
    return items


def _date_days_without_a_year(items: list[_Item]) -> None:
    """A day written without a year ("July 2") takes the year of the story's same day written with one ("July 2,
    2014"), when the story dates that day in one year only: the two then compare as dates, so "July 2" and
    "July 2, 2014" corroborate. The claim keeps its own value; only the comparison reads the day as a date."""
    years: dict[tuple[int, int], set[int]] = defaultdict(set)
    for it in items:
        low, high = it.base_value.get("low"), it.base_value.get("high")
        if it.dim == "date" and low is not None and low == high:
            day = date.fromordinal(int(low))
            years[(day.month, day.day)].add(day.year)
    for it in items:
        point = it.base_value.get("point")
        if it.dim != "month-day" or point is None or it.base_value.get("low") != it.base_value.get("high"):
            continue
        day = date.fromordinal(date(2000, 1, 1).toordinal() + int(point) - 1)  # month-day: a day of leap year 2000
        found = years.get((day.month, day.day), set())
        if len(found) == 1:
            ordinal = float(date(found.pop(), day.month, day.day).toordinal())
            it.dim, it.base_value = "date", {"low": ordinal, "high": ordinal, "point": ordinal}


def _find_peers(items: list[_Item]) -> None:
    """For each claim, the other claims of its sentence that are not its twins and do not overlap it."""
    by_sentence: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        if it.claim.sentence is not None:
            by_sentence[(it.claim.article, it.claim.sentence.start)].append(it)
    for members in by_sentence.values():
        for it in members:
            s0 = it.claim.sentence.start
            it.peers = tuple(other for other in members
                             if other.idx != it.idx and (other.claim.start - s0, other.claim.end - s0) not in it.twins
                             and (other.claim.end <= it.claim.start or other.claim.start >= it.claim.end))


def _day(stamp: str | None) -> date | None:
    """The day of an ISO 8601 date or datetime, else None."""
    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


CONVERSION_GAP = re.compile(r"^\s*[(\[]\s*$")  # "240 km (150 miles)"
SIBLING_GAP = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)\s*$", re.I)  # "30 men and 30 women", "five cars, six vans"


def _find_twins(items: list[_Item]) -> None:
    """Mark, for each claim, the claims of its sentence that only restate or coordinate it: the same
    value in another unit right after it in brackets, or a figure of the same unit joined by "and" / "or"."""
    by_sentence: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        if it.claim.sentence is not None:
            by_sentence[(it.claim.article, it.claim.sentence.start)].append(it)
    for members in by_sentence.values():
        members.sort(key=lambda it: it.claim.start)
        for first, second in zip(members, members[1:]):
            if first.dim != second.dim or second.claim.start < first.claim.end:
                continue
            s0 = first.claim.sentence.start
            gap = first.claim.sentence.text[first.claim.end - s0: second.claim.start - s0]
            if _is_conversion(first, second, gap) or (SIBLING_GAP.match(gap) and first.claim.unit == second.claim.unit):
                first.twins += ((second.claim.start - s0, second.claim.end - s0),)
                second.twins += ((first.claim.start - s0, first.claim.end - s0),)


def _is_conversion(first: _Item, second: _Item, gap: str) -> bool:
    if not CONVERSION_GAP.match(gap) or parse_numbers(first.claim.text) == parse_numbers(second.claim.text):
        return False  # the same figure twice is no conversion (units are normalised: compare the written ones)
    return is_conversion(first.base_value, first.claim.qualifier, second.base_value, second.claim.qualifier)


# A running tally ("by late afternoon", "so far", "the toll rose to 12") or a figure for another time
# ("five years earlier") is a snapshot: another figure at another time is no dispute. ("at least" is
# not one: an open lower bound never disputes anyway, see _may_dispute, and the words belong to
# whichever value they hedge, not to the sentence.)
SNAPSHOT = re.compile(r"\b(by (late |early |mid-?)?(morning|afternoon|evening|night|noon|midday|monday|tuesday|"
                      r"wednesday|thursday|friday|saturday|sunday|then|now|the end)|so far|as of|to date|"
                      r"thus far|latest|earlier|previously|ago|at the time|the previous|the year before|"
                      r"(?:rose|risen|climbed|increased|jumped|grew|swelled) to|"
                      r"toll (?:has |had )?(?:rose|risen|climbed|grew|jumped))\b|\bthen-|"  # "then-15-year-old"
                      r"\bthen (?=\d)|"  # "Bunch, then 22, was sentenced": her age at another time
                      r"\bwhen (?:he|she|they|we|i|you) (?:was|were) (?=\d)", re.I)  # "... met him when she was 29"
WINDOW_CHARS = 60


def _is_snapshot(claim: Claim, masked: bool) -> bool:
    """A snapshot marker near the value, except "previously" as the adverb of an adjective ("a previously
    healthy man, 52": the man's state before, not a figure for another time)."""
    markers = [m.group(0).lower() for m in SNAPSHOT.finditer(_around(claim, masked=masked))]
    if any(m != "previously" for m in markers):
        return True
    return bool(markers) and not all(_adverb_of_adjective(claim, "previously"))


def _adverb_of_adjective(claim: Claim, word: str) -> list[bool]:
    """For each ``word`` within ``WINDOW_CHARS`` of the value: does it modify an adjective (JJ, not a
    participle)? Read on the parse of the whole sentence (cached, shared with the frame), not of the window."""
    if claim.sentence is None:
        return []
    lo, hi = claim.start - claim.sentence.start, claim.end - claim.sentence.start
    return [t.head.tag_ in ("JJ", "JJR", "JJS") for t in _parse(claim.sentence.text)
            if t.lower_ == word and lo - WINDOW_CHARS <= t.idx < hi + WINDOW_CHARS]


# Values that are points in time ("in 2012", "at 6:34 p.m.", "100,000 years ago": the claims step's kind "ago" is
# a point before now): many events of a story have one, so a difference needs a direct link (never a bridge),
# and a recurring event ("first", "again") is another time.
TIME_POINTS = ("date", "time of day", "ago")
# Words that make a dated event one of several ("first hosted in 2007", "again in 2014").
INSTANCE = re.compile(r"\b(first|second|third|last|previous|again|next|latest|once|also)\b", re.I)


def _window(claim: Claim) -> set[str]:
    """Content words within a few words of the value: what it is said of, locally."""
    return _content_words(_around(claim, masked=True), "") if claim.sentence is not None else set()


def _around(claim: Claim, masked: bool = False) -> str:
    """The value in place with ``WINDOW_CHARS`` either side ("Bunch, then 22, was": the order matters);
    ``masked``: the value itself left out (a date "four years ago", resolved with the publication date, is
    the date itself, its "ago" no snapshot)."""
    if claim.sentence is None:
        return "" if masked else claim.text
    offset = claim.start - claim.sentence.start
    text = claim.sentence.text
    end = offset + len(claim.text)
    middle = " # " if masked else claim.text
    return text[max(0, offset - WINDOW_CHARS): offset] + middle + text[end: end + WINDOW_CHARS]


def _content_words(sentence: str, claim_text: str) -> set[str]:
    sentence = sentence.replace("\u2019", "'").replace("\u2018", "'")
    claim_text = claim_text.replace("\u2019", "'").replace("\u2018", "'")
    rest = sentence.replace(claim_text, " ") if claim_text else sentence
    rest = re.sub(r"'s\b", "", rest)
    return {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]+", rest.lower()) if w not in STOP and len(w) > 2}


def _subject_modifiers(subject: str, head: str) -> set[str]:
    """The subject's words besides its head, as lemma and as written ("created" for "create")."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]+", subject.lower())
    written = _stem(words[-1]) if words else ""
    # "hydro-electric turbines" / "hydroelectric turbines": one modifier however it is hyphenated
    return {w.replace("-", "") for w in _content_words(subject, "") - {_stem(head), written}}


def _capitalised(sentence: str, claim_text: str) -> set[str]:
    """Names in the sentence (capitalised words not opening it) — a stand-in when no entities are given."""
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", sentence.replace(claim_text, " "))
    return {w.lower() for w in words if w.lower() not in STOP}


@lru_cache(maxsize=None)
def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@lru_cache(maxsize=None)
def _head_class(head: str) -> str:
    """One key for an event noun class or a predicate class ("formed" / "established" date one event)."""
    for cls in EVENT_CLASSES + PREDICATE_CLASSES + NOUN_CLASSES + [ATTACKER_CLASS]:
        if _stem(head) in cls or head in cls:
            return sorted(cls)[0]
    return _stem(head)


def _base(claim: Claim) -> dict:
    measure = DIMENSION.get(claim.unit, claim.unit) in MEASURE_DIMENSIONS
    return in_base_units(as_written(claim.value, claim.qualifier, claim.text, measure), claim.unit)


# --------------------------------------------------------------------------- linking


def _similarity(a: _Item, b: _Item) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def _link(a: _Item, b: _Item) -> str | None:
    """"agree", "dispute" or None for two claims in one block."""
    if a.dim != b.dim or a.kind != b.kind or not _same_subject(a, b):
        return None
    sim = _similarity(a, b)
    shared_names = a.names & b.names
    agree = compatible(a.base_value, b.base_value, tolerance=_slack(a)) and _agreement_possible(a, b)
    if agree and a.kind == "count" and max(abs(_point(a.base_value)), abs(_point(b.base_value))) <= SMALL_COUNT \
            and not _same_head(a, b):
        return None  # "Two lower courts" / "the court's other two female justices": a shared word is no evidence
    if agree:
        if sim >= SIM_AGREE or (shared_names and sim >= SIM_AGREE / 2):
            return "agree"
        if a.kind == "age" and _same_person(a, b):
            return "agree"  # "Rittenhouse, 17," / "the 17-year-old Kyle Rittenhouse": one person's age, whatever else
        return None
    if not _may_dispute(a, b) or not _disputable(a, b):
        return None
    lexical = sim >= SIM_DISPUTE and bool(shared_names or not a.names or not b.names) and _windows_overlap(a, b)
    return "dispute" if _same_measure(a, b, lexical=lexical) else None


def _far_below_a_ceiling(a: _Item, b: _Item) -> bool:
    """One side a ceiling ("up to", "as many as", "as much as") and the other a figure well under it: compatible,
    but no sign of one fact ("as many as 1.5 million women" / "1.5 million women" agree; "as much as 79
    percent" and "56 percent" do not)."""
    for ceiling, other in ((a, b), (b, a)):
        top = ceiling.base_value.get("high")
        if ceiling.claim.qualifier == "up to" and other.claim.qualifier != "up to" and top \
                and _point(other.base_value) < top * (1 - ABOUT_BAND):
            return True
    return False


def _windows_overlap(a: _Item, b: _Item) -> bool:
    """Do the words right around the two values overlap (else: likely two different measures)?"""
    if not a.window or not b.window:
        return True
    return len(a.window & b.window) / min(len(a.window), len(b.window)) >= SIM_WINDOW


def _same_subject(a: _Item, b: _Item) -> bool:
    """Same measured head (or one event class), or subject phrases sharing a content word."""
    if a.head is None or b.head is None:
        return False
    if _same_head(a, b):
        return True
    return bool(a.subject_words & b.subject_words)


def _same_head(a: _Item, b: _Item) -> bool:
    """One measured noun: the same head class, or an acronym and its words ("GDP" / "gross domestic
    product", "the NHS" / "the National Health Service")."""
    if a.head is None or b.head is None:
        return False
    if _head_class(a.head) == _head_class(b.head):
        return True
    return _acronym_of(a.claim.subject or "", b.claim.subject or "", a.head, b.head)


def _acronym_of(subject_a: str, subject_b: str, head_a: str, head_b: str) -> bool:
    """One subject is an all-capital acronym that spells the initials of the other, ending at its head."""
    for short, long, long_head in ((subject_a, subject_b, head_b), (subject_b, subject_a, head_a)):
        letters = _acronym(short)
        if letters and letters in _initials(long, long_head):
            return True
    return False


def _subject_free(item: _Item, frame: Frame) -> frozenset[str]:
    """The frame's modifiers less the words of the subject, for a subject that is an acronym or spells one
    out: "of GDP" and "gross domestic product" name one measure, they pick out no subgroup."""
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", item.claim.subject or "")}
    return frozenset(m for m in frame.modifiers if m.split()[-1] not in words)


def _acronym_keys(it: _Item) -> frozenset[str]:
    """The acronym a subject is, or the acronyms its words spell."""
    subject = it.claim.subject or ""
    letters = _acronym(subject)
    return frozenset({letters}) if letters else _initials(subject, it.head or "")


def _acronym(subject: str) -> str | None:
    """The acronym a subject consists of ("GDP", "the NHS's" → "nhs"), else None."""
    subject = re.sub(r"['\u2019]s\b", "", subject)  # "the NHS's budget": the possessive is no word
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z.&]*", subject) if w.lower() not in ("the", "a", "an")]
    if len(words) != 1:
        return None
    word = words[0].replace(".", "").replace("&", "")
    return word.lower() if 2 <= len(word) <= 6 and word.isupper() else None


@lru_cache(maxsize=4096)
def _initials(subject: str, head: str) -> frozenset[str]:
    """Initials of the words of ``subject`` that end at its head, with and without the small words
    ("Department of Justice" → "doj" and "dj")."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", subject.replace("\u2019", "'"))
    lowered = [w.lower() for w in words]
    if head.lower() in lowered:
        words = words[: lowered.index(head.lower()) + 1]
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2:
        return frozenset()
    every = "".join(w[0] for w in words).lower()
    content = "".join(w[0] for w in words if w.lower() not in STOP).lower()
    return frozenset(x for x in (every, content) if len(x) >= 2)


MEASURE_HEADS = {"point", "time", "percent", "percentage", "degree", "unit", "level", "m.", "e", "caliber", "calibre",
                 "gauge"}  # ".38 caliber" names a cartridge, it counts nothing


def _slack(item: _Item) -> float:
    """Relative rounding slack for comparing values of this kind: none for a day or a clock time, whose
    numbers are positions on a scale, not magnitudes (1 % of 6:34 p.m. is 11 minutes, of a day ordinal years);
    none for a small whole count or age, which is stated exactly (1 % on each side joined "66-year-old"
    and "65")."""
    return 0.0 if item.kind in ("date", "time of day") or _small_exact(item) else ROUNDING


def _small_exact(item: _Item) -> bool:
    """A whole count or age below ``SMALL_EXACT``: not a rounded figure."""
    if item.kind not in ("count", "age"):
        return False
    point = float(_point(item.claim.value))
    return point.is_integer() and abs(point) < SMALL_EXACT


def _disputable(a: _Item, b: _Item) -> bool:
    """Gates on the measured word and the values before a difference can be a dispute."""
    if a.kind != "duration" and (_stem(a.head or "") in MEASURE_HEADS or _stem(b.head or "") in MEASURE_HEADS) \
            and not (_market_move(a) and _market_move(b)):
        return False  # "seven points", "three times": the measured thing is elsewhere (a running time is one)
    if a.modifiers and b.modifiers and not a.modifiers & b.modifiers:
        return False  # "women's cases" vs "men's cases", "elderly people" vs "patients"
    if a.snapshot or b.snapshot:
        return False
    if a.kind in TIME_POINTS and any(INSTANCE.search(_around(x.claim, masked=True)) for x in (a, b)):
        return False  # "first hosted the Oscars in 2007": the event recurs, another date is another time
    # Lenient reading: "more than X" only contradicts values at or below X. Rounding slack only for
    # large figures: "32" and "33" years old (or dead) are two different statements.
    exact = _small_exact(a) and _small_exact(b)
    # "6.6 pounds" is "less than 2.99kg" once converted; in one unit only rounding ("3,540 metres" / "3,450")
    tolerance = 0.0 if exact or _slack(a) == 0.0 else 0.02 if a.claim.unit != b.claim.unit else _slack(a)
    return not compatible(_lenient(a.base_value), _lenient(b.base_value), tolerance=tolerance)


SMALL_EXACT = 1000.0  # below this a stated whole count or age is not a rounded figure ("150" / "153" passengers)

# A market index named in the sentence: its "points" are what the index moved, the measured thing is known.
MARKET_INDEX = re.compile(r"\b(Dow|Dow Jones|S&P(?: 500)?|Standard & Poor's|Nasdaq|FTSE(?: 100)?|Nikkei|DAX|"
                          r"CAC 40|Hang Seng|Stoxx|Russell 2000|Sensex|TSX|ASX)\b")
MARKET_FALL = {"drop", "fall", "plunge", "tumble", "slide", "sink", "lose", "shed"}


def _same_index_move(a: _Item, b: _Item) -> bool:
    """Both values are falls of one named index: the index is the one thing both moves are said of."""
    if not (_market_move(a) and _market_move(b)):
        return False
    names = [{m.group(1).lower().split()[0] for m in MARKET_INDEX.finditer(_sentence(x))} for x in (a, b)]
    return bool(names[0] & names[1])


def _market_move(item: _Item) -> bool:
    """"The Dow dropped 127 points": points of a named index, moved by a verb of falling."""
    if _stem(item.head or "") != "point" or not MARKET_INDEX.search(_sentence(item)):
        return False
    return bool(_frame(item).predicates & MARKET_FALL)


def _point(value: dict) -> float:
    x = value.get("point", value.get("high") if value.get("high") is not None else value.get("low"))
    return x if isinstance(x, (int, float)) and not math.isinf(x) else math.inf


# Counts this small ("two", "three") turn up everywhere: they agree only when they count one noun.
SMALL_COUNT = 3
# Nouns that say little about what was measured: "two people", "90 percent", "three times".
GENERIC_HEADS = {"people", "person", "percent", "percentage", "number", "total", "one", "thing", "time", "case",
                 "figure", "individual", "share", "rate", "amount", "part", "member", "other", "some"}
# Predicates that name one event or outcome in different words.
PREDICATE_CLASSES = [
    {"kill", "die", "dead", "death", "slay", "perish", "fatal"},
    {"injure", "wound", "hurt", "injured", "wounded"},
    {"arrest", "detain", "apprehend", "jail", "imprison"},
    {"free", "release", "pardon", "liberate"},
    {"evacuate", "flee", "displace"},
    {"pay", "spend", "cost"},
    {"earn", "make", "receive", "get"},
    {"sell", "ship"},
    {"attend", "gather", "join", "rally", "march", "protest"},
    {"create", "form", "establish", "found", "incorporate", "launch", "register"},
    {"take", "transport", "hospitalize", "hospitalise", "admit", "airlift", "rush"},
    {"begin", "start"},
    MARKET_FALL,  # "the Dow dropped 127 points" / "sent the Dow plunging 145 points"
]
# Counts of charges: one list of charges whichever verb carries it ("faces five counts of criminal mischief" /
# "was arrested on suspicion of … six counts of criminal mischief"); a plea, verdict or dropped charge is another list.
CHARGE_HEADS = {"count", "charge"}
CHARGING_VERBS = {"charge", "face", "indict", "accuse", "arrest", "book", "cite", "file"}


def _charge_list(a: _Item, pa: set[str], pb: set[str]) -> bool:
    return _stem(a.head or "") in CHARGE_HEADS and bool(pa & CHARGING_VERBS) and bool(pb & CHARGING_VERBS)


SIM_LOCAL = 0.30  # overlap of the words around the two values, subject words left out


def _same_measure(a: _Item, b: _Item, bridged: bool = False, lexical: bool = True) -> bool:
    """The much stronger evidence a difference of value needs than an agreement does.

    Two different numbers are only a dispute when they are said of the same thing in the same frame:
    (a) same measured noun with the same distinguishing modifiers, and the same (or a synonymous)
    predicate; (b) no conflicting time anchor; (c) evidence of one event: the clauses around the values
    share their words beyond the subject (``lexical``: the sentences and the words next to the values
    overlap too), or a bridging claim agrees with both, or a specific subject (a modified noun of one
    named owner, "Leno's new salary"), or the event frames match (see :func:`_same_event`); (d) a vague
    noun ("people", "percent") also needs the predicate's other nouns to match. An age is said of a
    person, so one named person (:func:`_same_person`) replaces (a), (c) and (d). When in doubt, no dispute.
    """
    fa, fb = _frame(a), _frame(b)
    if a.kind == "age":
        # An age changes at most once a year: only another year (or "last year") says another time;
        # "shot in November" / "a meeting in December" are other clauses' months, the boy's age is one.
        years = [frozenset(t for t in f.anchors if t.startswith(("y:", "r:"))) for f in (fa, fb)]
        return not (years[0] and years[1] and years[0] != years[1]) and _same_person(a, b) \
            and not _aged_between_reports(a, b)
    if not _same_head(a, b):
        return False  # (a) same noun (or its acronym), not merely a shared subject word
    if _anchors_conflict(*_comparable_anchors(a, b, fa, fb)) \
            or (not _one_actors_clock_time(a, fa, fb) and _peers_conflict(a, b)):
        return False  # (b) another year, day, month or time window, or other figures that disagree
    if _places_differ(a, b):
        return False  # (b) another place: "in the province" vs "nationwide", "in Homs" vs "across Syria"
    if a.dim == "length" and _reference_place(a) != _reference_place(b):
        return False  # (b) "13 miles east of Cloverdale" / "23 miles north of Santa Rosa": from two places
    acronym = _head_class(a.head) != _head_class(b.head)  # the heads are one only as an acronym and its words
    if (_subject_free(a, fa) != _subject_free(b, fb)) if acronym else fa.modifiers != fb.modifiers:
        return False  # (a) "black residents" vs "residents", "current salary" vs "new salary"
    if _one_things_size(a, b, fa, fb):
        return True  # "the 48-page indictment" / "the 47-page indictment": its size, whatever the verb
    pa, pb = _predicates(a, fa), _predicates(b, fb)
    if not pa or not pb or not (_synonymous(pa, pb) or _charge_list(a, pa, pb)):
        return False  # (a) "killed" vs "injured", "needed to trigger" vs "planned to vote"
    if _stem(a.head) in GENERIC_HEADS and not fa.modifiers and not _shared_argument(fa.arguments, fb.arguments):
        return False  # (d) "two people" and "three people" need more than the verb ("running time" has it)
    if not _nested(fa.participants, fb.participants):
        return False  # other named actors: "the 1961 Texans rushed for 398 yards" / "the Chiefs had 352"
    if _stem(a.head or "") in {_stem(p) for p in fa.predicates} and not _nested(fa.arguments, fb.arguments):
        return False  # a verb measured ("outweigh by 20-fold"): of other actors ("humans and livestock" / "cattle")
    if a.kind == "share" and bool(fa.arguments) != bool(fb.arguments):
        return False  # a share of one whole held by an unnamed holder ("They make up 80 %") / a named one
    if bridged or _same_event(a, b, fa, fb, pa, pb) or _same_index_move(a, b):
        return True
    specific = bool(fa.modifiers) and _stem(a.head) not in GENERIC_HEADS and bool(a.names & b.names)
    if bool(fa.participants) != bool(fb.participants):
        return False  # one side names who acted and the other does not, or other names: maybe two bidders
    return lexical and (specific or _overlap(fa.clause, fb.clause) >= SIM_LOCAL or _agreeing_peer(a, b))  # (c)


def _shared_argument(x: frozenset[str], y: frozenset[str]) -> bool:
    """A noun of the predicate in common, or two words outlets use for one attack ("bombing attacks" /
    "Two explosions" killed)."""
    return bool(x & y) or any(x & cls and y & cls for cls in ARGUMENT_CLASSES)


def _event_noun(noun: str) -> bool:
    return _head_class(noun) in EVENT_CLASS_KEYS


def _one_things_size(a: _Item, b: _Item, fa: Frame, fb: Frame) -> bool:
    """Both values size one thing: the same measure compound ("47-page", "35-word") on the same noun, said
    definitely at least once ("the 47-page indictment"; "a 3-bedroom house" / "a 5-bedroom house" may be
    two houses) or naming the story's kind of event ("a 30-car pileup" / "a 25-vehicle pileup"), with the
    same distinguishing words ("the 48-page indictment" / "the 47-page indictment says", not a
    "summary" / "report"), in sentences that name someone in common and, where both name who made, gave or
    sent it, one set inside the other ("the letter Barr wrote" / "Mueller wrote a letter to Barr" are two
    letters). A thing's size does not change with what is done to it, so the verbs around it
    ("released", "says", "named", "took") need not match as an event's must."""
    return fa.measured_object is not None and fa.measured_object == fb.measured_object \
        and (fa.object_definite or fb.object_definite or _event_noun(fa.measured_object.split()[0])) \
        and bool(a.names & b.names) and _nested(fa.object_actors, fb.object_actors)


def _agreeing_peer(a: _Item, b: _Item) -> bool:
    """Both sentences state one more figure of one measured noun, with the same value ("Eight people including
    three children were injured" / "Eight people, including two children, were injured"): one event told
    twice. A one or a two ("two men", "one of") is too common to tell an event."""
    for pa in a.peers:
        for pb in b.peers:
            if pa.dim == pb.dim and pa.kind == pb.kind and _same_head(pa, pb) \
                    and _point(pa.base_value) == _point(pb.base_value) and abs(_point(pa.base_value)) > 2:
                return True
    return False


# A one- or two-year gap is how reports of one person's age differ (a birthday, an old source); a larger
# one more likely means two people of one name (a father and his son).
AGE_GAP = 5.0
YEAR_DAYS = 365.25


def _same_person(a: _Item, b: _Item) -> bool:
    """Two ages said of one named person ("Love, 32" / "Mr Love, 33", "Tamir" / "Tamir Rice"), not of "a
    boy" and "a boy", nor of "Roberts" and her sister "Lisa Roberts Gillan"."""
    if not _same_name(a.claim.subject or "", b.claim.subject or ""):
        return False
    named = all((x.claim.subject or "")[:1].isupper() and _stem(x.head or "") not in PERSON_NOUNS for x in (a, b))
    return named and _gap(a.claim.value, b.claim.value) <= AGE_GAP


def _aged_between_reports(a: _Item, b: _Item) -> bool:
    """Could the person have aged by the difference between the two reports ("27" in the shooting's reports,
    "29" in the trial's two years later; "26" at a January plea, "27" at a September verdict: ECB+ judged)?
    A gap of N years is explained by reports at least N - 1 years and two months apart (a birthday may fall
    between). When a report's day is unknown, the story's span of known publication days stands in for the
    distance (it may be from either end). Without any dates, a gap of more than two years is rather two
    times ("92" in an interview, "95" at his death) than two outlets' error about one."""
    gap = _gap(a.claim.value, b.claim.value)
    if a.published is not None and b.published is not None:
        days_apart = abs((a.published - b.published).days)
    elif a.story_span:
        days_apart = a.story_span
    else:
        return gap > AGE_ERROR
    return days_apart >= (gap - 1.0) * YEAR_DAYS + BIRTHDAY_DAYS


AGE_ERROR = 2.0  # the largest age difference, in years, read as two outlets' error when no report has a date
BIRTHDAY_DAYS = 60  # reports this far apart may straddle a birthday


def _same_name(x: str, y: str) -> bool:
    """One name is the start or the end of the other, titles aside ("Tamir" / "Tamir Rice", "Mr Love" /
    "Love"), or the same first and last name around middle names ("Kevin Johnson" / "Kevin Deon Johnson");
    a middle word is not enough ("Roberts" / "Lisa Roberts Gillan")."""
    words = [[w for w in re.findall(r"[a-z][a-z-]*", re.sub(r"['\u2019]s\b", "", s.lower())) if w not in HONORIFICS]
             for s in (x, y)]
    short, long = sorted(words, key=len)
    if len(short) == 2 and len(long) > 2 and long[0] == short[0] and long[-1] == short[-1]:
        return True  # "Kevin Johnson" / "Kevin Deon Johnson": a middle name left out
    return bool(short) and (long[: len(short)] == short or long[-len(short):] == short)


def _gap(x: dict, y: dict) -> float:
    """Distance between two intervals (0 when they touch); a missing bound is open, never 0: "under 50"
    is 0 away from ">50", not 50."""
    x_low, x_high = _bound(x.get("low"), -math.inf), _bound(x.get("high"), math.inf)
    y_low, y_high = _bound(y.get("low"), -math.inf), _bound(y.get("high"), math.inf)
    return max(0.0, y_low - x_high, x_low - y_high)


def _same_event(a: _Item, b: _Item, fa: Frame, fb: Frame, pa: set[str], pb: set[str]) -> bool:
    """Frame evidence of one event when the surrounding words differ (paraphrase, other clause):

    - one set of named participants, one inside the other ("the company Cohen created" / "a company
      formed by Cohen"), with synonymous predicates (checked before);
    - or, for a count or amount, a synonymous event verb (not only carriers such as "be" or "take") and
      one shared argument noun or event-noun class ("crashes involving 100 cars" / "50 cars were
      involved in those pileups"; "injured and transported to hospitals" / "taken to hospitals").
    """
    scope_a, scope_b = _time_scope(fa.anchors), _time_scope(fb.anchors)
    if scope_a and scope_b and scope_a != scope_b:
        return False  # "on Saturday" vs "early November": frame evidence is only good within one time
    if fa.participants & fb.participants and _nested(fa.participants, fb.participants):
        return True
    same_verb = _synonymous(pa, pb) and bool((pa | pb) - CARRIER_VERBS)  # "taken" / "transported" to hospital
    counted_noun = a.head not in pa and b.head not in pb  # "two-fingered" parsed as a verb counts nothing
    one_event = {_head_class(x) for x in fa.arguments} & {_head_class(x) for x in fb.arguments}
    dated_a = {t for t in scope_a if not t.startswith("r:")}
    dated_b = {t for t in scope_b if not t.startswith("r:")}
    # Many events of a story share a verb and have dates; a date or time needs the named participants.
    # The weaker verb-and-argument evidence also needs one calendar scope ("had captured eight pirates
    # early in November" is an earlier capture than the story's "captured 23 pirates").
    return a.kind in ("count", "amount", "money") and same_verb and counted_noun \
        and (bool(one_event) or _shared_argument(fa.arguments, fb.arguments)) \
        and not (fa.participants and fb.participants) and dated_a == dated_b


def _frame(item: _Item) -> Frame:
    if item.frame is None:
        claim = item.claim
        sentence = claim.sentence.text if claim.sentence else claim.text
        doc = _parse(sentence)
        frame = _other_figures(claim_frame(doc, claim, item.kind), claim, item)
        item.frame = replace(frame, participants=frame.participants | _understood_subject(doc, claim))
    return item.frame


CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# "a 9-year-old boy", "nine years old": an age, no time window ("over nine years") of the sentence's events.
AGE_PHRASE = re.compile(r"\b[\w.,-]+[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b", re.I)
# Numbers that name rather than measure: "the U-2", "IE6", "F-16", "COVID-19", "Area 51", "Route 66", "Flight
# 370", "No. 1", "one of the greatest".
NAMING_NUMBER = re.compile(r"\b[A-Z][A-Za-z]*-?\d+\b|\b(?:Area|Route|Highway|Interstate|Flight|Apollo|Boeing|Airbus|"
                           r"Windows|Chapter|Section|Article|Amendment|Room|Gate|Terminal|Platform|Channel|Block|"
                           r"Building|Pier|Station|Precinct|Ward|Lot|Camp|Unit|Tower|Level|Studio|Model|Series|No\.) ?"
                           r"\d+\b|\bone of\b")


def _other_figures(frame: Frame, claim: Claim, item: _Item) -> Frame:
    """The sentence's other figures ("n:..."), without its clock readings ("between 1:08 p.m. and 1:10 p.m."
    says when), the claim's twins (its own conversion and coordinated sibling, see :func:`_find_twins`: "240
    km (150 miles)" carries no other figure), its age phrases and the numbers that name ("Area 51", "the
    U-2", "one of the greatest"). Notes whether a figure is left that no other claim of the sentence
    accounts for (then the figures are compared as written, else as claims of one measure: see
    :func:`_comparable_anchors`). An age ("a 9-year-old boy", "Demoski, 26,") is no time window or other
    instance of the sentence either."""
    if claim.sentence is None:
        return frame
    s0 = claim.sentence.start
    ages = [(p.claim.start - s0, p.claim.end - s0) for p in item.peers if p.kind == "age"]  # "Demoski, 26,"
    text = _blank(claim.sentence.text, [(claim.start - s0, claim.end - s0), *item.twins, *ages], (CLOCK, AGE_PHRASE))
    found = time_anchors(_blank(text, [], (NAMING_NUMBER,)))
    unclaimed = time_anchors(_blank(text, [(p.claim.start - s0, p.claim.end - s0) for p in item.peers], (NAMING_NUMBER,)))
    item.unclaimed_figures = any(t.startswith("n:") for t in unclaimed)
    return replace(frame, anchors=frozenset({t for t in frame.anchors if not t.startswith(("n:", "w:"))}
                                            | {t for t in found if t.startswith(("n:", "w:"))}))


OTHER_FIGURES = "n:*"  # the sentence has other figures, all of them claims (compared by :func:`_peers_conflict`)


def _blank(text: str, spans: list[tuple[int, int]], patterns: tuple[re.Pattern, ...]) -> str:
    """``text`` with the spans and the matches of the patterns blanked out (offsets kept)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    for pattern in patterns:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _peers_conflict(a: _Item, b: _Item) -> bool:
    """Do the two sentences state other figures of one dimension and kind that disagree ("after 3 false
    tweets" / "after 5 false tweets", "30 men in 12 towns" / "100 men in 40 towns")? Then the sentences likely
    tell two instances apart. Figures that are no claim ("Area 51", "the U-2", "one of the greatest") or of a
    measure the other sentence does not state ("nine years old" beside one date, "under 12" beside the other,
    agree anyway) tell nothing apart."""
    for x, y in ((a, b), (b, a)):
        for px in x.peers:
            same = [py for py in y.peers if py.dim == px.dim and py.kind == px.kind and not _matched_elsewhere(py, px, x)]
            if same and not any(compatible(px.base_value, py.base_value, tolerance=_slack(px)) for py in same):
                return True
    return False


def _matched_elsewhere(py: _Item, px: _Item, x: _Item) -> bool:
    """Is the other sentence's figure ``py`` the counterpart of another figure of this sentence, of its noun and
    value ("Eight people" in both)? Then it is accounted for and tells nothing against ``px`` ("three houses"):
    the figures of two sentences are matched one to one before they are compared."""
    return any(other is not px and (_same_head(other, py) or _one_event_word(other.head, py.head))
               and compatible(other.base_value, py.base_value, tolerance=_slack(other)) for other in x.peers)


def _one_event_word(x: str | None, y: str | None) -> bool:
    """"two bombing attacks" / "Two explosions": one count of one event however each outlet names it."""
    return x is not None and y is not None and any({_stem(x), _stem(y)} <= cls for cls in ARGUMENT_CLASSES)


def _understood_subject(doc, claim: Claim) -> frozenset[str]:
    """The names of who a sentence-opening participle is said of ("Founded in 1990, SkyMall's catalog
    featured …": SkyMall was founded): the main clause's subject, or the names that own or qualify it.
    Only a participle that opens the sentence, without a subject of its own, is read so."""
    if claim.sentence is None:
        return frozenset()
    span = doc.char_span(claim.start - claim.sentence.start, claim.end - claim.sentence.start, alignment_mode="expand")
    if span is None or not len(span):
        return frozenset()
    verb = span.root
    for _ in range(4):  # "in 1990" → "Founded"
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    opening = next((t for t in doc if not (t.is_punct or t.is_space)), None)
    if opening is None or verb.i != opening.i or verb.tag_ not in ("VBN", "VBG") \
            or verb.dep_ not in ("advcl", "xcomp") or any(c.dep_.startswith("nsubj") for c in verb.children):
        return frozenset()
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return frozenset()
    owners = [subject] if subject.pos_ == "PROPN" else \
        [c for c in subject.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    return frozenset(t.lemma_.lower() for o in owners for t in [o, *o.children]
                     if t.pos_ == "PROPN" and (t.i == o.i or t.dep_ in ("compound", "flat")))


@lru_cache(maxsize=8192)
def _parse(sentence: str):
    from newsprism.analyse.nlp import load_nlp

    return load_nlp()(sentence)


def _predicates(item: _Item, frame: Frame) -> set[str]:
    """An event noun ("talks", "summit") is its own predicate: "lasted" and "emerged from" measure it."""
    if item.kind != "date" and item.head is not None and any(_stem(item.head) in cls or item.head in cls
                                                             for cls in EVENT_CLASSES):
        return {"event:" + _head_class(item.head)}
    return set(frame.predicates)


def _synonymous(x: set[str], y: set[str]) -> bool:
    if x & y:
        return True
    return any(x & cls and y & cls for cls in PREDICATE_CLASSES)


def _nested(x: frozenset[str], y: frozenset[str]) -> bool:
    """One set of named participants inside the other ("Hurricane George" / "Hurricane Katrina" is not)."""
    return x <= y or y <= x


def _time_scope(anchors: frozenset[str]) -> frozenset[str]:
    """The years, weekdays, months and relative times a sentence names."""
    return frozenset(t for t in anchors if t.startswith(("y:", "d:", "m:", "r:")))


def _comparable_anchors(a: _Item, b: _Item, fa: Frame, fb: Frame) -> tuple[frozenset[str], frozenset[str]]:
    """The anchors that can tell two instances apart. When a clock time is said of one named actor's event in
    both sentences ("Blackwell was shot at 6:34 p.m." / "shot … Blackwell four times around 6:15 p.m."), the
    sentences' other figures (his age, the shots, a 911 call) are other facts, no other instance. (Not for
    dates: a story dates many events of one actor, "formed in October 2016" / "engaged in early 2017".)"""
    if _one_actors_clock_time(a, fa, fb):
        return tuple(frozenset(t for t in f.anchors if not t.startswith("n:")) for f in (fa, fb))
    if not (a.unclaimed_figures or b.unclaimed_figures):  # every figure is a claim: compared by measure instead
        return tuple(frozenset(t for t in f.anchors if not t.startswith("n:"))
                     | ({OTHER_FIGURES} if any(t.startswith("n:") for t in f.anchors) else set()) for f in (fa, fb))
    return fa.anchors, fb.anchors


def _one_actors_clock_time(a: _Item, fa: Frame, fb: Frame) -> bool:
    return a.kind == "time of day" and bool(fa.participants & fb.participants) \
        and _nested(fa.participants, fb.participants) and bool((fa.predicates & fb.predicates) - CARRIER_VERBS)


def _anchors_conflict(x: frozenset[str], y: frozenset[str]) -> bool:
    """Both sentences name a year / weekday / month / relative time (or carry other figures) and they
    differ, or their time windows ("over three days", "a day") differ: likely two periods or instances."""
    calendar_x = {t for t in x if t.startswith(("y:", "d:", "m:"))}
    calendar_y = {t for t in y if t.startswith(("y:", "d:", "m:"))}
    if calendar_x and calendar_y and not calendar_x & calendar_y:
        return True  # "on Sunday" / "on Dec. 30", "on Thursday" / "In June 2012": no time in common
    for prefix in ("y:", "d:", "m:", "r:", "n:"):
        ax = {t for t in x if t.startswith(prefix)}
        ay = {t for t in y if t.startswith(prefix)}
        if ax and ay and ax != ay:
            return True
    wx = {t for t in x if t.startswith(("w:", "rate:"))}
    wy = {t for t in y if t.startswith(("w:", "rate:"))}
    return bool(x and y) and wx != wy  # "on Sunday" vs "over three days": two scopes


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0  # nothing said of the value beyond its noun and verb: no evidence of one event
    return len(x & y) / min(len(x), len(y))


def _lenient(value: dict) -> dict:
    out = dict(value)
    if out.get("low_open") and "point" not in out:
        out["high"] = math.inf
    return out


def _may_dispute(a: _Item, b: _Item) -> bool:
    """Rules that keep a difference of value from ever being a dispute."""
    if a.group == b.group:
        return False  # one source stating two values is two facts, not a dispute with itself
    if "other" in (a.claim.qualifier, b.claim.qualifier):
        return False  # "three other bidders" is a part, not the total
    if a.kind == "rank":
        return False  # "first meeting" / "second meeting" name two meetings
    if a.kind == "ago" and _gap(a.base_value, b.base_value) <= PUBLICATION_SPREAD:
        return False  # "three days ago" / "five days ago": counted from two reports' unknown publication days
    if a.kind != "date" and (_open_ended(a.base_value) or _open_ended(b.base_value)) \
            and not (_opposite_bounds(a.base_value, b.base_value) or _figure_past_a_bound(a.base_value, b.base_value)):
        return False  # "at least 5" / "at least 7": a bound is too weak to contradict another bound
    # A date bound ("before the 2016 election") does contradict a date past it ("in early 2017").
    return True


# How far apart the publication days of one story's reports may be: a point before now ("N days ago") read
# without a publication date moves with it, so only a larger difference is one of fact. In hours, the base
# unit of durations.
PUBLICATION_SPREAD = 365.25 * 24.0


def _open_ended(value: dict) -> bool:
    return is_open_ended(value)


def _figure_past_a_bound(x: dict, y: dict) -> bool:
    """A stated figure on the wrong side of the other side's open bound: "37 people" / "at least 40 people dead",
    "Nine people" / "At least 12 people". The bound is the outlet's own floor (or ceiling), so the figure
    contradicts it, tally or not; two open bounds never do. ("more than X" is a closed band above X and was always
    compared so.)"""
    for bound, figure in ((x, y), (y, x)):
        if not _open_ended(bound) or _open_ended(figure):
            continue
        low, high = bound.get("low"), bound.get("high")
        if high is None or math.isinf(high):
            if low is not None and figure["high"] < low:
                return True
        elif low is None or math.isinf(low):
            if figure["low"] > high:
                return True
    return False


def _opposite_bounds(x: dict, y: dict) -> bool:
    """An open lower bound and an upper bound that cannot meet ("at least 12" / "fewer than 10", "at least
    10" / "fewer than 10"): open-ended values that still exclude each other. Bounds that touch at a value both
    include ("at least 12" / "at most 12") do meet."""
    for lower, upper in ((x, y), (y, x)):
        only_low = lower.get("low") is not None and _bound(lower.get("high"), math.inf) == math.inf
        only_high = upper.get("high") is not None and _bound(upper.get("low"), -math.inf) <= 0  # "fewer than 10"
        if not (only_low and only_high):
            continue
        touching_open = upper["high"] == lower["low"] and (upper.get("high_open") or lower.get("low_open"))
        if upper["high"] < lower["low"] or touching_open:
            return True
    return False


# --------------------------------------------------------------------------- status and wording


def _fact(fact_id: str, members: list[_Item], agree: set, dispute: set) -> Fact:
    ids = {m.idx for m in members}
    by_idx = {m.idx: m for m in members}
    groups = sorted({m.group for m in members})
    disputes = [(i, j) for i, j in dispute if i in ids and j in ids]
    agreements = [(i, j) for i, j in agree if i in ids and j in ids and by_idx[i].group != by_idx[j].group]
    claims = [m.claim for m in sorted(members, key=lambda m: m.idx)]
    topic = _topic(members)
    if disputes:
        i, j = sorted(disputes)[0]
        a, b = by_idx[i].claim, by_idx[j].claim
        status = "disputed"
        explanation = (f"independent sources disagree: \u201c{a.text}\u201d ({_describe(a)}) vs "
                       f"\u201c{b.text}\u201d ({_describe(b)}) do not overlap")
    elif agreements and len(groups) >= 2:
        status = "corroborated"
        explanation = (f"{len(groups)} independent source groups give compatible values: "
                       + "; ".join(f"\u201c{c.text}\u201d" for c in _one_per_group(members)))
    else:
        status = "single_source"
        explanation = f"only one source group ({groups[0]}) states it"
    return Fact(id=fact_id, topic=topic, status=status, claims=claims, source_groups=groups, explanation=explanation)


def _one_per_group(members: list[_Item]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for m in sorted(members, key=lambda m: m.idx):
        seen.setdefault(m.group, m.claim)
    return list(seen.values())


KIND_WORDS = {"count": "number of", "duration": "duration of", "share": "share of", "money": "amount",
              "amount": "amount", "age": "age of", "date": "date of", "time of day": "time of",
              "rank": "rank of", "times": "number of times", "ago": "how long ago"}


def _topic(members: list[_Item]) -> str:
    first = min(members, key=lambda m: m.idx).claim
    subjects = [m.claim.subject for m in members if m.claim.subject]
    subject = max(dict.fromkeys(subjects), key=subjects.count) if subjects else None  # a tie: the earliest
    kind = min(members, key=lambda m: m.idx).kind
    lead = KIND_WORDS.get(kind, kind)
    if subject:
        return f"{lead} {subject}" if not lead.endswith("amount") else f"{lead}: {subject}"
    return f"{lead} ({first.text})"


def _describe(claim: Claim) -> str:
    v = claim.value
    unit = claim.unit
    if unit in ("date", "month-day", "clock", "clock-utc", "ordinal"):
        return claim.qualifier or "exact"
    low, high = v.get("low"), v.get("high")
    if "point" in v:
        return f"{_num(v['point'])} {unit}"
    if low is None:
        return f"at most {_num(high)} {unit}"
    if high is None:
        return f"at least {_num(low)} {unit}"
    lo = "(" if v.get("low_open") else "["
    hi = ")" if v.get("high_open") else "]"
    return f"{lo}{_num(low)}, {_num(high)}{hi} {unit}"


def _num(x) -> str:
    if x is None:
        return "∞"
    if isinstance(x, float) and math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:,.4g}" if abs(x) < 1e6 else f"{x:,.0f}"
