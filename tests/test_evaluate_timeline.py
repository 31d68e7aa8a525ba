"""`evaluate timeline` on the bundled TempEval-3 platinum copy: it runs on a fresh clone, with baselines."""

from pathlib import Path

from newsprism.evaluate.timeline import BUNDLED, load_tempeval3, run


def test_the_bundled_tempeval3_copy_is_found_when_the_data_dir_lacks_it(tmp_path: Path):
    docs = load_tempeval3(tmp_path)
    assert len(docs) == 20 == len(list(BUNDLED.glob("*.tml")))
    assert all(d.dct and d.text for d in docs)


def test_two_documents_score_with_dateparser_baselines_in_the_same_run(tmp_path: Path, nlp):
    report = run("tempeval3", tmp_path, limit=2)
    assert report.extra["documents"] == 2 and report.extra["gold_dates"] > 0
    assert set(report.baselines) == {"spacy+dateparser", "dateparser"}
    assert report.metrics["value_accuracy"] >= report.baselines["dateparser"]["value_accuracy"]
