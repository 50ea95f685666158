"""The reporting-cue tables: which verbs report, deny or reject, which speakers are unnamed, which names are outlets.

Why: one table of who-says-so words, read by every layer that attributes a claim (event modality,
later denials, quotations), so that the same verb makes the same speaker in each.
"""
from __future__ import annotations

import functools
from importlib import resources


def _data_lines(name: str) -> list[list[str]]:
    """Tab-separated rows of ``attribution/data/<name>``, without blank and comment lines."""
    text = resources.files("eventwire.attribution").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """lemma → report | deny | reject."""
    return {row[0]: row[1] for row in _data_lines("reporting_verbs.tsv")}


@functools.lru_cache(maxsize=1)
def anonymous_words() -> tuple[frozenset[str], frozenset[str]]:
    """(speaker head nouns that are unnamed sources, words that mark anonymity)."""
    rows = _data_lines("anonymous_sources.tsv")
    return (frozenset(w for w, k in rows if k == "noun"), frozenset(w for w, k in rows if k == "marker"))


@functools.lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words that make an organisation's name a news outlet ("journal", "reuters")."""
    return frozenset(row[0] for row in _data_lines("news_outlets.tsv"))
