"""Throughput and memory of the quote + speaker step against a bare parse by the same model.

    .venv/bin/python bench/quotes.py [--n 2000] [--data-dir ../shared/data] [--batch-size 16]

Texts, in this order until ``--n`` is reached: PolNeAR train/dev/test texts
(1,008), Multi-News source documents (666), Gender Gap Tracker raw texts (98),
ECB+ documents (982, tokens re-joined). Both passes stream the same texts through
``load_nlp().pipe`` with the same batch size, in one process:

1. bare:  the parse alone;
2. step:  the parse, then ``local_entities(doc)`` and ``extract_quotes(doc, id, entities)``
          exactly as ``analyse_doc`` calls them.

A small warm-up runs first so neither pass pays for loading. The machine is shared,
so the two passes alternate over blocks of ``--block`` articles (bare, step, bare,
step, …) and a burst of load from elsewhere hits both alike. During the step passes
we record resident memory (current and peak) after 500, 1000, 2000, … articles: it
should stay flat, since nothing is kept per corpus. Throughput is reported by wall
clock and by this process's CPU time; on a busy shared machine the CPU-time figure
is the stable one. The LAST line is the ratio step throughput / bare throughput
(goal ≥ 0.60).
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import resource
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

CHECKPOINTS = (500, 1000, 2000, 4000)


def polnear_texts(root: Path) -> Iterator[str]:
    for split in ("train", "dev", "test"):
        for path in sorted((root / "polnear" / "data" / split / "text").glob("*.txt")):
            yield path.read_text(encoding="utf-8")


def multi_news_texts(root: Path) -> Iterator[str]:
    csv.field_size_limit(sys.maxsize)
    with open(root / "multi-news" / "sample_test.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for document in ast.literal_eval(row["documents"]):
                if document.strip():
                    yield document.strip()


def ggt_texts(root: Path) -> Iterator[str]:
    with zipfile.ZipFile(root / "gender-gap-tracker" / "rawtext.zip") as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".txt"):
                yield archive.read(name).decode("utf-8")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return re.sub(r" (?=[,.;:!?)%]|'s\b|n't\b)|(?<=[($]) ", "", text)


def ecb_texts(root: Path) -> Iterator[str]:
    for path in sorted((root / "ecb-plus" / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence", "0"), []).append(token.text or "")
        yield "\n\n".join(detokenize(tokens) for tokens in sentences.values())


def load_texts(root: Path, n: int) -> list[str]:
    texts: list[str] = []
    for source in (polnear_texts, multi_news_texts, ggt_texts, ecb_texts):
        for text in source(root):
            texts.append(text)
            if len(texts) >= n:
                return texts
    return texts


def rss_mib() -> tuple[float, float]:
    """(current, peak) resident set size in MiB."""
    current = 0.0
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Clock:
    """Wall-clock and CPU seconds of this process since creation (CPU time is immune to the
    other users of a shared machine; wall time is what a user waits)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def elapsed(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def bare_pass(nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    clock = Clock()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return clock.elapsed()


def step_pass(
    nlp, texts: list[str], batch_size: int, offset: int = 0
) -> tuple[tuple[float, float], int, list[tuple[int, float, float]]]:
    """Parse + quote step over ``texts``; memory is sampled at the checkpoints (counted from ``offset``)."""
    from newsprism.analyse.entities import local_entities
    from newsprism.analyse.quotes import extract_quotes

    memory: list[tuple[int, float, float]] = []
    n_quotes = 0
    clock = Clock()
    pairs = ((text, f"a{offset + i}") for i, text in enumerate(texts))
    for done, (doc, article_id) in enumerate(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size), offset + 1):
        n_quotes += len(extract_quotes(doc, article_id, local_entities(doc)))
        if done in CHECKPOINTS:
            memory.append((done, *rss_mib()))
    return clock.elapsed(), n_quotes, memory


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--block", type=int, default=100, help="articles per alternating block")
    args = parser.parse_args(argv)

    from newsprism.analyse.nlp import load_nlp

    texts = load_texts(args.data_dir, args.n)
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters, {chars / max(len(texts), 1):,.0f} per article")
    nlp = load_nlp()
    step_pass(nlp, texts[:20], args.batch_size)  # warm-up: model caches, lazy imports

    bare = [0.0, 0.0]  # wall, cpu
    step = [0.0, 0.0]
    n_quotes = 0
    memory: list[tuple[int, float, float]] = []
    for offset in range(0, len(texts), args.block):
        block = texts[offset : offset + args.block]
        for i, seconds in enumerate(bare_pass(nlp, block, args.batch_size)):
            bare[i] += seconds
        seconds, found, sampled = step_pass(nlp, block, args.batch_size, offset)
        for i, value in enumerate(seconds):
            step[i] += value
        n_quotes += found
        memory += sampled
        done = offset + len(block)
        print(  # progress on stderr, so a long run on a busy machine can be followed
            f"[{done}/{len(texts)}] cpu ratio so far {bare[1] / step[1]:.3f}, wall {bare[0] / step[0]:.3f}",
            file=sys.stderr,
            flush=True,
        )
    memory.append((len(texts), *rss_mib()))
    n = len(texts)
    for done, current, peak in sorted(set(memory)):
        print(f"memory after {done:>5} articles: rss {current:7.1f} MiB, peak {peak:7.1f} MiB")
    print(f"quotes found: {n_quotes} ({n_quotes / max(n, 1):.1f} per article)")
    for label, index in (("wall-clock", 0), ("CPU time", 1)):
        print(
            f"{label:>10}: bare parse {n / bare[index]:7.2f} articles/s ({bare[index]:.1f} s), "
            f"parse + quote step {n / step[index]:7.2f} articles/s ({step[index]:.1f} s), "
            f"ratio {bare[index] / step[index]:.3f}"
        )
    print(f"ratio {bare[1] / step[1]:.3f} by CPU time, {bare[0] / step[0]:.3f} by wall clock (goal >= 0.60)")

if __name__ == "__main__":
    main()
