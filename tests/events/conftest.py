"""Fixtures of the event tests."""

from __future__ import annotations

import pytest

from eventwire.model import Actor


class FakeActors:
    """Stands in for actors.ActorIndex: codes for a few head words."""

    def __init__(self, codes: dict[str, str]):
        self.codes = codes

    def for_token(self, token):
        code = self.codes.get(token.text)
        if code is None:
            return None
        return Actor(
            code=code,
            country=code[:3],
            sectors=[code[3:]] if len(code) > 3 else [],
            name=token.text,
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
        )

    def for_span(self, span):
        return [a for a in (self.for_token(t) for t in span) if a is not None]


@pytest.fixture(scope="session")
def fake_actors():
    """The ``FakeActors`` class: ``fake_actors({"ministry": "NORGOV"})`` stands in for an actor index."""
    return FakeActors


@pytest.fixture(scope="module")
def code_sentences(nlp):
    """Code a text with every stage the events read (actors and places), as the pipeline does."""
    from eventwire import actors, places
    from eventwire.events import find_events

    def run(text: str):
        doc = nlp(text)
        index = actors.find_actors(doc, None)
        return find_events(doc, index, places.find_places(doc, index), None)

    return run
