"""Event coding: predicates + arguments in a parsed article → CAMEO/PLOVER events with evidence.

Why one orchestrator: the lexicon (what act), the patterns (who to whom), frames (threats,
appeals, promises about another act) and the modality/date/place helpers of other modules
must be applied in one order per sentence, so that the act a sentence reports ranks first.
"""
from __future__ import annotations

import collections
import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event, Place, TextSpan
from ..ontology import get as cameo_get
from ..ontology import plover_type
from . import lexicon as lx
from . import patterns as pt

log = logging.getLogger(__name__)

from ..actors.roles import role_of as _role_of
from ..places import place_for as _place_for
from ..times import event_date as _event_date
from .dedup import merge_within_article as _merge
from .denials import apply_denials as _apply_denials
from .fatalities import fatalities_for as _fatalities_for
from .modality import assess as _assess

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
#: Agentless acts that news usage leaves to the police ("five men were arrested", "curfew was
#: clamped", "patrolling has been intensified"): they get an implied police source, ranked lower.
IMPLIED_POLICE_CODES = ("173", "174", "175", "1723", "1724", "150", "151", "153")


@dataclass
class Cand:
    """A trigger found in a sentence, before it becomes one or more events."""

    token: Token  # the word naming the act (verb or noun)
    anchor: Token  # where arguments are read: the verb for "hold talks", else token
    entry: lx.Entry
    code: str
    first: int  # token span of the trigger
    last: int
    consumed: bool = False
    embedded: "Cand | None" = None
    frame_target: Token | None = None
    frame_source: Token | None = None
    notes: list[str] = field(default_factory=list)


def _root_of(code: str) -> int:
    return int(code[:2])


def _depth(tok: Token) -> int:
    """Clause depth: verbal ancestors that are not reporting verbs."""
    d = 0
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            rows = lx.candidates(a)
            if not (rows and rows[0].role == "report"):
                d += 1
    return d


def _find_cands(sent: Span) -> tuple[list[Cand], dict[int, Cand]]:
    by_tok: dict[int, Cand] = {}
    for t in sent:
        e = lx.match(t)
        if e is not None:
            by_tok[t.i] = Cand(t, t, e, e.code, t.i, t.i)
    # light verbs: "held talks", "carried out an attack", "imposed a curfew"
    for t in sent:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        le = lx.light_entry(t)
        if le is None:
            continue
        own = by_tok.get(t.i)
        if own is not None and own.entry.role not in ("report",) and (own.entry.objects or own.entry.anywhere or own.entry.particles):
            continue  # the verb's own specific row wins ("open fire", "give asylum")
        objs = [c for c in t.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if le.particles:  # "engage in fighting", "take part in protests"
            objs += [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for o in list(objs):
            objs.extend(c for c in o.children if c.dep_ == "conj")
        for o in objs:
            nc = by_tok.get(o.i)
            if nc is None:  # "undertook a mediation mission": the act is the object's compound
                o = next((g for g in o.children if g.dep_ == "compound" and g.i in by_tok), o)
                nc = by_tok.get(o.i)
            if nc is None or nc.entry.role in ("report", "topic"):
                continue
            light = Cand(o, t, nc.entry, nc.code, min(t.i, o.i), max(t.i, o.i))
            light.notes.append("light")
            by_tok[o.i] = light
            if own is not None:
                own.consumed = True
            break
    # specific verb rows swallow the nouns they were conditioned on ("lifted the curfew")
    for c in list(by_tok.values()):
        e = c.entry
        if c.token is not c.anchor or c.token.pos_ not in ("VERB", "AUX") or not (e.objects or e.anywhere):
            continue
        words = e.objects | e.anywhere
        for n in by_tok.values():
            if n is c or n.token.pos_ not in ("NOUN", "PROPN") or n.anchor is not n.token:
                continue
            if n.token.lemma_.lower() in words and c.token in n.token.ancestors:
                n.consumed = True
    cands = sorted(by_tok.values(), key=lambda c: c.token.i)
    by_anchor = {c.anchor.i: c for c in cands if not c.consumed}
    by_anchor.update({c.token.i: c for c in cands if not c.consumed})
    return cands, by_anchor


def _embedded(frame: Cand, by_anchor: dict[int, Cand]) -> Cand | None:
    seen = {frame.anchor.i, frame.token.i}
    frontier = [frame.anchor] + ([frame.token] if frame.token is not frame.anchor else [])
    a = frame.anchor
    # "it is skeptical that ...": the clause hangs from the copula, not from the adjective
    extra = [c for c in a.head.children if c.dep_ in ("ccomp", "xcomp") and c.i != a.i] if a.dep_ == "acomp" else []
    for round_ in range(2):
        nxt = []
        if round_ == 0:
            for h in extra:
                seen.add(h.i)
                c = by_anchor.get(h.i)
                if c is not None and not c.consumed and c.entry.role != "report":
                    return c
                nxt.append(h)
        for f in frontier:
            for h in pt.embedded_heads(f):
                if h.i in seen:
                    continue
                seen.add(h.i)
                c = by_anchor.get(h.i)
                if c is not None and not c.consumed and c.entry.role != "report":
                    return c
                nxt.append(h)
        frontier = nxt
    return None


def _topic(code: str) -> str | None:
    t = lx.topic_of(code)
    if t is not None:
        return t
    # a frame code inside a frame ("rejected a request for talks"): read its topic back
    fam = code[:2]
    for (f, topic), c in lx._frames()[1].items():
        if f == fam and c == code:
            return topic
    return None


def _resolve_frames(cands: list[Cand], by_anchor: dict[int, Cand]) -> None:
    frames = [c for c in cands if c.entry.family and not c.consumed]
    frames.sort(key=lambda c: -sum(1 for _ in c.anchor.ancestors))  # deepest first
    for f in frames:
        fam = f.entry.family or ""
        if fam == "03" and lx.negated(f.anchor):
            fam = "12"  # "did not agree to ..." is a rejection
        inner = _embedded(f, by_anchor)
        code = f.entry.code if fam == f.entry.family else {"12": "120"}.get(fam, f.entry.code)
        if inner is not None and fam == "00":
            # an order is the act it orders, done by whoever gives the order ("ordered patrols")
            inner.consumed = True
            f.embedded = inner
            f.code = inner.code
            continue
        if inner is not None:
            forced = pt.direct_object(f.anchor) if fam == "10" and f.anchor.lemma_.lower() in IMPLICATIVE \
                and not lx.negated(f.anchor) else None
            if forced is not None:
                # "forced the police to open fire": the forced act happened, done by the party forced
                inner.frame_source = forced
                inner.notes.append("forced")
            else:
                inner.consumed = True
            f.embedded = inner
            topic = _topic(inner.code)
            alt = lx.family_code(fam, topic)
            if alt is None and fam == "03":
                alt = lx.family_code("13", topic)  # "vowed to attack" is a threat
            code = alt or code
            if alt is None and fam == "03" and _root_of(inner.code) >= 14:
                code = "130"
        f.code = code


#: Demand verbs that entail the act demanded ("forced X to withdraw": X withdrew).
IMPLICATIVE = frozenset({"force", "compel"})

OBLIGATION_AUX = frozenset({"must", "should"})
MAYBE_AUX = frozenset({"may", "might", "could"})


def _reporting_head(tok: Token) -> Token | None:
    """The reporting verb a clause is the content of ("Russia said Sudan must ...")."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
        rows = lx.candidates(t)
        if rows and rows[0].role == "report":
            return t
    return None


def _obligation_clause(verb: Token) -> Token | None:
    """The "must/should" clause a reporting verb introduces, if any."""
    for ch in verb.children:
        if ch.dep_ == "ccomp" and any(x.dep_ == "aux" and x.lower_ in OBLIGATION_AUX for x in ch.children):
            return ch
    return None


def _intent_or_refusal(c: Cand) -> None:
    """Future, obligatory and negated acts become intents, threats, demands or refusals (CAMEO usage)."""
    if c.entry.family or c.entry.role != "act":  # topics, reports and frames are coded already
        return
    a = c.anchor
    if a.pos_ not in ("VERB", "AUX"):
        a = pt.governing_verb(a)  # "would tighten the blockade"
        if a is None or lx.candidates(a):
            return
    root = _root_of(c.code)
    topic = _topic(c.code)
    if lx.negated(a) and 4 <= root <= 8:
        c.code = lx.family_code("12", topic) or "120"
        c.notes.append("negated")
        return
    auxes = {x.lower_ for x in a.children if x.dep_ == "aux"}
    if auxes & OBLIGATION_AUX:
        rep = _reporting_head(a)
        if rep is not None:  # "Russia said Sudan must return the helicopter": a demand by Russia
            c.code = lx.family_code("10", topic) or "100"
            c.frame_source = pt.subject(rep)
            c.frame_target = pt.subject(a)
            c.notes.append("demand")
            return
    if auxes & FUTURE_AUX:
        if 4 <= root <= 8:
            c.code = lx.family_code("03", topic) or "030"
            c.notes.append("intent")
        elif root >= 15:
            c.code = lx.family_code("13", topic) or "130"
            c.notes.append("threat")
        elif root == 14:
            c.code = "133"
            c.notes.append("threat")
    elif auxes & MAYBE_AUX and root >= 15:
        c.code = lx.family_code("13", topic) or "130"
        c.notes.append("threat")


# ---------------------------------------------------------------- arguments


def _actor_at(tok: Token | None, actors) -> Actor | None:
    if tok is None or actors is None:
        return None
    a = actors.for_token(tok)
    if a is not None:
        return a
    if tok.dep_ == "compound" and tok.head.i > tok.i:  # "police firing": the mention is the phrase
        found = actors.for_span(tok.doc[tok.i: tok.head.i + 1])
        if found:
            return found[0]
        return _role_actor(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        span = tok.doc[tok.left_edge.i: tok.i + 1]
        found = actors.for_span(span) if len(span) > 0 else []
        if found:
            return found[-1]
        right = tok.doc[tok.i: tok.right_edge.i + 1]
        if len(right) <= 8:
            # "talks mediated by Norway": the by-agent of a participle is no party of the noun
            agents = [(t.idx, t.right_edge.idx + len(t.right_edge)) for t in right if t.dep_ == "agent"]
            found = [a for a in actors.for_span(right) if not any(lo <= a.start < hi for lo, hi in agents)]
            if found:
                return found[0]
        for m in tok.lefts:  # "Iraqi towns", "Palestinian homes": the country they belong to
            if m.dep_ in ("amod", "compound", "poss", "nmod"):
                a = actors.for_token(m)
                if a is not None:
                    return a
    return _role_actor(tok)


def _role_actor(tok: Token) -> Actor | None:
    """A security-force word used as a modifier ("police firing", "army shelling") that the actor
    index leaves alone: coded from the actors module's own role table, country unknown."""
    role = _role_of(tok.lemma_, tok.text)
    if role is None or not set(role.sectors) & {"COP", "MIL"}:
        return None
    return Actor(code="".join(role.sectors), country=None, sectors=list(role.sectors), name=tok.lemma_.lower(),
                 text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), kind="group")


def _actors_of(tok: Token | None, actors) -> list[Actor]:
    if tok is None:
        return []
    out = []
    for h in pt.expand_conj(tok):
        a = _actor_at(h, actors)
        if a is not None and all((a.start, a.end) != (b.start, b.end) for b in out):
            out.append(a)
            # "the two sides", "US and British forces": one head, more than one party
            out.extend(x for x in getattr(actors, "also_for_token", lambda _: ())(h) if a.code != x.code)
    return out


def _agent_of_violent_clause(verb: Token) -> Token | None:
    """"a boy was killed when police fired on the crowd": the shooters of the clause that says how."""
    clauses = [verb] + [c for c in verb.children if c.dep_ == "conj"]  # "was killed and two injured when ..."
    for ch in (g for v in clauses for g in v.children):
        if ch.dep_ == "advcl":
            # the clause's verb, or the act it takes up ("when police resorted to firing")
            acts = [ch] + [x for x in ch.children if x.dep_ in ("dobj", "xcomp")]
            acts += [g for x in ch.children if x.dep_ == "prep" and x.lower_ == "to" for g in x.children if g.dep_ in ("pobj", "pcomp")]
            for t in acts:
                e = lx.match(t)
                if e is not None and (e.code[:2] in ("18", "19", "20") or e.code == "175"):
                    return pt.own_subject(ch)
    return None


def _reduced_passive(verb: Token) -> bool:
    """"two killed in police firing": a participle with a subject but no auxiliary is a passive
    the parser read as active; its subject is the victim, not the agent."""
    return verb.dep_ in ("conj", "relcl", "ROOT", "ccomp") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.head.tag_ != "VBD" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during", "due") for c in verb.children)


def _speaker_before(verb: Token) -> Token | None:
    """", superintendent of police K Rao said.": a closing reporting verb the parser left without
    a subject is said by the noun phrase just before it, back to the comma."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 10) - 1, -1):
        t = doc[i]
        if t.is_punct and t.text not in "()":
            return None
        if t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def _source_token(c: Cand, coded: set[int]) -> Token | None:
    a = c.anchor
    if a.pos_ == "VERB" and a.tag_ == "VBG" and a.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        # a gerund used as a noun ("in police firing"): its agent is a noun's agent
        s = pt.noun_agent(a)
        if s is not None:
            return s
    if a.pos_ in ("VERB", "AUX", "ADJ"):
        if a.tag_ == "VBN" and (pt.own_subject(a) is None or _reduced_passive(a)):
            # "four were burnt and two killed in police firing": the firing's agent, not the victims
            ca = pt.circumstance_agent(a)
            if ca is not None:
                return ca
        s = pt.subject(a)
        if s is None and lx.is_passive(a):
            s = pt.circumstance_agent(a) or _agent_of_violent_clause(a)
        elif s is None and a.lemma_.lower() in pt.UNACCUSATIVE:  # "three died when police fired"
            s = _agent_of_violent_clause(a)
        if s is None and c.entry.role == "report" and not any(x.dep_ in ("ccomp", "xcomp") for x in a.children if x.i > a.i):
            s = _speaker_before(a)
        if s is not None and s.lower_ in RELATIVE_PRONOUNS and s.head.i == a.i and a.dep_ == "relcl":
            s = a.head  # "the constables who killed a farmer": the relative pronoun's antecedent
        return s
    s = pt.noun_agent(a)
    if s is None or not (s.dep_ == "poss" or s.head.lower_ == "by"):
        # "blamed X for the air strike": the blamed party, before a modifier read as the agent
        s = pt.object_agent(a) or s
    if s is None:
        # "X remained on alert", "X completed its withdrawal": the verb's subject is the agent,
        # unless that verb is an act of its own ("X condemned the attack")
        gv = pt.governing_verb(a)
        if gv is not None and (gv.i not in coded or lx.light_entry(gv) is not None):
            s = pt.subject(gv)
    return s


def _target_tokens(c: Cand) -> list[Token]:
    slots: list[Token] = [c.frame_target] if c.frame_target is not None else []
    a = c.anchor
    inner = c.embedded.token if c.embedded is not None else None
    if c.token is not a:  # light verb + event noun
        slots += pt.noun_target_slots(c.token)
        slots += [s for s in pt.target_slots(a) if s is not c.token]
    elif a.pos_ in ("VERB", "AUX", "ADJ"):
        slots += [s for s in pt.target_slots(a) if s is not inner]
    else:
        slots += pt.noun_target_slots(a)
    if c.entry.family:  # "demanded that Iraq withdraw", "threatened to attack X"
        for ch in a.children:
            if ch.dep_ in ("ccomp", "xcomp"):
                es = pt.embedded_subject(ch)
                if es is not None:
                    slots.append(es)
        if c.embedded is not None:
            e = c.embedded
            slots += [s for s in _target_tokens(e) if s is not a]
            es = pt.embedded_subject(e.anchor)
            if es is not None:
                slots.append(es)
    return slots


def _place_actor(tok: Token, places: list[Place]) -> Actor | None:
    """A target named only as a place ("lifted the curfew in Montenegro"): its country, coded bare."""
    lo = tok.doc[tok.left_edge.i].idx if tok.left_edge.i < tok.i else tok.idx
    hi = tok.idx + len(tok)
    for p in places:
        # the place is the token, or named in front of it ("in Montenegro province")
        if p.country and (p.start <= tok.idx < p.end or lo <= p.start < p.end <= hi):
            return Actor(code=p.country, country=p.country, sectors=[], name=p.name, text=p.text,
                         start=p.start, end=p.end, kind="country")
    return None


def _definite_noun(c: Cand) -> bool:
    """A bare definite event noun ("the firing", "the attack") that refers back to an act."""
    t = c.token
    return c.anchor is t and t.pos_ in ("NOUN", "PROPN", "VERB") and t.tag_ != "VBN" and any(
        x.dep_ == "det" and x.lower_ in ("the", "this", "that") for x in t.children)


def _agentless_passive(tok: Token) -> bool:
    """"were arrested", "the arrested men", "activists detained on Monday": no agent named."""
    if lx.is_passive(tok):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and not any(c.dep_ == "agent" for c in tok.children)


#: Nouns of an agentless arrest ("the arrest of two men"): police acts in news usage ("custody" is
#: left out: things are kept in custody too).
CUSTODY_NOUNS = frozenset({"arrest", "detention"})  # compared with lemmas


def _under_frame(noun: Token) -> bool:
    """An event noun that is the object of a demand, appeal or threat ("demanded a ban on X and the
    arrest of its leaders"): an act asked for, not one done."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    gv = pt.governing_verb(t)
    rows = lx.candidates(gv) if gv is not None else ()
    return bool(rows) and any(r.family for r in rows)


#: Codes that name a police act by definition (151 raise police alert, 153 mobilise police).
POLICE_BY_DEFINITION = ("151", "153")


def _police_unit(c: Cand, actors) -> bool:
    """Whether the force a mobilisation moves or alerts is police ("police were put on alert",
    "sent a police force", "deployment of RPF personnel"): the deployed party, not the deployer."""
    if actors is None:
        return False
    a = c.anchor
    heads: list[Token] = []
    if a.pos_ in ("NOUN", "PROPN"):
        heads += [x for x in a.children if x.dep_ == "prep" and x.lower_ == "of" for x in x.children if x.dep_ == "pobj"]
        heads += [x for x in a.lefts if x.dep_ == "compound"]
        gv = pt.governing_verb(a)  # "police were put on high alert"
        if gv is not None and lx.is_passive(gv):
            heads += [x for x in gv.children if x.dep_ == "nsubjpass"]
    else:
        d = pt.direct_object(a)
        heads += [d] if d is not None else []
    return any(_police(_actor_at(h, actors)) for t in heads for h in pt.expand_conj(t))


def _implied_police(c: Cand, country: str | None) -> Actor:
    """Agentless arrests ("five men were arrested") are police acts in news usage; say so in the name."""
    t = c.token
    return Actor(code=f"{country or ''}COP", country=country, sectors=["COP"], name="police (implied)",
                 text=t.text, start=t.idx, end=t.idx + len(t.text), kind="group")


def _implied_government(src: Actor) -> Actor:
    """Protests without a named addressee are aimed at their own government (CAMEO usage)."""
    return Actor(code=f"{src.country}GOV", country=src.country, sectors=["GOV"], name=f"government of {src.country} (implied)",
                 text=src.text, start=src.start, end=src.end, kind="country")


def _main_country(actors, places: list[Place]) -> str | None:
    counts = collections.Counter(p.country for p in places if p.country)
    if not counts and actors is not None:
        counts = collections.Counter(m.country for m in actors.mentions if m.country)
    return counts.most_common(1)[0][0] if counts else None


def _background(tok: Token) -> bool:
    """Inside a relative or participle clause on a noun ("farmers killed in ..."): background."""
    t = tok
    for _ in range(12):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _confidence(c: Cand, has_src: bool, has_tgt: bool, fallback: bool, coded: set[int]) -> float:
    if fallback:
        return round(0.2 + 0.05 * has_src, 3)
    conf = 0.6 + 0.02 * len(c.code)
    root = _root_of(c.code)
    if root == 1:
        conf -= 0.1
    if c.anchor.pos_ not in ("VERB", "AUX", "ADJ") and "light" not in c.notes:
        conf -= 0.12  # a bare event noun is often background ("after the attack")
        gv = pt.governing_verb(c.anchor)
        if gv is not None and gv.i in coded:
            conf -= 0.1  # an act named as the object of another ("condemned the attack")
    if _background(c.anchor):
        conf -= 0.1
    conf -= 0.1 * min(_depth(c.anchor), 3)
    conf += 0.05 * has_src + 0.03 * has_tgt
    conf -= 0.0005 * (c.token.i - c.token.sent.start)
    return round(max(0.05, min(0.99, conf)), 4)


_DATELINE = re.compile(r"[^\n:.!?]{1,40}:\s+")


def _evidence(sent: Span, c: Cand, text: str) -> TextSpan:
    """The sentence of the trigger, less what a parser glued to it across a line break or a
    dateline ("ahmedabad: police arrested ..."): the evidence must be the sentence itself."""
    s0, s1 = sent.start_char, sent.end_char
    t0 = sent.doc[c.first].idx
    t1 = sent.doc[c.last].idx + len(sent.doc[c.last])
    nl = text.rfind("\n", s0, t0)
    if nl >= 0:
        s0 = nl + 1
    nl = text.find("\n", t1, s1)
    if nl >= 0:
        s1 = nl
    m = _DATELINE.match(text, s0, s1)
    if m and m.end() <= t0:
        s0 = m.end()
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return TextSpan(text[s0:s1], s0, s1)


def _span(doc: Doc, first: int, last: int) -> TextSpan:
    s = doc[first: last + 1]
    return TextSpan(s.text, s.start_char, s.end_char)


ABOUT_PREPS = frozenset({"over", "about", "against", "regarding", "concerning"})


def _target_candidates(c: Cand, src_tok: Token | None, sources: list[Actor], actors, places: list[Place]):
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
    for slot in slots:
        found = [a for a in _actors_of(slot, actors) if (a.start, a.end) not in src_keys and not _self_pronoun(a, sources)]
        if found:
            yield found, True
        pa = _place_actor(slot, places)
        if pa is not None:
            yield [pa], False  # a place read as its country: weaker than a party ("X and Y met in Z")
    if c.entry.role == "report":
        return
    for slot in pt.nearby_heads(c.anchor, code=_plain_code(c)):
        if src_tok is not None and slot.i == src_tok.i:
            continue
        found = [a for a in _actors_of(slot, actors) if (a.start, a.end) not in src_keys and a.code not in src_codes
                 and not _self_pronoun(a, sources) and not _own_state(a, sources)]
        if found:
            yield found, False
        pa = _place_actor(slot, places)
        if pa is not None and not _own_state(pa, sources):
            yield [pa], False


PRONOUNS = frozenset({"he", "him", "she", "her", "it", "they", "them", "its", "his", "their"})


def _self_pronoun(a: Actor, sources: list[Actor]) -> bool:
    """A pronoun that the actor index resolved to the event's own source ("the Kremlin warned
    that it would not ..."): the speaker itself, never the party the act is aimed at."""
    return a.text.lower() in PRONOUNS and any(a.code == s.code for s in sources)


def _mediated_parties(tok: Token, actors, sources: list[Actor]) -> list[Actor]:
    """"X and Y signed a deal ending talks mediated by Z": the parties Z mediated between are the
    coordinated subject of the clause the mediation hangs from (two or more actors)."""
    keys = {(a.start, a.end) for a in sources}
    for anc in tok.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        parties = [a for a in _actors_of(pt.own_subject(anc), actors) if (a.start, a.end) not in keys]
        if len(parties) > 1:
            return parties
    return []


def _plain_code(c: Cand) -> str | None:
    """The code of a trigger that is a verb by itself ("welcomed", "rejected"), whose coordinated
    acts keep their own targets; None for a verb completed by its object ("claimed responsibility",
    "declared a ceasefire"), which may still borrow the target of the verb beside it."""
    return c.code if c.token is c.anchor and not c.entry.objects else None


def _own_state(a: Actor, sources: list[Actor]) -> bool:
    """The source's own country or capital named deep in its clause ("Russia criticised the deal,
    saying Moscow had not been consulted"): the same state, no party the act is aimed at."""
    return a.kind == "country" and a.country is not None and any(s.country == a.country for s in sources)


def _judged_party(c: Cand) -> bool:
    """"accused Turkey of ...", "blamed the police for ...": the object is the party accused or
    judged, a target even when it shares the speaker's country."""
    a = c.anchor
    return c.token is a and a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in pt.object_agent_verbs() \
        and pt.direct_object(a) is not None


def _choose_targets(c: Cand, src_tok: Token | None, sources: list[Actor], actors,
                    places: list[Place]) -> tuple[list[Actor], bool]:
    """The targets, and whether they stand in an argument slot of the trigger (False: found
    deeper in the clause, a weaker reading that a reciprocal act gives way to)."""
    src_countries = {a.country for a in sources if a.country}
    first: list[Actor] = []
    first_slot = False
    for found, in_slot in _target_candidates(c, src_tok, sources, actors, places):
        if not first:
            first, first_slot = found, in_slot
            if not src_countries or c.entry.role == "report" or any(t.country not in src_countries for t in found) \
                    or _judged_party(c):
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
    slots += [] if c.entry.role == "report" else [(t, False) for t in pt.nearby_heads(c.anchor, code=_plain_code(c))]
    for slot, in_slot in slots:
        if src_tok is not None and slot.i == src_tok.i:
            continue
        for h in pt.expand_conj(slot):
            a = actors.for_token(h, locations=True)
            if a is not None and (a.start, a.end) not in src_keys and not _self_pronoun(a, sources) \
                    and (in_slot or not _own_state(a, sources)):
                return [a], False  # a place read as its country: weaker than a party ("X and Y met in Z")
    return first, first_slot


def _events_for(c: Cand, sent: Span, actors, places, published, country, fallback=False,
                coded: set[int] | None = None, text: str | None = None, memory: dict | None = None) -> list[Event]:
    doc = sent.doc
    src_tok = c.frame_source if c.frame_source is not None else _source_token(c, coded or set())
    sources = _actors_of(src_tok, actors)
    if not sources and src_tok is not None and src_tok.dep_ == "nsubj" and src_tok.head.i == c.anchor.i:
        # a parser slip gives the verb two subjects ("A strike killed 30, officials said"): the other one
        other = next((x for x in src_tok.head.children if x.dep_ == "nsubj" and x.i != src_tok.i), None)
        if other is not None:
            sources = _actors_of(other, actors)
            src_tok = other if sources else src_tok
    targets, in_slot = _choose_targets(c, src_tok, sources, actors, places)
    if not sources and not fallback and c.code[:2] == "15":
        unit = _police_unit(c, actors)
        if unit or c.code.startswith(POLICE_BY_DEFINITION):
            # "police were put on high alert", "additional police have been rushed", "amid tight
            # security": a police force mobilised with no one named doing it is the police's own act
            c.code = {"152": "151", "154": "153"}.get(c.code, c.code) if unit else c.code
            sources = [_implied_police(c, country)]
            targets = [t for t in targets if not _police(t)]
            c.notes.append("implied police")
    if c.code == "086" and sources and targets and sources[0].country \
            and all(t.country == sources[0].country for t in targets):
        # "the court allowed the candidate to run": a permission at home eases a restriction (081);
        # 086 is letting foreign or international parties in
        c.code = "081"
    if not targets and c.code.startswith("045"):
        targets = _mediated_parties(c.anchor, actors, sources)
    if not targets and _root_of(c.code) == 14 and sources and sources[0].country:
        targets = [_implied_government(sources[0])]
    info = cameo_get(c.code)
    modality, attribution = "asserted", []
    try:
        modality, attribution = _assess(c.anchor, actors)
    except Exception:  # a bug in one helper must not lose the event
        log.exception("modality.assess failed")
    if memory is not None:
        if sources and not fallback:
            if modality in ("asserted", "reported"):  # a denied or planned act is no antecedent for "the attack"
                memory[c.code] = sources[0]
        elif not sources and _definite_noun(c):
            # "one person was injured in the firing": the firing named earlier in the article
            prior = memory.get(c.code)
            if prior is not None:
                sources = [prior]
                c.notes.append("anaphoric source")
    if not sources and c.code.startswith(IMPLIED_POLICE_CODES) and (
            _agentless_passive(c.anchor) or (c.anchor is c.token and c.token.pos_ == "NOUN"
                                           and c.token.lemma_.lower() in CUSTODY_NOUNS
                                           and c.token.dep_ != "compound"  # not "an arrest warrant"
                                           and modality in ("asserted", "reported")  # nor one only sought
                                           and not _under_frame(c.token))):
        sources = [_implied_police(c, country)]
        c.notes.append("implied police")
    date = published
    try:
        date = _event_date(c.anchor, published, modality)
    except Exception:
        log.exception("times.event_date failed")
    place = None
    if places:
        try:
            place = _place_for(c.anchor, places)
        except Exception:
            log.exception("places.place_for failed")
    fatalities = None
    try:
        fatalities = _fatalities_for(c.anchor)
    except Exception:
        log.exception("fatalities_for failed")
    conf = _confidence(c, bool(sources), bool(targets), fallback, coded or set())
    if "implied police" in c.notes:
        conf = round(conf - 0.1, 4)
    evidence = _evidence(sent, c, text if text is not None else doc.text)
    trigger = _span(doc, c.first, c.last)
    pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])
             if not (s is not None and t is not None and s.code == t.code and s.start == t.start)]
    # a mutual act of coordinated parties ("X and Y met") with no other target: each is the
    # other's; so too when the only other party sits deeper in the clause ("X and Y signed a deal
    # mediated by Z": Z mediated, X and Y signed with each other)
    if len(sources) > 1 and lx.reciprocal(c.code) and (not targets or not in_slot):
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    out = []
    for s, t in pairs or [(sources[0] if sources else None, None)]:
        out.append(Event(
            cameo=info.code if len(c.code) == len(info.code) else c.code, name=info.name, root=info.root,
            quad_class=info.quad_class, goldstein=info.goldstein, plover=plover_type(c.code),
            source=s, target=t, modality=modality, evidence=evidence, trigger=trigger,
            attribution=list(attribution), date=date, place=place, fatalities=fatalities, confidence=conf,
        ))
    return out


def code_sentence(sent: Span, actors=None, places: list[Place] | None = None, published: str | None = None,
                  country: str | None = None, text: str | None = None, memory: dict | None = None) -> list[Event]:
    """All events of one sentence, main act first (``text``: the doc's text, passed in to save
    rebuilding it per event; ``memory``: code → last source seen in the article, for "the firing")."""
    cands, by_anchor = _find_cands(sent)
    if not cands:
        return _police_activity(sent, actors, places or [], published, country, text) if actors is not None else []
    _resolve_frames(cands, by_anchor)
    live = [c for c in cands if not c.consumed]
    for c in live:
        _intent_or_refusal(c)
    acts = [c for c in live if c.entry.role not in ("report", "topic")]
    coded = {c.anchor.i for c in live}
    events: list[Event] = []
    for c in acts:
        events.extend(_events_for(c, sent, actors, places or [], published, country, coded=coded, text=text, memory=memory))
    for r in (c for c in live if c.entry.role == "report"):
        must = _obligation_clause(r.anchor)
        if must is not None and not any(a.anchor.i == must.i for a in acts):
            # "the EU says the violence must end": a demand by the speaker
            r.code = "100"
            r.frame_target = pt.embedded_subject(must)
            r.notes.append("demand")
            events.extend(_events_for(r, sent, actors, places or [], published, country, coded=coded, text=text))
            continue
        # a reporting verb is a statement event of its own; it ranks below any act it frames
        events.extend(_events_for(r, sent, actors, places or [], published, country, fallback=True, coded=coded, text=text))
    if actors is not None and not any(_police(e.source) for e in events):
        events.extend(_police_activity(sent, actors, places or [], published, country, text))
    _share_fatalities(events)
    events.sort(key=lambda e: -e.confidence)
    # a statement by no one about no one ("..., it said in a statement") below the sentence's main
    # event says nothing more; as the only or main event it still tells what kind of sentence this is
    if not events or (events[0].source is None and events[0].target is None):
        return events  # no main event with a party: the partyless mentions are all there is
    return events[:1] + [e for e in events[1:] if not _idle(e, sent)]


def _idle(e: Event, sent: Span) -> bool:
    """An event with no party at all that is a statement or a bare act noun ("the attack", "tear
    gas"): below a main event that has a party it is a mention of an act, not news of one."""
    if e.source is not None or e.target is not None:
        return False
    if e.root == "01":
        return True
    span = sent.doc.char_span(e.trigger.start, e.trigger.end)
    return span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN")


#: Verbs whose police subject is not acting ("police were/seemed/looked helpless").
IDLE_VERBS = frozenset({"be", "seem", "appear", "look", "become", "remain", "stand", "lose", "feel", "know",
                        "want", "need", "fail", "lack", "face", "get", "sit", "watch", "come", "rise", "keep"})


RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _police(a: Actor | None) -> bool:
    return a is not None and "COP" in (a.sectors or ())


def _police_activity(sent: Span, actors, places: list[Place], published, country, text) -> list[Event]:
    """Police as the agent of a verb the lexicon does not code ("police combed the area", "the
    commissioner briefed him"): a low-confidence police operation (150) so the police's part in
    the sentence is on record; idle, negated and hypothetical verbs are left out."""
    has = getattr(actors, "mentions_of_sector", None)
    if has is not None and not has("COP", sent.start_char, sent.end_char):
        return []  # no police in the sentence: nothing to look for (most sentences of most news)
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            a = _actor_at(tok, actors)  # "according to the police commissioner, ...": he said so
            if _police(a):
                c = Cand(tok.head.head, tok.head.head, _ACCORDING, "010", tok.head.head.i, tok.head.i)
                c.frame_source = tok
                return [e for e in _events_for(c, sent, actors, places, published, country, fallback=True, text=text)
                        if _police(e.source)][:1]
            continue
        if tok.pos_ == "PRON" and not (tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl"):
            continue  # a pronoun's antecedent is too weak a reason for an event of its own
        if tok.dep_ == "nsubj":
            v = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # "escorted by the police"
            v = tok.head.head
        else:
            continue
        if v.pos_ != "VERB":
            continue
        if v.lemma_.lower() in IDLE_VERBS or lx.negated(v) or lx.match(v) is not None:
            continue
        if any(x.dep_ == "aux" and x.lower_ in MAYBE_AUX | FUTURE_AUX for x in v.children):
            continue
        agent = tok.head.head if tok.pos_ == "PRON" else tok  # "a constable who was escorting ..."
        # "the army and the police conducted a flag march": any police conjunct
        agent = next((h for h in pt.expand_conj(agent) if _police(_actor_at(h, actors))), None)
        if agent is None:
            continue
        c = Cand(v, v, _ACTIVITY, "150", v.i, v.i)
        c.notes.append("police activity")
        c.frame_source = agent
        evs = _events_for(c, sent, actors, places, published, country, fallback=True, text=text)
        return [e for e in evs if _police(e.source)][:1]
    return []


_ACTIVITY = lx.Entry("-", "V", frozenset(), frozenset(), frozenset(), False, "150", "act")
_ACCORDING = lx.Entry("according", "V", frozenset(), frozenset(), frozenset(), False, "010", "report")


def _share_fatalities(events: list[Event]) -> None:
    """"Four were killed in police firing": the deaths counted on the killing belong to the
    firing by the same source in the same sentence too."""
    deaths = {}
    for e in events:
        if e.fatalities and e.source is not None and e.root in ("18", "19", "20"):
            deaths[e.source.code] = max(deaths.get(e.source.code, 0), e.fatalities)
    for e in events:
        if e.fatalities is None and e.source is not None and e.root in ("18", "19", "20") and e.source.code in deaths:
            e.fatalities = deaths[e.source.code]


def extract_events(doc: Doc, actors, places: list[Place], published: str | None) -> list[Event]:
    """Every coded event of the article, highest confidence first."""
    country = _main_country(actors, places)
    text = doc.text
    memory: dict[str, Actor] = {}
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(code_sentence(sent, actors, places, published, country, text, memory))
    try:
        _apply_denials(events, doc, actors)
    except Exception:
        log.exception("denials.apply_denials failed")
    # statements (root 01) differ by what is said, which the merge key cannot see: two
    # "police said" sentences are two statements, so only the other acts are merged
    statements = [e for e in events if e.root == "01"]
    try:
        events = _merge([e for e in events if e.root != "01"]) + statements
    except Exception:
        log.exception("dedup.merge_within_article failed")
    events.sort(key=lambda e: -e.confidence)
    return events
