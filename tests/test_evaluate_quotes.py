"""The quote evaluation: GGT's scorer reproduced on hand-made pairs, PolNeAR span scoring, and a smoke run."""

from __future__ import annotations

import json

import pytest

from newsprism.evaluate import quotes as evq
from newsprism.evaluate import quotes_ggt as ggt
from newsprism.evaluate import quotes_polnear as pn


def q(start: int, end: int, speaker: tuple[int, int] | None = None, speaker_text: str = "", **kw) -> ggt.Quote:
    return ggt.Quote(quote=(start, end), speaker=speaker, speaker_text=speaker_text or ("x" if speaker else ""), **kw)


# --------------------------------------------------------------------------- GGT scorer


def test_ggt_half_overlap_matches_at_0_3_but_not_at_0_8():
    gold, pred = [q(0, 100)], [q(50, 200)]
    assert ggt.compare(gold, pred, 0.3).tp == 1
    at_08 = ggt.compare(gold, pred, 0.8)
    assert at_08.tp == 0 and len(at_08.missed) == 1 and len(at_08.spurious) == 1


def test_ggt_overlap_is_measured_against_the_gold_span_only():
    # A prediction ten times longer than the gold still covers all of it: score 1.0.
    assert ggt.overlap_score((10, 20), (0, 100)) == 1.0
    assert ggt.overlap_score((0, 100), (10, 20)) == 0.1


def test_ggt_threshold_is_strict():
    assert ggt.compare([q(0, 10)], [q(7, 10)], 0.3).tp == 0  # exactly 0.3 is not above it


def test_ggt_each_prediction_matches_one_gold_quote_at_most():
    score = ggt.compare([q(0, 10), q(0, 10)], [q(0, 10)], 0.3)
    assert score.tp == 1 and len(score.missed) == 1 and not score.spurious


def test_ggt_gold_takes_the_best_overlapping_prediction():
    score = ggt.compare([q(0, 10)], [q(5, 10), q(0, 9)], 0.3)
    assert score.matches[0].pred.quote == (0, 9)


def test_ggt_speaker_matches_on_any_overlap():
    gold = q(0, 10, speaker=(20, 33), speaker_text="Donald Trump")
    assert ggt.speaker_matches(gold, q(0, 10, speaker=(27, 33)))
    assert not ggt.speaker_matches(gold, q(0, 10, speaker=(40, 45)))
    assert not ggt.speaker_matches(gold, q(0, 10))


def test_ggt_gold_without_speaker_is_credited_only_to_a_floating_prediction():
    gold = q(0, 10)
    assert ggt.speaker_matches(gold, q(0, 10, floating=True))
    assert not ggt.speaker_matches(gold, q(0, 10, speaker=(20, 25), floating=False))


def test_ggt_metrics_are_micro_averaged_with_speaker_accuracy_over_matches():
    pairs = [
        ([q(0, 10, speaker=(20, 25))], [q(0, 10, speaker=(20, 25))]),
        ([q(0, 10, speaker=(20, 25)), q(50, 60)], [q(0, 10, speaker=(30, 35)), q(80, 90)]),
    ]
    metrics, _ = ggt.score_corpus(pairs, thresholds=(0.3,))
    assert metrics["quote_precision_0.3"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["quote_recall_0.3"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["speaker_acc_0.3"] == 0.5


def test_pronoun_resolution_judges_only_marked_he_she_and_compares_surnames():
    he = (20, 22)
    gold = [
        q(0, 10, speaker=he, speaker_text="he", reference="Vladimir Putin"),
        q(30, 40, speaker=(50, 53), speaker_text="she", reference="Jane Doe"),
        q(60, 70, speaker=(80, 82), speaker_text="He", reference="Donald Trump"),
        q(90, 99, speaker=(95, 97), speaker_text="he", reference=""),  # no reference: not judged
        q(100, 110, speaker=(120, 132), speaker_text="Donald Trump", reference="Donald Trump"),  # a name
    ]
    pred = [
        q(0, 10, speaker=he, speaker_text="he", reference="Putin"),  # surname matches: right
        q(30, 40, speaker=(50, 53), speaker_text="she", reference="Mary Smith"),  # wrong person
        q(60, 70, speaker=(75, 79), speaker_text="Aide"),  # marked another span: not judged
        q(90, 99, speaker=(95, 97), speaker_text="he", reference="Putin"),
        q(100, 110, speaker=(120, 132), speaker_text="Donald Trump", reference="Donald Trump"),
    ]
    acc, n = ggt.pronoun_resolution([ggt.compare(gold, pred, 0.3)])
    assert (acc, n) == (0.5, 2)
    assert ggt.pronoun_resolution([ggt.compare(gold[4:], pred[4:], 0.3)]) == (None, 0)


def test_a_pronoun_left_as_the_name_is_not_the_person():
    assert not ggt.same_person("Vladimir Putin", "he")
    assert not ggt.same_person("Vladimir Putin", "")
    assert ggt.same_person("Vladimir Putin", "Mr. Putin")
    assert ggt.same_person("Trump", "Donald J. Trump")
    assert ggt.same_person("Jody Wilson-Raybould", "Wilson Raybould")


def test_ggt_repairs_two_arrays_run_together_and_drops_the_repeat():
    item = {"speaker": "A", "quote": "x"}
    cell = json.dumps([item, {"speaker": "B", "quote": "y"}]).rstrip("]") + "\n[" + json.dumps([item])[1:]
    assert [i["speaker"] for i in ggt.parse_quotations(cell)] == ["A", "B"]


def test_ggt_reads_an_id_with_a_missing_parenthesis():
    assert ggt.article_id("ObjectId5c5418cc795bd22bf37ca606)") == "5c5418cc795bd22bf37ca606"
    assert ggt.article_id("ObjectId(5c5418cc795bd22bf37ca606)") == "5c5418cc795bd22bf37ca606"


def test_ggt_reanchors_a_drifted_quote_at_the_nearest_occurrence():
    text = '"Yes," she said. Later: "Yes," he said.'
    quote, found = ggt.gold_quote(
        text, {"quote": '"Yes,"', "quote_index": "(26,32)", "speaker": "he", "speaker_index": "(33,35)"}
    )
    assert found and quote.quote == (24, 30) and text[slice(*quote.speaker)] == "he"
    assert quote.speaker == (31, 33)


# --------------------------------------------------------------------------- PolNeAR scorer


def test_polnear_reads_brat_roles_and_takes_the_hull_of_discontinuous_spans():
    ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tab\nT4\tAttribution 6 10\tsaid\n"
    spans = pn.parse_ann(ann)
    assert spans == {"source": {(0, 5)}, "cue": {(6, 10)}, "content": {(11, 30)}}


def test_polnear_exact_needs_both_ends_and_overlap_any_shared_character():
    text = "x" * 100
    gold = {"content": {(0, 10), (20, 30)}}
    pred = {"content": {(0, 10), (25, 40)}}
    metrics, _ = pn.score_corpus([(text, gold, pred)])
    assert metrics["content_f1_exact"] == 0.5
    assert metrics["content_f1_overlap"] == 1.0


def test_polnear_overlap_matching_is_one_to_one():
    assert pn.overlap_matches({(0, 10), (10, 20)}, {(0, 20)}) == 1


# --------------------------------------------------------------------------- span conventions


def test_direct_quote_span_is_widened_to_its_marks():
    text = 'He said: “We will win,” and left.'
    start = text.index("We")
    assert text[slice(*evq.with_marks(text, start, start + len("We will win,")))] == "“We will win,”"
    # a mention that left the comma outside still reaches the closing mark
    assert text[slice(*evq.with_marks(text, start, start + len("We will win")))] == "“We will win,”"


def test_a_quote_whose_speaker_is_in_another_sentence_is_floating(nlp):
    doc = nlp('Trump spoke at length. "We will win." He left.')
    bounds = evq.sentence_bounds(doc)
    content = (doc.text.index("We"), doc.text.index("win") + 3)
    assert evq.is_floating(bounds, content, (0, 5))
    assert evq.is_floating(bounds, content, None)
    assert not evq.is_floating(bounds, content, (doc.text.index('"We'), doc.text.index('"We') + 1))


def test_a_partial_quote_inside_reported_speech_is_folded_into_it():
    outer = evq.Found(content=(0, 50), kind="indirect")
    partial = evq.Found(content=(20, 30), kind="partial")
    elsewhere = evq.Found(content=(60, 70), kind="direct")
    assert evq.fold_nested([partial, outer, elsewhere, outer]) == [outer, elsewhere]


def test_each_piece_of_a_split_quote_is_its_own_ggt_quote_and_one_polnear_content():
    split = evq.Found(
        content=(0, 60), kind="direct", speaker=(25, 30), pieces=(((0, 20), False), ((40, 60), True))
    )
    assert [q.quote for q in evq.to_ggt(split)] == [(0, 20), (40, 60)]
    assert [q.floating for q in evq.to_ggt(split)] == [False, True]
    assert evq.to_roles([split])["content"] == {(0, 60)}


# --------------------------------------------------------------------------- smoke runs (real data)


def test_ggt_smoke_run_scores_three_articles(shared_data):
    report = evq.run("gender-gap-tracker", shared_data, 3)
    for key in ("quote_f1_0.3", "quote_f1_0.8", "speaker_acc_0.3", "speaker_acc_0.8"):
        assert 0.0 <= report.metrics[key] <= 1.0
        assert 0.0 <= report.baselines["textacy"][key] <= 1.0
    last = json.loads(report.summary_json())
    assert last["task"] == "quotes" and last["dataset"] == "gender-gap-tracker"


def test_polnear_smoke_run_scores_two_dev_articles(shared_data):
    report = evq.run("polnear-dev", shared_data, 2)
    for role in pn.ROLES:
        for mode in ("exact", "overlap"):
            assert 0.0 <= report.metrics[f"{role}_f1_{mode}"] <= 1.0
    assert "textacy" in report.baselines


def test_ggt_scorer_agrees_with_the_published_script_on_real_articles(shared_data, nlp, monkeypatch):
    """Our compare() against GGT's own compare_res (HEAD 5501de3), run from the dataset folder."""
    import importlib.util
    import types

    script = shared_data / "gender-gap-tracker" / "eval_scripts_HEAD_5501de3" / "src__evaluate_quotes.py"
    spec = importlib.util.spec_from_file_location("ggt_evaluate_quotes", script)
    module = importlib.util.module_from_spec(spec)
    # pandas is imported at the script's top but unused by compare_res (and not a dependency of ours)
    monkeypatch.setitem(__import__("sys").modules, "pandas", types.ModuleType("pandas"))
    spec.loader.exec_module(module)

    def as_json(quote: ggt.Quote, floating: bool | None = None) -> dict:
        index = lambda r: f"({r[0]},{r[1]})" if r else ""  # noqa: E731
        item = {"quote_index": index(quote.quote), "speaker_index": index(quote.speaker),
                "speaker": quote.speaker_text, "verb": quote.verb}
        if floating is not None:
            item["is_floating_quote"] = floating
        return item

    articles = ggt.load_ggt(shared_data / "gender-gap-tracker", 3)
    preds = evq.predict([a.id for a in articles], [a.text for a in articles])
    for name in ("newsprism", "textacy"):
        for article, found in zip(articles, preds[name].found):
            pred = [q for f in found for q in evq.to_ggt(f)]
            for threshold in ggt.THRESHOLDS:
                ours = ggt.compare(article.quotes, pred, threshold)
                theirs = module.compare_res(
                    [as_json(g) for g in article.quotes], [as_json(p, p.floating) for p in pred], threshold
                )
                assert ours.tp == theirs["true_positive"]
                assert len(ours.spurious) == theirs["false_positive"]
                assert len(ours.missed) == theirs["false_negative"]
                assert sum(m.speaker for m in ours.matches) == theirs["n_speaker_match"]
                assert sum(m.verb for m in ours.matches) == theirs["n_verb_match"]
