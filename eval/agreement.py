"""Inter-annotator agreement on the facts gold: two independent annotations of the same clusters.

    .venv/bin/python eval/agreement.py eval/gold/multinews-facts-blind2.jsonl \
        eval/gold/multinews-facts-agreement-120-125.jsonl

Units are the ones the system is scored on (src/newsprism/evaluate/facts.py): for each status, the
pairs of claims from different source groups that an annotator puts in one group of that status; for
quotes, the pairs of mentions in different documents of one utterance. A pair of annotator A agrees
with a pair of annotator B when both claims overlap (same document, character ranges intersect).
Reported: pairs of each annotator, agreed pairs, and F1 taking either side as the reference (pair
F1 is symmetric); and the same at group level (a group is matched when one of its pairs agrees with a
pair of a group of the same status on the other side), which does not weigh big groups more. Only
clusters both files hold are compared.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

Mention = tuple[int, int, int]  # doc, start, end


def load(path: Path) -> dict[int, dict]:
    return {c["cluster"]: c for c in map(json.loads, path.read_text("utf-8").splitlines()) if c}


def fact_groups(cluster: dict, status: str) -> list[list[tuple[Mention, Mention]]]:
    """Each group of the status as its cross-source-group claim pairs."""
    groups = cluster["source_groups"]
    out = []
    for fact in cluster["facts"]:
        if fact["status"] == status:
            claims = [(c["doc"], c["start"], c["end"]) for c in fact["claims"]]
            out.append([(a, b) for a, b in combinations(claims, 2) if groups[a[0]] != groups[b[0]]])
    return out


def fact_pairs(cluster: dict, status: str) -> list[tuple[Mention, Mention]]:
    return [p for group in fact_groups(cluster, status) for p in group]


def quote_pairs(cluster: dict) -> list[tuple[Mention, Mention]]:
    out = []
    for group in cluster["quotes"]:
        mentions = [(m["doc"], m["start"], m["end"]) for m in group]
        out += [(a, b) for a, b in combinations(mentions, 2) if a[0] != b[0]]
    return out


def _overlap(a: Mention, b: Mention) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _same_pair(p: tuple[Mention, Mention], q: tuple[Mention, Mention]) -> bool:
    return (_overlap(p[0], q[0]) and _overlap(p[1], q[1])) or (_overlap(p[0], q[1]) and _overlap(p[1], q[0]))


def agreement(pairs_a: list, pairs_b: list) -> dict[str, float | int | None]:
    a_found = sum(any(_same_pair(p, q) for q in pairs_b) for p in pairs_a)
    b_found = sum(any(_same_pair(q, p) for p in pairs_a) for q in pairs_b)
    precision = b_found / len(pairs_b) if pairs_b else None
    recall = a_found / len(pairs_a) if pairs_a else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if pairs_a or pairs_b else None)
    return {"pairs_a": len(pairs_a), "pairs_b": len(pairs_b), "a_in_b": a_found, "b_in_a": b_found, "f1": f1}


def main(path_a: str, path_b: str) -> dict:
    a, b = load(Path(path_a)), load(Path(path_b))
    shared = sorted(set(a) & set(b))
    result = {"clusters": shared}
    for status in ("corroborated", "disputed"):
        result[status] = agreement(
            [p for c in shared for p in fact_pairs(a[c], status)], [p for c in shared for p in fact_pairs(b[c], status)]
        )
        groups_a = [g for c in shared for g in fact_groups(a[c], status)]
        groups_b = [g for c in shared for g in fact_groups(b[c], status)]
        matched_a = sum(any(_same_pair(p, q) for p in g for h in groups_b for q in h) for g in groups_a)
        matched_b = sum(any(_same_pair(p, q) for p in g for h in groups_a for q in h) for g in groups_b)
        result[status + "_groups"] = {"groups_a": len(groups_a), "groups_b": len(groups_b),
                                      "a_matched": matched_a, "b_matched": matched_b}
    result["quotes"] = agreement([p for c in shared for p in quote_pairs(a[c])], [p for c in shared for p in quote_pairs(b[c])])
    result["source_groups_identical"] = sum(a[c]["source_groups"] == b[c]["source_groups"] for c in shared)
    return result


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:3]), indent=1))
