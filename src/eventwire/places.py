"""Places (PLACEHOLDER v0, being replaced by the places work)."""
from __future__ import annotations

from spacy.tokens import Doc

from .model import Place


def find_places(doc: Doc, actors) -> list[Place]:
    return []
