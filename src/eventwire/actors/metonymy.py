"""Place names acting as actors: a place where something happens ("in Kabul") is no party, a
capital in a party's slot stands for its government ("Moscow said", "talks with Beijing"), and
an ethnic group is coded by where it lives."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor
from .countries import CAPITAL, COUNTRY, SEAT, Entry
from .modifiers import origin_of
from .spans import MOD_DEPS
from .state import DocState

#: Prepositions whose object is a place where something happens, not a party to it.
LOC_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "around",
    "within",
    "into",
    "through",
    "along",
    "off",
    "beyond",
    "via",
    "onto",
    "en",
}
#: Dependencies in which a capital or seat of power acts for its government (metonymy).
ACT_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "appos", "poss", "attr", "npadvmod"}
#: Prepositions whose object, when a capital, is a party: "talks with Moscow", "pressure on Beijing".
ACT_PREPS = {"by", "with", "against", "on", "toward", "towards", "between", "upon", "among"}
#: Verbs of going: "to Moscow" after them is a destination, after others a party ("wrote to Moscow").
MOTION_VERBS = {"go", "travel", "return", "fly", "come", "move", "flee", "arrive", "head", "sail", "drive", "walk"}
#: Nouns whose "of" phrase names a place, not a party ("the city of Aleppo").
PLACE_NOUNS = {
    "city",
    "town",
    "village",
    "province",
    "region",
    "district",
    "capital",
    "port",
    "area",
    "state",
    "suburb",
    "outskirts",
    "centre",
    "center",
    "county",
    "governorate",
    "neighbourhood",
    "neighborhood",
    "part",
    "north",
    "south",
    "east",
    "west",
    "border",
    "territory",
    "soil",
    "heart",
    "interior",
    "coast",
    "countryside",
    "corner",
    "edge",
    "zone",
    "island",
    "mainland",
    "airspace",
    "waters",
}


def effective_dep(tok: Token) -> tuple[str, Token]:
    """The dependency of a token, looking through coordination ("in Syria and Iraq")."""
    cur = tok
    for _ in range(8):
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur.dep_, cur.head


def is_location(tok: Token) -> bool:
    """A place where something happens: "in Kabul", "the city of Aleppo"."""
    dep, head = effective_dep(tok)
    if dep != "pobj":
        return False
    if head.lower_ in LOC_PREPS:
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS


def acts(tok: Token) -> bool:
    """Whether a capital stands in a party's slot (subject, object, "with/against/by" X)."""
    dep, head = effective_dep(tok)
    if dep in ACT_DEPS:
        return True
    if dep != "pobj":
        return False
    if head.lower_ in ACT_PREPS:
        return True
    return head.lower_ == "to" and head.head.pos_ == "VERB" and head.head.lemma_ not in MOTION_VERBS


def place_mention(state: DocState, tok: Token, e: Entry, text: str, start: int, end: int) -> Actor | None:
    """A country, capital or seat of power named as a head: a party, or (set aside in
    ``state.places`` for callers that want a location's country) a place where things happen."""
    place = Actor(
        e.code + "".join(e.sectors) if e.kind != COUNTRY else e.code,
        e.country,
        list(e.sectors),
        e.name,
        text,
        start,
        end,
        e.actor_kind if e.kind == SEAT else "country",
    )
    if is_location(tok):
        state.places[tok.i] = place
        return None
    if e.kind == CAPITAL and not acts(tok):
        state.places[tok.i] = place
        return None
    return place


def is_ethnic(tok: Token) -> bool:
    """Whether "ethnic" qualifies this head or one of its modifiers ("ethnic Albanian rebels")."""
    for c in tok.children:
        if c.lower_ == "ethnic":
            return True
        if c.dep_ in MOD_DEPS and any(g.lower_ == "ethnic" for g in c.children):
            return True
    return False


def residence(state: DocState, tok: Token, own: str | None, depth: int, force: bool = False) -> str | None:
    """Where an ethnic group lives: the place in its own "of/in" phrase, else (for a group
    called ethnic) the article's most-named other country; else its own country."""
    origin = origin_of(state, tok, depth)
    if origin is not None and origin.country and origin.country != own:
        return origin.country
    if force or is_ethnic(tok):
        others = [(n, c) for c, n in state.counts.items() if c != own]
        if others:
            return max(others)[1]
    return own
