"""`newsprism analyze`: the brief on stdout and nothing else, several outputs from one run, exit codes."""

import json

from typer.testing import CliRunner

from newsprism.brief.build import span_errors, validate_brief
from newsprism.cli import app

runner = CliRunner()

STORY = (
    "Talks end without a deal\n"
    "The two leaders met for nearly three hours on Friday in the capital and agreed to meet again next month, officials said.\n"
    "“We made some headway,” the mayor, Jane Doe, said after the meeting.\n"
)


def _write_story(tmp_path):
    src = tmp_path / "story.txt"
    src.write_text(STORY, encoding="utf-8")
    return src


def test_analyze_prints_only_a_valid_brief_on_stdout(tmp_path):
    src = _write_story(tmp_path)
    result = runner.invoke(app, ["analyze", str(src), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)  # stdout is exactly one JSON document
    validate_brief(brief)
    assert span_errors(brief) == []
    assert brief["articles"][0]["text"].startswith("The two leaders")


def test_analyze_writes_each_output_in_the_format_its_name_says(tmp_path):
    src = _write_story(tmp_path)
    outs = [tmp_path / "out" / name for name in ("b.json", "b.md", "b.html")]
    args = ["analyze", str(src), "--db", str(tmp_path / "n.db")]
    for path in outs:
        args += ["-o", str(path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(outs[0].read_text())["schema"] == "newsprism.brief/1"
    assert outs[1].read_text().startswith("#")
    assert outs[2].read_text().lstrip().lower().startswith("<!doctype html>")


def test_analyze_exits_1_when_nothing_is_usable(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(empty), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty.txt" in result.stderr


def test_analyze_exits_2_on_a_usage_error(tmp_path):
    result = runner.invoke(app, ["analyze", "--format", "pdf", str(tmp_path)])
    assert result.exit_code == 2


def test_evaluate_names_the_unknown_task(tmp_path):
    result = runner.invoke(app, ["evaluate", "nonsense", "--dataset", "x"])
    assert result.exit_code == 2
    assert "unknown evaluation task" in result.stderr


def test_the_brief_does_not_depend_on_the_process_string_hash(tmp_path):
    """Two processes with different hash seeds give the same brief (set order once named fact topics)."""
    import os
    import subprocess
    import sys

    stories = {  # three wordings of one share, one subject each: a tie
        "a.txt": "Storm hits coast\nThe storm killed 12 people in Ashton and 3 in Bayford on Monday, the governor, "
                 "Ann Lee, said. Russian forces control roughly 20% of Ukraine's territory, officials said.\n",
        "b.txt": "Twelve dead in storm\nThe storm killed 12 people in the town of Ashton on Monday, officials said. "
                 "Russia controls about one-fifth of Ukraine, analysts said.\n",
        "c.txt": "Coast storm toll rises\nAt least 14 people died in Ashton after Monday's storm, police said. "
                 "Russia holds about a fifth of Ukrainian territory.\n",
    }
    story = tmp_path / "story"
    story.mkdir()
    for name, text in stories.items():
        (story / name).write_text(text, encoding="utf-8")
    briefs = []
    for seed in ("1", "2"):
        out = tmp_path / f"brief-{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "newsprism.cli", "analyze", str(story), "--db",
                               str(tmp_path / f"{seed}.db"), "-o", str(out)], env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        brief = json.loads(out.read_text("utf-8"))
        brief.pop("generated")
        briefs.append(brief)
    assert briefs[0] == briefs[1]
