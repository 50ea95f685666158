"""Ingest: one input record (text, HTML or a reader error) → a clean :class:`~eventwire.model.Article`.

Why here: every later stage works on ``Article.body`` offsets, so all decisions about what text the
parser sees (HTML extraction, residue removal, language and sanity checks) are made once, in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..model import Article, ArticleError, content_id
from .lang import detect_language

__all__ = ["MAX_CHARS", "check_language", "check_text", "normalise_date", "prepare_article"]

#: Larger inputs are refused: no news article is this long, and the parser's memory would balloon.
MAX_CHARS = 5_000_000
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def normalise_date(value: Any) -> str | None:
    """A publication date as ``YYYY-MM-DD`` (ISO dates/date-times, RFC 822, common formats), else ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    s = str(value).strip()
    m = _ISO_DATE.match(s)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    try:
        from dateutil import parser as dparser

        dt = dparser.parse(s, fuzzy=False, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return dt.date().isoformat() if dt.year > 1900 else None


def check_text(text: str, article: Article | None = None, language: bool = True) -> None:
    """Raise ``ArticleError`` for empty, oversized, binary or non-English text.

    For a non-English text the error carries the extracted ``article`` (as ``error.article``) so
    that a caller can still show what was read, while no events are coded from it.
    """
    if not text or not text.strip():
        raise ArticleError("empty", "the article has no text")
    if len(text) > MAX_CHARS:
        raise ArticleError("too_large", f"{len(text)} characters (limit {MAX_CHARS})")
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if bad > max(8, 0.1 * len(sample)):
        raise ArticleError("binary", f"{bad} control or replacement characters in the first {len(sample)}")
    if language:
        check_language(text, article)


def check_language(text: str, article: Article | None = None) -> None:
    """Raise ``unsupported_language`` unless ``text`` is English; the error carries ``article`` if given."""
    lang = detect_language(text)
    if lang != "en":
        if article is not None:
            article.language = lang
        raise ArticleError("unsupported_language", f"detected language {lang!r}; eventwire reads English", article)


def _from_html(record: Mapping[str, Any]) -> Article:
    from .html import extract_html

    html = record["html"]
    if len(html) > 4 * MAX_CHARS:
        raise ArticleError("too_large", f"{len(html)} characters of HTML")
    if not html.strip():
        raise ArticleError("empty", "the page is empty")
    page = extract_html(html, url=record.get("url"))
    body = page.body
    if not body.strip():
        raise ArticleError("empty", "no article text found in the page")
    article = Article(
        id=str(record.get("id") or content_id(body)),
        body=body,
        title=record.get("title") or page.title,
        url=record.get("url") or page.url,
        outlet=record.get("outlet") or page.outlet,
        published=normalise_date(record.get("published")) or page.published,
        byline=page.byline,
        language="en",
        captions=page.captions,
        removed=page.removed,
        source=record.get("source"),
    )
    check_text(body, article)
    return article


def _from_text(record: Mapping[str, Any], clean: bool) -> Article:
    text = record["text"]
    check_text(text, language=False)
    title = record.get("title")
    byline = None
    captions: list[str] = []
    removed: list[str] = []
    body = text
    if clean:
        from .text import clean_text

        cleaned = clean_text(text, title=title)
        body = cleaned.body
        if not body.strip():
            raise ArticleError("empty", "nothing but page residue in the text")
        title = title or cleaned.title
        byline = cleaned.byline
        captions = cleaned.captions
        removed = cleaned.removed
    article = Article(
        id=str(record.get("id") or content_id(body)),
        body=body,
        title=title,
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=normalise_date(record.get("published")),
        byline=byline,
        language="en",
        captions=captions,
        removed=removed,
        source=record.get("source"),
    )
    check_language(text, article)
    return article


def prepare_article(record: Mapping[str, Any], clean: bool = True) -> Article:
    """Turn one input record into an ``Article`` or raise ``ArticleError(kind, message)``.

    ``record`` has ``text`` or ``html`` (or ``error: {kind, message}`` from a reader), and optionally
    ``id``, ``url``, ``title``, ``published``, ``outlet``. HTML is always extracted; text is cleaned of
    page residue only when ``clean`` is true, otherwise ``body`` is the text character for character.
    """
    err = record.get("error")
    if err:
        if isinstance(err, dict):
            raise ArticleError(str(err.get("kind") or "read_error"), str(err.get("message") or ""))
        raise ArticleError("read_error", str(err))
    if isinstance(record.get("html"), str) and not isinstance(record.get("text"), str):
        return _from_html(record)
    text = record.get("text")
    if text is None:
        raise ArticleError("empty", "the record has neither text nor html")
    if not isinstance(text, str):
        raise ArticleError("bad_json", f"text is a {type(text).__name__}, not a string")
    return _from_text(record, clean)
