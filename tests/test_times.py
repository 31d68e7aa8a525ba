"""Time expressions: resolved against the publication date, never guessed without one."""

from __future__ import annotations

from datetime import date

from newsprism.analyse.times import extract_times, normalise


def _times(nlp, text, published=None):
    return extract_times(nlp(text), "a", published)


def test_friday_in_past_tense_resolves_to_the_friday_before_publication(nlp):
    # 2025-08-16 is a Saturday: "said Friday" is 2025-08-15.
    times = _times(nlp, "The president said Friday that the talks were productive.", "2025-08-16")
    friday = next(t for t in times if "Friday" in t.text)
    assert (friday.date, friday.precision, friday.relative, friday.resolved) == ("2025-08-15", "day", True, True)


def test_friday_in_future_tense_resolves_to_the_next_friday(nlp):
    times = _times(nlp, "The two leaders will meet again on Friday in Geneva.", "2025-08-16")
    assert next(t for t in times if "Friday" in t.text).date == "2025-08-22"


def test_relative_date_without_publication_date_is_unresolved(nlp):
    times = _times(nlp, "The president said Friday that the talks were productive.")
    friday = next(t for t in times if "Friday" in t.text)
    assert friday.date is None and friday.relative and not friday.resolved


def test_dateline_date_is_used_when_metadata_is_missing(nlp):
    text = "WASHINGTON, Aug. 16, 2025 — The president said Friday that the talks were productive."
    friday = next(t for t in _times(nlp, text) if t.text == "Friday")
    assert friday.date == "2025-08-15"


def test_year_only_resolves_without_publication_date_with_year_precision(nlp):
    times = _times(nlp, "Russia annexed Crimea in 2014, and the war began in February 2022.")
    by_text = {t.text: t for t in times}
    assert (by_text["2014"].date, by_text["2014"].precision, by_text["2014"].resolved) == ("2014", "year", True)
    assert (by_text["February 2022"].date, by_text["February 2022"].precision) == ("2022-02", "month")


def test_event_span_is_exact_clause_of_the_date(nlp):
    text = "Officials said the bridge, which opened in 1998, was closed on Aug. 15, 2025 after a crack was found."
    for t in _times(nlp, text):
        assert text[t.start : t.end] == t.text
        assert t.event is not None and text[t.event.start : t.event.end] == t.event.text
        assert t.text in t.event.text


def test_durations_are_not_dates(nlp):
    assert _times(nlp, "The meeting lasted three hours and the war has gone on for years.", "2025-08-16") == []


def test_normalise_relative_forms():
    ref = date(2025, 8, 16)
    assert normalise("next month", ref).iso == "2025-09"
    assert normalise("three years ago", ref).iso == "2022"
    assert normalise("last week", ref).value == "2025-W32"
    assert normalise("Aug. 15", ref).iso == "2025-08-15"
    assert normalise("Aug. 15", None).resolved is False
    assert normalise("yesterday", ref).iso == "2025-08-15"


def test_a_counterfactual_date_is_found_but_has_no_event_for_the_timeline(nlp):
    text = "He said the war would not have happened had Donald Trump been the U.S. president in 2022."
    t = next(t for t in _times(nlp, text) if t.text == "2022")
    assert t.date == "2022" and t.event is None


def test_a_conditional_date_has_no_event(nlp):
    t = next(t for t in _times(nlp, "If the talks fail in June, new sanctions will follow.") if "June" in t.text)
    assert t.event is None


def test_a_planned_or_past_event_keeps_its_event(nlp):
    for text in ("He said he would meet Putin again in June.", "Russia invaded Ukraine in 2022."):
        assert all(t.event is not None for t in _times(nlp, text))
