"""CAMEO codes as package data: name, root, GDELT Goldstein value and quad class.

Why: every event carries these facts beside its code, and they must come from one table
(``data/cameo.tsv``, derived by ``tools/build_cameo_table.py``) so the store, API and scorer agree.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..tables import alternatives, read_table


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def table() -> dict[str, CameoCode]:
    """All ~312 codes, keyed by code string ("01", "010", "0232" ...)."""
    out: dict[str, CameoCode] = {}
    for r in read_table("eventwire.ontology", "cameo.tsv"):
        plover = tuple(alternatives(r["plover"]))
        out[r["code"]] = CameoCode(r["code"], r["name"], r["root"], float(r["goldstein"]), int(r["quad_class"]), plover)
    return out


def is_code(code: str) -> bool:
    return code in table()


def parent(code: str) -> str | None:
    """The next more general code ("0232" → "023" → "02"), None for a root."""
    if len(code) <= 2:
        return None
    return code[:-1]


def get(code: str) -> CameoCode:
    """The entry for ``code``; unknown codes fall back to their nearest listed ancestor."""
    t = table()
    c: str | None = code
    while c:
        if c in t:
            return t[c]
        c = parent(c)
    raise KeyError(code)


def describe(code: str) -> CameoCode:
    """Alias of :func:`get`, for readability at call sites that build events."""
    return get(code)
