"""Actors the text implies but the actor index does not resolve: a role word used as a modifier,
a place standing for its country, the police of an agentless arrest, a protest's own government.

Why here: they are actors, coded from the actors module's own tables; event coding decides when
one is implied and asks for it by name.
"""

from __future__ import annotations

import collections

from spacy.tokens import Token

from ..model import Actor, Place
from .roles import role_of


def role_actor(tok: Token) -> Actor | None:
    """A security-force word used as a modifier ("police firing", "army shelling"): COP/MIL, country unknown."""
    role = role_of(tok.lemma_, tok.text)
    if role is None or not set(role.sectors) & {"COP", "MIL"}:
        return None
    return Actor(
        code="".join(role.sectors),
        country=None,
        sectors=list(role.sectors),
        name=tok.lemma_.lower(),
        text=tok.text,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        kind="group",
    )


def place_actor(tok: Token, places: list[Place]) -> Actor | None:
    """A party named only as a place ("lifted the curfew in Montenegro"): its country, coded bare."""
    lo = tok.doc[tok.left_edge.i].idx if tok.left_edge.i < tok.i else tok.idx
    hi = tok.idx + len(tok)
    for p in places:
        # the place is the token, or named in front of it ("in Montenegro province")
        if p.country and (p.start <= tok.idx < p.end or lo <= p.start < p.end <= hi):
            return place_country(p)
    return None


def place_country(p: Place) -> Actor:
    """The country of a place as a party, with the place's words as its evidence."""
    return Actor(
        code=p.country or "",
        country=p.country,
        sectors=[],
        name=p.name,
        text=p.text,
        start=p.start,
        end=p.end,
        kind="country",
    )


def implied_police(trigger: Token, country: str | None) -> Actor:
    """The police of an agentless arrest ("five men were arrested"), named as implied, at the trigger."""
    return Actor(
        code=f"{country or ''}COP",
        country=country,
        sectors=["COP"],
        name="police (implied)",
        text=trigger.text,
        start=trigger.idx,
        end=trigger.idx + len(trigger.text),
        kind="group",
    )


def implied_government(src: Actor) -> Actor:
    """The own government a protest with no named addressee is aimed at (CAMEO usage)."""
    return Actor(
        code=f"{src.country}GOV",
        country=src.country,
        sectors=["GOV"],
        name=f"government of {src.country} (implied)",
        text=src.text,
        start=src.start,
        end=src.end,
        kind="country",
    )


def main_country(actors, places: list[Place]) -> str | None:
    """The country an article is mostly about: its places' commonest country, else its actors'."""
    counts = collections.Counter(p.country for p in places if p.country)
    if not counts and actors is not None:
        counts = collections.Counter(m.country for m in actors.mentions if m.country)
    return counts.most_common(1)[0][0] if counts else None
