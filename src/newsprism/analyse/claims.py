"""Claims with checkable values (placeholder until the facts issue fills it)."""

from newsprism.model import Claim, LocalEntity


def extract_claims(doc, article_id: str, entities: list[LocalEntity]) -> list[Claim]:
    return []
