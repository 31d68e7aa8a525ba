"""`newsprism ingest` and `newsprism articles`: stdout clean, one line per bad input, exit codes."""

from __future__ import annotations

import sqlite3

from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()

STORY = (
    "The river flooded three towns overnight, forcing hundreds of families from their homes.\n"
    "“We lost everything in an hour,” said one resident, standing outside a shelter in the school gym.\n"
    "Officials said the water would recede by the weekend, but more rain is forecast for Sunday, "
    "and the state has asked for federal help."
)


def test_ingest_example_then_list_articles(tmp_path, example_dir):
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["ingest", str(example_dir), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""  # progress and messages go to stderr only
    assert "5 article(s)" in result.stderr
    listing = runner.invoke(app, ["articles", "--db", str(db)], env={"COLUMNS": "200"})
    assert listing.exit_code == 0
    assert "000_ac7d19e1c25324f5" in listing.stdout and "Los Angeles" in listing.stdout


def test_reingest_through_the_cli_changes_nothing(tmp_path, example_dir):
    db = tmp_path / "n.db"
    runner.invoke(app, ["ingest", str(example_dir), "--db", str(db)])
    before = sqlite3.connect(db).execute("SELECT * FROM articles ORDER BY id").fetchall()
    again = runner.invoke(app, ["ingest", str(example_dir), "--db", str(db)])
    after = sqlite3.connect(db).execute("SELECT * FROM articles ORDER BY id").fetchall()
    assert again.exit_code == 0 and before == after


def test_bad_inputs_get_one_line_each_and_the_rest_is_stored(tmp_path):
    (tmp_path / "good.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (tmp_path / "lines.jsonl").write_text('{"id": "j1", "text": "Another story about the flood, told by the mayor at length today."}\nnot json\n')
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "good.txt"), str(tmp_path / "empty.txt"),
                                 str(tmp_path / "image.txt"), str(tmp_path / "lines.jsonl"), "--db", str(db)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 3
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("image.txt" in w and "PNG" in w for w in warnings)
    assert any("lines.jsonl:2" in w and "not valid JSON" in w for w in warnings)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_nothing_usable_exits_1(tmp_path):
    (tmp_path / "blank.txt").write_text("   ")
    result = runner.invoke(app, ["ingest", str(tmp_path / "blank.txt"), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "blank.txt" in result.stderr


def test_usage_error_exits_2(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["ingest", "x.txt", "--no-such-option"]).exit_code == 2


def test_stdin_dash_is_read_as_one_document(tmp_path):
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input="Flood hits three towns\n" + STORY)
    assert result.exit_code == 0, result.stderr
    title = sqlite3.connect(db).execute("SELECT id, title FROM articles").fetchone()
    assert title == ("stdin", "Flood hits three towns")


def test_articles_without_a_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["articles", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no database" in result.stderr
