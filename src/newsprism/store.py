"""SQLite store: the only module that speaks SQL.

Plain tables any SQLite tool or Datasette can open: ``articles`` (raw and clean
text, metadata, source group), ``removals`` (what cleaning cut, with offsets into
``raw``), ``briefs`` (the brief JSON) and ``meta`` (schema version, also in
``PRAGMA user_version``).

Ingest is idempotent (an article whose id and content are already stored is left
untouched) and transactional: articles are written in batches, each batch one
transaction with every article's removals, so a run killed mid-way leaves whole
articles only, and a re-run stores the rest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.model import Article, InputWarning, Removal

SCHEMA_VERSION = 1
BATCH_SIZE = 200

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title        TEXT,
    url          TEXT,
    published    TEXT,
    outlet       TEXT,
    author       TEXT,
    source_group TEXT NOT NULL,
    credits      TEXT NOT NULL DEFAULT '[]',  -- JSON list of credited outlets / wires
    format       TEXT NOT NULL,
    source_path  TEXT,
    words        INTEGER NOT NULL,
    raw          TEXT NOT NULL,
    text         TEXT NOT NULL,
    ingested     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_source_group ON articles(source_group);
CREATE TABLE IF NOT EXISTS removals (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,  -- offsets into articles.raw
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE IF NOT EXISTS briefs (
    id        TEXT PRIMARY KEY,
    generated TEXT NOT NULL,
    articles  TEXT NOT NULL,  -- JSON list of article ids
    json      TEXT NOT NULL
);
"""

_COLUMNS = (
    "id", "content_hash", "title", "url", "published", "outlet", "author", "source_group",
    "credits", "format", "source_path", "words", "raw", "text",
)


@dataclass
class SaveReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except (sqlite3.DatabaseError, OSError) as exc:
            raise NewsprismError(f"{self.path}: cannot use as a newsprism database ({exc})") from exc

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ schema

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewsprismError(
                f"{self.path}: database schema version {version} is newer than this newsprism "
                f"understands ({SCHEMA_VERSION}); upgrade newsprism"
            )
        if version == SCHEMA_VERSION:
            return
        script = (
            "BEGIN IMMEDIATE;" + _SCHEMA
            + f"INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');"
            + f"PRAGMA user_version = {SCHEMA_VERSION};COMMIT;"
        )
        try:
            self.conn.executescript(script)  # one transaction: the schema appears whole or not at all
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ------------------------------------------------------------------ ingest

    def save_ingest(self, result) -> SaveReport:
        """Store ``result.articles``; an article already stored under another id is
        reported as a duplicate warning on ``result.warnings`` and not stored twice."""
        report = SaveReport()
        articles = list(result.articles)
        for i in range(0, len(articles), BATCH_SIZE):
            batch = articles[i:i + BATCH_SIZE]
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for article in batch:
                    outcome = self._save_article(article)
                    setattr(report, outcome, getattr(report, outcome) + 1)
                    if outcome == "duplicates":
                        other = self._id_for_hash(article.content_hash, exclude=article.id)
                        result.warnings.append(InputWarning(
                            article.source_path or article.id,
                            f"same text is already stored as {other}; kept once",
                            "duplicate",
                        ))
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        return report

    def _save_article(self, article: Article) -> str:
        row = _article_row(article)
        stored = self.conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if stored is None:
            if self._id_for_hash(article.content_hash, exclude=article.id):
                return "duplicates"
            self._write(row, article.removed, insert=True)
            return "inserted"
        if tuple(stored) == row and self._removals_of(article.id) == _removal_rows(article.removed):
            return "unchanged"
        self._write(row, article.removed, insert=False)
        return "updated"

    def _write(self, row: tuple, removed: list[Removal], *, insert: bool) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if insert:
            self.conn.execute(
                f"INSERT INTO articles({', '.join(_COLUMNS)}, ingested) VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
                row + (now,),
            )
        else:
            sets = ", ".join(f"{c} = ?" for c in _COLUMNS[1:])
            self.conn.execute(f"UPDATE articles SET {sets}, ingested = ? WHERE id = ?", row[1:] + (now, row[0]))
            self.conn.execute("DELETE FROM removals WHERE article_id = ?", (row[0],))
        self.conn.executemany(
            'INSERT INTO removals(article_id, seq, start, "end", text, reason) VALUES (?, ?, ?, ?, ?, ?)',
            [(row[0], seq, *r) for seq, r in enumerate(_removal_rows(removed))],
        )

    def _id_for_hash(self, content_hash: str, *, exclude: str) -> str | None:
        found = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND id != ? LIMIT 1", (content_hash, exclude)
        ).fetchone()
        return found[0] if found else None

    def _removals_of(self, article_id: str) -> list[tuple]:
        return [tuple(r) for r in self.conn.execute(
            'SELECT start, "end", text, reason FROM removals WHERE article_id = ? ORDER BY seq', (article_id,)
        )]

    # ------------------------------------------------------------------ briefs

    def save_brief(self, brief: dict[str, Any]) -> str:
        """Store a brief (``newsprism.brief/1`` dict); the same brief twice is stored once."""
        body = json.dumps(brief, ensure_ascii=False, sort_keys=True)
        brief_id = "b-" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
        ids = [a.get("id") for a in brief.get("articles", [])]
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(
                "INSERT OR IGNORE INTO briefs(id, generated, articles, json) VALUES (?, ?, ?, ?)",
                (brief_id, brief.get("generated") or "", json.dumps(ids), body),
            )
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return brief_id

    def load_brief(self, brief_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT json FROM briefs WHERE id = ?", (brief_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # ------------------------------------------------------------------ reading

    def list_articles(self) -> list[tuple]:
        """Rows (id, outlet, source_group, date, title, words, removals) for the CLI table."""
        return [tuple(r) for r in self.conn.execute(
            """SELECT a.id, a.outlet, a.source_group, substr(a.published, 1, 10), a.title, a.words,
                      (SELECT count(*) FROM removals r WHERE r.article_id = a.id)
               FROM articles a ORDER BY a.id"""
        )]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def load_articles(self, ids: list[str] | None = None) -> list[Article]:
        """Stored articles as :class:`Article` objects (all, or those with ``ids``, in that order)."""
        query = f"SELECT {', '.join(_COLUMNS)} FROM articles"
        rows = self.conn.execute(query + " ORDER BY id").fetchall()
        by_id = {r[0]: r for r in rows}
        chosen = [by_id[i] for i in ids if i in by_id] if ids is not None else rows
        articles = []
        for r in chosen:
            record = dict(zip(_COLUMNS, r))
            removed = [Removal(text, start, end, reason) for start, end, text, reason in self._removals_of(record["id"])]
            articles.append(Article(
                id=record["id"], raw=record["raw"], text=record["text"], removed=removed,
                title=record["title"], url=record["url"], published=record["published"],
                outlet=record["outlet"], author=record["author"], source_group=record["source_group"],
                source_path=record["source_path"], format=record["format"],
                content_hash=record["content_hash"], credits=json.loads(record["credits"]),
            ))
        return articles


def _article_row(a: Article) -> tuple:
    return (
        a.id, a.content_hash, a.title, a.url, a.published, a.outlet, a.author,
        a.source_group or "sg-" + a.id, json.dumps(a.credits, ensure_ascii=False), a.format,
        a.source_path, len(a.text.split()), a.raw, a.text,
    )


def _removal_rows(removed: list[Removal]) -> list[tuple]:
    return [(r.start, r.end, r.text, r.reason) for r in removed]
