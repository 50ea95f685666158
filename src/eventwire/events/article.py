"""An article's events: every sentence coded, denials applied, repeated mentions merged.

Why a layer of its own: what one sentence cannot know (the article's main country, "the firing"
named earlier, a later denial, the same strike told three times) is settled here, once per article.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from ..actors.implied import main_country
from ..model import Actor, Event, Place
from .blame import apply_blame
from .denials import apply_denials
from .merge import merge_within_article
from .sentence import code_sentence

log = logging.getLogger(__name__)

#: The CAMEO code of a bare statement ("said", "told", "added", "according to"): its words are in
#: the quotes, so by default it is no record of its own (the specific 01x acts are kept).
BARE_STATEMENT = "010"

#: Whether repeated mentions of one event are merged (benchmarks turn it off to see every mention).
MERGE_MENTIONS = True


def find_events(doc: Doc, actors, places: list[Place], published: str | None) -> list[Event]:
    """Every coded event of the article, highest confidence first."""
    country = main_country(actors, places)
    text = doc.text
    memory: dict[str, Actor] = {}
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(code_sentence(sent, actors, places, published, country, text, memory))
    try:
        apply_denials(events, doc, actors)
    except Exception:
        log.exception("denials.apply_denials failed")
    try:
        apply_blame(events, doc, actors)
    except Exception:
        log.exception("blame.apply_blame failed")
    if MERGE_MENTIONS:
        # statements (root 01) differ by what is said, which the merge key cannot see: two
        # "police said" sentences are two statements, so only the other acts are merged
        statements = [e for e in events if e.root == "01"]
        try:
            events = merge_within_article([e for e in events if e.root != "01"]) + statements
        except Exception:
            log.exception("merge.merge_within_article failed")
    events.sort(key=lambda e: -e.confidence)
    return events


def drop_bare_statements(events: list[Event]) -> list[Event]:
    """``events`` without the bare statements (CAMEO 010).

    Why: about three records in ten were "X said", which tells an analyst only that someone spoke
    (the speech itself is in ``quotes``); declining comment, claiming or denying responsibility,
    appeals of accord and the like (011-019) say what was done and stay.
    """
    return [e for e in events if e.cameo != BARE_STATEMENT]
