"""Fixtures of the quote tests: the finder run on a sentence with its spans checked, one quote by
its content, and the candidate readings offered to the ranker."""

from __future__ import annotations

import pytest

from eventwire.quotes import candidates, find_quotes


@pytest.fixture(scope="module")
def quotes(nlp):
    """``find_quotes`` on a text, checking that every span is the body's own text."""

    def run(text: str):
        qs = find_quotes(nlp(text), None)
        for q in qs:
            assert text[q.content.start : q.content.end] == q.content.text
            if q.cue is not None:
                assert text[q.cue.start : q.cue.end] == q.cue.text
            if q.speaker is not None:
                assert text[q.speaker["start"] : q.speaker["end"]] == q.speaker["text"]
        return qs

    return run


@pytest.fixture(scope="session")
def one():
    """The one quote whose content holds ``needle`` (fails when there are none or several)."""

    def find(qs, needle):
        hits = [q for q in qs if needle in q.content.text]
        assert len(hits) == 1, [q.content.text for q in qs]
        return hits[0]

    return find


@pytest.fixture(scope="module")
def readings(nlp):
    """The candidate readings offered to the ranker: (origin, cue, content, speaker) tuples."""

    def run(text: str):
        out = []
        for q, origin in candidates(nlp(text), None, extra=True):
            assert text[q.content.start : q.content.end] == q.content.text
            out.append((origin, q.cue and q.cue.text, q.content.text, q.speaker and q.speaker["text"]))
        return out

    return run
