"""Paragraph labels: reporting, analysis or opinion, each with the reasons that decided it.

The labels come from explainable surface features of the *journalist's own* words, so everything
inside quotation marks (and every sentence attributed to someone with a speech verb) is masked
first: a minister saying "we must act" is reporting, a columnist writing "we must act" is opinion.

Features (each listed in ``Paragraph.reasons`` when it fires):
- first person (I / we / my / our ...) outside quotes;
- second-person address (you / your) and imperatives addressed to the reader;
- prescriptions (should / must / ought to / need to) outside attributed sentences;
- evaluative words and stance adverbs (disgraceful, absurd, frankly, sadly ...);
- rhetorical questions and exclamations outside quotes;
- analysis markers (what this means, in other words, it remains to be seen ...) and hedged
  predictions (likely, probably, perhaps ...), which make a paragraph *analysis*;
- op-ed markers (an "Opinion:" / "Commentary" label, "is a columnist", "the views expressed");
- a commentary coda: opinion paragraphs closing an article that otherwise reports.

``mixed`` is True when the opinion + analysis paragraphs hold at least ``MIXED_MIN_SHARE`` of the
article's words and at least ``MIXED_MIN_WORDS`` words: a long opinion part, not a stray adjective.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from newsprism.errors import ModelMissing
from newsprism.model import Paragraph, QuoteMention

MIXED_MIN_SHARE = 0.25
MIXED_MIN_WORDS = 60
OPINION_THRESHOLD = 2.0
ANALYSIS_THRESHOLD = 1.0
VOICED_MIN_PARAGRAPHS = 2
LEXICON_MIN_SUBJECTIVITY = 0.8
LEXICON_MIN_POLARITY = 0.5

FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
FIRST_PERSON = FIRST_SINGULAR | FIRST_PLURAL
SECOND_PERSON = {"you", "your", "yours", "yourself", "yourselves"}
PRESCRIPTIVE_MODALS = {"should", "must", "ought"}
# Speech and attribution verbs: a sentence built on one reports someone else's view.
ATTRIBUTION_VERBS = {
    "say", "tell", "add", "warn", "argue", "claim", "insist", "note", "explain", "state",
    "announce", "declare", "write", "urge", "demand", "call", "suggest", "predict", "acknowledge",
    "admit", "deny", "contend", "assert", "maintain", "stress", "emphasize", "emphasise", "caution",
    "believe", "think", "accord", "report", "testify", "tweet", "post", "vow", "promise", "pledge",
    "recall", "describe", "complain", "allege", "reply", "respond", "counter", "ask", "conclude",
}
EVALUATIVE = {
    "absurd", "appalling", "awful", "baffling", "bizarre", "brilliant", "cowardly", "courageous",
    "cynical", "deplorable", "despicable", "disastrous", "disgraceful", "dishonest", "embarrassing",
    "foolish", "grotesque", "horrible", "hypocritical", "hypocrisy", "idiotic", "incompetent",
    "indefensible", "inexcusable", "laughable", "ludicrous", "mediocre", "misguided", "nonsense",
    "outrageous", "pathetic", "preposterous", "reckless", "ridiculous", "scandalous", "shameful",
    "shameless", "silly", "stupid", "terrible", "terrific", "unconscionable", "unforgivable",
    "wonderful", "wrongheaded", "admirable", "sensible", "unwise", "naive", "farcical", "dismal",
    "abysmal", "spineless", "feckless", "inept", "obscene", "vile", "delusional", "sham", "charade",
}
STANCE_ADVERBS = {
    "clearly", "obviously", "frankly", "surely", "undoubtedly", "unquestionably", "sadly",
    "unfortunately", "fortunately", "thankfully", "regrettably", "admittedly", "arguably",
    "honestly", "mercifully", "shamefully", "tellingly", "ironically", "astonishingly",
}
STANCE_PHRASES = (
    "of course", "needless to say", "to be sure", "make no mistake", "let's be clear",
    "let us be clear", "the truth is", "the fact is", "it is time", "it's time", "enough is enough",
)
HEDGES = {"likely", "unlikely", "probably", "perhaps", "possibly", "presumably", "seemingly", "maybe"}
# The writer's own inference: "may / might / could" (epistemic modals) and "seem / appear".
EPISTEMIC_MODALS = {"may", "might", "could"}
SEEM_VERBS = {"seem"}
ANALYSIS_PHRASES = (
    "what this means", "this means", "in other words", "it remains to be seen", "remains to be seen",
    "the question is", "the question now", "the real question", "the bigger question", "the upshot",
    "the lesson", "the irony", "the reality is", "the danger is", "the risk is", "the challenge",
    "a sign that", "signals that", "suggests that", "underscores", "raises questions",
    "is likely to", "are likely to", "could well", "may well", "in effect", "at stake",
    "is bound to", "'s bound to", "are bound to", "it's possible", "it is possible",
)
OPED_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"^\s*(opinion|commentary|editorial|op-ed|column|perspective|viewpoint)\s*[:|\-–—]",
        r"the views expressed",
        r"\bis an? ([\w-]+ ){0,5}?(columnist|contributor|contributing (writer|editor)|opinion writer|"
        r"commentator)\b",
        r"\bwrites (a|this) (weekly |regular )?column\b",
        r"\bthis (column|editorial|op-ed)\b",
        r"\b(he|she|they) (is|are) the authors? of\b",
    )
]
TITLE_SMALL_WORDS = {
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "and", "or", "but", "is", "are", "be",
    "your", "my", "our", "we", "you", "it", "its", "how", "what", "why", "when", "who", "from", "by", "about",
}
ANALYSIS_LABEL = re.compile(r"^\s*(news )?analysis\s*[:|\-–—]", re.I)
# Quotation marks: straight and curly, double and single-curly (not the apostrophe '). A double
# quote left open runs to the end of its line: a quote carried on without its closing mark.
QUOTED = re.compile(r"“[^”\n]*(?:”|(?=\n)|$)|\"[^\"\n]*(?:\"|(?=\n)|$)|‘[^’\n]{12,}’|«[^»\n]*»")


@dataclass
class _Cues:
    """The cues found in one paragraph. *Soft* cues (modals, hedges, predictions) are dropped when
    most of the paragraph's sentences are attributed: there they usually continue a paraphrase
    ("..., he said. Its inclusion should not be read as ...")."""

    cues: list[tuple[str, float, str, bool]] = field(default_factory=list)  # kind, points, reason, soft
    extra_reasons: list[str] = field(default_factory=list)
    sentences: int = 0
    attributed: int = 0
    first_singular: bool = False  # the writer says "I": marks a voiced (first-person) article
    predicts: bool = False  # a "will" prediction already counted

    def add(self, kind: str, points: float, reason: str, soft: bool = False) -> None:
        self.cues.append((kind, points, reason, soft))

    def _kept(self) -> list[tuple[str, float, str, bool]]:
        reported = self.sentences and self.attributed * 2 >= self.sentences
        return [c for c in self.cues if not (c[3] and reported)]

    @property
    def opinion(self) -> float:
        return sum(points for kind, points, _, _ in self._kept() if kind == "opinion")

    @property
    def analysis(self) -> float:
        return sum(points for kind, points, _, _ in self._kept() if kind == "analysis")

    @property
    def reasons(self) -> list[str]:
        # One reason per kind of cue, in order, however many sentences carry it.
        return list(dict.fromkeys([reason for _, _, reason, _ in self._kept()] + self.extra_reasons))


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Non-empty paragraphs (split on newlines), trimmed, as (start, end) offsets."""
    bounds = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        lead = len(line) - len(line.lstrip())
        bounds.append((start + lead, start + lead + len(stripped)))
    return bounds


def quoted_mask(text: str, quotes: list[QuoteMention]) -> list[bool]:
    """True for every character inside a quotation (the quote extractor's spans and quote marks)."""
    mask = [False] * len(text)
    for q in quotes:
        for i in range(max(0, q.start), min(len(text), q.end)):
            mask[i] = True
    for m in QUOTED.finditer(text):
        for i in range(m.start(), m.end()):
            mask[i] = True
    return mask


def _attributed(sent) -> bool:
    """A sentence that reports someone else's words or view (not the writer's own)."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in ATTRIBUTION_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if lemma == "accord":  # "according to ..."
            return True
        # Only a speech verb that carries the sentence ("..., she said"; "He warned that ...")
        # attributes it; "the fact that Putin said it does not mean ..." is the writer's own view.
        if tok.dep_ not in ("ROOT", "parataxis", "conj"):
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(s.lower_ not in FIRST_PERSON | SECOND_PERSON for s in subjects):
            return True
    return False


@lru_cache(maxsize=1)
def subjectivity_lexicon() -> dict[tuple[str, str], tuple[float, float]]:
    """(word, "JJ" | "RB") → (polarity, subjectivity), senses averaged.

    The lexicon is De Smedt & Daelemans' English subjectivity lexicon (Pattern; public domain, PDDL),
    the XML file the ``textblob`` package ships. It is read directly: importing textblob would pull in
    NLTK for nothing.
    """
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("the subjectivity lexicon comes with the 'textblob' package: pip install textblob")
    path = Path(list(spec.submodule_search_locations)[0]) / "en" / "en-sentiment.xml"
    senses: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for word in ElementTree.parse(path).getroot().iter("word"):
        pos = word.get("pos", "")[:2]
        if pos in ("JJ", "RB"):
            senses[(word.get("form", "").lower(), pos)].append(
                (float(word.get("polarity", 0)), float(word.get("subjectivity", 0)))
            )
    lexicon = {key: (sum(p for p, _ in v) / len(v), sum(s for _, s in v) / len(v)) for key, v in senses.items()}
    # Adverbs inherit their adjective's scores, as Pattern does ("ridiculous" → "ridiculously").
    for (form, pos), scores in list(lexicon.items()):
        if pos == "JJ":
            lexicon.setdefault((_adverb(form), "RB"), scores)
    return lexicon


def _adverb(adjective: str) -> str:
    if adjective.endswith("y"):
        return adjective[:-1] + "ily"
    if adjective.endswith("le"):
        return adjective[:-1] + "y"
    if adjective.endswith("ic"):
        return adjective + "ally"
    return adjective + "ly"


def _lexicon_evaluative(tok) -> bool:
    """A strongly subjective and clearly positive or negative adjective/adverb ("adorable", "grim")."""
    if tok.pos_ not in ("ADJ", "ADV") or tok.dep_ == "compound":  # "the rose ceremony"
        return False
    entry = subjectivity_lexicon().get((tok.lower_, "RB" if tok.pos_ == "ADV" else "JJ"))
    return entry is not None and entry[1] >= LEXICON_MIN_SUBJECTIVITY and abs(entry[0]) >= LEXICON_MIN_POLARITY


def _is_hedge(tok) -> bool:
    """"likely", "perhaps", "seems": the writer infers. Comparative "more likely to" reports a finding."""
    if tok.lemma_.lower() in SEEM_VERBS and tok.pos_ in ("VERB", "AUX"):
        return True
    # "It appears (that) ..." infers; "video appeared to show him ..." describes what was seen.
    if tok.lemma_.lower() == "appear" and any(c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ == "it") for c in tok.children):
        return True
    if tok.lower_ not in HEDGES:
        return False
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return before not in ("more", "less", "most", "least")


def _is_epistemic_modal(tok) -> bool:
    """"may / might / could" as possibility; "couldn't corral the rebound" (negated ability) is not."""
    if tok.lower_ not in EPISTEMIC_MODALS or tok.tag_ != "MD":
        return False
    return not (tok.lower_ == "could" and any(c.dep_ == "neg" for c in tok.head.children))


def _writer_pronoun(tok) -> bool:
    """I / we / my ... as a pronoun. "We" / "Our" capitalised mid-sentence is a title ("This Shape,
    We Are In"), and "I" joined to a hyphen is a name ("I-DEV International")."""
    if tok.lower_ not in FIRST_PERSON or not (tok.text == "I" or tok.is_lower or tok.is_sent_start):
        return False
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not (following is not None and not tok.whitespace_ and following.text in ("-", "–", "."))


def _sentence_cues(sent, start: int, end: int, mask: list[bool], cues: _Cues) -> None:
    """Cues from the writer's own words of ``sent`` that lie inside the paragraph [start, end).

    spaCy sentences may run across a line break; only the paragraph's own tokens count for it.
    """
    own = [t for t in sent if start <= t.idx < end and not mask[t.idx] and not t.is_space]
    if not own:
        return
    words = {t.lower_ for t in own}
    person = {t.lower_ for t in own if _writer_pronoun(t)}
    singular, plural = sorted(person & FIRST_SINGULAR), sorted(person & FIRST_PLURAL)
    # News writers almost never say "I" in their own voice: one is enough; "we" may be a group.
    if singular:
        cues.add("opinion", 2.0, f"first person outside quotes: {', '.join(singular + plural)}")
        cues.first_singular = True
    elif plural:
        cues.add("opinion", 1.5, f"first person outside quotes: {', '.join(plural)}")
    second = sorted(words & SECOND_PERSON)
    if second:
        cues.add("opinion", 1.5, f"addresses the reader: {', '.join(second)}")
    attributed = _attributed(sent)
    cues.sentences += 1
    cues.attributed += attributed
    text = "".join(t.text_with_ws for t in own).lower()
    if not attributed:
        modals = sorted({t.lower_ for t in own if t.lower_ in PRESCRIPTIVE_MODALS})
        if "need" in words and any(t.lower_ == "to" for t in own) and person:
            modals.append("need to")
        if modals:
            cues.add("opinion", 1.5, f"prescription outside quotes: {', '.join(modals)}", soft=True)
        root = sent.root
        if (
            root.tag_ == "VB"
            and root.i == own[0].i
            and not any(c.dep_.startswith("nsubj") for c in root.children)
            and len(own) > 3
        ):
            cues.add("opinion", 1.0, f"imperative addressed to the reader: {root.text}")
        evaluative = sorted({t.lower_ for t in own if t.lower_ in EVALUATIVE or _lexicon_evaluative(t)})
        if evaluative:
            cues.add("opinion", 1.0 * len(evaluative), f"evaluative language: {', '.join(evaluative)}")
        stance = sorted({t.lower_ for t in own if t.lower_ in STANCE_ADVERBS})
        stance += [p for p in STANCE_PHRASES if p in text]
        if stance:
            cues.add("opinion", 1.0, f"stance marker: {', '.join(stance)}")
        hedges = sorted({t.lower_ for t in own if _is_hedge(t)})
        if hedges:
            cues.add("analysis", 1.0, f"hedged inference: {', '.join(hedges)}", soft=True)
        modal = sorted({t.lower_ for t in own if _is_epistemic_modal(t)})
        if modal:
            cues.add("analysis", 0.75, f"possibility in the writer's voice: {', '.join(modal)}", soft=True)
        # Scheduled events ("the court will hear the case in April") are news: a prediction counts
        # once per paragraph and never decides alone.
        if any(t.lower_ in ("will", "'ll", "wo") and t.tag_ == "MD" for t in own) and not cues.predicts:
            cues.add("analysis", 0.5, "prediction in the writer's voice: will", soft=True)
            cues.predicts = True
        markers = [p for p in ANALYSIS_PHRASES if p in text]
        if markers:
            cues.add("analysis", 1.5, f"analysis marker: {', '.join(markers[:2])}")
    last = own[-1].text
    if last == "?" and not attributed:
        cues.add("opinion", 1.0, "rhetorical question outside quotes")
    elif last == "!" and not attributed:
        cues.add("opinion", 1.0, "exclamation outside quotes")


def is_heading(line: str) -> bool:
    """A heading, title or link text ("HOW WILL IT PLAY OUT?", "Relevant Reading: How To Talk To Your
    Son"): all capitals, or title case with capitalised function words. Such lines carry no stance."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(words) < 3:
        return False
    if all(w.isupper() for w in words if len(w) > 1):
        return True
    capitalised_small = sum(1 for w in words[1:] if w[0].isupper() and w.lower() in TITLE_SMALL_WORDS)
    return capitalised_small >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _word_count(text: str) -> int:
    return len(text.split())


def label_paragraphs(doc, quotes: list[QuoteMention]) -> tuple[list[Paragraph], bool]:
    """Label each paragraph of ``doc.text``; ``mixed`` when its opinion/analysis part is long."""
    text = doc.text
    mask = quoted_mask(text, quotes)
    bounds = paragraph_bounds(text)
    oped_article = any(p.search(text[s:e]) for s, e in bounds[:3] + bounds[-3:] for p in OPED_PATTERNS)
    sents = list(doc.sents)
    all_cues: list[_Cues] = []
    si = 0
    for start, end in bounds:
        cues = _Cues()
        chunk = text[start:end]
        for pattern in OPED_PATTERNS:
            if pattern.search(chunk):
                cues.add("opinion", 3.0, "op-ed marker")
                break
        if ANALYSIS_LABEL.search(chunk):
            cues.add("analysis", 3.0, "labelled as analysis")
        while si < len(sents) and sents[si].end_char <= start:
            si += 1
        j = si
        heading = is_heading(chunk)  # once per paragraph, not once per sentence
        while not heading and j < len(sents) and sents[j].start_char < end:
            _sentence_cues(sents[j], start, end, mask, cues)
            j += 1
        all_cues.append(cues)
    # An op-ed, or an article whose writer says "I" in several paragraphs, is written in the
    # writer's voice: there, any cue of a view makes a paragraph opinion (guideline rule 10).
    voiced = oped_article or sum(c.first_singular for c in all_cues) >= VOICED_MIN_PARAGRAPHS
    threshold = OPINION_THRESHOLD - (1.0 if voiced else 0.0)
    labels = [_label(c, threshold) for c in all_cues]
    # Commentary runs over several paragraphs: a weakly marked paragraph next to an opinion
    # paragraph continues it (an analysis paragraph with an opinion cue too), and one with a weak analysis cue next to an analysis paragraph
    # continues that (one pass each way, so a single strong paragraph spreads one step).
    for order in (range(len(labels)), reversed(range(len(labels)))):
        for i in order:
            if labels[i] == "opinion":
                continue
            cues = all_cues[i]
            near = {labels[k] for k in (i - 1, i + 1) if 0 <= k < len(labels)}
            weak_view = cues.opinion >= 1.0 or (labels[i] == "reporting" and cues.opinion + cues.analysis >= 1.0)
            if "opinion" in near and weak_view:
                labels[i] = "opinion"
                cues.extra_reasons.append("continues the opinion passage next to it")
            elif labels[i] == "reporting" and "analysis" in near and cues.analysis >= 0.5:
                labels[i] = "analysis"
                cues.extra_reasons.append("continues the analysis next to it")
    paragraphs = [
        Paragraph(start=s, end=e, label=lab, reasons=c.reasons if lab != "reporting" else [])
        for (s, e), lab, c in zip(bounds, labels, all_cues)
    ]
    _mark_coda(paragraphs)
    return paragraphs, is_mixed(text, paragraphs)


def _label(cues: _Cues, opinion_threshold: float) -> str:
    if cues.opinion >= opinion_threshold:
        return "opinion"
    if cues.analysis + 0.5 * cues.opinion >= ANALYSIS_THRESHOLD:
        return "analysis"
    return "reporting"


def _mark_coda(paragraphs: list[Paragraph]) -> None:
    """Opinion closing an article that reports first: name it as a commentary coda."""
    tail = 0
    for p in reversed(paragraphs):
        if p.label == "reporting":
            break
        tail += 1
    body = len(paragraphs) - tail
    if tail and body >= 3 and sum(p.label == "reporting" for p in paragraphs[:body]) >= 0.7 * body:
        for p in paragraphs[body:]:
            p.reasons.append("commentary coda appended to a news story")


def opinion_share(text: str, paragraphs: list[Paragraph]) -> tuple[float, int]:
    """Share of the article's words in opinion or analysis paragraphs, and their word count."""
    total = sum(_word_count(text[p.start : p.end]) for p in paragraphs) or 1
    flagged = sum(_word_count(text[p.start : p.end]) for p in paragraphs if p.label != "reporting")
    return flagged / total, flagged


def is_mixed(text: str, paragraphs: list[Paragraph]) -> bool:
    share, words = opinion_share(text, paragraphs)
    return share >= MIXED_MIN_SHARE and words >= MIXED_MIN_WORDS
