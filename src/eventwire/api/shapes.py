"""The HTTP API's request and response shapes, built on the ``model.py`` dataclasses.

Why: every record served has the ``model.py`` shape (the dicts of ``eventwire extract``), and
FastAPI checks responses against these dataclasses, so the API cannot drift from the one schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from .. import model


@dataclass
class StoredEvent(model.Event):
    """A ``model.Event`` as stored: the extract-output event plus where it lives."""

    id: str = ""
    article_id: str = ""
    outlet: str | None = None
    published: str | None = None


@dataclass
class EventPage:
    total: int
    limit: int
    offset: int
    events: list[StoredEvent]


@dataclass
class MergedInfo:
    """How many articles and outlets told this same event (from the store's ``merged_events``)."""

    num_mentions: int
    num_sources: int
    num_articles: int
    article_ids: list[str]


@dataclass
class EventDetail:
    event: StoredEvent
    article: model.Article
    context: model.TextSpan  # the paragraph of the body that holds the evidence
    merged: MergedInfo | None = None


@dataclass
class StoredArticle:
    """A ``model.ArticleResult`` as stored (events carry their ids)."""

    id: str
    article: model.Article
    events: list[StoredEvent] = field(default_factory=list)
    quotes: list[model.Quote] = field(default_factory=list)
    places: list[model.Place] = field(default_factory=list)
    error: model.ErrorInfo | None = None


@dataclass
class Count:
    key: str
    n: int
    label: str | None = None


@dataclass
class Stats:
    events: int
    articles: int
    by_root: list[Count]
    by_modality: list[Count]
    by_day: list[Count]


@dataclass
class CameoEntry:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int


@dataclass
class Vocabulary:
    modalities: list[str]
    roots: list[dict[str, str]]


class ExtractRequest(BaseModel):
    """POST /api/extract body: one article as plain text or HTML."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    clean: bool = True


def paragraph_around(body: str, start: int, end: int) -> model.TextSpan:
    """The paragraph (blank-line separated block) of ``body`` holding ``[start, end)``."""
    a = body.rfind("\n\n", 0, max(0, start))
    a = 0 if a < 0 else a + 2
    b = body.find("\n\n", max(end, a))
    b = len(body) if b < 0 else b
    return model.TextSpan(body[a:b], a, b)
