"""Per-article entities (placeholder until the quotes issue fills it)."""

from newsprism.model import LocalEntity


def local_entities(doc) -> list[LocalEntity]:
    return []
