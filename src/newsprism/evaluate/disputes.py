"""``newsprism evaluate disputes --dataset ecb-plus-judged``: judged precision of flagged disputes (ECB+, BASIL).

Why: the Multi-News gold sets hold few disputes and the rules flag few, so disputed precision on unseen
stories rests on a handful of flags. ECB+ (``<data_dir>/ecb-plus``, CC BY 3.0) has 982 real news articles
in 43 topics; each topic has two sub-stories (``*ecb.xml`` one event, ``*ecbplus.xml`` a similar other
event), each written up by many outlets, and the facts rules were never tuned on them. Precision of a
detector without full gold is measured the standard way: run it, have a careful reader judge every flagged
pair by the guideline (docs/annotation-facts.md), commit the judgments
(``eval/gold/ecb-plus-disputes-judged.jsonl``) and re-use them; a flag nobody has judged is reported as
unjudged, never guessed. Recall is not measured (no full gold).

* ``ecb-plus-judged``: train + dev topics (all but 36-45; development data, the facts rules may be fixed
  on its judged false alarms); ``ecb-plus-judged-test``: test topics 36-45.
* ``basil-judged`` / ``basil-judged-holdout``: the two seeded halves of BASIL (100 events, each told by Fox
  News, The New York Times and HuffPost; :mod:`newsprism.evaluate.basil`), judged the same way into
  ``eval/gold/basil-disputes-judged.jsonl``. Each half was run blind once in session 8 and is development
  data since.
* A story is one topic's ``ecb`` files or its ``ecbplus`` files (``"36_ecbplus"``). Article text: every
  sentence's tokens detokenised (:func:`newsprism.evaluate.entities.detokenize`), one sentence a line,
  split numbers and the page address rejoined; then the product's ingest reads the story's documents as
  it reads a user's files (cleaning: the address line and date stamps become metadata; outlet from the
  address; source groups by outlet and near-duplicate copies). Offsets point into the cleaned text.
* The pipeline is the one ``evaluate facts`` runs (per-article entities, quotes and claims on one parse;
  ``merge_entities``; ``group_facts``). A flagged pair is two claims of a ``disputed`` fact from different
  source groups whose values disagree (as ``evaluate facts`` scores disputes since session 4).
* A flagged pair matches a judged one when the story and the two documents are the same and each claim's
  span overlaps the judged span (either order), so small span changes keep their judgment.
* Baseline, same process, same claims: the same-number baseline of ``evaluate facts``
  (:func:`newsprism.evaluate.facts.baseline_facts`). It flags many pairs, so a fixed seeded sample of
  :data:`BASELINE_SAMPLE` of them is judged: the pairs with the smallest seeded hash of their (story,
  document, claim text) key, a sample that stays the same when unrelated pairs come or go.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from newsprism.evaluate import GOLD_DIR, EvalReport, load_gold, require_dir
from newsprism.evaluate.entities import TEST_TOPICS, detokenize, read_document
from newsprism.model import Article, ArticleAnalysis, Claim, Fact

DATASETS = ("ecb-plus-judged", "ecb-plus-judged-test", "basil-judged", "basil-judged-holdout")
JUDGED_FILE = GOLD_DIR / "ecb-plus-disputes-judged.jsonl"
BASIL_JUDGED_FILE = GOLD_DIR / "basil-disputes-judged.jsonl"
CORPUS = Path("ecb-plus") / "ECB+_LREC2014" / "ECB+"
BASELINE_SAMPLE = 40
SAMPLE_SEED = "ecb-plus-disputes-2026-11-23"
VERDICTS = ("dispute", "no_dispute")


@dataclass(frozen=True)
class Story:
    name: str  # "<topic>_ecb" or "<topic>_ecbplus"
    docs: tuple[tuple[str, str], ...]  # (document stem like "36_10ecbplus", text)


@dataclass(frozen=True)
class Side:
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Pair:
    story: str
    a: Side
    b: Side
    fact: str = field(default="", compare=False)  # the flagged fact's id, for the per-fact figures


# --------------------------------------------------------------------------- stories


def split_topics(root: Path, dataset: str) -> tuple[int, ...]:
    """The topic numbers of a dataset: the test topics, or every other topic folder present."""
    if dataset == "ecb-plus-judged-test":
        return TEST_TOPICS
    present = sorted(int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    return tuple(t for t in present if t not in TEST_TOPICS)


def sub_story(stem: str) -> str:
    """``"36_10ecbplus"`` → ``"36_ecbplus"``; ``"36_10ecb"`` → ``"36_ecb"``."""
    topic, rest = stem.split("_", 1)
    return f"{topic}_{re.sub(r'^[0-9]+', '', rest)}"


# The corpus tokeniser splits numbers and abbreviations that ``detokenize`` (written for mention
# strings) leaves spaced: "6: 00 p.m.", "2, 000 feet", "8. 1", "U. S.". Rejoined here so that the
# pipeline reads the figures an outlet printed, not tokenisation debris ("00 p.m." read as a time).
_SPLIT_NUMBER = (
    (re.compile(r"(?<=\d): (?=\d\d(?!\d))"), ":"),  # clock times ("3: 47pm" too)
    # thousands ("2009, 2010", "7, 8" and the height in "6-foot-9, 260-pound" stay)
    (re.compile(r"(?<![\w-])(\d{1,3}(?:,\d{3})*), (?=\d{3}(?!\d))"), r"\1,"),
    (re.compile(r"(?<=\d)\. (?=\d)"), "."),  # decimals, within one sentence line
    (re.compile(r"\b([A-Za-z])\. (?=[A-Za-z]\.)"), r"\1."),  # "U. S." → "U.S.", "p. m." → "p.m."
)


_SPLIT_URL = re.compile(r"https?: / / \S")


def rejoin_numbers(text: str) -> str:
    for pattern, joined in _SPLIT_NUMBER:
        text = pattern.sub(joined, text)
    return text


def rejoin_line(line: str) -> str:
    """One detokenised sentence line: a page address split by the tokeniser ("http: / / www. x. com / a _ b")
    is rejoined whole, so ingest recognises the page's own address; any other line gets its numbers rejoined."""
    return line.replace(" ", "") if _SPLIT_URL.match(line) else rejoin_numbers(line)


def document_text(path: Path) -> str:
    """Every sentence of an ECB+ document, detokenised, one sentence a line (before ingest's cleaning)."""
    doc = read_document(path, set())  # no validated-sentence filter: mentions are not used here
    return "\n".join(rejoin_line(detokenize(doc.sentences[n])) for n in sorted(doc.sentences))


def _doc_number(path: Path) -> int:
    return int(re.match(r"\d+_(\d+)", path.stem).group(1))


def read_stories(root: Path, topics: tuple[int, ...], limit: int | None = None) -> list[Story]:
    """Two stories per topic (its ``ecb`` and its ``ecbplus`` documents), in topic order; ``limit`` stories."""
    stories: list[Story] = []
    for topic in topics:
        folder = root / str(topic)
        if not folder.is_dir():
            continue
        by_story: dict[str, list[Path]] = {}
        for path in sorted(folder.glob("*.xml"), key=lambda p: (_doc_number(p), p.stem)):
            by_story.setdefault(sub_story(path.stem), []).append(path)
        for name in (f"{topic}_ecb", f"{topic}_ecbplus"):
            if name in by_story:
                stories.append(Story(name, tuple((p.stem, document_text(p)) for p in by_story[name])))
            if limit is not None and len(stories) >= limit:
                return stories
    return stories


def story_articles(story: Story) -> list[Article]:
    """The story's documents read as a user's inputs are: through the product's ingest
    (:func:`newsprism.ingest.read.read_inputs`), which cleans each text (the page's address line and
    date stamps become ``url`` / ``published``, not text), names the outlet from the address, and
    assigns source groups (one outlet, or near-duplicate copies, count once). Judged offsets point
    into these cleaned texts. An exact duplicate document is kept once, as ingest does."""
    from newsprism.ingest.read import read_inputs

    inputs = [Article(id=stem, raw=text, text=text, source_path=f"{CORPUS}/{stem.split('_')[0]}/{stem}.xml",
                      format="record") for stem, text in story.docs]
    return read_inputs(inputs).articles


# --------------------------------------------------------------------------- the pipeline


def analyse(articles: list[Article]) -> list[ArticleAnalysis]:
    from newsprism.evaluate.facts import analyse_for_facts

    return analyse_for_facts(articles)


def story_facts(articles: list[Article], analyses: list[ArticleAnalysis], notes: list[str]) -> list[Fact]:
    """``merge_entities`` then ``group_facts``, as ``evaluate facts`` runs them."""
    from newsprism.align.entities import merge_entities
    from newsprism.align.facts import group_facts

    try:
        entities = merge_entities(articles, analyses)
    except Exception as exc:  # another component's failure must not hide the figures
        notes.append(f"merge_entities failed ({exc!r}); facts grouped without entities")
        entities = []
    return group_facts(articles, analyses, entities)


def disagree(x: Claim, y: Claim) -> bool:
    """The two values cannot both hold as stated (base units, no rounding slack), as ``evaluate facts``."""
    from newsprism.analyse.quantities import compatible, in_base_units

    return not compatible(in_base_units(x.value, x.unit), in_base_units(y.value, y.unit), tolerance=0.0)


def flagged_pairs(story: str, facts: list[Fact], articles: list[Article]) -> list[Pair]:
    """Every cross-source pair of disagreeing claims of every ``disputed`` fact."""
    group_of = {a.id: a.source_group or a.id for a in articles}
    pairs: list[Pair] = []
    for fact in facts:
        if fact.status != "disputed":
            continue
        for x, y in combinations(fact.claims, 2):
            if group_of[x.article] != group_of[y.article] and disagree(x, y):
                pairs.append(Pair(story, Side(x.article, x.start, x.end, x.text), Side(y.article, y.start, y.end, y.text),
                                  fact=f"{story}/{fact.id}"))
    return pairs


# --------------------------------------------------------------------------- judgments


def _side(row: dict) -> Side:
    return Side(row["doc"], int(row["start"]), int(row["end"]), row["text"])


def load_judgments(path: Path = JUDGED_FILE) -> list[tuple[Pair, dict]]:
    """(judged pair, row) for every line of the judgments file (none when it does not exist yet)."""
    if not Path(path).exists():
        return []
    return [(Pair(r["story"], _side(r["a"]), _side(r["b"])), r) for r in load_gold(path)]


def _overlaps(x: Side, y: Side) -> bool:
    return x.doc == y.doc and x.start < y.end and y.start < x.end


def matches(flagged: Pair, judged: Pair) -> bool:
    """Same story, same two documents, each span overlapping the judged one (in either order)."""
    if flagged.story != judged.story:
        return False
    return (_overlaps(flagged.a, judged.a) and _overlaps(flagged.b, judged.b)) or \
        (_overlaps(flagged.a, judged.b) and _overlaps(flagged.b, judged.a))


def verdict_of(pair: Pair, judgments: list[tuple[Pair, dict]]) -> str | None:
    """The judged verdict of a flagged pair, or None when nobody judged it. When several judged pairs
    match (overlapping spans of one sentence), the first in the file decides."""
    for judged, row in judgments:
        if matches(pair, judged):
            return row["verdict"]
    return None


def sample_pairs(pairs: list[Pair], n: int = BASELINE_SAMPLE, seed: str = SAMPLE_SEED) -> list[Pair]:
    """A fixed seeded random sample: the ``n`` pairs whose seeded hash of (story, docs, claim texts) is
    smallest. Unlike ``random.sample`` it does not reshuffle when an unrelated pair is added or lost."""
    def key(p: Pair) -> str:
        sides = sorted(((p.a.doc, p.a.text), (p.b.doc, p.b.text)))
        return hashlib.sha256(repr((seed, p.story, sides)).encode("utf-8")).hexdigest()

    unique = list({key(p): p for p in pairs}.items())
    return [p for _, p in sorted(unique)[:n]]


# --------------------------------------------------------------------------- metrics


def wilson_interval(successes: int, n: int, z: float = 1.959964) -> tuple[float, float] | None:
    """Wilson score 95% interval of a proportion; None when nothing was judged."""
    if n == 0:
        return None
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def judged_metrics(verdicts: list[str | None]) -> dict[str, float | int | None]:
    """Counts of correct / wrong / unjudged pairs, judged precision (correct / judged) and its Wilson CI."""
    correct = sum(v == "dispute" for v in verdicts)
    wrong = sum(v == "no_dispute" for v in verdicts)
    judged = correct + wrong
    ci = wilson_interval(correct, judged)
    return {"pairs_flagged": len(verdicts), "pairs_correct": correct, "pairs_wrong": wrong,
            "pairs_unjudged": len(verdicts) - judged,
            "judged_precision": round(correct / judged, 4) if judged else None,
            "judged_precision_ci_low": round(ci[0], 4) if ci else None,
            "judged_precision_ci_high": round(ci[1], 4) if ci else None}


def fact_metrics(pairs: list[Pair], verdicts: list[str | None]) -> dict[str, int | float | None]:
    """Per flagged fact: correct when one of its pairs is a judged dispute (what a journalist would
    accept), wrong when every pair is judged no dispute, else unjudged. Pair counts weigh a fact by
    its pairs (a dateline fact of 14 articles gives 77); this weighs each flag once."""
    by_fact: dict[str, list[str | None]] = {}
    for pair, verdict in zip(pairs, verdicts):
        by_fact.setdefault(pair.fact, []).append(verdict)
    correct = sum("dispute" in vs for vs in by_fact.values())
    wrong = sum(all(v == "no_dispute" for v in vs) for vs in by_fact.values())
    ci = wilson_interval(correct, correct + wrong)
    return {"facts_correct": correct, "facts_wrong": wrong, "facts_unjudged": len(by_fact) - correct - wrong,
            "fact_judged_precision": round(correct / (correct + wrong), 4) if correct + wrong else None,
            "fact_judged_precision_ci_low": round(ci[0], 4) if ci else None,
            "fact_judged_precision_ci_high": round(ci[1], 4) if ci else None}


def _line(pair: Pair, verdict: str | None) -> str:
    return f"{pair.fact or pair.story} ({verdict or 'UNJUDGED'}) {pair.a.doc}@{pair.a.start}:{pair.a.text!r} | " \
           f"{pair.b.doc}@{pair.b.start}:{pair.b.text!r}"


# --------------------------------------------------------------------------- run


def story_pairs(name: str, articles: list[Article], notes: list[str]) -> tuple[int, list[Pair], list[Pair]]:
    """(disputed facts flagged, our flagged pairs, the baseline's flagged pairs) of one story."""
    from newsprism.evaluate.facts import baseline_facts

    analyses = analyse(articles)
    facts = story_facts(articles, analyses, notes)
    ours = flagged_pairs(name, facts, articles)
    base = flagged_pairs(name, baseline_facts(articles, analyses), articles)
    return sum(f.status == "disputed" for f in facts), ours, base


def score(dataset: str, n_stories: int, n_facts: int, ours: list[Pair], base: list[Pair],
          judgments: list[tuple[Pair, dict]], notes: list[str]) -> EvalReport:
    our_verdicts = [verdict_of(p, judgments) for p in ours]
    sample = sample_pairs(base)
    base_verdicts = [verdict_of(p, judgments) for p in sample]
    metrics = {"stories": n_stories, "disputed_facts_flagged": n_facts, **judged_metrics(our_verdicts),
               **fact_metrics(ours, our_verdicts)}
    baseline = {"pairs_flagged": len(base), "pairs_sampled": len(sample),
                **{k: v for k, v in judged_metrics(base_verdicts).items() if k != "pairs_flagged"}}
    notes.extend(f"flagged: {_line(p, v)}" for p, v in zip(ours, our_verdicts))
    notes.extend(f"baseline sample: {_line(p, v)}" for p, v in zip(sample, base_verdicts))
    return EvalReport(task="disputes", dataset=dataset, metrics=metrics,
                      baselines={"same-number baseline (judged sample)": baseline}, notes=notes,
                      extra={"flagged_pairs": ours, "baseline_pairs": base, "baseline_sample": sample})


def dataset_stories(dataset: str, data_dir: Path, limit: int | None) -> list[tuple[str, list[Article]]]:
    """(story name, its articles through ingest) of an ECB+ or a BASIL dataset."""
    if dataset.startswith("basil-"):
        from newsprism.evaluate import basil

        root = require_dir(data_dir / basil.CORPUS, "BASIL articles (shared/data/basil)")
        return [(e.name, basil.event_articles(e)) for e in basil.read_events(root, dataset, limit)]
    root = require_dir(data_dir / CORPUS, "ECB+ corpus (shared/data/ecb-plus)")
    return [(s.name, story_articles(s)) for s in read_stories(root, split_topics(root, dataset), limit)]


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    notes: list[str] = []
    stories = dataset_stories(dataset, data_dir, limit)
    n_facts, ours, base = 0, [], []
    for name, articles in stories:
        k, o, b = story_pairs(name, articles, notes)
        n_facts += k
        ours.extend(o)
        base.extend(b)
    judged = load_judgments(BASIL_JUDGED_FILE if dataset.startswith("basil-") else JUDGED_FILE)
    return score(dataset, len(stories), n_facts, ours, base, judged, notes)
