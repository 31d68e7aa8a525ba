"""HTML article extraction on the Zyte/scrapinghub article-extraction benchmark.

newsprism's HTML ingest (trafilatura with our settings, then our cleaning) against
trafilatura alone (``trafilatura.extract`` with its defaults), both run here on the
same 181 pages, scored with the benchmark's own ``evaluate.py`` (imported from the
dataset folder, not re-implemented): precision / recall / F1 over 4-word shingles
per page, averaged, and exact-match accuracy. The published reference output of
trafilatura 2.0.0 (``output/trafilatura.json``) is scored too, as a check that the
metric reproduces the published 0.958.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
from pathlib import Path
from typing import Any

from newsprism.evaluate import EvalReport, require_dir

DATASETS = ("article-extraction-benchmark",)
N_BOOTSTRAP = 200


def load_scorer(folder: Path):
    """The benchmark's evaluate.py as a module (stdlib only; nothing is written)."""
    spec = importlib.util.spec_from_file_location("aeb_evaluate", folder / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def newsprism_bodies(paths: list[Path]) -> dict[str, str]:
    """Article text per page id as newsprism's ingest gives it ("" when it finds none)."""
    from newsprism.ingest.read import read_inputs

    result = read_inputs(paths)
    by_source = {a.source_path: a.text for a in result.articles}
    return {_page_id(p): by_source.get(str(p), "") for p in paths}


def trafilatura_bodies(paths: list[Path]) -> dict[str, str]:
    import trafilatura

    return {_page_id(p): trafilatura.extract(_html(p)) or "" for p in paths}


def settings_only_bodies(paths: list[Path]) -> dict[str, str]:
    """Ablation: trafilatura with newsprism's settings, without newsprism's cleaning."""
    from newsprism.ingest.html import extract_html

    bodies = {}
    for p in paths:
        doc = extract_html(_html(p), str(p))
        bodies[_page_id(p)] = doc.text if doc else ""
    return bodies


def score(scorer, truth: dict[str, dict], bodies: dict[str, str]) -> dict[str, float]:
    random.seed(0)  # the scorer's bootstrap uses the global generator
    prediction = {k: {"articleBody": bodies.get(k, "")} for k in truth}
    metrics = scorer.evaluate(truth, prediction, N_BOOTSTRAP)
    keys = ("f1", "precision", "recall", "accuracy", "f1_std")
    return {k: round(float(metrics[k]), 4) for k in keys}


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    folder = require_dir(Path(data_dir) / dataset, "article-extraction-benchmark")
    scorer = load_scorer(folder)
    truth_all = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    paths = sorted((folder / "html").glob("*.html.gz"))[:limit] if limit else sorted((folder / "html").glob("*.html.gz"))
    truth = {_page_id(p): truth_all[_page_id(p)] for p in paths}

    ours = newsprism_bodies(paths)
    baseline = trafilatura_bodies(paths)
    baselines: dict[str, dict[str, float]] = {
        "trafilatura (defaults, this run)": score(scorer, truth, baseline),
        "ablation: our trafilatura settings, no cleaning": score(scorer, truth, settings_only_bodies(paths)),
    }
    reference = folder / "output" / "trafilatura.json"
    if reference.exists():
        published, version = scorer.load_prediction(reference)
        baselines[f"trafilatura {version} (published output)"] = score(
            scorer, truth, {k: (published.get(k) or {}).get("articleBody", "") for k in truth}
        )
    metrics = score(scorer, truth, ours)
    empty = sum(1 for k in truth if not ours[k])
    notes = [
        f"{len(truth)} pages; newsprism found no article on {empty}; "
        f"scored with the benchmark's evaluate.py ({N_BOOTSTRAP} bootstrap samples, seed 0).",
    ]
    return EvalReport("extraction", dataset, metrics, baselines, notes, extra={"pages": len(truth), "empty": empty})


def _page_id(path: Path) -> str:
    return path.name.removesuffix(".html.gz")


def _html(path: Path) -> str:
    data: Any = gzip.decompress(path.read_bytes())
    return data.decode("utf-8", errors="replace")
