"""What the words around a head say about its actor: the country, body, role and title among its
modifiers ("Indian army chief"), and the actor behind its "of/for/from/in" phrase ("the
government of India", "a spokeswoman for the ministry")."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from ..model import Actor
from .countries import CAPITAL, COUNTRY, DEMONYM, LEADER, ORG, SEAT, Entry
from .roles import Role, office_of, pair_role, role_of
from .spans import MOD_DEPS
from .state import DocState, actor_at

#: Prepositions that give a role noun its country or body: "the government of India",
#: "a spokeswoman for the ministry", "soldiers from Chad", "police in Cairo".
ORIGIN_PREPS = {"of", "for", "from", "in", "at", "with"}
#: Participles that place a group: "a group based in Trinidad".
BASED_VERBS = {"base", "headquarter", "locate", "station", "operate"}
#: Adjectives that carry a sector when they modify a role noun ("military officials").
ADJ_ROLES = {"military", "civilian", "paramilitary"}
#: Lexicon kinds that name a place.
PLACE_KINDS = {COUNTRY, CAPITAL, SEAT}


class ModInfo(NamedTuple):
    """What a head's modifiers say: a country/body entry, a role, a title word, a leader's name,
    whether the role came from anything but a noun compound, and how many distinct countries were named."""

    entry: Entry | None
    role: Role | None
    title: str | None
    person: str | None
    adj_role: bool
    countries: int


def _modifier_role(state: DocState, tok: Token, c: Token) -> Role | None:
    """The role a modifier word names, narrowed by its own modifier ("deputy inspector")."""
    office = office_of(c)
    r = office or role_of(c.lemma_, c.text)
    if r is None:
        return None
    sub = next((r2 for g in c.children if g.dep_ in MOD_DEPS and (r2 := pair_role(g, c)) is not None), None)
    if sub is None and c.i + 1 < tok.i and c.dep_ == "compound":
        # flat compounds: "deputy sp X", "sub inspector X" hang side by side on the name
        sub = pair_role(c, state.toks[c.i + 1])
    return sub or r


def modifier_info(state: DocState, tok: Token) -> ModInfo:
    """Country/body entry, role and title word found among a head's modifiers (two levels)."""
    entry = role = title = None
    person = None
    adj_role = False
    countries: set[str] = set()
    in_title = title_words(state, tok)
    stack = [(c, 0) for c in tok.children if c.dep_ in MOD_DEPS]
    while stack:
        c, lvl = stack.pop()
        m = state.match[c.i]
        if m is not None:
            e = m[2]
            if e.kind == LEADER:
                person = e.name
            if e.country:
                countries.add(e.country)
            if entry is None or (e.kind == ORG and entry.kind != ORG):
                entry = e
        elif c.i not in in_title and (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "ADJ" and c.lower_ in ADJ_ROLES)):
            r = _modifier_role(state, tok, c)
            if r is not None and (role is None or not r.generic):
                role = r
                adj_role = c.pos_ == "ADJ" or c.dep_ != "compound"
                if r.kind == "person":
                    title = c.lemma_.lower()
        if lvl < 2:
            stack.extend((g, lvl + 1) for g in c.children if g.dep_ in MOD_DEPS)
    return ModInfo(entry, role, title, person, adj_role, len(countries))


def title_words(state: DocState, tok: Token) -> set[int]:
    """Tokens that name the portfolio of an office title on this head ("National Security" in
    "National Security Adviser Ajit Doval"): they are part of the title, not role words."""
    offices = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and office_of(c) is not None]
    if tok.pos_ in ("NOUN", "PROPN") and office_of(tok) is not None:
        offices.append(tok)
    out: set[int] = set()
    for o in offices:
        owners = {o.i, tok.i}
        for j in range(o.i - 1, max(o.i - 6, -1), -1):  # the words just before the office, down its own subtree
            t = state.toks[j]
            if (
                t.dep_ not in ("compound", "amod")
                or t.head.i not in owners | out
                or state.match[j] is not None
                or t.lower_ in ADJ_ROLES
            ):  # "civilian advisers", "military adviser": a sector, not a portfolio
                break
            out.add(j)
    return out


def origin_of(state: DocState, tok: Token, depth: int) -> Actor | None:
    """The actor behind an "of/for/from/in" phrase on a role noun."""
    if depth > 3:
        return None
    kids = list(tok.children)
    for c in tok.children:  # "a group based in Trinidad": the participle's place
        if c.dep_ == "acl" and c.lemma_ in BASED_VERBS:
            kids.extend(g for g in c.children if g.dep_ == "prep" and g.lower_ in ("in", "at"))
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    m = state.match[p.i]
                    if m is not None and m[2].kind in PLACE_KINDS | {DEMONYM}:
                        e = m[2]
                        return Actor(e.code, e.country, [], e.name, p.text, p.idx, p.idx + len(p), "country")
                    a = actor_at(state, p.i, depth + 1)
                    if a is not None:
                        return a
    return None
