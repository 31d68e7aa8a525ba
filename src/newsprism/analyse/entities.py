"""Per-article entities: spaCy NER mentions clustered into the people, organisations and places
one article talks about.

Clustering is within the article only (``align.entities`` merges across articles):

* people: "Donald Trump", "Trump", "Mr. Trump", "President Trump" are one entity named with the
  fullest form ("Donald Trump"); a generational suffix makes a different person ("Donald Trump Jr.").
  A one-word mention joins the full name whose surname (or, failing that, first name) it is; when
  several people share it, the nearest one named before wins.
* roles come from titles written before the name ("Secretary of State Marco Rubio" → "Secretary of
  State") and from appositions on either side ("Yuri Ushakov, a Kremlin foreign policy aide";
  "Ukraine's president, Volodymyr Zelensky").
* other types: same text after dropping "the", a possessive and dots ("U.S." = "US"); an acronym
  joins the longer name it abbreviates.
* types the small NER model slips on (section "types the tagger slips on" below): a one-word
  "person" or "organisation" that an offline gazetteer (:mod:`newsprism.analyse.gazetteer`) knows,
  or that the grammar frames as a place ("in Kyiv", "the city of Sumy", "Kherson region", a list of
  places), is a GPE unless a person sign says otherwise (a full name holding the word, a title, a
  role); a bare word leading an organisation's name ("Fox" / "Fox News") is that organisation; a
  facility word ("Base", "Airport") makes a FAC; a title's portfolio ("Secretary of State") and a
  "person" holding a lowercase non-particle word or a nationality ("pro-Putin Hungarian") are dropped.

Everything is a single pass over the entities plus a pass over the PERSON names: linear in the
article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsprism.analyse.gazetteer import BARE_PLACE_MIN_POPULATION, known_place, national_place, place_population
from newsprism.model import EntityMention, LocalEntity

ENTITY_TYPES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

# Courtesy titles: dropped from a name, never a role.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "messrs"})

# Words that make a run of capitalised words before a name a role ("Alaska Sen. Lisa Murkowski").
ROLE_WORDS = frozenset(
    """president vice prime minister secretary senator sen rep representative congressman
    congresswoman gov governor chancellor king queen prince princess pope cardinal bishop archbishop
    rev reverend gen general adm admiral col colonel lt lieutenant sgt sergeant capt captain maj major
    cpl corporal judge justice mayor premier chief ceo chairman chairwoman chair director spokesman
    spokeswoman spokesperson ambassador envoy commissioner leader speaker attorney deputy minister
    councillor councilor councilman councilwoman mp mla mep sheriff officer detective constable
    inspector superintendent coach professor prof dean president-elect emir sheikh ayatollah sultan
    crown lord lady baroness baron foreign defense defence finance interior state treasury
    commander premier-elect chancellor-elect host founder owner editor anchor correspondent""".split()
)

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
QUOTE_MARKS = "\"'“”‘’«»„"


@dataclass
class _Draft:
    """An entity while it is being built."""

    type: str
    tokens: tuple[str, ...]  # the name's words, titles dropped (PERSON) or normalised (others)
    mentions: list[EntityMention] = field(default_factory=list)
    surface: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def _plain(word: str) -> str:
    return word.lower().rstrip(".")


def _strip_possessive(text: str) -> str:
    return re.sub(r"(?:['’]s|['’])$", "", text.strip())


def _name_words(span) -> tuple[list[str], list[str]]:
    """Split a PERSON span into (title words written inside it, name words)."""
    words = [t.text for t in span if not t.is_punct or t.text == "."]
    words = [w for w in re.sub(r"(?:['’]s?)$", "", " ".join(words)).split() if w != "."]
    titles: list[str] = []
    while len(words) > 1 and (
        _plain(words[0]) in HONORIFICS
        or _plain(words[0]) in ROLE_WORDS
        or titles and _plain(words[0]) in ("of", "for", "the") and len(words) > 2  # "Secretary of State …"
    ):
        titles.append(words.pop(0))
    if words and _plain(words[0]) == "the":
        words.pop(0)
    return titles, words


def _role_before(span) -> str | None:
    """A title written just before a name: "Secretary of State" in "Secretary of State Marco Rubio"."""
    doc = span.doc
    i = span.start - 1
    sent_start = span.sent.start
    first = None
    has_role_word = False
    while i >= sent_start and span.start - i <= 6:
        tok = doc[i]
        word = _plain(tok.text)
        if tok.ent_type_ == "PERSON" or tok.pos_ in ("VERB", "AUX", "DET", "PUNCT") and tok.text != ".":
            break
        if word in HONORIFICS:
            break
        if tok.is_title or tok.is_upper or word in ROLE_WORDS or tok.text in ("-",):
            first = i
            has_role_word = has_role_word or word in ROLE_WORDS
        elif word in ("of", "for", "and") and first is not None:
            pass
        elif word in ("former", "then", "acting", "interim", "deputy", "vice"):
            first = i
        else:
            break
        i -= 1
    if first is None or not has_role_word:
        return None
    # Never start a role on a connecting word ("of State" without its head).
    while first < span.start and _plain(doc[first].text) in ("of", "for", "and"):
        first += 1
    if first >= span.start:
        return None
    return doc[first : span.start].text.strip() or None


# Nouns for people that the agent-suffix test below misses.
PERSON_NOUNS = frozenset(
    """aide fellow expert official analyst diplomat envoy adviser advisor chief head member
    candidate nominee lawmaker activist executive attorney lawyer spokesman spokeswoman spokesperson
    economist scientist journalist student veteran mother father son daughter wife husband brother
    sister friend ally colleague critic negotiator resident citizen mp chair actress host hostess
    star woman man girl boy child victim suspect""".split()
)
# Nouns for an organisation, the type a description with one of these heads gets ("the company").
ORG_NOUNS = frozenset(
    """company firm group agency ministry department party team club union bank network studio
    organisation organization government administration council committee court""".split()
)
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "person")


def _names_a_person(head) -> bool:
    """Is an apposition's head a word for one person ("aide", "leader", "president")?"""
    word = head.lower_
    if head.tag_ in ("NNS", "NNPS") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return word in PERSON_NOUNS or word in ROLE_WORDS or word.endswith(PERSON_SUFFIXES)


def _clean_role(tokens, head) -> str | None:
    """Text of an apposition without its determiner, relative clauses or trailing punctuation."""
    if not _names_a_person(head):
        return None
    cut: set[int] = set()
    for tok in tokens:
        if tok.dep_ in ("relcl", "acl") and tok.i not in cut:
            cut.update(t.i for t in tok.subtree)
    kept = [t for t in tokens if t.i not in cut]
    while kept and (kept[0].is_punct or kept[0].pos_ == "DET" and kept[0].lower_ in ("a", "an", "the")):
        kept.pop(0)
    while kept and kept[-1].is_punct:
        kept.pop()
    if not kept or len(kept) > 10 or any(t.ent_type_ == "PERSON" or "\n" in t.text for t in kept):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in kept):
        return None
    doc = kept[0].doc
    return doc[kept[0].i : kept[-1].i + 1].text


def _false_title(span) -> str | None:
    """A lowercase noun for a person written straight before a name, with its modifiers: "the
    28-year-old actress Lindsay Lohan" → "28-year-old actress", "astronaut Rick Mastracchio"."""
    if span.start == 0:
        return None
    noun, name = span.doc[span.start - 1], span.root
    if noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    # The parser makes the noun a compound of the name, or (small model) a twin of it: both
    # subjects of one verb ("the actress Lindsay Lohan arrived").
    twin = noun.head.i == name.head.i != name.i and noun.dep_ == name.dep_ and noun.dep_ in ("nsubj", "nsubjpass")
    if not (noun.dep_ == "compound" and span.start <= noun.head.i < span.end or twin):
        return None
    return _clean_role(list(noun.subtree), noun)


def _appositive_roles(span) -> list[str]:
    """Roles given by an apposition next to a PERSON mention, on either side."""
    roles: list[str] = []
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and not (span.start <= child.i < span.end):
            role = _clean_role(list(child.subtree), child)
            if role:
                roles.append(role)
    if root.dep_ == "appos" and root.head.ent_type_ != "PERSON" and root.head.pos_ == "NOUN":
        head = root.head
        own = {t.i for t in root.subtree}
        tokens = [t for t in head.subtree if t.i not in own and t.i < span.start]
        role = _clean_role(tokens, head)
        if role:
            roles.append(role)
    return roles


def _norm_other(text: str) -> tuple[str, ...]:
    text = _strip_possessive(text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = text.replace(".", "")
    return tuple(text.lower().split())


def _acronym(tokens: tuple[str, ...]) -> str:
    return "".join(w[0] for w in tokens if w not in ("of", "and", "for", "the", "&") and w)


def _suffix(tokens: tuple[str, ...]) -> str | None:
    return _plain(tokens[-1]) if tokens and _plain(tokens[-1]) in NAME_SUFFIXES else None


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Name words without a generational suffix, lowercased."""
    words = tuple(_plain(w) for w in tokens)
    return words[:-1] if words and words[-1] in NAME_SUFFIXES else words


def _cluster_people(people: list[tuple[int, _Draft]]) -> list[_Draft]:
    """Merge PERSON drafts: same full name; surname-only or first-name-only to the nearest full name."""
    merged: dict[tuple[str, ...], _Draft] = {}
    for _, draft in people:
        key = tuple(_plain(w) for w in draft.tokens)
        if key in merged:
            _absorb(merged[key], draft)
        else:
            merged[key] = draft
    full = [d for k, d in merged.items() if len(_core(d.tokens)) > 1]
    # "Vladimir Putin" inside "Vladimir Vladimirovich Putin": same first and last name, same suffix.
    for d in sorted(full, key=lambda d: -len(d.tokens)):
        for other in full:
            if other is d or not other.mentions or not d.mentions:
                continue
            a, b = _core(other.tokens), _core(d.tokens)
            if len(a) > len(b) and a[0] == b[0] and a[-1] == b[-1] and _suffix(other.tokens) == _suffix(d.tokens):
                _absorb(other, d)
                d.mentions = []
    full = [d for d in full if d.mentions]
    out = list(full)
    for key, draft in merged.items():
        if len(_core(draft.tokens)) > 1:
            continue
        word = key[0] if key else ""
        candidates = [d for d in full if _core(d.tokens)[-1] == word] or [
            d for d in full if _core(d.tokens)[0] == word
        ]
        if not candidates:
            out.append(draft)
            continue
        # Prefer the bare name over "… Jr." when the surname is shared.
        plain = [d for d in candidates if _suffix(d.tokens) is None] or candidates
        for mention, surface in zip(draft.mentions, draft.surface):
            target = _nearest_before(plain, mention.start)
            target.mentions.append(mention)
            target.surface.append(surface)
        if len(plain) == 1:
            plain[0].roles.extend(r for r in draft.roles if r not in plain[0].roles)
    return out


def _nearest_before(drafts: list[_Draft], start: int) -> _Draft:
    best, best_pos = drafts[0], -1
    for d in drafts:
        before = [m.start for m in d.mentions if m.start < start]
        pos = max(before) if before else -1
        if pos > best_pos:
            best, best_pos = d, pos
    return best


def _absorb(into: _Draft, other: _Draft) -> None:
    into.mentions.extend(other.mentions)
    into.surface.extend(other.surface)
    into.roles.extend(r for r in other.roles if r not in into.roles)
    into.labels.extend(other.labels)


def _cluster_others(others: list[_Draft]) -> list[_Draft]:
    merged: dict[tuple[str, ...], _Draft] = {}
    for draft in others:
        if draft.tokens in merged:
            _absorb(merged[draft.tokens], draft)
        else:
            merged[draft.tokens] = draft
    # An acronym ("nato") joins the one longer name it abbreviates.
    by_acronym: dict[str, list[_Draft]] = {}
    for d in merged.values():
        if len(d.tokens) > 1:
            by_acronym.setdefault(_acronym(d.tokens), []).append(d)
    for key, d in list(merged.items()):
        if len(key) == 1 and len(key[0]) >= 2 and len(by_acronym.get(key[0], [])) == 1:
            target = by_acronym[key[0]][0]
            if target is not d and target.type == d.type:
                _absorb(target, d)
                del merged[key]
    return list(merged.values())


def local_entities(doc) -> list[LocalEntity]:
    """The article's entities, each with all its mentions (char offsets into ``doc.text``)."""
    text_all = doc.text  # Doc.text joins every token on each access: read it once
    people: list[tuple[int, _Draft]] = []
    others: list[_Draft] = []
    for ent in _joined_split_names(doc):
        if ent.label_ not in ENTITY_TYPES:
            continue
        if "\n" in ent.text:
            continue  # a heading glued to the next line by the parser, not a name
        text = _strip_possessive(ent.text)
        start = ent.start_char
        if text.lower().startswith("the ") and ent.label_ != "PERSON":
            start += 4
            text = text[4:]
        # Quotation marks the tagger took in ("the “Beast,”") are no part of the name.
        bare = text.lstrip(QUOTE_MARKS)
        start, text = start + len(text) - len(bare), bare.rstrip(QUOTE_MARKS)
        end = start + len(text)
        if not text or end <= start:
            continue
        mention = EntityMention(start, end, text_all[start:end])
        if not any(ch.isupper() or ch.isdigit() for ch in text) or _inside_role_phrase(ent):
            continue  # "gulf"; "State" of "Secretary of State": not a name of its own
        if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and _ends_in_a_common_word(text):
            continue  # "Trump, Putin exchange": a headline's words, not a name
        if ent.label_ == "PERSON":
            titles, words = _name_words(ent)
            if not words or not any(w[:1].isupper() for w in words) or not _is_person_name(ent, titles):
                continue
            roles = [" ".join(titles)] if titles and _plain(titles[-1]) not in HONORIFICS else []
            before = _role_before(ent) or _false_title(ent)
            if before:
                roles.append(before)
            roles.extend(_appositive_roles(ent))
            if len(words) > 1 and _facility_name(words, head_only=False):
                # "Joint Base Elmendorf-Richardson": a person's name never holds "Base"
                others.append(_Draft("FAC", _norm_other(text), [mention], [mention.text], [], ["FAC"]))
                continue
            draft = _Draft("PERSON", tuple(words), [mention], [mention.text], [], ["PERSON"])
            draft.roles = list(dict.fromkeys(r for r in roles if r))
            people.append((start, draft))
        else:
            tokens = _norm_other(text)
            label = ent.label_
            if label in ("GPE", "LOC", "ORG") and _demonym_adjective(ent):
                label = "NORP"  # "the Ukrainian city of Sumy": a nationality, not a place
            if label in ("ORG", "GPE") and len(tokens) > 1 and _facility_name(text.split(), head_only=True):
                label = "FAC"  # "Heathrow Airport", "Crimean Bridge"
            if tokens:
                others.append(_Draft(label, tokens, [mention], [mention.text], [], [label]))
    clustered = _cluster_people(people)
    # A one-word ORG/GPE that is a person's surname here is that person (NER often mislabels it).
    surnames = {_core(d.tokens)[-1]: d for d in clustered if len(_core(d.tokens)) == 1}
    surnames.update({_core(d.tokens)[-1]: d for d in clustered if len(_core(d.tokens)) > 1})
    kept_others: list[_Draft] = []
    for draft in others:
        if len(draft.tokens) == 1 and draft.tokens[0] in surnames and draft.type in ("ORG", "GPE", "NORP"):
            _absorb(surnames[draft.tokens[0]], draft)
        else:
            kept_others.append(draft)
    person_words = {_plain(w) for d in clustered if len(_core(d.tokens)) > 1 for w in d.tokens}
    others_clustered = _cluster_others(kept_others)
    org_leads = {d.tokens[0] for d in others_clustered if len(d.tokens) > 1 and _majority(d.labels) == "ORG"}
    for draft in clustered:
        if len(draft.tokens) != 1 or draft.roles or _plain(draft.tokens[0]) in person_words:
            continue
        if _person_is_a_place(doc, draft, person_words):
            draft.type, draft.labels = "GPE", ["GPE"]
        elif _plain(draft.tokens[0]) in org_leads and not any(_titled(doc, m.start) for m in draft.mentions):
            draft.type, draft.labels = "ORG", ["ORG"]  # "Fox" beside "Fox News": the organisation
        elif _names_materiel(doc, draft):
            draft.type, draft.labels = "PRODUCT", ["PRODUCT"]  # "Patriot missiles": a weapon, no one
    for draft in others_clustered:
        if len(draft.tokens) == 1 and _majority(draft.labels) == "ORG" and _organisation_is_a_place(doc, draft):
            draft.type, draft.labels = "GPE", ["GPE"]
    teams: set[int] = set()  # drafts of place names that are sports teams here
    for draft in clustered + others_clustered:
        place = draft.type == "GPE" or draft.type != "PERSON" and _majority(draft.labels) in ("GPE", "LOC")
        tagged_org = draft.type != "PERSON" and _majority(draft.labels) == "ORG"
        if (place or tagged_org) and _plays_as_team(doc, draft):
            draft.type, draft.labels = "ORG", ["ORG"]  # "Chicago beat Boston 4-2": the teams
            teams.add(id(draft))
    drafts = clustered + others_clustered
    drafts = [d for d in drafts if d.mentions]
    drafts.sort(key=lambda d: min(m.start for m in d.mentions))
    entities: list[LocalEntity] = []
    for i, d in enumerate(drafts):
        d.mentions.sort(key=lambda m: m.start)
        name = _display_name(d)
        aliases = sorted({s for s in d.surface if s != name})
        entities.append(
            LocalEntity(
                key=f"e{i + 1}",
                name=name,
                type=_majority(d.labels) if d.type != "PERSON" else "PERSON",
                mentions=d.mentions,
                aliases=aliases,
                roles=d.roles,
                # A team named after its city says so, so that the story keeps it apart from the city.
                descriptions=["team"] if id(d) in teams else [],
            )
        )
    _linked_descriptions(doc, entities)
    return entities


def _linked_descriptions(doc, entities: list[LocalEntity]) -> None:
    """Fill each entity's ``descriptions`` with the common-noun phrases the article links to one of
    its mentions by :func:`link_mentions` ("Capaldi is the new Doctor" → "doctor"; "Lohan, the
    actress" → "actress"). Pronoun links are not kept here: the quote step resolves pronouns itself."""
    owner: dict[int, LocalEntity] = {}  # token index of a name mention's head → its entity
    mentions: list[MentionSpan] = []
    sent_of = {s.start: i for i, s in enumerate(doc.sents)}
    for e in entities:
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            owner[mention_head(span).i] = e
            mentions.append(MentionSpan(span, e.type, "name", sent_of.get(span.sent.start, 0)))
    taken = set(owner)
    for chunk in doc.noun_chunks:
        if chunk.root.pos_ == "NOUN" and chunk.root.i not in taken:
            root = chunk.root
            kind_of = "PERSON" if _names_a_person(root) else "ORG" if root.lower_ in ORG_NOUNS else "THING"
            mentions.append(MentionSpan(chunk, kind_of, "description", sent_of.get(chunk.sent.start, 0)))
    if not owner or len(mentions) == len(owner):
        return
    links = link_mentions(mentions)
    for m, target in zip(mentions, links):
        if m.kind != "description" or target is None or mentions[target].kind != "name":
            continue
        e = owner.get(mention_head(mentions[target].span).i)
        key = description_key(mention_head(m.span))
        if e is not None and key not in e.descriptions:
            e.descriptions.append(key)


# --------------------------------------------------------------------------- types the tagger slips on
#
# The small NER model often types a place as a person or an organisation ("Kherson" PERSON,
# "Sumy" ORG), a facility with a surname in it as a person, and a fragment of a title as an
# organisation. Each rule below is narrow and says which evidence it reads.

PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across", "around", "throughout"})
# Nouns that frame a name as a place: "the city of Sumy", "Kherson region", "five provinces, Crimea, …".
PLACE_NOUNS = frozenset(
    """city cities town towns village villages region regions province provinces oblast oblasts
    state states county counties district districts capital capitals port ports island islands
    republic municipality suburb suburbs territory territories peninsula area areas""".split()
)
# Verbs whose object is a territory: "occupied Crimea", "annexed Crimea", "invading Crimea".
TERRITORY_LEMMAS = frozenset({"occupy", "annex", "invade", "liberate", "shell", "bomb"})
# Heads of a title whose "of" names its portfolio, not an entity: "Secretary of State".
PORTFOLIO_HEADS = frozenset({"secretary", "minister", "ministry", "department", "undersecretary"})
# Lowercase words a person's name may hold ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = frozenset(
    """de del della der den di da das do dos du van von ver ter ten zu bin ibn bint al el la le
    y e af av ap""".split()
)
DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "ic", "i")
# Words that make a multi-word name a facility: "Joint Base Elmendorf-Richardson", "Heathrow Airport".
FACILITY_WORDS = frozenset(
    """base airbase airport airfield bridge stadium arena tower station harbour harbor dam canal
    tunnel highway motorway palace castle cathedral mosque temple monument fort camp""".split()
)
# Facility words that are also surnames or given names (Dave Camp, Shirley Temple, Temple Grandin):
# in a would-be person's name they count only between other words ("Joint Base Elmendorf-Richardson").
SURNAME_FACILITY_WORDS = frozenset({"bridge", "tower", "castle", "temple", "camp", "fort", "palace", "arena", "dam", "monument", "station", "base"})
LIST_GLUE = frozenset({",", "and", "or", "&"})


def _token_at(doc, start: int):
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return doc[span.start] if span is not None else None


def _after_place_preposition(doc, start: int, extra: tuple[str, ...] = ()) -> bool:
    tok = _token_at(doc, start)
    if tok is None or tok.i == 0:
        return False
    return doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS or doc[tok.i - 1].lower_ in extra


def _inside_role_phrase(ent) -> bool:
    """ "Secretary of State", "minister of Defence": the portfolio of a title, not an organisation
    or place of its own (a tagged place stays: "the president of Russia" names Russia)."""
    if ent.label_ in ("GPE", "LOC", "NORP", "PERSON"):
        return False
    doc, i = ent.doc, ent.start
    if i >= 1 and doc[i - 1].lower_ == "the":
        i -= 1
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PORTFOLIO_HEADS


def _is_person_name(ent, titles: list[str]) -> bool:
    """A person's name holds no word that starts lowercase but a particle ("pro-Putin Hungarian" is
    not one; "Kim Jong-un", "al-Assad" are) and no nationality adjective."""
    leading = {_plain(t) for t in titles} | {"the"}
    for w in ent.text.split():
        if _plain(w) in leading:
            continue
        first = re.split(r"[-‐'’]", w)[0]
        if first.isalpha() and first.islower() and first not in NAME_PARTICLES:
            return False
    return not any(
        t.tag_ == "JJ" and t.text[:1].isupper() and t.lower_.endswith(DEMONYM_ENDINGS) for t in ent
    )


def _ends_in_a_common_word(text: str) -> bool:
    """A name of several words, with a comma, that ends in a lowercase word: the tagger ran a name
    into the words after it ("Trump, Putin exchange"). Names end in a capitalised word or a number."""
    words = text.split()
    last = words[-1] if words else ""
    return len(words) > 1 and "," in text and last.isalpha() and last.islower() and last not in NAME_PARTICLES


def _demonym_adjective(ent) -> bool:
    """One capitalised adjective with a nationality's ending ("Ukrainian approval") that is no
    place the gazetteer knows: the tagger's GPE / ORG for a NORP."""
    tok = ent[-1]
    return (
        len(ent) == 1 or len(ent) == 2 and ent[0].lower_ == "the"
    ) and tok.tag_ == "JJ" and tok.text[:1].isupper() and tok.lower_.endswith(DEMONYM_ENDINGS) and not known_place(tok.text)


def _facility_name(words: list[str], head_only: bool) -> bool:
    """A capitalised facility word in a name: as the last word of an organisation or place ("Heathrow
    Airport"; "Tower Records" stays an organisation); in a would-be person's name between other
    words, or last when it is no surname ("Ronald Reagan Airport"; "Dave Camp" stays a person)."""
    def facility(w: str) -> bool:
        return w[:1].isupper() and _plain(w).strip("’'") in FACILITY_WORDS

    if head_only:
        return facility(words[-1])
    last = words[-1]
    return any(facility(w) for w in words[1:-1]) or facility(last) and _plain(last) not in SURNAME_FACILITY_WORDS


def _in_name_list(doc, start: int, label: str) -> bool:
    tok = _token_at(doc, start)
    return tok is not None and _in_place_list(doc, tok, (label,))


PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})  # spaCy labels of places

def _in_place_list(doc, tok, labels: tuple[str, ...] = tuple(PLACE_TYPES)) -> bool:
    """ "Crimea, Zaporizhzhia, Lukhansk, Donetsk and Kherson": a name in a list of names most of
    which are places (typed so by the tagger, or one-word names the gazetteer knows), at least two
    others among them; with ``labels=("PERSON",)``: a list of people."""
    def name_at(i: int) -> tuple[int, int] | None:
        if i < 0 or i >= len(doc) or not doc[i].text[:1].isupper() or doc[i].ent_type_ in ("DATE", "CARDINAL"):
            return None
        if not doc[i].ent_type_:  # a proper noun the tagger left out ("… Lukhansk, Donetsk and Kherson")
            return (i, i) if doc[i].tag_ == "NNP" else None
        lo = i
        while lo > 0 and doc[lo].ent_iob_ == "I":
            lo -= 1
        hi = i
        while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I":
            hi += 1
        return lo, hi

    members = [name_at(tok.i)]
    if members[0] is None:
        return False
    for step in (-1, 1):
        edge = members[0][0] if step < 0 else members[0][1]
        while True:
            j = edge + step
            while 0 <= j < len(doc) and doc[j].lower_ in LIST_GLUE:
                j += step
            if j == edge + step:  # no glue: the list ends
                break
            nxt = name_at(j)
            if nxt is None:
                break
            members.append(nxt)
            edge = nxt[0] if step < 0 else nxt[1]
    others = [m for m in members[1:]]
    if len(others) < 2:
        return False
    hits = sum(doc[lo].ent_type_ in labels for lo, hi in others)
    if labels == ("PERSON",):
        return hits >= 2 and hits * 2 >= len(others)
    # A place list: the tagger's places, or one-word names the gazetteer knows; and no other name
    # the tagger calls a person that the gazetteer does not know (first names that are towns too:
    # "Demi, Bri, Tracy, Sydney").
    known = [lo == hi and known_place(doc[lo].text) for lo, hi in others]
    placeish = sum(doc[lo].ent_type_ in labels or k for (lo, hi), k in zip(others, known))
    people = sum(doc[lo].ent_type_ == "PERSON" and not k for (lo, hi), k in zip(others, known))
    return placeish >= 2 and placeish * 2 >= len(others) and people == 0


def _place_frame(doc, start: int) -> bool:
    """A mention the grammar around it makes a place: "the city of Sumy", "Kherson region",
    "five provinces, Crimea, …", "occupied Crimea", or a list of places it belongs to."""
    tok = _token_at(doc, start)
    if tok is None:
        return False
    i = tok.i
    before = [doc[j] for j in range(max(0, i - 3), i)]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in PLACE_NOUNS:
        return True
    if before and (before[-1].lemma_.lower() in TERRITORY_LEMMAS or before[-1].lower_.endswith("-occupied")):
        return True
    if _in_place_list(doc, tok):
        return True
    # Past the list the name ends ("Donetsk, Zaporizhzhia and Kherson regions"): a place noun.
    j = i + 1
    while j < len(doc) and (doc[j].ent_iob_ != "O" or doc[j].lower_ in LIST_GLUE):
        j += 1
    if (
        j < len(doc) and doc[j].lower_ in PLACE_NOUNS and doc[j].pos_ == "NOUN" and doc[j].dep_ != "compound"
        and doc[j - 1].text[:1].isupper() and doc[j - 1].tag_ in ("NNP", "NNPS")  # not "Ukrainian territory"
    ):
        return True
    # An apposition to a plural place noun: "five provinces, Crimea, …".
    k = i - 1
    while k >= 0 and (doc[k].lower_ in LIST_GLUE or (doc[k].ent_iob_ != "O" or doc[k].tag_ == "NNP") and doc[k].text[:1].isupper()):
        k -= 1
    return k < i - 1 and doc[k + 1].text == "," and doc[k].lower_ in PLACE_NOUNS


SPEECH_LEMMAS = frozenset(
    """say tell add explain ask answer reply write tweet insist claim recall believe think feel want
    hope laugh smile cry admit agree note""".split()
)


def _speaks(doc, start: int) -> bool:
    """ "Tracy said", "Sydney told reporters": the subject of a verb of saying or feeling is a person
    (a national place is the exception: "Kyiv said" is its government)."""
    tok = _token_at(doc, start)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in SPEECH_LEMMAS


def _titled(doc, start: int) -> bool:
    tok = _token_at(doc, start)
    i = tok.i - 1 if tok is not None else -1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and (_plain(doc[i].text) in HONORIFICS or doc[i].text[:1].isupper() and _plain(doc[i].text) in ROLE_WORDS)


def _joined_split_names(doc) -> list:
    """The tagger's entities, with a name it cut in two joined again: a one-word non-person name
    right before a person's name, nothing between ("adviser Yury Ushakov" tagged "Yury" ORG +
    "Ushakov" PERSON) is that person's given name, unless the gazetteer knows it as a place."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (
            nxt is not None and nxt.label_ == "PERSON" and ent.label_ in ("ORG", "GPE", "NORP")
            and len(ent) == 1 and nxt.start == ent.end and ent[0].tag_ == "NNP" and ent.text.isalpha()
            and ent.text[0].isupper() and not ent.text.isupper() and not known_place(ent.text)
            and ent.end_char == nxt.start_char - 1 and len(nxt) == 1
        ):
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))
            i += 2
            continue
        out.append(ent)
        i += 1
    return out


def _person_is_a_place(doc, draft: _Draft, person_words: set[str]) -> bool:
    """A one-word "person" with no full name in the article is a place when (a) the gazetteer knows
    the name and nothing marks a person (no role or title, no honorific, no full name holding the
    word: "Michael Jordan" keeps "Jordan" a person), or (b) every mention follows a place
    preposition ("in Kyiv"), or half of them sit in a place frame (:func:`_place_frame`)."""
    word = draft.tokens[0]
    if draft.roles or _plain(word) in person_words:
        return False
    if any(_plain(s.split()[0]) in HONORIFICS | ROLE_WORDS for s in draft.surface if len(s.split()) > 1):
        return False
    if any(_titled(doc, m.start) for m in draft.mentions):
        return False  # "Mr. Lincoln", "President Lincoln": the title sits just outside the span
    if any(_in_name_list(doc, m.start, "PERSON") for m in draft.mentions):
        return False  # "Demi, Bri, Tracy, Elyse": one of several people named in a row
    if place_population(word) >= BARE_PLACE_MIN_POPULATION and (
        national_place(word) or not any(_speaks(doc, m.start) for m in draft.mentions)
    ):
        return True
    # Every mention after a place preposition ("in Zorvanka"), or at least half in a place frame.
    if all(_after_place_preposition(doc, m.start) for m in draft.mentions):
        return True
    return sum(_place_frame(doc, m.start) for m in draft.mentions) * 2 >= len(draft.mentions)


def _organisation_is_a_place(doc, draft: _Draft) -> bool:
    """A one-word "organisation" is a place when at least half its mentions are typed a place by the
    tagger or sit in a place frame, or — for a name the gazetteer knows — follow a place preposition
    ("a market in Sumy"). A bare preposition is not enough for an unknown name ("in NATO")."""
    gazetteer = known_place(draft.surface[0])
    votes, context = 0, 0
    for m, label in zip(draft.mentions, draft.labels):
        if _place_frame(doc, m.start) or gazetteer and _after_place_preposition(doc, m.start, extra=("from",)):
            votes, context = votes + 1, context + 1
        elif label in PLACE_TYPES:
            votes += 1
    # The tagger's own mixed labels alone do not decide ("Indigenous" ORG / GPE / LOC).
    return votes * 2 >= len(draft.mentions) and (context > 0 or gazetteer and votes > 0)


# Sport: a place name that beats, signs or loses to another is its team ("Chicago beat Boston 4-2",
# "Denver signed the quarterback"). The verbs alone are not enough ("Ukraine lost ground", "Denver
# signed a deal with the union"): the sentence must also be about sport, by a score or a word only
# sport uses.
SPORT_VERBS = frozenset(
    """beat defeat edge rout outscore outplay sweep blank trounce thrash upset down top sign trade
    draft waive acquire play face lose win tie clinch eliminate score open start lead trail""".split()
)
SPORT_NOUNS = frozenset(
    """quarterback pitcher goalie goaltender goalkeeper striker midfielder defenseman defenceman
    linebacker halfback fullback shortstop inning innings touchdown homer shutout overtime halftime
    roster rookie playoff playoffs postseason preseason standings championship tournament fixture
    coach manager season game match scoring goal""".split()
)
# Sport words that other news uses in other senses ("a dangerous game", "the dry season"): for a
# country, state or capital, whose name news uses for its government, only a score will do.
LOOSE_SPORT_NOUNS = frozenset({"season", "game", "match", "manager", "coach", "championship", "tournament", "goal"})
_SCORE = re.compile(r"(?<![\d,.])\d{1,3} ?[-–] ?\d{1,3}(?!\d|%|[.,]\d)")
TEAM_PREPOSITIONS = frozenset({"to", "over", "against"})  # "lost to Chicago", "a win over Boston"


def _has_score(sent) -> bool:
    """A game's score in the sentence ("won 101-99"), not a range of things ("20-30 soldiers")."""
    for match in _SCORE.finditer(sent.text):
        after = sent.doc.char_span(sent.start_char + match.end(), sent.end_char, alignment_mode="expand")
        following = after[0] if after is not None and len(after) else None
        if following is None or following.pos_ != "NOUN" and following.text != "%":
            return True
    return False


def _sport_role(tok) -> bool:
    """The subject or object of a sport verb, or the team after "lost to" / "a win over"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in TEAM_PREPOSITIONS:
        head = head.head
    elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return head.pos_ in ("VERB", "NOUN") and head.lemma_.lower() in SPORT_VERBS


def _plays_as_team(doc, draft: _Draft) -> bool:
    """A place name that is a sports team here: at least one mention plays a sport verb's part in a
    sentence about sport (a country, state or capital needs a score: "Brazil beat Argentina 3-1"),
    and no mention is framed as a place ("in Chicago", "the city of Boston"). Only a name the
    gazetteer knows as a place: a team is named after one, and a player the tagger called a place
    is no team."""
    name = _display_name(draft)
    if not known_place(name):
        return False
    national = national_place(name)

    def plays(start: int) -> bool:
        tok = _token_at(doc, start)
        if tok is None or not _sport_role(_name_head(tok)):
            return False
        nouns = {t.lemma_.lower() for t in tok.sent if t.pos_ == "NOUN"} & SPORT_NOUNS
        return _has_score(tok.sent) or bool(nouns - LOOSE_SPORT_NOUNS if national else nouns)

    # The cheap grammatical test first: most places never meet a sport verb.
    return any(plays(m.start) for m in draft.mentions) and not any(
        _after_place_preposition(doc, m.start, extra=("from", "of")) or _place_frame(doc, m.start)
        for m in draft.mentions
    )


def _name_head(tok):
    """The syntactic head of a multi-word name ("New York" → "York")."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i and tok.head.ent_iob_ == "I":
        tok = tok.head
    return tok


# Nouns of military hardware: a one-word "person" naming their kind is a weapon system
# ("Patriot missiles", "Javelin anti-tank missiles", "Stinger launchers").
MATERIEL_NOUNS = frozenset(
    """missile system battery launcher interceptor rocket jet fighter drone tank howitzer warhead
    munition shell aircraft helicopter bomber submarine destroyer frigate rifle artillery""".split()
)


def _names_materiel(doc, draft: _Draft) -> bool:
    """A one-word "person" that names a kind of weapon ("Patriot air defense systems"): at least one
    mention modifies a hardware noun, and every other one reads as a thing ("the Patriot can
    intercept …": a bare name with an article is no one's name); never a place the gazetteer knows."""
    if known_place(draft.tokens[0]):
        return False
    kinds = 0
    for m in draft.mentions:
        tok = _token_at(doc, m.start)
        if tok is None:
            return False
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in MATERIEL_NOUNS:
            kinds += 1
        elif not (tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "a", "an")):
            return False  # "Kessler said", "with Kessler, who …": a person may be meant
    return kinds > 0


def _display_name(d: _Draft) -> str:
    if d.type == "PERSON":
        return " ".join(d.tokens)
    # The longest surface form without a leading article.
    forms = [re.sub(r"^(?:the|The)\s+", "", _strip_possessive(s)) for s in d.surface]
    return max(forms, key=lambda s: (len(s.split()), len(s)))


def _majority(labels: list[str]) -> str:
    """The most frequent label; ties: ORG, then the first given (set order would vary by run)."""
    return max(dict.fromkeys(labels), key=lambda label: (labels.count(label), label == "ORG", -labels.index(label)))


# --------------------------------------------------------------------------- within-article links
#
# Descriptions ("the actress") and pronouns ("she") are linked to the mention they stand for in the
# same article only where the grammar says so, or the nearest fitting name is unambiguous: a wrong
# link would merge two referents, so every rule is a narrow one.

HUMAN_TYPES = frozenset({"PERSON", "HUMAN"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
COPULA_LEMMAS = frozenset({"be", "become", "remain"})


@dataclass
class MentionSpan:
    """One mention as within-article linking sees it."""

    span: object  # a spaCy Span
    type: str  # PERSON | HUMAN | ORG | GPE | LOC | FAC | TIME | THING | ...
    kind: str  # "name" | "description" | "pronoun"
    sentence: int  # order of its sentence in the article


def mention_head(span):
    """The span token whose head lies outside it; past a leading preposition ("in Texas" → Texas)."""
    head = span.root
    while head.pos_ == "ADP":
        inside = [c for c in head.children if span.start <= c.i < span.end]
        if not inside:
            break
        head = inside[-1]
    return head


def mention_kind(span, head, lowercase_words: frozenset[str] = frozenset()) -> str:
    """ "name" when the head is a proper noun, "pronoun" for a pronoun, else "description".

    A capitalised head that the text also writes in lowercase ("Surgeon General" / "the surgeon
    general", "Navy" / "navy", a headline's "Woman Driver") is a common noun: a description."""
    if head.pos_ == "PROPN":
        return "description" if head.lower_ in lowercase_words else "name"
    words = [t for t in span if t.is_alpha]
    if len(words) > 1 and any(t.pos_ == "PROPN" for t in words) and all(t.text[0].isupper() for t in words):
        return "name"  # "Doctor Who", "The Who": a capitalised run with a proper noun, whatever its head
    if head.pos_ == "PRON" or head.lower_ in PERSONAL_PRONOUNS | THING_PRONOUNS | RELATIVE_PRONOUNS:
        return "pronoun"
    return "description"


def description_key(head) -> str:
    """A description as merging compares it: its head's lemma, lowercased ("Actress" → "actress");
    a plural keeps its plural form ("comedians"): a group is not one of its members."""
    if head.tag_ in ("NNS", "NNPS"):
        return head.lower_
    return head.lemma_.lower()


def _type_class(entity_type: str) -> str:
    if entity_type in HUMAN_TYPES:
        return "HUMAN"
    if entity_type in PLACE_TYPES:
        return "PLACE"
    return entity_type


def _compatible(a: MentionSpan, b: MentionSpan) -> bool:
    return _type_class(a.type) == _type_class(b.type)


def _apposition_partner(head, heads: dict[tuple[int, int], int], doc_id: int) -> int | None:
    """ "Lindsay Lohan, the actress": the mention whose head this one's head is an apposition of."""
    if head.dep_ == "appos" and head.head.i != head.i:
        return heads.get((doc_id, head.head.i))
    return None


def _predicate_partner(head, heads: dict[tuple[int, int], int], doc_id: int) -> int | None:
    """ "Capaldi is the new Doctor", "she became the host": the subject of the copula."""
    if head.dep_ not in ("attr", "oprd"):
        return None
    verb = head.head
    if verb.lemma_.lower() not in COPULA_LEMMAS and head.dep_ != "oprd":
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return heads.get((doc_id, subject.i)) if subject is not None else None


IDENTIFYING_LEMMAS = frozenset({"identify", "name"})


def _identified_partner(head, heads: dict[tuple[int, int], int], doc_id: int) -> int | None:
    """ "the victim was identified as Raj Chohan", "police identified the victim as X", "the suspect,
    identified as X", "the driver, who police identified as X": the name after "as" of an identifying
    verb whose object or passive subject is this description (never a clause's subject: "they
    arrested the suspect, identified as X" leaves it unlinked)."""
    verbs = [head.head] if head.dep_ in ("dobj", "nsubjpass") else []
    for child in head.children:
        if child.dep_ == "acl" or child.dep_ == "relcl" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in child.children
        ):
            verbs.append(child)
    for verb in verbs:
        if verb.lemma_.lower() not in IDENTIFYING_LEMMAS:
            continue
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and (doc_id, obj.i) in heads:
                    return heads[(doc_id, obj.i)]
    return None


def _relative_partner(head, heads: dict[tuple[int, int], int], doc_id: int) -> int | None:
    """ "the Academy, which …": a relative pronoun stands for the noun its clause modifies."""
    if head.lower_ not in RELATIVE_PRONOUNS or head.tag_ not in ("WDT", "WP", "WP$"):
        return None
    verb = head.head
    while verb.dep_ not in ("relcl", "ROOT") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl":
        return None
    return heads.get((doc_id, verb.head.i))


PRONOUN_REACH = 1  # sentences before the pronoun where its antecedent may be
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})


def _fits_pronoun(word: str, m: MentionSpan, head) -> bool:
    cls = _type_class(m.type)
    plural = head.tag_ in ("NNS", "NNPS")
    if word in PERSONAL_PRONOUNS:
        return cls == "HUMAN" and not plural
    if word in THING_PRONOUNS:
        return cls in ("ORG", "THING") and not plural
    if word in PLURAL_PRONOUNS:
        return cls in ("ORG", "HUMAN") and (plural or cls == "ORG" and m.kind == "name")
    return False


OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _clause_subject(pronoun):
    """The subject an object pronoun cannot stand for: the subject of its own clause ("Obama was
    intent on recruiting him": not Obama; "Obama said the party would back him" may be Obama).
    Through an infinitive whose doer is the verb's object, that object ("Obama asked Gupta to join
    him": not Gupta). None for a subject or possessive pronoun ("Obama met his wife")."""
    if pronoun.lower_ not in OBJECT_PRONOUNS or pronoun.dep_ not in OBJECT_DEPS:
        return None
    node = pronoun.head
    while True:
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ == "xcomp":
            controller = next((c for c in node.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller
        if node.head.i == node.i:
            return None
        node = node.head


def _pronoun_antecedent(i: int, mentions: list[MentionSpan], heads_of: list) -> int | None:
    """ "he", "her", "its", "they": the nearest mention before it, in its sentence or the one before,
    that fits it (a person for "he"; an organisation or thing for "it"; a plural or an organisation
    for "they"), when every fitting name there is one entity (two people in reach: left unlinked).
    A name is preferred to a description."""
    m = mentions[i]
    word = heads_of[i].lower_
    if word not in PERSONAL_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return None
    bound = _clause_subject(heads_of[i])
    window = [
        j for j, o in enumerate(mentions)
        if o.kind != "pronoun" and m.sentence - PRONOUN_REACH <= o.sentence <= m.sentence
        and (o.sentence, heads_of[j].i) < (m.sentence, heads_of[i].i)
        and _fits_pronoun(word, o, heads_of[j]) and not (bound is not None and heads_of[j].lower_ == bound.lower_)
    ]
    for kind in ("name", "description"):
        found = [j for j in window if mentions[j].kind == kind]
        if not found:
            continue
        keys = {heads_of[j].lower_ for j in found}
        if len(keys) != 1:
            return None  # two referents in reach: which one needs more than a rule
        return max(found, key=lambda j: (mentions[j].sentence, heads_of[j].i))
    return None


def link_mentions(mentions: list[MentionSpan]) -> list[int | None]:
    """For each mention, the index of the mention in the same article it refers to, or None.

    Rules, each by name: apposition ("Lohan, 25, the actress"), predicate nominal ("X is the new
    Doctor"), identification ("the victim was identified as X"), relative pronoun ("the Academy, which"), personal pronoun → the one name of a
    fitting type in its sentence or the one before."""
    heads_of = [mention_head(m.span) for m in mentions]
    heads: dict[tuple[int, int], int] = {}
    for i, h in enumerate(heads_of):
        heads.setdefault((id(h.doc), h.i), i)
    links: list[int | None] = [None] * len(mentions)
    for i, (m, head) in enumerate(zip(mentions, heads_of)):
        doc_id = id(head.doc)
        partner = None
        if m.kind == "pronoun":
            partner = _relative_partner(head, heads, doc_id)
            if partner is None:
                partner = _pronoun_antecedent(i, mentions, heads_of)
        else:
            partner = _apposition_partner(head, heads, doc_id)
            if partner is None:
                partner = _predicate_partner(head, heads, doc_id)
            if partner is None and m.kind == "description":
                named = _identified_partner(head, heads, doc_id)
                partner = named if named is not None and mentions[named].kind == "name" else None
        if partner is not None and partner != i and _compatible(m, mentions[partner]):
            links[i] = partner
    return links
