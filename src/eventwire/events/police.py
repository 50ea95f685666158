"""Police heuristics: the police acts news leaves without a named agent, and police seen at work.

Why a layer of its own: news reports arrests, curfews and deployments in the passive ("five men
were arrested") and police doing things the lexicon does not code ("police combed the area");
these rules supply the police source or the police candidate such sentences imply, and nothing
else.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors.implied import implied_police
from ..model import Actor
from ..ontology import lexicon
from . import patterns
from .arguments import RELATIVE_PRONOUNS, actor_at
from .candidates import FUTURE_AUX, MAYBE_AUX, Candidate

#: Agentless acts that news usage leaves to the police ("five men were arrested", "curfew was
#: clamped", "patrolling has been intensified"): they get an implied police source, ranked lower.
IMPLIED_POLICE_CODES = ("173", "174", "175", "1723", "1724", "150", "151", "153")


def _agentless_passive(tok: Token) -> bool:
    """ "were arrested", "the arrested men", "activists detained on Monday": no agent named."""
    if lexicon.is_passive(tok):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("amod", "acl") and not any(c.dep_ == "agent" for c in tok.children)


#: Nouns of an agentless arrest ("the arrest of two men"): police acts in news usage ("custody" is
#: left out: things are kept in custody too).
CUSTODY_NOUNS = frozenset({"arrest", "detention"})  # compared with lemmas


def implied_arrest(c: Candidate, modality: str) -> bool:
    """Whether an act with no source is the police's by news usage: an agentless arrest, curfew or
    patrol ("five men were arrested"), or a bare arrest noun reported as done."""
    return c.code.startswith(IMPLIED_POLICE_CODES) and (
        _agentless_passive(c.anchor)
        or (
            c.anchor is c.token
            and c.token.pos_ == "NOUN"
            and c.token.lemma_.lower() in CUSTODY_NOUNS
            and c.token.dep_ != "compound"  # not "an arrest warrant"
            and modality in ("asserted", "reported")  # nor one only sought
            and not _under_frame(c.token)
        )
    )


def _under_frame(noun: Token) -> bool:
    """An event noun that is the object of a demand, appeal or threat ("demanded a ban on X and the
    arrest of its leaders"): an act asked for, not one done."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    gv = patterns.governing_verb(t)
    rows = lexicon.candidates(gv) if gv is not None else ()
    return bool(rows) and any(r.family for r in rows)


#: Codes that name a police act by definition (151 raise police alert, 153 mobilise police).
POLICE_BY_DEFINITION = ("151", "153")


def _police_unit(c: Candidate, actors) -> bool:
    """Whether the force a mobilisation moves or alerts is police ("police were put on alert",
    "sent a police force", "deployment of RPF personnel"): the deployed party, not the deployer."""
    if actors is None:
        return False
    a = c.anchor
    heads: list[Token] = []
    if a.pos_ in ("NOUN", "PROPN"):
        heads += [
            x for x in a.children if x.dep_ == "prep" and x.lower_ == "of" for x in x.children if x.dep_ == "pobj"
        ]
        heads += [x for x in a.lefts if x.dep_ == "compound"]
        gv = patterns.governing_verb(a)  # "police were put on high alert"
        if gv is not None and lexicon.is_passive(gv):
            heads += [x for x in gv.children if x.dep_ == "nsubjpass"]
    else:
        d = patterns.direct_object(a)
        heads += [d] if d is not None else []
    return any(is_police(actor_at(h, actors)) for t in heads for h in patterns.expand_conj(t))


def mobilised_police(c: Candidate, actors, country: str | None) -> Actor | None:
    """The implied police source of a mobilisation no one is named doing ("police were put on high
    alert", "additional police have been rushed", "amid tight security"): a police force mobilised
    is the police's own act (152/154 moving police become 151/153); None when it is not police."""
    if c.code[:2] != "15":
        return None
    unit = _police_unit(c, actors)
    if not (unit or c.code.startswith(POLICE_BY_DEFINITION)):
        return None
    c.code = {"152": "151", "154": "153"}.get(c.code, c.code) if unit else c.code
    c.notes.append("implied police")
    return implied_police(c.token, country)


#: Verbs whose police subject is not acting ("police were/seemed/looked helpless").
IDLE_VERBS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "look",
        "become",
        "remain",
        "stand",
        "lose",
        "feel",
        "know",
        "want",
        "need",
        "fail",
        "lack",
        "face",
        "get",
        "sit",
        "watch",
        "come",
        "rise",
        "keep",
    }
)


def is_police(a: Actor | None) -> bool:
    """Whether an actor is a police force (sector COP)."""
    return a is not None and "COP" in (a.sectors or ())


def police_activity(sent: Span, actors) -> Candidate | None:
    """Police as the agent of a verb the lexicon does not code ("police combed the area", "the
    commissioner briefed him"): a low-confidence police operation (150) so the police's part in
    the sentence is on record; idle, negated and hypothetical verbs are left out. The caller
    keeps only the candidate's event with a police source."""
    has = getattr(actors, "mentions_of_sector", None)
    if has is not None and not has("COP", sent.start_char, sent.end_char):
        return None  # no police in the sentence: nothing to look for (most sentences of most news)
    for tok in sent:
        if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            a = actor_at(tok, actors)  # "according to the police commissioner, ...": he said so
            if is_police(a):
                c = Candidate(tok.head.head, tok.head.head, _ACCORDING, "010", tok.head.head.i, tok.head.i)
                c.frame_source = tok
                return c
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
        if v.lemma_.lower() in IDLE_VERBS or lexicon.negated(v) or lexicon.match(v) is not None:
            continue
        if any(x.dep_ == "aux" and x.lower_ in MAYBE_AUX | FUTURE_AUX for x in v.children):
            continue
        agent = tok.head.head if tok.pos_ == "PRON" else tok  # "a constable who was escorting ..."
        # "the army and the police conducted a flag march": any police conjunct
        police = next((h for h in patterns.expand_conj(agent) if is_police(actor_at(h, actors))), None)
        if police is None:
            continue
        c = Candidate(v, v, _ACTIVITY, "150", v.i, v.i)
        c.notes.append("police activity")
        c.frame_source = police
        return c
    return None


_ACTIVITY = lexicon.Entry("-", "V", frozenset(), frozenset(), frozenset(), False, "150", "act")
_ACCORDING = lexicon.Entry("according", "V", frozenset(), frozenset(), frozenset(), False, "010", "report")
