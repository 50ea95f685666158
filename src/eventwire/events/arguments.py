"""Arguments: who did an act (the source) and to whom (the target), as actors.

Why a layer of its own: the dependency patterns give tokens; this layer turns them into the
actors the index resolved (or the ones the text implies), and ranks readings so that a party in
an argument slot of the trigger beats one found deeper in the clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.implied import place_actor, place_country, role_actor
from ..model import Actor, Place
from ..ontology import lexicon
from ..places import place_for
from . import patterns
from .candidates import Candidate

RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
ABOUT_PREPS = frozenset({"over", "about", "against", "regarding", "concerning"})
PRONOUNS = frozenset({"he", "him", "she", "her", "it", "they", "them", "its", "his", "their"})
POSSESSIVES = frozenset({"their", "its", "his", "her"})


def actor_at(tok: Token | None, actors) -> Actor | None:
    """The actor a token names: its own mention, the phrase it heads or modifies, or a role word."""
    if tok is None or actors is None:
        return None
    a = actors.for_token(tok)
    if a is not None:
        return a
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "police firing": the mention is the phrase
        found = actors.for_span(tok.doc[tok.i : tok.head.i + 1])
        if found:
            return found[0]
        return role_actor(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        span = tok.doc[tok.left_edge.i : tok.i + 1]
        found = actors.for_span(span) if len(span) > 0 else []
        if found:
            return found[-1]
        right = tok.doc[tok.i : tok.right_edge.i + 1]
        if len(right) <= 8:
            # "talks mediated by Norway": the by-agent of a participle is no party of the noun
            # nor is a landmark that only places it ("fighting near the university")
            agents = [
                (t.idx, t.right_edge.idx + len(t.right_edge))
                for t in right
                if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ in NEAR_PREPS)
            ]
            found = [a for a in actors.for_span(right) if not any(lo <= a.start < hi for lo, hi in agents)]
            if found:
                return found[0]
        for m in tok.lefts:  # "Iraqi towns", "Palestinian homes": the country they belong to
            if m.dep_ in ("amod", "compound", "poss", "nmod"):
                a = actors.for_token(m)
                if a is not None:
                    return a
    return role_actor(tok)


def actors_of(tok: Token | None, actors) -> list[Actor]:
    """Every party a token and its conjuncts name, once each."""
    if tok is None:
        return []
    out: list[Actor] = []
    for h in patterns.expand_conj(tok):
        a = actor_at(h, actors)
        if a is not None and all((a.start, a.end) != (b.start, b.end) for b in out):
            out.append(a)
            # "the two sides", "US and British forces": one head, more than one party
            out.extend(x for x in getattr(actors, "also_for_token", lambda _: ())(h) if a.code != x.code)
    return out


def _agent_of_violent_clause(verb: Token) -> Token | None:
    """ "a boy was killed when police fired on the crowd": the shooters of the clause that says how."""
    clauses = [verb] + [c for c in verb.children if c.dep_ == "conj"]  # "was killed and two injured when ..."
    for ch in (g for v in clauses for g in v.children):
        if ch.dep_ == "advcl":
            # the clause's verb, or the act it takes up ("when police resorted to firing")
            acts = [ch] + [x for x in ch.children if x.dep_ in ("dobj", "xcomp")]
            acts += [
                g
                for x in ch.children
                if x.dep_ == "prep" and x.lower_ == "to"
                for g in x.children
                if g.dep_ in ("pobj", "pcomp")
            ]
            for t in acts:
                e = lexicon.match(t)
                if e is not None and (e.code[:2] in ("18", "19", "20") or e.code == "175"):
                    return patterns.own_subject(ch)
    return None


def _reduced_passive(verb: Token) -> bool:
    """ "two killed in police firing": a participle with a subject but no auxiliary is a passive
    the parser read as active; its subject is the victim, not the agent."""
    return (
        verb.dep_ in ("conj", "relcl", "ROOT", "ccomp")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and verb.head.tag_ != "VBD"
        and any(c.dep_ == "prep" and c.lower_ in ("in", "during", "due") for c in verb.children)
    )


def _speaker_before(verb: Token) -> Token | None:
    """ ", superintendent of police K Rao said.": a closing reporting verb the parser left without
    a subject is said by the noun phrase just before it, back to the comma."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 10) - 1, -1):
        t = doc[i]
        if t.is_punct and t.text not in "()":
            return None
        if t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def source_token(c: Candidate, coded: set[int]) -> Token | None:
    """The token naming who did the act (``coded``: anchors of the sentence's other triggers)."""
    a = c.anchor
    if a.pos_ == "VERB" and a.tag_ == "VBG" and a.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        # a gerund used as a noun ("in police firing"): its agent is a noun's agent
        s = patterns.noun_agent(a)
        if s is not None:
            return s
    if a.pos_ in ("VERB", "AUX", "ADJ"):
        if a.tag_ == "VBN" and (patterns.own_subject(a) is None or _reduced_passive(a)):
            # "four were burnt and two killed in police firing": the firing's agent, not the victims
            ca = patterns.circumstance_agent(a)
            if ca is not None:
                return ca
        s = patterns.subject(a)
        if s is None and lexicon.is_passive(a):
            s = patterns.circumstance_agent(a) or _agent_of_violent_clause(a)
        elif s is None and a.lemma_.lower() in patterns.UNACCUSATIVE:  # "three died when police fired"
            s = _agent_of_violent_clause(a)
        if (
            s is None
            and c.entry.role == "report"
            and not any(x.dep_ in ("ccomp", "xcomp") for x in a.children if x.i > a.i)
        ):
            s = _speaker_before(a)
        if s is not None and s.lower_ in RELATIVE_PRONOUNS and s.head.i == a.i and a.dep_ == "relcl":
            s = a.head  # "the constables who killed a farmer": the relative pronoun's antecedent
        return s
    s = patterns.noun_agent(a)
    if s is None and _under_attack(a):
        return None  # "peacekeepers came under attack": the subject suffered the act
    if s is None or not (s.dep_ == "poss" or s.head.lower_ == "by"):
        # "blamed X for the air strike": the blamed party, before a modifier read as the agent
        s = patterns.object_agent(a) or s
    if s is None:
        # "X remained on alert", "X completed its withdrawal": the verb's subject is the agent,
        # unless that verb is an act of its own ("X condemned the attack")
        gv = patterns.governing_verb(a)
        if gv is not None and (gv.i not in coded or lexicon.light_entry(gv) is not None):
            s = patterns.subject(gv)
    return s


def _target_tokens(c: Candidate) -> list[Token]:
    """The argument slots of a trigger, and of the act a frame is about."""
    slots: list[Token] = [c.frame_target] if c.frame_target is not None else []
    a = c.anchor
    inner = c.embedded.token if c.embedded is not None else None
    if c.token is not a:  # light verb + event noun
        slots += patterns.noun_target_slots(c.token)
        slots += [s for s in patterns.target_slots(a) if s is not c.token]
    elif a.pos_ in ("VERB", "AUX", "ADJ"):
        slots += [s for s in patterns.target_slots(a) if s is not inner]
    else:
        slots += patterns.noun_target_slots(a)
        if _under_attack(a):
            s = patterns.own_subject(a.head.head)
            slots += [s] if s is not None else []
    if c.entry.family:  # "demanded that Iraq withdraw", "threatened to attack X"
        for ch in a.children:
            if ch.dep_ in ("ccomp", "xcomp"):
                es = patterns.embedded_subject(ch)
                if es is not None:
                    slots.append(es)
        if c.embedded is not None:
            e = c.embedded
            slots += [s for s in _target_tokens(e) if s is not a]
            es = patterns.embedded_subject(e.anchor)
            if es is not None:
                slots.append(es)
    return slots


def _under_attack(a: Token) -> bool:
    """ "came under attack", "are under fire": an act the verb's subject undergoes."""
    return a.dep_ == "pobj" and a.head.lower_ == "under" and a.head.head.pos_ in ("VERB", "AUX")


def choose_sources(c: Candidate, actors, coded: set[int]) -> tuple[list[Actor], Token | None]:
    """The sources of an act, and the token they were read from."""
    src_tok = c.frame_source if c.frame_source is not None else source_token(c, coded)
    sources = actors_of(src_tok, actors)
    a = c.anchor
    if src_tok is not None and a.dep_ in ("acl", "relcl") and src_tok.i == a.head.i:
        # "a statement condemning the arrest of X": the noun's agent, never the participle's object
        sources = [x for x in sources if x.start < a.idx]
    if not sources and src_tok is not None and src_tok.dep_ == "nsubj" and src_tok.head.i == c.anchor.i:
        # a parser slip gives the verb two subjects ("A strike killed 30, officials said"): the other one
        other = next((x for x in src_tok.head.children if x.dep_ == "nsubj" and x.i != src_tok.i), None)
        if other is not None:
            sources = actors_of(other, actors)
            src_tok = other if sources else src_tok
    if not sources and c.frame_source is None:
        for tok in _fallback_sources(c.anchor, src_tok):
            found = actors_of(tok, actors)
            if found:
                return found, tok
    return sources, src_tok


#: Prepositions that set an event noun beside the act of the clause it hangs on ("said during a
#: visit to Spain"): whoever does that act made the visit.
BESIDE_PREPS = frozenset({"during", "after", "before", "upon", "following", "on"})


def _fallback_sources(a: Token, src_tok: Token | None) -> list[Token]:
    """Where the agent of an act stands when its own slot names no party: the parties an event
    noun is "between" ("talks between X and Y"), the subject of the verb whose object a participle
    describes ("X issued a statement condemning Y"), and the subject of an active verb an event
    noun is set beside ("X said during a visit to Y")."""
    out: list[Token | None] = []
    if src_tok is not None and src_tok.pos_ in ("NOUN", "PROPN"):
        # "killed by a bomb planted by X", "a bomb placed by X": the agent of the instrument
        out += [patterns.own_subject(x) for x in src_tok.children if x.dep_ == "acl" and x.tag_ == "VBN"]
    if a.pos_ in ("NOUN", "PROPN"):
        out += [patterns.own_subject(x) for x in a.children if x.dep_ == "acl" and x.tag_ == "VBN"]
        for p in a.children:
            if p.dep_ == "prep" and p.lower_ == "between":
                out += [g for g in p.children if g.dep_ == "pobj"]
        p = a.head
        if a.dep_ == "pobj" and p.lower_ in BESIDE_PREPS and p.head.pos_ in ("VERB", "AUX"):
            v = p.head
            if not lexicon.is_passive(v) and not any(x.dep_ == "nsubjpass" for x in v.children):
                s = patterns.own_subject(v)
                if s is not None:
                    out.append(s)
    if src_tok is not None and src_tok.pos_ == "PRON" and src_tok.head.i == a.i and a.dep_ in ("advcl", "conj"):
        # "X and Y stressed ties as they opened talks": an unresolved pronoun subject of a
        # subordinate or conjoined clause is the subject of the clause it joins
        s = patterns.subject(a.head) if a.head.pos_ in ("VERB", "AUX") else None
        if s is not None:
            out.append(s)
    if a.dep_ == "acl" and a.tag_ == "VBG" and (src_tok is None or src_tok.i == a.head.i):
        gv = patterns.governing_verb(a.head)
        if gv is not None and not lexicon.is_passive(gv):
            s = patterns.subject(gv)
            if s is not None:
                out.append(s)
    return [t for t in out if t is not None]


def definite_noun(c: Candidate) -> bool:
    """A bare definite event noun ("the firing", "the attack") that refers back to an act."""
    t = c.token
    return (
        c.anchor is t
        and t.pos_ in ("NOUN", "PROPN", "VERB")
        and t.tag_ != "VBN"
        and any(x.dep_ == "det" and x.lower_ in ("the", "this", "that") for x in t.children)
    )


def _target_candidates(c: Candidate, src_tok: Token | None, sources: list[Actor], actors, places: list[Place]):
    """Target candidates, best first: actors in the argument slots, a place in those slots
    ("lifted the curfew in Montenegro"), then actors and places deeper in the clause."""
    src_keys = {(a.start, a.end) for a in sources}
    src_codes = {a.code for a in sources}
    slots = [t for t in _target_tokens(c) if src_tok is None or t.i != src_tok.i]
    if c.code[:2] == "11":
        # "complained to the UN over Israeli raids": the target is what is complained about,
        # the addressee only when nothing is
        about = [t for t in slots if t.dep_ == "pobj" and t.head.lower_ in ABOUT_PREPS and t.head.head.i == c.anchor.i]
        slots = about + [t for t in slots if t not in about]
    slots = [t for t in slots if not _nearby_place(t)]
    for slot in slots:
        found = [
            a for a in actors_of(slot, actors) if (a.start, a.end) not in src_keys and not _self_pronoun(a, sources)
        ]
        if found:
            yield found, True
        pa = place_actor(slot, places) if not _venue(c, slot) else None
        if pa is not None:
            yield [pa], False  # a place read as its country: weaker than a party ("X and Y met in Z")
    if c.entry.role == "report":
        return
    for slot in patterns.nearby_heads(c.anchor, code=_plain_code(c)):
        if (src_tok is not None and slot.i == src_tok.i) or _nearby_place(slot):
            continue
        found = [
            a
            for a in actors_of(slot, actors)
            if (a.start, a.end) not in src_keys
            and a.code not in src_codes
            and not _self_pronoun(a, sources)
            and not _own_state(a, sources)
        ]
        if found:
            yield found, False
        pa = place_actor(slot, places) if not _venue(c, slot) else None
        if pa is not None and not _own_state(pa, sources):
            yield [pa], False


#: Prepositions that place an act beside something ("fighting near the university"): their
#: object is where it happened, not what it was aimed at.
NEAR_PREPS = frozenset({"near", "outside", "around", "beside", "nearby"})


def _nearby_place(slot: Token) -> bool:
    """ "clashes near the university": a landmark that locates the act, no party to it."""
    return slot.dep_ == "pobj" and slot.head.lower_ in NEAR_PREPS


def _venue(c: Candidate, slot: Token) -> bool:
    """ "X and Y opened talks in Washington": the place a mutual act (a meeting, talks) is held
    in is its venue, not a party to it."""
    return lexicon.reciprocal(c.code) and slot.dep_ == "pobj" and slot.head.lower_ in ("in", "at")


def _self_pronoun(a: Actor, sources: list[Actor]) -> bool:
    """A pronoun that the actor index resolved to the event's own source ("the Kremlin warned
    that it would not ..."): the speaker itself, never the party the act is aimed at."""
    if a.text.lower() in PRONOUNS and any(a.code == s.code for s in sources):
        return True
    # "X and Y agreed to resume visits between their leaders": what the sources' own pronoun
    # owns is theirs (a second reading of the sources), no party the act is aimed at
    first = a.text.split(" ", 1)[0].lower()
    return (
        len(sources) > 1
        and first in POSSESSIVES
        and a.country is not None
        and any(s.country == a.country for s in sources)
    )


def mediated_parties(tok: Token, actors, sources: list[Actor]) -> list[Actor]:
    """ "X and Y signed a deal ending talks mediated by Z": the parties Z mediated between are the
    coordinated subject of the clause the mediation hangs from (two or more actors)."""
    keys = {(a.start, a.end) for a in sources}
    for anc in tok.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        parties = [a for a in actors_of(patterns.own_subject(anc), actors) if (a.start, a.end) not in keys]
        if len(parties) > 1:
            return parties
    return []


def _plain_code(c: Candidate) -> str | None:
    """The code of a trigger that is a verb by itself ("welcomed", "rejected"), whose coordinated
    acts keep their own targets; None for a verb completed by its object ("claimed responsibility",
    "declared a ceasefire"), which may still borrow the target of the verb beside it."""
    return c.code if c.token is c.anchor and not c.entry.objects else None


def _own_state(a: Actor, sources: list[Actor]) -> bool:
    """The source's own country or capital named deep in its clause ("Russia criticised the deal,
    saying Moscow had not been consulted"): the same state, no party the act is aimed at."""
    return a.kind == "country" and a.country is not None and any(s.country == a.country for s in sources)


def _judged_party(c: Candidate) -> bool:
    """ "accused Turkey of ...", "blamed the police for ...": the object is the party accused or
    judged, a target even when it shares the speaker's country."""
    a = c.anchor
    return (
        c.token is a
        and a.pos_ in ("VERB", "AUX")
        and a.lemma_.lower() in patterns.object_agent_verbs()
        and patterns.direct_object(a) is not None
    )


def choose_targets(
    c: Candidate, src_tok: Token | None, sources: list[Actor], actors, places: list[Place]
) -> tuple[list[Actor], bool]:
    """The targets, and whether they stand in an argument slot of the trigger (False: found
    deeper in the clause, a weaker reading that a reciprocal act gives way to)."""
    src_countries = {a.country for a in sources if a.country}
    first: list[Actor] = []
    first_slot = False
    for found, in_slot in _target_candidates(c, src_tok, sources, actors, places):
        if not first:
            first, first_slot = found, in_slot
            if (
                not src_countries
                or c.entry.role == "report"
                or any(t.country not in src_countries for t in found)
                or _judged_party(c)
            ):
                return found, in_slot
            continue
        # "France is ready to send troops to Liberia": French troops are the means, not the target
        other = [a for a in found if a.country and a.country not in src_countries]
        if other:
            return other, in_slot
    if first or actors is None:
        return first, first_slot
    # nothing resolved as a party: a place in an argument slot stands for its country
    # ("troops crossed into Lebanon"), the index's own location reading of the token
    src_keys = {(a.start, a.end) for a in sources}
    slots = [(t, True) for t in _target_tokens(c)]
    slots += (
        [] if c.entry.role == "report" else [(t, False) for t in patterns.nearby_heads(c.anchor, code=_plain_code(c))]
    )
    for slot, in_slot in slots:
        if src_tok is not None and slot.i == src_tok.i:
            continue
        if _venue(c, slot) or _nearby_place(slot):
            continue
        for h in patterns.expand_conj(slot):
            a = actors.for_token(h, locations=True)
            if (
                a is not None
                and (a.start, a.end) not in src_keys
                and not _self_pronoun(a, sources)
                and (in_slot or not _own_state(a, sources))
            ):
                return [a], False  # a place read as its country: weaker than a party ("X and Y met in Z")
    return first, first_slot


def scene_target(c: Candidate, sources: list[Actor], places: list[Place]) -> list[Actor]:
    """ "Russian troops shelled villages near Kharkiv": a use of force (roots 18-20) that names no
    target hits the country it happens in, when that is not the attacker's own."""
    if c.code[:2] not in ("18", "19", "20") or not places or not sources:
        return []
    src_countries = {s.country for s in sources}
    if None in src_countries:
        return []
    p = place_for(c.anchor, places)
    if p is None or not p.country or p.country in src_countries:
        return []
    return [place_country(p)]
