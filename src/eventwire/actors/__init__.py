"""Actors: mentions in a parsed article → CAMEO-style actor codes (country ISO3 + sectors, or IGO codes).

Public contract (docs/DEVELOPING.md): ``resolve(doc, article) -> ActorIndex`` with ``mentions``,
``for_token(token)`` and ``for_span(span)``.
"""
from __future__ import annotations

from .resolver import ActorIndex, resolve

__all__ = ["ActorIndex", "resolve"]
