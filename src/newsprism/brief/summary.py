"""The cited neutral summary: whole reporting sentences, each cited in every article that carries it.

Extractive on purpose: every summary sentence is a sentence an outlet wrote, so its attribution
("..., Trump said") travels with it and nothing is stated as fact that the source only reports.

Similarity is meaning, not wording: sentences are compared with MiniLM sentence embeddings
(``newsprism.analyse.embeddings``), so "the talks ended without a deal" and "no agreement was
reached" count as the same content. The embeddings are a core dependency: when they are missing,
``EmbeddingsUnavailable`` (with its install command) is raised rather than silently falling back to
a weaker summary.

1. Candidates: sentences of *reporting* paragraphs (genre labels), trimmed to one line and past a
   dateline ("WASHINGTON (AP) — "); dropped: fragments, questions, boilerplate, quotations whose
   speaker is not named in the sentence (a pronoun speaker the quote step resolved to a person is
   named in square brackets instead: "“…,” [Ann Lee] said"), and sentences carrying a claim of a fact the outlets
   *dispute* (the summary takes no side; it says instead, in one closing sentence, that the
   sources differ).
2. Score = a weighted sum of features (``FEATURES``): centrality in meaning (cosine to the story's
   centroid, each document weighing the same) and in words (TF-IDF centroid), support (how closely
   each *other* independent source group carries the sentence: mean and best of its best match per
   group), position (news puts what happened first), length, quotation, figures, a corroborated
   fact. The weights are a ridge regression of each candidate's ROUGE-2 against the reference
   summaries of the 250-cluster Multi-News test sample (``eval/train_summary_weights.py``
   reproduces them); the unseen validation sample is the held-out check.
3. Selection: maximal marginal relevance under the word cap; a sentence whose meaning is too close
   to one already chosen is never added (no two sentences say the same thing, however worded).
4. Order: by position in the source articles (what happened first), reactions (sentences that
   quote someone) after the account of events.
5. Citations: the sentence itself plus, in every other article, the sentence that carries the same
   content: close in meaning *and* sharing its content words (embeddings alone also pair sentences
   that are merely on the same topic), or holding a claim of the same corroborated fact. Every span
   is ``article.text[start:end]``.
"""

from __future__ import annotations

import math
from functools import lru_cache
import re
from dataclasses import dataclass

import numpy as np

from newsprism.analyse import embeddings
from newsprism.brief.sentences import TfidfSpace, Vector, centroid, cosine, word_count
from newsprism.model import Article, ArticleAnalysis, Span, StoryAlignment, SummarySentence

MIN_WORDS = 8
MAX_WORDS = 60
# Embedding cosines (all-MiniLM-L6-v2). Sentences of one story sit around 0.3-0.5 to each other;
# paraphrases of one event ("ended without a deal" / "failed to strike a deal") around 0.6-0.75.
REDUNDANT_MEANING = 0.65  # two summary sentences say the same thing (in other words)...
REDUNDANT_WORDS = 0.5  # ...or in the same words (TF-IDF cosine; repeats a quoted phrase, a number)
REDUNDANT_BOTH = (0.6, 0.3)  # ...or close in meaning and sharing a good part of the words
CARRY_MEANING = 0.72  # another article's sentence is close enough in meaning to carry this one...
CARRY_WORDS = 0.3  # ...and shares enough of its content words (TF-IDF cosine) to be cited for it
CARRY_WORDS_ALONE = 0.45  # content-word overlap high enough to cite on its own
# A sentence holding a claim of the same corroborated fact is cited only when it is also about the
# same thing: "arrested 396 times, aged 52" and "'I'm not going back,' said Miles, 52" share a fact
# (her age), not the content.
FACT_LINK_MEANING = 0.5
MMR_LAMBDA = 0.7
# Feature weights of the candidate score (see ``_features``), fitted by eval/train_summary_weights.py:
# ridge regression (alpha 1, standardised features) of each candidate's ROUGE-2 F against the
# reference, on all 250 clusters of the Multi-News test sample, then scaled by SCORE_SCALE so that
# score differences weigh against MMR's redundancy penalty (0-0.65). Cross-fitted (train on rows
# 100-249, score rows 0-99 and the reverse), this scorer gained +0.30 ROUGE-2 on both halves over the
# hand-set weights it replaces (docs/evaluation-summary-s4.md). Weights are per unit of the raw feature.
SCORE_SCALE = 30.0
FEATURES = ("centrality", "support", "lead", "position", "first", "log_words", "quotes", "digits",
            "corroborated", "dangling", "word_centrality", "capitalised", "support_best")
WEIGHTS = {
    "centrality": -0.0738, "support": 0.4116, "lead": 0.984, "position": 0.0011, "first": -0.3641,
    "log_words": 0.3829, "quotes": 0.2143, "digits": -0.0169, "corroborated": 0.0653, "dangling": -0.0193,
    "word_centrality": 2.9024, "capitalised": 0.056, "support_best": 0.2489,
}

QUOTE_CHARS = "“”\""
ATTRIBUTION_RE = re.compile(
    r"\b(said|says?|saying|tells?|telling|told|add(s|ed|ing)?|according to|wr(ote|ites?|iting)|"
    r"stat(ed|es|ing)|announc\w*|ask(s|ed|ing)|explain\w*|not(ed|es|ing)|warn\w*|argu(e|es|ed|ing)|"
    r"claim(s|ed|ing)|insist\w*|tweet(s|ed|ing)|post(s|ed|ing)|declar\w*|repl(y|ies|ied|ying)|"
    r"respond\w*|call(s|ed|ing)|describ\w*|conced\w*|quipp\w*|continu(es|ed|ing)|urg(es|ed|ing)|"
    r"recall\w*|acknowledg\w*|admit\w*|caption\w*|quoted|cit(es|ed|ing)|vow(s|ed|ing)?|compar(es|ed|ing))\b",
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
# A connective in front changes nothing ("Yet he did, ...").
PRONOUN_START_RE = re.compile(
    r"^[\"“‘']?(?:(?:and|but|yet|so|still|then|now|also|instead|however|meanwhile),?\s+)?(he|she|they|his|her|their)\b",
    re.I,
)
# "ANCHORAGE, Alaska — ", "WASHINGTON (AP) — ", "LONDON (Reuters) - ": where the story was filed,
# not part of what happened; the summary sentence (and its span) starts after it.
DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)*)?"
    r"(?: \([A-Za-z. ]+\))? ?[—–-]{1,2} (?=[A-Z“\"])"
)
# Quotation marks around a few words are a title or a scare quote ("rotten", "General Hospital"),
# not someone's statement that needs its speaker.
SHORT_QUOTE_RE = re.compile(r"“[^”]{0,40}”|\"[^\"]{0,40}\"")
SHORT_QUOTE_WORDS = 4


@dataclass
class Candidate:
    article: int
    start: int
    end: int
    text: str
    index: int  # sentence position in its article
    row: int  # its row in the story's embedding matrix
    score: float = 0.0
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


def _after_dateline(text: str, start: int, end: int) -> int:
    m = DATELINE_RE.match(text[start:end])
    return start + m.end() if m and end - start - m.end() > 0 else start


def _sentences(article: Article, analysis: ArticleAnalysis | None) -> list[tuple[int, int]]:
    spans = analysis.sentences if analysis and analysis.sentences else [(0, len(article.text))]
    return [
        (_after_dateline(article.text, s, e), e) for s0, e0 in spans for s, e in _lines(article.text, s0, e0)
    ]


def _reporting(analysis: ArticleAnalysis | None, start: int, end: int) -> bool:
    if analysis is None:
        return True
    for p in analysis.paragraphs:
        if p.start < end and start < p.end and p.label != "reporting":
            return False
    return True


# Capitalised too ("We were told ..."), but not "US" or "ME" (a country, a state).
FIRST_PERSON_RE = re.compile(r"\b(I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur)\b")


def _inside_open_quote(article_text: str, start: int) -> bool:
    """The sentence continues a quotation opened earlier in its paragraph (no marks of its own)."""
    line_start = article_text.rfind("\n", 0, start) + 1
    before = article_text[line_start:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


QUOTATION_RE = re.compile(r"“[^”]*(”|$)|\"[^\"]*(\"|$)")  # a quotation, closed or running past the sentence
PRONOUN_SPEAKER_RE = re.compile(
    r"\b(he|she|they)\s+(?:\w+ly\s+)?(said|says|added|adds|told|tells|wrote|writes|continued|explained|noted|"
    r"insisted|argued|warned|replied|declared)\b|\b(said|says|added|adds)\s+(he|she|they)\b",
    re.I,
)


def _starts_inside_quote(text: str) -> bool:
    """The sentence begins inside a quotation opened before it: its first quotation mark closes one."""
    first = next((i for i, ch in enumerate(text) if ch in "“”\""), None)
    if first is None:
        return False
    if text[first] != "\"":
        return text[first] == "”"
    # A straight mark opens at the start or after a space, a bracket or a colon; after a word it closes.
    return first > 0 and not (text[first - 1].isspace() or text[first - 1] in "([:—–-")


def _unattributed_quote(text: str, analysis: ArticleAnalysis | None, start: int, end: int) -> bool:
    """A quotation whose speaker is not named in this sentence would lose its attribution."""
    # First person outside quotation marks in a reporting paragraph is someone's unmarked words.
    unquoted = QUOTATION_RE.sub(" ", text)
    if FIRST_PERSON_RE.search(unquoted) or _starts_inside_quote(text):
        return True
    # "“…,” he said." names nobody once lifted out of its article (next to another person's name the
    # reader would guess wrong); taken with a preceding sentence that names the speaker, it reads right.
    pronoun = PRONOUN_SPEAKER_RE.search(unquoted)
    if pronoun and not unquoted[: pronoun.start()].strip(" ,.;:—–-"):
        return True
    # The sentence names its own source: a speech verb outside the quotation ("Mayer wrote on Monday,
    # “I'm planning to stay ..."), even where the quotation runs on into the next sentence or the quote
    # extractor gave it to a speaker further on.
    attributed = bool(ATTRIBUTION_RE.search(unquoted))
    if analysis is not None and not attributed:
        for q in analysis.quotes:
            if q.start < end and start < q.end:
                cue_inside = q.cue is not None and start <= q.cue.start and q.cue.end <= end
                speaker_inside = q.speaker_mention is not None and start <= q.speaker_mention.start < end
                if not (cue_inside or speaker_inside):
                    return True
    # Without the quote extractor: a quotation (more than a title's few words) and no speech verb.
    statements = [m for m in QUOTATION_RE.finditer(text) if len(m.group().split()) >= SHORT_QUOTE_WORDS]
    return bool(statements) and not attributed


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


@dataclass
class _Story:
    """Every sentence of every article, with its embedding row and content-word vector."""

    articles: list[Article]
    sentences: list[list[tuple[int, int]]]
    rows: list[list[int]]  # article -> its sentences' rows in ``meaning``
    meaning: np.ndarray  # one L2-normalised embedding per sentence (then per joined pair)
    words: list[Vector]  # one TF-IDF vector per sentence (same rows)
    space: TfidfSpace


def _story(articles: list[Article], analyses: list[ArticleAnalysis]) -> _Story:
    by_id = {a.article: a for a in analyses}
    sentences = [_sentences(a, by_id.get(a.id)) for a in articles]
    texts: list[str] = []
    rows: list[list[int]] = []
    for article, spans in zip(articles, sentences):
        rows.append(list(range(len(texts), len(texts) + len(spans))))
        texts.extend(article.text[s:e] for s, e in spans)
    space = TfidfSpace(texts)
    return _Story(articles, sentences, rows, embeddings.embed(texts), [space.vector(t) for t in texts], space)


def _standalone(
    article: Article,
    analysis: ArticleAnalysis | None,
    disputed: list[tuple[int, int]],
    start: int,
    end: int,
    text: str | None = None,
) -> bool:
    """A reporting sentence a reader can take on its own: complete, its speaker named, no side taken.
    ``text`` is the sentence as the summary would print it (a pronoun speaker named, see ``_named``)."""
    text = article.text[start:end] if text is None else text
    return (
        _usable(text)
        and _reporting(analysis, start, end)
        and not _overlaps(disputed, start, end)
        and not _unattributed_quote(text, analysis, start, end)
        and not _inside_open_quote(article.text, start)
        and not PRONOUN_START_RE.match(text)
    )


def _follows_on(
    article: Article,
    analysis: ArticleAnalysis | None,
    disputed: list[tuple[int, int]],
    before: tuple[int, int],
    sentence: tuple[int, int],
) -> bool:
    """The sentence, joined to the standalone one before it in the same paragraph, reads on its own."""
    if "\n" in article.text[before[1] : sentence[0]]:
        return False
    return _standalone(article, analysis, disputed, before[0], sentence[1])


def _candidate(article: Article, ai: int, si: int, start: int, end: int, row: int, text: str | None = None) -> Candidate:
    text = article.text[start:end] if text is None else text
    return Candidate(ai, start, end, text, si, row, quotes_someone=any(c in text for c in QUOTE_CHARS))


SPEAKER_PRONOUNS = {"he", "she", "they"}


def _named(article: Article, analysis: ArticleAnalysis | None, start: int, end: int) -> str | None:
    """The sentence with each pronoun speaker of its quotations replaced by the person the quote step
    resolved it to, in square brackets (the editor's mark for words not in the source):
    "“We are close,” he said." → "“We are close,” [Dana Smith] said.". None when there is nothing
    to name. Lifted out of its article, "he said" names nobody; the bracket keeps the attribution
    without pretending the outlet wrote the name there. The citation stays the outlet's exact sentence."""
    if analysis is None:
        return None
    named = sorted(
        {
            (q.speaker_mention.start, q.speaker_mention.end, q.speaker_name)
            for q in analysis.quotes
            if q.speaker_mention is not None
            and q.speaker_name
            and q.speaker_type == "PERSON"
            and start <= q.speaker_mention.start
            and q.speaker_mention.end <= end
            and q.speaker_mention.text.lower() in SPEAKER_PRONOUNS
        },
        reverse=True,
    )
    if not named:
        return None
    text = article.text[start:end]
    for s, e, name in named:  # from the end, so earlier offsets hold
        text = text[: s - start] + f"[{name}]" + text[e - start :]
    return text


def _with_meaning(extra: list[Candidate], told: _Story) -> list[Candidate]:
    """Give candidates that are not single sentences (two joined) their own rows in the story's matrices."""
    if not extra:
        return []
    first = len(told.words)
    told.meaning = np.vstack([told.meaning, embeddings.embed([c.text for c in extra])])
    told.words.extend(told.space.vector(c.text) for c in extra)
    for k, c in enumerate(extra):
        c.row = first + k
    return extra


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
    told = _story(articles, analyses)

    candidates: list[Candidate] = []
    pairs: list[Candidate] = []
    for ai, article in enumerate(articles):
        analysis = by_id.get(article.id)
        ranges = disputed.get(article.id, [])
        spans = told.sentences[ai]
        alone = [_standalone(article, analysis, ranges, s, e) for s, e in spans]
        for si, (s, e) in enumerate(spans):
            if alone[si]:
                candidates.append(_candidate(article, ai, si, s, e, told.rows[ai][si]))
            else:
                named = _named(article, analysis, s, e)
                if named and _standalone(article, analysis, ranges, s, e, named):
                    pairs.append(_candidate(article, ai, si, s, e, -1, named))
                    continue
                if si and alone[si - 1] and _follows_on(article, analysis, ranges, spans[si - 1], (s, e)):
                    # "He said ..." / a quotation's second sentence: taken with the sentence before it,
                    # which names who "he" is or who is speaking.
                    pairs.append(_candidate(article, ai, si - 1, spans[si - 1][0], e, -1))
                if si + 1 < len(spans) and _follows_on(article, analysis, ranges, (s, e), spans[si + 1]):
                    # A quotation whose speaker comes in the next sentence ("“We are close. [...]” she said."):
                    # taken with it.
                    pairs.append(_candidate(article, ai, si, s, spans[si + 1][1], -1))
    candidates += _with_meaning(pairs, told)
    if not candidates:
        return _disputes(articles, story, max_words)

    _score(candidates, told, corroborated)
    chosen = _select(candidates, told, max_words - _dispute_words(story))
    chosen.sort(key=lambda c: (c.quotes_someone, c.index / max(1, len(told.sentences[c.article])), c.article))
    fact_links = _fact_sentences(articles, told.sentences, story)
    summary = [SummarySentence(text=c.text, sources=_citations(c, told, fact_links)) for c in chosen]
    return summary + _disputes(articles, story, max_words - sum(word_count(c.text) for c in chosen))


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)


def _features(candidates: list[Candidate], told: _Story, corroborated: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """One row of ``FEATURES`` per candidate (pure: the training script calls it too)."""
    rows_of: dict[str, list[int]] = {}
    for ai, article in enumerate(told.articles):
        rows_of.setdefault(_group(article), []).extend(told.rows[ai])
    # The story's centre: the mean of per-document centres, so a long article does not outweigh
    # the others (what several documents carry is what the story is about).
    centres = [
        _unit(told.meaning[[c.row for c in candidates if c.article == ai]].mean(axis=0))
        for ai in range(len(told.articles))
        if any(c.article == ai for c in candidates)
    ]
    centre = _unit(np.mean(centres, axis=0))
    meaning = told.meaning[[c.row for c in candidates]]
    centrality = meaning @ centre
    similarity = embeddings.cosine_matrix(meaning, told.meaning)
    word_centre = centroid(told.words)
    out = np.zeros((len(candidates), len(FEATURES)))
    for i, c in enumerate(candidates):
        article = told.articles[c.article]
        own = _group(article)
        # How closely each other independent source carries this sentence (its best match there).
        carried = [float(similarity[i, rows].max()) for group, rows in rows_of.items() if group != own and rows]
        tokens = c.text.split()
        out[i] = (
            float(centrality[i]),
            sum(carried) / len(carried) if carried else 0.0,
            1 / math.sqrt(1 + c.index),
            c.index / max(1, len(told.sentences[c.article])),
            float(c.index == 0),
            math.log(1 + word_count(c.text)),
            float(c.quotes_someone),
            float(bool(re.search(r"\d", c.text))),
            float(_overlaps(corroborated.get(article.id, []), c.start, c.end)),
            float(bool(DANGLING_START_RE.match(c.text))),  # "But it ..." out of context reads badly
            cosine(told.words[c.row], word_centre),
            sum(t[:1].isupper() for t in tokens[1:]) / max(1, len(tokens) - 1),
            max(carried) if carried else 0.0,
        )
    return out


def _score(candidates: list[Candidate], told: _Story, corroborated: dict[str, list[tuple[int, int]]]) -> None:
    """The weighted feature sum: see the module docstring and ``WEIGHTS``."""
    weights = np.array([WEIGHTS[name] for name in FEATURES])
    for c, value in zip(candidates, _features(candidates, told, corroborated) @ weights):
        c.score = float(value)


QUOTED_RE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")


@lru_cache(maxsize=4096)
def _quoted(text: str) -> frozenset[str]:
    """The quotations of a sentence, reduced to their lower-case words ("extremely productive").
    Cached: MMR asks it for the same sentences on every round."""
    out = set()
    for m in QUOTED_RE.finditer(text):
        words = " ".join(re.findall(r"[a-z0-9]+", (m.group(1) or m.group(2)).lower()))
        if len(words.split()) >= 2:
            out.add(words)
    return frozenset(out)


def _same_quotation(a: str, b: str) -> bool:
    """Both sentences carry the same quoted words (one quotation inside the other)."""
    return any(x in y or y in x for x in _quoted(a) for y in _quoted(b))


def _redundancy(c: Candidate, chosen: list[Candidate], told: _Story) -> float | None:
    """How much ``c`` repeats the sentences already chosen; None when it says the same thing as one
    of them: by meaning (embeddings), by wording (content words), or by quoting the same words."""
    worst = 0.0
    for o in chosen:
        if _same_quotation(c.text, o.text) or (c.article == o.article and c.start < o.end and o.start < c.end):
            return None
        meaning = float(told.meaning[c.row] @ told.meaning[o.row])
        words = cosine(told.words[c.row], told.words[o.row])
        both = meaning >= REDUNDANT_BOTH[0] and words >= REDUNDANT_BOTH[1]
        if meaning >= REDUNDANT_MEANING or words >= REDUNDANT_WORDS or both:
            return None
        worst = max(worst, meaning, words)
    return worst


def _select(candidates: list[Candidate], told: _Story, budget: int) -> list[Candidate]:
    """Maximal marginal relevance under a word budget; sentences saying the same thing are never both added."""
    chosen: list[Candidate] = []
    used = 0
    pool = sorted(candidates, key=lambda c: -c.score)
    while pool and used < budget:
        best, best_value = None, -1e9
        for c in pool:
            if used + word_count(c.text) > budget:
                continue
            redundancy = _redundancy(c, chosen, told)
            if redundancy is None:
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


def carries(meaning: float, words: float) -> bool:
    """Does a sentence carry another's content? Close in meaning and sharing content words, or
    sharing most content words. Meaning alone is not enough: MiniLM also puts two different facts
    about the same people close together ("X joined in 2012" / "since X was hired in 2012, ...")."""
    return (meaning >= CARRY_MEANING and words >= CARRY_WORDS) or words >= CARRY_WORDS_ALONE


def _citations(c: Candidate, told: _Story, fact_links: FactLinks) -> list[Span]:
    """The sentence itself, then in every other article the sentence that carries it (see ``carries``),
    else the sentence holding the same corroborated fact."""
    articles = told.articles
    sources = [articles[c.article].span(c.start, c.end)]
    by_fact = {ai: (s, e) for ai, s, e in fact_links.get((articles[c.article].id, c.start, c.end), [])}
    for ai, article in enumerate(articles):
        rows = told.rows[ai]
        if ai == c.article or not rows:
            continue
        meaning = told.meaning[rows] @ told.meaning[c.row]
        words = [cosine(told.words[c.row], told.words[r]) for r in rows]
        # The best carrier: closest in meaning among those that pass, ties to word overlap.
        passing = [k for k in range(len(rows)) if carries(float(meaning[k]), words[k])]
        if passing:
            best = max(passing, key=lambda k: (float(meaning[k]) + words[k]))
            sources.append(article.span(*told.sentences[ai][best]))
        elif ai in by_fact:
            s, e = by_fact[ai]
            row = rows[told.sentences[ai].index((s, e))]
            if float(told.meaning[row] @ told.meaning[c.row]) >= FACT_LINK_MEANING:
                sources.append(article.span(s, e))
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
