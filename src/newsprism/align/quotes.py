"""Quotes across articles: the mentions of one utterance grouped, with their wordings compared.

Rules:

* A mention's wording is its whole quotation: every piece of a split quote (``parts``), so
  ``"A," X said. "B."`` in one outlet meets "B" quoted alone in another.
* Wordings that differ only in typography (:func:`newsprism.align.diff.wording_key`) are one
  *node*; a short wording (fewer than 4 words: "no comment") is one node per speaker, because two
  people can say the same few words.
* Two nodes are one utterance when their word sequences are similar (rapidfuzz Indel on word
  tokens, ≥ 0.6, both at least 3 words; ≥ 0.75 when the shorter has fewer than 8 words, where a
  few shared function words would reach 0.6) and their speakers agree (same story entity, or one
  side unknown). When both speakers are known and differ, they join only when the wording is
  nearly identical (≥ 0.85, at least 6 words): then ``speaker_disagreement`` is set, not hidden.
* Two quoted wordings that share at least ``SHARED_RUN_WORDS`` (8) words in a row are overlapping
  stretches of one statement (A quotes sentences 1-2, B sentences 2-3), though neither is a fragment
  of the other; across two named speakers the run must be ``SHARED_RUN_CONFLICT_WORDS`` (12) long,
  and the disagreement is flagged. Paraphrases (indirect quotes) do not count: two outlets' own
  words share runs of the wire copy they both rewrote.
* A partial quote that is a fragment of a fuller one (≥ 80 % of its words in it, in order, inside
  a stretch of the fuller wording barely longer than the fragment — scattered common words are not
  a fragment; a fragment of 6 words or fewer must appear word for word:
  "the root causes of the conflict" is no fragment of "the primary causes of that conflict") joins the fuller quote's
  group — only when that group is the single one it fits (preferring the same speaker), else it
  stays apart. A fragment of 6 words or fewer found in an indirect quote must be between
  quotation marks there: a few words in an outlet's own paraphrase are a coincidence. A two-word
  quote with a function word ("you're free", "thank you") is no fragment: anyone says it.
* Short capitalised wordings (at most 8 words, every major word capitalised: "The View",
  "Kick-Ass 2", "Death to America") are names, titles or slogans: they are never fragments or
  containers, and they join another wording only when both name the same speaker (two outlets
  naming a book, a film or a song are not quoting one utterance).
* Quoted words inside an indirect quote ('said that a deal would include "swapping" of land')
  are fragments of that mention too, so the paraphrase meets the full quote it cites (in another
  paraphrase, only the words it puts between marks: its own words are the outlet's report).
* Reprinted statements (:func:`reprinted_mentions`): a direct or partial quote (≥ 6 words) whose
  words stand verbatim, without quotation marks, in another article (a statement, letter or tweet
  reprinted as a block) gives that article a mention with those exact offsets (kind ``direct``, no
  cue, no speaker of its own) for each stretch it shares, unless a mention already covers them.
  A block quote after an introducing colon ("..., writing:") and words between marks that the
  extractor did not take (no speech verb) are looked up the same way and, when another article
  carries them, become mentions on both sides.
* A speaker named only by a description the article could not resolve ("the Russian leader said")
  is resolved against the roles the whole story gives its people (another outlet's "Russian
  President Vladimir Putin"), among the people that article names; only a single fit counts.
* Blocking: only nodes sharing a word bigram that occurs in at most ``MAX_BLOCK`` nodes are
  compared, so the work grows with the number of distinct wordings, not with all pairs of mentions.

Per group: the canonical ``text`` is the full (not fragment) wording carried by the most
independent source groups (an article's ``source_group`` counts once; syndicated copies are one),
then the one whose words the other source groups carry most (runs of three words or more), then the
longest; quoted wordings come before indirect paraphrases. ``variants`` lists every
distinct wording with its articles and a word-level diff against the canonical text; canonical words before or after the part a variant quotes are not
edits (outlets quote more or less of one statement), only differences inside it are. An
indirect quote's diff covers only the words it puts between quotation marks (none: no diff),
since its own words are the outlet's report, not a wording of the quote.
A speaker found through a pronoun only ("he said") counts when no mention names one: a pronoun
resolved to someone else is more often our error than the outlet's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from rapidfuzz.distance import LCSseq

from newsprism.align.diff import compare_token, compare_tokens, display_form, wording_key, word_diff
from newsprism.align.entities import EntityIndex
from newsprism.align.names import is_pronoun_or_empty
from newsprism.align.unionfind import UnionFind
from newsprism.analyse.quote_marks import find_marked_quotes
from newsprism.analyse.quotes import distinguishing_modifiers, fitting_people
from newsprism.model import Article, ArticleAnalysis, Entity, Quote, QuoteMention, QuoteVariant

SHORT_WORDING = 4  # fewer words than this: the speaker is part of the identity
MIN_VARIANT_WORDS = 3
VARIANT_SIMILARITY = 0.6
SHORT_VARIANT_WORDS = 8  # below this many words a variant must be closer
SHORT_VARIANT_SIMILARITY = 0.75
DISAGREEMENT_SIMILARITY = 0.85
DISAGREEMENT_MIN_WORDS = 6
FRAGMENT_CONTAINMENT = 0.8
FRAGMENT_MIN_WORDS = 2
EXACT_FRAGMENT_MAX_WORDS = 6  # a fragment this short must appear word for word ("root causes" is not "primary causes")
FRAGMENT_WINDOW = 1.25  # the fragment's words must lie within this many times its length
MAX_BLOCK = 50
TITLE_MAX_WORDS = 8
REPRINT_MIN_WORDS = 6
SHARED_RUN_WORDS = 8  # two wordings sharing this many words in a row quote one statement
SHARED_RUN_CONFLICT_WORDS = 12  # ... even when their outlets name different speakers
_WORD = re.compile(r"\S+")


@dataclass
class _Node:
    """One distinct wording (typography-blind) and the mentions that carry it."""

    order: int
    key: str
    tokens: list[str]
    mentions: list[QuoteMention] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)  # story entity ids, known ones only
    weak_speakers: set[str] = field(default_factory=set)  # found through a pronoun only
    pieces: list[list[str]] = field(default_factory=list)  # quoted words inside an indirect quote
    indirect: bool = False
    parts: list[list[str]] = field(default_factory=list)  # each piece of a split quote
    title: bool = False  # a short capitalised wording: a name, not an utterance
    cache: dict = field(default_factory=dict)  # derived word sets, computed once per node

    def forms(self) -> list[list[str]]:
        """The whole wording, then each piece of a split quote (another outlet may quote one)."""
        return [self.tokens, *self.parts]


def whole_text(m: QuoteMention) -> str:
    """The whole quotation of a mention: every piece of a split quote, in order.

    A piece cut at an attribution lost its closing comma (“We didn’t get there,” Trump said, “but
    …”; “I want a ceasefire,” he said. “I don’t know …”): it is given back as a comma before a
    piece that goes on in lower case and as a full stop before one that starts a new sentence, so
    the joined words read as the speaker's ("ceasefire. I don't know", not "ceasefire I don't know").
    """
    if not m.parts:
        return m.text
    out = m.parts[0].text
    for piece in m.parts[1:]:
        nxt = piece.text
        if out and out[-1].isalnum() and nxt[:1].isalpha():
            out += "," if nxt[0].islower() else "."
        out += " " + nxt
    return out


def _quoted_pieces(m: QuoteMention) -> list[list[str]]:
    """Words between quotation marks inside an indirect quote's clause."""
    if m.kind != "indirect":
        return []
    text = whole_text(m)
    return [
        compare_tokens(text[a:b]) for q in find_marked_quotes(text) for a, b in q.pieces
        if compare_tokens(text[a:b]) and not is_title(text[a:b])
    ]


_MINOR_WORDS = frozenset({"a", "an", "the", "of", "for", "to", "in", "on", "and", "or", "at", "by"})


def is_title(text: str) -> bool:
    """A short wording whose every major word is capitalised ("The View", "Kick-Ass 2", "Death
    to America", "Nuthin' But A 'G' Thang") names a show, a song or a slogan; it is not evidence
    of one utterance."""
    words = [w.strip("\"'“”‘’.,;:!?()") for w in text.split()]
    words = [w for w in words if w]
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return 0 < len(words) <= TITLE_MAX_WORDS and bool(major) and all(
        not w[:1].isalpha() or w[:1].isupper() for w in major
    ) and any(w[:1].isalpha() for w in major)


def _speaker_of(m: QuoteMention, index: EntityIndex, described: dict[int, str | None]) -> str | None:
    if id(m) in described:  # a description the story resolves, or shows to be ambiguous (None)
        return described[id(m)]
    entity = index.member(m.article, m.speaker_entity) or index.person(m.speaker_name)
    return entity.id if entity else None


def _nodes(mentions: list[QuoteMention], speakers: list[str | None]) -> list[_Node]:
    nodes: dict[tuple[str, str | None], _Node] = {}
    for m, spk in zip(mentions, speakers):
        text = whole_text(m)
        key = wording_key(text)
        tokens = compare_tokens(text)
        ident = (key, spk if len(tokens) < SHORT_WORDING else None)
        if spk is None and is_title(text):
            ident = (key, m.article)  # a title quoted by two outlets is not one utterance
        node = nodes.get(ident)
        if node is None:
            node = nodes[ident] = _Node(len(nodes), key, tokens, indirect=True, title=is_title(text))
        node.mentions.append(m)
        node.indirect = node.indirect and m.kind == "indirect"
        if len(m.parts) > 1 and not node.parts:
            node.parts = [t for p in m.parts if len(t := compare_tokens(p.text)) >= MIN_VARIANT_WORDS]
        for piece in _quoted_pieces(m):
            if piece not in node.pieces:
                node.pieces.append(piece)
        if spk:
            (node.weak_speakers if _by_pronoun(m) else node.speakers).add(spk)
    for node in nodes.values():  # a pronoun-resolved speaker counts only when none is named
        node.speakers = node.speakers or node.weak_speakers
    return list(nodes.values())


def _candidate_pairs(nodes: list[_Node]) -> set[tuple[int, int]]:
    """Pairs of nodes that share a rare word bigram (the blocking step)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node in nodes:
        bigrams = set(zip(node.tokens, node.tokens[1:]))
        for piece in node.pieces:
            bigrams.update(zip(piece, piece[1:]))
        for bigram in bigrams:
            blocks[bigram].append(node.order)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.add((a, b))
    return pairs


def _contains(short: list[str], long: list[str], exact_max: int = EXACT_FRAGMENT_MAX_WORDS) -> bool:
    """Is ``short`` a fragment of ``long``: its words, in order, in one compact stretch of it?"""
    if len(short) < FRAGMENT_MIN_WORDS or len(short) >= len(long):
        return False
    if len(short) <= exact_max:
        return f" {' '.join(short)} " in f" {' '.join(long)} "
    need = FRAGMENT_CONTAINMENT * len(short)
    if LCSseq.similarity(short, long) < need:
        return False
    # A window a little longer than the fragment, started where one of its words occurs.
    width = int(len(short) * FRAGMENT_WINDOW) + 1
    words = set(short)
    return any(
        LCSseq.similarity(short, long[i : i + width]) >= need for i, w in enumerate(long) if w in words
    )


def _fragment_of(short: _Node, long: _Node) -> bool:
    """The short node is a fragment of the long one, or the long one quotes it inside a paraphrase."""
    if short.title or long.title:
        return False
    if long.indirect and len(short.tokens) <= EXACT_FRAGMENT_MAX_WORDS:
        # A few words in an outlet's own paraphrase are a coincidence ("the Pretty Woman star")
        # unless that outlet puts them between quotation marks.
        if any(short.tokens == p or _contains(short.tokens, p) for p in long.pieces):
            return True
    elif (_contains(short.tokens, long.tokens) and not _stock_pair(short.tokens)) or any(
        _contains(p, long.tokens) for p in short.parts
    ):
        return True  # the wording, or one piece of a split quote, lies inside the fuller one
    # Words quoted inside an indirect quote are a fragment of the full quote they cite; being
    # between marks, three of them may differ by a word ("torpedo nascent progress"). In another
    # outlet's paraphrase they count only between its marks too: its own words are its report
    # ("to maintain the status quo of …" is no citation of "maintain [the] status quo").
    targets = long.pieces if long.indirect else [long.tokens]
    return any(
        len(p) >= FRAGMENT_MIN_WORDS and any(p == t or _contains(p, t, exact_max=2) for t in targets)
        for p in short.pieces
    )


def _stock_pair(tokens: list[str]) -> bool:
    """Two words, one a pronoun or an article ("thank you", "you're free", "a miracle"), quoted on
    their own: anyone's words, no evidence of citing a fuller quote. (Two words between marks inside
    an outlet's paraphrase, "getting there", are its deliberate citation and still count.)"""
    return len(tokens) == FRAGMENT_MIN_WORDS and any(w.split("'")[0] in _STOCK_WORDS for w in tokens)


# Pronouns and articles: with one of them, two quoted words are anyone's ("most significant",
# "legitimate rape" are citations; "you're free", "a miracle" are not).
_STOCK_WORDS = frozenset(
    "i you he she it we they me him her us them my your his its our their a an the this that these those".split()
)


def _speakers_conflict(a: _Node, b: _Node) -> bool:
    return bool(a.speakers and b.speakers and not (a.speakers & b.speakers))


def _similar(la: int, lb: int, similarity: float) -> bool:
    if min(la, lb) < MIN_VARIANT_WORDS:
        return False
    needed = SHORT_VARIANT_SIMILARITY if min(la, lb) < SHORT_VARIANT_WORDS else VARIANT_SIMILARITY
    return similarity >= needed


def _word_grams(node: _Node, n: int) -> set[tuple[str, ...]]:
    """The node's runs of ``n`` words in a row (two wordings share a run that long iff they share one)."""
    key = ("grams", n)
    if key not in node.cache:
        node.cache[key] = _grams(node.tokens, n)
    return node.cache[key]


def _overlap(a: _Node, b: _Node, conflict: bool) -> bool:
    """Two outlets quoting overlapping stretches of one statement (A: "S1 S2", B: "S2 S3"): neither
    is a fragment of the other, yet a long run of words in a row is theirs alike. Only words between
    quotation marks count: two outlets' paraphrases share runs of the wire copy they both rewrote."""
    if a.title or b.title or a.indirect or b.indirect:
        return False
    need = SHARED_RUN_CONFLICT_WORDS if conflict else SHARED_RUN_WORDS
    return not _word_grams(a, need).isdisjoint(_word_grams(b, need))


def _link(nodes: list[_Node], pairs: set[tuple[int, int]]) -> UnionFind:
    uf = UnionFind(len(nodes))
    fragments: dict[int, set[int]] = defaultdict(set)  # fragment node -> nodes containing it
    for a, b in sorted(pairs):
        na, nb = nodes[a], nodes[b]
        conflict = _speakers_conflict(na, nb)
        if (na.title or nb.title) and not na.speakers & nb.speakers:
            continue  # a title two outlets name is not one utterance, however alike the wording
        # The closest pair of forms: whole wordings, or one piece of a split quote.
        x, y, similarity = max(
            ((x, y, 2 * LCSseq.similarity(x, y) / (len(x) + len(y))) for x in na.forms() for y in nb.forms()),
            key=lambda t: t[2],
        )
        la, lb = len(x), len(y)
        if _similar(la, lb, similarity):
            if not conflict or (similarity >= DISAGREEMENT_SIMILARITY and min(la, lb) >= DISAGREEMENT_MIN_WORDS):
                uf.union(a, b)
                continue
        if _overlap(na, nb, conflict):
            uf.union(a, b)
            continue
        for short, long in ((na, nb), (nb, na)):
            if _fragment_of(short, long):
                if not conflict or len(short.tokens) >= DISAGREEMENT_MIN_WORDS:
                    fragments[short.order].add(long.order)
                break
    # A fragment joins the single group it fits, preferring groups of its own speaker. Joining
    # one fragment can unite two groups another fragment fitted, so repeat until nothing changes.
    pending = sorted(fragments)
    changed = True
    while pending and changed:
        changed = False
        for frag in list(pending):
            groups = {uf.find(c) for c in fragments[frag]}
            if len(groups) > 1:
                # A clause of the same article that nests this one is not another utterance.
                own = {m.article for m in nodes[frag].mentions}
                elsewhere = {uf.find(c) for c in fragments[frag] if {m.article for m in nodes[c].mentions} - own}
                groups = elsewhere or groups
            if len(groups) > 1 and nodes[frag].speakers:
                same = {uf.find(c) for c in fragments[frag] if nodes[c].speakers & nodes[frag].speakers}
                groups = same or groups
            if len(groups) == 1:
                uf.union(next(iter(groups)), frag)
                pending.remove(frag)
                changed = True
    return uf


def _source_group(article: Article | None, article_id: str) -> str:
    return (article.source_group if article and article.source_group else None) or article_id


def _build_quote(
    members: list[_Node], by_id: dict[str, Article], order: dict[str, int], speakers: dict[int, str | None],
    entities: dict[str, Entity], doubtful: set[int] = frozenset(),
) -> Quote:
    mentions = sorted(
        (m for n in members for m in n.mentions), key=lambda m: (order.get(m.article, len(order)), m.start, m.end)
    )
    # Variants: one per typography-blind wording of the whole quotation.
    variant_mentions: dict[str, list[QuoteMention]] = defaultdict(list)
    for m in mentions:
        variant_mentions[wording_key(whole_text(m))].append(m)
    texts = {k: whole_text(ms[0]) for k, ms in variant_mentions.items()}
    tokens = {k: compare_tokens(texts[k]) for k in variant_mentions}
    groups = {k: {_source_group(by_id.get(m.article), m.article) for m in ms} for k, ms in variant_mentions.items()}
    first = {k: i for i, k in enumerate(variant_mentions)}
    quoted = {k: any(m.kind != "indirect" for m in ms) for k, ms in variant_mentions.items()}
    fragment = {
        k: any(_contains(tokens[k], tokens[o]) for o in variant_mentions if o != k) for k in variant_mentions
    }
    # The speaker's own words (between marks) before an outlet's paraphrase of them, then the
    # full wordings before fragments of them.
    pool = [k for k in variant_mentions if quoted[k]] or list(variant_mentions)
    full = [k for k in pool if not fragment[k]] or pool
    support = {k: _agreed_words(k, full, tokens, groups) for k in full}
    canonical_key = max(full, key=lambda k: (len(groups[k]), support[k], len(tokens[k]), -first[k]))
    canonical = display_form(texts[canonical_key])
    whole_diff = {k: quoted[k] or not quoted[canonical_key] for k in variant_mentions}
    variants = [
        QuoteVariant(
            text=display_form(texts[k]),
            articles=_ordered({m.article for m in ms}, order),
            diff=[] if k == canonical_key else _variant_diff(canonical, texts[k], whole_wording=whole_diff[k]),
        )
        for k, ms in variant_mentions.items()
    ]
    # Speaker: the one most source groups name; a second known speaker is a disagreement.
    # A speaker found only through a pronoun ("he said") is weaker evidence than a name: it
    # counts only when no mention of the group names its speaker.
    named = [m for m in mentions if speakers[id(m)] and not _by_pronoun(m)]
    speaker_groups: dict[str, set[str]] = defaultdict(set)
    for m in named or mentions:
        spk = speakers[id(m)]
        if spk:
            speaker_groups[spk].add(_source_group(by_id.get(m.article), m.article))
    speaker = None
    if speaker_groups:
        speaker = max(speaker_groups, key=lambda s: (len(speaker_groups[s]), -list(speaker_groups).index(s)))
    names = Counter(m.speaker_name for m in mentions if m.speaker_name and id(m) not in doubtful)
    speaker_name = entities[speaker].name if speaker else (names.most_common(1)[0][0] if names else None)
    kinds = {m.kind for m in mentions}
    kind = "direct" if "direct" in kinds else ("partial" if "partial" in kinds else "indirect")
    arts = _ordered({m.article for m in mentions}, order)
    outlets: list[str] = []
    for a in arts:
        outlet = by_id[a].outlet if a in by_id else None
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    return Quote(
        id="",
        speaker=speaker,
        speaker_name=speaker_name,
        text=canonical,
        kind=kind,
        articles=arts,
        outlets=outlets,
        variants=variants,
        mentions=mentions,
        speaker_disagreement=len(speaker_groups) > 1,
    )


AGREED_RUN = 3  # words in a row: shorter common runs ("to the", "I think") agree by chance


def _agreed_words(key: str, keys: list[str], tokens: dict[str, list[str]], groups: dict[str, set[str]]) -> int:
    """How many words of one wording the other source groups carry too: for each other group, its
    wording sharing the most words in runs of ``AGREED_RUN`` or more. When every outlet words a
    statement its own way, the canonical text is then the core the outlets agree on, not the longest
    wording (one outlet's longer excerpt of a different part of the statement)."""
    best: dict[str, int] = {}
    for other in keys:
        for group in groups[other] - groups[key]:
            blocks = SequenceMatcher(None, tokens[key], tokens[other], autojunk=False).get_matching_blocks()
            shared = sum(b.size for b in blocks if b.size >= AGREED_RUN)
            best[group] = max(best.get(group, 0), shared)
    return sum(best.values())


def _variant_diff(canonical: str, text: str, *, whole_wording: bool) -> list[dict]:
    """Word edits of a variant against the canonical wording. An outlet's paraphrase (indirect
    quote) is compared only through the words it puts between quotation marks: its own words are
    a report, not a different wording of the quote."""
    if whole_wording:
        return word_diff(canonical, text, fragment=True)
    pieces = [text[a:b] for q in find_marked_quotes(text) for a, b in q.pieces]
    return [op for piece in pieces for op in word_diff(canonical, piece, fragment=True)]


def _by_pronoun(m: QuoteMention) -> bool:
    return m.speaker_mention is not None and is_pronoun_or_empty(m.speaker_mention.text)


def _ordered(article_ids: set[str], order: dict[str, int]) -> list[str]:
    return sorted(article_ids, key=lambda a: (order.get(a, len(order)), a))


def align_quotes(articles: list[Article], analyses: list[ArticleAnalysis], entities: list[Entity]) -> list[Quote]:
    """Group the quote mentions of one utterance across articles (see the module rules)."""
    order = {a.id: i for i, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    index = EntityIndex(entities)
    entity_by_id = {e.id: e for e in entities}
    extracted = [m for an in analyses for m in an.quotes]
    mentions = sorted(
        [*extracted, *reprinted_mentions(articles, extracted)],
        key=lambda m: (order.get(m.article, len(order)), m.start, m.end),
    )
    described = _described_speakers(mentions, entities)
    doubtful = {key for key, spk in described.items() if spk is None}
    resolved = [_speaker_of(m, index, described) for m in mentions]
    speakers = {id(m): spk for m, spk in zip(mentions, resolved)}
    nodes = _nodes(mentions, resolved)
    uf = _link(nodes, _candidate_pairs(nodes))
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for node in nodes:
        clusters[uf.find(node.order)].append(node)
    built = []
    for root, members in clusters.items():
        quote = _build_quote(members, by_id, order, speakers, entity_by_id, doubtful)
        n_groups = len({_source_group(by_id.get(a), a) for a in quote.articles})
        built.append(((-n_groups, root), quote))
    built.sort(key=lambda pair: pair[0])
    quotes = [q for _, q in built]
    for i, quote in enumerate(quotes, 1):
        quote.id = f"q-{i}"
    return quotes


# --------------------------------------------------------------------------- described speakers

_DESCRIPTION = re.compile(r"^the\s+(.+)$", re.IGNORECASE)  # "a senior official" is no one in particular


def _described_speakers(mentions: list[QuoteMention], entities: list[Entity]) -> dict[int, str | None]:
    """Speakers named only by a definite description ("the Russian leader said"), tested against the
    roles the whole story gives the people that article names (the article step's own test,
    :func:`newsprism.analyse.quotes.fitting_people`, on the story's roles).

    * A description the article could not resolve takes the one person that fits, if exactly one.
    * A bare description ("the president", "the veteran president": no word saying which one) that
      the article step credited is withdrawn (``None``) when the story shows that another person the
      article names holds that role too ("President Trump" elsewhere, in an article that names Trump
      and credits "the president" to Zelensky, its only "Ukraine's president"): nothing in the
      article says which one it means. A description with a fitting modifier ("the Ukrainian
      president") keeps the article's answer.
    """
    people_in: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.type == "PERSON":
            for article in e.articles:
                people_in[article].append(e)
    out: dict[int, str | None] = {}
    for m in mentions:
        words = _description_words(m)
        if not words or m.speaker_type not in (None, "PERSON"):
            continue  # "the ministry", "the Kremlin": an organisation, no person's role
        credited = bool(m.speaker_entity or m.speaker_name)
        if credited and distinguishing_modifiers(words):
            continue
        fits = fitting_people(words, {e.id: e.roles for e in people_in[m.article]})
        if not credited and len(fits) == 1:
            out[id(m)] = fits[0]
        elif credited and len(fits) > 1:
            out[id(m)] = None
    return out


def _description_words(m: QuoteMention) -> list[str]:
    """The words of a speaker named by a definite description, head last ("the Russian leader" →
    Russian, leader); empty for a name, a pronoun or an indefinite "a senior official"."""
    match = _DESCRIPTION.match(m.speaker_mention.text.strip()) if m.speaker_mention else None
    return match.group(1).replace("-", " ").split() if match else []


# --------------------------------------------------------------------------- reprinted statements


def _word_index(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """The text's compared words with their character spans (punctuation-only tokens dropped)."""
    words, spans = [], []
    for match in _WORD.finditer(text):
        token = compare_token(match.group())
        if token:
            raw = match.group()
            lead = len(raw) - len(raw.lstrip("\"'“”‘’([«»—–-"))
            trail = len(raw) - len(raw.rstrip("\"'“”‘’)].,;:!?…»«—–-"))
            words.append(token)
            spans.append((match.start() + lead, match.end() - trail))
    return words, spans


def reprinted_mentions(articles: list[Article], mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Quoted words that another article carries verbatim, where the extractor saw no quote.

    * A statement, letter or tweet that one outlet quotes and another reprints as a block has no
      quotation marks in the second: the extractor cannot see it as a quote. Each direct or partial
      quote of at least ``REPRINT_MIN_WORDS`` words is looked up word for word (typography-blind)
      in the other articles through one index of word n-grams (so the cost grows with the quoted
      words, not with articles × quotes); each stretch of at least that many words another
      article shares with it (the longest, and any other of ``SHARED_RUN_WORDS``: six words recur
      in narratives), not covered by a mention, becomes a mention with exact offsets.
    * A block quote set off by an introducing colon ("Sorvino addressed Farrow directly,
      writing:" then the letter's paragraphs; :func:`_block_paragraphs`) has no marks either: a
      stretch of it that another article carries verbatim becomes a mention in both articles.
      Runs a bracketed insertion or one changed word apart ("a 4-5 [point] bounce") are one
      stretch. Blocks go first: their stretch is the fuller one.
    * Words between quotation marks that the extractor did not take (no speech verb near them: a
      letter's words "God prepared additional, practical help" cited in a narrative sentence) are
      looked up like quotes; when another article carries them too, they become a mention in
      their own article as well (kind ``partial``, no speaker): two outlets citing the same words
      between marks cite one source.

    Titles (:func:`is_title`) are never quotes, on either side.
    """
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        for span in [(p.start, p.end) for p in m.parts] or [(m.start, m.end)]:
            covered[m.article].append(span)
    words: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    grams: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for article in articles:
        words[article.id], spans[article.id] = _word_index(article.text)
        w = words[article.id]
        for i in range(len(w) - REPRINT_MIN_WORDS + 1):
            grams[tuple(w[i : i + REPRINT_MIN_WORDS])].append((article.id, i))
    by_id = {a.id: a for a in articles}
    out: list[QuoteMention] = []

    def free(article_id: str, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in covered[article_id])

    def add(article_id: str, start: int, end: int, kind: str) -> None:
        if free(article_id, start, end):
            covered[article_id].append((start, end))
            text = by_id[article_id].text[start:end]
            out.append(QuoteMention(article=article_id, start=start, end=end, text=text, kind=kind))

    def chars(article_id: str, start_w: int, end_w: int) -> tuple[int, int]:
        return spans[article_id][start_w][0], spans[article_id][end_w - 1][1]

    quoting: dict[tuple[str, ...], set[str]] = defaultdict(set)  # wording -> articles quoting it
    quoted_grams: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        if m.kind != "indirect":
            tokens = tuple(compare_tokens(whole_text(m)))
            quoting[tokens].add(m.article)
            quoted_grams[m.article].update(_grams(tokens))

    for article in articles:
        own = words[article.id]
        for first, last in _block_paragraphs(article.text, spans[article.id]):
            for other, stretches in _shared_stretches(own[first:last], article.id, words, grams).items():
                for (a0, a1), (b0, b1) in stretches:
                    o_start, o_end = chars(other, b0, b1)
                    if is_title(by_id[other].text[o_start:o_end]):
                        continue
                    shared = _grams(own[first + a0 : first + a1])
                    for article_id, span in ((article.id, chars(article.id, first + a0, first + a1)),
                                             (other, (o_start, o_end))):
                        # An article quoting these words is not reprinting them (a statement it also
                        # quotes a few words of still is).
                        if len(quoted_grams[article_id] & shared) * 2 < len(shared):
                            add(article_id, *span, "direct")

    for tokens, own_articles in quoting.items():  # the same words quoted again find the same runs
        for article_id, stretches in _shared_stretches(list(tokens), "", words, grams).items():
            if article_id not in own_articles:  # an article quoting these words is not reprinting them
                # The longest stretch, and any other as long as an overlap of quotes: six words in
                # a row recur in two outlets' narratives ("investigation into the death of X").
                stretches.sort(key=lambda st: st[1][0] - st[1][1])
                for k, (_, (start_w, end_w)) in enumerate(stretches):
                    if k == 0 or end_w - start_w >= SHARED_RUN_WORDS:
                        add(article_id, *chars(article_id, start_w, end_w), "direct")

    marked: dict[str, list[tuple[int, int]]] = {}  # by text: syndicated copies are scanned once
    for article in articles:
        if article.text not in marked:
            marked[article.text] = _unextracted_marked(article.text)
        for start, end in marked[article.text]:
            if not free(article.id, start, end):
                continue
            runs = _longest_runs(tuple(compare_tokens(article.text[start:end])), words, grams)
            found = [
                (article_id, span) for article_id, (start_w, end_w) in runs.items()
                if article_id != article.id
                and not is_title(by_id[article_id].text[slice(*(span := chars(article_id, start_w, end_w)))])
            ]
            if found:
                add(article.id, start, end, "partial")
                for article_id, (s, e) in found:
                    add(article_id, s, e, "partial")
    return out


def _grams(tokens, n: int = REPRINT_MIN_WORDS) -> set[tuple[str, ...]]:
    """The runs of ``n`` words in a row of a wording."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


MAX_STRETCH_GAP = 3  # words: a bracketed insertion or a changed word inside one reprinted stretch


def _shared_stretches(
    seed: list[str], seed_article: str, words: dict[str, list[str]], grams: dict[tuple[str, ...], list[tuple[str, int]]]
) -> dict[str, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Per other article carrying a run of at least ``REPRINT_MIN_WORDS`` words of ``seed``: the
    stretches (seed words, its words) the two share, runs at most ``MAX_STRETCH_GAP`` words apart
    on both sides joined into one. Read off the n-gram index (consecutive hits on one diagonal are
    one run), so the cost grows with the shared words, not with the articles' length."""
    hits: dict[str, set[tuple[int, int]]] = defaultdict(set)  # article -> (seed index, its index)
    for i in range(len(seed) - REPRINT_MIN_WORDS + 1):
        for article_id, at in grams.get(tuple(seed[i : i + REPRINT_MIN_WORDS]), ()):
            if article_id != seed_article:
                hits[article_id].add((i, at))
    out: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for article_id in sorted(hits):
        found = hits[article_id]
        runs = []  # maximal runs: a hit whose predecessor on its diagonal is no hit starts one
        for i, at in sorted(found):
            if (i - 1, at - 1) in found:
                continue
            n = 1
            while (i + n, at + n) in found:
                n += 1
            runs.append([i, i + n + REPRINT_MIN_WORDS - 1, at, at + n + REPRINT_MIN_WORDS - 1])
        runs.sort(key=lambda r: (r[2], r[0]))
        stretches: list[list[int]] = []
        for run in runs:
            last = stretches[-1] if stretches else None
            if last and 0 <= run[0] - last[1] <= MAX_STRETCH_GAP and 0 <= run[2] - last[3] <= MAX_STRETCH_GAP:
                last[1], last[3] = run[1], run[3]
            elif not last or run[2] >= last[3]:  # a run overlapping the last one elsewhere adds nothing
                stretches.append(run)
        other = words[article_id]
        for st in stretches:
            _extend(st, seed, other)
        kept: list[list[int]] = []  # each seed word in one stretch at most: the longest first
        for st in sorted(stretches, key=lambda st: st[0] - st[1]):
            if all(st[1] <= k[0] or k[1] <= st[0] for k in kept):
                kept.append(st)
        out[article_id] = [((a0, a1), (b0, b1)) for a0, a1, b0, b1 in sorted(kept, key=lambda st: st[2])]
    return out


MIN_GAP_BLOCK = 3  # words in a row that carry a stretch on past a gap


def _extend(st: list[int], seed: list[str], other: list[str]) -> None:
    """Carry a stretch [seed start, seed end, other start, other end] on past gaps of at most
    ``MAX_STRETCH_GAP`` words on each side, while ``MIN_GAP_BLOCK`` words in a row match again
    ("... that range from probation" / "... ranging from probation")."""
    while (end := _past_gap(seed, other, st[1], st[3], 1)) is not None:
        st[1], st[3] = end
    while (start := _past_gap(seed, other, st[0], st[2], -1)) is not None:
        st[0], st[2] = start


def _past_gap(seed: list[str], other: list[str], a: int, b: int, step: int) -> tuple[int, int] | None:
    """From the stretch edge (a, b), going forward (step 1) or backward (-1): the far edge of the
    next matching block after a gap, or None."""
    k = MIN_GAP_BLOCK
    for ga in range(MAX_STRETCH_GAP + 1):
        for gb in range(MAX_STRETCH_GAP + 1):
            if not (ga or gb):
                continue
            x, y = a + step * ga, b + step * gb
            if step > 0:
                if x + k > len(seed) or y + k > len(other) or seed[x : x + k] != other[y : y + k]:
                    continue
                while x < len(seed) and y < len(other) and seed[x] == other[y]:
                    x, y = x + 1, y + 1
            else:
                if x - k < 0 or y - k < 0 or seed[x - k : x] != other[y - k : y]:
                    continue
                while x > 0 and y > 0 and seed[x - 1] == other[y - 1]:
                    x, y = x - 1, y - 1
            return x, y
    return None


# Words of a paragraph that introduces a block quote with a colon ("..., writing:").
_INTRO_WORDS = frozenset(
    """said says saying wrote writes writing written told tells telling statement statements letter
    tweet tweets tweeted posted comment comments commented quote quotes quoted quoting reads reading
    added adds asked explained declared announced release memo message""".split()
)
BLOCK_PARAGRAPHS = 2  # a block quote runs at most this many paragraphs after its introduction


def _block_paragraphs(text: str, word_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs set off as a block quote, as word ranges (first, last) of :func:`_word_index`:
    those after a paragraph that ends with a colon and names a statement or a speech act
    ("Sorvino addressed Farrow directly, writing:"), up to the first with quotation marks of its
    own (the article's narrative again) or another colon, at most ``BLOCK_PARAGRAPHS``."""
    paragraphs = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            paragraphs.append((at + lead, at + len(line.rstrip())))
        at += len(line) + 1
    out = []
    starts = [s for s, _ in word_spans]
    for i, (start, end) in enumerate(paragraphs):
        intro = text[start:end]
        if not intro.endswith(":") or not {w.strip(".,;:()").lower() for w in intro.split()} & _INTRO_WORDS:
            continue
        for b_start, b_end in paragraphs[i + 1 : i + 1 + BLOCK_PARAGRAPHS]:
            block = text[b_start:b_end]
            if any(mark in block for mark in "\"“”") or block.endswith(":"):
                break
            out.append((bisect_left(starts, b_start), bisect_left(starts, b_end)))
    return out


def _unextracted_marked(text: str) -> list[tuple[int, int]]:
    """Pieces between quotation marks long enough to be looked up, titles left out."""
    return [
        (a, b) for q in find_marked_quotes(text) if q.closed for a, b in q.pieces
        if len(compare_tokens(text[a:b])) >= REPRINT_MIN_WORDS and not is_title(text[a:b])
    ]


def _longest_runs(
    seed: tuple[str, ...], words: dict[str, list[str]], grams: dict[tuple[str, ...], list[tuple[str, int]]]
) -> dict[str, tuple[int, int]]:
    """Per article, its longest stretch of words (start, end) equal to a stretch of ``seed``."""
    best: dict[str, tuple[int, int]] = {}
    for i in range(len(seed) - REPRINT_MIN_WORDS + 1):
        for article_id, start in grams.get(seed[i : i + REPRINT_MIN_WORDS], ()):
            w = words[article_id]
            if i > 0 and start > 0 and seed[i - 1] == w[start - 1]:
                continue  # inside a run already measured from its start
            n = REPRINT_MIN_WORDS
            while i + n < len(seed) and start + n < len(w) and seed[i + n] == w[start + n]:
                n += 1
            if article_id not in best or n > best[article_id][1] - best[article_id][0]:
                best[article_id] = (start, start + n)
    return best
