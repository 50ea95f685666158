"""The pass over a document's tokens that tries each indirect finder on the words outside the
quotations already taken: "according to", "In a poll", claim nouns, stance adjectives, views,
and reporting verbs.

Why one pass: each token is looked at once, and with ``extra`` every other verb and noun is
also tried as if it were a learned cue, in the same pass: candidates for the ranker (into
``extra``), not records yet.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..attribution.cues import cue_lemma
from ..attribution.quotations import count_words
from ..model import Quote
from .context import DocumentContext
from .indirect import indirect_report
from .other_reports import (
    according,
    adj_cue,
    in_source,
    noun_cue,
    pronoun_object,
    seeming,
)
from .words import (
    AS_CUES,
    NOT_CUES,
    NOUN_CUES,
    PASSIVE_VIEW,
    SEEMING,
    learned_nouns,
)


def find_reported(ctx: DocumentContext, out: list[Quote], extra: list[Quote] | None = None) -> None:
    """Indirect speech, stances, "according to" and claim nouns outside the quotations."""
    doc, text, speakers, used_cues, inside, in_covered = (
        ctx.doc,
        ctx.text,
        ctx.speakers,
        ctx.used_cues,
        ctx.inside,
        ctx.in_covered,
    )
    taken = ctx.covered_index()
    for t in doc:
        if t.i in used_cues or taken(t.idx):
            if extra is not None and t.i in used_cues and not taken(t.idx) and t.pos_ == "VERB":
                _clause_of_quoted_cue(ctx, t, extra)
            continue
        low = t.lower_
        if (low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to") or (
            low == "in" and t.dep_ == "prep"
        ):
            q = according(doc, text, t, speakers) if low == "according" else in_source(text, t, speakers)
            if q is not None and not in_covered(q.content.start):
                out.append(q)
            continue
        pos = t.pos_
        if pos == "ADJ" and extra is not None:
            q = adj_cue(doc, text, t, speakers)
            if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                extra.append(q)
            continue
        if pos != "VERB" and pos != "NOUN":
            continue
        lemma = cue_lemma(t)
        if extra is not None and (lemma in SEEMING or lemma in PASSIVE_VIEW):
            q = seeming(doc, text, t, lemma)
            if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                extra.append(q)
        if pos == "NOUN":
            _noun_report(ctx, t, lemma, out, extra)
            continue
        if lemma in NOT_CUES and lemma not in AS_CUES:
            continue
        q = indirect_report(doc, text, t, lemma, speakers, inside)
        if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
            out.append(q)
            continue
        if extra is not None and lemma not in NOT_CUES:
            _loose_verb(ctx, t, lemma, extra)


def _clause_of_quoted_cue(ctx: DocumentContext, t: Token, extra: list[Quote]) -> None:
    """The clause around a short quotation ("said that … “we are still counting”"): another
    reading of the cue a quotation took, for the ranker to weigh."""
    text = ctx.text
    q = indirect_report(ctx.doc, text, t, cue_lemma(t), ctx.speakers, lambda pos: False)
    if q is not None and any(
        a < q.content.end and q.content.start < b and count_words(q.content.text) >= count_words(text[a:b]) + 3
        for a, b in ctx.covered
    ):
        extra.append(q)


def _noun_report(ctx: DocumentContext, t: Token, lemma: str, out: list[Quote], extra: list[Quote] | None) -> None:
    """A claim noun's report (a record), or any noun's looser reading (a candidate)."""
    in_covered = ctx.in_covered
    claim = lemma in NOUN_CUES or lemma in learned_nouns()
    if claim:
        q = noun_cue(ctx.doc, ctx.text, t, ctx.speakers)
        if q is not None and not in_covered(q.content.start):
            out.append(q)
            return
    if extra is not None:
        q = noun_cue(ctx.doc, ctx.text, t, ctx.speakers, relaxed=True, claim=claim)
        if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
            extra.append(q)


def _loose_verb(ctx: DocumentContext, t: Token, lemma: str, extra: list[Quote]) -> None:
    """Any other verb tried as a learned cue, and as a verb whose claim is a pronoun: candidates."""
    in_covered = ctx.in_covered
    q = indirect_report(ctx.doc, ctx.text, t, lemma, ctx.speakers, ctx.inside, relaxed=True)
    if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
        extra.append(q)
    q = pronoun_object(ctx.text, t, ctx.speakers)
    if q is not None and not in_covered(q.content.start):
        extra.append(q)
