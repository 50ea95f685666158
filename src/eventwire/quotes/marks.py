"""Quotation marks and character spans: where quotations stand in the text, and the small span
helpers every finder shares (trim a content, keep it in its paragraph, drop its full stop).

Why a layer of its own: the marks are read from the text alone, before any parse is consulted,
and the same spans serve the finders, the ranker and the scorer's checks.
"""

from __future__ import annotations

from ..attribution.quotations import QUOTE_CHARS
from ..model import TextSpan
from ..nlp import WIRE_DATELINE

#: the dashes of a testimonial: '“…” ― Jane Doe'
DASHES = ("―", "—", "–")


def whole_paragraph(text: str, a: int, b: int) -> bool:
    """The quotation is the whole paragraph (newspaper continuation of a speaker's words)."""
    return (a == 0 or text[a - 1] == "\n") and (b >= len(text) or text[b : b + 1] == "\n")


def sentence_like(text: str, a: int, b: int) -> bool:
    """A quotation that is a statement on its own: starts a sentence or ends one inside the marks."""
    inner = text[a:b].strip(QUOTE_CHARS + " ")
    before = text[max(0, a - 3) : a].strip()
    return bool(inner) and (inner[-1:] in ".?!," or not before or before[-1:] in ".:\n") and inner[:1].isupper()


# ---------------------------------------------------------------- character spans


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop surrounding spaces, a leading dateline (the wire's "KYIV (Reuters) - " is nobody's
    words), and edge punctuation (not quote marks)."""
    while a < b and (text[a].isspace() or text[a] in ",;:-–—"):
        a += 1
    m = WIRE_DATELINE.match(text, a, b)
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
