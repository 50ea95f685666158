"""Which of an article's places is where an event happened.

Why: an event's location is what analysts map, and a sentence often names several places
("Ankara said an attack near the Syrian border killed five"): the speaker's capital is not the
scene, the place governed by a locative preposition in the trigger's own clause is.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import Place
from .gazetteer import small_tables

#: prepositions that put an event somewhere
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "on",
        "off",
        "along",
        "within",
        "over",
        "beyond",
        "north",
        "south",
        "east",
        "west",
        "into",
        "towards",
        "toward",
        "through",
    }
)
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})


def _is_adjectival(p: Place) -> bool:
    """ "Syrian" rather than "Syria": the text is an adjective form, not the name."""
    g = small_tables()
    return g.adjective(p.text) is not None and not g.lookup(p.text)


def _locative_prep(tok: Token) -> Token | None:
    """The locative preposition this place token hangs from (through compounds, amods, appositions)."""
    t = tok
    for _ in range(6):
        if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
            return t.head
        if t.dep_ in ("compound", "amod", "nmod", "appos", "conj", "poss") or (
            t.dep_ == "pobj" and t.head.lower_ == "of"
        ):
            t = t.head if t.dep_ != "pobj" else t.head.head
            continue
        if t.dep_ == "npadvmod" or (t.dep_ == "advmod" and t.head.lower_ in LOCATIVE):
            t = t.head
            continue
        return None
    return None


def _object_of(tok: Token, trigger: Token) -> bool:
    """``tok`` is the trigger's direct object, or names it ("the city of X", "the X region")."""
    t = tok
    for _ in range(4):
        if t.dep_ == "dobj":
            return t.head.i == trigger.i
        if t.dep_ in ("compound", "appos") or (t.dep_ == "pobj" and t.head.lower_ == "of"):
            t = t.head if t.dep_ != "pobj" else t.head.head
            continue
        return False
    return False


def _clause_head(t: Token) -> Token:
    """The verb (or root) that heads the clause ``t`` is in."""
    for _ in range(64):  # bounded: a parse is a tree, but never trust a loop on it
        if t.head.i == t.i or t.dep_ in _CLAUSE_DEPS or t.pos_ in ("VERB", "AUX"):
            break
        t = t.head
    return t


def place_for(trigger: Token, places: list[Place]) -> Place | None:
    """The event's place: a locative phrase in the trigger's clause, else in its sentence, else a
    place that is the trigger's own object ("shelled Kharkiv"), else None."""
    if not places:
        return None
    doc = trigger.doc
    sent = trigger.sent
    s0, s1 = sent.start_char, sent.end_char
    here = [p for p in places if s0 <= p.start < s1 and not p.metonymic]
    if not here:
        return None
    clause = _clause_head(trigger)
    best: tuple[int, Place] | None = None
    for p in here:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        prep = _locative_prep(span.root)
        if prep is None:
            # "shelled the city of Kharkiv": a place that is the trigger's own object is its scene
            if _object_of(span.root, trigger) and not _is_adjectival(p):
                key = 8 * 10_000 + abs(span.root.i - trigger.i)
                if best is None or key < best[0]:
                    best = (key, p)
            continue
        # rank: the preposition attaches to the trigger, then to the trigger's clause, then anywhere
        anc = prep.head
        if anc.i == trigger.i or (
            trigger.left_edge.i <= anc.i <= trigger.right_edge.i and _clause_head(anc).i == clause.i
        ):
            rank = 0
        elif _clause_head(anc).i == clause.i or _clause_head(prep).i == clause.i:
            rank = 1
        else:
            rank = 2
        rank = rank * 2 + (1 if _is_adjectival(p) else 0)
        dist = abs(span.root.i - trigger.i)
        key = rank * 10_000 + dist
        if best is None or key < best[0]:
            best = (key, p)
    return best[1] if best else None
