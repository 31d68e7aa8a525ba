"""``newsprism evaluate quotes``: quotes and speakers against GGT and PolNeAR, with textacy beside us.

Both systems see the same spaCy docs (one ``nlp.pipe`` pass, the model from
``load_nlp()``). Ours is the pipeline's quote step exactly as ``analyse_doc`` runs
it: ``local_entities(doc)`` then ``extract_quotes(doc, id, entities)``; every
QuoteMention (direct, partial and indirect) is a predicted quote. The baseline is
``textacy.extract.triples.direct_quotations`` (direct quotes only).

Both datasets write a direct quote's span WITH its quotation marks (and the comma
inside them), while our mentions hold the text without the marks, so a direct or
partial mention is widened to the marks that enclose it before scoring (textacy's
content spans already include them). Indirect quotes are scored as they are.

A quote split by its attribution or running over paragraphs (``QuoteMention.parts``)
is one content in PolNeAR (a discontinuous span, scored as its hull) but one quote
per piece in GGT (it annotates ``"…," X said. "…"`` as two quotes), so GGT gets
one predicted quote per piece, each with the mention's speaker and cue.

Neither dataset nests one quotation inside another (PolNeAR is univocal: a token
belongs to at most one attribution; 12 of GGT's 1,493 gold quotes sit inside
another), so a mention whose span lies inside another mention's span — a partial
quote inside the reported speech that carries it — is folded into the outer one
before scoring, for every system alike; the notes say how many were folded.
"""

from __future__ import annotations

import bisect
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.evaluate import EvalReport, require_dir
from newsprism.evaluate import quotes_ggt as ggt
from newsprism.evaluate import quotes_polnear as polnear

DATASETS = ("gender-gap-tracker", "polnear", "polnear-dev")

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "his", "her", "their"}
QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
Range = tuple[int, int]
log = logging.getLogger(__name__)

# Published GGT figures (their README at HEAD 5501de3, system V7.0), for the table only.
GGT_PUBLISHED_V7 = {
    "quote_precision_0.3": 0.84647,
    "quote_recall_0.3": 0.82719,
    "quote_f1_0.3": 0.83672,
    "speaker_acc_0.3": 0.86478,
    "verb_acc_0.3": 0.92065,
    "quote_precision_0.8": 0.76971,
    "quote_recall_0.8": 0.75218,
    "quote_f1_0.8": 0.76084,
    "speaker_acc_0.8": 0.87444,
    "verb_acc_0.8": 0.93321,
}


@dataclass(frozen=True)
class Found:
    """One predicted quotation, system-neutral, in the dataset's span conventions."""

    content: Range  # the whole quotation (hull of its pieces)
    kind: str
    speaker: Range | None = None
    speaker_text: str = ""
    cue: Range | None = None
    cue_text: str = ""
    floating: bool = False  # no speaker inside the quote's own sentence(s)
    pieces: tuple[tuple[Range, bool], ...] = ()  # (span, floating) of each piece of a split quote
    speaker_name: str = ""  # the person the speaker mention was resolved to ("" when unresolved)


@dataclass
class Predictions:
    found: list[list[Found]]  # per article, nested mentions folded
    unfolded: list[list[Found]] = field(default_factory=list)  # per article, as extracted
    failures: int = 0  # articles on which the extractor raised
    offset_errors: int = 0  # spans whose text is not text[start:end]
    folded: int = 0  # mentions nested inside another mention's span


def fold_nested(found: list[Found]) -> list[Found]:
    """Drop mentions lying inside another mention's span (and repeats of an identical span)."""
    kept: list[Found] = []
    for i, f in enumerate(found):
        inside = any(
            g.content[0] <= f.content[0] and f.content[1] <= g.content[1] and (g.content != f.content or j < i)
            for j, g in enumerate(found)
            if j != i
        )
        if not inside:
            kept.append(f)
    return kept


# --------------------------------------------------------------------------- span helpers


def with_marks(text: str, start: int, end: int) -> Range:
    """Widen a quote's inner span to the quotation marks around it (and a comma/period before the closing one)."""
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    elif end + 1 < len(text) and text[end] in ",.?!" and text[end + 1] in QUOTE_MARKS:
        end += 2
    return (start, end)


def sentence_hull(sent_starts: Sequence[int], sent_ends: Sequence[int], start: int, end: int) -> Range:
    """Character range of the sentences that a span touches."""
    first = max(bisect.bisect_right(sent_starts, start) - 1, 0)
    last = max(bisect.bisect_right(sent_starts, max(end - 1, start)) - 1, first)
    return (sent_starts[first], sent_ends[last])


def is_floating(doc_sents: tuple[list[int], list[int]], content: Range, speaker: Range | None) -> bool:
    if speaker is None or not doc_sents[0]:
        return True
    lo, hi = sentence_hull(*doc_sents, *content)
    return not (lo <= speaker[0] < hi)


def sentence_bounds(doc) -> tuple[list[int], list[int]]:
    sents = list(doc.sents)
    return [s.start_char for s in sents], [s.end_char for s in sents]


# --------------------------------------------------------------------------- the two systems


def newsprism_found(doc, article_id: str) -> tuple[list[Found], int]:
    """Our quote step on one doc (as the pipeline runs it), plus the number of offset errors."""
    from newsprism.analyse.entities import local_entities
    from newsprism.analyse.quotes import extract_quotes

    text = doc.text  # Doc.text re-joins every token on each access: read it once
    bounds = sentence_bounds(doc)
    found: list[Found] = []
    errors = 0
    for m in extract_quotes(doc, article_id, local_entities(doc)):
        errors += text[m.start : m.end] != m.text
        for span in (m.cue, m.speaker_mention):
            errors += span is not None and text[span.start : span.end] != span.text
        marked = m.kind in ("direct", "partial")
        speaker = (m.speaker_mention.start, m.speaker_mention.end) if m.speaker_mention else None
        raw_pieces = [(p.start, p.end) for p in m.parts] or [(m.start, m.end)]
        errors += sum(text[p.start : p.end] != p.text for p in m.parts)
        pieces = tuple(
            (with_marks(text, *piece) if marked else piece, is_floating(bounds, piece, speaker)) for piece in raw_pieces
        )
        content = (min(p[0][0] for p in pieces), max(p[0][1] for p in pieces))
        found.append(
            Found(
                content=content,
                kind=m.kind,
                speaker=speaker,
                speaker_text=m.speaker_mention.text if m.speaker_mention else "",
                cue=(m.cue.start, m.cue.end) if m.cue else None,
                cue_text=m.cue.text if m.cue else "",
                floating=pieces[0][1],
                pieces=pieces,
                speaker_name=m.speaker_name or "",
            )
        )
    return found, errors


def token_range(tokens) -> Range:
    return (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))


def textacy_found(doc, article_id: str = "") -> tuple[list[Found], int]:
    """textacy's direct quotations; it refuses a doc with an odd number of quote marks (then: none)."""
    from textacy.extract.triples import direct_quotations

    text = doc.text  # Doc.text re-joins every token on each access: read it once
    bounds = sentence_bounds(doc)
    found: list[Found] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], 0
    for triple in triples:
        content = (triple.content.start_char, triple.content.end_char)
        speaker = token_range(triple.speaker) if triple.speaker else None
        cue = token_range(triple.cue) if triple.cue else None
        found.append(
            Found(
                content=content,
                kind="direct",
                speaker=speaker,
                speaker_text=text[speaker[0] : speaker[1]] if speaker else "",
                cue=cue,
                cue_text=text[cue[0] : cue[1]] if cue else "",
                floating=is_floating(bounds, content, speaker),
                # textacy resolves nothing: the person it names is its speaker tokens ("he" stays "he").
                speaker_name=text[speaker[0] : speaker[1]] if speaker else "",
            )
        )
    return found, 0


SYSTEMS: dict[str, Callable] = {"newsprism": newsprism_found, "textacy": textacy_found}


def predict(ids: Sequence[str], texts: Sequence[str]) -> dict[str, Predictions]:
    """Parse every text once and run each system on the same docs."""
    from newsprism.analyse.nlp import load_nlp

    results = {name: Predictions(found=[]) for name in SYSTEMS}
    for doc, article_id in load_nlp().pipe(zip(texts, ids), as_tuples=True, batch_size=16):
        for name, system in SYSTEMS.items():
            try:
                found, errors = system(doc, article_id)
            except Exception:  # one article's crash must not hide the other 97 from the measurement
                log.exception("%s failed on %s", name, article_id)
                found, errors = [], 0
                results[name].failures += 1
            kept = fold_nested(found)
            results[name].found.append(kept)
            results[name].unfolded.append(found)
            results[name].folded += len(found) - len(kept)
            results[name].offset_errors += errors
    return results


# --------------------------------------------------------------------------- GGT


def to_ggt(found: Found) -> list[ggt.Quote]:
    """GGT annotates each piece of a split or multi-paragraph quote as a quote of its own."""
    pieces = found.pieces or ((found.content, found.floating),)
    return [
        ggt.Quote(
            quote=span,
            speaker=found.speaker,
            speaker_text=found.speaker_text,
            verb=found.cue_text,
            floating=floating,
            kind=found.kind,
            reference=found.speaker_name,
        )
        for span, floating in pieces
    ]


def ggt_metrics(articles: Sequence[ggt.GoldArticle], found: Sequence[list[Found]]):
    pairs = [(a.quotes, [q for f in fs for q in to_ggt(f)]) for a, fs in zip(articles, found)]
    metrics, details = ggt.score_corpus(pairs)
    order = [
        f"{name}_{t}"
        for name in ("quote_f1", "speaker_acc", "quote_precision", "quote_recall", "verb_acc", "speaker_acc_strict")
        for t in ("0.3", "0.8")
    ]
    metrics = {k: metrics[k] for k in order}
    # Beyond GGT's scorer: was a he/she speaker resolved to the right person (matches at 0.3)?
    metrics["pronoun_resolution_acc"], metrics["pronoun_resolution_n"] = ggt.pronoun_resolution(details[0.3])
    return metrics, details


def is_marked(text: str) -> bool:
    return any(c in QUOTE_MARKS for c in text[:2] + text[-2:])


def ggt_error_notes(articles: Sequence[ggt.GoldArticle], details: list[ggt.ArticleScore], name: str) -> list[str]:
    """Counts of misses, false positives and speaker errors at overlap 0.3, by kind."""
    missed, spurious, speaker = Counter(), Counter(), Counter()
    for article, score in zip(articles, details):
        for g in score.missed:
            snippet = article.text[g.quote[0] : g.quote[1]] if g.quote else ""
            missed["direct" if is_marked(snippet) else "indirect"] += 1
        for p in score.spurious:
            spurious[p.kind or "direct"] += 1
        for m in score.matches:
            if m.speaker:
                continue
            if not m.gold.speaker_text:
                speaker["gold has no speaker, system named one in the sentence"] += 1
            elif m.pred.speaker is None:
                speaker["system gave no speaker"] += 1
            elif m.gold.speaker_text.lower() in PRONOUNS:
                speaker["gold speaker is a pronoun, system marked another span"] += 1
            else:
                speaker["gold speaker is a name/description, system marked another span"] += 1
    fmt = lambda c: ", ".join(f"{k} {v}" for k, v in c.most_common()) or "none"  # noqa: E731
    return [
        f"{name} @0.3 missed gold quotes: {fmt(missed)}",
        f"{name} @0.3 false positives by kind: {fmt(spurious)}",
        f"{name} @0.3 speaker errors on matched quotes: {fmt(speaker)}",
    ]


def run_ggt(data_dir: Path, limit: int | None) -> EvalReport:
    root = require_dir(data_dir / "gender-gap-tracker", "Gender Gap Tracker data")
    articles = ggt.load_ggt(root, limit)
    preds = predict([a.id for a in articles], [a.text for a in articles])
    metrics, details = ggt_metrics(articles, preds["newsprism"].found)
    base, base_details = ggt_metrics(articles, preds["textacy"].found)
    unfolded, _ = ggt_metrics(articles, preds["newsprism"].unfolded)
    n_gold = sum(len(a.quotes) for a in articles)
    notes = [
        f"{len(articles)} articles, {n_gold} gold quotes "
        f"({sum(not q.speaker_text for a in articles for q in a.quotes)} without speaker, "
        f"{sum(a.unanchored for a in articles)} not found by string, kept at their index); "
        f"predicted mentions: newsprism {sum(map(len, preds['newsprism'].found))}, "
        f"textacy {sum(map(len, preds['textacy'].found))}.",
        "Published GGT V7.0 (README at 5501de3; not a run): "
        + ", ".join(f"{k} {v:.4f}" for k, v in GGT_PUBLISHED_V7.items() if k in metrics),
        "newsprism without folding nested mentions: "
        + ", ".join(f"{k} {unfolded[k]:.4f}" for k in ("quote_f1_0.3", "quote_f1_0.8", "speaker_acc_0.3", "speaker_acc_0.8")),
        *ggt_error_notes(articles, details[0.3], "newsprism"),
        *ggt_error_notes(articles, base_details[0.3], "textacy"),
    ]
    notes += system_health_notes(preds)
    return EvalReport(
        task="quotes",
        dataset="gender-gap-tracker",
        metrics=metrics,
        baselines={"textacy": base},
        notes=notes,
        extra={"published_v7": GGT_PUBLISHED_V7, "n_gold": n_gold},
    )


# --------------------------------------------------------------------------- PolNeAR


def to_roles(found: Sequence[Found]) -> dict[str, set[Range]]:
    return {
        "content": {f.content for f in found},
        "source": {f.speaker for f in found if f.speaker},
        "cue": {f.cue for f in found if f.cue},
    }


def polnear_error_notes(articles: Sequence[polnear.PolnearArticle], found: Sequence[list[Found]], name: str) -> list[str]:
    """Gold contents missed (no overlapping prediction), direct vs indirect; predictions overlapping no gold."""
    missed, spurious = Counter(), Counter()
    for article, fs in zip(articles, found):
        preds = [f.content for f in fs]
        for g in article.spans["content"]:
            if not any(polnear.shared(g, p) for p in preds):
                missed["direct" if is_marked(article.text[g[0] : g[1]]) else "indirect"] += 1
        for f in fs:
            if not any(polnear.shared(g, f.content) for g in article.spans["content"]):
                spurious[f.kind] += 1
    fmt = lambda c: ", ".join(f"{k} {v}" for k, v in c.most_common()) or "none"  # noqa: E731
    return [
        f"{name}: gold contents with no overlapping prediction: {fmt(missed)}",
        f"{name}: predicted contents overlapping no gold content: {fmt(spurious)}",
    ]


def run_polnear(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    root = require_dir(data_dir / "polnear", "PolNeAR data")
    articles = polnear.load_polnear(polnear.split_dir(root, dataset), limit)
    preds = predict([a.id for a in articles], [a.text for a in articles])
    scored = {
        name: polnear.score_corpus([(a.text, a.spans, to_roles(fs)) for a, fs in zip(articles, p.found)])
        for name, p in preds.items()
    }
    counts = scored["newsprism"][1]
    unfolded, _ = polnear.score_corpus(
        [(a.text, a.spans, to_roles(fs)) for a, fs in zip(articles, preds["newsprism"].unfolded)]
    )
    notes = [
        f"{len(articles)} articles ({'dev' if dataset == 'polnear-dev' else 'test'} split), one annotator each "
        f"(first by id); gold spans: "
        + ", ".join(f"{role} {c.gold}" for role, c in counts.items())
        + "; predicted (newsprism): "
        + ", ".join(f"{role} {c.pred}" for role, c in counts.items()),
        "PolNeAR publishes inter-annotator agreement, not system scores: no published row.",
        "newsprism without folding nested mentions: "
        + ", ".join(f"{k} {v:.4f}" for k, v in unfolded.items() if "_f1_" in k),
        *polnear_error_notes(articles, preds["newsprism"].found, "newsprism"),
        *polnear_error_notes(articles, preds["textacy"].found, "textacy"),
    ]
    notes += system_health_notes(preds)
    return EvalReport(
        task="quotes",
        dataset=dataset,
        metrics=scored["newsprism"][0],
        baselines={"textacy": scored["textacy"][0]},
        notes=notes,
    )


def system_health_notes(preds: dict[str, Predictions]) -> list[str]:
    return [
        f"{name}: {p.folded} nested mention(s) folded into the mention around them, "
        f"{p.failures} article(s) raised, {p.offset_errors} span(s) whose text differs from the article at its offsets"
        for name, p in preds.items()
    ]


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    if dataset == "gender-gap-tracker":
        return run_ggt(data_dir, limit)
    return run_polnear(dataset, data_dir, limit)
