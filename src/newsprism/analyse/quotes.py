"""Quotes and speakers: who said what, with character-exact evidence.

One pass over the quotation marks (``quote_marks``) and one over the parsed tokens; nothing here
runs a model. For each article:

1. **Direct quotes** are the stretches between quotation marks that read as speech: they open a
   sentence or follow a colon or comma, or end with their own punctuation inside the marks, or sit
   next to a speech cue ("said", "told", "according to", …).
2. **Split quotes** (“We didn’t get there,” Trump said, “but we have a chance.”; also “A,” said
   Caddell. “B.” where a short attribution interrupts one speaker) and quotes that run over
   paragraphs are ONE mention. Its ``start``/``end``/``text`` cover the first quoted piece
   (without the marks, a trailing comma dropped); ``parts`` lists every quoted piece in order, the
   first included, so the whole quotation is ``" ".join(p.text for p in parts)``. ``parts`` is
   empty for a quote in one piece. ``text == doc.text[start:end]`` always.
3. **Partial quotes**: a quoted phrase inside a sentence whose speech cue names a speaker
   (Putin warned Europe not to “torpedo the nascent progress”; what she called a “three-on-three”
   meeting) gets kind ``partial`` and that speaker.
4. **Indirect quotes**: a speech verb with a clausal complement outside quotation marks
   (Putin said that the root causes must be resolved) gives kind ``indirect``; the span is the
   content clause (with its "that"), the cue is the verb. "According to X, …" gives the rest of the
   sentence.
5. **Not quotes**: scare quotes, nicknames, titles, slogans and banners — quoted words with no
   speech cue, or named by "known as", "dubbed", "a banner reading", … — are not emitted.

Speakers: the cue's subject (or the object of "according to"); with no cue in the quote's own
sentence, the speaker of the quote just before (same or previous paragraph) or the subject of a
speech verb in the sentence before. A name resolves to its ``LocalEntity`` (full name); "he"/"she"
to the person subject of the clause or sentence before, else the previous speaker, else the
nearest person named outside quotation marks who is not an object or possessive (names inside
quotes are never candidates; see ``_pronoun_person``); a definite description ("the president", "the Russian leader", "the Kremlin aide") to the one
person or organisation whose roles or name it fits, else it stays unnamed; an indefinite one
("a senior official") stays unnamed. Organisations ("the Kremlin said") get ``speaker_type`` ORG.

Cost: linear in the number of tokens plus a bounded look-around per quote and per cue.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence, Set as AbstractSet
from dataclasses import dataclass
from typing import TypeVar

from newsprism.analyse.quote_marks import MarkedQuote, find_marked_quotes
from newsprism.model import LocalEntity, QuoteMention, Span

# Speech and report verbs (lemmas) that introduce a quote or reported speech.
CUE_LEMMAS = frozenset(
    """say tell add ask write post tweet state declare announce explain claim argue insist warn note
    suggest confirm deny admit acknowledge concede reply respond answer continue recall describe
    urge predict promise vow pledge report reveal stress emphasise emphasize complain joke quip shout
    yell scream whisper mutter testify contend maintain assert observe remark comment caution assure
    reassure inform allege accuse charge counter retort concede boast brag lament mourn plead
    propose recommend repeat reiterate estimate conclude agree disagree disclose indicate signal
    highlight point mention clarify question wonder demand exclaim acknowledge blurt chant
    proclaim criticize criticise praise thank call believe think tout""".split()
)
# Verbs that take reported content as a clause (indirect quotes). Narrower than CUE_LEMMAS:
# "call", "thank", "praise" name things rather than report content.
INDIRECT_LEMMAS = CUE_LEMMAS - frozenset(
    {"call", "thank", "praise", "criticize", "criticise", "continue", "describe", "question", "chant",
     "believe", "think", "wonder", "ask"}
)
# Complements that ask rather than report ("asked whether …", "would not say why …").
QUESTION_WORDS = frozenset({"if", "whether", "what", "why", "how", "when", "where", "who", "which"})
# Who is writing, not who is quoted: first and second person outside quotation marks.
AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "me", "us"})
# Verbs whose infinitive complement is reported content ("warned Europe not to …").
XCOMP_LEMMAS = frozenset({"warn", "urge", "ask", "promise", "vow", "pledge", "threaten", "call", "tell"})

# Verbs that report speech only when a person or organisation is their subject ("the data
# suggests", "a global slowdown signalled" are not quotes).
WEAK_LEMMAS = frozenset(
    {"suggest", "indicate", "signal", "show", "estimate", "predict", "reveal", "confirm", "agree", "point", "add", "continue", "conclude", "find"}
)
# Quoted words introduced by these are names, titles or slogans, not speech.
NAMING_WORDS = frozenset(
    """known dubbed nicknamed titled entitled headlined labelled labeled branded reading reads read
    named called-so so-called banner sign slogan hashtag placard headline caption motto phrase term
    word words the-so-called album song film movie book show series""".split()
)
NAMING_BIGRAMS = (("known", "as"), ("referred", "to"), ("so", "called"), ("what", "is"))

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lady": "f", "lord": "m"}
# Heads of definite descriptions that stand for one person in the article.
LEADER_ROLES = frozenset(
    {"president", "prime", "minister", "chancellor", "premier", "king", "queen", "leader", "head", "chief", "ruler", "pm"}
)
ORG_NOUNS = frozenset(
    """ministry department agency government company firm office administration police court
    commission committee council board union party embassy military army navy force forces
    kremlin white house campaign organization organisation group association spokesman team club
    league federation bank authority authorities service regime cabinet parliament congress senate
    university school hospital network newspaper paper daily""".split()
)
GENERIC_MODIFIERS = frozenset({"top", "senior", "former", "then", "current", "new", "longtime", "veteran", "acting", "interim", "the", "a", "an"})
DOCUMENT_NOUNS = frozenset({"statement", "report", "letter", "tweet", "post", "release", "memo", "readout", "spokesman", "spokeswoman", "spokesperson", "representative", "study", "survey", "poll", "filing", "document"})
SENTENCE_END = frozenset({".", "?", "!"})
MAX_ZONE = 30  # tokens looked at on either side of a quote for its cue
K = TypeVar("K")  # whatever keys a caller gives its people (entity keys, story entity ids)


@dataclass
class _Speaker:
    mention: tuple[int, int] | None  # char span naming the speaker here
    name: str | None
    entity: str | None
    type: str | None


@dataclass
class _Cue:
    span: tuple[int, int]
    verb: object | None  # the spaCy token of the verb (None for "according to")
    subject: object | None  # the token naming the speaker


class _Article:
    """Per-article lookups built once: token ↔ char, token → quote, token → entity."""

    def __init__(self, doc, text: str, tok_starts: list[int], entities: list[LocalEntity], quotes: list[MarkedQuote]):
        self.doc = doc
        self.text = text
        self.entities = {e.key: e for e in entities}
        self.tok_starts = tok_starts
        n = len(doc)
        # Which quotation (by index) each token lies inside, marks included; -1 outside.
        self.in_quote = [-1] * n
        spans = []
        for qi, q in enumerate(quotes):
            spans.append((q.outer_start, q.pieces[0][1] + 1, qi))
            for k in range(1, len(q.pieces)):
                spans.append((q.continues[k - 1] if k - 1 < len(q.continues) else q.pieces[k][0], q.pieces[k][1] + 1, qi))
        self._paint(spans, self.in_quote)
        # Which entity each token belongs to.
        self.entity_at: list[str | None] = [None] * n
        self.mention_at: list[tuple[int, int] | None] = [None] * n
        for e in entities:
            for m in e.mentions:
                for ti in self._tokens_in(m.start, m.end):
                    self.entity_at[ti] = e.key
                    self.mention_at[ti] = (m.start, m.end)
        self.person_mentions = sorted(
            (m.start, m.end, e.key) for e in entities if e.type == "PERSON" for m in e.mentions
        )
        self.person_starts = [m[0] for m in self.person_mentions]
        self.gender = _genders(doc, self)
        self.speakers: list[tuple[int, str]] = []  # (char offset, entity key) of resolved speakers

    def _tokens_in(self, start: int, end: int) -> range:
        lo = bisect.bisect_left(self.tok_starts, start)
        if lo > 0 and self.tok_starts[lo - 1] + len(self.doc[lo - 1]) > start:
            lo -= 1
        hi = bisect.bisect_left(self.tok_starts, end)
        return range(lo, hi)

    def _paint(self, spans, target: list[int]) -> None:
        for start, end, value in spans:
            for ti in self._tokens_in(start, end):
                target[ti] = value

    def token_at(self, char: int) -> int:
        return max(bisect.bisect_right(self.tok_starts, char) - 1, 0)

    def span(self, article_id: str, start: int, end: int) -> Span:
        return Span(article_id, start, end, self.text[start:end])


# --------------------------------------------------------------------------- genders


def person_genders(doc, entities: list[LocalEntity]) -> dict[str, str]:
    """Person entity key → "m" / "f", as the article shows it (honorifics, pronouns after the one name of
    a sentence): the reading the quote step uses, for other steps that resolve pronouns (claims)."""
    return _Article(doc, doc.text, [t.idx for t in doc], entities, []).gender


def _genders(doc, art: _Article) -> dict[str, str]:
    """Entity key → "m"/"f", from honorifics and from the pronouns in sentences naming one person."""
    votes: dict[str, list[int]] = {}
    for ti, tok in enumerate(doc):
        key = art.entity_at[ti]
        if key and ti > 0 and art.entity_at[ti - 1] != key:
            g = HONORIFIC_GENDER.get(doc[ti - 1].lower_.rstrip("."))
            if g:
                votes.setdefault(key, [0, 0])[0 if g == "m" else 1] += 5
    for sent in doc.sents:
        # Names inside quotation marks are talked about, not the ones the narrative's pronouns mean.
        named = [
            t.i for t in sent
            if art.entity_at[t.i] and art.in_quote[t.i] < 0 and art.entities[art.entity_at[t.i]].type == "PERSON"
        ]
        people = {art.entity_at[i] for i in named}
        if len(people) != 1:
            continue
        key = people.pop()
        for t in sent:
            g = PERSON_PRONOUNS.get(t.lower_)
            # Only pronouns after the name: "He then told Ann Lee to leave her car" says nothing
            # about Ann Lee being a "he".
            if g and art.in_quote[t.i] < 0 and t.i > named[0]:
                votes.setdefault(key, [0, 0])[0 if g == "m" else 1] += 1
    return {k: ("m" if m > f else "f") for k, (m, f) in votes.items() if m != f}


# --------------------------------------------------------------------------- speakers


def _noun_phrase(tok) -> tuple[int, int]:
    """Char span of a subject's noun phrase, without relative clauses, appositions or punctuation."""
    left = tok
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod") and not child.is_punct:
            left = child.left_edge if child.left_edge.i < left.i else left
            break
    right = tok
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from", "in") and child.right_edge.i - tok.i <= 8:
            right = child.right_edge
        else:
            break
    while right.i > tok.i and right.is_punct:
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right)


def _subject(verb, depth: int = 0):
    """The token naming who speaks for a speech verb (following conj / advcl / xcomp chains)."""
    found = _own_subject(verb, depth)
    # Never reach over a paragraph break for the speaker: the parser glued a heading to the
    # sentence; take the first person (or pronoun, or organisation) of the verb's own paragraph.
    if found is not None and _newline_between(verb.doc, found.i, verb.i):
        return _paragraph_subject(verb)
    return found


def _newline_between(doc, i: int, j: int) -> bool:
    """Is there a paragraph break between tokens i and j (newlines are tokens of their own)."""
    lo, hi = min(i, j), max(i, j)
    return any("\n" in doc[k].text for k in range(lo, hi))


def _paragraph_subject(verb):
    doc = verb.doc
    i = verb.i - 1
    people, orgs = [], []
    while i >= 0 and "\n" not in doc[i].text and verb.i - i < 40:
        tok = doc[i]
        if tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she", "they"):
            people.append(tok)
        elif tok.ent_type_ in ("ORG", "GPE", "NORP"):
            orgs.append(tok)
        i -= 1
    chosen = people[-1] if people else (orgs[-1] if orgs else None)
    if chosen is None:
        # "Protestors said": the noun right before the verb.
        prev = doc[verb.i - 1] if verb.i > 0 else None
        return prev if prev is not None and prev.pos_ in ("NOUN", "PROPN") else None
    while chosen.dep_ in ("compound", "flat") and chosen.head.i > chosen.i and chosen.head.ent_type_ == chosen.ent_type_:
        chosen = chosen.head
    return chosen


def _own_subject(verb, depth: int = 0):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            # "the brawler, who calls herself …": the relative pronoun stands for its antecedent.
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            return child
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "relcl", "acl", "pcomp") and verb.head.i != verb.i:
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        matrix = _matrix_of_conjunct(verb) if verb.dep_ == "conj" else None
        if matrix is not None:
            return _own_subject(matrix, depth + 1)
        return _own_subject(verb.head, depth + 1)
    # "…," said Trump with the subject parsed as an object.
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.pos_ in ("PROPN", "PRON") and child.i == verb.i + 1:
            return child
    # A name the parser could not place (odd characters): the word just before the verb.
    if verb.i > 0:
        prev = verb.doc[verb.i - 1]
        if prev.ent_type_ in ("PERSON", "ORG") or prev.pos_ == "PROPN" and prev.text[:1].isupper():
            return prev
    return None


def _matrix_of_conjunct(verb):
    """The main verb a subjectless conjunct really continues, when the parser tied it into a clause.

    "Lee made it clear that they didn’t win but called the game “a lesson”": the parser makes
    "called" a conjunct of "win" inside the that-clause; its tense matches "made", not "win".
    """
    first = verb.head
    if not any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in first.children):
        return None
    matrix, steps = first.head, 0
    while matrix.pos_ not in ("VERB", "AUX") and matrix.head.i != matrix.i and steps < 3:
        matrix, steps = matrix.head, steps + 1
    if matrix.i == first.i or matrix.pos_ not in ("VERB", "AUX"):
        return None
    return matrix if verb.tag_ == matrix.tag_ != first.tag_ else None


def _speaker_token(tok):
    """Move from a document noun ("a statement from the ministry") to who issued it."""
    if tok.lemma_.lower() in DOCUMENT_NOUNS and tok.lemma_.lower() not in ("spokesman", "spokeswoman", "spokesperson", "representative"):
        for child in tok.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
    return tok


def _resolve(art: _Article, tok) -> _Speaker:
    """The speaker named by ``tok``: entity, pronoun, description or plain noun."""
    tok = _speaker_token(tok)
    doc = art.doc
    key = art.entity_at[tok.i]
    group = _named_group(art, tok) if key is not None else None
    if group is not None:
        return group
    if key is None:
        # "Kremlin spokesman Dmitry Peskov" parses with the name as the head; "the Kremlin aide,
        # Yuri Ushakov," with the name as an apposition.
        for child in tok.children:
            if child.dep_ == "appos" and art.entity_at[child.i] and art.entities[art.entity_at[child.i]].type == "PERSON":
                key = art.entity_at[child.i]
                mention = art.mention_at[child.i]
                return _entity_speaker(art, key, mention)
    if key is not None:
        # The whole noun phrase ("White House spokesman Josh Earnest", "The New York Times"),
        # as long as it still holds the name.
        mention = art.mention_at[tok.i]
        phrase = _noun_phrase(_name_head(tok))
        if mention is not None and phrase[0] <= mention[0] and phrase[1] >= mention[1] and "\n" not in art.text[phrase[0] : phrase[1]]:
            mention = phrase
        return _entity_speaker(art, key, mention)
    lower = tok.lower_
    if tok.pos_ == "PRON" or lower in SUBJECT_PRONOUNS:
        mention = (tok.idx, tok.idx + len(tok))
        if lower in PERSON_PRONOUNS:
            person = _pronoun_person(art, tok, PERSON_PRONOUNS[lower])
            if person:
                e = art.entities[person]
                return _Speaker(mention, e.name, e.key, "PERSON")
            return _Speaker(mention, None, None, "PERSON")
        if lower in ("i", "we", "you"):
            return _Speaker(mention, None, None, None)
        return _Speaker(mention, None, None, None)
    mention = _noun_phrase(tok)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in tok.children)
    lefts = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")]
    words = [t.lower_.rstrip(".") for t in lefts] + [tok.lemma_.lower()]
    # Nationality words ("the US president") may fit a role that names no country.
    nationality = {t.lower_.rstrip(".") for t in lefts if t.ent_type_ in ("NORP", "GPE")}
    proper = tok.pos_ == "PROPN" and tok.text[:1].isupper()
    if proper or tok.text[:1].isupper() and tok.pos_ == "NOUN":
        # A surname the NER missed here but found elsewhere in the article (the tagger may even
        # read it as a common noun: "Trump described …").
        named = [e for e in art.entities.values() if e.type == "PERSON" and e.name.split()[-1] == tok.text]
        if len(named) == 1:
            return _Speaker(mention, named[0].name, named[0].key, "PERSON")
    is_org = tok.lemma_.lower() in ORG_NOUNS or proper and tok.lemma_.lower() not in LEADER_ROLES
    if definite or proper:
        key = _description_entity(art, words, tok.idx, org=is_org, nationality=nationality)
        if key:
            e = art.entities[key]
            return _Speaker(mention, e.name, e.key, "PERSON" if e.type == "PERSON" else "ORG")
    return _Speaker(mention, None, None, "ORG" if is_org else "PERSON")


def _name_head(tok):
    """The last word of a name ("Josh" → "Earnest"), which carries the phrase's modifiers."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.ent_type_ == tok.ent_type_:
        tok = tok.head
    return tok


def _named_group(art: _Article, tok) -> _Speaker | None:
    """ "Europe and Ukraine have argued …": names joined by "and" speak together. The speaker is the
    group as written, tied to no one entity (naming only the first would put words in one mouth)."""
    # "France, Germany and Ukraine": the parser chains the names (Ukraine → Germany → France) and
    # hangs "and" on the one before last, so every conjunct and its children are looked at.
    members = [c for c in tok.conjuncts if c.i > tok.i and art.entity_at[c.i] is not None]
    if not members or not any(c.dep_ == "cc" and c.lower_ == "and" for t in (tok, *members) for c in t.children):
        return None
    start = art.mention_at[tok.i][0] if art.mention_at[tok.i] else tok.idx
    last = max(members, key=lambda c: c.i)
    end = art.mention_at[last.i][1] if art.mention_at[last.i] else last.idx + len(last)
    if "\n" in art.text[start:end]:
        return None
    keys = [art.entity_at[tok.i]] + [art.entity_at[c.i] for c in members]
    people = all(art.entities[k].type == "PERSON" for k in keys)
    return _Speaker((start, end), art.text[start:end], None, "PERSON" if people else "ORG")


def _entity_speaker(art: _Article, key: str, mention: tuple[int, int] | None) -> _Speaker:
    e = art.entities[key]
    return _Speaker(mention, e.name, e.key, "PERSON" if e.type == "PERSON" else "ORG")


def _pronoun_person(art: _Article, pron, gender: str, depth: int = 0) -> str | None:
    """Who "he"/"she" stands for, in this order:

    1. the person subject of an earlier clause of its own sentence, else of the sentence before
       (same or previous paragraph): "Lee praised the plan. “…,” he said." → Lee, even when the
       quote names someone else;
    2. the speaker of the attribution just before, unless a compatible person was a subject since;
    3. the nearest compatible person named outside quotation marks, preferring subjects over
       objects and possessives ("hailed Mr. Ross’s plan" does not make Ross the one talking).

    Names inside quoted material are never candidates: they are what the speaker talks about.
    """
    subject = _previous_subject_person(art, pron, gender, depth)
    if subject is not None:
        return subject
    at = pron.idx
    s = len(art.speakers) - 1
    while s >= 0 and art.speakers[s][0] > at:
        s -= 1
    last_speaker = art.speakers[s] if s >= 0 and at - art.speakers[s][0] < 1500 else None
    candidates: list[tuple[int, str, bool]] = []  # char, entity, in a subject-like position
    k = bisect.bisect_left(art.person_starts, at) - 1
    while k >= 0 and len(candidates) < 12 and at - art.person_mentions[k][0] < 3000:
        char, _, key = art.person_mentions[k]
        k -= 1
        ti = art.token_at(char)
        if art.in_quote[ti] >= 0 or art.gender.get(key, gender) != gender:
            continue
        candidates.append((char, key, not _is_object(art.doc[ti])))
    if last_speaker and art.gender.get(last_speaker[1], gender) == gender:
        # The speaker of the previous quote keeps the floor unless a same-gender person was
        # named as a subject since.
        subject_since = [
            c for c in candidates if c[0] > last_speaker[0] and c[1] != last_speaker[1] and _is_subject(art, c[0])
        ]
        if not subject_since:
            return last_speaker[1]
    if not candidates:
        return None
    # Subjects before objects; someone known to be "she" before someone whose gender the article
    # never showed.
    ranked = sorted(
        range(len(candidates)),
        key=lambda i: (not candidates[i][2], candidates[i][1] not in art.gender, i),
    )
    return candidates[ranked[0]][1]


OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative", "poss", "obj", "oprd"})


def _is_object(tok) -> bool:
    """Is this name (or the phrase it heads) an object or a possessive rather than an actor?"""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in OBJECT_DEPS


def _previous_subject_person(art: _Article, pron, gender: str, depth: int) -> str | None:
    """The person subject of an earlier clause of the pronoun's sentence or of the sentence before.

    Sentences are counted by final punctuation outside quotation marks (a quote's own full stop
    does not end the narrative sentence) and by paragraph breaks; at most one paragraph break is
    crossed. In the sentence before, the main clause's subject comes first.
    """
    doc = art.doc
    current: list = []  # subjects before the pronoun in its own sentence, nearest first
    previous: list = []  # subjects of the sentence before, nearest first
    region, breaks, seen_words = current, 0, False
    ti = pron.i - 1
    while ti >= 0 and pron.i - ti < 200:
        tok = doc[ti]
        ti -= 1
        if art.in_quote[tok.i] >= 0:
            continue
        is_break = tok.text in SENTENCE_END or "\n" in tok.text
        if is_break:
            if "\n" in tok.text:
                breaks += 1
                if breaks > 1 or _is_heading(art, max(tok.idx - 1, 0)):
                    break
            if region is current:
                region, seen_words = previous, False
            elif seen_words:
                break  # the start of the sentence before the previous one
            continue
        if not tok.is_punct and not tok.is_space:
            seen_words = True
        if tok.dep_ in ("nsubj", "nsubjpass") and art.in_quote[tok.head.i] < 0:
            region.append(tok)
    main = [t for t in previous if t.head.dep_ == "ROOT"]
    for tok in [*current, *main, *[t for t in previous if t not in main]]:
        key = _subject_person(art, tok, gender, depth)
        if key is not None:
            if key not in art.gender:
                # A subject the article never gave a gender loses to someone shown to be "she"
                # who was speaking just before it (same or previous paragraph).
                return _known_speaker_before(art, tok, pron, gender, depth) or key
            return key
    return None


def _known_speaker_before(art: _Article, subject, pron, gender: str, depth: int) -> str | None:
    """A person of known matching gender who is the subject of a speech verb before ``subject``
    ("she said" counts, as the person it resolves to)."""
    doc, breaks = art.doc, 0
    breaks = sum(1 for k in range(subject.i, pron.i) if "\n" in doc[k].text)
    ti = subject.i - 1
    while ti >= 0 and pron.i - ti < 200:
        tok = doc[ti]
        ti -= 1
        if "\n" in tok.text:
            breaks += 1
            if breaks > 1:
                break
        if art.in_quote[tok.i] >= 0 or tok.dep_ not in ("nsubj", "nsubjpass") or not _is_cue_verb(tok.head):
            continue
        key = art.entity_at[tok.i]
        if key is None and PERSON_PRONOUNS.get(tok.lower_) == gender and depth < 2:
            key = _pronoun_person(art, tok, gender, depth + 1)
        if key is not None and art.entities[key].type == "PERSON" and art.gender.get(key) == gender:
            return key
    return None


def _subject_person(art: _Article, tok, gender: str, depth: int) -> str | None:
    """The person a subject names (a name, a fitting description, or a same-gender pronoun)."""
    lower = tok.lower_
    if lower in PERSON_PRONOUNS:
        if PERSON_PRONOUNS[lower] != gender or depth >= 2:
            return None
        return _pronoun_person(art, tok, gender, depth + 1)
    if tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS"):
        return None  # "they", "who", "the two leaders"
    key = art.entity_at[tok.i]
    if key is None and tok.pos_ in ("NOUN", "PROPN"):
        key = _resolve(art, tok).entity
    if key is None or art.entities[key].type != "PERSON" or art.gender.get(key, gender) != gender:
        return None
    return key


def _is_subject(art: _Article, char: int) -> bool:
    tok = art.doc[art.token_at(char)]
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _description_entity(
    art: _Article, words: list[str], at: int, *, org: bool, nationality: set[str] = frozenset()
) -> str | None:
    """The one entity a definite description fits ("the Russian leader" → Vladimir Putin)."""
    if org:
        head = _description_word(words[-1])
        modifiers = [m for m in map(_description_word, words[:-1]) if m and m not in GENERIC_MODIFIERS]
        fits = [
            e.key for e in art.entities.values()
            if e.type in ("ORG", "GPE", "NORP")
            and head in (names := {w.lower() for w in e.name.split()})
            and all(_word_fits(m, names) for m in modifiers)
        ]
    else:
        roles = {e.key: e.roles for e in art.entities.values() if e.type == "PERSON"}
        fits = fitting_people(words, roles, nationality)
    if len(fits) == 1:
        return fits[0]
    if len(fits) > 1 and (org or distinguishing_modifiers(words)):
        # Several fit: the one named most recently before, if it was named in the last ~2 paragraphs.
        # Not for a bare "the president" beside two presidents: nothing in it points to either.
        best, best_pos = None, -1
        for key in fits:
            before = [m.start for m in art.entities[key].mentions if m.start < at]
            if before and max(before) > best_pos:
                best, best_pos = key, max(before)
        if best is not None and at - best_pos < 600:
            return best
    return None


ROLE_TITLE_WORDS = LEADER_ROLES | frozenset(
    {"of", "the", "state", "secretary", "foreign", "defense", "defence", "vice", "deputy", "press", "former", "sen", "rep", "gov", "governor", "senator"}
)


def _description_word(word: str) -> str:
    """A description's or role's word compared: lower case, no trailing dot, no possessive."""
    return word.lower().strip(".,").removesuffix("'s").removesuffix("’s")


def role_words(roles: Iterable[str]) -> set[str]:
    """The compared words of a person's roles ("Kremlin's Press Secretary" → kremlin, press, secretary)."""
    return {w for role in roles for w in map(_description_word, role.replace("-", " ").split()) if w}


def distinguishing_modifiers(words: Sequence[str]) -> list[str]:
    """The words of a description, head (last) excluded, that say which one it is: "russian" of
    "the Russian president"; none for a bare "the president" or "the veteran president"."""
    return [m for m in map(_description_word, words[:-1]) if m and m not in GENERIC_MODIFIERS]


def role_fit(words: Sequence[str], roles: Iterable[str], nationality: AbstractSet[str] = frozenset()) -> str | None:
    """How a definite description fits a person's roles: ``"exact"``, ``"loose"`` or None.

    ``words`` are the description's words, head last, without its article ("russian", "leader").
    The head must be a word of a role ("president"), or a generic "leader" / "head" for a person
    whose role names a leader's office. Generic modifiers ("former", "top", "new") are ignored; every
    other modifier must be named by the roles ("russian" ~ "Russia", "Kremlin's" ~ "Kremlin"): then
    the fit is exact. A nationality word ("the US president") may also fit a role that names no
    country at all ("President"): a loose fit, which an exact fit elsewhere outranks.
    """
    if not words:
        return None
    own = role_words(roles)
    if not own:
        return None
    head = _description_word(words[-1])
    modifiers = distinguishing_modifiers(words)
    if not (head in own or head in ("leader", "head") and own & LEADER_ROLES):
        return None
    if all(_word_fits(m, own) for m in modifiers):
        return "exact"
    # Only a role that itself says the head ("president") is countryless: "the Russian leader" is
    # not every countryless "President" in the article.
    countryless = head in own and all(w in ROLE_TITLE_WORDS for w in own)
    if countryless and all(_word_fits(m, own) or m in nationality for m in modifiers):
        return "loose"
    return None


def fitting_people(
    words: Sequence[str], roles_by_person: Mapping[K, Iterable[str]], nationality: AbstractSet[str] = frozenset()
) -> list[K]:
    """The people a definite description fits; exact fits only, when some are exact and some loose
    ("the Russian leader": a "Russian President" fits better than a plain "President")."""
    fits = {key: role_fit(words, roles, nationality) for key, roles in roles_by_person.items()}
    loose = [key for key, fit in fits.items() if fit]
    exact = [key for key, fit in fits.items() if fit == "exact"]
    return exact if exact and len(exact) < len(loose) else loose


def _word_fits(word: str, role_words: set[str]) -> bool:
    if word in role_words:
        return True
    # "russian" ~ "russia", "kremlin" ~ "kremlin's"
    stem = word[:5]
    return len(word) > 4 and any(w.startswith(stem) for w in role_words)


# --------------------------------------------------------------------------- cues


def _is_cue_verb(tok) -> bool:
    return tok.lemma_.lower() in CUE_LEMMAS and tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("said", "says", "told", "added", "asked", "wrote")


def _according_to(doc, ti: int) -> _Cue | None:
    """ "according to X": the cue span and X."""
    tok = doc[ti]
    if tok.lower_ != "according" or ti + 1 >= len(doc) or doc[ti + 1].lower_ != "to":
        return None
    to = doc[ti + 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None and ti + 2 < len(doc):
        obj = doc[ti + 2] if doc[ti + 2].pos_ in ("PROPN", "NOUN", "PRON") else None
        if obj is not None:
            while obj.head.i != obj.i and obj.dep_ in ("compound", "amod", "det") and obj.head.i > obj.i:
                obj = obj.head
    return _Cue((tok.idx, to.idx + len(to)), None, obj)


def _zone_cue(art: _Article, tokens: list[int]) -> _Cue | None:
    """The speech cue in a run of tokens next to a quote (nearest to the quote first)."""
    doc = art.doc
    for ti in tokens:
        tok = doc[ti]
        acc = _according_to(doc, ti)
        if acc is not None:
            return acc
        if _is_cue_verb(tok):
            subject = _subject(tok)
            if subject is not None and art.in_quote[subject.i] >= 0:
                subject = None  # a word of the quote itself is never its speaker
            return _Cue((tok.idx, tok.idx + len(tok)), tok, subject)
    return None


def _zone_after(art: _Article, qi: int, after: int) -> list[int]:
    """Tokens after a quote up to the sentence end, the next quote or the paragraph end."""
    doc, out = art.doc, []
    ti = art.token_at(after)
    if ti < len(doc) and doc[ti].idx < after:
        ti += 1
    while ti < len(doc) and len(out) < MAX_ZONE:
        tok = doc[ti]
        if art.in_quote[ti] >= 0 and art.in_quote[ti] != qi or "\n" in tok.text or tok.text == ";":
            break  # a semicolon starts another clause: "…or “trust, but verify”; the fact that X said it"
        if art.in_quote[ti] < 0:
            out.append(ti)
            if tok.text in SENTENCE_END:
                break
        ti += 1
    return out


def _zone_before(art: _Article, qi: int, before: int) -> list[int]:
    """Tokens before a quote back to the sentence start, the previous quote or the paragraph start."""
    doc, out = art.doc, []
    ti = art.token_at(before) - 1 if before > 0 else -1
    while ti >= 0 and len(out) < MAX_ZONE:
        tok = doc[ti]
        if art.in_quote[ti] >= 0 and art.in_quote[ti] != qi or "\n" in tok.text or tok.text in SENTENCE_END or tok.text == ";":
            break
        out.append(ti)
        ti -= 1
    return out


# --------------------------------------------------------------------------- classification


def _is_naming(art: _Article, before: list[int]) -> bool:
    """Quoted words introduced as a name, title or slogan ("known as", "a banner reading")."""
    doc = art.doc
    words = [doc[ti].lower_ for ti in before[:3] if not doc[ti].is_punct]
    if not words:
        return False
    if words[0] in NAMING_WORDS:
        return True
    if len(words) >= 2 and (words[1], words[0]) in NAMING_BIGRAMS:
        return True
    # "the phrase “…”", "a sign saying “…”" — a thing, not a person, carries the words.
    return len(words) >= 2 and words[0] in ("saying", "that") and words[1] in NAMING_WORDS


TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "with", "&"})


def _is_programme_title(art: _Article, q: MarkedQuote, before: list[int]) -> bool:
    """Capitalised words after "on", "in" or "told" name a programme or a publication, not speech:
    'Graham said on "Fox News Sunday."', 'told "60 Minutes"', 'wrote in "The Atlantic"'."""
    words = [art.doc[ti].lower_ for ti in before[:2] if not art.doc[ti].is_punct]
    if not words or words[0] not in ("on", "in", "told"):
        return False
    tokens = art.text[q.start : q.end].strip().rstrip(".,").split()
    return 0 < len(tokens) <= 6 and (tokens[0][:1].isupper() or tokens[0][:1].isdigit()) \
        and all(t[:1].isupper() or t[:1].isdigit() or t.lower() in TITLE_SMALL_WORDS for t in tokens)


def _sentential(art: _Article, q: MarkedQuote, before: list[int], after: list[int]) -> bool:
    """Does the quote stand as speech of its own (vs. a phrase embedded in the sentence)?"""
    doc, text = art.doc, art.text
    content = text[q.start : q.end]
    opens_sentence = not before or doc[before[0]].text in (":", ",", "—", "–", "-") or all(doc[t].is_punct for t in before)
    ends_with_punct = content[-1:] in ",.?!…:;—-" if content else False
    if opens_sentence and (ends_with_punct or len(content.split()) >= 3 or not after):
        return True
    if len(q.pieces) > 1:
        return True
    # A complete sentence inside the marks, even mid-sentence: “Capitalised … .”
    return ends_with_punct and content[:1].isupper() and len(content.split()) >= 4


# --------------------------------------------------------------------------- main


def extract_quotes(doc, article_id: str, entities: list[LocalEntity]) -> list[QuoteMention]:
    """Every direct, partial and indirect quote in the article, each with its speaker when known."""
    text = doc.text  # Doc.text joins every token on each access: read it once
    tok_starts = [t.idx for t in doc]
    marked = _join_split_quotes(doc, text, tok_starts, find_marked_quotes(text))
    art = _Article(doc, text, tok_starts, entities, marked)
    mentions: list[QuoteMention] = []
    covered: list[tuple[int, int]] = []  # direct quotes' outer spans, to keep indirect ones apart
    prev_speaker: tuple[_Speaker, int, int] | None = None  # speaker, char of quote end, paragraph
    for qi, q in enumerate(marked):
        before = _zone_before(art, qi, q.outer_start)
        after = _zone_after(art, qi, q.outer_end)
        if _is_naming(art, before) or _is_heading(art, q.outer_start) or _is_programme_title(art, q, before):
            continue
        sentential = _sentential(art, q, before, after)
        cue = _cue_for(art, q, before, after, sentential)
        speaker = _resolve(art, cue.subject) if cue and cue.subject is not None else None
        para = _para_index(text, q.outer_start)
        if not sentential:
            cue, speaker = cue or _governing_cue(art, q), speaker
            if cue is None or cue.subject is None or not _reports_words(art, cue, q):
                continue  # a scare quote, nickname or title: no one is speaking
            if speaker is None and cue.subject is not None:
                speaker = _resolve(art, cue.subject)
            kind = "partial"
        else:
            kind = "direct"
            if cue is None and len(q.pieces) == 1 and len(art.text[q.start : q.end].split()) < 4:
                continue  # "grapple," "optics," — words in a list, not speech
            if speaker is None and cue is None:
                speaker, cue = _floating_speaker(art, q, before, prev_speaker, para)
        if speaker is not None and speaker.mention is not None and art.text[speaker.mention[0] : speaker.mention[1]].lower() in ("i", "we"):
            prev_speaker = (speaker, q.outer_end, para)  # what follows unattributed is the author's too
            continue  # the author's own words in a first-person piece, not a quoted source
        mention = _mention(art, article_id, q, kind, cue, speaker)
        mentions.append(mention)
        if kind == "direct":
            covered.append((q.outer_start, q.outer_end))
        if speaker is not None and speaker.mention is not None:
            prev_speaker = (speaker, q.outer_end, para)
            if speaker.entity:
                art.speakers.append((q.outer_start, speaker.entity))
    indirect = [i for i in _indirect_quotes(art, article_id, covered, mentions) if not _around_direct(i, mentions, text)]
    mentions = [m for m in mentions if not _inside_indirect(m, indirect)]
    indirect = [i for i in indirect if not _nested_without_speaker(i, indirect)]
    mentions.extend(indirect)
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _around_direct(indirect: QuoteMention, mentions: list[QuoteMention], text: str) -> bool:
    """A clause that holds, after a colon, a direct quote attributed by the same verb is that
    quote again: in “Trump made his view clear: “…,” he said” the parser makes the whole sentence
    the complement of “said”, but the words before the colon are the writer's frame. Without the
    colon (“…leaders envisioned a “home for whiteness,” Foster writes”) the clause is the report."""
    return indirect.cue is not None and any(
        m.kind == "direct" and m.cue is not None and m.cue.start == indirect.cue.start
        and indirect.start <= m.start and m.end <= indirect.end + 1
        and text[indirect.start : m.start].rstrip(" \"“‘'").endswith(":")
        for m in mentions
    )


def _nested_without_speaker(m: QuoteMention, indirect: list[QuoteMention]) -> bool:
    """An indirect quote, cue and all, inside another one's clause with no speaker of its own is
    part of that report ("Putin said that the points would face opposition, warning allies not to
    …": the parser hangs "warning" on the reported clause); given once, as the outer clause. One
    that names its own speaker is a report inside a report and stays."""
    if m.cue is None or m.speaker_entity or m.speaker_name:
        return False
    return any(
        o is not m and o.start <= m.cue.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
        for o in indirect
    )


def _inside_indirect(m: QuoteMention, indirect: list[QuoteMention]) -> bool:
    """A partial quote inside the content clause reported by the same verb (said that a deal
    would include the “swapping” of land) is one report, given once: as the clause."""
    if m.kind != "partial" or m.cue is None:
        return False
    return any(
        i.cue is not None and i.cue.start == m.cue.start and i.start <= m.start and m.end <= i.end + 1
        for i in indirect
    )


def _para_index(text: str, at: int) -> int:
    return text.count("\n", 0, at)


def _is_heading(art: _Article, at: int) -> bool:
    """A title, subheading or caption line: short, with no sentence-final punctuation."""
    text = art.text
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if line.startswith(("READ MORE", "WATCH", "RELATED", "MORE:", "LISTEN", "PHOTOS", "VIDEO")):
        return True  # links to other stories
    # Quote marks closing the line do not make it a sentence: ‘It becomes a nightmare’
    return len(line.split()) <= 20 and not line.rstrip("\"”’'").endswith((".", "?", "!", ":", ",", "…", ")"))


def _cue_for(art: _Article, q: MarkedQuote, before: list[int], after: list[int], sentential: bool) -> _Cue | None:
    gap_cues = [_zone_cue(art, list(art._tokens_in(a, b))) for a, b in q.gaps]
    cue = _pick_cue(art, q, before, after)
    # A cue that names its speaker beats one that does not (an attribution inside a split quote
    # first, then the sides).
    ranked = [c for c in [*gap_cues, cue] if c is not None]
    return next((c for c in ranked if c.subject is not None), ranked[0] if ranked else None)


def _pick_cue(art: _Article, q: MarkedQuote, before: list[int], after: list[int]) -> _Cue | None:
    content = art.text[q.start : q.end]
    after_cue = _zone_cue(art, after)
    before_cue = _zone_cue(art, before)
    if after_cue and before_cue:
        # Nienaber said “…,” and added — a quote right after its verb belongs to it.
        if before_cue.verb is not None and before_cue.verb.i == before[0] and before_cue.subject is not None:
            return before_cue
        # “…,” she said — the comma inside the marks points forward; Trump said: “…” points back.
        if content.endswith(",") or not before or art.doc[before[0]].text not in (":", ","):
            return after_cue if after_cue.subject is not None or before_cue.subject is None else before_cue
        return before_cue if before_cue.subject is not None or after_cue.subject is None else after_cue
    return after_cue or before_cue


def _governing_cue(art: _Article, q: MarkedQuote) -> _Cue | None:
    """A speech verb whose complement contains an embedded quoted phrase (partial quote)."""
    doc = art.doc
    ti = art.token_at(q.start)
    tok = doc[ti]
    seen = 0
    while tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
        if _is_cue_verb(tok) and art.in_quote[tok.i] < 0:
            return _Cue((tok.idx, tok.idx + len(tok)), tok, _subject(tok))
    return None


def _reports_words(art: _Article, cue: _Cue, q: MarkedQuote) -> bool:
    """Does the cue report these quoted words (not name a thing: "an app called “…”")?"""
    verb = cue.verb
    if verb is None:
        return True
    lemma = verb.lemma_.lower()
    if lemma in ("believe", "think", "wonder"):
        return False
    if lemma in ("call", "name", "dub") and verb.dep_ in ("acl", "amod", "relcl") and cue.subject is not None and cue.subject.i < verb.i and verb.tag_ == "VBN":
        return False  # "a market-research app called “Screenwise Meter”"
    # The quoted words name who was told ("told NBC’s “Today” show") or who speaks, not what.
    tok = art.doc[art.token_at(q.start)]
    steps = 0
    while tok.head.i != tok.i and tok.head.i != verb.i and steps < 12:
        tok, steps = tok.head, steps + 1
    if tok.head.i != verb.i:
        return True
    if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
        return False
    return not (lemma == "tell" and tok.dep_ in ("dobj", "dative", "npadvmod"))


def _floating_speaker(
    art: _Article, q: MarkedQuote, before: list[int], prev: tuple[_Speaker, int, int] | None, para: int
) -> tuple[_Speaker | None, _Cue | None]:
    """A quote with no cue of its own: the previous quote's speaker, or a speech verb just before."""
    doc, text = art.doc, art.text
    # "Trump said on Friday:" closing the previous paragraph or sentence.
    start_ti = art.token_at(q.outer_start)
    look = []
    ti = start_ti - 1
    while ti >= 0 and len(look) < MAX_ZONE and art.in_quote[ti] < 0:
        if "\n" in doc[ti].text and _is_heading(art, doc[ti].idx - 1):
            break  # a heading above the quote says nothing about who speaks
        look.append(ti)
        ti -= 1
    content_tokens = [t for t in look if not doc[t].is_space]
    if content_tokens and doc[content_tokens[0]].text == ":":
        cue = _zone_cue(art, content_tokens[1:])
        if cue and cue.subject is not None:
            return _resolve(art, cue.subject), cue
    if prev is not None:
        speaker, prev_end, prev_para = prev
        gap = text[prev_end : q.outer_start]
        if para - prev_para <= 1 and len(gap) < 400:
            return speaker, None
    # A speech verb in the sentence just before ("Zelensky said he hoped for talks.")
    cue = _zone_cue(art, [t for t in look if not doc[t].is_space and doc[t].text not in SENTENCE_END][:MAX_ZONE])
    if cue and cue.subject is not None and cue.subject.pos_ in ("PROPN", "PRON", "NOUN"):
        return _resolve(art, cue.subject), None
    return None, None


def _mention(
    art: _Article, article_id: str, q: MarkedQuote, kind: str, cue: _Cue | None, speaker: _Speaker | None
) -> QuoteMention:
    start, end = q.pieces[0]
    if art.text[end - 1 : end] == "," and end - 1 > start:
        end -= 1
    parts = [art.span(article_id, *_drop_comma(art.text, p)) for p in q.pieces] if len(q.pieces) > 1 else []
    return QuoteMention(
        article=article_id,
        start=start,
        end=end,
        text=art.text[start:end],
        kind=kind,  # type: ignore[arg-type]
        cue=art.span(article_id, *cue.span) if cue else None,
        speaker_mention=art.span(article_id, *speaker.mention) if speaker and speaker.mention else None,
        speaker_name=speaker.name if speaker else None,
        speaker_entity=speaker.entity if speaker else None,
        speaker_type=speaker.type if speaker else None,
        parts=parts,
    )


def _drop_comma(text: str, piece: tuple[int, int]) -> tuple[int, int]:
    start, end = piece
    return (start, end - 1) if text[end - 1 : end] == "," and end - 1 > start else piece


def _join_split_quotes(doc, text: str, starts: list[int], quotes: list[MarkedQuote]) -> list[MarkedQuote]:
    """“A,” X said, “b.” → one quote with two pieces (a short attribution with a cue between them)."""
    out: list[MarkedQuote] = []
    for q in quotes:
        if out and _is_split(doc, text, starts, out[-1], q):
            prev = out[-1]
            prev.gaps.append((prev.outer_end, q.outer_start))
            prev.pieces.extend(q.pieces)
            prev.continues.append(q.outer_start)
            prev.continues.extend(q.continues)
            prev.gaps.extend(q.gaps)
            prev.outer_end, prev.closed = q.outer_end, q.closed
            continue
        out.append(q)
    return out


def _is_split(doc, text: str, starts: list[int], first: MarkedQuote, second: MarkedQuote) -> bool:
    gap = text[first.outer_end : second.outer_start]
    if "\n" in gap or first.single != second.single:
        return False
    words = len(gap.split())
    first_text = text[first.start : first.end]
    mid_sentence = gap.rstrip().endswith((",", ":", "—", "–"))
    # “A,” said Caddell. “B.” — the attribution only interrupts one speaker's run of quotes.
    next_sentence = gap.rstrip().endswith(".") and first_text.endswith(",") and words <= 6
    if not 1 <= words <= 10 or not (mid_sentence or next_sentence):
        return False
    if not (first_text.endswith((",", "—", "–", "-", "…")) or text[second.start : second.start + 1].islower()):
        return False
    lo = bisect.bisect_left(starts, first.outer_end)
    hi = bisect.bisect_left(starts, second.outer_start)
    return any(_is_cue_verb(doc[i]) for i in range(lo, hi))


# --------------------------------------------------------------------------- indirect


def _indirect_quotes(
    art: _Article, article_id: str, covered: list[tuple[int, int]], direct: list[QuoteMention]
) -> list[QuoteMention]:
    """Reported speech without quotation marks: a speech verb and its content clause."""
    doc, text, out = art.doc, art.text, []
    cover = sorted(covered)
    starts = [c[0] for c in cover]
    for tok in doc:
        if art.in_quote[tok.i] >= 0:
            continue
        acc = _according_to(doc, tok.i)
        if acc is not None:
            clause = _according_clause(doc, tok)
            if clause and not _overlaps_direct(cover, starts, clause) and not _is_heading(art, tok.idx):
                speaker = _resolve(art, acc.subject) if acc.subject is not None else None
                out.append(_indirect(art, article_id, clause, acc, speaker))
            continue
        lemma = tok.lemma_.lower()
        if lemma not in INDIRECT_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
            continue
        deps = ("ccomp", "xcomp") if lemma in XCOMP_LEMMAS else ("ccomp",)
        contents = [c for c in tok.children if c.dep_ in deps]
        parts: list[tuple[int, int]] = []
        if contents:
            # "says he drank too much, used drugs and …": several complements after the verb.
            after = [c for c in contents if c.i > tok.i]
            group = after or contents[:1]
            content = group[0]
            clause = _clause_span(doc, text, group[0].left_edge, max(c.right_edge.i for c in group), tok)
        elif (
            (tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and tok.i < tok.head.i)
            and tok.head.pos_ in ("VERB", "AUX")
            and tok.head.i != tok.i
            and art.in_quote[tok.head.i] < 0
        ):
            # "Chapman admits in this instance, there were fatalities" parses with the content as head.
            # "Too often, he says, doctors prescribe the drugs." — the attribution sits inside.
            content = tok.head
            clause, parts = _around_parenthetical(doc, art.text, content, tok)
        else:
            continue
        subject = _own_subject(tok)
        if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in AUTHOR_PRONOUNS:
            continue
        if _content_of_a_fact(tok):
            continue
        if content.left_edge.lower_ in QUESTION_WORDS or _is_heading(art, tok.idx):
            continue
        if clause is None or _overlaps_direct(cover, starts, clause) or not _same_paragraph(art.text, clause, tok.idx):
            continue
        if lemma in WEAK_LEMMAS and not _is_agent(art, subject):
            continue
        speaker_tok = _subject(tok)  # None when the parse found it over a paragraph break
        cue = _Cue((tok.idx, tok.idx + len(tok)), tok, speaker_tok)
        mention = _indirect(art, article_id, clause, cue, _resolve(art, speaker_tok) if speaker_tok is not None else None)
        mention.parts = [art.span(article_id, *p) for p in parts] if len(parts) > 1 else []
        out.append(mention)
    return out


FACT_NOUNS = frozenset({"fact", "idea", "notion", "truth"})


def _content_of_a_fact(verb) -> bool:
    """ "the fact that Putin said it does not mean …": the speech verb is the content of a noun, and
    what the parser hangs on it as reported words is the sentence's own predicate."""
    return (
        verb.dep_ == "acl" and verb.head.lemma_.lower() in FACT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" and c.i < verb.i for c in verb.children)
    )


def _same_paragraph(text: str, clause: tuple[int, int], at: int) -> bool:
    lo, hi = min(clause[0], at), max(clause[1], at)
    return "\n" not in text[lo:hi]


def _is_agent(art: _Article, subject) -> bool:
    """Can this subject speak: a named person or organisation, or a personal pronoun."""
    key = art.entity_at[subject.i]
    if key is not None:
        return art.entities[key].type in ("PERSON", "ORG", "GPE", "NORP")
    return subject.lower_ in ("he", "she", "they", "who") or subject.lemma_.lower() in ORG_NOUNS or subject.lemma_.lower() in (
        "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "expert", "analyst", "source", "police", "officer")


def _around_parenthetical(doc, text: str, head, verb) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """The clause around a parenthetical attribution, as its first part plus all its parts."""
    inner_lo, inner_hi = verb.left_edge.i, verb.right_edge.i
    lo, hi = head.left_edge.i, head.right_edge.i
    pieces = []
    if inner_lo > lo:
        pieces.append(_clause_span(doc, text, doc[lo], inner_lo - 1, None))
    if inner_hi < hi:
        pieces.append(_clause_span(doc, text, doc[inner_hi + 1], hi, None))
    pieces = [p for p in pieces if p is not None]
    if not pieces:
        return None, []
    return pieces[0], pieces


def _clause_span(doc, text: str, left, right_i: int, verb) -> tuple[int, int] | None:
    """Char span of tokens ``left`` … ``right_i`` as a content clause (None if it holds the verb)."""
    right = doc[right_i]
    if verb is not None and left.i <= verb.i <= right.i:
        return None  # a clause that swallowed its own verb is an odd parse
    while right.i > left.i and (right.is_punct or art_quote_mark(right) or right.is_space):
        right = doc[right.i - 1]
    while left.i < right.i and (left.is_punct or left.is_space):
        left = doc[left.i + 1]
    if right.i - left.i < 1:
        return None
    start, end = left.idx, right.idx + len(right)
    # A clause never runs over a paragraph break (headings glued to a sentence by the parser).
    if "\n" in text[start:end]:
        if verb is not None and left.i < verb.i:
            start = text.rindex("\n", start, end) + 1
        else:
            end = text.index("\n", start, end)
        start, end = _strip_span(text, start, end)
        if end - start < 8:
            return None
    # Keep an embedded quoted phrase whole: “very shortly.” not “very shortly
    opened = sum(text.count(c, start, end) for c in "“") - text.count("”", start, end)
    if opened > 0:
        close = text.find("”", end, end + 4)
        if close >= 0:
            end = close + 1
    elif text.count('"', start, end) % 2 == 1:
        close = text.find('"', end, end + 4)
        if close >= 0:
            end = close + 1
    return start, end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def art_quote_mark(tok) -> bool:
    return tok.text in ("\"", "“", "”", "'", "‘", "’")


def _according_clause(doc, according) -> tuple[int, int] | None:
    """The sentence's content around "according to X" (the part that is not the attribution)."""
    sent = according.sent
    prep_end = according.right_edge
    before = [t for t in sent if t.i < according.i]
    after = [t for t in sent if t.i > prep_end.i]
    def trim(tokens):
        while tokens and (tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        return tokens
    before, after = trim(before), trim(after)
    # The side holding the sentence's main verb is what X says: in "Putin brought business leaders,
    # according to the Kremlin, a sign he hoped to …" the words after are the writer's comment.
    root = sent.root
    if any(t.i == root.i for t in before) != any(t.i == root.i for t in after):
        part = before if any(t.i == root.i for t in before) else after
    else:
        part = before if len(before) >= len(after) else after
    if len(part) < 3:
        return None
    return part[0].idx, part[-1].idx + len(part[-1])


def _overlaps_direct(cover: list[tuple[int, int]], starts: list[int], span: tuple[int, int]) -> bool:
    """Does a clause overlap a sentential direct quote by more than a short embedded phrase?"""
    k = bisect.bisect_left(starts, span[1])
    for j in range(max(k - 3, 0), k):
        c = cover[j]
        shared = min(c[1], span[1]) - max(c[0], span[0])
        if shared > 0 and shared > 0.5 * (span[1] - span[0]):
            return True
    return False


def _indirect(art: _Article, article_id: str, clause: tuple[int, int], cue: _Cue, speaker: _Speaker | None) -> QuoteMention:
    start, end = clause
    return QuoteMention(
        article=article_id,
        start=start,
        end=end,
        text=art.text[start:end],
        kind="indirect",
        cue=art.span(article_id, *cue.span),
        speaker_mention=art.span(article_id, *speaker.mention) if speaker and speaker.mention else None,
        speaker_name=speaker.name if speaker else None,
        speaker_entity=speaker.entity if speaker else None,
        speaker_type=speaker.type if speaker else None,
    )
