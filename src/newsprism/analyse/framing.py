"""Framing: loaded terms an outlet uses for the same people and things where others use neutral ones.

A small, explainable comparison with counts, not a model. ``LEXICON`` pairs loaded words with
the neutral words for the same concept (from common style-guide advice: "regime" / "government",
"slammed" / "criticised", "claimed" / "said", "illegal alien" / "undocumented immigrant" ...).
Only the outlet's own words count: quotations are masked, since a quoted "regime" is the
speaker's word, not the outlet's. A *contrast* is reported for a concept when one outlet uses
its loaded term and another outlet covering the same story uses only the neutral wording.

``loaded_terms(articles, analyses=None)`` returns a plain dict (JSON-ready):
``{"method", "outlets": {outlet: {"articles", "loaded": [{"term", "concept", "neutral", "count",
"spans"}]}}, "contrasts": [{"concept", "loaded", "neutral", "by_outlet": {outlet: {"loaded",
"neutral"}}, "explanation"}]}``; every span is exact (``article.text[start:end] == text``).
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.model import Article, ArticleAnalysis

# concept: (loaded forms, neutral forms). Forms are regular expressions over whole words.
LEXICON: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "government": (("regimes?",), ("governments?", "administrations?", "authorities")),
    "national leader": (("dictators?", "strongm[ae]n", "despots?", "tyrants?", "autocrats?"), ("leaders?", "presidents?", "rulers?")),
    "criticised": (("slammed", "blasted", "ripped into", "lashed out at", "torched", "eviscerated"), ("critici[sz]ed",)),
    "said (doubting)": (("claimed", "insisted"), ("said",)),
    "said (conceding)": (("admitted",), ("acknowledged", "said")),
    "said (mocking)": (("boasted", "bragged", "gloated", "whined", "ranted"), ("said",)),
    "armed group": (("terrorists?",), ("militants?", "fighters", "gunmen", "attackers")),
    "undocumented immigrants": (("illegal aliens?", "illegals"), ("undocumented immigrants?", "migrants?", "immigrants?")),
    "protest": (("riots?", "mobs?"), ("protests?", "demonstrations?", "crowds?")),
    "killing": (("massacres?", "slaughter(?:ed)?", "butcher(?:ed|y)"), ("killings?", "killed", "attacks?")),
    "allies": (("cronies", "henchm[ae]n", "puppets?"), ("allies", "associates", "ally")),
    "plan": (("schemes?", "ploys?"), ("plans?", "proposals?")),
    "concession": (("capitulation", "appeasement", "caved"), ("concessions?", "compromise", "agreed")),
    "statements": (("propaganda",), ("statements?", "messaging")),
    "tax cut": (("tax relief",), ("tax cuts?",)),
    "estate tax": (("death tax",), ("estate tax",)),
    "scare quotes": (("so-called",), ()),
}
OUTSIDE_QUOTES = re.compile(r"“[^”\n]*(?:”|(?=\n)|$)|\"[^\"\n]*\"")


def _compiled(forms: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.I) if forms else None


PATTERNS = {concept: (_compiled(loaded), _compiled(neutral)) for concept, (loaded, neutral) in LEXICON.items()}


def _masked(article: Article, analysis: ArticleAnalysis | None) -> str:
    """The article text with quotations blanked out (same length, so offsets hold)."""
    chars = list(article.text)
    ranges = [(m.start(), m.end()) for m in OUTSIDE_QUOTES.finditer(article.text)]
    if analysis is not None:
        ranges += [(q.start, q.end) for q in analysis.quotes]
    for s, e in ranges:
        for i in range(max(0, s), min(len(chars), e)):
            chars[i] = " "
    return "".join(chars)


def _outlet(article: Article) -> str:
    return article.outlet or article.source_group or article.id


def loaded_terms(articles: list[Article], analyses: list[ArticleAnalysis] | None = None) -> dict[str, Any]:
    by_id = {a.article: a for a in analyses or []}
    outlets: dict[str, dict[str, Any]] = {}
    counts: dict[str, dict[str, dict[str, int]]] = {c: {} for c in LEXICON}
    terms_seen: dict[str, dict[str, set[str]]] = {c: {} for c in LEXICON}
    for article in articles:
        outlet = _outlet(article)
        entry = outlets.setdefault(outlet, {"articles": [], "loaded": []})
        entry["articles"].append(article.id)
        text = _masked(article, by_id.get(article.id))
        for concept, (loaded_re, neutral_re) in PATTERNS.items():
            tally = counts[concept].setdefault(outlet, {"loaded": 0, "neutral": 0})
            if neutral_re is not None:
                tally["neutral"] += len(neutral_re.findall(text))
            if loaded_re is None:
                continue
            by_term: dict[str, list[dict[str, Any]]] = {}
            for m in loaded_re.finditer(text):
                span = {"article": article.id, "start": m.start(), "end": m.end(), "text": article.text[m.start() : m.end()]}
                by_term.setdefault(m.group().lower(), []).append(span)
            for term, spans in by_term.items():
                tally["loaded"] += len(spans)
                terms_seen[concept].setdefault(outlet, set()).add(term)
                existing = next((u for u in entry["loaded"] if u["term"] == term), None)
                if existing:
                    existing["count"] += len(spans)
                    existing["spans"].extend(spans)
                else:
                    entry["loaded"].append(
                        {"term": term, "concept": concept, "neutral": list(LEXICON[concept][1]), "count": len(spans), "spans": spans}
                    )
    contrasts = []
    for concept, per_outlet in counts.items():
        users = [o for o, t in per_outlet.items() if t["loaded"]]
        neutral_only = [o for o, t in per_outlet.items() if not t["loaded"] and t["neutral"]]
        if not users or not neutral_only:
            continue
        for term in sorted({t for o in users for t in terms_seen[concept].get(o, set())}):
            term_users = [o for o in users if term in terms_seen[concept].get(o, set())]
            contrasts.append(
                {
                    "concept": concept,
                    "loaded": term,
                    "neutral": list(LEXICON[concept][1]),
                    "by_outlet": {o: dict(t) for o, t in per_outlet.items() if t["loaded"] or t["neutral"]},
                    "explanation": (
                        f"{', '.join(term_users)} write “{term}” where {', '.join(neutral_only)} use only neutral "
                        f"wording for {concept} (quotations not counted)"
                    ),
                }
            )
    return {
        "method": "lexicon of loaded/neutral pairs, counted outside quotations, per outlet",
        "outlets": outlets,
        "contrasts": contrasts,
    }
