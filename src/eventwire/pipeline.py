"""The one per-article function and its batch form: record → Article → Doc → ArticleResult.

Nothing here knows whether it runs in a notebook, the CLI, a worker process or on a Dask
cluster: all of those call :func:`analyse_records`.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import itertools
import json
import logging
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy
from spacy.tokens import Doc

from . import actors, events, places, quotes
from .ingest import prepare
from .model import Article, ArticleError, ArticleResult, ErrorInfo
from .nlp import load_nlp, trim_caches

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
        window = text[start:start + limit]
        cut = window.rfind("\n\n")
        if cut >= limit // 2:
            cut += 2
        else:
            ends = [m.end() for m in _SENT_END.finditer(window, limit // 2)]
            cut = ends[-1] if ends else max(window.rfind(" "), window.rfind("\n")) + 1
        if cut <= 0:  # no whitespace at all in the window: leave the rest whole
            break
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _batches(items: Iterable[tuple[str, Any]], batch_size: int, max_chars: int,
             max_tokens: int | None = None) -> Iterator[list[tuple[str, Any]]]:
    """``(text, payload)`` items in order, grouped under the article, character and token caps."""
    batch: list[tuple[str, Any]] = []
    chars = tokens = 0
    for item in items:
        n_tokens = estimate_tokens(item[0]) if max_tokens is not None else 0
        if batch and (len(batch) >= batch_size or chars + len(item[0]) > max_chars
                      or (max_tokens is not None and tokens + n_tokens > max_tokens)):
            yield batch
            batch, chars, tokens = [], 0, 0
        batch.append(item)
        chars += len(item[0])
        tokens += n_tokens
    if batch:
        yield batch


def analyse_records(records: Iterable[Record], clean: bool = True, batch_size: int = 64) -> Iterator[ArticleResult]:
    """One ``ArticleResult`` per record, in input order; bad records give error results.

    Records are dicts as read by :mod:`eventwire.ingest.readers`: ``id`` plus ``text`` or
    ``html`` (or ``error`` for an input that could not even be read), and optionally ``url``,
    ``title``, ``published``, ``outlet``. Memory stays flat: records are consumed lazily and parsed
    in batches of at most ``batch_size`` articles and ``BATCH_CHARS`` characters, long articles in
    pieces; a bad record rides along as an empty text (parsing "" costs nothing) so order needs no
    bookkeeping.
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
        for n_batch, batch in enumerate(_batches(stream(), batch_size, BATCH_CHARS, BATCH_TOKENS), 1):
            if n_batch % 16 == 0 and not pending:
                # strings and lexemes of the last batches go (results hold plain Python strings),
                # and the lemmatizer's memo, which zones do not cover, is kept under its cap
                zone.close()
                trim_caches(nlp, LEMMA_CACHE_MAX)
                _release_memory()
                zone = contextlib.ExitStack()
                if zones:
                    zone.enter_context(nlp.memory_zone())
            yield from _analyse_batch(nlp, batch, pending)
    finally:
        zone.close()


def _analyse_batch(nlp: Any, batch: list[tuple[str, Any]], pending: list[Doc]) -> Iterator[ArticleResult]:
    """Parse one batch and analyse its articles; an article's pieces collect in ``pending``."""
    docs = nlp.pipe([text for text, _ in batch], batch_size=len(batch))
    for doc, (_, (p, n)) in zip(docs, batch):
        if n > 1:
            doc.tensor = numpy.zeros((0,), dtype="float32")  # unread downstream; pieces wait for siblings
            pending.append(doc)
            if p is None:
                continue
            doc = _join(nlp, pending, p)
            pending.clear()
        if isinstance(p, ArticleResult):
            yield p
            continue
        try:
            yield analyse(p, doc)
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


def _join(nlp: Any, docs: list[Doc], article: Article | ArticleResult) -> Doc:
    """One Doc from an article's pieces, with the article's exact text (offsets stay body offsets)."""
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])
    if isinstance(article, Article) and doc.text != article.body:  # cannot happen with split_long; be safe
        log.warning("pieces of %s did not join back; parsing it whole", article.id)
        doc = nlp(article.body)
    return doc


def extract(text_or_html: str, published: str | None = None, url: str | None = None, clean: bool = True) -> ArticleResult:
    """Analyse one article given as plain text or HTML (detected by its first tag)."""
    head = text_or_html.lstrip()[:512].lower()
    is_html = head.startswith("<!doctype html") or head.startswith("<html") or ("<body" in head) or ("<p>" in head and "</p>" in text_or_html.lower())
    record: Record = {"html" if is_html else "text": text_or_html, "published": published, "url": url}
    return next(analyse_records([record], clean=clean))


def extract_batch(items: Iterable[str | Record], clean: bool = True, batch_size: int = 64) -> Iterator[ArticleResult]:
    """Batch form of :func:`extract`: strings or record dicts in, results out in the same order."""
    def as_record(x: str | Record) -> Record:
        return x if isinstance(x, dict) else {"text": x}
    return analyse_records((as_record(x) for x in items), clean=clean, batch_size=batch_size)


# ---------------------------------------------------------------- several processes on one machine

def result_dict(result: ArticleResult) -> dict[str, Any]:
    """The OUTPUT.md form of a result (module-level so worker processes can be told to use it)."""
    return result.to_dict()


def result_json(result: ArticleResult) -> str:
    """One ``eventwire extract`` output line (no newline): the same JSON as ``result.to_dict()``.

    ``dataclasses.asdict`` deep-copies every leaf; walking the fields directly gives the same
    dict several times faster, which matters because this runs once per article.
    """
    return json.dumps(_plain(result), ensure_ascii=False)


@functools.lru_cache(maxsize=64)  # one entry per record class
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(obj: Any) -> Any:
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if dataclasses.is_dataclass(obj):
        return {n: _plain(getattr(obj, n)) for n in _field_names(type(obj))}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


def settle_for_batch() -> None:
    """Before a long batch run in this process: load the model and the stages' tables, then freeze
    everything loaded so far out of the cyclic garbage collector's sight and let it run less often.

    Why: parsing and the stages make and drop millions of small objects, and the default collector
    kept re-walking the model's and tables' objects (about 1.5% of CPU over Wikinews). Results hold
    no reference cycles, so collecting less often does not raise peak memory. Batch entry points
    only (CLI runs, worker processes): a library user's process keeps its own collector settings.
    """
    global _SETTLED
    if _SETTLED:
        return
    for _ in analyse_records([{"id": "warm-up", "text": _WARM_UP}], clean=False):
        pass  # loads the model and every stage's tables (the gazetteer alone is ~100,000 objects)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    _SETTLED = True


_SETTLED = False
#: A made-up story touching every stage, so their lazily loaded tables exist before the freeze.
_WARM_UP = ("Rebel forces attacked a convoy near the border on Monday, killing 12 soldiers, the defence "
            "ministry in Ankara said. \"We will respond,\" the minister told reporters in Paris.")


def _worker_init() -> None:
    settle_for_batch()  # one model load per worker process, before the first chunk arrives


def _work_chunk(chunk: list[Record], clean: bool, transform: Callable[[ArticleResult], Any]) -> list[Any]:
    return [transform(r) for r in analyse_records(chunk, clean=clean)]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def analyse_parallel(records: Iterable[Record], clean: bool = True, jobs: int | None = None,
                     transform: Callable[[ArticleResult], Any] = result_dict, chunk_size: int = 64,
                     ) -> Iterator[Any]:
    """``transform(result)`` for every record, in input order, computed by ``jobs`` worker processes.

    Why: the parser is CPU-bound and single-threaded, so one process per core is how one machine
    goes faster. Records are read lazily and at most ``2 × jobs + 1`` chunks are in flight, so memory
    stays flat however long the input is; results come back chunk by chunk in input order. With
    ``jobs == 1`` everything runs in this process (no pickling, no start-up cost). A worker that
    dies takes only its chunk with it: those articles get ``internal`` error results.
    """
    jobs = jobs or default_jobs()
    it = iter(records)
    first = list(itertools.islice(it, chunk_size + 1))
    if jobs <= 1 or len(first) <= chunk_size:  # one process, or too little work to be worth forking
        settle_for_batch()
        for r in analyse_records(itertools.chain(first, it), clean=clean):
            yield transform(r)
        return
    it = itertools.chain(first, it)
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    window: deque[list[Any]] = deque()  # [chunk, future, tries], oldest first
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init)

    def submit(chunk: list[Record]) -> Any:
        return pool.submit(_work_chunk, chunk, clean, transform)

    def new_pool() -> None:
        nonlocal pool
        pool.shutdown(wait=False, cancel_futures=True)
        pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init)

    def one_by_one(chunk: list[Record]) -> list[Any]:
        """Find the article that kills workers: run the chunk's records singly; only it is lost."""
        out = []
        for r in chunk:
            try:
                out.extend(submit([r]).result())
            except BrokenProcessPool:
                log.error("a worker process died on article %s", r.get("id"))
                new_pool()
                out.append(transform(_lost(r, "a worker process died while analysing this article")))
        return out

    try:
        while True:
            while len(window) < 2 * jobs + 1:
                chunk = list(itertools.islice(it, chunk_size))
                if not chunk:
                    break
                window.append([chunk, submit(chunk), 0])
            if not window:
                return
            chunk, fut, tries = window[0]
            try:
                out = fut.result()
            except BrokenProcessPool:
                # the pool died with every chunk in it: run them again in a new one; a chunk that
                # breaks it twice is run article by article so only the culprit is lost
                new_pool()
                if tries >= 1:
                    window.popleft()
                    out = one_by_one(chunk)
                    for w in window:
                        w[1] = submit(w[0])
                    yield from out
                else:
                    window[0][2] += 1
                    for w in window:
                        w[1] = submit(w[0])
                continue
            except Exception as e:  # pickling trouble and the like: never stop the run
                log.exception("chunk failed")
                out = [transform(_lost(r, f"{type(e).__name__}: {e}")) for r in chunk]
            window.popleft()
            yield from out
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _lost(record: Record, message: str) -> ArticleResult:
    return ArticleResult(id=str(record.get("id") or ""), article=None, error=ErrorInfo("internal", message))
