"""``newsprism evaluate entities --dataset ecb-plus``: cross-document entity coreference on ECB+.

Setting (as Barhom et al. 2019 and Held et al. 2021 evaluate entities):

* ``ecb-plus``: test topics 36–45; ``ecb-plus-dev``: dev topics 2, 5, 12, 18, 21, 23, 34, 35 (Cybulska
  & Vossen 2015 split; rules are tuned on dev). Gold mentions as input, gold topics: within each
  topic every document (its ``ecb`` and ``ecbplus`` halves together) is one story.
* Entity mentions are the participant, location and time markables: ``HUMAN_PART*``,
  ``NON_HUMAN_PART*``, ``LOC_*``, ``TIME_*`` (actions and ``UNKNOWN_INSTANCE_TAG`` are events or
  unclassified). Only mentions in the validated sentences (``ECBplus_coreference_sentences.csv``)
  count. A markable with non-contiguous tokens is skipped; exact duplicate spans keep the lowest id.
* Gold chains: ``CROSS_DOC_COREF`` → its instance id (``note``); ``INTRA_DOC_COREF`` → a chain of
  its document; an unlinked mention is a singleton. Singletons are kept (as in those papers).
* Scores: MUC, B³ and CEAF-e from ``scorch`` (an implementation of the CoNLL-2012 reference
  scorer's formulas), CoNLL F1 their mean, over all test topics at once.

Ours runs the product's functions on the gold mentions: per document (one spaCy parse, corpus
tokens) :func:`newsprism.analyse.entities.mention_kind` (name / description / pronoun),
:func:`~newsprism.analyse.entities.link_mentions` (links within the document) and
:func:`~newsprism.analyse.entities.local_entities` (the roles and descriptions the article gives each
name); linked mentions form one ``LocalEntity`` (typed from the ECB+ tag); then
:func:`newsprism.align.entities.merge_entities` per topic, as ``analyze`` runs it per story.
The baseline, in the same run on the same parses, clusters mentions whose head has the same lemma
(the head is the span token whose syntactic head lies outside the span). A second pair of rows first
splits each topic into stories by TF-IDF (:func:`cluster_stories`), without gold sub-topics.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsprism.align.entities import merge_entities
from newsprism.evaluate import EvalReport, require_dir
from newsprism.model import Article, ArticleAnalysis, LocalEntity

DATASETS = ("ecb-plus", "ecb-plus-dev")
TEST_TOPICS = tuple(range(36, 46))
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)  # Cybulska & Vossen (2015) dev split; rules were tuned here
SPLITS = {"ecb-plus": TEST_TOPICS, "ecb-plus-dev": DEV_TOPICS}
ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_", "TIME_")
# ECB+ tag → the entity type newsprism's merging sees.
TYPE_OF_TAG = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "HUMAN_PART_FAC": "FAC",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
}
PUBLISHED_BEST_CONLL_F1 = 0.82  # Held et al. 2021, ECB+ entities (for the notes only)

Cluster = set[tuple[str, str]]  # (document, mention id)


@dataclass
class Mention:
    doc: str
    mid: str
    tag: str
    sentence: int
    token_ids: list[int]  # positions in the sentence
    text: str
    gold: str


@dataclass
class Document:
    name: str
    topic: int
    sentences: dict[int, list[str]]
    mentions: list[Mention]


def entity_type(tag: str) -> str:
    if tag in TYPE_OF_TAG:
        return TYPE_OF_TAG[tag]
    if tag.startswith("TIME_"):
        return "TIME"
    if tag.startswith("NON_HUMAN_PART"):
        return "THING"
    return "HUMAN"  # HUMAN_PART_VEH / _MET / _GENERIC / bare HUMAN_PART


def detokenize(tokens: list[str]) -> str:
    text = re.sub(r"(?<=\w) - (?=\w)", "-", " ".join(tokens))  # the corpus splits "T-Mobile" in three
    text = re.sub(r" (['’]s|['’]|n't|[.,!?;:%)\]])", r"\1", text)
    return re.sub(r"([(\[$]) ", r"\1", text)


def read_validated(root: Path) -> set[tuple[str, int]]:
    """(document stem like "36_10ecbplus", sentence number) pairs of the validated sentences."""
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(fh)}


def read_document(path: Path, validated: set[tuple[str, int]]) -> Document:
    tree = ET.parse(path)
    stem = path.stem
    tokens: dict[str, tuple[int, int, str]] = {}
    sentences: dict[int, list[str]] = defaultdict(list)
    for tok in tree.getroot().iter("token"):
        sent, num = int(tok.get("sentence")), int(tok.get("number"))
        tokens[tok.get("t_id")] = (sent, num, tok.text or "")
        sentences[sent].append(tok.text or "")
    gold: dict[str, str] = {}
    relations = tree.getroot().find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note")
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"{stem}:r{rel.get('r_id')}"
        else:
            continue
        for src in rel.findall("source"):
            gold[src.get("m_id")] = chain
    mentions: list[Mention] = []
    seen_spans: set[tuple[int, tuple[int, ...]]] = set()
    markables = tree.getroot().find("Markables")
    for mark in sorted(markables if markables is not None else [], key=lambda m: int(m.get("m_id"))):
        anchors = [a.get("t_id") for a in mark.findall("token_anchor")]
        if not anchors or not mark.tag.startswith(ENTITY_PREFIXES):
            continue  # instance descriptors have no anchors; actions are events
        placed = sorted(tokens[t] for t in anchors)
        sent = placed[0][0]
        nums = [p[1] for p in placed]
        if any(p[0] != sent for p in placed) or nums != list(range(nums[0], nums[0] + len(nums))):
            continue  # non-contiguous
        if (stem, sent) not in validated or (sent, tuple(nums)) in seen_spans:
            continue
        seen_spans.add((sent, tuple(nums)))
        mid = mark.get("m_id")
        mentions.append(
            Mention(stem, mid, mark.tag, sent, nums, detokenize([p[2] for p in placed]), gold.get(mid, f"{stem}:m{mid}"))
        )
    return Document(stem, int(stem.split("_")[0]), dict(sentences), mentions)


def read_topics(root: Path, topics: tuple[int, ...], limit: int | None) -> list[Document]:
    validated = read_validated(root)
    docs: list[Document] = []
    for topic in topics:
        folder = root / "ECB+" / str(topic)
        for path in sorted(folder.glob("*.xml"), key=lambda p: (int(re.sub(r"\D", "", p.stem.split("_")[1]) or 0), p.stem)):
            if limit is not None and len(docs) >= limit:
                return docs
            docs.append(read_document(path, validated))
    return docs


@dataclass
class Parsed:
    """What the spaCy parse says about one mention."""

    head_lemma: str
    name: str | None  # the longest PROPN run in the span, if any
    span: object = None  # the spaCy Span (its sentence parsed alone, corpus tokens)
    kind: str = "description"  # name | description | pronoun (analyse.entities.mention_kind)
    description: str = ""  # analyse.entities.description_key of its head
    roles: list[str] = field(default_factory=list)  # a name's roles, as newsprism's per-article step finds them


def proper_name(span, head) -> str | None:
    """The run of proper nouns in the span that a name tagger would mark ("Sgt. Tim Shields"): the
    one with the most real words ("Regina Benjamin" in "Regina Benjamin, M. D."); None when the head
    is a common noun or pronoun ("Texas authorities", "he")."""
    if head.pos_ != "PROPN":
        return None

    def joins(i: int) -> bool:  # a dot or hyphen between two proper nouns ("Dr . Benjamin", "Hewlett - Packard")
        return span.start < i < span.end - 1 and span.doc[i].text in (".", "-") and span.doc[i - 1].pos_ == "PROPN"

    runs: list[list] = []
    current: list = []
    for tok in span:
        if tok.pos_ == "PROPN" or current and joins(tok.i):
            current.append(tok)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    runs = [_with_capitalised_start(span, r) for r in runs if r]
    for r in runs:
        while r and r[-1].text in (".", "-") and not (len(r) >= 2 and len(r[-2].text) <= 3):
            r.pop()  # a trailing hyphen; a dot stays after an abbreviation ("Dr.", "M.")
    best = max(runs, key=lambda r: (sum(t.is_alpha and len(t.text) > 1 for t in r), head in r, len(r)))
    return detokenize([t.text for t in best]) if best else None


NOUNISH = ("PROPN", "NOUN", "NUM")


NOT_NAME_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "VERB"})


def _with_capitalised_start(span, run: list) -> list:
    """A proper-noun run with the capitalised words just before it that the small tagger took for
    something else ("Raj" ADV and "K" INTJ in "Raj K. Chohan"); never a determiner or preposition
    ("The", "In")."""
    start = run[0].i
    while start > span.start:
        prev = span.doc[start - 1]
        initial_dot = prev.text == "." and start - 2 >= span.start and len(span.doc[start - 2].text) == 1
        if not (initial_dot or prev.is_alpha and prev.text[0].isupper() and prev.pos_ not in NOT_NAME_POS):
            break
        start -= 1
    return [span.doc[i] for i in range(start, run[0].i)] + run


def _prepositional_object(span, head):
    """A location or time markable that starts with its preposition ("in Queens") whose object the
    parser attached outside the span: the last word of its first run of nouns, proper nouns or
    numbers stands for it ("in the Gulf of Aden, between the Horn of Africa …" → "Gulf"; "in New
    Zealand mountains" → "mountains"), not a later noun that only modifies it."""
    after = [t for t in span if t.i > head.i]
    for k, tok in enumerate(after):
        if tok.pos_ in NOUNISH:
            while k + 1 < len(after) and after[k + 1].pos_ in NOUNISH:
                k += 1
            return after[k]
    return head


def _spaces(words: list[str]) -> list[bool]:
    """Whether each corpus token is followed by a space, as the detokenised text would be."""
    glue_before = re.compile(r"^(?:['’]s|['’]|n't|[.,!?;:%)\]])$")
    return [not (i + 1 < len(words) and glue_before.match(words[i + 1])) and w not in ("(", "[", "$")
            for i, w in enumerate(words)]


def parse_mentions(docs: list[Document]) -> dict[tuple[str, str], Parsed]:
    """One spaCy pass per document, tokens as the corpus gives them, then newsprism's own per-article
    entities (:func:`newsprism.analyse.entities.local_entities`: names with the roles the article
    gives them) to carry each named gold mention's roles over."""
    from spacy.tokens import Doc

    from newsprism.analyse.entities import description_key, local_entities, mention_head, mention_kind
    from newsprism.analyse.nlp import load_nlp

    nlp = load_nlp()
    lowercase: dict[int, set[str]] = defaultdict(set)  # words each topic writes in lowercase (not in a URL)
    for d in docs:
        for sent in d.sentences.values():
            if not any(t in ("/", "http", "www") or t.startswith("http") for t in sent):
                lowercase[d.topic].update(t for t in sent if t.isalpha() and t.islower())
    offsets: dict[str, dict[int, int]] = {}
    inputs = []
    for d in docs:
        words: list[str] = []
        starts: list[bool] = []
        offsets[d.name] = {}
        for s in sorted(d.sentences):
            offsets[d.name][s] = len(words)
            words.extend(d.sentences[s])
            starts.extend([True] + [False] * (len(d.sentences[s]) - 1))
        inputs.append(Doc(nlp.vocab, words=words, spaces=_spaces(words), sent_starts=starts))
    parsed: dict[tuple[str, str], Parsed] = {}
    for d, sdoc in zip(docs, nlp.pipe(inputs)):
        role_at: dict[int, list[str]] = {}
        for ent in local_entities(sdoc):
            for em in ent.mentions:
                span = sdoc.char_span(em.start, em.end, alignment_mode="expand")
                for tok in span if span is not None else []:
                    role_at[tok.i] = ent.roles + [d for d in ent.descriptions if d not in ent.roles]
        for m in d.mentions:
            first = offsets[d.name][m.sentence] + m.token_ids[0]
            span = sdoc[first : first + len(m.token_ids)]
            head = mention_head(span)
            if head.pos_ == "ADP" and len(span) > 1:
                head = _prepositional_object(span, head)
            kind = mention_kind(span, head, frozenset(lowercase[d.topic]))
            name = proper_name(span, head) if kind == "name" else None
            roles = role_at.get(head.i, []) if kind == "name" else []
            parsed[(m.doc, m.mid)] = Parsed(head.lemma_.lower(), name, span, kind, description_key(head), roles)
    return parsed


# --------------------------------------------------------------------------- stories
#
# An ECB+ topic holds two stories (its ``ecb`` and ``ecbplus`` halves: the same kind of event at two
# times). newsprism analyses one story per call, so documents are first grouped into stories, as
# Barhom et al. (2019) do, by their words alone: TF-IDF vectors, average-linkage clustering within
# the topic, cut at a cosine similarity tuned on the dev topics. The gold halves are never read.

STORY_MIN_SIMILARITY = 0.12
_TOKEN = re.compile(r"[^\W\d_]{3,}")


def tfidf_vectors(docs: list[Document]) -> dict[str, dict[str, float]]:
    """L2-normalised TF-IDF (log tf, smoothed idf over the given documents) of each document's words."""
    from math import log, sqrt

    from spacy.lang.en.stop_words import STOP_WORDS

    counts: dict[str, dict[str, int]] = {}
    df: dict[str, int] = defaultdict(int)
    for d in docs:
        c: dict[str, int] = defaultdict(int)
        for sent in d.sentences.values():
            for tok in sent:
                for w in _TOKEN.findall(tok.lower()):
                    if w not in STOP_WORDS:
                        c[w] += 1
        counts[d.name] = c
        for w in c:
            df[w] += 1
    n = len(docs)
    vectors: dict[str, dict[str, float]] = {}
    for name, c in counts.items():
        v = {w: (1 + log(k)) * (log((1 + n) / (1 + df[w])) + 1) for w, k in c.items()}
        norm = sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[name] = {w: x / norm for w, x in v.items()}
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def cluster_stories(docs: list[Document], min_similarity: float = STORY_MIN_SIMILARITY) -> list[list[Document]]:
    """Documents of each topic grouped into stories (average linkage on TF-IDF cosine)."""
    vectors = tfidf_vectors(docs)
    stories: list[list[Document]] = []
    by_topic: dict[int, list[Document]] = defaultdict(list)
    for d in docs:
        by_topic[d.topic].append(d)
    for topic_docs in by_topic.values():
        sim = {(a.name, b.name): _cosine(vectors[a.name], vectors[b.name]) for a in topic_docs for b in topic_docs}
        groups = [[d] for d in topic_docs]
        while len(groups) > 1:
            best, pair = min_similarity, None
            for i in range(len(groups)):
                for j in range(i + 1, len(groups)):
                    avg = sum(sim[(a.name, b.name)] for a in groups[i] for b in groups[j]) / (len(groups[i]) * len(groups[j]))
                    if avg >= best:
                        best, pair = avg, (i, j)
            if pair is None:
                break
            i, j = pair
            groups[i] = groups[i] + groups.pop(j)
        stories.extend(groups)
    return stories


# --------------------------------------------------------------------------- newsprism


def local_entities_of(doc: Document, parsed: dict[tuple[str, str], Parsed]) -> tuple[list[LocalEntity], dict[str, list[str]]]:
    """The document's gold mentions as newsprism's per-article step hands them over: mentions linked
    within the document (:func:`newsprism.analyse.entities.link_mentions`) form one ``LocalEntity``;
    each name mention keeps its own (merging compares names), the descriptions and pronouns linked to
    it join the first. Returns the entities and, per entity key, its mention ids."""
    from newsprism.align.unionfind import UnionFind
    from newsprism.analyse.entities import MentionSpan, link_mentions

    ms = doc.mentions
    ps = [parsed[(m.doc, m.mid)] for m in ms]
    links = link_mentions([MentionSpan(p.span, entity_type(m.tag), p.kind, m.sentence) for m, p in zip(ms, ps)])
    uf = UnionFind(len(ms))
    for i, j in enumerate(links):
        if j is not None:
            uf.union(i, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ms)):
        groups[uf.find(i)].append(i)
    entities: list[LocalEntity] = []
    members: dict[str, list[str]] = {}
    for idx in groups.values():
        names = [i for i in idx if ps[i].kind == "name"]
        rest = [i for i in idx if ps[i].kind != "name"]
        descs = list(dict.fromkeys(ps[i].description for i in rest if ps[i].kind == "description"))
        if names:
            for n, i in enumerate(names):
                entities.append(LocalEntity(key=ms[i].mid, name=ps[i].name or ms[i].text, type=entity_type(ms[i].tag),
                                            roles=ps[i].roles, descriptions=descs if n == 0 else []))
                members[ms[i].mid] = [ms[i].mid] + ([ms[j].mid for j in rest] if n == 0 else [])
        else:
            first = rest[0]
            entities.append(LocalEntity(key=ms[first].mid, name=ms[first].text, type=entity_type(ms[first].tag),
                                        descriptions=descs, named=False))
            members[ms[first].mid] = [ms[j].mid for j in rest]
    return entities, members


def newsprism_clusters(stories: list[list[Document]], parsed: dict[tuple[str, str], Parsed]) -> list[Cluster]:
    """merge_entities on the gold mentions, story by story."""
    clusters: list[Cluster] = []
    for story in stories:
        articles = [Article(id=d.name, raw="", text="") for d in story]
        analyses = []
        members: dict[tuple[str, str], list[str]] = {}
        for d in story:
            entities, mids = local_entities_of(d, parsed)
            analyses.append(ArticleAnalysis(article=d.name, entities=entities))
            members.update({(d.name, k): v for k, v in mids.items()})
        for entity in merge_entities(articles, analyses):
            clusters.append({(a, mid) for a, key in entity.members for mid in members[(a, key)]})
    return clusters


def by_topic(docs: list[Document]) -> list[list[Document]]:
    groups: dict[int, list[Document]] = defaultdict(list)
    for d in docs:
        groups[d.topic].append(d)
    return list(groups.values())


def head_lemma_clusters(groups: list[list[Document]], parsed: dict[tuple[str, str], Parsed]) -> list[Cluster]:
    """Baseline: one cluster per (document group, head lemma)."""
    clusters: dict[tuple[int, str], Cluster] = defaultdict(set)
    for gi, group in enumerate(groups):
        for d in group:
            for m in d.mentions:
                clusters[(gi, parsed[(m.doc, m.mid)].head_lemma)].add((m.doc, m.mid))
    return list(clusters.values())


def restrict(clusters: list[Cluster], keep: set[tuple[str, str]]) -> list[Cluster]:
    return [c & keep for c in clusters if c & keep]


def gold_clusters(docs: list[Document]) -> list[Cluster]:
    groups: dict[str, Cluster] = defaultdict(set)
    for d in docs:
        for m in d.mentions:
            groups[m.gold].add((m.doc, m.mid))
    return list(groups.values())


def conll_scores(key: list[Cluster], response: list[Cluster]) -> dict[str, float]:
    """MUC, B³, CEAF-e F1 (scorch) and their mean, the CoNLL F1; recall and precision beside."""
    from scorch import scores

    out: dict[str, float] = {}
    for name, fn in (("muc", scores.muc), ("b3", scores.b_cubed), ("ceafe", scores.ceaf_e)):
        r, p, f = fn(key, response)
        out[f"{name}_f1"], out[f"{name}_recall"], out[f"{name}_precision"] = float(f), float(r), float(p)
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return {k: out[k] for k in ("conll_f1", "muc_f1", "b3_f1", "ceafe_f1", "muc_recall", "muc_precision",
                                "b3_recall", "b3_precision", "ceafe_recall", "ceafe_precision")}


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in scores.items()}


def run(dataset: str, data_dir: Path, limit: int | None) -> EvalReport:
    root = require_dir(data_dir / "ecb-plus" / "ECB+_LREC2014", "ECB+")
    topics = SPLITS[dataset]
    docs = read_topics(root, topics, limit)
    parsed = parse_mentions(docs)
    key = gold_clusters(docs)
    topic_groups = by_topic(docs)
    stories = cluster_stories(docs)
    lemma = head_lemma_clusters(topic_groups, parsed)
    ours_clusters = newsprism_clusters(topic_groups, parsed)
    ours = conll_scores(key, ours_clusters)
    baseline = conll_scores(key, lemma)
    ours_stories = conll_scores(key, newsprism_clusters(stories, parsed))
    lemma_stories = conll_scores(key, head_lemma_clusters(stories, parsed))
    names = {x for x, p in parsed.items() if p.kind == "name"}
    named_ours = conll_scores(restrict(key, names), restrict(ours_clusters, names))["conll_f1"]
    named_lemma = conll_scores(restrict(key, names), restrict(lemma, names))["conll_f1"]
    n_mentions = sum(len(d.mentions) for d in docs)
    kinds = {k: sum(1 for p in parsed.values() if p.kind == k) for k in ("name", "description", "pronoun")}
    return EvalReport(
        task="entities",
        dataset=dataset,
        metrics=_rounded(ours),
        baselines={
            "same_head_lemma": _rounded(baseline),
            "ours_tfidf_stories": _rounded(ours_stories),
            "same_head_lemma_tfidf_stories": _rounded(lemma_stories),
        },
        notes=[
            f"{len(docs)} documents, topics {','.join(map(str, topics))}, {n_mentions} gold entity mentions "
            f"({kinds['name']} names, {kinds['description']} descriptions, {kinds['pronoun']} pronouns), "
            f"{len(key)} gold chains; gold mentions, gold topics, singletons kept.",
            f"Named mentions only: CoNLL F1 newsprism {named_ours:.4f}, same head lemma {named_lemma:.4f}.",
            f"*_tfidf_stories: documents of a topic first grouped into {len(stories)} stories by TF-IDF "
            "(average linkage), no gold sub-topic; merging then runs per story.",
            f"Published best (Held et al. 2021): about {PUBLISHED_BEST_CONLL_F1:.2f} CoNLL F1.",
        ],
        extra={
            "documents": len(docs), "mentions": n_mentions, "gold_chains": len(key), "stories": len(stories),
            **{f"{k}_mentions": v for k, v in kinds.items()},
            "named_only_conll_f1": round(named_ours, 4), "named_only_conll_f1_head_lemma": round(named_lemma, 4),
        },
    )
