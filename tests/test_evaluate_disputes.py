"""Judged-precision disputes task on ECB+: story reader, judgment spans, matcher, precision maths."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.evaluate import disputes as D

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
ROOT = DATA / D.CORPUS
needs_corpus = pytest.mark.skipif(not ROOT.is_dir(), reason=f"ECB+ corpus not found at {ROOT} (shared/data/ecb-plus)")


def _doc(name: str, sentences: list[list[str]]) -> str:
    tokens = []
    t = 1
    for s, words in enumerate(sentences):
        for n, w in enumerate(words):
            tokens.append(f'<token t_id="{t}" sentence="{s}" number="{n}">{w}</token>')
            t += 1
    return f'<Document doc_name="{name}.xml">{"".join(tokens)}<Markables/><Relations/></Document>'


def _tiny_corpus(tmp_path: Path) -> Path:
    for topic in (1, 36):
        folder = tmp_path / str(topic)
        folder.mkdir()
        for n in (1, 2, 10):
            for kind in ("ecb", "ecbplus"):
                stem = f"{topic}_{n}{kind}"
                (folder / f"{stem}.xml").write_text(
                    _doc(stem, [["Five", "people", "died", "."], ["It", "cost", "$", "3", "million", "."]]))
    return tmp_path


def test_each_topic_gives_two_stories_an_ecb_one_and_an_ecbplus_one(tmp_path):
    root = _tiny_corpus(tmp_path)
    stories = D.read_stories(root, (1, 36))
    assert [s.name for s in stories] == ["1_ecb", "1_ecbplus", "36_ecb", "36_ecbplus"]
    assert [stem for stem, _ in stories[1].docs] == ["1_1ecbplus", "1_2ecbplus", "1_10ecbplus"]
    assert all(stem.endswith("ecb") for stem, _ in stories[0].docs)


def test_document_text_is_every_sentence_detokenised_one_a_line(tmp_path):
    root = _tiny_corpus(tmp_path)
    assert D.document_text(root / "1" / "1_1ecb.xml") == "Five people died.\nIt cost $3 million."


def test_a_split_page_address_line_is_rejoined_whole():
    assert D.rejoin_line("http: / / www. x. com / 2013 / a _ b. htm") == "http://www.x.com/2013/a_b.htm"
    assert D.rejoin_line("It cost $3, 000.") == "It cost $3,000."


def test_story_articles_go_through_ingest_address_and_stamp_become_metadata():
    story = D.Story("1_ecbplus", (
        ("1_1ecbplus", "http://www.example.com/news/a.htm\nMay 2, 2013\nFive people died in the fire on Monday, police said."),
        ("1_2ecbplus", "Officials said six people died in the fire on Monday, and two were hurt."),
    ))
    first, second = D.story_articles(story)
    assert first.url == "http://www.example.com/news/a.htm" and first.text.startswith("Five people died")
    assert first.source_group != second.source_group


def test_limit_counts_stories(tmp_path):
    assert len(D.read_stories(_tiny_corpus(tmp_path), (1, 36), limit=3)) == 3


def test_train_dev_and_test_splits_are_disjoint_and_cover_the_corpus(tmp_path):
    root = _tiny_corpus(tmp_path)
    assert D.split_topics(root, "ecb-plus-judged") == (1,)
    assert D.split_topics(root, "ecb-plus-judged-test") == tuple(range(36, 46))


@needs_corpus
def test_real_corpus_has_43_topics_split_35_and_8_and_two_stories_each():
    dev, test = D.split_topics(ROOT, "ecb-plus-judged"), D.split_topics(ROOT, "ecb-plus-judged-test")
    assert not set(dev) & set(test)
    assert len(dev) == 33 and len([t for t in test if (ROOT / str(t)).is_dir()]) == 10
    stories = D.read_stories(ROOT, (36,))
    assert [s.name for s in stories] == ["36_ecb", "36_ecbplus"]
    assert all(D.sub_story(stem) == s.name for s in stories for stem, _ in s.docs)


@needs_corpus
def test_every_judged_span_is_exact_in_the_ingested_story_text():
    judgments = D.load_judgments()
    if not judgments:
        pytest.skip("no judgments committed yet")
    stories = {pair.story for pair, _ in judgments}
    texts: dict[str, str] = {}
    for topic in sorted({int(s.split("_")[0]) for s in stories}):
        for story in D.read_stories(ROOT, (topic,)):
            if story.name in stories:
                texts.update((a.id, a.text) for a in D.story_articles(story))
    for pair, row in judgments:
        assert row["verdict"] in D.VERDICTS and row["why"].strip()
        assert row["dataset"] in D.DATASETS
        for side in (pair.a, pair.b):
            assert D.sub_story(side.doc) == pair.story
            assert texts[side.doc][side.start:side.end] == side.text, (pair.story, side)


def _pair(story="1_ecb", a=("1_1ecb", 10, 20), b=("1_2ecb", 30, 40)) -> D.Pair:
    return D.Pair(story, D.Side(a[0], a[1], a[2], "x"), D.Side(b[0], b[1], b[2], "y"))


def test_a_flag_matches_a_judged_pair_whose_spans_overlap_in_either_order():
    judged = _pair()
    assert D.matches(_pair(a=("1_1ecb", 15, 25), b=("1_2ecb", 25, 31)), judged)
    assert D.matches(_pair(a=("1_2ecb", 35, 36), b=("1_1ecb", 19, 22)), judged)


def test_a_flag_on_another_document_or_story_or_disjoint_span_does_not_match():
    judged = _pair()
    assert not D.matches(_pair(b=("1_3ecb", 30, 40)), judged)
    assert not D.matches(_pair(story="1_ecbplus"), judged)
    assert not D.matches(_pair(a=("1_1ecb", 20, 25)), judged)  # touching at 20 is no overlap


def test_unjudged_flags_are_counted_apart_and_left_out_of_precision():
    judgments = [(_pair(), {"verdict": "dispute"}), (_pair(b=("1_3ecb", 0, 5)), {"verdict": "no_dispute"})]
    verdicts = [D.verdict_of(p, judgments) for p in (_pair(), _pair(b=("1_3ecb", 1, 2)), _pair(b=("1_4ecb", 0, 5)))]
    assert verdicts == ["dispute", "no_dispute", None]
    m = D.judged_metrics(verdicts)
    assert (m["pairs_flagged"], m["pairs_correct"], m["pairs_wrong"], m["pairs_unjudged"]) == (3, 1, 1, 1)
    assert m["judged_precision"] == 0.5


def test_wilson_interval_matches_known_values():
    low, high = D.wilson_interval(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    low, high = D.wilson_interval(0, 5)
    assert low == 0.0 and high == pytest.approx(0.4345, abs=1e-4)
    assert D.wilson_interval(0, 0) is None


def test_baseline_sample_is_fixed_and_stable_when_unrelated_pairs_are_added():
    pairs = [_pair(a=("1_1ecb", i, i + 1)) for i in range(100)]
    pairs = [D.Pair(p.story, D.Side(p.a.doc, p.a.start, p.a.end, f"v{p.a.start}"), p.b) for p in pairs]
    first = D.sample_pairs(pairs, 10)
    assert len(first) == 10 and first == D.sample_pairs(list(reversed(pairs)), 10)
    extra = [D.Pair("2_ecb", D.Side("2_1ecb", 0, 1, f"w{i}"), D.Side("2_2ecb", 0, 1, "z")) for i in range(5)]
    kept = D.sample_pairs(pairs + extra, 10)
    assert set(first) - set(kept) == {p for p in first if p not in kept}  # only displaced by the new pairs
    assert all(p in first or p in extra for p in kept)


def test_split_numbers_and_abbreviations_are_rejoined_but_lists_stay_apart():
    assert D.rejoin_numbers("gave up just after 6: 00 p. m. in the U. S.") == "gave up just after 6:00 p.m. in the U.S."
    assert D.rejoin_numbers("fell 2, 000 feet; Windows 8. 1") == "fell 2,000 feet; Windows 8.1"
    assert D.rejoin_numbers("Posted September 26, 2013-3: 47pm") == "Posted September 26, 2013-3:47pm"
    assert D.rejoin_numbers("in 2009, 2010 and IE6, 7, 8") == "in 2009, 2010 and IE6, 7, 8"
    assert D.rejoin_numbers("the 6-foot-9, 260-pound center; 1, 500, 000 people") == \
        "the 6-foot-9, 260-pound center; 1,500,000 people"


def test_a_fact_counts_correct_when_one_pair_is_a_dispute_and_wrong_only_when_all_are_not():
    def p(fact, start):
        return D.Pair("1_ecb", D.Side("1_1ecb", start, start + 1, "x"), D.Side("1_2ecb", 0, 1, "y"), fact=fact)
    pairs = [p("f1", 0), p("f1", 5), p("f2", 10), p("f2", 20), p("f3", 30)]
    m = D.fact_metrics(pairs, ["no_dispute", "dispute", "no_dispute", "no_dispute", None])
    assert (m["facts_correct"], m["facts_wrong"], m["facts_unjudged"]) == (1, 1, 1)
    assert m["fact_judged_precision"] == 0.5


@needs_corpus
def test_one_story_smoke_run_reports_pair_and_baseline_figures():
    report = D.run("ecb-plus-judged", DATA, limit=1)
    assert report.task == "disputes" and report.metrics["stories"] == 1
    assert report.metrics["pairs_flagged"] == report.metrics["pairs_correct"] + report.metrics["pairs_wrong"] \
        + report.metrics["pairs_unjudged"]
    baseline = report.baselines["same-number baseline (judged sample)"]
    assert baseline["pairs_sampled"] == min(D.BASELINE_SAMPLE, baseline["pairs_flagged"])
