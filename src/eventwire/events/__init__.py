"""Events (PLACEHOLDER v0, being replaced by the event-coding work)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Event, Place


def extract_events(doc: Doc, actors, places: list[Place], published: str | None) -> list[Event]:
    return []
