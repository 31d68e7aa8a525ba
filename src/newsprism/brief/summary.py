"""The cited neutral summary: whole reporting sentences, each cited in every article that carries it.

Extractive on purpose: every summary sentence is a sentence an outlet wrote, so its attribution
("..., Trump said") travels with it and nothing is stated as fact that the source only reports.

1. Candidates: sentences of *reporting* paragraphs (genre labels), trimmed to one line; dropped:
   fragments, questions, boilerplate, quotations whose speaker is named in another sentence, and
   sentences carrying a claim of a fact the outlets *dispute* (the summary takes no side; it says
   instead, in one closing sentence, that the sources differ).
2. Score = centrality (TF-IDF cosine to the story's centroid) + support (share of the *other*
   independent source groups that carry a similar sentence) + a lead bonus (news puts what
   happened first) + a small bonus for corroborated facts.
3. Selection: maximal marginal relevance under the word cap; a sentence too similar to one
   already chosen is never added (no two sentences say the same thing).
4. Order: by position in the source articles (what happened first), reactions (sentences that
   quote someone) after the account of events.
5. Citations: the sentence itself plus, in every other article, the sentence that carries the same
   content (cosine above ``CARRY_SIMILARITY``); every span is ``article.text[start:end]``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newsprism.brief.sentences import TfidfSpace, Vector, centroid, cosine, word_count
from newsprism.model import Article, ArticleAnalysis, Span, StoryAlignment, SummarySentence

MIN_WORDS = 8
MAX_WORDS = 60
SUPPORT_SIMILARITY = 0.3  # another outlet "carries" similar content (for scoring)
CARRY_SIMILARITY = 0.45  # another article carries this sentence's content (for citations)
REDUNDANT_SIMILARITY = 0.5  # two summary sentences say the same thing
MMR_LAMBDA = 0.75
WEIGHTS = {"centrality": 0.45, "support": 0.25, "lead": 0.3, "corroborated": 0.1}

QUOTE_CHARS = "“”\""
ATTRIBUTION_RE = re.compile(
    r"\b(said|says|say|told|tells|added|adds|according to|wrote|writes|stated|announced|asked|"
    r"explained|noted|warned|argued|claimed|insisted|tweeted|posted|declared|replied|responded)\b",
    re.I,
)
BOILERPLATE_RE = re.compile(
    r"(click here|sign up|subscribe|newsletter|all rights reserved|cookies?\b|javascript|"
    r"advertisement|read more|related:|follow (us|him|her) on|photo:|image:|getty images|"
    r"this article (was|has been)|contributed to this report|copyright|e-?mail (us|the author))",
    re.I,
)
DANGLING_START_RE = re.compile(r"^(he|she|they|it|this|that|these|those|but|and|also|so|however)\b", re.I)
# A sentence opening on a personal pronoun names nobody once lifted out of its article: a summary
# reader cannot tell who "he" is, so such sentences are not candidates at all.
PRONOUN_START_RE = re.compile(r"^[\"“‘']?(he|she|they|his|her|their)\b", re.I)


@dataclass
class Candidate:
    article: int
    start: int
    end: int
    text: str
    index: int  # sentence position in its article
    vector: Vector
    score: float = 0.0
    support: set[str] | None = None
    quotes_someone: bool = False


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence at newlines and trim whitespace: exact, non-empty (start, end) pieces."""
    out = []
    pos = start
    for piece in text[start:end].split("\n"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _sentences(article: Article, analysis: ArticleAnalysis | None) -> list[tuple[int, int]]:
    spans = analysis.sentences if analysis and analysis.sentences else [(0, len(article.text))]
    return [piece for s, e in spans for piece in _lines(article.text, s, e)]


def _reporting(analysis: ArticleAnalysis | None, start: int, end: int) -> bool:
    if analysis is None:
        return True
    for p in analysis.paragraphs:
        if p.start < end and start < p.end and p.label != "reporting":
            return False
    return True


FIRST_PERSON_RE = re.compile(r"\b(I|me|my|we|us|our)\b")


def _inside_open_quote(article_text: str, start: int) -> bool:
    """The sentence continues a quotation opened earlier in its paragraph (no marks of its own)."""
    line_start = article_text.rfind("\n", 0, start) + 1
    before = article_text[line_start:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _unattributed_quote(text: str, analysis: ArticleAnalysis | None, start: int, end: int) -> bool:
    """A quotation whose speaker is not named in this sentence would lose its attribution."""
    # First person outside quotation marks in a reporting paragraph is someone's unmarked words.
    unquoted = re.sub(r"“[^”]*(”|$)|\"[^\"]*(\"|$)", " ", text)
    if FIRST_PERSON_RE.search(unquoted):
        return True
    if analysis is not None:
        for q in analysis.quotes:
            if q.start < end and start < q.end:
                cue_inside = q.cue is not None and start <= q.cue.start and q.cue.end <= end
                speaker_inside = q.speaker_mention is not None and start <= q.speaker_mention.start < end
                if not (cue_inside or speaker_inside):
                    return True
    # A sentence that starts inside a quotation begun in the sentence before it.
    first_mark = next((ch for ch in text if ch in "“”"), None)
    if first_mark == "”" or text.count("\"") % 2:
        return True
    # Without the quote extractor: quotation marks and no speech verb in the sentence.
    return any(ch in text for ch in QUOTE_CHARS) and not ATTRIBUTION_RE.search(text)


def _usable(text: str) -> bool:
    words = word_count(text)
    if words < MIN_WORDS or words > MAX_WORDS:
        return False
    if text.rstrip("”\"’' )").endswith("?") or not text[0].isupper() and text[0] not in QUOTE_CHARS:
        return False
    if not re.search(r"[.!”\"’]$", text.rstrip()):
        return False  # headlines, captions, bylines
    return not BOILERPLATE_RE.search(text)


def _claim_ranges(story: StoryAlignment, status: str) -> dict[str, list[tuple[int, int]]]:
    ranges: dict[str, list[tuple[int, int]]] = {}
    for fact in story.facts:
        if fact.status != status:
            continue
        for c in fact.claims:
            s = c.sentence if c.sentence is not None else c
            ranges.setdefault(c.article, []).append((s.start, s.end))
    return ranges


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _group(article: Article) -> str:
    return article.source_group or article.outlet or article.id


def summarize(
    articles: list[Article],
    analyses: list[ArticleAnalysis],
    story: StoryAlignment,
    max_words: int = 200,
) -> list[SummarySentence]:
    if not articles:
        return []
    by_id = {a.article: a for a in analyses}
    disputed = _claim_ranges(story, "disputed")
    corroborated = _claim_ranges(story, "corroborated")

    # Every sentence of every article (for citations), and the usable ones (for the summary).
    all_sentences: list[list[tuple[int, int]]] = [_sentences(a, by_id.get(a.id)) for a in articles]
    space = TfidfSpace(a.text[s:e] for a, sents in zip(articles, all_sentences) for s, e in sents)
    vectors = [[space.vector(a.text[s:e]) for s, e in sents] for a, sents in zip(articles, all_sentences)]

    candidates: list[Candidate] = []
    for ai, article in enumerate(articles):
        analysis = by_id.get(article.id)
        for si, (s, e) in enumerate(all_sentences[ai]):
            text = article.text[s:e]
            if not _usable(text) or not _reporting(analysis, s, e):
                continue
            if _overlaps(disputed.get(article.id, []), s, e) or _unattributed_quote(text, analysis, s, e):
                continue
            if _inside_open_quote(article.text, s) or PRONOUN_START_RE.match(text):
                continue
            candidates.append(
                Candidate(ai, s, e, text, si, vectors[ai][si], quotes_someone=any(c in text for c in QUOTE_CHARS))
            )
    if not candidates:
        return _disputes(articles, story, max_words)

    _score(candidates, articles, vectors, corroborated)
    chosen = _select(candidates, max_words - _dispute_words(story))
    chosen.sort(key=lambda c: (c.quotes_someone, c.index / max(1, len(all_sentences[c.article])), c.article))
    fact_links = _fact_sentences(articles, all_sentences, story)
    summary = [
        SummarySentence(text=c.text, sources=_citations(c, articles, all_sentences, vectors, fact_links))
        for c in chosen
    ]
    return summary + _disputes(articles, story, max_words - sum(word_count(c.text) for c in chosen))


def _score(
    candidates: list[Candidate],
    articles: list[Article],
    vectors: list[list[Vector]],
    corroborated: dict[str, list[tuple[int, int]]],
) -> None:
    center = centroid(c.vector for c in candidates)
    groups = {_group(a) for a in articles}
    for c in candidates:
        own = _group(articles[c.article])
        support = {
            _group(articles[ai])
            for ai, vecs in enumerate(vectors)
            if _group(articles[ai]) != own and any(cosine(c.vector, v) >= SUPPORT_SIMILARITY for v in vecs)
        }
        c.support = support
        score = WEIGHTS["centrality"] * cosine(c.vector, center)
        score += WEIGHTS["support"] * (len(support) / max(1, len(groups) - 1))
        score += WEIGHTS["lead"] / math.sqrt(1 + c.index)
        if _overlaps(corroborated.get(articles[c.article].id, []), c.start, c.end):
            score += WEIGHTS["corroborated"]
        if DANGLING_START_RE.match(c.text):
            score *= 0.8  # "He said ..." out of context reads badly
        c.score = score


def _select(candidates: list[Candidate], budget: int) -> list[Candidate]:
    """Maximal marginal relevance under a word budget; near-duplicates are never added."""
    chosen: list[Candidate] = []
    used = 0
    pool = sorted(candidates, key=lambda c: -c.score)
    while pool and used < budget:
        best, best_value = None, -1e9
        for c in pool:
            if used + word_count(c.text) > budget:
                continue
            redundancy = max((cosine(c.vector, o.vector) for o in chosen), default=0.0)
            if redundancy >= REDUNDANT_SIMILARITY:
                continue
            value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = c, value
        if best is None:
            break
        chosen.append(best)
        used += word_count(best.text)
        pool.remove(best)
    return chosen


FactLinks = dict[tuple[str, int, int], list[tuple[int, int, int]]]


def _fact_sentences(
    articles: list[Article], all_sentences: list[list[tuple[int, int]]], story: StoryAlignment
) -> FactLinks:
    """For each sentence holding a claim of a corroborated fact: the sentences holding the same fact's
    claims in the other articles ("one-fifth" in one, "20%" in another carry the same content even
    when their words differ too much for lexical similarity to see it)."""
    index = {a.id: i for i, a in enumerate(articles)}

    def sentence_of(article_id: str, start: int) -> tuple[int, int, int] | None:
        ai = index.get(article_id)
        if ai is None:
            return None
        return next(((ai, s, e) for s, e in all_sentences[ai] if s <= start < e), None)

    links: FactLinks = {}
    for fact in story.facts:
        if fact.status != "corroborated":
            continue
        holders = {sentence_of(c.article, c.start) for c in fact.claims} - {None}
        for ai, s, e in holders:
            links.setdefault((articles[ai].id, s, e), []).extend(
                h for h in holders if h[0] != ai
            )
    return links


def _citations(
    c: Candidate,
    articles: list[Article],
    all_sentences: list[list[tuple[int, int]]],
    vectors: list[list[Vector]],
    fact_links: FactLinks,
) -> list[Span]:
    """The sentence itself, then in every other article the sentence that carries it: the best
    lexical match, else the sentence holding the same corroborated fact."""
    sources = [articles[c.article].span(c.start, c.end)]
    by_fact = {ai: (s, e) for ai, s, e in fact_links.get((articles[c.article].id, c.start, c.end), [])}
    for ai, article in enumerate(articles):
        if ai == c.article or not vectors[ai]:
            continue
        sims = [cosine(c.vector, v) for v in vectors[ai]]
        best = max(range(len(sims)), key=sims.__getitem__)
        if sims[best] >= CARRY_SIMILARITY:
            s, e = all_sentences[ai][best]
            sources.append(article.span(s, e))
        elif ai in by_fact:
            sources.append(article.span(*by_fact[ai]))
    return sources


def _dispute_text(story: StoryAlignment, fact) -> str:
    return f"Sources differ on {fact.topic}." if fact.topic else "Sources differ on one of the reported figures."


def _dispute_words(story: StoryAlignment) -> int:
    return sum(word_count(_dispute_text(story, f)) for f in story.facts if f.status == "disputed")


def _disputes(articles: list[Article], story: StoryAlignment, budget: int) -> list[SummarySentence]:
    """One neutral sentence per disputed fact, citing every outlet's version of it."""
    ids = {a.id: a for a in articles}
    out = []
    for fact in story.facts:
        if fact.status != "disputed":
            continue
        text = _dispute_text(story, fact)
        sources = [
            ids[c.article].span(c.start, c.end)
            for c in fact.claims
            if c.article in ids and ids[c.article].text[c.start : c.end] == c.text
        ]
        if sources and word_count(text) <= budget:
            out.append(SummarySentence(text=text, sources=sources))
            budget -= word_count(text)
    return out
