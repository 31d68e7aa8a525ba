"""Time of the cross-article step for 50, 200 and 1,000 articles of one story, against the
per-article analysis time of the same articles.

    .venv/bin/python bench/align.py [--data-dir ../shared/data] [--sizes 50 200 1000]

How the story is built:

1. Base articles: the 5 example articles (``examples/alaska-summit``) and Multi-News source
   documents (in file order) up to ``--base`` (50) articles, read with ``read_inputs`` and analysed
   once with ``analyse_articles`` (the production path: one ``nlp.pipe``), timed after a warm-up.
   The analysis time of N articles is N × the measured mean per base article (a copy has its
   base's text, so it would cost what its base cost).
2. Copies: article k of the story is copy ``c = k // base`` of base article ``k % base``, with
   its own id and outlet; every 5th copy shares its base's source group (syndication), the others
   are independent. Its analysis is the base analysis, perturbed so the cross-article step has
   real work: PERSON names alternate spelling (a trailing "y" becomes "iy": Zelensky /
   Zelenskiy), each copy adds two people only it names, and each quote is, by ``c % 4``, the same,
   re-typed (straight marks to curly), changed in one word (a word unique to that copy, so
   distinct wordings grow with N), or cut to its first 60 % as a partial quote. Claims and times
   are copied as they are. (Spans of perturbed quotes no longer match the text: this bench
   measures time only.)
3. Timed, best of ``--repeat`` runs: ``merge_entities``, ``align_quotes`` (given the entities),
   ``group_facts`` (given the entities; its sentence-parse and embedding caches are emptied before
   each run, so it pays what a fresh process pays) and ``newsprism.align.align_story`` as a whole
   (entities, quotes, facts, coverage), each on the same articles and analyses.

The LAST line is the ratio align_story time / per-article analysis time for the largest size
(with ``--facts-only``: group_facts time / analysis time; align_quotes is then not run).
"""

from __future__ import annotations

import argparse
import ast
import copy
import csv
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.align import align_story  # noqa: E402
from newsprism.align import facts as facts_module  # noqa: E402
from newsprism.align.entities import merge_entities  # noqa: E402
from newsprism.align.quotes import align_quotes  # noqa: E402
from newsprism.analyse.nlp import load_nlp  # noqa: E402
from newsprism.analyse.pipeline import analyse_articles  # noqa: E402
from newsprism.ingest.read import read_inputs  # noqa: E402
from newsprism.model import Article, ArticleAnalysis, LocalEntity  # noqa: E402

EXAMPLE_DIR = ROOT / "examples" / "alaska-summit"
CURLY = str.maketrans({"'": "\u2019", '"': "\u201d"})


def multi_news_records(data_dir: Path, n: int) -> list[dict]:
    csv.field_size_limit(sys.maxsize)
    records: list[dict] = []
    with open(data_dir / "multi-news" / "sample_test.csv", encoding="utf-8", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle)):
            for doc_no, document in enumerate(ast.literal_eval(row["documents"])):
                if len(records) >= n:
                    return records
                if len(document.split()) >= 100:
                    records.append({"id": f"mn-{row_no}-{doc_no}", "text": document})
    return records


def base_articles(data_dir: Path, n: int) -> list[Article]:
    articles = read_inputs([EXAMPLE_DIR]).articles
    articles += read_inputs(multi_news_records(data_dir, n - len(articles) + 10)).articles
    return articles[:n]


SYLLABLES = "ka lo mi ren sa to vi dan el mor ta ni gu ber os lin va che ro am".split()


def _made_up_name(seed: int) -> str:
    """A deterministic two-word name unlike any other copy's (e.g. "Kalomi Renvita")."""
    def word(n: int) -> str:
        parts = []
        for _ in range(3):
            n, r = divmod(n, len(SYLLABLES))
            parts.append(SYLLABLES[r])
        return "".join(parts).capitalize()

    return f"{word(seed * 7919 + 13)} {word(seed * 104729 + 7)}"


def _respell(name: str) -> str:
    words = name.split()
    if words and words[-1].endswith("y") and len(words[-1]) > 4:
        words[-1] = words[-1][:-1] + "iy"
    return " ".join(words)


def _perturb_quote(text: str, c: int) -> tuple[str, str | None]:
    words = text.split()
    mode = c % 4
    if mode == 1:
        return text.translate(CURLY), None
    if mode == 2 and words:
        i = c % len(words)
        return " ".join(words[:i] + [f"word{c}"] + words[i + 1 :]), None
    if mode == 3 and len(words) >= 5:
        return " ".join(words[: max(2, int(len(words) * 0.6))]), "partial"
    return text, None


def copy_story(base: list[Article], analyses: list[ArticleAnalysis], size: int):
    """``size`` articles of one story from the base articles (see the module docstring)."""
    arts: list[Article] = []
    ans: list[ArticleAnalysis] = []
    for k in range(size):
        c, i = divmod(k, len(base))
        a, an = base[i], analyses[i]
        if c == 0:
            arts.append(a)
            ans.append(an)
            continue
        aid = f"{a.id}~{c}"
        group = a.source_group if c % 5 == 0 else f"{a.source_group or a.id}~{c}"
        arts.append(replace(a, id=aid, outlet=f"Outlet {k}", source_group=group))
        entities = [
            replace(e, name=_respell(e.name) if e.type == "PERSON" and c % 2 else e.name) for e in an.entities
        ]
        entities += [LocalEntity(key=f"extra{j}", name=_made_up_name(2 * k + j), type="PERSON") for j in range(2)]
        quotes = []
        for q in an.quotes:
            text, kind = _perturb_quote(q.text, c)
            quotes.append(replace(q, article=aid, text=text, kind=kind or q.kind))
        claims = [replace(copy.deepcopy(cl), article=aid) for cl in an.claims]
        times = [replace(t, article=aid) for t in an.times]
        ans.append(replace(an, article=aid, entities=entities, quotes=quotes, claims=claims, times=times))
    return arts, ans


def best_of(repeat: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def cold_group_facts(arts, ans, entities):
    """``group_facts`` with its caches emptied first (sentence parses for frames, sentence embeddings)."""
    facts_module._parse.cache_clear()
    try:
        from newsprism.analyse import embeddings

        embeddings._cache.clear()
    except ImportError:
        pass
    return facts_module.group_facts(arts, ans, entities)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--base", type=int, default=50)
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--facts-only", action="store_true",
                        help="time merge_entities and group_facts only (align_quotes dominates the full run)")
    args = parser.parse_args()

    base = base_articles(args.data_dir, args.base)
    nlp = load_nlp()
    list(nlp.pipe(a.text for a in base[:3]))  # warm-up
    t0 = time.perf_counter()
    analyses = list(analyse_articles(base))
    per_article = (time.perf_counter() - t0) / len(base)
    n_quotes = sum(len(an.quotes) for an in analyses)
    n_entities = sum(len(an.entities) for an in analyses)
    print(
        f"base: {len(base)} articles, {n_entities} local entities, {n_quotes} quote mentions; "
        f"per-article analysis {per_article * 1000:.1f} ms (mean, analyse_articles)"
    )
    print(f"{'articles':>8} {'analysis s':>10} {'entities s':>10} {'quotes s':>9} {'facts s':>8} {'align s':>8} "
          f"{'entities':>8} {'quotes':>7} {'facts':>6} {'facts/analysis':>14} {'align/analysis':>14}")
    rows = []
    for size in args.sizes:
        arts, ans = copy_story(base, analyses, size)
        t_ent, entities = best_of(args.repeat, lambda: merge_entities(arts, ans))
        t_fac, facts = best_of(args.repeat, lambda: cold_group_facts(arts, ans, entities))
        analysis = per_article * size
        if args.facts_only:
            rows.append((size, t_fac, t_fac))
            print(f"{size:>8} {analysis:>10.2f} {t_ent:>10.3f} {'-':>9} {t_fac:>8.3f} {'-':>8} "
                  f"{len(entities):>8} {'-':>7} {len(facts):>6} {t_fac / analysis:>14.4f} {'-':>14}")
            continue
        t_quo, quotes = best_of(args.repeat, lambda: align_quotes(arts, ans, entities))
        t_all, story = best_of(args.repeat, lambda: align_story(arts, ans))
        rows.append((size, t_all, t_fac))
        print(f"{size:>8} {analysis:>10.2f} {t_ent:>10.3f} {t_quo:>9.3f} {t_fac:>8.3f} {t_all:>8.3f} "
              f"{len(entities):>8} {len(quotes):>7} {len(story.facts):>6} {t_fac / analysis:>14.4f} "
              f"{t_all / analysis:>14.4f}")
    for (n0, t0_, f0), (n1, t1, f1) in zip(rows, rows[1:]):
        print(f"growth {n0} -> {n1} articles (x{n1 / n0:.0f}): align time x{t1 / t0_:.1f}, group_facts x{f1 / f0:.1f}")
    size, t_all, t_fac = rows[-1]
    print(f"group_facts / per-article analysis time at {size} articles: {t_fac / (per_article * size):.4f}")
    if not args.facts_only:
        print(f"align_story / per-article analysis time at {size} articles: {t_all / (per_article * size):.4f}")


if __name__ == "__main__":
    main()
