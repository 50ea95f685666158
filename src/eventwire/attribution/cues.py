"""The reporting-cue tables: which verbs report, deny or reject, which speakers are unnamed, which names are outlets.

Why: one table of who-says-so verbs (``data/reporting_cues.tsv``), read by every layer that
attributes a claim (event modality, denials, death counts, quotations), so that the same verb makes
the same speaker in each; the events' and the quote finder's verb lists are views of its rows.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..tables import alternatives, read_table

PACKAGE = "eventwire.attribution"


@functools.lru_cache(maxsize=1)
def reporting_cues() -> dict[str, tuple[str, frozenset[str]]]:
    """lemma → (event kind: report | deny | reject | "", the quote finder's lists it is in)."""
    return {
        row["lemma"]: (row["event"], frozenset(alternatives(row["quotes"])))
        for row in read_table(PACKAGE, "reporting_cues.tsv")
    }


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """lemma → report | deny | reject: the verbs that make the clause below them a claim (events' view)."""
    return {lemma: kind for lemma, (kind, _lists) in reporting_cues().items() if kind}


@functools.cache
def cue_list(name: str) -> frozenset[str]:
    """The lemmas of one of the quote finder's verb lists ("speech", "np", "xcomp" …) (quotes' view)."""
    return frozenset(lemma for lemma, (_kind, lists) in reporting_cues().items() if name in lists)


@functools.lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Wrong lemma → right lemma, for verbs only (``data/lemma_fixes.tsv``)."""
    return {row["wrong"]: row["right"] for row in read_table(PACKAGE, "lemma_fixes.tsv")}


def cue_lemma(t: Token) -> str:
    """The token's lemma, lower case, with the lemmatizer's known slips on verbs mended
    ("hoped" → "hop" would miss every hope); every cue lookup goes through it."""
    lemma = t.lemma_.lower()
    return lemma_fixes().get(lemma, lemma) if t.tag_.startswith("VB") else lemma


def report_kind(t: Token) -> str | None:
    """report | deny | reject when the verb ``t`` makes a claim of the clause below it, else None."""
    return reporting_verbs().get(cue_lemma(t))


@functools.lru_cache(maxsize=1)
def anonymous_words() -> tuple[frozenset[str], frozenset[str]]:
    """(speaker head nouns that are unnamed sources, words that mark anonymity)."""
    rows = read_table(PACKAGE, "anonymous_sources.tsv")
    return (
        frozenset(r["word"] for r in rows if r["kind"] == "noun"),
        frozenset(r["word"] for r in rows if r["kind"] == "marker"),
    )


@functools.lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words that make an organisation's name a news outlet ("journal", "reuters")."""
    return frozenset(row["word"] for row in read_table(PACKAGE, "news_outlets.tsv"))
