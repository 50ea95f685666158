"""Role and sector words ("troops" → MIL, "foreign ministry" → GOV), loaded once from data tables.

Why lemmas: the parser already gives every token a lemma, so one dict lookup covers
"soldier"/"soldiers" and the table stays small.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..tables import alternatives, read_table


@dataclass(frozen=True)
class Role:
    """A sector word: its sectors, whether it names a person or a group, and whether it is generic
    (a member or role whose sector a modifier should override: "army officer", "police spokesman")."""

    sectors: tuple[str, ...]
    kind: str
    generic: bool = False


@functools.lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Lower-case lemma (or word form) → Role."""
    out = {}
    for row in read_table("eventwire.actors", "roles.tsv"):
        sectors = tuple(alternatives(row["sectors"]))
        out[row["lemma"].strip().lower()] = Role(sectors, row["kind"].strip() or "group", row["generic"].strip() == "y")
    return out


@functools.lru_cache(maxsize=1)
def role_pairs() -> dict[tuple[str, str], Role]:
    """(modifier lemma, head lemma) → Role, for two-word roles such as "foreign minister"."""
    out = {}
    for row in read_table("eventwire.actors", "role_pairs.tsv"):
        sectors = tuple(alternatives(row["sectors"]))
        out[(row["modifier"].strip().lower(), row["head"].strip().lower())] = Role(
            sectors, row["kind"].strip() or "group"
        )
    return out


def role_of(lemma: str, text: str = "") -> Role | None:
    """The Role of a word, by lemma first, then by its lower-cased surface form, then by that form
    without a plural "s" (proper-noun plurals such as "Marines" keep their "s" in the lemma)."""
    table = roles()
    r = table.get(lemma.lower())
    if r is None and text:
        low = text.lower()
        r = table.get(low) or (table.get(low[:-1]) if low.endswith("s") and len(low) > 3 else None)
    return r


def pair_role(modifier, head) -> Role | None:
    """The Role of a two-word role ("foreign minister", "human rights group"), by lemma or form."""
    pairs = role_pairs()
    for m in (modifier.lemma_.lower(), modifier.lower_):
        for h in (head.lemma_.lower(), head.lower_):
            r = pairs.get((m, h))
            if r is not None:
                return r
    return None


@functools.lru_cache(maxsize=1)
def offices() -> dict[str, Role]:
    """Lower-case office noun → its Role: the head words of government titles ("minister", "adviser")."""
    out = {}
    for row in read_table("eventwire.actors", "offices.tsv"):
        out[row["office"].strip().lower()] = Role(tuple(alternatives(row["sectors"])), "person")
    return out


def office_of(tok) -> Role | None:
    """The Role of a token that heads an office title, by lemma or form ("Minister", "advisers").

    Why: in "National Security Adviser" or "Justice Minister" the words before the office name
    the portfolio; read as role words ("national" = a citizen, "justice" = a judge) they would
    give a government official a civilian or judicial code.
    """
    table = offices()
    return table.get(tok.lemma_.lower()) or table.get(tok.lower_)


@functools.lru_cache(maxsize=1)
def bare_abstract() -> frozenset[str]:
    """Role lemmas that need an article, possessor or modifier to name an actor ("the press")."""
    return frozenset(row["lemma"].strip() for row in read_table("eventwire.actors", "bare_abstract.tsv"))


def bare_and_abstract(tok) -> bool:
    """Whether a role noun stands bare where it is most likely an abstract noun ("into force")."""
    if tok.tag_ != "NN" or tok.lemma_.lower() not in bare_abstract():
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod") for c in tok.children)
