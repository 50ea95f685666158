"""Where a claim sits: sentence indices and quotation regions with their reporting verb, once per Doc.

Why: a sentence deep inside a long quotation ("“… . We struck their depot,” the colonel said.")
is the speaker's claim even though no reporting verb is in it; every layer asks the same regions.
"""
from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from .cues import reporting_verbs

_SENTS_KEY = "eventwire.sentences"
_QUOTES_KEY = "eventwire.quote_regions"
_OPEN = {"\u201c", "``", "\u2018"}
_CLOSE = {"\u201d", "''", "\u2019"}
_AMBI = {'"'}
#: How many tokens from a quotation mark its reporting verb may stand.
_VERB_REACH = 8


def sentence_index(doc: Doc) -> tuple[list[int], list[bool]]:
    """Sentence start indices and, per sentence, whether it ends in "?"; computed once per Doc.

    Why: ``Token.sent`` rescans the document on every call; events of one article share this.
    """
    got = doc.user_data.get(_SENTS_KEY)
    if got is None:
        starts, questions = [], []
        for sent in doc.sents:
            starts.append(sent.start)
            end = sent.end - 1
            while end > sent.start and (doc[end].is_space or (doc[end].is_quote and doc[end - 1].text == "?")):
                end -= 1
            questions.append(doc[end].text == "?")
        got = (starts, questions)
        doc.user_data[_SENTS_KEY] = got
    return got


def sentence_of(t: Token) -> int:
    """Index of the sentence holding ``t``."""
    starts, _ = sentence_index(t.doc)
    return bisect.bisect_right(starts, t.i) - 1


def _is_report_verb(w: Token) -> bool:
    """A reporting verb that can introduce a quotation (not "the said report", not a relative clause)."""
    return w.pos_ == "VERB" and reporting_verbs().get(w.lemma_.lower()) == "report" and w.dep_ not in ("amod", "acl", "relcl")


def _verb_of_quote(doc: Doc, open_at: int, close_at: int) -> int | None:
    """The reporting verb of the quotation from ``open_at`` to ``close_at``: after it, else before it."""
    for j in range(close_at + 1, min(close_at + _VERB_REACH, len(doc))):  # "…,” the colonel said / said the colonel
        w = doc[j]
        if w.is_sent_start and j > close_at + 1 or w.text in _OPEN or w.text in _AMBI:
            break
        if _is_report_verb(w):
            return j
    for j in range(open_at - 1, max(open_at - _VERB_REACH, -1), -1):  # 'the colonel said: "…"' / 'he told reporters, "…'
        w = doc[j]
        if _is_report_verb(w):
            return j
        if w.is_sent_start and not w.is_punct:
            break
    return None


def quote_regions(doc: Doc) -> list[tuple[int, int, int | None]]:
    """(first token, last token, reporting verb index or None) of each quotation; once per Doc."""
    got = doc.user_data.get(_QUOTES_KEY)
    if got is not None:
        return got
    regions: list[tuple[int, int, int | None]] = []
    open_at: int | None = None
    for t in doc:
        txt = t.text
        if t.is_space and "\n" in txt:
            open_at = None  # a quotation does not run over a paragraph break without reopening
            continue
        if txt in _OPEN or (txt in _AMBI and open_at is None):
            if txt == "\u2019" or txt == "\u2018" and t.i + 1 < len(doc) and not doc[t.i + 1].is_alpha:
                continue
            open_at = t.i
        elif (txt in _CLOSE or txt in _AMBI) and open_at is not None:
            if txt == "\u2019" and t.i > 0 and doc[t.i - 1].is_alpha and t.i + 1 < len(doc) and doc[t.i + 1].is_alpha:
                continue  # an apostrophe
            verb = _verb_of_quote(doc, open_at, t.i)
            if t.i - open_at > 1:
                regions.append((open_at, t.i, verb))
            open_at = None
    doc.user_data[_QUOTES_KEY] = regions
    return regions


def quote_speaker_verb(t: Token) -> Token | None:
    """The reporting verb of the quotation ``t`` stands in, when the quotation is attributed."""
    regions = quote_regions(t.doc)
    k = bisect.bisect_right(regions, (t.i, len(t.doc), None)) - 1 if regions else -1
    if k >= 0:
        lo, hi, verb = regions[k]
        if lo < t.i < hi and verb is not None:
            return t.doc[verb]
    return None
