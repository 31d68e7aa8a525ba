"""Time of the brief step (cited summary, timeline, framing) for 50, 200 and 500 articles, against
the per-article analysis time of the same articles.

    .venv/bin/python bench/brief.py [--data-dir ../shared/data] [--sizes 50 200 500] [--repeat 3]

Articles are real and distinct: Multi-News source documents of ≥ 100 words in file order (read with
``read_inputs``), so the sentence-embedding cache cannot flatter the figure (copies of one article
would be embedded once). All of them are analysed once with ``analyse_articles`` (the production
path), timed: that is the baseline. For each size N, the first N articles are aligned
(``align_story``, not timed here: see bench/align.py) and then ``build_brief`` is timed with the
embedding cache emptied first, median of ``--repeat`` runs, twice per repeat (alternating, so both see
the same machine load): with session 2's embedder batching ("before": ``batch_by_length=False``) and
with the current one ("after"). Reported: brief seconds, analysis seconds of the same N articles, their
ratio, and how much of the brief time went into embedding sentences, before and after.

The LAST line is the ratio brief time / analysis time for the largest size, after.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.align import align_story  # noqa: E402
from newsprism.analyse import embeddings  # noqa: E402
from newsprism.analyse.nlp import load_nlp  # noqa: E402
from newsprism.analyse.pipeline import analyse_articles  # noqa: E402
from newsprism.brief.build import build_brief  # noqa: E402
from newsprism.ingest.read import read_inputs  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from align import multi_news_records  # noqa: E402  (bench/align.py: the same Multi-News documents)


class EmbeddingClock:
    """Adds up the seconds spent encoding texts (tokeniser + model + pooling) in every caller, with session
    2's batching (``legacy``) or the current one. Patches the module function ``embed`` dispatches to."""

    def __init__(self, legacy: bool) -> None:
        self.seconds = 0.0
        self._original = embeddings._encode_by_length
        self._encode = embeddings._encode_legacy if legacy else embeddings._encode_by_length

    def __enter__(self) -> "EmbeddingClock":
        clock, encode = self, self._encode

        def timed(texts):
            start = time.perf_counter()
            try:
                return encode(texts)
            finally:
                clock.seconds += time.perf_counter() - start

        embeddings._encode_by_length = timed
        return self

    def __exit__(self, *exc) -> None:
        embeddings._encode_by_length = self._original


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 500])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    articles = read_inputs(multi_news_records(args.data_dir, max(args.sizes))).articles
    load_nlp()
    embeddings.embed(["warm-up: load the encoders outside the timed runs"], batch_by_length=False)
    embeddings.embed(["warm-up: load the encoders outside the timed runs."])
    print(f"load average at start {load()}")
    start = time.perf_counter()
    analyses = list(analyse_articles(articles))
    per_article = (time.perf_counter() - start) / len(articles)
    print(f"{len(articles)} articles analysed, {per_article * 1000:.0f} ms each")
    ratio = 0.0
    for n in args.sizes:
        subset, subset_analyses = articles[:n], analyses[:n]
        story = align_story(subset, subset_analyses)
        runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for _ in range(args.repeat):
            for legacy in (True, False):
                embeddings.clear_cache()
                with EmbeddingClock(legacy) as clock:
                    start = time.perf_counter()
                    build_brief(subset, subset_analyses, story, [])
                    took = time.perf_counter() - start
                runs[legacy].append((took, clock.seconds))
        analysis = per_article * n
        for legacy, label in ((True, "before"), (False, "after ")):
            took = statistics.median(t for t, _ in runs[legacy])
            share = statistics.median(e / t for t, e in runs[legacy] if t)
            ratio = took / analysis
            print(f"N={n:5d} {label} brief {took:7.2f} s  analysis {analysis:7.2f} s  ratio {ratio:.3f}  "
                  f"embedding share of brief {share:.0%}   (all: {[round(t, 1) for t, _ in runs[legacy]]})")
    print(f"load average at end {load()}")
    print(f"{ratio:.3f}")


if __name__ == "__main__":
    main()
