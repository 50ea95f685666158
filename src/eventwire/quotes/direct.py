"""Quotations in marks: their cue ("she said"), their speaker, the parts of one quotation split
around its cue, a colon that introduces one, a testimonial's dash, and a paragraph of quotation
that goes on with the voice before it.

Why one record per split quotation: “We are ready,” the minister said, “but not under threat.”
is one statement; its content runs from the first part's opening mark to the last part's
closing mark (the cue and speaker sit inside that span, and are also given separately).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..attribution.quotations import count_words, span_chars
from ..attribution.regions import cue_for_quote
from ..attribution.speakers import speaker_of, subject
from ..model import Quote
from .context import DocumentContext
from .marks import (
    DASHES,
    sentence_like,
    text_span,
    whole_paragraph,
)
from .speakers import np_span


def find_direct(ctx: DocumentContext, out: list[Quote]) -> None:
    """Quotations in marks with their cue, merging a quotation split around its cue."""
    text, qspans, n_words = ctx.text, ctx.qspans, ctx.n_words
    i = 0
    pending: int | None = None  # start of an uncued quote that the next quote's cue may claim
    while i < len(qspans):
        qa, qb = qspans[i]
        if (n_words[i] < 4 and not (n_words[i] >= 2 and sentence_like(text, qa, qb))) or any(
            a <= qa < b for a, b in ctx.covered
        ):
            i += 1
            pending = None
            continue
        cue = cue_for_quote(ctx.doc, text, qa, qb, ctx.inside, ctx.sent_of)
        if cue is None and i + 1 < len(qspans):
            gap = text[qb : qspans[i + 1][0]]
            if "\n" not in gap and len(gap) < 40:
                pending = qa if pending is None else pending
                i += 1
                continue
        if pending is not None:
            if cue is not None:
                qa = pending
            pending = None
        if cue is not None:
            i = _add_cued(ctx, out, cue, i, qa, qb)
            continue
        dash = dash_speaker(ctx.doc, text, qb)
        if dash is not None:
            _add_dashed(ctx, out, dash, qa, qb)
        else:
            _add_uncued(ctx, out, i, qa, qb)
        i += 1


def _add_cued(ctx: DocumentContext, out: list[Quote], cue: Token, i: int, qa: int, qb: int) -> int:
    """The record of quotation ``i`` (from ``qa``) with its cue, joined with the parts that
    follow it; returns the index of the next quotation to look at."""
    text = ctx.text
    spk_tok = speaker_of(cue)  # the speaker the events name for this verb too
    end, i = _join_parts(ctx, cue, i, qa, qb)
    direct = True
    if end == qb:
        clause = _clause_around(ctx, cue, i, qa, qb)
        if clause is not None:
            qa, end, direct = clause[0], max(clause[1], qb), False
        if direct and ctx.n_words[i] < 6 and not sentence_like(text, qa, qb):
            return i + 1
    ctx.used_cues.add(cue.i)
    cue_span = text_span(text, cue.idx, cue.idx + len(cue.text))
    spk = None
    if spk_tok is not None:
        a, b = np_span(spk_tok)
        if spk_tok.i > cue.i:  # an inverted speaker never takes in its verb ("tweeted a campaign aide …")
            a = max(a, cue.idx + len(cue.text) + 1)
        spk = ctx.speakers.make(spk_tok, text, span=(a, b))
    out.append(Quote(spk, cue_span, text_span(text, qa, end), direct))
    ctx.covered.append((qa, end))
    return i + 1


def _join_parts(ctx: DocumentContext, cue: Token, i: int, qa: int, qb: int) -> tuple[int, int]:
    """ "A," he said, "B."  and  "A," he said. "B."  → one quote (same paragraph, no cue of its
    own). Returns the end of the last part joined and its index."""
    text, qspans, n_words = ctx.text, ctx.qspans, ctx.n_words
    end = qb
    while i + 1 < len(qspans):
        na, nb = qspans[i + 1]
        gap = text[end:na]
        if (
            "\n" in gap
            or len(gap) > 300
            or n_words[i + 1] < 2
            or gap.rstrip().endswith(":")
            or count_words(gap) > 1.0 * (count_words(text[qa:end]) + n_words[i + 1])
        ):
            break  # a long narrative gap: the second quotation is its own record
        other = cue_for_quote(ctx.doc, text, na, nb, ctx.inside, ctx.sent_of)
        if other is not None and other.i != cue.i:
            break
        end = nb
        i += 1
    return end, i


def _clause_around(ctx: DocumentContext, cue: Token, i: int, qa: int, qb: int) -> tuple[int, int] | None:
    """A short quote inside the cue's clause: the clause is the content ("says X was “unhinged.”")."""
    for c in cue.children:
        if c.dep_ == "ccomp":
            ca, cb = span_chars(c.subtree)
            if ca <= qa and qb <= cb + 1 and count_words(ctx.text[ca:cb]) - ctx.n_words[i] >= 3:
                return ca, cb
    return None


def _add_dashed(ctx: DocumentContext, out: list[Quote], dash: tuple[int, tuple[int, int]], qa: int, qb: int) -> None:
    """The record of a testimonial: '“…” ― Jane Doe' (the dash is its cue)."""
    text = ctx.text
    at, (sa, sb) = dash
    st = ctx.doc.char_span(sa, sb, alignment_mode="expand")
    spk = ctx.speakers.make(st.root, text, span=(sa, sb)) if st is not None and len(st) else None
    out.append(Quote(spk, text_span(text, at, at + 1), text_span(text, qa, qb), True))
    ctx.covered.append((qa, qb))


def _add_uncued(ctx: DocumentContext, out: list[Quote], i: int, qa: int, qb: int) -> None:
    """A quotation with no cue: a paragraph that is all quotation, right after a cued quote,
    goes on with the same voice; else a colon right before it may introduce it."""
    text = ctx.text
    prev = out[-1] if out else None
    if (
        prev is not None
        and prev.direct
        and whole_paragraph(text, qa, qb)
        and text.count("\n", prev.content.end, qa) <= 2
        and text[prev.content.end : qa].strip().count("\n") == 0
        and qa - prev.content.end < 150
    ):
        out[-1] = Quote(prev.speaker, prev.cue, text_span(text, prev.content.start, qb), True)
        ctx.covered[-1] = (prev.content.start, qb)
    elif ctx.n_words[i] >= 4:
        colon = colon_before(ctx.doc, text, qa, ctx.sent_of)
        if colon is not None:
            at, who = colon
            spk = ctx.speakers.make(who, text) if who is not None else None
            out.append(Quote(spk, text_span(text, at, at + 1), text_span(text, qa, qb), True))
            ctx.covered.append((qa, qb))


# ---------------------------------------------------------------- the cue and speaker of a quotation


def colon_before(
    doc: Doc, text: str, qa: int, sent_of: Callable[[int], tuple[int, int]]
) -> tuple[int, Token | None] | None:
    """'The minister put it this way: “…”', 'In a letter, the union wrote:\n“…”': a colon right
    before a quotation introduces it; the speaker is the subject of the clause before the colon."""
    j = qa
    while j > 0 and text[j - 1] in " \t\n\u00a0" and qa - j < 4:
        j -= 1
    if j == 0 or text[j - 1] != ":":
        return None
    at = j - 1
    tok = doc.char_span(at, at + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return at, None
    start = sent_of(tok[0].i)[0]
    verbs = [t for t in doc[start : tok[0].i] if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp")]
    subj = subject(verbs[-1]) if verbs else None
    if subj is not None and subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        subj = None
    return at, subj


def dash_speaker(doc: Doc, text: str, qb: int) -> tuple[int, tuple[int, int]] | None:
    """'“…” ― Jane Doe' : the dash and the name after a closing quote."""
    j = qb
    while j < len(text) and text[j].isspace() and j - qb < 4:
        j += 1
    if j >= len(text) or text[j] not in DASHES:
        return None
    k = j + 1
    while k < len(text) and text[k].isspace() and text[k] != "\n":  # NBSP after the dash is common
        k += 1
    m = re.match(r"(?:[A-Z][\w.'’-]*\s?){1,4}", text[k : k + 60])
    if not m:
        return None
    name = m.group().rstrip()
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):  # a closing full stop, not "Jr." / "J."
        name = name[:-1] if not name.endswith(("Jr.", "Sr.")) else name
    return j, (k, k + len(name))
