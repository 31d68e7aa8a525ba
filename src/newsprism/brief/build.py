"""Assemble the brief and write it as ``newsprism.brief/1`` JSON.

The JSON is a plain serialisation of :class:`newsprism.model.Brief`; the schema
in ``schema/brief-1.json`` (shipped inside the package too) is the contract.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any

from newsprism.model import (
    Article,
    ArticleAnalysis,
    Brief,
    Claim,
    InputWarning,
    QuoteMention,
    Span,
    StoryAlignment,
)


def build_brief(
    articles: list[Article],
    analyses: list[ArticleAnalysis],
    story: StoryAlignment,
    warnings: list[InputWarning],
    *,
    summary_words: int = 200,
) -> Brief:
    from newsprism.analyse.framing import loaded_terms
    from newsprism.brief.summary import summarize
    from newsprism.brief.timeline import build_timeline

    return Brief(
        generated=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        articles=articles,
        analyses=analyses,
        entities=story.entities,
        quotes=story.quotes,
        facts=story.facts,
        coverage=story.coverage,
        timeline=build_timeline(articles, analyses),
        summary=summarize(articles, analyses, story, max_words=summary_words),
        warnings=warnings,
        framing=loaded_terms(articles, analyses),
    )


# --------------------------------------------------------------------------- serialisation


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"article": span.article, "start": span.start, "end": span.end, "text": span.text}


def _mention(m: QuoteMention) -> dict[str, Any]:
    speaker = _span(m.speaker_mention)
    if speaker is not None:
        speaker["entity"] = m.speaker_entity
    return {
        "article": m.article,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind,
        "cue": _span(m.cue),
        "speaker_mention": speaker,
        "speaker_name": m.speaker_name,
        "parts": [_span(p) for p in m.parts],
    }


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "article": c.article,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "value": c.value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "subject": c.subject,
        "property": c.property,
    }


def _article(a: Article, analysis: ArticleAnalysis | None) -> dict[str, Any]:
    return {
        "id": a.id,
        "outlet": a.outlet,
        "source_group": a.source_group,
        "title": a.title,
        "url": a.url,
        "published": a.published,
        "author": a.author,
        "format": a.format,
        "source_path": a.source_path,
        "text": a.text,
        "removed": [asdict(r) for r in a.removed],
        "paragraphs": [asdict(p) for p in analysis.paragraphs] if analysis else [],
        "mixed": analysis.mixed if analysis else False,
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    by_article = {a.article: a for a in brief.analyses}
    return {
        "schema": brief.schema,
        "generated": brief.generated,
        "articles": [_article(a, by_article.get(a.id)) for a in brief.articles],
        "entities": [
            {k: v for k, v in asdict(e).items() if k != "members"} for e in brief.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "text": q.text,
                "kind": q.kind,
                "articles": q.articles,
                "outlets": q.outlets,
                "variants": [asdict(v) for v in q.variants],
                "mentions": [_mention(m) for m in q.mentions],
                "speaker_disagreement": q.speaker_disagreement,
            }
            for q in brief.quotes
        ],
        "facts": [
            {
                "id": f.id,
                "topic": f.topic,
                "status": f.status,
                "claims": [_claim(c) for c in f.claims],
                "source_groups": f.source_groups,
                "explanation": f.explanation,
            }
            for f in brief.facts
        ],
        "coverage": [asdict(row) for row in brief.coverage],
        "timeline": [
            {
                "date": t.date,
                "precision": t.precision,
                "resolved": t.resolved,
                "text": t.text,
                "sources": [_span(s) for s in t.sources],
            }
            for t in brief.timeline
        ],
        "summary": [
            {"text": s.text, "sources": [_span(x) for x in s.sources]} for s in brief.summary
        ],
        "warnings": [asdict(w) for w in brief.warnings],
        "framing": brief.framing,
    }


def brief_to_json(brief: Brief, *, indent: int | None = 2) -> str:
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------- checks


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    return json.loads(resources.files("newsprism").joinpath("schema/brief-1.json").read_text("utf-8"))


def validate_brief(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``data`` breaks the contract."""
    import jsonschema

    jsonschema.validate(data, load_schema())


def iter_spans(data: dict[str, Any]):
    """Every evidence span in a brief dict: (where, span dict)."""
    for q in data["quotes"]:
        for m in q["mentions"]:
            yield f"quote {q['id']}", m
            for key in ("cue", "speaker_mention"):
                if m.get(key):
                    yield f"quote {q['id']} {key}", m[key]
            for part in m.get("parts", []):
                yield f"quote {q['id']} part", part
    for f in data["facts"]:
        for c in f["claims"]:
            yield f"fact {f['id']}", c
    for t in data["timeline"]:
        for s in t["sources"]:
            yield f"timeline {t['date']}", s
    for i, s in enumerate(data["summary"]):
        for src in s["sources"]:
            yield f"summary {i}", src
    for outlet, entry in data.get("framing", {}).get("outlets", {}).items():
        for term in entry["loaded"]:
            for span in term["spans"]:
                yield f"framing {outlet}", span


def span_errors(data: dict[str, Any]) -> list[str]:
    """Every span whose ``text`` is not exactly ``article.text[start:end]``."""
    texts = {a["id"]: a["text"] for a in data["articles"]}
    errors = []
    for where, span in iter_spans(data):
        text = texts.get(span["article"])
        if text is None:
            errors.append(f"{where}: unknown article {span['article']!r}")
        elif text[span["start"] : span["end"]] != span["text"]:
            errors.append(
                f"{where}: {span['article']}[{span['start']}:{span['end']}] is "
                f"{text[span['start']:span['end']]!r}, not {span['text']!r}"
            )
    return errors
