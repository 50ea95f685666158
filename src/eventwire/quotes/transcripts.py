"""Transcript turns ("NAME: …" in interviews and debates) and a headline's "Name: …".

Why first: a turn's words are its speaker's whatever verbs they hold, so the direct and indirect
finders that run after it must leave its content alone (it is marked as covered).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..attribution.quotations import count_words
from ..model import Quote
from .context import DocumentContext
from .marks import text_span, trim
from .words import NOT_SPEAKERS

_HEADLINE = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*\s){0,7}[A-Z][\w.'’-]+)\s*:\s*(?=[^\n]{10,})")
_TRANSCRIPT = re.compile(r"(?m)^[ \t\"“]*((?:[A-Z][A-Za-z.'’-]*\s){0,3}[A-Z][A-Z.'’-]+)\s*:\s*(?=\S)")


def find_transcripts(ctx: DocumentContext, out: list[Quote]) -> None:
    """Transcript turns "NAME: …" (interviews, debates) and a headline "Name: …"."""
    doc, text, speakers, covered = ctx.doc, ctx.text, ctx.speakers, ctx.covered
    turns = [
        m
        for m in _TRANSCRIPT.finditer(text)
        if m.end(1) - m.start(1) >= 2
        and text[m.start(1) : m.end(1)].upper() == text[m.start(1) : m.end(1)]
        and text[m.start(1) : m.end(1)].lower().strip(".") not in NOT_SPEAKERS
    ]
    head = _HEADLINE.match(text)
    if (
        head
        and not any(m.start() == 0 for m in turns)
        and head.group(1).lower().strip(".") not in NOT_SPEAKERS
        and _names_someone(doc, *head.span(1))
    ):
        turns.insert(0, head)
    turn_starts = [m.start() for m in turns]
    for k, m in enumerate(turns):
        name_a, name_b = m.span(1)
        c_a = m.end()
        c_b = text.find("\n", c_a)
        c_b = len(text) if c_b < 0 else c_b
        if m is not head:  # a turn runs on over quoted paragraphs until the next speaker
            nxt = turn_starts[k + 1] if k + 1 < len(turn_starts) else len(text)
            c_b = _run_on(text, c_b, nxt)
        c_a, c_b = trim(text, c_a, c_b)
        if count_words(text[c_a:c_b]) < 2:
            continue
        tok = doc.char_span(name_a, name_b, alignment_mode="expand")
        spk = (
            speakers.make(tok.root, text, span=(name_a, name_b))
            if tok is not None and len(tok)
            else {"text": text[name_a:name_b], "start": name_a, "end": name_b, "code": None}
        )
        colon = text.index(":", name_b)
        out.append(Quote(spk, text_span(text, colon, colon + 1), text_span(text, c_a, c_b), True))
        covered.append((c_a, c_b))


def _run_on(text: str, c_b: int, nxt: int) -> int:
    """The end of a turn whose first line ends at ``c_b``: it goes on over the paragraphs that
    open with a quotation mark, up to the next turn at ``nxt``."""
    while c_b < nxt:
        p_a = c_b + 1
        while p_a < len(text) and text[p_a] == "\n":
            p_a += 1
        if p_a >= nxt or not text.startswith(('"', "“"), p_a) or p_a - c_b > 3:
            break
        p_b = text.find("\n", p_a)
        c_b = min(nxt, len(text) if p_b < 0 else p_b)
    return c_b


def _names_someone(doc: Doc, a: int, b: int) -> bool:
    """A headline's "X:" is a speaker when X is one word ("Poll:") or holds a name ("Pat Lee:")."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    return len(span) == 1 or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)
