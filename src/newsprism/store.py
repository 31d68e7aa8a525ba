"""SQLite store (minimal; the foundation issue completes it). The only module that speaks SQL."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = sqlite3.connect(self.path)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.conn.close()

    def save_ingest(self, result) -> None:
        pass

    def save_brief(self, brief: dict) -> None:
        pass
