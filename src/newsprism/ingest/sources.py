"""Who published each article, who it credits, and which articles are one source.

Outlet: from metadata first (an explicit ``outlet`` field, the page's site name,
the URL's domain), then from credit lines that name the publisher ("The post …
appeared first on X", "©2025 X"). Names are made canonical with a small table
(``newsprism/data/outlets.tsv``); an outlet nothing names stays ``None``.

Source group: syndicated copies and re-publications of one original share one
group, so later analysis counts them as one independent source. The group is
the original's credited outlet or wire service when a credit names one, the
outlet otherwise, and near-duplicate texts (MinHash LSH) join the group of
their cluster. Every article gets a group; an independent article of unknown
origin gets its own (``sg-<id>``).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from newsprism.model import Article

# ----------------------------------------------------------------------------- the outlet table


@dataclass(frozen=True)
class OutletTable:
    by_domain: dict[str, str]
    by_alias: dict[str, str]  # lower-cased name or alias -> canonical
    kinds: dict[str, str]  # canonical -> outlet | wire | syndicator


@lru_cache(maxsize=1)
def outlet_table() -> OutletTable:
    data = resources.files("newsprism") / "data"
    by_domain, by_alias, kinds = {}, {}, {}
    for line in (data / "outlets.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, name, kind = line.split("\t")
            by_domain[domain.lower()] = name
            by_alias[name.lower()] = name
            kinds[name] = kind
    for line in (data / "outlet_aliases.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, name = line.split("\t")
            by_alias[alias.lower()] = name
    return OutletTable(by_domain, by_alias, kinds)


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.")


def outlet_for_domain(domain: str | None) -> str | None:
    """Canonical outlet of a domain or any of its subdomains, when the table knows it."""
    if not domain:
        return None
    table = outlet_table().by_domain
    parts = domain.lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


def canonical_outlet(name: str | None) -> str | None:
    """The table's name for ``name`` (an alias, a domain), else ``name`` itself, tidied."""
    if not name:
        return None
    tidy = re.sub(r"\s+", " ", name).strip().strip(".,;:|-–— ")
    if not tidy:
        return None
    table = outlet_table()
    lowered = tidy.lower()
    for candidate in (lowered, lowered.removeprefix("the "), re.sub(r",?\s*(?:llc|inc|ltd)\.?$", "", lowered)):
        if candidate in table.by_alias:
            return table.by_alias[candidate]
    if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", lowered):
        return outlet_for_domain(lowered)  # a bare domain names an outlet only via the table
    # "Los Angeles Times – World & Nation", "Politics | The Guardian": a known part names the outlet.
    parts = re.split(r"\s+[|–—:-]\s+|\s*\|\s*", tidy)
    if len(parts) > 1:
        for part in parts:
            known = table.by_alias.get(part.strip().lower())
            if known:
                return known
    return tidy


def outlet_kind(name: str | None) -> str | None:
    return outlet_table().kinds.get(name or "")


# ----------------------------------------------------------------------------- credits in the text

_NAME = r"(?P<name>[A-Z0-9][\w&'’.-]*(?:[ ][A-Za-z0-9&'’.-]+){0,6}?)"
_PUBLISHER_CREDITS = (
    re.compile(r"(?i:appeared first on)\s+" + _NAME + r"\s*\.?\s*$", re.MULTILINE),
    re.compile(r"(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?" + _NAME
               + r"(?=\s*(?:[.,;|]|(?i:all rights)|$))", re.MULTILINE),
)
_ORIGIN_CREDITS = (
    re.compile(r"(?i:(?:originally|first)\s+(?:appeared|published|posted|ran)\s+(?:in|on|by|at))\s+"
               + _NAME + r"(?=\s*(?:[.,;(]|and\b|$))", re.MULTILINE),
    re.compile(r"(?i:(?:republished|reprinted)\s+(?:from|with permission (?:from|of)))\s+" + _NAME
               + r"(?=\s*(?:[.,;(]|$))", re.MULTILINE),
)
_SYNDICATOR_CREDIT = re.compile(r"(?i:(?:distributed|syndicated) by)\s+" + _NAME + r"(?=\s*(?:[.;(]|,\s*LLC|$))",
                                re.MULTILINE)
_FIRST_ON_DOMAIN = re.compile(r"appeared first on\s+(?:https?://)?(?:www\.)?(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})",
                              re.IGNORECASE)
_VISIT = re.compile(r"\bvisit\s+(?:us\s+at\s+)?(?:https?://)?(?:www\.)?(?P<domain>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})",
                    re.IGNORECASE)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'’-]{1,60}?\s*\((?P<wire>AP|Reuters|AFP|UPI|Bloomberg|dpa|TASS|Xinhua)\)\s*[—–-]",
    re.MULTILINE,
)
_WIRE_CONTRIBUTED = re.compile(
    r"\b(?P<wire>The Associated Press|Associated Press|Reuters|Agence France-Presse|AFP|Bloomberg)\s+contributed\b"
)


@dataclass
class Credits:
    publisher: str | None = None  # the outlet a credit says published it (© holder, "appeared first on")
    origin: str | None = None  # the original outlet / wire of a copy
    all: list[str] = field(default_factory=list)  # every outlet or wire named as a credit


def _credited_name(raw_name: str) -> str | None:
    """A credited name made canonical; None when it does not read as an outlet name."""
    name = canonical_outlet(raw_name.strip().rstrip("."))
    if not name:
        return None
    known = name in outlet_table().kinds
    words = name.split()
    # Unknown names are accepted only when they look like a proper name (capitalised, short).
    if not known and (len(words) > 6 or not all(w[0].isupper() or w.lower() in {"of", "the", "and", "&"} for w in words)):
        return None
    if not known and re.fullmatch(r"\d{4}", name):
        return None
    return name


def find_credits(footer: str, story: str = "") -> Credits:
    """Outlet and wire credits: publisher and origin from the removed ``footer`` lines
    (credit lines), wire credits from the dateline and contribution lines of ``story``."""
    credits = Credits()

    def add(name: str | None) -> None:
        if name and name not in credits.all:
            credits.all.append(name)

    for pattern in _PUBLISHER_CREDITS:
        for m in pattern.finditer(footer):
            name = _credited_name(m.group("name"))
            if name and outlet_kind(name) != "syndicator":
                credits.publisher = credits.publisher or name
            add(name)
    for m in _FIRST_ON_DOMAIN.finditer(footer):
        name = outlet_for_domain(m.group("domain"))
        if name:
            credits.publisher = credits.publisher or name
            add(name)
    for m in _VISIT.finditer(footer):
        name = outlet_for_domain(m.group("domain"))
        if name:
            credits.publisher = credits.publisher or name
            add(name)
    for pattern in _ORIGIN_CREDITS:
        for m in pattern.finditer(footer):
            name = _credited_name(m.group("name"))
            credits.origin = credits.origin or name
            add(name)
    m = _WIRE_DATELINE.search(story[:2000])
    if m:
        name = canonical_outlet(m.group("wire"))
        credits.origin = credits.origin or name
        add(name)
    for m in _SYNDICATOR_CREDIT.finditer(footer):
        add(_credited_name(m.group("name")))
    for m in _WIRE_CONTRIBUTED.finditer(story):
        add(canonical_outlet(m.group("wire")))  # a contribution, not a copy: credited, not grouped
    return credits


# ----------------------------------------------------------------------------- attribution


def attribute_outlet(article: Article, *, outlet_field: str | None, site_name: str | None) -> Credits:
    """Set ``article.outlet`` and ``article.credits``; returns the credits found."""
    footer = "\n".join(r.text for r in article.removed)
    credits = find_credits(footer, article.text)
    article.credits = credits.all
    article.outlet = (
        canonical_outlet(outlet_field)
        or outlet_for_domain(domain_of(article.url))
        or canonical_outlet(site_name)
        or credits.publisher
    )
    return credits


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unknown"


def group_key(article: Article, credits: Credits) -> tuple[str | None, int]:
    """The named group an article belongs to on its own, and how sure that is
    (2: a credit names the original; 1: only the outlet or domain; 0: nothing)."""
    credited = credits.origin or credits.publisher
    if credited:
        return slug(credited), 2
    syndicators = [c for c in credits.all if outlet_kind(c) == "syndicator"]
    if syndicators:
        return slug(syndicators[0]), 2
    if article.outlet:
        return slug(article.outlet), 1
    domain = domain_of(article.url)
    return (slug(domain), 1) if domain else (None, 0)


# ----------------------------------------------------------------------------- near duplicates

NUM_PERM = 64
NEAR_DUP_THRESHOLD = 0.6  # word-3-gram Jaccard: a copy with light edits
CONTAINMENT_THRESHOLD = 0.8  # share of the shorter text's 3-grams found in the longer: a trimmed copy
MIN_CONTAINED_SHINGLES = 40  # a few shared sentences (a quote) are not a copy
LSH_CANDIDATE_THRESHOLD = 0.3  # LSH recall for candidates; each candidate is then checked exactly
SHINGLE_WORDS = 3
_TOKEN = re.compile(r"\w+")


def shingle_hashes(text: str):
    """32-bit hashes of the text's lower-cased word 3-grams (crc32 per word, mixed with numpy)."""
    import numpy as np

    tokens = _TOKEN.findall(text.lower())
    words = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    if len(words) >= SHINGLE_WORDS:
        words = (words[:-2] * np.uint64(0x9E3779B1) + words[1:-1] * np.uint64(0x85EBCA77) + words[2:]) & np.uint64(
            0xFFFFFFFF
        )
    return np.unique(words)


def near_duplicate_clusters(texts: Sequence[str]) -> list[int]:
    """Cluster index per text. Two texts are copies when their word-3-gram Jaccard
    reaches ``NEAR_DUP_THRESHOLD`` or the shorter is mostly contained in the longer
    (a trimmed wire copy). MinHash LSH finds candidates; the exact shingle sets decide."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lsh = MinHashLSH(threshold=LSH_CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    # One fixed permutation set (seeded): groups are the same on every run.
    scheme = "affine32"
    permutations = MinHash(num_perm=NUM_PERM, seed=1, scheme=scheme).permutations
    sets: dict[int, np.ndarray] = {}
    for i, text in enumerate(texts):
        shingles = shingle_hashes(text).astype(np.uint32)
        if len(shingles) < 3:
            continue  # too short to call anything a copy of it
        mh = MinHash(num_perm=NUM_PERM, hashfunc=int, permutations=permutations, scheme=scheme)
        mh.update_batch(shingles.tolist())
        for j in lsh.query(mh):
            if find(i) != find(j) and _is_copy(shingles, sets[j]):
                parent[find(i)] = find(j)
        sets[i] = shingles
        lsh.insert(i, mh)
    return [find(i) for i in range(len(texts))]


def _is_copy(a, b) -> bool:
    import numpy as np

    common = len(np.intersect1d(a, b, assume_unique=True))
    if common / (len(a) + len(b) - common) >= NEAR_DUP_THRESHOLD:
        return True
    return common >= MIN_CONTAINED_SHINGLES and common / min(len(a), len(b)) >= CONTAINMENT_THRESHOLD


def assign_source_groups(
    articles: Sequence[Article], keys: Sequence[tuple[str | None, int]], clusters: Sequence[int]
) -> None:
    """Give every article a ``source_group``: the best-supported named key of its
    near-duplicate cluster (credits beat outlets, then the most common, then the
    earliest), else an id of its own."""
    members: dict[int, list[int]] = {}
    for i, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(i)
    for indices in members.values():
        named = [keys[i] for i in indices if keys[i][0]]
        if named:
            strength = max(s for _, s in named)
            counts = Counter(k for k, s in named if s == strength)
            top = max(counts.values())
            group = next(k for k, s in named if s == strength and counts[k] == top)
        else:
            group = "sg-" + slug(articles[indices[0]].id)
        for i in indices:
            articles[i].source_group = group
