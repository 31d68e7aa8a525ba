"""Sentences per second of the sentence embedder: session 2's batching against batching by length, in one
process on the same real sentences.

    .venv/bin/python bench/embeddings.py [--data-dir ../shared/data] [--articles 50] [--repeat 5]

The sentences are those of the first ``--articles`` Multi-News source documents of ≥ 100 words (the
documents bench/brief.py uses), split by the production analysis (``analyse_articles``), deduplicated,
so every one is really encoded. Each repeat embeds all of them twice with the cache emptied first:
``batch_by_length=False`` (session 2: texts sorted by characters, fixed batches of 64, spinning worker
threads) and the default path (sorted by token count, 256-token batches, no spinning), alternating so
that both see the same machine load. Reported: medians of wall and CPU seconds (CPU = this process's
user + system time, all threads; on a shared machine it is the steadier figure), sentences/second,
the speed-up, the load average, and the lowest cosine between the two paths' vectors for one sentence.

The LAST line is the median wall-clock speed-up (before / after).

``--sweep N`` instead times the by-length path on N of those sentences (a fixed random sample) under
each setting we tried, one change at a time from the default: the token budget per model call, intra-op
threads, worker-thread spinning, and onnxruntime's graph optimisation level (medians of ``--repeat``,
settings alternated within each repeat). The LAST line is then the best setting by median CPU time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.analyse import embeddings  # noqa: E402
from newsprism.analyse.pipeline import analyse_articles  # noqa: E402
from newsprism.ingest.read import read_inputs  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from align import multi_news_records  # noqa: E402  (bench/align.py: the same Multi-News documents)


def story_sentences(data_dir: Path, n_articles: int) -> list[str]:
    articles = read_inputs(multi_news_records(data_dir, n_articles)).articles
    texts = [
        article.text[start:end].strip()
        for article, analysis in zip(articles, analyse_articles(articles))
        for start, end in analysis.sentences
    ]
    return list(dict.fromkeys(text for text in texts if text))


def timed_embed(texts: list[str], batch_by_length: bool) -> tuple[float, float, np.ndarray]:
    """Wall and CPU seconds of embedding ``texts`` from an empty cache, and the vectors."""
    embeddings.clear_cache()
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = embeddings.embed(texts, batch_by_length=batch_by_length)
    return time.perf_counter() - wall, time.process_time() - cpu, vectors


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "n/a"


DEFAULT = {"budget": embeddings.BATCH_TOKENS, "threads": embeddings._thread_count(), "spinning": False,
           "optimisation": "ORT_ENABLE_ALL"}
SWEEP = [
    {},
    *({"budget": budget} for budget in (64, 128, 512, 1024, 4096)),
    {"threads": 1},
    {"spinning": True},
    {"optimisation": "ORT_ENABLE_BASIC"},
    {"optimisation": "ORT_ENABLE_EXTENDED"},
    {"optimisation": "ORT_DISABLE_ALL"},
]


def sweep(texts: list[str], repeat: int) -> None:
    encoder = embeddings._get_encoder()
    default_session, default_budget = encoder.session, embeddings.BATCH_TOKENS
    sessions = {}
    times: dict[int, list[tuple[float, float]]] = {i: [] for i in range(len(SWEEP))}
    for _ in range(repeat):
        for i, change in enumerate(SWEEP):
            setting = {**DEFAULT, **change}
            key = (setting["threads"], setting["spinning"], setting["optimisation"])
            if key not in sessions:
                sessions[key] = embeddings.make_session(*key)
            encoder.session, embeddings.BATCH_TOKENS = sessions[key], setting["budget"]
            try:
                wall, cpu, _ = timed_embed(texts, batch_by_length=True)
            finally:
                encoder.session, embeddings.BATCH_TOKENS = default_session, default_budget
            times[i].append((wall, cpu))
    best = min(times, key=lambda i: statistics.median(c for _, c in times[i]))
    for i, change in enumerate(SWEEP):
        wall = statistics.median(w for w, _ in times[i])
        cpu = statistics.median(c for _, c in times[i])
        label = ", ".join(f"{k}={v}" for k, v in change.items()) or "default " + str(DEFAULT)
        print(f"{label:60s} median {wall:6.2f} s wall {len(texts) / wall:6.1f}/s   {cpu:6.2f} s CPU "
              f"{len(texts) / cpu:6.1f}/CPU-s")
    print(f"load average at end {load()}")
    print(", ".join(f"{k}={v}" for k, v in SWEEP[best].items()) or "default")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sweep", type=int, metavar="N", help="time each setting on N sentences instead")
    args = parser.parse_args()

    texts = story_sentences(args.data_dir, args.articles)
    if args.sweep:
        embeddings.embed(["warm-up: load the encoder outside the timed runs"])
        sample = random.Random(0).sample(texts, min(args.sweep, len(texts)))
        print(f"{len(sample)} of {len(texts)} distinct sentences; load average at start {load()}")
        return sweep(sample, args.repeat)
    embeddings.embed(["warm-up: load both encoders outside the timed runs"], batch_by_length=False)
    embeddings.embed(["warm-up: load both encoders outside the timed runs."])
    print(f"{len(texts)} distinct sentences from {args.articles} articles; threads {embeddings._thread_count()}; "
          f"load average at start {load()}")
    runs: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    lowest_cosine = 1.0
    for repeat in range(args.repeat):
        before_wall, before_cpu, before = timed_embed(texts, batch_by_length=False)
        after_wall, after_cpu, after = timed_embed(texts, batch_by_length=True)
        runs[False].append((before_wall, before_cpu))
        runs[True].append((after_wall, after_cpu))
        lowest_cosine = min(lowest_cosine, float(np.min(np.sum(before * after, axis=1))))
        print(f"repeat {repeat + 1}: before {before_wall:6.2f} s wall {before_cpu:6.2f} s CPU   "
              f"after {after_wall:6.2f} s wall {after_cpu:6.2f} s CPU   load {load()}")
    medians = {
        mode: (statistics.median(w for w, _ in times), statistics.median(c for _, c in times))
        for mode, times in runs.items()
    }
    for mode, label in ((False, "before (session 2)"), (True, "after (by length)")):
        wall, cpu = medians[mode]
        print(f"{label:20s} median {wall:6.2f} s wall  {len(texts) / wall:6.1f} sentences/s   "
              f"{cpu:6.2f} s CPU  {len(texts) / cpu:6.1f} sentences/CPU-s")
    speedup_wall = medians[False][0] / medians[True][0]
    print(f"speed-up: {speedup_wall:.2f}× wall, {medians[False][1] / medians[True][1]:.2f}× CPU; "
          f"lowest cosine before/after {lowest_cosine:.6f}; load average at end {load()}")
    print(f"{speedup_wall:.3f}")


if __name__ == "__main__":
    main()
