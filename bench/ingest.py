"""Ingest throughput: read + clean + attribute + store 10,000 articles, as a ratio to
the time the spaCy model takes just to parse the same texts.

    .venv/bin/python bench/ingest.py [--n 10000] [--sample 200] [--data-dir ../shared/data]

Corpus: the real article texts of PolNeAR (all splits) and the Multi-News test
sample (``|||||``-separated documents), about 1,670 texts. To reach ``--n``
distinct articles, copy k of text t (k = 0, 1, ...) keeps t's paragraphs but
rotates them by k, starts with a dateline-like "DISPATCH <i> — " and gets a
headline line "Report <i>: <first words>", and, for
some copies, a "SEE ALSO:" line and a "©2016 Outlet <k>" footer: distinct
content hashes, realistic near-duplicates (syndicated copies) and boilerplate
for the cleaner. They are written as .txt files to a temporary folder and
ingested from there into a fresh SQLite file, exactly as ``newsprism ingest``
does.

Parse baseline: ``load_nlp()`` (model load not timed) runs ``nlp.pipe`` over a
random sample of the clean texts; the time for all texts is extrapolated by
character count. The ratio (ingest seconds / estimated parse seconds) is printed last.
"""

from __future__ import annotations

import argparse
import ast
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def base_texts(data_dir: Path) -> list[str]:
    texts = [p.read_text("utf-8", errors="replace") for p in sorted((data_dir / "polnear" / "data").glob("*/text/*.txt"))]
    csv.field_size_limit(10**9)
    with (data_dir / "multi-news" / "sample_test.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            docs = row["documents"]
            parts = ast.literal_eval(docs) if docs.startswith("[") else docs.split("|||||")
            texts.extend(parts)
    texts = [t.replace(" \n \n ", "\n").strip() for t in texts]
    return [t for t in texts if len(t.split()) >= 80]


def make_article(text: str, i: int, k: int) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    rotation = k % max(1, len(paragraphs))
    paragraphs = paragraphs[rotation:] + paragraphs[:rotation]
    headline = f"Report {i}: " + " ".join(text.split()[:6]).rstrip(".,;:")
    # A dateline-like prefix makes every copy's story text distinct (headline and
    # boilerplate are cleaned away, so they alone would leave exact duplicates).
    lines = [headline, f"DISPATCH {i} — " + paragraphs[0]] + paragraphs[1:]
    if k % 2:
        lines.insert(min(3, len(lines)), f"SEE ALSO: More coverage in report {i + 1}")
    if k % 3 == 1:
        lines += ["_____", f"©2016 Outlet {k}. All rights reserved."]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=200, help="texts parsed by spaCy to estimate the full parse")
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()

    from newsprism.analyse.nlp import load_nlp
    from newsprism.ingest.read import read_inputs
    from newsprism.store import Store

    texts = base_texts(args.data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(args.n):
            k, t = divmod(i, len(texts))
            (folder / f"a{i:05d}.txt").write_text(make_article(texts[t], i, k), encoding="utf-8")
        started = time.perf_counter()
        result = read_inputs([folder])
        read_s = time.perf_counter() - started
        with Store(Path(tmp) / "bench.db") as store:
            store.save_ingest(result)
        ingest_s = time.perf_counter() - started

    articles = result.articles
    chars = sum(len(a.text) for a in articles)
    removals = sum(len(a.removed) for a in articles)
    groups = len({a.source_group for a in articles})
    print(f"corpus: {len(texts)} real texts (PolNeAR + Multi-News) -> {len(articles)} distinct articles, "
          f"{chars / 1e6:.1f} M characters; {removals} removals; {groups} source groups; "
          f"{len(result.warnings)} warnings")
    print(f"ingest + clean + attribute + store: {ingest_s:.1f} s "
          f"(read/clean/attribute {read_s:.1f} s, store {ingest_s - read_s:.1f} s), "
          f"{len(articles) / ingest_s:.0f} articles/s")

    nlp = load_nlp()
    rng = random.Random(0)
    sample = rng.sample([a.text for a in articles], min(args.sample, len(articles)))
    list(nlp.pipe(sample[:5]))  # warm-up, not timed
    started = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=16):
        pass
    sample_s = time.perf_counter() - started
    sample_chars = sum(len(t) for t in sample)
    parse_s = sample_s * chars / sample_chars
    print(f"spaCy parse (load_nlp(), nlp.pipe, 1 process): {len(sample)} random articles in {sample_s:.1f} s; "
          f"extrapolated by characters to all {len(articles)}: {parse_s:.0f} s (estimate)")
    print(f"ratio ingest / parse: {ingest_s / parse_s:.4f}")


if __name__ == "__main__":
    sys.exit(main())
