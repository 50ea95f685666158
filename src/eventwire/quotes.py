"""Quotes (PLACEHOLDER v0, being replaced by the quotes work)."""
from __future__ import annotations

from spacy.tokens import Doc

from .model import Quote


def extract_quotes(doc: Doc, actors) -> list[Quote]:
    return []
