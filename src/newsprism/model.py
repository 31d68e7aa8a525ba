"""The data model every stage shares.

Stages take and return these types; none reaches into another's internals.
Offsets are Python string indices (code points) into an article's *clean*
``text``, except :class:`Removal`, whose offsets point into ``raw``.
The brief's JSON (``newsprism.brief/1``) is a serialisation of :class:`Brief`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_ID = "newsprism.brief/1"

QuoteKind = Literal["direct", "partial", "indirect"]
FactStatus = Literal["corroborated", "disputed", "single_source"]
ParagraphLabel = Literal["reporting", "analysis", "opinion"]
DatePrecision = Literal["day", "month", "year"]


# --------------------------------------------------------------------------- ingest


@dataclass
class Removal:
    """A piece of the raw text that cleaning took out, and why."""

    text: str
    start: int  # offsets into Article.raw
    end: int
    reason: str


@dataclass
class Article:
    """One news article: raw text as read, clean text every span points into."""

    id: str
    raw: str
    text: str
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, or None when unknown
    outlet: str | None = None  # canonical outlet name, None when unknown (never guessed)
    author: str | None = None
    source_group: str | None = None  # syndicated copies share one group
    source_path: str | None = None  # where it was read from (file, file#record, url)
    format: str = "text"  # txt | html | json | jsonl | rss | warc | record
    content_hash: str = ""  # sha256 of the clean text, for dedup and caching
    credits: list[str] = field(default_factory=list)  # wire / outlet credits found in the text

    def span(self, start: int, end: int) -> "Span":
        return Span(self.id, start, end, self.text[start:end])


@dataclass
class InputWarning:
    """Something in the input that could not be used, named with its file."""

    source: str
    message: str
    kind: str = "input"  # input | duplicate | encoding | empty | ...


# --------------------------------------------------------------------------- spans


@dataclass
class Span:
    """Evidence: ``article.text[start:end] == text``."""

    article: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------- per-article analysis


@dataclass
class EntityMention:
    start: int
    end: int
    text: str


@dataclass
class LocalEntity:
    """A person / organisation / place as one article refers to it."""

    key: str  # unique within the article, e.g. "e3"
    name: str  # the fullest name the article uses
    type: str  # PERSON | ORG | GPE | LOC | NORP | EVENT | FAC | ...
    mentions: list[EntityMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    # Common-noun descriptions the article links to this entity ("Lohan, the actress" → "actress"),
    # as head words (analyse.entities.description_key); named=False: the article never names it.
    descriptions: list[str] = field(default_factory=list)
    named: bool = True


@dataclass
class QuoteMention:
    """One quotation in one article."""

    article: str
    start: int  # quoted text, without the marks
    end: int
    text: str
    kind: QuoteKind = "direct"
    cue: Span | None = None
    speaker_mention: Span | None = None  # the span naming the speaker (or the pronoun)
    speaker_name: str | None = None  # resolved name ("Donald Trump"), None if unresolved
    speaker_entity: str | None = None  # LocalEntity.key within the article
    speaker_type: str | None = None  # PERSON | ORG | None
    # every quoted piece, in order, when a quote is split by its attribution or runs over
    # paragraphs (start/end/text are then the first piece); empty for a quote in one piece
    parts: list[Span] = field(default_factory=list)


@dataclass
class Claim:
    """A checkable value stated in one article."""

    article: str
    start: int
    end: int
    text: str
    value: dict[str, Any]  # {"low": x, "high": y} (an interval) plus optional "point"
    unit: str  # normalised unit: hour, percent, USD, person, year, count, ...
    qualifier: str | None = None  # nearly | more than | about | at least | ...
    subject: str | None = None  # what is measured, as the sentence says it
    property: str | None = None  # the measured property (duration, casualties, share, ...)
    sentence: Span | None = None
    entities: list[str] = field(default_factory=list)  # local entity keys in the sentence
    # names of the people that a pronoun or description in the claim's clause stands for, resolved
    # within the article ("He was sentenced to 15 years" → ["John Smith"]); empty when none or unsure
    referents: list[str] = field(default_factory=list)


@dataclass
class TimeExpression:
    article: str
    start: int
    end: int
    text: str
    date: str | None  # ISO (YYYY, YYYY-MM or YYYY-MM-DD); None when unresolved
    precision: DatePrecision | None
    relative: bool = False
    resolved: bool = True
    event: Span | None = None  # the clause that says what happened then


@dataclass
class Paragraph:
    start: int
    end: int
    label: ParagraphLabel = "reporting"
    reasons: list[str] = field(default_factory=list)


@dataclass
class ArticleAnalysis:
    """Everything newsprism learns from one article on its own (a pure function of it)."""

    article: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    quotes: list[QuoteMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    mixed: bool = False  # a long opinion / analysis part inside a news article


# --------------------------------------------------------------------------- across articles


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    # (article id, LocalEntity.key) pairs merged into this entity
    members: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class QuoteVariant:
    text: str
    articles: list[str]
    diff: list[dict[str, Any]] = field(default_factory=list)  # word-level ops vs canonical


@dataclass
class Quote:
    id: str
    speaker: str | None
    speaker_name: str | None
    text: str
    kind: QuoteKind
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    variants: list[QuoteVariant] = field(default_factory=list)
    mentions: list[QuoteMention] = field(default_factory=list)
    speaker_disagreement: bool = False


@dataclass
class Fact:
    id: str
    topic: str
    status: FactStatus
    claims: list[Claim] = field(default_factory=list)
    source_groups: list[str] = field(default_factory=list)
    explanation: str = ""


@dataclass
class CoverageRow:
    """What one source group carries, carries alone, and leaves out."""

    source_group: str
    outlets: list[str]
    articles: list[str]
    facts: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    exclusive_facts: list[str] = field(default_factory=list)
    exclusive_quotes: list[str] = field(default_factory=list)
    omitted_facts: list[str] = field(default_factory=list)
    omitted_quotes: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str  # ISO; precision says how much of it is meant
    precision: DatePrecision
    text: str
    sources: list[Span] = field(default_factory=list)
    resolved: bool = True


@dataclass
class SummarySentence:
    text: str
    sources: list[Span] = field(default_factory=list)


@dataclass
class StoryAlignment:
    """The cross-article account: what align/ produces from the per-article analyses."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)


@dataclass
class Brief:
    generated: str
    articles: list[Article]
    analyses: list[ArticleAnalysis] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    # per-outlet loaded terms (analyse.framing.loaded_terms): a plain JSON-ready dict
    framing: dict[str, Any] = field(default_factory=dict)
    schema: str = SCHEMA_ID
