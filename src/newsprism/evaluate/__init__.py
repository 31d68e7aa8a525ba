"""``newsprism evaluate TASK --dataset NAME``: measure against public annotated data.

Each task is a module ``newsprism.evaluate.<task>`` with a ``DATASETS`` tuple and
``run(dataset, data_dir, limit) -> EvalReport``. Baselines run in the same process
on the same texts. The CLI prints the table, then the JSON object as the last line.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprism.errors import DatasetMissing, UsageError

TASKS = ("quotes", "entities", "facts", "summary", "timeline", "genre", "extraction", "disputes")
DEFAULT_DATA_DIR = Path("../shared/data")
# Gold sets we annotated ourselves (ids, offsets, labels: never a licensed text), one JSON object a line.
GOLD_DIR = Path(__file__).resolve().parents[3] / "eval" / "gold"


def load_gold(path: Path, limit: int | None = None) -> list[dict]:
    """The rows of a JSON Lines gold file, the first ``limit`` of them when given."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


@dataclass
class EvalReport:
    task: str
    dataset: str
    metrics: dict[str, float]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # counts etc., shown, not in the last line

    def summary_json(self) -> str:
        return json.dumps(
            {"task": self.task, "dataset": self.dataset, "metrics": self.metrics, "baselines": self.baselines},
            ensure_ascii=False,
        )


def load_task(task: str):
    if task not in TASKS:
        raise UsageError(f"unknown evaluation task {task!r}; choose one of: {', '.join(TASKS)}")
    try:
        return importlib.import_module(f"newsprism.evaluate.{task}")
    except ModuleNotFoundError as exc:
        if exc.name == f"newsprism.evaluate.{task}":
            raise UsageError(f"evaluation task {task!r} is not built yet") from exc
        raise


def run_task(task: str, dataset: str, data_dir: Path, limit: int | None = None) -> EvalReport:
    module = load_task(task)
    if dataset not in module.DATASETS:
        raise UsageError(
            f"task {task!r} has no dataset {dataset!r}; choose one of: {', '.join(module.DATASETS)}"
        )
    return module.run(dataset, data_dir, limit)


def require_dir(path: Path, what: str) -> Path:
    """The dataset folder, or a clear error naming where it was looked for."""
    if not path.exists():
        raise DatasetMissing(f"{what} not found at {path} (pass --data-dir pointing at shared/data)")
    return path


def render_table(report: EvalReport):
    """A rich table: our metrics beside each baseline's."""
    from rich.table import Table

    table = Table(title=f"{report.task} on {report.dataset}")
    table.add_column("metric")
    table.add_column("newsprism", justify="right")
    names = list(report.baselines)
    for name in names:
        table.add_column(name, justify="right")
    keys = list(report.metrics) + [
        k for b in report.baselines.values() for k in b if k not in report.metrics
    ]
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            continue
        seen.add(key)

        def fmt(value: Any) -> str:
            return "—" if value is None else (f"{value:.4g}" if isinstance(value, float) else str(value))

        table.add_row(key, fmt(report.metrics.get(key)), *[fmt(report.baselines[n].get(key)) for n in names])
    return table
