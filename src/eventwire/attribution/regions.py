"""Where a claim sits: sentence indices, and the quotations of a Doc with their reporting verb, once per Doc.

Why: a sentence deep inside a long quotation ("“… . We struck their depot,” the colonel said.")
is the speaker's claim even though no reporting verb is in it. The quotations are the character
spans of :mod:`.quotations` and their verb is chosen here, once, so the quote finder and the
events agree on which verb (hence which speaker) a quotation has; the events' token regions are a
view of the same spans.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from .cues import cue_lemma, cue_list
from .quotations import (
    count_words,
    inside_marks,
    inside_quotation,
    quotation_spans,
    span_chars,
    text_ends_open,
)

_SENTS_KEY = "eventwire.sentences"
_BOUNDS_KEY = "eventwire.sentence_bounds"
_QUOTES_KEY = "eventwire.quote_regions"
_ENDS_SENTENCE = re.compile(r"[.!?]['\"”’]*\s")


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


def sentence_bounds(doc: Doc) -> Callable[[int], tuple[int, int]]:
    """token index → (start, end) token indices of its sentence, built once per Doc."""
    got = doc.user_data.get(_BOUNDS_KEY)
    if got is None:
        got = []
        for sent in doc.sents:
            got += [(sent.start, sent.end)] * (sent.end - sent.start)
        doc.user_data[_BOUNDS_KEY] = got
    return got.__getitem__


# ---------------------------------------------------------------- the reporting verb of a quotation


def cue_for_quote(
    doc: Doc, text: str, qa: int, qb: int, inside: Callable[[int], bool], sent_of: Callable[[int], tuple[int, int]]
) -> Token | None:
    """The reporting verb attached to a direct quote: in the sentences it touches, outside it."""
    first = doc.char_span(qa, min(qa + 1, len(text)), alignment_mode="expand")
    last = doc.char_span(max(qb - 1, 0), qb, alignment_mode="expand")
    if first is None or last is None:
        return None
    s_start = sent_of(first[0].i)[0]
    s_end = sent_of(last[-1].i)[1]
    # a cue after the quote often lands in the next "sentence" ('…,” he said.')
    if s_end < len(doc) and doc[s_end - 1].idx + len(doc[s_end - 1].text) <= qb + 2:
        s_end = sent_of(s_end)[1]
    best, best_d = None, 10**9
    for t in doc[s_start:s_end]:
        if cue_lemma(t) not in cue_list("speech") or t.pos_ not in ("VERB", "AUX") or inside(t.idx):
            continue
        # '“…,” said Dana Reyes, who runs Fix the Vote': a finite verb right after the
        # closing mark of a real quotation (not a title) tags it, whatever clause the parser hung on it
        right_after = t.idx >= qb and not text[qb : t.idx].strip(" ,") and t.tag_ != "VBG"
        if not (right_after and count_words(text[qa:qb]) >= 4) and _own_clause(t, text, qa, qb, inside):
            continue
        if t.idx < qa and "\n" in text[t.idx : qa] and not text[t.idx : qa].rstrip().endswith(":"):
            continue  # a paragraph break between: that verb told something else
        tagged = t.idx >= qb and _speech_tag(text, t, qb)
        if (
            t.idx >= qb
            and not tagged
            and (
                t.idx - qb > 60
                or (_ENDS_SENTENCE.search(text, max(qa, qb - 4), t.idx) and not text_ends_open(text, qa, qb))
            )
        ):
            continue  # a verb after a finished quoted sentence belongs to what follows it
        d = qa - t.idx if t.idx < qa else 1 if tagged else t.idx - qb
        # a verb whose clause is the quote itself is the right one whatever the distance
        if any(qa <= c.idx < qb for c in t.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")):
            d = min(d, 1)
        if d < best_d and d < 120:
            best, best_d = t, d
    return best


def _speech_tag(text: str, t: Token, qb: int) -> bool:
    """'“Who knows?” Trump told reporters', '“…,” Maria Lopez, head of the institute and a
    lecturer at …, said': the verb's subject opens right after the closing mark, and its
    description holds no sentence end or paragraph break. Then the verb tags the quotation
    however far it stands (a finished question or exclamation included). After a full stop only a
    bare tag counts ('“… hidden now.” Mayor Lund said.'), not a verb with a claim of its own."""
    end = text[qb - 2 : qb - 1] + text[qb - 3 : qb - 2]
    if t.idx - qb > 300 or not any(m in end for m in ",?!."):
        return False
    if "." in end and any(
        c.i > t.i
        and (
            c.dep_ in ("ccomp", "dobj", "xcomp", "conj", "advcl", "parataxis")
            or (c.dep_ == "prep" and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree))
        )
        for c in t.children
    ):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if subj is None or not 0 <= subj.left_edge.idx - qb <= 2 or "\n" in text[qb : t.idx]:
        return False
    return not any(x.text in (".", "!", "?", ";") for x in t.doc[subj.left_edge.i : t.i])


def _own_clause(t: Token, text: str, qa: int, qb: int, inside: Callable[[int], bool]) -> bool:
    """The verb reports a clause of its own outside the quotation ('“Wow!” … She said that the
    campaign would go on'): it is not that quotation's cue."""
    for c in t.children:
        if c.dep_ == "ccomp" and c.i > t.i and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            ca, cb = span_chars(c.subtree)
            if (cb <= qa or ca >= qb) and not inside_marks(text, ca) and not inside(ca + 1):
                return True
    return False


# ---------------------------------------------------------------- the events' token view


def quote_regions(doc: Doc) -> list[tuple[int, int, int | None]]:
    """(first token, last token, reporting verb index or None) of each quotation; once per Doc.

    A view of :func:`.quotations.quotation_spans` with the verb :func:`cue_for_quote` chooses."""
    got = doc.user_data.get(_QUOTES_KEY)
    if got is not None:
        return got
    text = doc.text
    inside = functools.partial(inside_quotation, doc)
    sent_of = sentence_bounds(doc)
    regions: list[tuple[int, int, int | None]] = []
    for qa, qb in quotation_spans(doc):
        span = doc.char_span(qa, qb, alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        cue = cue_for_quote(doc, text, qa, qb, inside, sent_of)
        regions.append((span.start, span.end - 1, cue.i if cue is not None else None))
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
