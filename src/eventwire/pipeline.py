"""The one per-article function and its batch form: record → Article → Doc → ArticleResult.

Nothing here knows whether it runs in a notebook, the CLI, a worker process or on a Dask
cluster: all of those call :func:`analyse_records`.
"""
from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from . import actors, events, places, quotes
from .ingest import prepare
from .model import Article, ArticleError, ArticleResult, ErrorInfo
from .nlp import load_nlp

log = logging.getLogger(__name__)

Record = dict[str, Any]


def analyse(article: Article, doc: Doc) -> ArticleResult:
    """Run every stage after parsing on one article."""
    index = actors.resolve(doc, article)
    found_places = places.find_places(doc, index)
    found_events = events.extract_events(doc, index, found_places, article.published)
    found_quotes = quotes.extract_quotes(doc, index)
    return ArticleResult(id=article.id, article=article, events=found_events, quotes=found_quotes, places=found_places)


def _prepare(record: Record, clean: bool) -> Article | ArticleResult:
    rid = str(record.get("id") or "")
    try:
        return prepare(record, clean=clean)
    except ArticleError as e:
        return ArticleResult(id=rid, article=None, error=e.info())
    except Exception as e:  # bad input must never stop the batch
        log.exception("ingest failed for %s", rid)
        return ArticleResult(id=rid, article=None, error=ErrorInfo("internal", f"{type(e).__name__}: {e}"))


def analyse_records(records: Iterable[Record], clean: bool = True, batch_size: int = 32) -> Iterator[ArticleResult]:
    """One ``ArticleResult`` per record, in input order; bad records give error results.

    Records are dicts as read by :mod:`eventwire.ingest.readers`: ``id`` plus ``text`` or
    ``html`` (or ``error`` for an input that could not even be read), and optionally ``url``,
    ``title``, ``published``, ``outlet``. Memory stays flat: records are consumed lazily in
    chunks of ``batch_size``.
    """
    nlp = load_nlp()
    it = iter(records)
    while True:
        chunk = list(itertools.islice(it, batch_size))
        if not chunk:
            return
        prepared = [_prepare(r, clean) for r in chunk]
        good = [p for p in prepared if isinstance(p, Article)]
        docs = iter(nlp.pipe([a.body for a in good], batch_size=batch_size))
        for p in prepared:
            if isinstance(p, ArticleResult):
                yield p
                continue
            doc = next(docs)
            try:
                yield analyse(p, doc)
            except Exception as e:  # a bug in one stage loses one article, not the batch
                log.exception("analysis failed for %s", p.id)
                yield ArticleResult(id=p.id, article=p, error=ErrorInfo("internal", f"{type(e).__name__}: {e}"))


def extract(text_or_html: str, published: str | None = None, url: str | None = None, clean: bool = True) -> ArticleResult:
    """Analyse one article given as plain text or HTML (detected by its first tag)."""
    head = text_or_html.lstrip()[:512].lower()
    is_html = head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head) or ("<p>" in head and "</p>" in text_or_html.lower())
    record: Record = {"html" if is_html else "text": text_or_html, "published": published, "url": url}
    return next(analyse_records([record], clean=clean))


def extract_batch(items: Iterable[str | Record], clean: bool = True, batch_size: int = 32) -> Iterator[ArticleResult]:
    """Batch form of :func:`extract`: strings or record dicts in, results out in the same order."""
    def as_record(x: str | Record) -> Record:
        return x if isinstance(x, dict) else {"text": x}
    return analyse_records((as_record(x) for x in items), clean=clean, batch_size=batch_size)
