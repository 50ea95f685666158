"""Acts laid at someone's door: "officials blamed the bombing on rebels", "the raid, which the army
attributed to separatists".

Why: who did such an act is the blamer's claim, not the text's own statement, so the act is
``reported`` with the blamer in its attribution chain (an analyst must not count an attribution of
blame as established fact). Same-sentence only; the act is the blame verb's object, or the noun
phrase its relative clause hangs on ("the third kidnapping in the north, which police blamed on …").
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from ..attribution import is_anonymous, named_for, speaker_span
from ..model import Attribution, Event
from ..tables import read_table


@functools.lru_cache(maxsize=1)
def blame_verbs() -> dict[str, str]:
    """Lemma → the preposition that names the party blamed."""
    return {row["lemma"]: row["preposition"] for row in read_table("eventwire.events", "blame_verbs.tsv")}


def _blamed(verb: Token) -> Token | None:
    """What ``verb`` blames: its object, or the noun its relative clause hangs on (climbing
    clause links, as parsers often hang "which X have attributed to Y" one verb too high)."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in ("which", "that"):
            return c
    v = verb
    while v.dep_ in ("ccomp", "xcomp", "conj") and v.head.i != v.i:
        v = v.head
    return v.head if v.dep_ == "relcl" else None


def _names_party(verb: Token, thing: Token, prep: str) -> bool:
    """Does the verb (or the blamed noun, where parsers hang it) have the "on/to" party?"""
    return any(c.dep_ == "prep" and c.lower_ == prep for t in (verb, thing) for c in t.children)


def _blamer(verb: Token) -> Token | None:
    """Who blames: the active subject, or the passive's "by" agent."""
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ not in ("which", "that"):
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _phrases(t: Token) -> list[Token]:
    """The trigger and, for "the raid was the second attack …", the noun phrase it is equated with."""
    out = [t]
    if t.dep_ == "nsubj" and t.head.lemma_ == "be":
        out += [c for c in t.head.children if c.dep_ == "attr"]
    return out


def blame_verb_for(t: Token) -> Token | None:
    """The blame verb of ``t``'s sentence that lays ``t`` (an act's trigger) at someone's door."""
    verbs = blame_verbs()
    for v in t.sent:
        if v.pos_ != "VERB" or v.lemma_.lower() not in verbs:
            continue
        thing = _blamed(v)
        if thing is None or not _names_party(v, thing, verbs[v.lemma_.lower()]):
            continue  # "blamed the government" names whom, not what, is blamed
        if thing.i == t.i or (t.pos_ == "NOUN" and any(thing in p.subtree for p in _phrases(t))):
            return v
    return None


def _link(verb: Token, actors) -> Attribution:
    who = _blamer(verb)
    cue = verb.lemma_.lower()
    if who is None:
        return Attribution(text=verb.text, code=None, cue=cue, anonymous=True, start=verb.idx, end=verb.idx + len(verb))
    who = named_for(who)
    span = speaker_span(who)
    actor = actors.for_token(who) if actors is not None else None
    return Attribution(
        text=span.text,
        code=getattr(actor, "code", None),
        cue=cue,
        anonymous=is_anonymous(who, verb),
        start=span.start_char,
        end=span.end_char,
    )


def apply_blame(events: list[Event], doc: Doc, actors) -> None:
    """Mark asserted acts that a blame verb of their sentence attributes to someone (in place)."""
    for e in events:
        if e.modality != "asserted":
            continue
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or not len(span) or (span.root.pos_ == "VERB" and span.root.lemma_.lower() in blame_verbs()):
            continue
        verb = blame_verb_for(span.root)
        if verb is not None:
            e.modality = "reported"
            e.attribution.append(_link(verb, actors))
