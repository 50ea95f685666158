"""Quotation marks in the text: the character spans of every quotation, found once per Doc.

Why a module of its own: the marks are read from the text alone, before any parse is consulted,
and the same spans serve the quote finder, the ranker, the scorer's checks and the events (whose
token regions are derived from them), so a sentence is inside a quotation for all of them or for none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

_SPANS_KEY = "eventwire.quotation_spans"

#: a word, for the word counts that decide whether a content is long enough
WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    """How many words ``text`` holds."""
    return len(WORD.findall(text))


#: every character that opens or closes a quotation
QUOTE_CHARS = "\"“”‘’'«»„"
_MARKS = re.compile(r"''|[\"“”]")

#: ‘curly’ or 'straight' single quotes: opened after a space or bracket, closed before a
#: space or punctuation, so that apostrophes (don't, farmers') never pair up
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[:]))(?:‘([^‘’\n]{3,400}?)’|'(?!')([^'\n]{3,300}?(?:'[a-z][^'\n]*?)*)')"
    r"(?=[\s.,;:!?)\]]|$)"
)


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
        if carry is not None and not lead.startswith(('"', "“", "”", "''")):
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
            if (
                mark == "“"
                and not (text[i - 1].isspace() or text[i - 1] in "(—―-")
                and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)")
            ):
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
    after = text[qb : qb + 3].lstrip(" \u00a0")
    return inner.endswith(("!", "?")) and after[:1].islower()


def inside_marks(text: str, pos: int) -> bool:
    """The clause opens with a quotation mark (then it is the quotation's own words)."""
    return text[pos : pos + 1] in QUOTE_CHARS


def span_chars(tokens: Iterable[Token]) -> tuple[int, int]:
    """(start, end) characters from the first token to the end of the last one."""
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def quotation_spans(doc: Doc) -> list[tuple[int, int]]:
    """``quote_spans`` of the Doc's text, computed once per Doc (kept in ``doc.user_data``)."""
    got = doc.user_data.get(_SPANS_KEY)
    if got is None:
        got = quote_spans(doc.text)
        doc.user_data[_SPANS_KEY] = got
    return got


def inside_quotation(doc: Doc, pos: int) -> bool:
    """Character ``pos`` lies within a quotation (between its marks)."""
    for a, b in quotation_spans(doc):
        if a < pos < b - 1:
            return True
        if a > pos:
            break
    return False
