"""``newsprism evaluate summary --dataset multi-news``: ROUGE on the 250-cluster Multi-News sample.

``multi-news-dev`` (rows 0-99) is the only part the summary is tuned on; ``multi-news-test``
(rows 100-249) is held out; ``multi-news`` is all 250. ``multi-news-validation`` is a second,
unseen sample (250 clusters of the Multi-News validation split, brought in in session 4 after the
test rows had been scored several times; ``<data_dir>/multi-news-validation/README.md``).

Each cluster's source documents become Articles (one source group each) and go through the real
pipeline: ``analyse_articles`` → ``align_story`` → ``summarize`` (the product's own code, MiniLM
sentence embeddings included: nothing here is evaluation-only). Baselines run in the same
process on the same sentences (spaCy's, from the same parse): sumy LexRank, sumy TextRank, and a
round-robin lead (first sentence of each document, then the second, ...).

Length: every output is cut to ``LENGTH`` words before scoring (the Multi-News extractive
baselines collect sentences past the limit and are truncated; Fabbri et al. 2019 report at a fixed
word budget). newsprism's own summary is whole sentences within the same budget (it never cuts a
sentence), which can only cost it recall; so a second block ("whole-sent") scores every system
under the product's protocol: the largest set of its top sentences that fits in the budget. ROUGE: the ``rouge-score`` package, stemming on, ROUGE-1 / ROUGE-2 / plain
ROUGE-L (not Lsum), F-measure ×100, averaged over clusters. The reference's leading "– " is
dropped. Also reported: the share of summary sentences whose every citation is exact
(``article.text[start:end] == span.text``) and the mean number of articles cited per sentence.
"""

from __future__ import annotations

import ast
import csv
import re
import time
from pathlib import Path

from newsprism.evaluate import EvalReport, require_dir

# The sample has no split of its own: rows 0-99 are where the summary's weights are tuned
# ("dev"), rows 100-249 are held out ("test"); "multi-news" is all 250.
SPLITS = {"multi-news": (0, 250), "multi-news-dev": (0, 100), "multi-news-test": (100, 250),
          "multi-news-validation": (0, 250)}
DATASETS = tuple(SPLITS)
# dataset -> (folder under data_dir, CSV file): the validation sample is its own file.
SOURCES = {name: ("multi-news", "sample_test.csv") for name in SPLITS}
SOURCES["multi-news-validation"] = ("multi-news-validation", "sample_validation.csv")
LENGTH = 300
WHOLE = "whole"  # second protocol: every system's whole sentences within LENGTH words
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*|\d+")


def load_multinews(folder: Path, filename: str = "sample_test.csv") -> list[tuple[list[str], str]]:
    csv.field_size_limit(1 << 30)
    with open(folder / filename, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    clusters = []
    for row in rows:
        docs = [d.strip() for d in ast.literal_eval(row["documents"]) if d and d.strip()]
        summary = re.sub(r"^\s*[–-]\s*", "", row["summary"].strip())
        clusters.append((docs, summary))
    return clusters


def truncate(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


class _Words:
    """A sumy tokenizer over already-split sentences (sumy's own needs NLTK data we do not ship)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:  # pragma: no cover - not used
        return [paragraph]

    def to_words(self, sentence: str) -> list[str]:
        return WORD_RE.findall(sentence)


def _sumy(sentences: list[str], algorithm: str, words: int) -> tuple[str, str]:
    """Top-rated sentences (document order, as sumy returns them): (until ``words`` are reached,
    the largest selection of whole sentences within ``words``)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    if not sentences:
        return "", ""
    tokenizer = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    summarizer = (LexRankSummarizer if algorithm == "lexrank" else TextRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    total = sum(len(s.split()) for s in sentences)
    if total <= words:
        return " ".join(sentences), " ".join(sentences)
    count, within = 1, ""
    while True:
        picked = [str(s) for s in summarizer(document, count)]
        used = sum(len(s.split()) for s in picked)
        if used <= words:
            within = " ".join(picked)
        if used >= words or count >= len(sentences):
            return " ".join(picked), within
        count += 1 if used > 0.8 * words else 2


def _lead(per_doc: list[list[str]], words: int) -> tuple[str, str]:
    """Round-robin lead: (until ``words`` are reached, whole sentences within ``words``)."""
    out, used, depth = [], 0, 0
    within, within_used, full = [], 0, False
    while used < words and any(depth < len(d) for d in per_doc):
        for d in per_doc:
            if depth < len(d) and used < words:
                n = len(d[depth].split())
                out.append(d[depth])
                used += n
                if not full and within_used + n <= words:
                    within.append(d[depth])
                    within_used += n
                else:
                    full = True
        depth += 1
    return " ".join(out), " ".join(within)


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    from rouge_score import rouge_scorer

    from newsprism.align import align_story
    from newsprism.analyse.pipeline import analyse_articles
    from newsprism.brief.summary import summarize
    from newsprism.model import Article

    folder_name, filename = SOURCES[dataset]
    what = "Multi-News validation sample (docs/evaluation-summary-s4.md says how to recreate it)" \
        if folder_name == "multi-news-validation" else "Multi-News sample"
    folder = require_dir(Path(data_dir) / folder_name, what)
    first, last = SPLITS[dataset]
    clusters = load_multinews(folder, filename)[first:last][: limit or None]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems = ("newsprism", "lexrank", "textrank", "lead")
    protocols = ("cut", WHOLE)
    totals = {(s, n): {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0} for s in systems for n in protocols}
    # A run on all 250 also reports its dev and test rows apart: one run, every figure.
    parts = [n for n, (a, b) in SPLITS.items()
             if n != dataset and SOURCES[n] == SOURCES[dataset] and first <= a and b <= last]
    by_part = {(n, s): [0.0, 0.0, 0.0] for n in parts for s in systems}
    part_count = dict.fromkeys(parts, 0)
    started = time.monotonic()
    sentences_total = exact_total = cited_articles = 0
    multi_doc_sentences = 0
    for ci, (docs, reference) in enumerate(clusters, start=first):
        articles = [
            Article(id=f"c{ci}d{di}", raw=text, text=text, source_group=f"c{ci}d{di}", source_path=f"multi-news#{ci}/{di}")
            for di, text in enumerate(docs)
        ]
        analyses = list(analyse_articles(articles))
        story = align_story(articles, analyses)
        per_doc = [
            [a.text[s:e].strip() for s, e in an.sentences if a.text[s:e].strip()] for a, an in zip(articles, analyses)
        ]
        flat = [s for d in per_doc for s in d]
        outputs: dict[tuple[str, str], str] = {}
        summary = summarize(articles, analyses, story, max_words=LENGTH)
        texts = {a.id: a.text for a in articles}
        for sent in summary:
            sentences_total += 1
            exact_total += all(texts[sp.article][sp.start : sp.end] == sp.text for sp in sent.sources)
            cited = len({sp.article for sp in sent.sources})
            cited_articles += cited
            multi_doc_sentences += cited > 1
        ours = " ".join(s.text for s in summary)
        outputs[("newsprism", "cut")] = outputs[("newsprism", WHOLE)] = ours
        for name, (cut, whole) in (
            ("lexrank", _sumy(flat, "lexrank", LENGTH)),
            ("textrank", _sumy(flat, "textrank", LENGTH)),
            ("lead", _lead(per_doc, LENGTH)),
        ):
            outputs[(name, "cut")], outputs[(name, WHOLE)] = cut, whole
        for (system, protocol), text in outputs.items():
            scores = scorer.score(reference, truncate(text, LENGTH))
            for k, key in enumerate(("rouge1", "rouge2", "rougeL")):
                totals[(system, protocol)][key] += scores[key].fmeasure
                for part in parts:
                    if protocol == "cut" and SPLITS[part][0] <= ci < SPLITS[part][1]:
                        by_part[(part, system)][k] += scores[key].fmeasure
        for part in parts:
            part_count[part] += SPLITS[part][0] <= ci < SPLITS[part][1]

    count = max(1, len(clusters))

    def block(system: str) -> dict[str, float]:
        out = {}
        for protocol in protocols:
            suffix = "" if protocol == "cut" else " whole-sent"
            for key, name in (("rouge1", "R-1"), ("rouge2", "R-2"), ("rougeL", "R-L")):
                out[f"{name}@{LENGTH}{suffix}"] = round(100 * totals[(system, protocol)][key] / count, 2)
        return out

    metrics = block("newsprism")
    metrics["citations_exact_share"] = round(exact_total / sentences_total, 4) if sentences_total else 1.0
    metrics["articles_cited_per_sentence"] = round(cited_articles / sentences_total, 3) if sentences_total else 0.0
    metrics["sentences_cited_in_2plus_articles"] = round(multi_doc_sentences / sentences_total, 4) if sentences_total else 0.0
    return EvalReport(
        task="summary",
        dataset=dataset,
        metrics=metrics,
        baselines={"lexrank": block("lexrank"), "textrank": block("textrank"), "lead": block("lead")},
        notes=[
            f"{len(clusters)} clusters (rows {first}-{first + len(clusters) - 1}); baselines cut to {LENGTH} words, or ('whole-sent') their whole sentences "
            f"within {LENGTH} words like newsprism's; rouge-score, stemming on, plain ROUGE-L",
            "published, full test set (5,622 clusters): LexRank 38.27 / 12.70 (Fabbri et al. 2019); "
            "PRIMERA 49.9 / 21.1 / 25.9 (abstractive)",
        ]
        + [
            f"{part} ({part_count[part]} clusters) R-1/R-2/R-L@{LENGTH}, baselines cut: "
            + "; ".join(
                f"{system} " + " / ".join(f"{100 * x / max(1, part_count[part]):.2f}" for x in by_part[(part, system)])
                for system in systems
            )
            for part in parts
        ],
        extra={
            "clusters": len(clusters),
            "summary_sentences": sentences_total,
            "seconds": round(time.monotonic() - started),
        },
    )
