"""The ``newsprism`` command: a thin typer wrapper around :mod:`newsprism.api`.

stdout carries only the result (brief, table, evaluation); progress and
messages go to stderr. Exit codes: 0 success, 1 nothing usable, 2 usage error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from newsprism.errors import NewsprismError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Read many outlets' reports of one event together, with evidence.",
)
err = Console(stderr=True)
out = Console()

DB_OPTION = typer.Option(Path("newsprism.db"), "--db", help="SQLite database (created if missing).")


class Format(str, Enum):
    json = "json"
    markdown = "markdown"
    html = "html"


def _fail(exc: NewsprismError) -> None:
    err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False)
    raise typer.Exit(exc.exit_code)


def _inputs(paths: list[str]) -> list:
    """Paths as given; ``-`` is standard input, read once as one document."""
    items: list = []
    for p in paths:
        if p == "-":
            from newsprism.model import Article  # noqa: F401  (stdin handled by ingest)

            items.append(sys.stdin)
        else:
            items.append(Path(p))
    return items


@app.command()
def analyze(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin: one story."),
    format: Format = typer.Option(Format.json, "--format", "-f", help="Output format."),
    output: Optional[list[Path]] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here instead of stdout; repeatable. A .json/.md/.html name picks its own format.",
    ),
    db: Path = DB_OPTION,
    summary_words: int = typer.Option(200, "--summary-words", min=20, help="Summary length cap."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes for the per-article parse."),
) -> None:
    """Treat the inputs as one story and print its brief."""
    from rich.progress import Progress

    from newsprism import api

    try:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("analysing", total=None)

            def progress(stage: str, done: int, total: int) -> None:
                bar.update(task, description=stage, completed=done, total=total)

            brief = api.analyze(
                _inputs(paths), db=db, summary_words=summary_words, n_process=jobs, progress=progress
            )
    except NewsprismError as exc:
        _fail(exc)
        return
    for warning in brief.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning.source}: {warning.message}", highlight=False, soft_wrap=True)
    if not output:
        text = render(brief, format.value)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    for path in output:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(brief, SUFFIX_FORMATS.get(path.suffix.lower(), format.value)), encoding="utf-8")
        err.print(f"wrote {path}")


# One analysis, several reports: `-o brief.json -o brief.html` writes both.
SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def render(brief, fmt: str) -> str:
    if fmt == "json":
        from newsprism.brief.build import brief_to_json

        return brief_to_json(brief)
    if fmt == "markdown":
        from newsprism.report.markdown import render_markdown

        return render_markdown(brief)
    from newsprism.report.html import render_html

    return render_html(brief)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    db: Path = DB_OPTION,
) -> None:
    """Read, clean and store articles (idempotent: re-ingesting changes nothing)."""
    from rich.progress import Progress

    from newsprism import api

    try:
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("reading", total=None)

            def progress(stage: str, done: int, total: int) -> None:
                bar.update(task, description=stage, completed=done, total=total or None)

            result = api.ingest_paths(_inputs(paths), db=db, progress=progress)
    except NewsprismError as exc:
        _fail(exc)
        return
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/yellow] {warning.source}: {warning.message}", highlight=False, soft_wrap=True)
    saved = result.saved
    counts = f" ({saved.inserted} new, {saved.updated} updated, {saved.unchanged} unchanged)" if saved else ""
    err.print(f"{len(result.articles)} article(s) ingested into {db}{counts}", highlight=False)
    if not result.articles:
        raise typer.Exit(1)


@app.command()
def articles(db: Path = DB_OPTION) -> None:
    """List the stored articles."""
    from rich.table import Table

    from newsprism.store import Store

    if not db.exists():
        _fail(NewsprismError(f"no database at {db}; run `newsprism ingest` first"))
    with Store(db) as store:
        rows = [[("" if v is None else str(v)) for v in row] for row in store.list_articles()]
    columns = ("id", "outlet", "source group", "date", "title", "words", "removals")
    table = Table()
    widths = [max([len(col)] + [len(r[i]) for r in rows]) for i, col in enumerate(columns)]
    for col, width in zip(columns, widths):
        # One line per article: ids and groups are copied whole; a long title ends with an ellipsis.
        table.add_column(col, no_wrap=True, overflow="ellipsis", width=min(width, 40) if col == "title" else width)
    for row in rows:
        table.add_row(*row)
    needed = sum(w for c, w in zip(columns, widths) if c != "title") + min(widths[4], 40) + 3 * len(columns) + 1
    Console(width=max(out.width, needed)).print(table)


@app.command()
def evaluate(
    task: str = typer.Argument(..., help="quotes | entities | facts | summary | timeline | genre | extraction"),
    dataset: str = typer.Option(..., "--dataset", "-d", help="Dataset name (see docs/evaluation.md)."),
    data_dir: Path = typer.Option(Path("../shared/data"), "--data-dir", help="Folder holding the datasets."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N documents (a smoke run)."),
) -> None:
    """Measure newsprism and its baselines on a public dataset; last line is JSON."""
    from newsprism.evaluate import render_table, run_task

    try:
        report = run_task(task, dataset, data_dir, limit)
    except NewsprismError as exc:
        _fail(exc)
        return
    out.print(render_table(report))
    for note in report.notes:
        out.print(note, highlight=False)
    sys.stdout.flush()
    print(report.summary_json())


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
