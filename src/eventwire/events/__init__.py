"""Event coding: predicates + arguments in a parsed article → CAMEO/PLOVER events with evidence.

Layers, each using only those above it: ``lexicon`` and ``patterns`` (data and dependency
rules), ``candidates`` (triggers and frames), ``arguments`` (source and target),
``police`` (police heuristics), ``sentence`` (a sentence's events, scored, with evidence),
``article`` (an article's events: denials, merging in ``merge``).
"""

from __future__ import annotations

from .article import find_events
from .sentence import code_sentence

__all__ = ["code_sentence", "find_events"]
