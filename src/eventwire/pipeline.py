"""The one per-article function and its batch form: record → Article → Doc → ArticleResult.

Nothing here knows whether it runs in a notebook, the CLI, a worker process or on a Dask
cluster: all of those call :func:`analyse_records` (processes and clusters: :mod:`eventwire.run`).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
from spacy.tokens import Doc

from . import actors, events, places, quotes
from .events.article import drop_bare_statements
from .ingest import prepare_article
from .model import Article, ArticleError, ArticleResult, ErrorInfo, InputRecord
from .nlp import load_nlp, trim_caches

log = logging.getLogger(__name__)


def analyse(article: Article, doc: Doc, statements: bool = False) -> ArticleResult:
    """Run every stage after parsing on one article; ``statements`` keeps the bare "said" (010) records."""
    index = actors.find_actors(doc, article)
    found_places = places.find_places(doc, index)
    found_events = events.find_events(doc, index, found_places, article.published)
    if not statements:
        found_events = drop_bare_statements(found_events)
    found_quotes = quotes.find_quotes(doc, index)
    return ArticleResult(id=article.id, article=article, events=found_events, quotes=found_quotes, places=found_places)


def _prepare(record: InputRecord, clean: bool) -> Article | ArticleResult:
    rid = str(record.get("id") or "")
    try:
        return prepare_article(record, clean=clean)
    except ArticleError as e:
        return ArticleResult(id=e.article.id if e.article else rid, article=e.article, error=e.info())
    except Exception as e:  # bad input must never stop the batch
        log.exception("ingest failed for %s", rid)
        return ArticleResult(id=rid, article=None, error=ErrorInfo("internal", f"{type(e).__name__}: {e}"))


#: Most characters parsed in one batch. The parser's working memory grows with the characters in a
#: batch (about 0.5 GB for 150,000), so batches are capped by characters as well as by articles.
BATCH_CHARS = 50_000
#: Most (estimated) tokens parsed in one batch. Working memory really follows tokens (about 18 KiB
#: each), and dense text (tables, lists, numbers) has far more tokens per character than prose, so
#: a character cap alone lets the rare dense batch set a long run's peak.
BATCH_TOKENS = 8_000
#: Longer articles are parsed in pieces of about this size, cut after a paragraph or sentence end,
#: and joined back into one Doc: peak memory then does not depend on the longest article either.
PIECE_CHARS = 20_000
#: Most entries kept in spaCy's lemmatizer memo (about 400 bytes each). News brings some 2,000 new
#: ones per 1,000 articles, so on Wikinews it is emptied about every 3,000 articles; refilling the
#: common words costs about a second each time.
LEMMA_CACHE_MAX = 10_000
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_PUNCT = re.compile(r"[^\w\s]")


def estimate_tokens(text: str) -> int:
    """About how many tokens spaCy makes of ``text`` (words plus punctuation marks), for a fraction
    of a percent of the parse's cost; it errs high on abbreviations, which only makes batches smaller."""
    return len(text.split()) + len(_PUNCT.findall(text))


def split_long(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most about ``limit`` characters; ``"".join(pieces) == text``.

    Each cut falls right after whitespace (a paragraph break if there is one in the second half of
    the window, else a sentence end, else any space), so no token spans two pieces.
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n")
        if cut >= limit // 2:
            cut += 2
        else:
            ends = [m.end() for m in _SENT_END.finditer(window, limit // 2)]
            cut = ends[-1] if ends else max(window.rfind(" "), window.rfind("\n")) + 1
        if cut <= 0:  # no whitespace at all in the window: leave the rest whole
            break
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_batches(
    items: Iterable[tuple[str, Any]], batch_size: int, max_chars: int, max_tokens: int | None = None
) -> Iterator[list[tuple[str, Any]]]:
    """``(text, payload)`` items in order, grouped under the article, character and token caps."""
    batch: list[tuple[str, Any]] = []
    chars = tokens = 0
    for item in items:
        n_tokens = estimate_tokens(item[0]) if max_tokens is not None else 0
        if batch and (
            len(batch) >= batch_size
            or chars + len(item[0]) > max_chars
            or (max_tokens is not None and tokens + n_tokens > max_tokens)
        ):
            yield batch
            batch, chars, tokens = [], 0, 0
        batch.append(item)
        chars += len(item[0])
        tokens += n_tokens
    if batch:
        yield batch


def analyse_records(
    records: Iterable[InputRecord], clean: bool = True, batch_size: int = 64, statements: bool = False
) -> Iterator[ArticleResult]:
    """One ``ArticleResult`` per record, in input order; bad records give error results.

    Records are :class:`~eventwire.model.InputRecord` dicts as read by
    :mod:`eventwire.ingest.readers`: ``id`` plus ``text`` or ``html`` (or ``error`` for an input
    that could not even be read), and optionally ``url``, ``title``, ``published``, ``outlet``. Memory stays flat: records are consumed lazily and parsed
    in batches of at most ``batch_size`` articles and ``BATCH_CHARS`` characters, long articles in
    pieces; a bad record rides along as an empty text (parsing "" costs nothing) so order needs no
    bookkeeping. ``statements``: keep a record for every bare "said/told/added" (CAMEO 010), as
    GDELT counts them; by default the speech is in the quotes and only the specific 01x acts stay.
    """
    nlp = load_nlp()

    def stream() -> Iterator[tuple[str, tuple[Article | ArticleResult | None, int]]]:
        for r in records:
            p = _prepare(r, clean)
            if isinstance(p, ArticleResult):
                yield "", (p, 1)
                continue
            parts = split_long(p.body) if len(p.body) > PIECE_CHARS else [p.body]
            for i, part in enumerate(parts):  # the article rides on its last piece
                yield part, (p if i == len(parts) - 1 else None, len(parts))

    pending: list[Doc] = []
    zones = os.environ.get("EVENTWIRE_MEMORY_ZONES", "1") != "0"
    zone = contextlib.ExitStack()
    if zones:
        zone.enter_context(nlp.memory_zone())
    try:
        for n_batch, batch in enumerate(parse_batches(stream(), batch_size, BATCH_CHARS, BATCH_TOKENS), 1):
            if n_batch % 16 == 0 and not pending:
                # strings and lexemes of the last batches go (results hold plain Python strings),
                # and the lemmatizer's memo, which zones do not cover, is kept under its cap
                zone.close()
                trim_caches(nlp, LEMMA_CACHE_MAX)
                _release_memory()
                zone = contextlib.ExitStack()
                if zones:
                    zone.enter_context(nlp.memory_zone())
            yield from _analyse_batch(nlp, batch, pending, statements)
    finally:
        zone.close()


def _analyse_batch(
    nlp: Any, batch: list[tuple[str, Any]], pending: list[Doc], statements: bool = False
) -> Iterator[ArticleResult]:
    """Parse one batch and analyse its articles; an article's pieces collect in ``pending``."""
    docs = nlp.pipe([text for text, _ in batch], batch_size=len(batch))
    for doc, (_, (p, n)) in zip(docs, batch):
        if n > 1:
            doc.tensor = numpy.zeros((0,), dtype="float32")  # unread downstream; pieces wait for siblings
            pending.append(doc)
            if p is None:
                continue
            doc = join_pieces(nlp, pending, p)
            pending.clear()
        if isinstance(p, ArticleResult):
            yield p
            continue
        try:
            yield analyse(p, doc, statements)
        except Exception as e:  # a bug in one stage loses one article, not the batch
            log.exception("analysis failed for %s", p.id)
            yield ArticleResult(id=p.id, article=p, error=ErrorInfo("internal", f"{type(e).__name__}: {e}"))


@functools.lru_cache(maxsize=1)
def _libc() -> Any:
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def _release_memory() -> None:
    """Hand freed heap memory back to the OS (glibc keeps it otherwise, and a long run's resident
    memory creeps up with fragmentation even though nothing accumulates)."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def join_pieces(nlp: Any, docs: list[Doc], article: Article | ArticleResult) -> Doc:
    """One Doc from an article's pieces, with the article's exact text (offsets stay body offsets)."""
    # spaCy 3.8 has from_docs(exclude=); its stub does not say so
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    if isinstance(article, Article) and doc.text != article.body:  # cannot happen with split_long; be safe
        log.warning("pieces of %s did not join back; parsing it whole", article.id)
        doc = nlp(article.body)
    return doc


def extract(
    text_or_html: str,
    published: str | None = None,
    url: str | None = None,
    clean: bool = True,
    statements: bool = False,
) -> ArticleResult:
    """Analyse one article given as plain text or HTML (detected by its first tag); ``statements``
    keeps a record for every bare "said" (CAMEO 010) as well."""
    head = text_or_html.lstrip()[:512].lower()
    is_html = (
        head.startswith("<!doctype html")
        or head.startswith("<html")
        or ("<body" in head)
        or ("<p>" in head and "</p>" in text_or_html.lower())
    )
    if is_html:
        record: InputRecord = {"html": text_or_html, "published": published, "url": url}
    else:
        record = {"text": text_or_html, "published": published, "url": url}
    return next(analyse_records([record], clean=clean, statements=statements))


def extract_batch(
    items: Iterable[str | InputRecord], clean: bool = True, batch_size: int = 64, statements: bool = False
) -> Iterator[ArticleResult]:
    """Batch form of :func:`extract`: strings or record dicts in, results out in the same order."""

    def as_record(x: str | InputRecord) -> InputRecord:
        return x if isinstance(x, dict) else {"text": x}

    return analyse_records((as_record(x) for x in items), clean=clean, batch_size=batch_size, statements=statements)
