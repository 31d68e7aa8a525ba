"""``newsprism evaluate genre``: opinion / analysis / reporting, per article and per paragraph.

Datasets:
- ``gender-gap-tracker``: the GGT table labels each of its 98 articles ``hard news`` or ``opinion``
  (column ``articleType``). We score the article-level decision our paragraph labels lead to:
  ``mixed`` (the opinion/analysis part holds at least ``MIXED_MIN_SHARE`` of the words). Baselines:
  ``first-person`` (any first-person pronoun outside quotation marks, no parse) and
  ``first-person-anywhere`` (quotes not masked). Positive class: opinion.
- ``ggt-paragraphs-dev`` / ``ggt-paragraphs-test`` / ``ggt-paragraphs-blind``: our gold paragraph
  labels (``eval/gold/genre-ggt-{dev,test,blind}.jsonl``, guideline docs/annotation-genre.md): 30 GGT
  articles (all 10 opinion + the first 20 hard news) split dev/test, and the next 10 hard news (blind).
  Each body goes through the product's ingest (normalise, clean) and the full per-article analysis
  (``analyse_doc``: quotes first, then ``label_paragraphs``); every predicted paragraph is mapped back
  from clean-text offsets to the body, and a gold paragraph takes the label of the predicted
  paragraph that overlaps it most (``reporting`` when cleaning removed it). Metrics: accuracy,
  per-label precision / recall / F1, macro-F1, and ``flagged`` (opinion or analysis vs reporting,
  what the summary and report use). Baselines on the same paragraphs: ``all-reporting``;
  ``first-person`` (a first-person pronoun outside quotation marks → opinion); ``article-label``
  (every paragraph takes GGT's article label: opinion articles → opinion, hard news → reporting —
  it reads the article label, which our labeller never sees).
"""

from __future__ import annotations

import bisect
import difflib
import json
import re
from pathlib import Path

from newsprism.evaluate import GOLD_DIR, EvalReport, load_gold, require_dir

DATASETS = ("gender-gap-tracker", "ggt-paragraphs-dev", "ggt-paragraphs-test", "ggt-paragraphs-blind")
XLSX = "AnnotationTable_byArticle_withReplacementArticles.xlsx"
FIRST_PERSON_RE = re.compile(r"\b(I|me|my|mine|myself|we|us|our|ours|ourselves)\b", re.I)
GOLD_FILES = {
    "ggt-paragraphs-dev": GOLD_DIR / "genre-ggt-dev.jsonl",
    "ggt-paragraphs-test": GOLD_DIR / "genre-ggt-test.jsonl",
    "ggt-paragraphs-blind": GOLD_DIR / "genre-ggt-blind.jsonl",
}
LABELS = ("reporting", "analysis", "opinion")


def load_ggt(folder: Path) -> list[tuple[str, str, bool]]:
    """(id, body text, is_opinion) for every article in the GGT table (CRLF → LF, as the gold uses)."""
    import openpyxl

    wb = openpyxl.load_workbook(folder / XLSX, read_only=True)
    rows = list(wb["Sheet1"].iter_rows(values_only=True))
    header = rows[0]
    id_i, body_i, type_i = header.index("_id"), header.index("articleBodyText"), header.index("articleType")
    out = []
    for row in rows[1:]:
        if not row[body_i] or not row[type_i]:
            continue
        out.append((str(row[id_i]), str(row[body_i]).replace("\r\n", "\n"), row[type_i].strip() == "opinion"))
    return out


def first_person_outside_quotes(text: str) -> bool:
    from newsprism.analyse.genre import QUOTED

    unquoted = QUOTED.sub(lambda m: " " * len(m.group()), text)
    return bool(FIRST_PERSON_RE.search(unquoted))


def binary_scores(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    tn = sum(not g and not p for g, p in zip(gold, pred))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    specificity = tn / (tn + fp) if tn + fp else 0.0
    return {
        "accuracy": round((tp + tn) / len(gold), 4) if gold else 0.0,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "balanced_accuracy": round((recall + specificity) / 2, 4),
    }


def label_scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    """Accuracy, per-label P/R/F1, macro-F1 over the three labels, and flagged-vs-reporting F1."""
    scores: dict[str, float] = {"accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4) if gold else 0.0}
    f1s = []
    for label in LABELS:
        b = binary_scores([g == label for g in gold], [p == label for p in pred])
        scores.update({f"{label}_p": b["precision"], f"{label}_r": b["recall"], f"{label}_f1": b["f1"]})
        f1s.append(b["f1"])
    scores["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    flagged = binary_scores([g != "reporting" for g in gold], [p != "reporting" for p in pred])
    scores.update({"flagged_p": flagged["precision"], "flagged_r": flagged["recall"], "flagged_f1": flagged["f1"]})
    return scores


def confusion(gold: list[str], pred: list[str]) -> dict[str, dict[str, int]]:
    """gold label → predicted label → count."""
    return {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in LABELS} for g in LABELS}


def body_offsets(body: str, raw: str) -> list[int]:
    """For each position in ``raw`` (the ingested text, before cleaning), its position in ``body``.

    Ingest strips, NFC-normalises and drops control characters; when that only strips, this is a
    shift, otherwise the two are aligned character by character.
    """
    lead = body.find(raw)
    if lead >= 0:
        return list(range(lead, lead + len(raw) + 1))
    mapping = [0] * (len(raw) + 1)
    matcher = difflib.SequenceMatcher(None, raw, body, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(i1, i2):
            mapping[k] = j1 + (k - i1 if tag == "equal" else min(k - i1, max(j2 - j1 - 1, 0)))
    mapping[len(raw)] = len(body)
    return mapping


def clean_to_raw(text_len: int, removed) -> list[int]:
    """For each position in the clean text, its position in the raw text (cleaning only cuts)."""
    cuts = sorted((r.start, r.end) for r in removed)
    mapping, raw_pos, clean_pos = [], 0, 0
    for start, end in cuts:
        while raw_pos < start:
            mapping.append(raw_pos)
            raw_pos += 1
        raw_pos = max(raw_pos, end)
    while len(mapping) <= text_len:
        mapping.append(raw_pos)
        raw_pos += 1
    return mapping


def predicted_labels(gold_paragraphs: list[dict], predicted: list[tuple[int, int, str]]) -> tuple[list[str], int]:
    """Each gold paragraph's label from the predicted paragraph overlapping it most (body offsets)."""
    starts = [s for s, _, _ in predicted]
    labels, missing = [], 0
    for gp in gold_paragraphs:
        best, best_overlap = "reporting", 0
        i = max(0, bisect.bisect_right(starts, gp["start"]) - 1)
        while i < len(predicted) and predicted[i][0] < gp["end"]:
            s, e, label = predicted[i]
            overlap = min(e, gp["end"]) - max(s, gp["start"])
            if overlap > best_overlap:
                best, best_overlap = label, overlap
            i += 1
        labels.append(best)
        missing += best_overlap == 0
    return labels, missing


def _paragraph_run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    from newsprism.analyse.pipeline import analyse_doc
    from newsprism.analyse.nlp import load_nlp
    from newsprism.ingest.read import read_inputs
    from newsprism.model import Article

    folder = require_dir(Path(data_dir) / "gender-gap-tracker", "Gender Gap Tracker data")
    bodies = {gid: (text, is_op) for gid, text, is_op in load_ggt(folder)}
    gold_rows = load_gold(GOLD_FILES[dataset], limit)
    nlp = load_nlp()
    gold, ours, first_person, article_label = [], [], [], []
    removed_by_cleaning = 0
    errors: list[str] = []
    for row in gold_rows:
        body, is_op = bodies[row["id"]]
        article = read_inputs([Article(id="ggt", raw=body, text=body)]).articles[0]
        analysis = analyse_doc(nlp(article.text), article)
        to_raw = clean_to_raw(len(article.text), article.removed)
        to_body = body_offsets(body, article.raw)
        predicted = [
            (to_body[to_raw[p.start]], to_body[to_raw[p.end - 1]] + 1, p.label) for p in analysis.paragraphs
        ]
        labels, missing = predicted_labels(row["paragraphs"], predicted)
        removed_by_cleaning += missing
        for k, (gp, label) in enumerate(zip(row["paragraphs"], labels)):
            chunk = body[gp["start"] : gp["end"]]
            gold.append(gp["label"])
            ours.append(label)
            first_person.append("opinion" if first_person_outside_quotes(chunk) else "reporting")
            article_label.append("opinion" if is_op else "reporting")
            if label != gp["label"]:
                errors.append(f"{row['id']} ¶{k}: gold {gp['label']}, ours {label}")
    matrix = confusion(gold, ours)
    counts = {label: gold.count(label) for label in LABELS}
    return EvalReport(
        task="genre",
        dataset=dataset,
        metrics=label_scores(gold, ours),
        baselines={
            "all-reporting": label_scores(gold, ["reporting"] * len(gold)),
            "first-person": label_scores(gold, first_person),
            "article-label": label_scores(gold, article_label),
        },
        notes=[
            f"{len(gold_rows)} articles, {len(gold)} gold paragraphs: "
            + ", ".join(f"{n} {label}" for label, n in counts.items()),
            f"{removed_by_cleaning} gold paragraph(s) removed by cleaning (scored as reporting)",
            "confusion (rows gold, columns ours: reporting / analysis / opinion): "
            + "; ".join(f"{g}: {' / '.join(str(matrix[g][p]) for p in LABELS)}" for g in LABELS),
            "article-label baseline reads GGT's article type, which newsprism never sees",
            *[f"miss: {e}" for e in errors[:25]],
        ],
        extra={"articles": len(gold_rows), "paragraphs": len(gold), "gold_counts": counts, "confusion": matrix,
               "removed_by_cleaning": removed_by_cleaning, "errors": errors},
    )


def _article_run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    from newsprism.analyse.genre import label_paragraphs, opinion_share
    from newsprism.analyse.nlp import load_nlp

    folder = require_dir(Path(data_dir) / "gender-gap-tracker", "Gender Gap Tracker data")
    items = load_ggt(folder)[: limit or None]
    nlp = load_nlp()
    gold, ours, fp_rule, fp_any = [], [], [], []
    errors = []
    for (doc_id, text, is_opinion), doc in zip(items, nlp.pipe(t for _, t, _ in items)):
        paragraphs, mixed = label_paragraphs(doc, [])
        share, _ = opinion_share(text, paragraphs)
        gold.append(is_opinion)
        ours.append(mixed)
        fp_rule.append(first_person_outside_quotes(text))
        fp_any.append(bool(FIRST_PERSON_RE.search(text)))
        if mixed != is_opinion:
            errors.append(f"{doc_id}: gold {'opinion' if is_opinion else 'news'}, opinion share {share:.2f}")
    return EvalReport(
        task="genre",
        dataset=dataset,
        metrics=binary_scores(gold, ours),
        baselines={
            "first-person": binary_scores(gold, fp_rule),
            "first-person-anywhere": binary_scores(gold, fp_any),
        },
        notes=[
            f"{len(gold)} articles, {sum(gold)} opinion; positive class = opinion; newsprism = the `mixed` flag",
            *[f"miss: {e}" for e in errors[:15]],
        ],
        extra={"articles": len(gold), "opinion": sum(gold)},
    )


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    if dataset in GOLD_FILES:
        return _paragraph_run(dataset, data_dir, limit)
    return _article_run(dataset, data_dir, limit)
