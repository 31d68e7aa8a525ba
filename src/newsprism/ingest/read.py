"""Read inputs into articles (minimal: plain text only; the foundation issue completes it)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.model import Article, InputWarning


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)


def read_inputs(inputs) -> IngestResult:
    result = IngestResult()
    for item in inputs:
        if isinstance(item, Article):
            result.articles.append(item)
            continue
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            raw = f.read_text("utf-8")
            result.articles.append(
                Article(id=f.stem, raw=raw, text=raw, source_path=str(f),
                        content_hash=hashlib.sha256(raw.encode()).hexdigest())
            )
    return result
