"""Quotations: who said what, with the cue word and the exact content span.

Why: an analyst weighing a claim needs to see whose claim it is. Direct quotes (straight, curly
and single-quote styles, several sentences or paragraphs long, split around their cue) and
indirect speech ("X said (that) …", "according to X, …", "X told reporters …", transcript lines
"NAME: …", testimonial dashes "“…” ― Name") become ``Quote`` records whose speaker is the
mention in the text, resolved to its actor (pronouns and descriptions such as "the spokeswoman"
are linked back to the person named earlier: ``speaker["name"]`` and ``speaker["resolved"]``).

A quote split around its cue (“We are ready,” the minister said, “but not under threat.”) is
ONE record: its content runs from the first part's opening mark to the last part's closing mark
(the cue and speaker sit inside that span, and are also given separately).
Nested reports inside a quotation (“I think …” within a quote) are not separate records.

Verb lists are views of ``attribution/data/reporting_cues.tsv``; the other word lists live in
``data/words.tsv`` and ``data/verb_preps.tsv`` (the package's table convention).
Beyond the hand lists, ``data/learned_cues.tsv`` holds how often each (lemma, frame) — a verb with
a clause, an infinitive, an object, a prepositional object or nothing, or a noun — was an
attribution cue in PolNeAR's train split (counts only, made by ``tools/build_quote_cues.py``);
a verb at ``CUE_RATE`` or more in its frame, or a noun at ``NOUN_RATE``, is a cue here too.

The layers, lowest first (each module imports only from the ones before it): ``words`` (the
word lists and tables of ``data/``), ``marks`` (quotation marks and character spans),
``speakers`` (noun phrases, the speaker resolver), ``claims`` (where a reported claim stops),
``context`` (the per-document index the finders share), the finders (``transcripts``, ``direct``, ``other_reports``,
``indirect``, ``reported``), ``candidates``, ``rank`` and ``extract``.

The rules' records and looser candidates (any other verb or claim noun with a speaker and a
complement, shorter readings of an object) then go through ``rank.select``: a logistic model
(``data/ranker.json``, weights only, trained by ``tools/train_quote_ranker.py`` on PolNeAR
train) keeps the likely attributions and, where two overlap, the better one.
"""

from __future__ import annotations

from .candidates import candidates
from .extract import find_quotes
from .words import (
    AS_CUES,
    CUE_MIN_N,
    CUE_RATE,
    NOT_CUES,
    NOUN_CUES,
    NOUN_RATE,
    NP_CUES,
    SPEECH,
    XCOMP_CUES,
    verb_frame,
)

__all__ = [
    "AS_CUES",
    "CUE_MIN_N",
    "CUE_RATE",
    "NOT_CUES",
    "NOUN_CUES",
    "NOUN_RATE",
    "NP_CUES",
    "SPEECH",
    "XCOMP_CUES",
    "candidates",
    "find_quotes",
    "verb_frame",
]
