"""The CAMEO trigger lexicon: which word (with which object/particle) names which act.

Why: coding rules live in data (``data/lexicon.tsv``, ``data/frames.tsv``) that an analyst
can read and extend; this module only loads them once and tests a token against them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from ..tables import read_table

#: Dependency labels of a verb's object, and of a clause's subject.
OBJ_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative"})
NEG_WORDS = frozenset({"not", "never", "n't", "no"})
#: Particles that may stand apart from their verb ("forced the agency out of the country").
ADVERB_PARTICLES = frozenset({"out", "up", "down", "off", "over", "back", "away"})


@dataclass(frozen=True)
class Entry:
    """One lexicon row: a lemma, a condition and the code/role it gives."""

    lemma: str
    pos: str  # V, N or A
    particles: frozenset[str]
    objects: frozenset[str]
    anywhere: frozenset[str]
    passive: bool
    code: str
    role: str  # act | report | light | frame:FF

    @property
    def family(self) -> str | None:
        return self.role.split(":", 1)[1] if self.role.startswith("frame:") else None


def _parse_cond(cond: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    parts: dict[str, frozenset[str]] = {}
    passive = False
    if cond != "-":
        for clause in cond.split(","):
            if clause == "pass":
                passive = True
                continue
            key, _, vals = clause.partition("=")
            parts[key] = frozenset(vals.split("|"))
    empty: frozenset[str] = frozenset()
    return parts.get("p", empty), parts.get("obj", empty), parts.get("any", empty), passive


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(lemma, pos) → rows in file order (specific first)."""
    out: dict[tuple[str, str], list[Entry]] = {}
    for row in read_table("eventwire.ontology", "lexicon.tsv"):
        lemma, pos = row["lemma"], row["pos"]
        p, o, a, passive = _parse_cond(row["condition"])
        out.setdefault((lemma, pos), []).append(Entry(lemma, pos, p, o, a, passive, row["code"], row["role"]))
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def frame_tables() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """``data/frames.tsv`` read once: act code prefix → topic, and (family, topic) → frame code."""
    topics: dict[str, str] = {}
    family: dict[tuple[str, str], str] = {}
    for row in read_table("eventwire.ontology", "frames.tsv"):
        if row["part"] == "topic":
            topics[row["key"]] = row["topic"]
        elif row["part"] == "family":
            family[(row["key"], row["topic"])] = row["code"]
    return topics, family


def topic_of(code: str) -> str | None:
    """The topic of an act ("072" → MILAID), used to refine a frame around it."""
    topics, _ = frame_tables()
    for k in range(len(code), 1, -1):
        if code[:k] in topics:
            return topics[code[:k]]
    return None


def family_code(family: str, topic: str | None) -> str | None:
    """The code of a frame family about a topic (02 + MILAID → 0232), None when not listed."""
    if topic is None:
        return None
    return frame_tables()[1].get((family, topic))


def frame_topic(code: str) -> str | None:
    """The topic a frame code is about ("1243" → RELEASE), read back from the family table, for
    a frame inside a frame ("rejected a request for talks")."""
    family = code[:2]
    for (f, topic), c in frame_tables()[1].items():
        if f == family and c == code:
            return topic
    return None


def pos_key(token: Token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "V"
    if token.pos_ in ("NOUN", "PROPN"):
        return "N"
    if token.pos_ == "ADJ":
        return "A"
    return None


#: Lemmas the small English model gets wrong for "-ed/-es" forms of verbs we code ("staged" → "stag").
_LEMMA_FIXES = {"stag": "stage", "wag": "wage", "hop": "hope", "rap": "rape"}


def lemma_of(token: Token) -> str:
    lem = token.lemma_.lower()
    fixed = _LEMMA_FIXES.get(lem)
    if fixed is not None and token.lower_ in (fixed + "d", fixed + "s"):
        return fixed
    if token.pos_ == "VERB" and lem.endswith("ing") and (lem, "V") not in lexicon():
        # the small model sometimes leaves gerunds unlemmatised ("arresting")
        for cand in (lem[:-3], lem[:-3] + "e", lem[:-4] if len(lem) > 5 and lem[-4] == lem[-5] else ""):
            if (cand, "V") in lexicon():
                return cand
    return lem


def _object_lemmas(token: Token) -> set[str]:
    out = set()
    for c in token.children:
        if c.dep_ in OBJ_DEPS:
            out.add(c.lemma_.lower())
            out.update(x.lemma_.lower() for x in c.children if x.dep_ == "compound")
    return out


def _particles(token: Token) -> set[str]:
    out = set()
    for c in token.children:
        if c.dep_ == "prt" or (c.dep_ in PARTICLE_DEPS and (0 < c.i - token.i <= 2 or c.lower_ in ADVERB_PARTICLES)):
            out.add(c.lower_)  # a preposition makes a phrasal verb only next to it: not "called on Monday"
        elif c.dep_ in ("advcl", "ccomp", "xcomp"):  # "pushed for Congress to act": "for" marks the clause
            out.update(g.lower_ for g in c.children if g.dep_ == "mark")
    return out


def _under(token: Token) -> set[str]:
    """Lemmas below the trigger, leaving out its subject (whose words say who, not what)."""
    out: set[str] = set()
    for c in token.children:
        if c.dep_ in SUBJ_DEPS and c.dep_ != "nsubjpass":
            continue
        out.update(t.lemma_.lower() for t in c.subtree)
    for c in token.lefts:  # compounds and modifiers of a noun: "air strike", "military aid"
        if c.dep_ in ("compound", "amod", "nmod"):
            out.add(c.lemma_.lower())
    return out


def is_passive(token: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in token.children)


def candidates(token: Token) -> tuple[Entry, ...]:
    """Rows for this token's lemma and part of speech, or ()."""
    key = pos_key(token)
    if key is None:
        return ()
    return lexicon().get((lemma_of(token), key), ())


def match(token: Token, skip_light: bool = True) -> Entry | None:
    """The first lexicon row whose condition this token meets (light-verb rows skipped)."""
    rows = candidates(token)
    if not rows:
        return None
    under: set[str] | None = None
    objs: set[str] | None = None
    parts: set[str] | None = None
    for e in rows:
        if skip_light and e.role == "light":
            continue
        if e.particles:
            parts = _particles(token) if parts is None else parts
            if not (e.particles & parts):
                continue
        if e.objects:
            objs = _object_lemmas(token) if objs is None else objs
            if not (e.objects & objs) and not ("*" in e.objects and objs):
                continue
        if e.anywhere:
            under = _under(token) if under is None else under
            if not (e.anywhere & under):
                continue
        if e.passive and not is_passive(token):
            continue
        return None if e.role == "none" else e
    return None


def light_entry(token: Token) -> Entry | None:
    """The light-verb row of this token, if its lemma can carry an event noun."""
    for e in candidates(token):
        if e.role == "light":
            if e.particles and not (e.particles & _particles(token)):
                continue
            return e
    return None


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEG_WORDS) for c in token.children)


@functools.lru_cache(maxsize=1)
def _reciprocal_codes() -> tuple[str, ...]:
    return tuple(row["code"].strip() for row in read_table("eventwire.ontology", "reciprocal.tsv"))


def reciprocal(code: str) -> bool:
    """Whether a CAMEO code names a mutual act ("X and Y met": each toward the other), from
    ``data/reciprocal.tsv``."""
    return code.startswith(_reciprocal_codes())
