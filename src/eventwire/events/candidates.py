"""Candidates: the words of a sentence that name an act, and the frames around them.

Why a layer of its own: which words are triggers, which act a light verb or a frame ("vowed to
attack", "demanded that X withdraw") stands for, and whether an act is only intended, threatened
or refused must be settled before anyone asks who did it to whom.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..ontology import lexicon
from ..tables import read_table
from . import patterns

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
OBLIGATION_AUX = frozenset({"must", "should"})
MAYBE_AUX = frozenset({"may", "might", "could"})
#: Demand verbs that entail the act demanded ("forced X to withdraw": X withdrew).
IMPLICATIVE = frozenset({"force", "compel"})


@dataclass
class Candidate:
    """A trigger found in a sentence, before it becomes one or more events."""

    token: Token  # the word naming the act (verb or noun)
    anchor: Token  # where arguments are read: the verb for "hold talks", else token
    entry: lexicon.Entry
    code: str
    first: int  # token span of the trigger
    last: int
    consumed: bool = False
    embedded: Candidate | None = None
    frame_target: Token | None = None
    frame_source: Token | None = None
    notes: list[str] = field(default_factory=list)


def root_of(code: str) -> int:
    """The CAMEO root of a code as a number ("190" → 19)."""
    return int(code[:2])


def clause_depth(tok: Token) -> int:
    """Clause depth: verbal ancestors that are not reporting verbs."""
    d = 0
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            rows = lexicon.candidates(a)
            if not (rows and rows[0].role == "report"):
                d += 1
    return d


#: Entity types whose words are a name, not an act ("International Security Assistance Force",
#: a surname that is also a verb, the title of a book).
NAME_ENTS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "LAW", "FAC", "PRODUCT"})


def in_name(t: Token) -> bool:
    """Whether a word is part of a proper name and so names no act: a capitalised word inside a
    multi-word ORG/PERSON/title entity ("the Regional Assistance Force", "Mr Strike"). A lone
    capitalised word is kept (the tagger often takes a sentence-initial "Clashes" for a name)."""
    if t.ent_type_ not in NAME_ENTS or not t.is_title:
        return False
    # inside an entity of two or more words: it continues one, or the next word continues it
    # (read from the token's IOB tag; walking doc.ents per token cost a tenth of the events stage)
    if t.ent_iob_ == "I":
        return True
    return t.i + 1 < len(t.doc) and t.doc[t.i + 1].ent_iob_ == "I"


def find_candidates(sent: Span) -> tuple[list[Candidate], dict[int, Candidate]]:
    """Every trigger of the sentence in word order, and the live ones by anchor and token index."""
    by_tok: dict[int, Candidate] = {}
    for t in sent:
        if in_name(t):
            continue
        e = lexicon.match(t)
        if e is not None:
            by_tok[t.i] = Candidate(t, t, e, e.code, t.i, t.i)
    _add_light_verbs(sent, by_tok)
    _swallow_conditioned_nouns(by_tok)
    _combat_killings(sent, by_tok)
    cands = sorted(by_tok.values(), key=lambda c: c.token.i)
    by_anchor = {c.anchor.i: c for c in cands if not c.consumed}
    by_anchor.update({c.token.i: c for c in cands if not c.consumed})
    return cands, by_anchor


@functools.lru_cache(maxsize=1)
def combat_words() -> frozenset[str]:
    """Lemmas that put a killing in armed conflict (``data/combat_context.tsv``)."""
    return frozenset(row["lemma"] for row in read_table("eventwire.events", "combat_context.tsv"))


@functools.lru_cache(maxsize=1)
def combat_recodes() -> dict[tuple[str, str, str], tuple[str, bool]]:
    """(lemma, pos, default code) → its code in a sentence about fighting (``data/combat_recode.tsv``)."""
    rows = read_table("eventwire.events", "combat_recode.tsv")
    return {(r["lemma"], r["pos"], r["code"]): (r["combat_code"], r["rows"] == "any") for r in rows}


def _combat_killings(sent: Span, by_tok: dict[int, Candidate]) -> None:
    """A killing or wounding with no weapon named is conventional force (190) when its sentence is
    about armed conflict ("troops shelled the town, killing four"), by CAMEO's note on 190; outside
    combat ("the man was killed at his home") it keeps 1823/182. Only the default rows are
    recoded: a row conditioned on the means ("beaten to death") is kept."""
    table = combat_recodes()
    harms: list[tuple[Candidate, str]] = []
    for c in by_tok.values():
        row = table.get((c.entry.lemma, c.entry.pos, c.code))
        if row is not None and (row[1] or not c.entry.anywhere):
            harms.append((c, row[0]))
    if not harms:
        return
    words = combat_words()
    # armed actors or military weapons, not any violence: "killed in police firing" is not combat
    fighting = any(t.lemma_.lower() in words for t in sent if t.ent_type_ not in ("ORG", "PERSON", "WORK_OF_ART"))
    if fighting:
        for c, new in harms:
            c.code = new
            c.notes.append("combat")


def _add_light_verbs(sent: Span, by_tok: dict[int, Candidate]) -> None:
    """Light verbs: "held talks", "carried out an attack", "imposed a curfew" name the noun's act."""
    for t in sent:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        le = lexicon.light_entry(t)
        if le is None:
            continue
        own = by_tok.get(t.i)
        if (
            own is not None
            and own.entry.role not in ("report",)
            and (own.entry.objects or own.entry.anywhere or own.entry.particles)
        ):
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
            light = Candidate(o, t, nc.entry, nc.code, min(t.i, o.i), max(t.i, o.i))
            light.notes.append("light")
            by_tok[o.i] = light
            if own is not None:
                own.consumed = True
            break


def _swallow_conditioned_nouns(by_tok: dict[int, Candidate]) -> None:
    """Specific verb rows swallow the nouns they were conditioned on ("lifted the curfew")."""
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


def _embedded(frame: Candidate, by_anchor: dict[int, Candidate]) -> Candidate | None:
    """The act a frame is about: the nearest live trigger in its embedded clauses, two levels deep."""
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
            for h in patterns.embedded_heads(f):
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
    """The topic of an act code, or of a frame code inside a frame."""
    t = lexicon.topic_of(code)
    if t is not None:
        return t
    return lexicon.frame_topic(code)


def resolve_frames(cands: list[Candidate], by_anchor: dict[int, Candidate]) -> None:
    """Give each frame the code of its family about the act it frames; the framed act is consumed
    (or, under "forced X to ...", kept as done by X)."""
    frames = [c for c in cands if c.entry.family and not c.consumed]
    frames.sort(key=lambda c: -sum(1 for _ in c.anchor.ancestors))  # deepest first
    for f in frames:
        fam = f.entry.family or ""
        if fam == "03" and lexicon.negated(f.anchor):
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
            forced = (
                patterns.direct_object(f.anchor)
                if fam == "10" and f.anchor.lemma_.lower() in IMPLICATIVE and not lexicon.negated(f.anchor)
                else None
            )
            if forced is not None:
                # "forced the police to open fire": the forced act happened, done by the party forced
                inner.frame_source = forced
                inner.notes.append("forced")
            else:
                inner.consumed = True
            f.embedded = inner
            topic = _topic(inner.code)
            alt = lexicon.family_code(fam, topic)
            if alt is None and fam == "03":
                alt = lexicon.family_code("13", topic)  # "vowed to attack" is a threat
            code = alt or code
            if alt is None and fam == "03" and root_of(inner.code) >= 14:
                code = "130"
        f.code = code


def _reporting_head(tok: Token) -> Token | None:
    """The reporting verb a clause is the content of ("Russia said Sudan must ...")."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
        rows = lexicon.candidates(t)
        if rows and rows[0].role == "report":
            return t
    return None


def obligation_clause(verb: Token) -> Token | None:
    """The "must/should" clause a reporting verb introduces, if any."""
    for ch in verb.children:
        if ch.dep_ == "ccomp" and any(x.dep_ == "aux" and x.lower_ in OBLIGATION_AUX for x in ch.children):
            return ch
    return None


def intent_or_refusal(c: Candidate) -> None:
    """Future, obligatory and negated acts become intents, threats, demands or refusals (CAMEO usage)."""
    if c.entry.family or c.entry.role != "act":  # topics, reports and frames are coded already
        return
    a = c.anchor
    if a.pos_ not in ("VERB", "AUX"):
        verb = patterns.governing_verb(a)  # "would tighten the blockade"
        if verb is None or lexicon.candidates(verb):
            return
        a = verb
    root = root_of(c.code)
    topic = _topic(c.code)
    if lexicon.negated(a) and 4 <= root <= 8:
        c.code = lexicon.family_code("12", topic) or "120"
        c.notes.append("negated")
        return
    auxes = {x.lower_ for x in a.children if x.dep_ == "aux"}
    if auxes & OBLIGATION_AUX:
        rep = _reporting_head(a)
        if rep is not None:  # "Russia said Sudan must return the helicopter": a demand by Russia
            c.code = lexicon.family_code("10", topic) or "100"
            c.frame_source = patterns.subject(rep)
            c.frame_target = patterns.subject(a)
            c.notes.append("demand")
            return
    if auxes & FUTURE_AUX:
        if 4 <= root <= 8:
            c.code = lexicon.family_code("03", topic) or "030"
            c.notes.append("intent")
        elif root >= 15:
            c.code = lexicon.family_code("13", topic) or "130"
            c.notes.append("threat")
        elif root == 14:
            c.code = "133"
            c.notes.append("threat")
    elif auxes & MAYBE_AUX and root >= 15:
        c.code = lexicon.family_code("13", topic) or "130"
        c.notes.append("threat")
