"""SQLite store: schema, idempotent re-ingest, duplicates, and a run killed mid-way then resumed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.ingest.read import read_inputs
from newsprism.store import SCHEMA_VERSION, Store


def _records(n: int, start: int = 0) -> list[dict]:
    return [
        {
            "id": f"art-{i:04d}",
            "outlet": "Daily Planet",
            "text": f"Story {i} opens with a sentence about item number {i} and its {i * 7} consequences.\n"
                    f"SEE ALSO: Related coverage of item {i}\n"
                    f"The second paragraph of story {i} adds detail number {i * 13} for readers.",
        }
        for i in range(start, start + n)
    ]


def _tables(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("articles", "removals", "briefs")
        }


def test_schema_is_plain_sqlite_with_wal_and_a_version(tmp_path):
    db = tmp_path / "n.db"
    Store(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert {"id", "content_hash", "raw", "text", "title", "url", "published", "outlet", "author",
            "source_group", "format", "source_path"} <= columns


def test_ingest_stores_articles_and_removals(tmp_path):
    db = tmp_path / "n.db"
    result = read_inputs(_records(3))
    with Store(db) as store:
        report = store.save_ingest(result)
        rows = store.list_articles()
        loaded = store.load_articles(["art-0001"])[0]
    assert report.inserted == 3
    assert rows[0][:3] == ("art-0000", "Daily Planet", "daily-planet") and rows[0][6] == 1
    original = result.articles[1]
    assert (loaded.text, loaded.raw, loaded.removed) == (original.text, original.raw, original.removed)


def test_reingesting_the_same_input_changes_nothing(tmp_path):
    db = tmp_path / "n.db"
    with Store(db) as store:
        store.save_ingest(read_inputs(_records(5)))
    before = sqlite3.connect(db).execute("SELECT * FROM articles ORDER BY id").fetchall()
    with Store(db) as store:
        report = store.save_ingest(read_inputs(_records(5)))
    after = sqlite3.connect(db).execute("SELECT * FROM articles ORDER BY id").fetchall()
    assert report.unchanged == 5 and report.inserted == report.updated == 0
    assert before == after  # ingested timestamps included


def test_changed_article_is_updated_in_place(tmp_path):
    db = tmp_path / "n.db"
    records = _records(2)
    with Store(db) as store:
        store.save_ingest(read_inputs(records))
        records[0]["text"] = records[0]["text"].replace("SEE ALSO: Related coverage of item 0\n", "")
        report = store.save_ingest(read_inputs(records))
    assert (report.updated, report.unchanged) == (1, 1)
    assert _tables(db) == {"articles": 2, "removals": 1, "briefs": 0}


def test_same_text_under_another_id_is_stored_once_and_reported(tmp_path):
    db = tmp_path / "n.db"
    records = _records(1)
    with Store(db) as store:
        store.save_ingest(read_inputs(records))
        again = read_inputs([{**records[0], "id": "other-id"}])
        report = store.save_ingest(again)
    assert report.duplicates == 1 and _tables(db)["articles"] == 1
    assert again.warnings[-1].kind == "duplicate" and "art-0000" in again.warnings[-1].message


def test_brief_is_stored_once(tmp_path):
    db = tmp_path / "n.db"
    brief = {"schema": "newsprism.brief/1", "generated": "2025-01-01T00:00:00+00:00", "articles": [{"id": "a"}]}
    with Store(db) as store:
        first = store.save_brief(brief)
        assert store.save_brief(brief) == first
        assert store.load_brief(first) == brief
    assert _tables(db)["briefs"] == 1


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("just some notes, not SQLite " * 100)
    with pytest.raises(NewsprismError, match="cannot use as a newsprism database"):
        Store(db)


def test_failure_mid_batch_rolls_back_and_rerun_completes(tmp_path, monkeypatch):
    db = tmp_path / "n.db"
    records = _records(250)
    calls = {"n": 0}
    original = Store._save_article

    def failing(self, article):
        calls["n"] += 1
        if calls["n"] == 230:  # inside the second batch of 200
            raise RuntimeError("disk on fire")
        return original(self, article)

    monkeypatch.setattr(Store, "_save_article", failing)
    with Store(db) as store, pytest.raises(RuntimeError):
        store.save_ingest(read_inputs(records))
    assert _tables(db) == {"articles": 200, "removals": 200, "briefs": 0}
    monkeypatch.setattr(Store, "_save_article", original)
    with Store(db) as store:
        report = store.save_ingest(read_inputs(records))
    assert (report.inserted, report.unchanged) == (50, 200)
    assert _tables(db) == {"articles": 250, "removals": 250, "briefs": 0}


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, sys.argv[2])
    from test_store import _records
    from newsprism.ingest.read import read_inputs
    from newsprism.store import Store

    original = Store._save_article
    count = 0

    def save_then_die(self, article):
        global count
        count += 1
        if count == int(sys.argv[3]):
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no rollback: a real crash
        return original(self, article)

    Store._save_article = save_then_die
    with Store(sys.argv[1]) as store:
        store.save_ingest(read_inputs(_records(450)))
    """
)


def test_run_killed_mid_ingest_leaves_whole_articles_and_rerun_completes(tmp_path):
    db = tmp_path / "n.db"
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    proc = subprocess.run([sys.executable, str(script), str(db), str(Path(__file__).parent), "321"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM removals r WHERE r.article_id = a.id)"
        ).fetchone()[0]
    assert stored == 200 and orphans == 0  # the first batch, whole; the killed batch, not at all
    with Store(db) as store:
        report = store.save_ingest(read_inputs(_records(450)))
    assert (report.inserted, report.unchanged) == (250, 200)
    assert _tables(db) == {"articles": 450, "removals": 450, "briefs": 0}


def test_missing_parent_folder_is_created(tmp_path):
    db = tmp_path / "new" / "folder" / "n.db"
    with Store(db) as store:
        assert store.count_articles() == 0
    assert db.exists()
