"""Where a mention lies in the text: the named entity around a token, the root of a matched
phrase, and the leftmost word of a head's own modifiers (the mention's text starts there)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .countries import ORG, Entry
from .state import DocState

#: Dependencies of the words that qualify a head ("Iraqi", "army", "Israel's").
MOD_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
#: What a name's head word looks like (mojibake such as "â€" and markup residue are no names).
NAME_SHAPE = re.compile(r"[A-Za-z\u00C0-\u024F][\w.'’\-]*")


def ent_bounds(state: DocState, tok: Token) -> tuple[int, int]:
    """Token range of the named entity around a token (the token alone outside entities)."""
    if tok.ent_iob_ == "O":
        return tok.i, tok.i + 1
    a = tok.i
    while a > 0 and state.toks[a].ent_iob_ == "I":
        a -= 1
    b = tok.i + 1
    while b < state.n and state.toks[b].ent_iob_ == "I":
        b += 1
    return a, b


def ent_text(state: DocState, tok: Token) -> str:
    """The text of the named entity around a token."""
    a, b = ent_bounds(state, tok)
    last = state.toks[b - 1]
    return state.text[state.toks[a].idx : last.idx + len(last)]


def entry_root(state: DocState, i: int) -> Entry | None:
    """The entry of a match when token i is the syntactic root of the matched phrase."""
    m = state.match[i]
    if m is None:
        return None
    a, b, entry = m
    tok = state.toks[i]
    if b - a == 1:
        return entry
    if a <= tok.head.i < b and tok.head.i != i:
        return None
    # the first token whose head leaves the phrase
    for k in range(a, b):
        h = state.toks[k].head.i
        if not (a <= h < b) or h == k:
            return entry if k == i else None
    return entry if i == b - 1 else None


def span_start(state: DocState, tok: Token) -> int:
    """Leftmost token of the head's own modifiers (titles, demonyms, compounds, possessors)."""
    left = tok.i
    if tok.ent_iob_ != "O":
        a, b = ent_bounds(state, tok)
        if not (a <= tok.head.i < b) or tok.head.i == tok.i:
            left = a  # the head of a name speaks for the whole name
    m = state.match[tok.i]
    if m:
        left = min(left, m[0])
    stack = [c for c in tok.children if c.dep_ in MOD_DEPS and c.i < tok.i]
    while stack:
        c = stack.pop()
        left = min(left, c.i)
        stack.extend(cc for cc in c.children if cc.dep_ in MOD_DEPS | {"case", "det", "prep", "pobj"} and cc.i < c.i)
    return left


def clean_name(state: DocState, tok: Token) -> bool:
    """Whether the entity around a token looks like a name (no verbs, no markup residue)."""
    a, b = ent_bounds(state, tok)
    if not NAME_SHAPE.fullmatch(tok.text):
        return False
    return not any(
        state.toks[k].pos_ in ("VERB", "AUX") or ("&" in state.toks[k].text and len(state.toks[k]) > 1)
        for k in range(a, b)
    )


def names_body(state: DocState, tok: Token) -> bool:
    """Whether a token is (part of) an organisation's name ("Hamas", "the Red Cross")."""
    m = state.match[tok.i]
    return tok.ent_type_ == "ORG" or (m is not None and m[2].kind == ORG)
