"""Actors: mentions in a parsed article → CAMEO-style actor codes (country ISO3 + sectors, or IGO codes).

Public contract (docs/DEVELOPING.md): ``find_actors(doc, article) -> ActorIndex`` with ``mentions``,
``for_token(token)`` and ``for_span(span)``.

Modules, each a layer that imports only those above it: ``countries``/``roles``/``aliases``
(tables and the alias book), ``state`` (one article's resolution state), ``spans`` (where a
mention lies), ``scan`` (pass 1: lexicon matches, the article's countries, the dateline's),
``codes`` (CAMEO codes from parts, merging), ``modifiers`` (what a head's words say),
``metonymy`` (places acting as actors), ``mentions`` (pronouns, possessives, "the two sides"),
``composition`` (an actor composed from country + sector + role), ``builder`` (pass 2 and
``find_actors``), ``index`` (the ActorIndex other stages query).
"""

from __future__ import annotations

from .builder import find_actors
from .index import ActorIndex

__all__ = ["ActorIndex", "find_actors"]
