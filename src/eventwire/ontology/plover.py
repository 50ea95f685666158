"""CAMEO → PLOVER (2021 draft) event type.

Why: PLOVER is the successor ontology many users query by; we keep one primary type per code
(the first listed in the CAMEO2PLOVER table; ``08`` is split CONCEDE/RETREAT by sub-code).
"""

from __future__ import annotations

from .cameo import get


def plover_type(code: str) -> str | None:
    """The PLOVER event type of a CAMEO code, or None for plain statements (root 01)."""
    try:
        types = get(code).plover
    except KeyError:
        return None
    return types[0] if types else None
