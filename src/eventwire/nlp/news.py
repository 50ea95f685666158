"""What scraped news needs beyond the model: tokenisation fixes and news-aware sentence starts.

Why: the English model was trained on edited text. Scraped news glues curly quotation marks to
words, runs a paragraph's reporting verb into the next paragraph's quotation, and opens
paragraphs with a wire dateline ("KYIV (Reuters) - ") that the parser takes for a subject.
:func:`for_news` fixes the tokenizer and adds :func:`paragraph_sentences` before the parser.
"""

from __future__ import annotations

import re
from typing import cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span


def for_news(nlp: Language) -> Language:
    """What scraped news needs beyond the model, in place: a curly quotation mark glued to a word
    is its own token ('said,“We' was one word, and the quotation lost its cue), and sentences
    stop at paragraph breaks and after a paragraph's wire dateline (:func:`paragraph_sentences`)."""
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=\w)[,;:](?=“)", r"[“”]"]
    tokenizer = cast(Tokenizer, nlp.tokenizer)  # the language's own Tokenizer (typed as any callable)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names and "eventwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


#: what ends a line that ends a sentence too: a full stop, a closing mark, a colon
_LINE_ENDS = frozenset({".", "!", "?", ":", '"', "”", "''"})  # not "’" or "'": an apostrophe ("farmers'")
_OPENING = frozenset({'"', "“", "‘", "''", "'"})

#: a wire dateline opening a paragraph: "KYIV (Reuters) - ", "GREEN BAY, Wis. — ", "ST. LOUIS -- ",
#: "Mexico City (AFP) – " (a place in capitals, or in title case before an agency in brackets; an
#: optional region; a dash)
WIRE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"
    r"(?: ?\([A-Za-z. ]{1,30}\))?"
    r"|[A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2}(?:, [A-Z][A-Za-z.]*)? ?\([A-Z][A-Za-z. ]{1,29}\))"
    r" ?(-{1,2}|[–—―]) +(?=\S)"
)

#: the ``doc.spans`` key under which the parse leaves the place names of wire datelines (places
#: and actors read them there rather than look for datelines again)
WIRE_DATELINES = "datelines"
_DASHES = frozenset({"-", "--", "–", "—", "―"})


@Language.component("eventwire_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence never runs over a blank line, nor over a line break after a finished sentence
    or before an opening quotation mark. Why: the parser otherwise hangs a paragraph's reporting
    verb on the next paragraph's quotation ("…, she said.\n\n''These groups …,'' she added"), and
    its speaker and claim go to the wrong words. A line break inside a sentence (hard-wrapped text)
    is left to the parser."""
    n = len(doc)
    places = [_wire_dateline_place(doc, 0)] if n else []
    for t in doc:
        if not t.is_space or "\n" not in t.text or t.i + 1 >= n or t.i == 0:
            continue
        nxt = doc[t.i + 1]
        places.append(_wire_dateline_place(doc, t.i + 1))
        if t.text.count("\n") > 1 or doc[t.i - 1].text in _LINE_ENDS or nxt.text in _OPENING:
            nxt.is_sent_start = True
            if nxt.text in _OPENING and t.i + 2 < n:
                doc[t.i + 2].is_sent_start = False  # the mark opens the sentence, it is not one
    doc.spans[WIRE_DATELINES] = [p for p in places if p is not None]
    return doc


def wire_dateline(text: str, at: int = 0) -> tuple[int, int] | None:
    """(end of the place name, end of the wire dateline) of a wire dateline that starts at ``at``
    ("KYIV (Reuters) - " → the ends of "KYIV" and of the dash's space), or None."""
    m = WIRE_DATELINE.match(text, at)
    if m is None or f" {m.group(1)} " in text[m.end() : m.end() + 80].split("\n")[0]:
        return None  # "NATO - the alliance - met": a pair of dashes is an aside, not a dateline
    place = re.match(r"[^,(]*?(?= ?[,(]| ?[-–—―])", text[at : m.end()])
    return (at + len(place.group(0)) if place else at, m.end())


def _wire_dateline_place(doc: Doc, i: int) -> Span | None:
    """The words after a wire dateline at token ``i`` start a sentence; the dateline's place name
    is returned. Why: the parser takes the dateline for a subject ("KYIV (Reuters) - Ukraine
    accused …": the city accused), so the speaker and the event's source went to the place."""
    head = doc[i : i + 30]
    if (
        not (head[0].is_upper or head[0].is_title) or len(head[0]) < 2 or not any(t.text in _DASHES for t in head[1:12])
    ):  # most paragraphs: no dash near their start
        return None
    found = wire_dateline(head.text_with_ws)
    if found is None:
        return None
    start = head[0].idx
    for t in head[1:]:
        if t.idx == start + found[1]:
            t.is_sent_start = True
            return doc.char_span(start, start + found[0])
    return None
