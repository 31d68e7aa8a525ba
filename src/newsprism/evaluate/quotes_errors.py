"""Examples behind the quote evaluation's error counts, for error analysis.

    .venv/bin/python -m newsprism.evaluate.quotes_errors --dataset gender-gap-tracker [--limit N] [--max 8]

Prints, per category, up to ``--max`` examples with their context: GGT misses,
false positives and speaker errors at overlap 0.3; PolNeAR contents with no
overlapping prediction and predictions overlapping no gold content. Use the dev
split (``polnear-dev``) while iterating: PolNeAR's test split is for final runs.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from newsprism.evaluate import quotes as evq
from newsprism.evaluate import quotes_ggt as ggt
from newsprism.evaluate import quotes_polnear as polnear


def show(text: str, span: tuple[int, int] | None, width: int = 70) -> str:
    if span is None:
        return "(no span)"
    before = text[max(0, span[0] - width) : span[0]].replace("\n", " ")
    inside = text[span[0] : span[1]].replace("\n", " ")
    after = text[span[1] : span[1] + width // 2].replace("\n", " ")
    if len(inside) > 160:
        inside = inside[:75] + " … " + inside[-75:]
    return f"…{before}[[{inside}]]{after}…"


def ggt_examples(data_dir: Path, limit: int | None) -> dict[str, list[str]]:
    articles = ggt.load_ggt(data_dir / "gender-gap-tracker", limit)
    preds = evq.predict([a.id for a in articles], [a.text for a in articles])
    _, details = evq.ggt_metrics(articles, preds["newsprism"].found)
    examples: dict[str, list[str]] = defaultdict(list)
    for article, score in zip(articles, details[0.3]):
        for g in score.missed:
            kind = "direct" if evq.is_marked(article.text[slice(*g.quote)] if g.quote else "") else "indirect"
            examples[f"missed {kind}"].append(f"{article.id}: {show(article.text, g.quote)}")
        for p in score.spurious:
            examples[f"false positive {p.kind}"].append(
                f"{article.id}: {show(article.text, p.quote)}  speaker={p.speaker_text!r}"
            )
        for m in score.matches:
            if not m.speaker:
                examples["speaker error"].append(
                    f"{article.id}: gold={m.gold.speaker_text!r} ours={m.pred.speaker_text!r} "
                    f"floating={m.pred.floating} {show(article.text, m.gold.quote, 40)}"
                )
    return examples


def polnear_examples(dataset: str, data_dir: Path, limit: int | None) -> dict[str, list[str]]:
    articles = polnear.load_polnear(polnear.split_dir(data_dir / "polnear", dataset), limit)
    preds = evq.predict([a.id for a in articles], [a.text for a in articles])
    examples: dict[str, list[str]] = defaultdict(list)
    for article, found in zip(articles, preds["newsprism"].found):
        for g in sorted(article.spans["content"]):
            if not any(polnear.shared(g, f.content) for f in found):
                kind = "direct" if evq.is_marked(article.text[g[0] : g[1]]) else "indirect"
                examples[f"missed {kind}"].append(f"{article.id}: {show(article.text, g)}")
        for f in found:
            if not any(polnear.shared(g, f.content) for g in article.spans["content"]):
                examples[f"false positive {f.kind}"].append(f"{article.id}: {show(article.text, f.content)}")
    return examples


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=evq.DATASETS, required=True)
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--max", type=int, default=8, help="examples per category")
    args = parser.parse_args(argv)
    if args.dataset == "gender-gap-tracker":
        examples = ggt_examples(args.data_dir, args.limit)
    else:
        examples = polnear_examples(args.dataset, args.data_dir, args.limit)
    for category, items in sorted(examples.items()):
        print(f"\n## {category} ({len(items)})")
        for item in items[: args.max]:
            print(f"- {item}")


if __name__ == "__main__":
    main()
