"""The brief contract newsprism.brief/1: schema-valid, and every span exact."""

import json

from newsprism.brief.build import span_errors, validate_brief


def test_example_brief_validates_against_schema(example_brief_dict):
    validate_brief(example_brief_dict)
    assert example_brief_dict["schema"] == "newsprism.brief/1"


def test_every_span_in_example_brief_is_exact(example_brief_dict):
    assert span_errors(example_brief_dict) == []


def test_span_errors_reports_a_wrong_offset(example_brief_dict):
    data = json.loads(json.dumps(example_brief_dict))
    article = data["articles"][0]
    data["summary"] = [{"text": "x", "sources": [{"article": article["id"], "start": 0, "end": 5, "text": "wrong"}]}]
    assert len(span_errors(data)) == 1
