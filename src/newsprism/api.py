"""The Python API: what the CLI and a Python user call.

    >>> import newsprism
    >>> brief = newsprism.analyze(["examples/alaska-summit"])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsprism.errors import NoUsableInput
from newsprism.ingest.read import IngestResult, read_inputs
from newsprism.model import Article, Brief

Input = str | Path | Article | dict[str, Any]
Progress = Callable[[str, int, int], None]  # (stage, done, total)


def ingest_paths(
    inputs: Iterable[Input], *, db: str | Path | None = None, progress: Progress | None = None
) -> IngestResult:
    """Read, clean and attribute articles; store them when ``db`` is given."""
    result = read_inputs(list(inputs), progress=progress)
    if db is not None:
        from newsprism.store import Store

        with Store(db) as store:
            result.saved = store.save_ingest(result)
    return result


def analyze(
    inputs: Iterable[Input],
    *,
    db: str | Path | None = None,
    summary_words: int = 200,
    n_process: int = 1,
    progress: Progress | None = None,
) -> Brief:
    """Treat ``inputs`` as one story and return its brief (``newsprism.brief/1``)."""
    from newsprism.align import align_story
    from newsprism.analyse.pipeline import analyse_articles
    from newsprism.brief.build import build_brief

    ingested = ingest_paths(inputs, db=db)
    articles = ingested.articles
    if not articles:
        details = "; ".join(f"{w.source}: {w.message}" for w in ingested.warnings)
        raise NoUsableInput("no usable article in the input" + (f" ({details})" if details else ""))
    analyses = []
    for analysis in analyse_articles(articles, n_process=n_process):
        analyses.append(analysis)
        if progress:
            progress("analyse", len(analyses), len(articles))
    story = align_story(articles, analyses)
    brief = build_brief(articles, analyses, story, ingested.warnings, summary_words=summary_words)
    if db is not None:
        from newsprism.brief.build import brief_to_dict
        from newsprism.store import Store

        with Store(db) as store:
            store.save_brief(brief_to_dict(brief))
    return brief
