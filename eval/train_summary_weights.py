"""Fit the summary's candidate-score weights (``newsprism.brief.summary.WEIGHTS``).

    python eval/train_summary_weights.py --data-dir ../shared/data            # runs the pipeline (slow)
    python eval/train_summary_weights.py --cache a.pkl --cache b.pkl          # reuse pipeline outputs

Data: all 250 clusters of the Multi-News test sample (``<data_dir>/multi-news/sample_test.csv``;
never the validation sample, which is the held-out check). For every cluster the product's own
steps run (``analyse_articles``, ``align_story``, ``summarize``); each summary candidate's features
come from ``summary._features`` and its label is its ROUGE-2 F against the reference (rouge-score,
stemming on). Ridge regression (alpha 1) on standardised features; the printed weights are per unit
of the raw feature, times ``SCORE_SCALE``. ``--check`` also cross-fits (rows 0-99 / 100-249) and
prints each half's fitted weights, to see how stable they are.

A cache is a pickle of ``[(row, articles, analyses, story, reference), ...]``.
"""

from __future__ import annotations

import argparse
import pickle
from pathlib import Path

import numpy as np


def collect(items) -> list[tuple[int, np.ndarray, np.ndarray]]:
    from rouge_score import rouge_scorer

    from newsprism.brief import summary

    scorer = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    seen: dict = {}
    real_score = summary._score

    def recording(candidates, told, corroborated):
        # Only the candidates and their features are wanted; the weights being fitted are not used.
        seen["X"] = summary._features(candidates, told, corroborated)
        seen["texts"] = [c.text for c in candidates]
        for c in candidates:
            c.score = 0.0

    out = []
    summary._score = recording
    try:
        for row, articles, analyses, story, reference in items:
            seen.clear()
            summary.summarize(articles, analyses, story, max_words=300)
            if "X" in seen:
                y = np.array([scorer.score(reference, t)["rouge2"].fmeasure for t in seen["texts"]])
                out.append((row, seen["X"], y))
    finally:
        summary._score = real_score
    return out


def fit(data, alpha: float = 1.0) -> dict[str, float]:
    from newsprism.brief.summary import FEATURES, SCORE_SCALE

    X = np.vstack([x for _, x, _ in data])
    y = np.concatenate([t for _, _, t in data])
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    Z = (X - mu) / sd
    coef = np.linalg.solve(Z.T @ Z + alpha * np.eye(Z.shape[1]), Z.T @ (y - y.mean()))
    return {name: round(float(SCORE_SCALE * w / s), 4) for name, w, s in zip(FEATURES, coef, sd)}


def pipeline_items(data_dir: Path):
    from newsprism.align import align_story
    from newsprism.analyse.pipeline import analyse_articles
    from newsprism.evaluate.summary import load_multinews
    from newsprism.model import Article

    for row, (docs, reference) in enumerate(load_multinews(data_dir / "multi-news")):
        articles = [Article(id=f"c{row}d{i}", raw=t, text=t, source_group=f"c{row}d{i}") for i, t in enumerate(docs)]
        analyses = list(analyse_articles(articles))
        yield row, articles, analyses, align_story(articles, analyses), reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache", type=Path, action="append", default=[])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.cache:
        items = [item for path in args.cache for item in pickle.load(path.open("rb"))]
        from newsprism.analyse import embeddings

        for path in args.cache:  # the harness's embedding cache beside it, when there is one
            emb = Path(str(path) + ".emb")
            if emb.exists():
                embeddings._cache.update(pickle.load(emb.open("rb")))
    else:
        items = pipeline_items(args.data_dir)
    data = collect(items)
    print(f"{len(data)} clusters, {sum(len(y) for _, _, y in data)} candidates")
    if args.check:
        print("rows 0-99:   ", fit([d for d in data if d[0] < 100]))
        print("rows 100-249:", fit([d for d in data if d[0] >= 100]))
    print("WEIGHTS =", fit(data))


if __name__ == "__main__":
    main()
