"""The record types: one schema shared by the pipeline, the store, the JSON output and the HTTP API.

Every record that comes from text carries character offsets into ``Article.body`` so that a user
can always go back to the words that produced it (see ARCHITECTURE.md, "Evidence first").
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

#: How an event is told; only ``asserted`` is a fact stated by the article itself.
Modality = Literal["asserted", "reported", "negated", "denied", "hypothetical", "future", "conditional", "question"]
#: The modalities in their documented order (for menus, filters and checks).
MODALITIES: tuple[Modality, ...] = typing.get_args(Modality)
#: How much of ``Event.date`` the text gave: the day, week, month or year a time cue in the event's
#: own clause names; "story" when the clause has none and the date is the day the article's lead
#: gives its story; "published" when there is neither and the date is the publication date.
DatePrecision = Literal["day", "week", "month", "year", "story", "published"]


class RecordError(TypedDict):
    """Why a reader could not read an input (``kind`` as in :class:`ErrorInfo`)."""

    kind: str
    message: str


class InputRecord(TypedDict, total=False):
    """One input as the readers give it: ``id`` plus ``text`` or ``html``, or ``error`` for an
    input that could not even be read; the rest is metadata that rides along."""

    id: str
    text: str
    html: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    source: str | None  # file or feed it came from
    error: RecordError


def content_id(text: str) -> str:
    """Stable article id: hash of the NFC-normalised, whitespace-collapsed content.

    Normalising first means a re-scraped copy that differs only in spacing gets the same id,
    which is what makes ingest idempotent.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


@dataclass
class TextSpan:
    """A piece of ``Article.body``: ``body[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass
class Actor:
    """A CAMEO-style actor: ``code`` = country ISO3 (or IGO code) + sector codes, with its evidence."""

    code: str
    country: str | None
    sectors: list[str]
    name: str
    text: str
    start: int
    end: int
    kind: str = "group"  # person | group | country | igo
    person: str | None = None  # a named person behind the actor, e.g. "Emmanuel Macron"


@dataclass
class Attribution:
    """One link of a reporting chain: who says so, with which verb, and whether they deny it."""

    text: str
    code: str | None
    cue: str | None
    anonymous: bool = False
    denied: bool = False
    start: int | None = None
    end: int | None = None


@dataclass
class Place:
    """A toponym in the body resolved to a gazetteer entry."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None  # country | admin1 | city | region
    metonymic: bool = False


@dataclass
class Event:
    """One coded event, with the sentence that produced it."""

    cameo: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: Actor | None
    target: Actor | None
    modality: Modality
    evidence: TextSpan
    trigger: TextSpan
    attribution: list[Attribution] = field(default_factory=list)
    date: str | None = None  # YYYY-MM-DD, the first day of the period date_precision names
    date_precision: DatePrecision | None = None
    place: Place | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    mentions: list[TextSpan] = field(default_factory=list)  # further evidence merged into this event


@dataclass
class Quote:
    """A direct or indirect quotation with its speaker and cue."""

    speaker: dict[str, Any] | None  # {"text", "start", "end", "code"}
    cue: TextSpan | None
    content: TextSpan
    direct: bool


@dataclass
class Article:
    """A cleaned article: the text the parser sees, plus what cleaning took out."""

    id: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    byline: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    source: str | None = None  # file or feed it came from


@dataclass
class ErrorInfo:
    """Why an input could not become an article (``kind`` is machine-readable)."""

    kind: (
        str  # empty | binary | decode | too_large | unsupported_language | bad_json | bad_html | read_error | internal
    )
    message: str


@dataclass
class ArticleResult:
    """Everything eventwire found in one input: one output line of ``eventwire extract``."""

    id: str
    article: Article | None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    error: ErrorInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (the OUTPUT.md contract)."""
        return to_plain(self)

    def to_json(self) -> str:
        """One ``eventwire extract`` output line (no newline)."""
        return json.dumps(to_plain(self), ensure_ascii=False)


@functools.lru_cache(maxsize=64)  # one entry per record class
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_plain(obj: Any) -> Any:
    """Records as plain dicts, lists and scalars: the same value as ``dataclasses.asdict`` (tuples
    become lists), several times faster because it walks the fields without deep-copying leaves;
    it runs once per article for every output line and stored row."""
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if dataclasses.is_dataclass(obj):
        cls: type = type(obj)
        return {name: to_plain(getattr(obj, name)) for name in _field_names(cls)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


class ArticleError(Exception):
    """Raised by any stage for an input that is bad data; becomes an ``ErrorInfo`` record."""

    def __init__(self, kind: str, message: str, article: Article | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.article = article  # what was read before the refusal (e.g. a non-English page), kept for the user

    def info(self) -> ErrorInfo:
        return ErrorInfo(self.kind, self.message)
