"""Dependency patterns: who did it (source), to whom (target), and which act a frame is about.

Why: CAMEO coding needs the grammatical agent and patient, not the nearest names. Passives,
control verbs ("urged X to ..."), coordination, participle and relative clauses and nominal
events all move the agent away from the trigger; each rule here undoes one of those moves.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from spacy.tokens import Token

from ..ontology.lexicon import SUBJ_DEPS, is_passive, match
from ..tables import alternatives, read_table

#: Prepositions that introduce a target, best first.
TARGET_PREPS = (
    "against",
    "on",
    "upon",
    "with",
    "to",
    "at",
    "into",
    "toward",
    "towards",
    "for",
    "from",
    "over",
    "of",
    "in",
    "by",
)
#: Where a frame word keeps the act it is about.
EMBED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "obj", "acl", "advcl", "attr", "oprd"})
EMBED_PREPS = frozenset({"for", "on", "to", "of", "about", "into", "upon", "in"})
#: Clause links through which a verb without a subject takes its subject from its head.
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "relcl", "dep", "acomp"})


def expand_conj(token: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Israel and the Palestinians")."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(expand_conj(c))
    return out


def _agent(token: Token) -> Token | None:
    for c in token.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


#: Passive forms that state the subject's own stance ("Israel is opposed to ...").
STATIVE_PASSIVES = frozenset(
    {"oppose", "commit", "prepare", "determine", "engage", "involve", "resolve", "poise", "set", "dedicate"}
)


def _passive_participle(token: Token) -> bool:
    """ "a man accused by his neighbours", "troops backed by Iran": a passive without auxiliary."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN", "PRON")


def own_subject(token: Token) -> Token | None:
    """The grammatical agent of a verb: its subject, or the by-phrase of a passive."""
    if _passive_participle(token):
        agent = _agent(token)
        if agent is not None:
            return agent
    if is_passive(token):
        agent = _agent(token)
        if agent is None and token.lemma_.lower() in STATIVE_PASSIVES:
            return next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        return agent
    for c in token.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    return None


def direct_object(token: Token) -> Token | None:
    if is_passive(token) and token.lemma_.lower() not in STATIVE_PASSIVES:
        for c in token.children:
            if c.dep_ == "nsubjpass":
                return c
    if _passive_participle(token) and token.lemma_.lower() not in STATIVE_PASSIVES:
        return token.head  # "a man accused of ...": the man is the one accused
    for c in token.children:
        if c.dep_ in ("dobj", "obj", "dative"):
            return c
    return None


@functools.lru_cache(maxsize=1)
def object_agent_verbs() -> dict[str, tuple[frozenset[str], frozenset[str], bool]]:
    """verb lemma → (prepositions, adjectives the preposition must hang on (empty: none), whether
    the verb only claims the act), from ``data/object_agents.tsv``: verbs whose object did the act
    of their "of/for/with" phrase."""
    out = {}
    for row in read_table("eventwire.events", "object_agents.tsv"):
        adjectives = row["adjectives"].strip()
        out[row["verb"].strip()] = (
            frozenset(alternatives(row["prepositions"])),
            frozenset() if adjectives in ("", "-") else frozenset(alternatives(adjectives)),
            row["claim"].strip() == "y",
        )
    return out


def claims_act(verb: Token) -> bool:
    """Whether an object-agent verb only claims the act it names ("accused X of", "blamed X for")."""
    row = object_agent_verbs().get(verb.lemma_.lower())
    return row is not None and row[2]


def object_agent_verb(prep: Token) -> Token | None:
    """The verb of ``object_agents.tsv`` whose "of/for/with" phrase ``prep`` is, wherever the
    parser hung it: on the verb ("accused Iran of"), on its object ("accused [Iran of ...]") or on
    the adjective of "held X responsible for"."""
    if prep.dep_ != "prep":
        return None
    host = prep.head
    adj = None
    if host.pos_ == "ADJ" and host.dep_ in ("amod", "oprd", "acomp", "xcomp", "ccomp"):
        adj, host = host, host.head
    if host.pos_ in ("NOUN", "PROPN", "PRON") and host.dep_ in ("dobj", "obj", "nsubjpass"):
        host = host.head
    elif host.pos_ in ("NOUN", "PROPN", "PRON") and host.dep_ == "pobj" and host.head.dep_ == "agent":
        host = host.head.head  # "accused by [neighbours of burning ...]"
    if host.pos_ not in ("VERB", "AUX"):
        return None
    row = object_agent_verbs().get(host.lemma_.lower())
    if row is None or prep.lower_ not in row[0]:
        return None
    if row[1] and (adj is None or adj.lower_ not in row[1]):
        return None
    if adj is None and prep.head.pos_ == "ADJ":
        return None
    return host


def object_agent(token: Token) -> Token | None:
    """The agent of an act named in the phrase of an accusing, blaming or judging verb: its object
    ("accused the rebels of shelling the town" → rebels; "Iran was blamed for the attack" → Iran).

    Why: the act is the object's (as the speaker tells it), not the speaker's; inheriting the
    subject of the verb above would make the accuser the attacker.
    """
    if token.dep_ not in ("pcomp", "pobj"):
        return None
    verb = object_agent_verb(token.head)
    if verb is None:
        return None
    obj = direct_object(verb)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or obj.i == token.i:
        return None
    if obj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head  # "the group, which Kabul blames for the attack"
    return obj


#: Participles that state a result of the act before them ("..., killing two").
RESULT_PARTICIPLES = frozenset({"kill", "injure", "wound", "leave"})

#: Verbs whose grammatical subject is the victim ("97 died in police firing").
UNACCUSATIVE = frozenset({"die", "perish", "succumb"})


def subject(token: Token, depth: int = 0) -> Token | None:
    """Agent of a verb, inherited through xcomp/conj/advcl/relcl chains when it has none."""
    if token.lemma_.lower() in UNACCUSATIVE:
        return circumstance_agent(token)
    s = own_subject(token)
    if s is not None or depth > 4 or token.dep_ == "ROOT":
        return s
    if is_passive(token) and token.dep_ not in ("conj", "xcomp"):
        return None
    head = token.head
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.lemma_.lower() in RESULT_PARTICIPLES
        and head.dep_ in ("dobj", "obj")
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return subject(head.head, depth + 1)  # "fired 40 rounds, killing two": the shooters killed
    if token.dep_ == "relcl" or (token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON")):
        return head  # "the forces that shelled the town", "troops backed by ..."
    controller = object_agent(token)
    if controller is not None:  # "accused Iran of shelling": Iran shelled
        return controller
    if token.dep_ in INHERIT_DEPS:
        if token.dep_ == "xcomp":
            obj = direct_object(head)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and not is_passive(head):
                return obj  # object control: "urged Tehran to release ..."
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            return subject(head, depth + 1)
        if head.pos_ in ("NOUN", "PROPN"):
            return noun_agent(head)
    if token.dep_ == "pcomp" or token.head.dep_ == "prep":
        return subject(token.head.head, depth + 1) if token.head.dep_ == "prep" else None
    return None


def noun_agent(noun: Token) -> Token | None:
    """Agent of an event noun: "Iran's request", "the Iranian request", "attack by rebels"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    for c in noun.lefts:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ in ("NOUN", "PROPN")):
            return c  # "police firing", "the Iranian request"
    return None


def circumstance_agent(token: Token) -> Token | None:
    """Agent of an agentless passive from the event it happened in: "killed in police firing",
    "died due to police firing"."""
    preps = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "by", "to", "from"):
            preps.append(c)
        elif c.dep_ in ("prep", "amod", "acomp") and c.lower_ in ("due", "owing"):
            preps.append(c)  # the parser hangs the object on "due" or on its "to"
            preps.extend(g for g in c.children if g.dep_ in ("prep", "pcomp") and g.lower_ == "to")
    for c in token.children:  # a by-phrase the parser hung on a noun: "killed on the spot by the army"
        if c.dep_ == "prep":
            for g in c.children:
                for p in g.children:
                    if p.dep_ == "prep" and p.lower_ == "by" and g.dep_ == "pobj":
                        agent = next((x for x in p.children if x.dep_ == "pobj"), None)
                        if agent is not None and agent.pos_ in ("NOUN", "PROPN"):
                            return agent
    for c in preps:
        for g in c.children:
            if g.dep_ == "pcomp" and g.pos_ == "VERB":  # "died in [police firing]" parsed as a clause
                s = next((x for x in g.children if x.dep_ == "nsubj" and x.pos_ in ("NOUN", "PROPN")), None)
                if s is not None:
                    return s
            if g.dep_ != "pobj" or g.pos_ not in ("NOUN", "PROPN", "VERB"):  # "firing" is often tagged VERB
                continue
            a = noun_agent(g)
            if a is not None:
                return a
            nxt = g.doc[g.i + 1] if g.i + 1 < len(g.doc) else None
            if nxt is not None and (
                (nxt.head.i == token.i and nxt.dep_ in ("advcl", "dobj", "npadvmod", "dep"))
                or (nxt.head.i == g.i and nxt.dep_ in ("acl", "relcl", "amod"))
                or (
                    nxt.tag_ == "VBG"
                    and nxt.dep_ == "acl"
                    and g.pos_ == "NOUN"
                    and nxt.head.i == token.head.i
                    and token.dep_ == "acl"
                )
            ):
                return g  # the parser split "in [police] [firing]" (and may hang the gerund on the victims)
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb an event noun hangs from, as object or through a preposition."""
    h = noun
    for _ in range(3):
        if h.dep_ in ("dobj", "obj", "nsubjpass", "attr", "oprd"):
            return h.head
        if h.dep_ == "pobj" and h.head.dep_ in ("prep", "agent") and h.head.head.pos_ in ("VERB", "AUX"):
            return h.head.head
        if h.dep_ == "conj":
            h = h.head
            continue
        return None
    return None


def prep_objects(token: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under a token, in TARGET_PREPS order."""
    pairs = []
    for c in token.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in TARGET_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    pairs.append((c.lower_, g))
    pairs.sort(key=lambda p: TARGET_PREPS.index(p[0]))
    yield from pairs


def target_slots(token: Token) -> list[Token]:
    """Candidate heads for the target, best first: object, then prepositional arguments."""
    slots: list[Token] = []
    if token.lemma_.lower() in UNACCUSATIVE:
        slots.extend(c for c in token.children if c.dep_ == "nsubj")
    obj = direct_object(token)
    if obj is not None:
        slots.append(obj)
    for c in token.children:
        if c.dep_ == "dative":
            slots.append(c)
    slots.extend(g for _, g in prep_objects(token))
    if obj is not None:  # "shelled positions of the army", "rejected Iraq's proposal"
        slots.extend(c for c in obj.children if c.dep_ == "poss")
        slots.extend(noun_target_slots(obj))
    return slots


#: Prepositions of an event noun, best first: "the withdrawal of X from Y", "an attack on X".
NOUN_PREPS = (
    "of",
    "against",
    "on",
    "upon",
    "with",
    "between",
    "to",
    "at",
    "into",
    "toward",
    "towards",
    "for",
    "from",
    "over",
    "in",
)


def noun_target_slots(noun: Token) -> list[Token]:
    pairs = [
        (c.lower_, g)
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in NOUN_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    pairs.sort(key=lambda p: NOUN_PREPS.index(p[0]))
    return [g for _, g in pairs]


def embedded_heads(token: Token) -> Iterator[Token]:
    """Tokens that may carry the act a frame word is about, nearest first."""
    for c in token.children:
        if c.dep_ in EMBED_DEPS:
            yield c
            if c.dep_ in ("dobj", "obj"):  # "urged Iran to ...", "a request for ...", "the demand that ..."
                for g in c.children:
                    if g.dep_ in ("acl", "relcl", "xcomp", "ccomp"):
                        yield g
                    elif g.dep_ == "prep" and g.lower_ in EMBED_PREPS:
                        yield from (x for x in g.children if x.dep_ in ("pobj", "pcomp"))
        elif c.dep_ in ("prep", "prt", "dative") and c.lower_ in EMBED_PREPS:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield g
                    yield from (x for x in g.children if x.dep_ == "conj")
                    # "called on Iran to ...": the act hangs from the addressee
                    for x in g.children:
                        if x.dep_ in ("acl", "relcl", "xcomp", "ccomp"):
                            yield x


def embedded_subject(token: Token) -> Token | None:
    """The subject of an embedded clause ("demanded that Iraq withdraw" → Iraq)."""
    for c in token.children:
        if c.dep_ in SUBJ_DEPS:
            return c
    return None


SKIP_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "csubjpass",
        "expl",
        "punct",
        "cc",
        "aux",
        "auxpass",
        "neg",
        "det",
        "mark",
        "advmod",
        "npadvmod",
    }
)


def _other_act(verb: Token, code: str) -> bool:
    """Whether a verb names an act of another CAMEO root than ``code`` (its own parties, then)."""
    e = match(verb)
    if e is None or e.code[:2] == code[:2]:
        return False
    return e.role == "act" or e.family is not None


def nearby_heads(token: Token, max_depth: int = 4, code: str | None = None) -> list[Token]:
    """Nouns under the trigger, nearest first (breadth first, subject left out): the last
    resort for a target that hangs from a purpose clause or a deeper phrase. With ``code``, a
    coordinated verb that names an act of another root is left out ("welcomed the decision and
    urged Tehran to ...": Tehran is the urging's target, not the welcome's)."""
    out: list[Token] = []
    frontier = [token]
    for depth in range(max_depth):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in SKIP_DEPS and (depth == 0 or c.dep_ not in SUBJ_DEPS):
                    continue  # the trigger's own subject is the source; a sub-clause's may be the target
                if (
                    c.dep_ == "conj"
                    and c.pos_ in ("VERB", "AUX")
                    and (any(g.dep_ in SUBJ_DEPS for g in c.children) or (depth == 0 and code and _other_act(c, code)))
                ):
                    # "protesters marched, and police fired on them": another clause, its own parties;
                    # "welcomed the decision and urged Tehran to ...": another act, its own target
                    continue
                if c.pos_ in ("PROPN", "NOUN", "PRON") or c.ent_type_:
                    out.append(c)
                nxt.append(c)
        frontier = nxt
    return out
