"""The per-document index the finders share: the text, its quotation spans, the speaker
resolver, sentence bounds by token, and what earlier finders have already taken.

Why: the finders run one after another over the same document; the transcripts' and direct
quotations' contents and cues must not be reported again by the indirect finder, and reading
quotations or sentences once per document keeps the whole finder fast on long articles.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.tokens import Doc

from ..attribution.quotations import count_words, quotation_spans, quote_spans
from ..attribution.regions import sentence_bounds
from .speakers import SpeakerResolver


class DocumentContext:
    """What the finders share for one document: text, quotation spans, what is taken."""

    def __init__(self, doc: Doc, actors, text: str):
        self.doc = doc
        self.text = text
        self.speakers = SpeakerResolver(doc, actors)
        # the spans the events read too, once per Doc (another text is read afresh)
        self.qspans = quotation_spans(doc) if text == doc.text else quote_spans(text)
        self.n_words = [count_words(self.text[a:b]) for a, b in self.qspans]
        self.covered: list[tuple[int, int]] = []  # content spans already given to a quote
        self.used_cues: set[int] = set()  # token indices of cues already used
        self.sent_of: Callable[[int], tuple[int, int]] = sentence_bounds(doc)

    def inside(self, pos: int) -> bool:
        """``pos`` lies within a quotation (between its marks)."""
        for a, b in self.qspans:
            if a < pos < b - 1:
                return True
            if a > pos:
                break
        return False

    def in_covered(self, pos: int) -> bool:
        """``pos`` lies in a content already given to a quote."""
        return any(a <= pos < b for a, b in self.covered)

    def covered_index(self) -> Callable[[int], bool]:
        """A fast ``in_covered`` for the current spans: merged intervals searched by bisection."""
        merged: list[list[int]] = []
        for a, b in sorted(self.covered):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        starts = [m[0] for m in merged]

        def taken(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and pos < merged[k][1]

        return taken
