"""Quotation marks and character spans: where quotations stand in the text, and the small span
helpers every finder shares (trim a content, keep it in its paragraph, drop its full stop).

Why a layer of its own: the marks are read from the text alone, before any parse is consulted,
and the same spans serve the finders, the ranker and the scorer's checks.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from ..model import TextSpan
from ..nlp import DATELINE

#: every character that opens or closes a quotation
QUOTE_CHARS = "\"“”‘’'«»„"
#: the dashes of a testimonial: '“…” ― Jane Doe'
DASHES = ("―", "—", "–")

#: a word, for the word counts that decide whether a content is long enough
WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """How many words ``text`` holds."""
    return len(WORD.findall(text))


_MARKS = re.compile(r"''|[\"“”]")

#: ‘curly’ or 'straight' single quotes: opened after a space or bracket, closed before a
#: space or punctuation, so that apostrophes (don't, farmers') never pair up
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:]))(?:‘([^‘’\n]{3,400}?)’|'(?!')([^'\n]{3,300}?(?:'[a-z][^'\n]*?)*)')"
                     r"(?=[\s.,;:!?)\]]|$)")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included, in text order.

    Double quotes (straight, curly, or two apostrophes as some archives write them) pair up
    within a paragraph; a paragraph that opens a quote and does not close it continues into the
    next paragraph when that opens with a quote mark (the newspaper convention for
    multi-paragraph quotes). A closing curly mark at the start of a paragraph opens, and an
    opening one glued to the word before it and followed by a space closes (common typos). Single
    curly quotes count when they hold at least three words and are not apostrophes.
    """
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quote running on from the previous paragraph
    for pm in re.finditer(r"[^\n]+", text):
        ps, pe = pm.span()
        para = pm.group()
        lead = para.lstrip()
        if carry is not None and not lead.startswith(("\"", "“", "”", "''")):
            spans.append((carry, _last_nonspace(text, ps)))
            carry = None
        open_at: int | None = None
        depth = 0  # curly quotes nest: “… he calls “hell” than …”
        for m in _MARKS.finditer(text, ps, pe):
            mark, i = m.group(), m.start()
            at_start = i == ps or text[i - 1] in " \t(\n—―-"
            if open_at is None:
                if mark == "“" or ((mark in ('"', "''") or (mark == "”" and i - ps <= 2)) and at_start):
                    open_at = i if carry is None else carry
                    carry = None
                    depth = 1
                continue
            if mark == "“" and not (text[i - 1].isspace() or text[i - 1] in "(—―-") and \
                    (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)"):
                mark = "”"  # an opening mark where a closing one belongs ('… by winter,“ said Ross'): a typo
            elif mark == "“":
                depth += 1
                continue
            if mark == "”" and depth > 1:
                depth -= 1
                continue
            if mark in ("”", '"', "''"):
                spans.append((open_at, m.end()))
                open_at = None
                depth = 0
        if open_at is not None:
            carry = open_at  # runs on if the next paragraph opens with a quote
    if carry is not None:
        spans.append((carry, len(text.rstrip())))
    spans += _single_quotes(text, spans)
    spans.sort()
    return spans


def _last_nonspace(text: str, before: int) -> int:
    j = before
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def _single_quotes(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _SINGLE.finditer(text):
        inner = m.group(1) or m.group(2) or ""
        if count_words(inner) >= 3 and not any(a <= m.start() < b for a, b in doubles + out):
            out.append((m.start(), m.end()))
    return out


def text_ends_open(text: str, qa: int, qb: int) -> bool:
    """The sentence goes on after the quotation: '“…,” she said', '“Why?” he asked'."""
    inner = text[qa:qb].rstrip(QUOTE_CHARS + " ")
    if not inner.endswith((".", "!", "?")):
        return True
    after = text[qb:qb + 3].lstrip(" \u00a0")
    return inner.endswith(("!", "?")) and after[:1].islower()


def inside_marks(text: str, pos: int) -> bool:
    """The clause opens with a quotation mark (then it is the quotation's own words)."""
    return text[pos:pos + 1] in QUOTE_CHARS


def whole_paragraph(text: str, a: int, b: int) -> bool:
    """The quotation is the whole paragraph (newspaper continuation of a speaker's words)."""
    return (a == 0 or text[a - 1] == "\n") and (b >= len(text) or text[b:b + 1] == "\n")


def sentence_like(text: str, a: int, b: int) -> bool:
    """A quotation that is a statement on its own: starts a sentence or ends one inside the marks."""
    inner = text[a:b].strip(QUOTE_CHARS + " ")
    before = text[max(0, a - 3):a].strip()
    return bool(inner) and (inner[-1:] in ".?!," or not before or before[-1:] in ".:\n") and inner[:1].isupper()


# ---------------------------------------------------------------- character spans


def span_chars(tokens: Iterable[Token]) -> tuple[int, int]:
    """(start, end) characters from the first token to the end of the last one."""
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop surrounding spaces, a leading dateline (the wire's "KYIV (Reuters) - " is nobody's
    words), and edge punctuation (not quote marks)."""
    while a < b and (text[a].isspace() or text[a] in ",;:-–—"):
        a += 1
    m = DATELINE.match(text, a, b)
    if m:
        a = m.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-–—"):
        b -= 1
    return a, b


def paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding ``pos``: a report never runs over a paragraph break."""
    pb = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if pb < 0 else pb


def drop_stop(text: str, a: int, b: int) -> int:
    """The end of a content without its sentence's own full stop (kept when it closes a quotation)."""
    if b > a and text[b - 1] in ".!?" and not text[a:b].endswith(("”", '"')):
        return b - 1
    return b


def text_span(text: str, a: int, b: int) -> TextSpan:
    """The ``TextSpan`` of characters ``a`` to ``b``."""
    return TextSpan(text[a:b], a, b)
