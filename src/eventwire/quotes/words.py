"""The quote finder's vocabulary: the word lists and tables of ``data/``, read once.

Why a layer of its own: every other part of the finder (quotation marks, speakers, the finders,
the ranker, the benchmarks that rebuild the tables) asks the same questions of the same words,
so the files are parsed here and only here.

The verb lists (speech, np, xcomp, clause_only …) are views of the one reporting-cue table the
events read too (``attribution/data/reporting_cues.tsv``), and a verb's lemma is the attribution
layer's ``cue_lemma``. ``data/words.tsv`` holds the other hand lists (columns list, word),
``data/verb_preps.tsv`` the prepositions that carry one verb's content, and
``data/learned_cues.tsv`` how often each (lemma, frame) was an attribution cue in PolNeAR's train
split (counts only, made by ``tools/build_quote_cues.py``). All follow the package's table
convention and are read with ``eventwire.tables.read_table``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Token

from ..attribution.cues import cue_list
from ..tables import read_table

#: the folder of the finder's tables and the ranker's weights
DATA_DIR = Path(__file__).with_name("data")
#: the package whose ``data/`` tables ``read_table`` reads
PACKAGE = "eventwire.quotes"


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The word lists of ``data/words.tsv`` (list name → words), read once: data, not code."""
    out: dict[str, set[str]] = {}
    for row in read_table(PACKAGE, "words.tsv"):
        out.setdefault(row["list"], set()).add(row["word"])
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def verb_preps() -> frozenset[tuple[str, str]]:
    """(preposition, verb) pairs of ``data/verb_preps.tsv``: "respond to …", "agree with …"."""
    return frozenset((row["prep"], row["verb"]) for row in read_table(PACKAGE, "verb_preps.tsv"))


# ---------------------------------------------------------------- the learned cue table


#: a verb outside the hand lists is a cue when annotators marked it so in at least this share of
#: its uses with the same frame in PolNeAR train (tuned on train: tools/build_quote_cues.py)
CUE_RATE = 0.3
#: ... and it was seen at least this often there
CUE_MIN_N = 5
#: a noun is a claim ("doubts about", "criticism of") at this learned cue rate
NOUN_RATE = 0.25


class LearnedCue(NamedTuple):
    """One row of ``data/learned_cues.tsv``: a lemma in a frame ("-" for nouns), how often it was
    seen in PolNeAR train, how often inside a gold cue, and the share (cue / n)."""

    lemma: str
    pos: str
    frame: str
    n: int
    cue: int
    rate: float


@functools.lru_cache(maxsize=1)
def learned_cues() -> tuple[LearnedCue, ...]:
    """The rows of ``data/learned_cues.tsv``."""
    return tuple(
        LearnedCue(r["lemma"], r["pos"], r["frame"], int(r["n"]), int(r["cue"]), float(r["rate"]))
        for r in read_table(PACKAGE, "learned_cues.tsv")
    )


@functools.lru_cache(maxsize=1)
def learned_verb_frames() -> frozenset[tuple[str, str]]:
    """(lemma, frame) pairs of verbs that are attribution cues often enough."""
    return frozenset(
        (r.lemma, r.frame) for r in learned_cues() if r.pos == "VERB" and r.n >= CUE_MIN_N and r.rate >= CUE_RATE
    )


@functools.lru_cache(maxsize=1)
def learned_verb_lemmas() -> frozenset[str]:
    """The lemmas of ``learned_verb_frames()``: most verbs are in none, and need no frame."""
    return frozenset(lemma for lemma, _frame in learned_verb_frames())


@functools.lru_cache(maxsize=1)
def learned_nouns() -> frozenset[str]:
    """Nouns that are attribution cues often enough."""
    return frozenset(r.lemma for r in learned_cues() if r.pos == "NOUN" and r.n >= CUE_MIN_N and r.rate >= NOUN_RATE)


@functools.lru_cache(maxsize=1)
def cue_rates() -> dict[tuple[str, str], tuple[int, float]]:
    """(lemma, frame) → (n, cue rate) for every row; nouns under frame "-" (the ranker's features)."""
    return {(r.lemma, r.frame): (r.n, r.rate) for r in learned_cues()}


# ---------------------------------------------------------------- the frame of a verb


def verb_frame(t: Token) -> str:
    """What a verb governs: a clause (ccomp), an infinitive (xcomp), an object (dobj), a
    prepositional object (prep) or none; the context in which a cue rate was learned."""
    deps = {c.dep_ for c in t.children}
    if deps & {"ccomp", "parataxis"}:
        return "ccomp"
    right = {c.dep_ for c in t.rights}
    for d in ("xcomp", "dobj", "prep"):
        if d in right:
            return d
    return "none"


def is_learned_cue(t: Token, lemma: str) -> bool:
    """The verb is a learned cue in the frame it stands in (the frame is read only for a lemma
    that is learned in some frame)."""
    return lemma in learned_verb_lemmas() and (lemma, verb_frame(t)) in learned_verb_frames()


# ---------------------------------------------------------------- the hand lists


_LISTS = word_lists()
#: reporting verbs (lemmas) that introduce speech with a clause or a quotation
SPEECH = cue_list("speech")
#: verbs that take a content clause only when it is a real clause (not "know him")
CLAUSE_ONLY = cue_list("clause_only")
#: verbs whose object clause is an infinitive: "called for X", "urged Y to Z", "wants to"
XCOMP_CUES = cue_list("xcomp")
#: verbs that report a stance toward a noun phrase: "attacked Smith for his vote", "called the plan a sham"
NP_CUES = cue_list("np")
#: either list, made once (a set union per call cost more than the lookup)
SPEECH_OR_NP = SPEECH | NP_CUES
#: stance verbs that are also deeds of war ("attacked the base"): a stance only against a person,
#: or with its reason ("for …") or label ("as …")
PHYSICAL = cue_list("physical")
#: verbs that state a view only with "as": "critics see the law as a threat"
AS_CUES = cue_list("as")
#: verbs whose clause complement is not somebody's claim ("make sure", "seem")
NOT_CUES = _LISTS["not_cue"]
#: nouns that carry someone's claim in a clause: "Smith's claim that …", "the ministry's call to …"
NOUN_CUES = _LISTS["noun"]
#: reporting verbs whose bare object is not a claim ("said nothing", "told him", "asked them")
BARE_SPEECH = cue_list("bare_speech")
#: prepositions that introduce what a stance is about: "warned against", "complained about"
ABOUT_PREPS = _LISTS["about_prep"]
#: what follows "spoke on" as the terms or channel of a telling, never its topic ("condition of anonymity")
NOT_TOPIC = _LISTS["not_topic"]
#: prepositions that carry the content for one verb only: "respond to …", "agree with …"
VERB_PREPS = verb_preps()
#: pronouns whose antecedent a speaker resolves to
PRONOUNS = _LISTS["pronoun"]
#: verbs whose "if"/"whether" clause is the question asked ("asked if he was bullied")
QUESTION_VERBS = cue_list("question_verb")
#: nouns for an audience: "told reporters", "asked voters"
HEARERS = _LISTS["hearer"]
#: what a finding is reported in: "In a poll released Monday, 50 percent …"
SOURCE_DOCS = _LISTS["source_doc"]
#: nouns that describe a person by role: "the spokeswoman said" refers to someone named earlier
ROLE_NOUNS = _LISTS["role"]
#: verbs of appearance: the whole clause is a view ("X seems ready to …")
SEEMING = _LISTS["seeming"]
#: passives of a view with its holder left out ("X is expected to …")
PASSIVE_VIEW = cue_list("passive_view")
#: prepositions that take the topic of a stance adjective ("critical of …")
ADJ_PREPS = _LISTS["adj_prep"]
#: capitalised line labels that are not people talking
NOT_SPEAKERS = _LISTS["not_speaker"]

#: prepositions of time and place after a verb ("voted in Ohio", "spoke after the vote"): never
#: what a looser candidate is about
SCENE_PREPS = frozenset({"in", "during", "after", "before", "since", "until", "within", "by", "near", "inside"})
#: prepositions that say what a claim noun is about: "doubts about", "criticism of", "a case against"
NOUN_PREPS = frozenset({"about", "of", "on", "against", "for", "over", "toward", "towards", "with"})
