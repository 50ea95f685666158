"""What belongs to a claim: the tests the indirect finder puts to a reporting verb's dependents.

Why a module of its own: the finder decides which complement is the content; these helpers
decide where that content stops (an apposition, a date, a second report conjoined inside it)
and whether an object is an audience or a target rather than what was said.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..attribution.cues import cue_lemma
from .words import HEARERS, ROLE_NOUNS, SPEECH, learned_verb_frames

#: right-hand dependents of a cue that go on with what it says about its object
_GOES_ON = frozenset({"prep", "oprd", "xcomp", "ccomp", "dative", "dobj", "acomp"})


def is_report(t: Token) -> bool:
    """A verb that reports speech with a clause of its own ("… and said that B")."""
    return (
        t.pos_ == "VERB"
        and (cue_lemma(t) in SPEECH or (cue_lemma(t), "ccomp") in learned_verb_frames())
        and any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children)
    )


def next_reports(comp: Token) -> set[Token]:
    """Tokens of a second report conjoined inside a claim ("said A and said that B", "noting A
    and saying B"): that report is its own record, not part of the first one's content."""
    out: set[Token] = set()
    for t in comp.subtree:
        if t.dep_ == "conj" and t.i > comp.i and t not in out and is_report(t):
            out.update(t.subtree)
            out.update(c for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i and c.i > t.head.i)
    return out


def np_content(obj: Token) -> list[Token]:
    """An object as a claim: its phrase without an apposition or aside after a comma ("Cruz, a
    pastor from …", "the plan, which he later dropped")."""
    cut: set[int] = set()
    for c in obj.rights:
        comma = c.i > 0 and obj.doc[c.left_edge.i - 1].text == ","
        if c.dep_ == "appos" or (c.dep_ in ("relcl", "acl") and comma):
            cut.update(x.i for x in c.subtree)
            if comma:
                cut.add(c.left_edge.i - 1)
    toks = [x for x in obj.subtree if x.i not in cut]
    last = max((x.i for x in toks), default=obj.i)
    return [x for x in toks if x.i <= last and (x.i < min(cut, default=len(obj.doc)) or x.i < obj.i)]


def right_complements(v: Token, comp: Token, demand: bool = False) -> list[Token]:
    """The verb's dependents after ``comp`` that continue the claim ("described the show as a
    farce", "called for contestants to wear …", "mentioned remarks he had made about her"),
    up to the first one that does not (a date, a conjoined verb, a clause of time or reason).
    With ``demand`` (a verb of asking), an infinitive the parser hung on the verb as a clause of
    purpose is what was asked ("called on both sides [to protect civilians]")."""
    out = []
    for c in v.rights:
        if c.i <= comp.i:
            continue
        if c.dep_ in ("punct",) and c.i == c.head.i + 1:
            continue
        if (
            demand
            and c.dep_ == "advcl"
            and c.left_edge.lower_ == "to"
            and c.left_edge.dep_ == "aux"
            and c.left_edge.i == comp.right_edge.i + 1
        ):
            out.append(c)
            continue
        if c.dep_ not in _GOES_ON or any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree if x.dep_ == "pobj"):
            break
        out.append(c)
    return out


def is_hearer(obj: Token) -> bool:
    """The object of "tell" or "ask" that is an audience: a person, a body, a pronoun or a role."""
    return (
        obj.pos_ == "PRON"
        or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or obj.lemma_.lower() in HEARERS
        or obj.lemma_.lower() in ROLE_NOUNS
    )


def aimed_at_person(obj: Token, tail: list[Token]) -> bool:
    """ "attacked Smith", "blasted her for …", "pounded Trump as a con artist" — not "attacked the base"."""
    return (
        obj.ent_type_ == "PERSON"
        or obj.lower_ in ("him", "her", "them")
        or any(x.dep_ == "oprd" or (x.dep_ == "prep" and x.lower_ in ("for", "as", "over")) for x in tail)
    )


def is_claim_clause(v: Token, c: Token) -> bool:
    """For a verb outside the lexicon, only a following that-clause with its own subject is a
    claim ("we recognise that the risk is real"); a clause before it is usually a misparse."""
    if c.i < v.i:
        return False
    kids = list(c.children)
    return any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids) and (
        any(k.dep_ == "mark" and k.lower_ in ("that", "whether", "if") for k in kids) or c.i <= v.i + 3
    )
