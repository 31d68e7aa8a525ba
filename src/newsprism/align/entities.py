"""Entities across articles: each article's people, organisations and places merged into one cast.

Rules (a wrong merge is worse than a missed one, so every rule is conservative):

* Only compatible types merge: PERSON with PERSON; GPE / LOC / FAC together (places); ORG with
  ORG; any other type with itself. A multi-word name that one article typed as something else
  joins a PERSON with exactly the same first name and surname (a tagger slip, "Volodymyr Zelensky"
  as ORG).
* Spelling and transliteration variants match through :mod:`newsprism.align.names` keys
  (Zelensky / Zelenskyy, Sergey / Sergei, Kyiv / Kiev); place names also through
  :func:`~newsprism.align.names.place_key` (Luhansk / Lugansk / Lukhansk, Donetsk / Donezk).
* People: names with the same given name(s), surname and generational suffix are one person
  ("Donald Trump" / "President Donald Trump"). A less specific form (surname only: "Trump",
  "Mr. Trump"; an initial: "D. Trump"; no middle name) joins the one more specific person it fits;
  when several fit ("Trump" in a story about Donald and Melania Trump) it joins only if exactly
  one of them shares a role or title word with it ("President Trump"), or if one of them is in at
  least 3 articles and 3 times as many as every other; else it stays apart. A suffix never matches its absence
  (Donald Trump ≠ Donald Trump Jr.); two different given names never match.
* A bare role ("the president") is not a name: it is never merged.
* A one-letter slip inside a long first name ("Volodmyr" / "Volodymyr Zelenskyy") merges when
  surname, suffix and middle names agree and both first names share first and last letter
  (so "Ivan" / "Ivana" stay apart); likewise a one-letter slip in a surname under the same full
  given names ("Duncan Rait" / "Duncan Raite"), never a feminine "-a" ("Petrov" / "Petrova").
* Other names: same token keys after dropping determiners, possessives, a possessor ("Indonesia's
  Aceh" = "Aceh") and dots ("the U.S." = "US"), compared with spaces and hyphens out ("SeaMicro" =
  "Sea Micro"); an organisation's legal form does not count ("Intel Corp." = "Intel"). A shorter
  form joins the one longer name of its class it can only mean: an acronym ("UN", "HP" =
  "Hewlett-Packard"), and for organisations the leading word ("ATI" = "ATI Technologies") or the
  trailing words ("Geological Survey" = "U.S. Geological Survey"); never a generic body's name
  ("Senate", "House", "Supreme Court"), which every state and city has ("Texas Senate", "White House",
  "Senate Judiciary Committee" are other bodies) except the one national body named so ("Senate" =
  "U.S. Senate").
* A one-word organisation or product joins the one longer name of its class that it ends
  ("Chargers" = "San Diego Chargers"); never a place, never when two names end with it.
* Descriptions ("the actress") merge only as :func:`_merge_descriptions` says: an unnamed entity
  joins the one named entity the story links its description to; two named entities never merge
  through a description. Descriptions the quote step resolved ("the Russian leader" said → Putin)
  count as links and appear among the entity's roles.
* Identical names typed in different classes ("Kyiv" PERSON in three articles, GPE in one; "Fox"
  ORG / PERSON) are one entity (:func:`_merge_across_types`); a PERSON member takes part only as a
  bare one-word name that joined no fuller person, has no role, and is no word of any person's name
  in the story ("Michael Jordan" keeps "Jordan" apart from the country); only among people,
  organisations and places (a nationality, a product, a work keep their own entity); never a
  sports team named after its city (the article step describes it as a "team") with the city; an
  organisation takes part under its fullest name (the city of Sanford never joins the "Sanford Fire
  Department" that one article shortened to "Sanford").
* A time expression that names one weekday or a part of it ("Friday night", "early Friday",
  "on Friday") is that day (:func:`day_key`); "Wednesday night" and "Friday night" are two nights,
  and "last night" joins no named day.
* A pronoun ("he", "it") with no link in its article is never merged. The merged entity's type is
  the one most members give (:func:`_vote_type`), where for a one-word name the offline gazetteer
  knows, PERSON members vote for a place, and ORG members too once one member is typed a place.

Canonical ``name``: the fullest form (most name words), then the most frequent, then the first
seen. ``aliases``: every other surface form. Ids ``ent-1``… by number of articles, then mentions,
then first appearance. Work is grouped by key (dicts), so it is linear in the number of local
entities apart from the small candidate lists of one surname.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from newsprism.analyse.gazetteer import BARE_PLACE_MIN_POPULATION, known_place, place_population
from newsprism.analyse.entities import PLACE_TYPES
from newsprism.align.names import (
    DETERMINERS,
    PersonName,
    acronym_forms,
    fold,
    is_initial,
    is_pronoun_or_empty,
    joined,
    keys_match,
    name_key,
    parse_person,
    romanised_key,
    place_key,
    translit_key,
    without_legal_form,
    words,
)
from newsprism.align.unionfind import UnionFind
from newsprism.model import Article, ArticleAnalysis, Entity, LocalEntity

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "messrs"})
# Classes where a one-word name may be the last word of the one longer name it shortens
# ("Chargers" = "San Diego Chargers", "Camry" = "Toyota Camry"); never places ("Aden" is not
# "the Gulf of Aden") and never people (surnames have their own rules).
TAIL_CLASSES = frozenset({"ORG", "PRODUCT", "THING", "WORK_OF_ART", "EVENT"})
# Classes whose identical names are one entity whatever class each article gave them.
CROSS_TYPE_CLASSES = frozenset({"PERSON", "ORG", "PLACE"})
# Words of a generic body's name: every country, state and city has a "Senate", a "Supreme Court", a
# "Police": such a name alone is not a short form of a longer one that adds a place or a part.
GENERIC_BODY_WORDS = frozenset(translit_key(w) for w in (
    """house senate congress parliament assembly legislature court supreme circuit district appeals
    council committee cabinet government administration police army navy capitol ministry department
    agency commission party state federal national""".split()
))  # as name_key spells them ("committee" → "comite")
# A nation's own words before a generic body's name ("U.S. Senate", "UK Parliament"): the body a
# bare "Senate" stands for in national news.
NATION_WORDS = frozenset(translit_key(w) for w in "us usa uk united states kingdom america".split())
TEAM = "team"  # the description analyse.entities gives a place name that plays as a sports team
ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "and", "s", "former", "then", "acting"})


TIME_CLASSES = frozenset({"TIME", "DATE"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words that leave a time expression on the day it names ("early Friday", "on Friday night").
DAY_PART_WORDS = frozenset("early late on the this last morning afternoon evening night overnight".split())


def day_key(text: str) -> str | None:
    """The weekday a time expression names when it names only that day or a part of it ("Friday
    night", "early Sunday" → "friday", "sunday"); None for anything else ("last night", "about 11am
    on Friday", "Friday and Saturday")."""
    ws = words(text)
    days = [w for w in ws if w in WEEKDAYS]
    if len(days) == 1 and all(w in WEEKDAYS or w in DAY_PART_WORDS for w in ws):
        return days[0]
    return None


def type_class(entity_type: str) -> str:
    if entity_type in PLACE_TYPES:
        return "PLACE"
    return entity_type


@dataclass
class _Record:
    """One LocalEntity with what merging needs."""

    order: int  # global first-appearance order
    article: str
    local: LocalEntity
    cls: str
    person: PersonName | None = None
    key: tuple[str, ...] = ()
    forms: list[str] = field(default_factory=list)


class _KeyCanon:
    """Maps each word key to a representative that :func:`keys_match` accepts (not transitive)."""

    def __init__(self) -> None:
        self.reps: dict[tuple[str, int], list[str]] = defaultdict(list)
        self.memo: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key in self.memo:
            return self.memo[key]
        rep = key
        # Blocking: only keys with the same first letter and a length within one are compared.
        for length in (len(key) - 1, len(key), len(key) + 1):
            for other in self.reps.get((key[:1], length), ()):
                if keys_match(key, other):
                    rep = other
                    break
            if rep != key:
                break
        if rep == key:
            self.reps[(key[:1], len(key))].append(key)
        self.memo[key] = rep
        return rep


def _role_words(roles: list[str]) -> set[str]:
    return {w for r in roles for w in words(r) if w not in ROLE_STOPWORDS}


def _records(articles: list[Article], analyses: list[ArticleAnalysis]) -> list[_Record]:
    position = {a.id: i for i, a in enumerate(articles)}
    ordered = sorted(analyses, key=lambda an: position.get(an.article, len(position)))
    records: list[_Record] = []
    for analysis in ordered:
        for local in analysis.entities:
            cls = type_class(local.type)
            rec = _Record(len(records), analysis.article, local, cls)
            rec.forms = [local.name, *local.aliases]
            if cls in TIME_CLASSES and (day := day_key(local.name)):
                rec.key = (day,)  # "Friday night", "early Friday": that Friday
            elif not local.named or is_pronoun_or_empty(local.name):
                pass  # "he", "the actress": not a name; merged only through descriptions (below)
            elif cls == "PERSON":
                rec.person = parse_person(local.name)
            else:
                rec.key = name_key(local.name)
                if len(rec.key) >= 2:
                    rec.person = parse_person(local.name)  # for the tagger-slip rule only
            records.append(rec)
    return records


def _canon_person(p: PersonName, canon: _KeyCanon) -> PersonName:
    return PersonName(tuple(canon(g) for g in p.given), canon(p.surname), p.suffix, p.titles)


def _more_specific_fits(general: PersonName, specific: PersonName) -> bool:
    """Could ``general`` ("Trump", "D. Trump", "Donald Trump") be a shorter form of ``specific``?"""
    if general.surname != specific.surname or general.suffix != specific.suffix:
        return False
    if not general.given:
        return bool(specific.given)
    if not specific.given:
        return False
    g_first, s_first = general.given[0], specific.given[0]
    if is_initial(g_first):
        if is_initial(s_first) or s_first[0] != g_first:
            return False
        return not general.middle or general.middle == specific.middle
    if g_first != s_first:
        return False
    return not general.middle and bool(specific.middle)


def _specificity(p: PersonName) -> tuple[int, int]:
    first_full = bool(p.given) and not is_initial(p.given[0])
    return (int(first_full) * 2 + int(bool(p.given)), len(p.middle))


def _merge_people(recs: list[_Record], uf: UnionFind, canon: _KeyCanon) -> None:
    people = [r for r in recs if r.cls == "PERSON" and r.person is not None]
    names = {r.order: _canon_person(r.person, canon) for r in people}
    # 1. The same full signature (a full first name) is one person.
    by_signature: dict[tuple, list[_Record]] = defaultdict(list)
    for r in people:
        p = names[r.order]
        by_signature[(p.surname, p.suffix, p.given)].append(r)
    for sig, group in by_signature.items():
        if _specificity(names[group[0].order])[0] == 3:
            for r in group[1:]:
                uf.union(group[0].order, r.order)
    # 1b. A one-letter slip in a first name ("Volodmyr" / "Volodymyr Zelenskyy"): same surname,
    # suffix and middle names, first names with the same first and last letter, and the whole
    # name within keys_match's strict distance. ("Ivan" / "Ivana", "Mario" / "Maria" differ at the end.)
    full_by_surname: dict[tuple, list[tuple]] = defaultdict(list)
    for sig, group in by_signature.items():
        if _specificity(names[group[0].order])[0] == 3:
            full_by_surname[(sig[0], sig[1], sig[2][1:])].append(sig)
    for sigs in full_by_surname.values():
        for i, a in enumerate(sigs):
            for b in sigs[i + 1 :]:
                fa, fb = a[2][0], b[2][0]
                if fa[0] == fb[0] and fa[-1] == fb[-1] and keys_match(fa + a[0], fb + b[0]):
                    uf.union(by_signature[a][0].order, by_signature[b][0].order)
    # 1c. A one-letter slip in a surname under the same full given names ("Duncan Rait" / "Duncan
    # Raite"): surnames of at least 4 letters with the same first letter, one edit apart, never a
    # gendered ending ("Petrov" / "Petrova").
    full_by_given: dict[tuple, list[tuple]] = defaultdict(list)
    for sig, group in by_signature.items():
        if _specificity(names[group[0].order])[0] == 3 and len(sig[0]) >= 4:
            full_by_given[(sig[2], sig[1])].append(sig)
    for sigs in full_by_given.values():
        for i, a in enumerate(sigs):
            for b in sigs[i + 1 :]:
                if _surname_slip(a[0], b[0]):
                    uf.union(by_signature[a][0].order, by_signature[b][0].order)
    # 1d. Romanisation variants of both names ("Muammar Gaddafi" / "Moammar Gadhafi"): the first
    # names and the surnames (of at least 5 letters) agree under romanised_key, each pair with the
    # same first letter, the same suffix and middle names. One name alone never joins this way.
    full_by_romanised: dict[tuple, list[tuple]] = defaultdict(list)
    for sig, group in by_signature.items():
        if _specificity(names[group[0].order])[0] == 3 and len(sig[0]) >= 5:
            full_by_romanised[(romanised_key(sig[0]), sig[1], tuple(romanised_key(g) for g in sig[2]))].append(sig)
    for sigs in full_by_romanised.values():
        for i, a in enumerate(sigs):
            for b in sigs[i + 1 :]:
                if a[0][0] == b[0][0] and all(x[0] == y[0] for x, y in zip(a[2], b[2])):
                    uf.union(by_signature[a][0].order, by_signature[b][0].order)
    # 2. Less specific forms join the single more specific person they fit (blocked by surname).
    # A surname-only or initial form decides article by article, with that article's roles.
    by_surname: dict[str, list[tuple]] = defaultdict(list)
    for sig in by_signature:
        by_surname[sig[0]].append(sig)
    roles_of = {r.order: _role_words(r.local.roles) | _title_words(r.person) for r in people}
    for sig in sorted(by_signature, key=lambda s: _specificity(names[by_signature[s][0].order]), reverse=True):
        group = by_signature[sig]
        general = names[group[0].order]
        fits = [s for s in by_surname[sig[0]] if s != sig and _more_specific_fits(general, names[by_signature[s][0].order])]
        candidates = sorted({uf.find(by_signature[s][0].order) for s in fits})
        deciders = [group] if _specificity(general)[0] == 3 else [[r] for r in group]
        left: list[_Record] = []
        # Candidates' roles and articles are taken once, so the decision does not depend on order.
        profile = _profiles(candidates, people, uf, roles_of) if len(candidates) > 1 else {}
        for members in deciders:
            roots = candidates
            if len(roots) > 1:
                roots = _break_tie(roots, members, profile, roles_of)
            if len(roots) == 1:
                for r in members:
                    uf.union(roots[0], r.order)
            else:
                left.extend(members)
        for r in left[1:]:  # unattached short forms of one surname stay together, apart from the rest
            if len(deciders) > 1:
                uf.union(left[0].order, r.order)
    # 3. A single word that is nobody's surname but exactly one person's first name ("Melania").
    surnames = {names[r.order].surname for r in people if names[r.order].given}
    firsts: dict[str, set[int]] = defaultdict(set)
    for r in people:
        p = names[r.order]
        if p.given and not is_initial(p.given[0]):
            firsts[p.given[0]].add(uf.find(r.order))
    for r in people:
        p = names[r.order]
        if not p.given and p.surname not in surnames and len(firsts.get(p.surname, ())) == 1:
            uf.union(next(iter(firsts[p.surname])), r.order)


def _surname_slip(a: str, b: str) -> bool:
    """Two spellings of one surname: same first letter, one edit apart, not a feminine form made by
    an added "a" ("Petrov" / "Petrova", "Novak" / "Novaka")."""
    if a[0] != b[0] or Levenshtein.distance(a, b) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return long_ != short + "a"


def _title_words(p: PersonName) -> set[str]:
    return {t.replace(".", "") for t in p.titles} - HONORIFICS - ROLE_STOPWORDS


def _profiles(roots: list[int], people: list[_Record], uf: UnionFind, roles_of) -> dict[int, tuple[set, set]]:
    """Role words and articles of each candidate person."""
    profile: dict[int, tuple[set, set]] = {root: (set(), set()) for root in roots}
    for r in people:
        root = uf.find(r.order)
        if root in profile:
            profile[root][0].update(roles_of[r.order])
            profile[root][1].add(r.article)
    return profile


def _break_tie(roots: list[int], members: list[_Record], profile, roles_of) -> list[int]:
    """Among several people a short form fits, the one sharing a role word with it, or the one
    the story is about by far (at least 3 articles and 3 times those of every other); else none."""
    mine = set().union(*(roles_of[r.order] for r in members))
    sharing = [root for root in roots if mine & profile[root][0]]
    if sharing:
        return sharing
    sizes = sorted((len(profile[root][1]), root) for root in roots)
    if sizes[-1][0] >= 3 and sizes[-1][0] >= 3 * sizes[-2][0]:
        return [sizes[-1][1]]
    return roots


def _merge_others(recs: list[_Record], uf: UnionFind, canon: _KeyCanon) -> None:
    others = [r for r in recs if r.cls != "PERSON" and r.key]
    # 1. Same name: equal keys once spaces and hyphens are out ("SeaMicro" = "Sea Micro");
    # an organisation's legal form does not count ("Intel Corp." = "Intel").
    keys: dict[int, tuple[str, ...]] = {}
    by_key: dict[tuple[str, str], list[_Record]] = defaultdict(list)
    for r in others:
        key = without_legal_form(r.key) if r.cls == "ORG" else r.key
        keys[r.order] = key
        spelled = tuple(place_key(k) for k in key) if r.cls == "PLACE" else key
        by_key[(r.cls, canon(joined(spelled)))].append(r)
    for group in by_key.values():
        for r in group[1:]:
            uf.union(group[0].order, r.order)
    # 2. A shorter form joins the one longer name of its class that it can only mean:
    #    an acronym ("UN", "H-P"); for organisations also the leading word ("ATI" → "ATI
    #    Technologies") or the trailing words ("Geological Survey" → "U.S. Geological Survey").
    long_keys: dict[str, set[tuple]] = defaultdict(set)
    first_of = {k: r for k, r in ((keys[r.order], r) for r in others) if len(k) >= 2 or "-" in k[0]}
    for key, r in first_of.items():
        for form in acronym_forms(key):
            long_keys[f"{r.cls}|acr|{form}"].add(key)
        if r.cls == "ORG":
            long_keys[f"ORG|lead|{key[0]}"].add(key)
            for i in range(1, len(key) - 1):
                long_keys[f"ORG|tail|{' '.join(key[i:])}"].add(key)
            for i in range(1, len(key)):
                if all(w in NATION_WORDS for w in key[:i]):
                    long_keys[f"ORG|nation|{' '.join(key[i:])}"].add(key)
        if r.cls in TAIL_CLASSES and len(key) >= 2:
            long_keys[f"{r.cls}|last|{key[-1]}"].add(key)
    seen: set[tuple[str, tuple]] = set()
    for r in others:
        key = keys[r.order]
        if (r.cls, key) in seen:
            continue
        seen.add((r.cls, key))
        lookups = []
        if len(key) == 1 and 2 <= len(joined(key)) <= 6:
            lookups.append(f"{r.cls}|acr|{joined(key)}")
        if r.cls == "ORG" and all(w in GENERIC_BODY_WORDS for w in key):
            # "Senate" is not the "Texas Senate", the "Senate Judiciary Committee" nor "White House";
            # it is the one national body the story names ("U.S. Senate").
            lookups.append(f"ORG|nation|{' '.join(key)}")
        elif r.cls == "ORG" and len(key) == 1:
            lookups.append(f"ORG|lead|{key[0]}")
        elif r.cls == "ORG" and len(key) >= 2:
            lookups.append(f"ORG|tail|{' '.join(key)}")
        if r.cls in TAIL_CLASSES and len(key) == 1 and not (r.cls == "ORG" and key[0] in GENERIC_BODY_WORDS):
            lookups.append(f"{r.cls}|last|{key[0]}")
        for lookup in lookups:
            roots = {uf.find(first_of[k].order) for k in long_keys.get(lookup, ()) if k != key}
            if "|nation|" in lookup:  # and no other body of that name: "Texas Senate" beside "U.S. Senate"
                ending = long_keys.get(f"ORG|tail|{' '.join(key)}", set()) | long_keys.get(f"ORG|last|{key[-1]}", set())
                others = {uf.find(first_of[k].order) for k in ending if k != key and k[-len(key):] == key}
                roots = roots if others <= roots else set()
            if len(roots) == 1:
                uf.union(next(iter(roots)), r.order)
                break


def _merge_type_slips(recs: list[_Record], uf: UnionFind, canon: _KeyCanon) -> None:
    """A multi-word non-PERSON name equal to one person's full name joins that person."""
    full: dict[tuple, set[int]] = defaultdict(set)
    for r in recs:
        if r.cls == "PERSON" and r.person and r.person.given and not is_initial(r.person.given[0]):
            p = _canon_person(r.person, canon)
            full[(p.given, p.surname, p.suffix)].add(uf.find(r.order))
    for r in recs:
        if r.cls != "PERSON" and r.person and r.person.given and r.person.titles == ():
            p = _canon_person(r.person, canon)
            roots = full.get((p.given, p.surname, p.suffix), set())
            if len(roots) == 1:
                uf.union(next(iter(roots)), r.order)


def _merge_across_types(recs: list[_Record], uf: UnionFind, canon: _KeyCanon) -> None:
    """Identical names typed in different classes ("Kyiv" PERSON in one article, GPE in another;
    "Fox" ORG / PERSON) are one entity; :func:`_vote_type` then picks its type.

    A PERSON member takes part only as a bare one-word name that joined no fuller person (a "Trump"
    merged into Donald Trump is Donald Trump), and only when no person in the story has that word
    among their names ("Michael Jordan" keeps every "Jordan" a person, apart from the country)."""
    clusters: dict[int, list[_Record]] = defaultdict(list)
    for r in recs:
        clusters[uf.find(r.order)].append(r)
    person_words: set[str] = set()
    for r in recs:
        if r.cls == "PERSON" and r.person is not None and r.person.given:
            p = _canon_person(r.person, canon)
            person_words.update((*p.given, p.surname))
    by_key: dict[str, list[int]] = defaultdict(list)
    for root, members in clusters.items():
        people = [r for r in members if r.cls == "PERSON"]
        if people:
            if len(people) != len(members) or any(r.person is None or r.person.given for r in people):
                continue
            word = canon(people[0].person.surname)
            if word in person_words or any(_role_words(r.local.roles) for r in people):
                continue
            key = word
        else:
            named = [r for r in members if r.key]
            if not named or any(r.cls not in CROSS_TYPE_CLASSES for r in members):
                # Only the classes the tagger confuses a name between: a company and its product
                # ("Toyota" ORG / PRODUCT), a nationality and its country are kept apart.
                continue
            if any(r.cls == "ORG" and TEAM in r.local.descriptions for r in members):
                continue  # "Chicago beat Boston 4-2": the team, not the city of another article
            # Keyed by its fullest name, so that a place never joins an organisation named after
            # it through that organisation's short form ("Sanford" of "Sanford Fire Department").
            fullest = max(named, key=lambda r: (len(r.key), -r.order))
            key = canon(joined(fullest.key))
        by_key[key].append(root)
    for roots in by_key.values():
        for root in roots[1:]:
            uf.union(roots[0], root)


def _quoted_descriptions(analyses: list[ArticleAnalysis]) -> dict[tuple[str, str], list[str]]:
    """Descriptions the quote step resolved to a named entity ("the Russian leader" said → Putin's
    key), per (article, entity key), as :func:`description_of` normalises them."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for analysis in analyses:
        for q in analysis.quotes:
            if not (q.speaker_entity and q.speaker_mention):
                continue
            desc = description_of(q.speaker_mention.text)
            if desc and desc not in found[(analysis.article, q.speaker_entity)]:
                found[(analysis.article, q.speaker_entity)].append(desc)
    return found


def description_of(text: str) -> str | None:
    """ "The Russian leader" → "Russian leader"; None for a name or a pronoun ("Putin", "he")."""
    if is_pronoun_or_empty(text) or parse_person(text) is not None:
        return None
    toks = text.split()
    while toks and fold(toks[0]) in DETERMINERS:
        toks.pop(0)
    return " ".join(toks) if toks and description_head(" ".join(toks)) else None


_HEAD_STOP = frozenset({"of", "for", "at", "in", "to", "on", "with", "from", "who", "which", "that"})


def description_head(text: str) -> str | None:
    """The head word of a description or role, as descriptions are compared: the last word before a
    preposition or clause ("Secretary of State" → "secretary", "Kremlin foreign policy aide" → "aide")."""
    toks = [w for w in words(text) if w not in DETERMINERS]
    for i, w in enumerate(toks):
        if w in _HEAD_STOP and i > 0:
            toks = toks[:i]
            break
    return toks[-1] if toks and not is_pronoun_or_empty(toks[-1]) else None


def _merge_descriptions(recs: list[_Record], uf: UnionFind, quoted: dict[tuple[str, str], list[str]]) -> None:
    """Unnamed entities ("the actress", "the rehab facility") across the story's articles.

    Descriptions are compared by their head word (:func:`description_head`), within a type class.

    * A named entity carries the descriptions its article links to it: an apposition ("Lohan, the
      actress"), a predicate ("X is the new Doctor"), a role ("coach Maurice Cheeks"), a quote's
      speaker ("the Russian leader said" → Putin).
    * A description that the story links to exactly one named entity makes every unnamed entity
      with that description join it.
    * A description that the story links to two or more named entities ("the president": Trump in
      one article, Putin in another) is ambiguous: an unnamed entity with it joins a named one only
      when its own article links the description to exactly one, or else when its own article names
      exactly one of them ("the president" in an article that names Putin but not Trump); the others
      join no named entity.
    * An unnamed mention that spells the last two or more words of exactly one name of its class
      ("the surgeon general" / "U.S. Surgeon General", "the geological survey" / "U.S. Geological
      Survey"), or capitalised, the whole of exactly one one-word name ("Chargers" that the tagger
      took for a common noun), is that entity.
    * Unnamed entities with the same description and no named entity to join are one entity (the
      ECB+ head-lemma rule, restricted to one story and one type class).
    * Never two named entities through a description: a union that would do so is refused.
    """
    descs = {
        r.order: list(dict.fromkeys(h for h in map(description_head, [
            *r.local.descriptions, *quoted.get((r.article, r.local.key), []), *(r.local.roles if r.local.named else [])
        ]) if h))
        for r in recs
    }
    named_roots: dict[tuple[str, str], set[int]] = defaultdict(set)
    in_article: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    unnamed: dict[tuple[str, str], list[_Record]] = defaultdict(list)
    for r in recs:
        if not r.local.named and r.key:
            continue  # a day ("Friday night") merged by its day, never by its head word ("night")
        for d in descs[r.order]:
            if r.local.named:
                named_roots[(r.cls, d)].add(uf.find(r.order))
                in_article[(r.article, r.cls, d)].add(uf.find(r.order))
            else:
                unnamed[(r.cls, d)].append(r)
    anchor: dict[int, int] = {uf.find(r.order): uf.find(r.order) for r in recs if r.local.named}

    def join(a: int, b: int) -> None:
        ra, rb = uf.find(a), uf.find(b)
        aa, ab = anchor.get(ra), anchor.get(rb)
        if ra == rb or aa is not None and ab is not None and aa != ab:
            return  # would merge two named entities through a description
        uf.union(ra, rb)
        if aa is not None or ab is not None:
            anchor[uf.find(ra)] = aa if aa is not None else ab

    named_here: dict[tuple[str, str], set[int]] = defaultdict(set)  # (article, class) → named roots
    for r in recs:
        if r.local.named and (r.key or r.person is not None):
            named_here[(r.article, r.cls)].add(uf.find(r.order))
    # An unnamed description spelling the last words of one name of its class ("the surgeon general"
    # / "U.S. Surgeon General"), or a one-word name itself as written ("Chargers'" tagged a common
    # noun), is that entity.
    tails: dict[tuple[str, tuple[str, ...]], set[int]] = defaultdict(set)
    for r in recs:
        if r.local.named and len(r.key) >= 2:
            for i in range(len(r.key) - 1):
                tails[(r.cls, r.key[i:])].add(uf.find(r.order))
        elif r.local.named and r.key:
            tails[(r.cls, r.key)].add(uf.find(r.order))
    for r in recs:
        if not r.local.named and not is_pronoun_or_empty(r.local.name):
            key = name_key(r.local.name)
            if len(key) == 1 and not _capitalised(r.local.name):
                continue  # "the navy" may be any navy; "Chargers'" is written as the name
            roots = tails.get((r.cls, key), set())
            if len(roots) == 1:
                join(next(iter(roots)), r.order)
    for (cls, d), group in unnamed.items():
        roots = named_roots.get((cls, d), set())
        if len(roots) == 1:
            for r in group:
                join(next(iter(roots)), r.order)
            continue
        free = []
        for r in group:
            local = in_article.get((r.article, cls, d), set())
            if len(roots) > 1 and not local:  # "the president" in an article that names only Putin
                local = roots & named_here.get((r.article, cls), set())
            if len(roots) > 1 and len(local) == 1:
                join(next(iter(local)), r.order)
            else:
                free.append(r)
        for r in free[1:]:
            join(free[0].order, r.order)


def _capitalised(text: str) -> bool:
    """Written as a name: every word past the determiners starts with a capital ("Chargers'")."""
    toks = [w for w in text.split() if fold(w) not in DETERMINERS]
    return bool(toks) and all(w[:1].isupper() for w in toks)


def _vote_type(members: list[_Record]) -> str:
    """The type most members give (a tagger slip in one article is outvoted); ties: first seen.

    The gazetteer votes too: for a one-word name it knows, every bare PERSON member counts as a
    place when the place is big (as in :func:`newsprism.analyse.entities._person_is_a_place`), and
    every ORG member once some member is typed a place ("Kyiv" PERSON ×3 + GPE
    ×1 is a GPE). The merge (:func:`_merge_across_types`) already kept out names with a person
    sign."""
    counts = Counter(r.local.type for r in members)
    first = {t: min(r.order for r in members if r.local.type == t) for t in counts}
    if len(counts) > 1:
        places = [t for t in counts if type_class(t) == "PLACE"]
        names = {r.local.name for r in members if len(r.local.name.split()) == 1}
        if any(known_place(n) for n in names):
            place = max(places, key=lambda t: (counts[t], -first[t])) if places else "GPE"
            big = any(place_population(n) >= BARE_PLACE_MIN_POPULATION for n in names)
            movable = (("PERSON",) if big else ()) + (("ORG",) if places else ())
            for t in movable:
                if t in counts and t != place:
                    counts[place] += counts.pop(t)
                    first[place] = min(first.get(place, first[t]), first[t])
    return max(counts, key=lambda t: (counts[t], -first[t]))


def _name_words(form: str) -> int:
    p = parse_person(form)
    return p.words if p else len(name_key(form))


def _build_entity(members: list[_Record], article_order: dict[str, int], quoted: dict[tuple[str, str], list[str]]) -> Entity:
    etype = _vote_type(members)
    first_seen: dict[str, int] = {}
    name_freq: Counter = Counter()
    for r in members:
        name_freq[r.local.name] += 1
        for form in r.forms:
            first_seen.setdefault(form, r.order)
    name = max(name_freq, key=lambda n: (_name_words(n), name_freq[n], -first_seen[n]))
    aliases: list[str] = []
    seen_forms = {fold(name)}
    for form in sorted(first_seen, key=first_seen.__getitem__):
        if fold(form) not in seen_forms:
            seen_forms.add(fold(form))
            aliases.append(form)
    role_count: Counter = Counter()
    role_text: dict[str, str] = {}
    for r in members:
        # Roles the article gives, then descriptions the quote step resolved to this entity
        # ("the Russian leader" said → Putin): how the story refers to it besides its name.
        for role in [*r.local.roles, *quoted.get((r.article, r.local.key), [])]:
            role_text.setdefault(fold(role), role)
            role_count[fold(role)] += 1
    roles = [role_text[k] for k, _ in sorted(role_count.items(), key=lambda kv: (-kv[1], list(role_text).index(kv[0])))]
    arts = sorted({r.article for r in members}, key=lambda a: article_order.get(a, len(article_order)))
    return Entity(
        id="",
        name=name,
        type=etype,
        aliases=aliases,
        roles=roles,
        articles=arts,
        members=[(r.article, r.local.key) for r in members],
    )


def merge_entities(articles: list[Article], analyses: list[ArticleAnalysis]) -> list[Entity]:
    """One entity per real-world referent across the story's articles (see the module rules)."""
    recs = _records(articles, analyses)
    uf = UnionFind(len(recs))
    canon = _KeyCanon()
    _merge_people(recs, uf, canon)
    _merge_others(recs, uf, canon)
    _merge_type_slips(recs, uf, canon)
    _merge_across_types(recs, uf, canon)
    quoted = _quoted_descriptions(analyses)
    _merge_descriptions(recs, uf, quoted)
    clusters: dict[int, list[_Record]] = defaultdict(list)
    for r in recs:
        clusters[uf.find(r.order)].append(r)
    article_order = {a.id: i for i, a in enumerate(articles)}
    built = []
    for root, members in clusters.items():
        entity = _build_entity(members, article_order, quoted)
        n_mentions = sum(max(1, len(r.local.mentions)) for r in members)
        built.append(((-len(entity.articles), -n_mentions, root), entity))
    built.sort(key=lambda pair: pair[0])
    entities = [e for _, e in built]
    for i, entity in enumerate(entities, 1):
        entity.id = f"ent-{i}"
    return entities


class EntityIndex:
    """Finds story entities from a local entity or from a speaker's name."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_member: dict[tuple[str, str], Entity] = {}
        self.by_full: dict[tuple, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        self.by_id = {e.id: e for e in entities}
        self.canon = _KeyCanon()
        for e in entities:
            for member in e.members:
                self.by_member[member] = e
            if e.type != "PERSON":
                continue
            for form in (e.name, *e.aliases):
                p = parse_person(form)
                if p is None:
                    continue
                p = _canon_person(p, self.canon)
                if p.given:
                    self.by_full[(p.given[0], p.surname, p.suffix)].add(e.id)
                self.by_surname[p.surname].add(e.id)

    def member(self, article: str, key: str | None) -> Entity | None:
        return self.by_member.get((article, key)) if key else None

    def person(self, name: str | None) -> Entity | None:
        """The one PERSON entity a name can only mean, else None ("Melania and Donald Trump" is two)."""
        if not name or re.search(r"\s(?:and|&)\s", name):
            return None
        p = parse_person(name)
        if p is None:
            return None
        p = _canon_person(p, self.canon)
        ids = self.by_full.get((p.given[0], p.surname, p.suffix)) if p.given else self.by_surname.get(p.surname)
        if ids and len(ids) == 1:
            return self.by_id[next(iter(ids))]
        return None
