"""`newsprism evaluate extraction`: the benchmark's own scorer, our ingest and the baseline, same pages."""

from __future__ import annotations

from newsprism.evaluate.extraction import load_scorer, run


def test_scorer_is_the_benchmarks_own(shared_data):
    scorer = load_scorer(shared_data / "article-extraction-benchmark")
    tp, fp, fn = scorer.string_shingle_matching(true="one two three four five", pred="one two three four")
    assert (tp, fp, fn) == (0.5, 0.0, 0.5)


def test_smoke_run_reports_ours_and_baselines(shared_data):
    output = shared_data / "article-extraction-benchmark" / "output"
    before = sorted(p.name for p in output.iterdir())
    report = run("article-extraction-benchmark", shared_data, limit=3)
    assert set(report.metrics) >= {"f1", "precision", "recall", "accuracy"}
    assert all(0.0 <= v <= 1.0 for v in report.metrics.values())
    assert "trafilatura (defaults, this run)" in report.baselines
    assert report.summary_json().startswith('{"task": "extraction"')
    assert sorted(p.name for p in output.iterdir()) == before  # nothing written into their output/
