"""``newsprism evaluate genre --dataset gender-gap-tracker``: opinion vs hard news, per article.

The Gender Gap Tracker table labels each of its 98 articles ``hard news`` or ``opinion``
(column ``articleType``). That is an article-level label, so we score the article-level decision
our paragraph labels lead to: ``mixed`` (the opinion/analysis part holds at least
``MIXED_MIN_SHARE`` of the words). Baselines in the same run, on the same texts:
- ``first-person``: any first-person pronoun outside quotation marks (no parse);
- ``first-person-anywhere``: any first-person pronoun at all (quotes not masked).
Positive class: opinion. Metrics: accuracy, precision, recall, F1, balanced accuracy.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsprism.evaluate import EvalReport, require_dir

DATASETS = ("gender-gap-tracker",)
XLSX = "AnnotationTable_byArticle_withReplacementArticles.xlsx"
FIRST_PERSON_RE = re.compile(r"\b(I|me|my|mine|myself|we|us|our|ours|ourselves)\b", re.I)


def load_ggt(folder: Path) -> list[tuple[str, str, bool]]:
    """(id, body text, is_opinion) for every article in the GGT table."""
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
    # "I" alone is ambiguous with roman numerals / initials only rarely; keep the plain rule.
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


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    from newsprism.analyse.genre import label_paragraphs, opinion_share
    from newsprism.analyse.nlp import load_nlp

    folder = require_dir(Path(data_dir) / "gender-gap-tracker", "Gender Gap Tracker data")
    items = load_ggt(folder)[: limit or None]
    nlp = load_nlp()
    gold, ours, shares, fp_rule, fp_any = [], [], [], [], []
    errors = []
    for (doc_id, text, is_opinion), doc in zip(items, nlp.pipe(t for _, t, _ in items)):
        paragraphs, mixed = label_paragraphs(doc, [])
        share, _ = opinion_share(text, paragraphs)
        gold.append(is_opinion)
        ours.append(mixed)
        shares.append(share)
        fp_rule.append(first_person_outside_quotes(text))
        fp_any.append(bool(FIRST_PERSON_RE.search(text)))
        if mixed != is_opinion:
            errors.append(f"{doc_id}: gold {'opinion' if is_opinion else 'news'}, opinion share {share:.2f}")
    report = EvalReport(
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
    return report
