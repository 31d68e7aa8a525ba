"""Quotes across articles: the mentions of one utterance grouped, with their wordings compared.

Rules:

* Wordings that differ only in typography (:func:`newsprism.align.diff.wording_key`) are one
  *node*; a short wording (fewer than 4 words: "no comment") is one node per speaker, because two
  people can say the same few words.
* Two nodes are one utterance when their word sequences are similar (rapidfuzz Indel on word
  tokens, ≥ 0.6, both at least 3 words) and their speakers agree (same story entity, or one side
  unknown). When both speakers are known and differ, they join only when the wording is nearly
  identical (≥ 0.85, at least 6 words): then ``speaker_disagreement`` is set, not hidden.
* A partial quote that is a fragment of a fuller one (≥ 80 % of its words in it, in order; a
  fragment of 4 words or fewer must appear word for word) joins the fuller quote's group — only
  when that group is the single one it fits (preferring the same speaker), else it stays apart.
* Blocking: only nodes sharing a word bigram that occurs in at most ``MAX_BLOCK`` nodes are
  compared, so the work grows with the number of distinct wordings, not with all pairs of mentions.

Per group: the canonical ``text`` is the full (not fragment) wording carried by the most
independent source groups (an article's ``source_group`` counts once; syndicated copies are one),
then the longest. ``variants`` lists every distinct wording with its articles and a word-level diff
against the canonical text; canonical words before or after the part a variant quotes are not
edits (outlets quote more or less of one statement), only differences inside it are.
A speaker found through a pronoun only ("he said") counts when no mention names one: a pronoun
resolved to someone else is more often our error than the outlet's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import LCSseq

from newsprism.align.diff import compare_tokens, display_form, wording_key, word_diff
from newsprism.align.entities import EntityIndex
from newsprism.align.names import is_pronoun_or_empty
from newsprism.align.unionfind import UnionFind
from newsprism.model import Article, ArticleAnalysis, Entity, Quote, QuoteMention, QuoteVariant

SHORT_WORDING = 4  # fewer words than this: the speaker is part of the identity
MIN_VARIANT_WORDS = 3
VARIANT_SIMILARITY = 0.6
DISAGREEMENT_SIMILARITY = 0.85
DISAGREEMENT_MIN_WORDS = 6
FRAGMENT_CONTAINMENT = 0.8
FRAGMENT_MIN_WORDS = 2
EXACT_FRAGMENT_MAX_WORDS = 4
MAX_BLOCK = 50


@dataclass
class _Node:
    """One distinct wording (typography-blind) and the mentions that carry it."""

    order: int
    key: str
    tokens: list[str]
    mentions: list[QuoteMention] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)  # story entity ids, known ones only
    weak_speakers: set[str] = field(default_factory=set)  # found through a pronoun only


def _speaker_of(m: QuoteMention, index: EntityIndex) -> str | None:
    entity = index.member(m.article, m.speaker_entity) or index.person(m.speaker_name)
    return entity.id if entity else None


def _nodes(mentions: list[QuoteMention], speakers: list[str | None]) -> list[_Node]:
    nodes: dict[tuple[str, str | None], _Node] = {}
    for m, spk in zip(mentions, speakers):
        key = wording_key(m.text)
        tokens = compare_tokens(m.text)
        ident = (key, spk if len(tokens) < SHORT_WORDING else None)
        node = nodes.get(ident)
        if node is None:
            node = nodes[ident] = _Node(len(nodes), key, tokens)
        node.mentions.append(m)
        if spk:
            (node.weak_speakers if _by_pronoun(m) else node.speakers).add(spk)
    for node in nodes.values():  # a pronoun-resolved speaker counts only when none is named
        node.speakers = node.speakers or node.weak_speakers
    return list(nodes.values())


def _candidate_pairs(nodes: list[_Node]) -> set[tuple[int, int]]:
    """Pairs of nodes that share a rare word bigram (the blocking step)."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for node in nodes:
        for bigram in set(zip(node.tokens, node.tokens[1:])):
            blocks[bigram].append(node.order)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    pairs.add((a, b))
    return pairs


def _contains(short: list[str], long: list[str]) -> bool:
    """Is ``short`` a fragment of ``long``?"""
    if len(short) < FRAGMENT_MIN_WORDS or len(short) >= len(long):
        return False
    if len(short) <= EXACT_FRAGMENT_MAX_WORDS:
        return f" {' '.join(short)} " in f" {' '.join(long)} "
    return LCSseq.similarity(short, long) >= FRAGMENT_CONTAINMENT * len(short)


def _speakers_conflict(a: _Node, b: _Node) -> bool:
    return bool(a.speakers and b.speakers and not (a.speakers & b.speakers))


def _link(nodes: list[_Node], pairs: set[tuple[int, int]]) -> UnionFind:
    uf = UnionFind(len(nodes))
    fragments: dict[int, set[int]] = defaultdict(set)  # fragment node -> nodes containing it
    for a, b in sorted(pairs):
        na, nb = nodes[a], nodes[b]
        la, lb = len(na.tokens), len(nb.tokens)
        lcs = LCSseq.similarity(na.tokens, nb.tokens)
        similarity = 2 * lcs / (la + lb)
        conflict = _speakers_conflict(na, nb)
        if min(la, lb) >= MIN_VARIANT_WORDS and similarity >= VARIANT_SIMILARITY:
            if not conflict or (similarity >= DISAGREEMENT_SIMILARITY and min(la, lb) >= DISAGREEMENT_MIN_WORDS):
                uf.union(a, b)
                continue
        short, long = (na, nb) if la < lb else (nb, na)
        if _contains(short.tokens, long.tokens):
            if not _speakers_conflict(short, long) or len(short.tokens) >= DISAGREEMENT_MIN_WORDS:
                fragments[short.order].add(long.order)
    # A fragment joins the single group it fits, preferring groups of its own speaker. Joining
    # one fragment can unite two groups another fragment fitted, so repeat until nothing changes.
    pending = sorted(fragments)
    changed = True
    while pending and changed:
        changed = False
        for frag in list(pending):
            groups = {uf.find(c) for c in fragments[frag]}
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
    entities: dict[str, Entity],
) -> Quote:
    mentions = sorted(
        (m for n in members for m in n.mentions), key=lambda m: (order.get(m.article, len(order)), m.start, m.end)
    )
    # Variants: one per typography-blind wording.
    variant_mentions: dict[str, list[QuoteMention]] = defaultdict(list)
    for m in mentions:
        variant_mentions[wording_key(m.text)].append(m)
    tokens = {k: compare_tokens(ms[0].text) for k, ms in variant_mentions.items()}
    groups = {k: {_source_group(by_id.get(m.article), m.article) for m in ms} for k, ms in variant_mentions.items()}
    first = {k: i for i, k in enumerate(variant_mentions)}
    fragment = {
        k: any(_contains(tokens[k], tokens[o]) for o in variant_mentions if o != k) for k in variant_mentions
    }
    full = [k for k in variant_mentions if not fragment[k]] or list(variant_mentions)
    canonical_key = max(full, key=lambda k: (len(groups[k]), len(tokens[k]), -first[k]))
    canonical = display_form(variant_mentions[canonical_key][0].text)
    variants = [
        QuoteVariant(
            text=display_form(ms[0].text),
            articles=_ordered({m.article for m in ms}, order),
            diff=[] if k == canonical_key else word_diff(canonical, ms[0].text, fragment=True),
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
    names = Counter(m.speaker_name for m in mentions if m.speaker_name)
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
    mentions = sorted(
        (m for an in analyses for m in an.quotes), key=lambda m: (order.get(m.article, len(order)), m.start, m.end)
    )
    resolved = [_speaker_of(m, index) for m in mentions]
    speakers = {id(m): spk for m, spk in zip(mentions, resolved)}
    nodes = _nodes(mentions, resolved)
    uf = _link(nodes, _candidate_pairs(nodes))
    clusters: dict[int, list[_Node]] = defaultdict(list)
    for node in nodes:
        clusters[uf.find(node.order)].append(node)
    built = []
    for root, members in clusters.items():
        quote = _build_quote(members, by_id, order, speakers, entity_by_id)
        n_groups = len({_source_group(by_id.get(a), a) for a in quote.articles})
        built.append(((-n_groups, root), quote))
    built.sort(key=lambda pair: pair[0])
    quotes = [q for _, q in built]
    for i, quote in enumerate(quotes, 1):
        quote.id = f"q-{i}"
    return quotes
