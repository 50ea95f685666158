"""Pass 1 over an article: lexicon matches, the countries it names most, its dateline's country
and its sentence numbers, all kept in the :class:`DocState`.

Why one forward pass with dict lookups: actor resolution runs on every article after parsing and
must cost a small fraction of the parse (see the ``speed`` task). Each token is looked up once in
the phrase table, and only the few phrases starting with it are tried.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from ..model import Actor
from ..nlp import WIRE_DATELINES
from .countries import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    LEADER,
    city_countries,
    country_names,
    lowercase_table,
    phrase_key,
    phrase_table,
)
from .state import DocState, Match

_WORD = re.compile(r"[^\W_]+")


def lower_cased(texts: list[str]) -> bool:
    """Whether a text is written (nearly) all in lower case, so names lose their capitals."""
    alpha = caps = 0
    for t in texts[:400]:
        if t[:1].isalpha():
            alpha += 1
            caps += t[:1].isupper()
    return alpha >= 20 and caps <= alpha * 0.02


def wire_dateline_country(doc: Doc, text: str) -> str | None:
    """The country of the place a wire story is filed from ("WASHINGTON (AP) — ", "GREEN BAY,
    Wis. — "): the parse's dateline (:data:`eventwire.nlp.WIRE_DATELINES`) opening one of the first
    three paragraphs. Why: a legislator named without a country is the dateline's, even when the
    story is about another country."""
    if WIRE_DATELINES not in doc.spans or not len(doc.spans[WIRE_DATELINES]):
        return None
    span = doc.spans[WIRE_DATELINES][0]
    if text.count("\n\n", 0, span.start_char) > 2:
        return None
    name = " ".join(w if len(w) <= 2 else w.capitalize() for w in span.text.split())  # "NEW YORK" → "New York"
    return city_countries()(name)


def headline_countries(title: str) -> list[str]:
    """Countries named in a headline (not parsed: phrases at word starts, ending at a word end)."""
    if not title:
        return []
    table = phrase_table()
    out = []
    for m in _WORD.finditer(title):
        for phrase, entry in table.get(m.group(0), ()):
            end = m.start() + len(phrase)
            if (
                entry.country
                and title.startswith(phrase, m.start())
                and (end == len(title) or not title[end].isalnum())
            ):
                out.append(entry.country)
                break
    return out


def inside_person(state: DocState, a: int, b: int) -> bool:
    """Whether tokens a..b sit inside a longer PERSON name ("Jordan Smith", "Ahmed Ben Bella");
    a PERSON entity that is exactly the match is a tagging slip ("Sri Lanka") and is ignored."""
    toks = state.toks
    if not any(toks[k].ent_type_ == "PERSON" for k in range(a, b)):
        return False
    before = a > 0 and toks[a].ent_iob_ == "I" and toks[a - 1].ent_type_ == "PERSON"
    after = b < state.n and toks[b].ent_iob_ == "I" and toks[b].ent_type_ == "PERSON"
    return before or after


def _match_at(i: int, cands, text: str, texts: list[str], idxs: list[int]) -> Match | None:
    """The first candidate phrase that starts at token i and ends at a token end."""
    n = len(texts)
    start = idxs[i]
    for phrase, entry in cands:
        if not text.startswith(phrase, start):
            continue
        end = start + len(phrase)
        j = i
        while j < n and idxs[j] + len(texts[j]) < end:
            j += 1
        if j < n and idxs[j] + len(texts[j]) == end:
            return (i, j + 1, entry)
    return None


def _match_lexicon(state: DocState, counts: Counter[str], first: dict[str, int]) -> None:
    """Mark every lexicon match in ``state.match`` and count the countries they name."""
    texts = [t.text for t in state.toks]
    idxs = [t.idx for t in state.toks]
    text = state.text
    table = phrase_table()
    if lower_cased(texts):
        table, text = lowercase_table(), text.lower()
    i = 0
    while i < state.n:
        cands = table.get(phrase_key(texts[i]))
        hit = _match_at(i, cands, text, texts, idxs) if cands else None
        if hit is None:
            i += 1
            continue
        a, b, entry = hit
        # A country word inside a person's name ("Jordan Smith") is no country.
        if entry.kind in (COUNTRY, CAPITAL, DEMONYM, LEADER) and inside_person(state, a, b):
            i += 1
            continue
        for k in range(a, b):
            state.match[k] = hit
        if entry.country and not (a > 0 and texts[a - 1].lower() == "ethnic"):  # an ethnicity says nothing of where
            counts[entry.country] += 1
            first.setdefault(entry.country, a)
        i = b


def _count_towns(state: DocState, counts: Counter[str], first: dict[str, int]) -> None:
    """Count the countries of the towns the parser tagged, and keep each town's country aside."""
    cities = None
    for ent in state.doc.ents:
        if ent.label_ == "GPE" and state.match[ent.start] is None:
            cities = cities if cities is not None else city_countries()
            iso = cities(ent.text)
            if iso:
                counts[iso] += 1
                first.setdefault(iso, ent.start)
                # a town is never an actor by itself, but callers may want its country
                last = ent[-1]
                state.places[ent.root.i] = Actor(
                    iso, iso, [], country_names().get(iso, iso), ent.text, ent[0].idx, last.idx + len(last), "country"
                )


def scan(state: DocState) -> None:
    """Pass 1: lexicon matches, the article's most-named country, its dateline's, sentence numbers."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    _match_lexicon(state, counts, first)
    _count_towns(state, counts, first)
    for iso in headline_countries(state.title):  # the headline says what the story is about
        counts[iso] += 1
        first.setdefault(iso, -1)
    state.counts = counts
    if counts:
        best = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))
        state.dominant = best[0]
    state.home = wire_dateline_country(state.doc, state.text)
    for s, sent in enumerate(state.doc.sents):
        for k in range(sent.start, sent.end):
            state.sent_of[k] = s
