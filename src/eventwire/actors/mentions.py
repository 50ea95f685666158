"""Mentions that point back at earlier ones: pronouns ("they"), possessives ("his country"),
"the military" of a country just named, and "the two sides" of a clause before. The mentions met
so far are ``state.earlier``, in text order."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from ..model import Actor
from ..tables import read_table
from . import aliases
from .codes import actor_code
from .countries import country_names
from .spans import MOD_DEPS, span_start
from .state import DocState

#: Possessive pronouns and the subject pronoun whose antecedent they share.
POSS_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
PLURAL_TAGS = {"NNS", "NNPS"}
#: Dependencies of an object pronoun, which never points back at the subject of its own clause.
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj", "pobj"}
#: Clause links through which a subjectless verb takes the subject (or object) of the verb above.
CONTROL_DEPS = {"xcomp", "advcl", "conj"}


def clause_subjects(tok: Token) -> set[int]:
    """Token indices of the subject of an object pronoun's clause, inherited through control
    ("police fired tear gas to disperse them": police; "urged Tehran to stop them": Tehran).

    Why: an object pronoun does not refer to its own clause's subject (that would be "themselves");
    without this rule the nearest subject, the agent itself, wins and events target their source."""
    if tok.dep_ not in OBJECT_DEPS:
        return set()
    v = tok.head
    if tok.dep_ == "pobj" and v.dep_ in ("prep", "agent", "dative"):
        v = v.head
    out: set[int] = set()
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            for s in subj:
                out.update(x.i for x in (s, *s.conjuncts))
            return out
        if v.dep_ not in CONTROL_DEPS or v.head.i == v.i:
            return out
        if v.dep_ == "xcomp":  # object control: the head's object does the act, not its subject
            objs = [c for c in v.head.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return {x.i for o in objs for x in (o, *o.conjuncts)}
        v = v.head
    return out


def pronoun_referent(state: DocState, tok: Token) -> Actor | None:
    """The earlier actor a personal pronoun points at, with the pronoun as its evidence."""
    verb = tok.head.i
    own = clause_subjects(tok)  # "police fired tear gas to disperse them": them is not the police
    earlier = [
        (a, s, subj, state.toks[j].tag_ in PLURAL_TAGS)
        for a, s, subj, j in state.earlier
        if state.toks[j].head.i != verb and j not in own
    ]
    a = aliases.antecedent(tok.lower_, earlier, state.sent_of[tok.i])
    if a is None:
        return None
    return aliases.as_mention(a, tok.text, tok.idx, tok.idx + len(tok))


def poss_country(state: DocState, tok: Token) -> str | None:
    """The country behind a possessive pronoun on this head ("his country", "their army")."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS:
            verb = tok.head.i
            earlier = [
                (a, s, subj, state.toks[j].tag_ in PLURAL_TAGS)
                for a, s, subj, j in state.earlier
                if state.toks[j].head.i != verb or j < tok.i
            ]
            a = aliases.antecedent(POSS_PRONOUNS[c.lower_], earlier, state.sent_of[tok.i])
            return a.country if a is not None else None
    return None


def same_body(state: DocState, tok: Token, sectors: list[str]) -> str | None:
    """The country of "the military", "the government" (a bare definite body): that of the
    latest actor of the same sector in this sentence or the three before whose country the
    text gave ("Pakistan's army chief warned … Militants attacked a post, the military said":
    Pakistan's), not the article's."""
    if (
        tok.tag_ in PLURAL_TAGS
        or not sectors
        or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children)
        or any(c.dep_ in MOD_DEPS or c.dep_ == "poss" for c in tok.children)
    ):
        return None
    here = state.sent_of[tok.i]
    for a, s, _, j in reversed(state.earlier):
        if here - s > 3:
            break
        if j < tok.i and j not in state.guessed and a.country and sectors[0] in a.sectors:
            return a.country
    return None


def fallback_country(state: DocState, sectors: list[str]) -> str | None:
    """The country of an actor the text names without one: the article's, except that a
    legislature or legislator is the dateline's ("WASHINGTON (AP) — Sen. Ames …" on aid to
    Ukraine: a US senator, and Congress the US one)."""
    if state.home and "LEG" in sectors:
        return state.home
    return state.dominant


@functools.lru_cache(maxsize=1)
def pair_nouns() -> dict[str, str]:
    """Lemma → sector of the parties, from ``data/pair_nouns.tsv`` ("the two sides", "both countries")."""
    return {
        row["lemma"].strip(): row["sector"].strip() or "-" for row in read_table("eventwire.actors", "pair_nouns.tsv")
    }


def _partner(tok: Token, seen: dict[int, Actor]) -> int | None:
    """The other party of a clause a mention takes part in: its coordinated name, or the subject
    of the verb it is the object of (inherited through "and"), as a token index in ``seen``."""
    for c in (*tok.children, tok.head):
        if ((c.dep_ == "conj" and c.head.i == tok.i) or (tok.dep_ == "conj" and c.i == tok.head.i)) and c.i in seen:
            return c.i
    if tok.dep_ not in ("dobj", "obj", "pobj", "dative"):
        return None
    v = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.i if subj.i in seen else None
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _as_party(a: Actor, sector: str, text: str, start: int, end: int) -> Actor:
    """One of "the two sides": the party as named, or its country, or a sector of its country."""
    if sector == "-" or not a.country:
        return aliases.as_mention(a, text, start, end)
    sectors = [] if sector == "country" else [sector]
    return Actor(
        actor_code(a.country, None, sectors),
        a.country,
        sectors,
        country_names().get(a.country, a.country),
        text,
        start,
        end,
        "country" if not sectors else "group",
    )


def two_sides(state: DocState, tok: Token) -> Actor | None:
    """ "the two sides", "both countries": the two parties of the latest clause (this sentence
    or the three before) that set one against or beside the other: a subject and its verb's
    object, or two coordinated names. The second party goes to ``state.extra`` so that the
    mention splits like "France and Germany"."""
    if not any(
        (c.dep_ == "nummod" and c.lower_ == "two") or (c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj"))
        for c in tok.children
    ):
        return None
    sector = pair_nouns()[tok.lemma_.lower()]
    seen = {j: a for a, _, _, j in state.earlier}
    own = clause_subjects(tok) | {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    here = state.sent_of[tok.i]
    for a, s, _, j in reversed(state.earlier):
        if here - s > 3:
            break
        if j in own:
            continue
        other = _partner(state.toks[j], seen)
        if other is None or other in own:
            continue
        b = seen[other]
        if a.code == b.code or "CVL" in a.sectors or "CVL" in b.sectors:
            continue
        first, second = (b, a) if other < j else (a, b)
        end = tok.idx + len(tok)
        left = state.toks[span_start(state, tok)]
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("det", "predet", "nummod", "preconj"):
                left = min(left, c, key=lambda t: t.i)
        text, start = state.text[left.idx : end], left.idx
        out = [_as_party(x, sector, text, start, end) for x in (first, second)]
        state.extra[tok.i] = state.pairs[tok.i] = out[1:]
        return out[0]
    return None
