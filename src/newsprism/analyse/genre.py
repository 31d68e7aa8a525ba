"""Paragraph labels (placeholder until the opinion issue fills it)."""

from newsprism.model import Paragraph, QuoteMention


def label_paragraphs(doc, quotes: list[QuoteMention]) -> tuple[list[Paragraph], bool]:
    return [], False
