"""Several processes on one machine: the per-article function on a pool of worker processes.

Why: the parser is CPU-bound and single-threaded, so one process per core is how one machine
goes faster. Each worker loads the model once (:func:`prepare_process_for_batch`) and analyses
chunks of records; the results come back in input order.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..model import ArticleResult, ErrorInfo, InputRecord
from ..pipeline import analyse_records

log = logging.getLogger(__name__)

#: A made-up story touching every stage, so their lazily loaded tables exist before the freeze.
_WARM_UP = (
    "Rebel forces attacked a convoy near the border on Monday, killing 12 soldiers, the defence "
    'ministry in Ankara said. "We will respond," the minister told reporters in Paris.'
)
_prepared = False


def prepare_process_for_batch() -> None:
    """Before a long batch run in this process: load the model and the stages' tables, then freeze
    everything loaded so far out of the cyclic garbage collector's sight and let it run less often.

    Why: parsing and the stages make and drop millions of small objects, and the default collector
    kept re-walking the model's and tables' objects (about 1.5% of CPU over Wikinews). Results hold
    no reference cycles, so collecting less often does not raise peak memory. Batch entry points
    only (CLI runs, worker processes): a library user's process keeps its own collector settings.
    """
    global _prepared
    if _prepared:
        return
    for _ in analyse_records([{"id": "warm-up", "text": _WARM_UP}], clean=False):
        pass  # loads the model and every stage's tables (the gazetteer alone is ~100,000 objects)
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    _prepared = True


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def lost_result(record: InputRecord, message: str) -> ArticleResult:
    """The ``internal`` error result of a record whose analysis was lost (a dead worker, a bad chunk)."""
    return ArticleResult(id=str(record.get("id") or ""), article=None, error=ErrorInfo("internal", message))


def _analyse_chunk(
    chunk: list[InputRecord], clean: bool, transform: Callable[[ArticleResult], Any], statements: bool = False
) -> list[Any]:
    """Runs in a worker process: one chunk's transformed results, in order."""
    return [transform(r) for r in analyse_records(chunk, clean=clean, statements=statements)]


class _WorkerPool:
    """A process pool that can be replaced when a worker dies, and a way to find the culprit."""

    def __init__(self, jobs: int, clean: bool, transform: Callable[[ArticleResult], Any], statements: bool = False):
        import multiprocessing as mp

        self.jobs, self.clean, self.transform, self.statements = jobs, clean, transform, statements
        self.context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.pool = self._new()

    def _new(self) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.jobs, mp_context=self.context, initializer=prepare_process_for_batch)

    def submit(self, chunk: list[InputRecord]) -> Any:
        return self.pool.submit(_analyse_chunk, chunk, self.clean, self.transform, self.statements)

    def renew(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new()

    def one_by_one(self, chunk: list[InputRecord]) -> list[Any]:
        """Find the article that kills workers: run the chunk's records singly; only it is lost."""
        from concurrent.futures.process import BrokenProcessPool

        out = []
        for r in chunk:
            try:
                out.extend(self.submit([r]).result())
            except BrokenProcessPool:
                log.error("a worker process died on article %s", r.get("id"))
                self.renew()
                out.append(self.transform(lost_result(r, "a worker process died while analysing this article")))
        return out

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def analyse_parallel(
    records: Iterable[InputRecord],
    clean: bool = True,
    jobs: int | None = None,
    transform: Callable[[ArticleResult], Any] = ArticleResult.to_dict,
    chunk_size: int = 64,
    statements: bool = False,
) -> Iterator[Any]:
    """``transform(result)`` for every record, in input order, computed by ``jobs`` worker processes.

    Records are read lazily and at most ``2 × jobs + 1`` chunks are in flight, so memory stays flat
    however long the input is; results come back chunk by chunk in input order. With ``jobs == 1``
    everything runs in this process (no pickling, no start-up cost). A worker that dies takes only
    its chunk with it: those articles get ``internal`` error results. ``transform`` runs in the
    worker, so it must pickle (a module-level function). ``statements`` keeps the bare "said"
    (CAMEO 010) records (:func:`eventwire.pipeline.analyse_records`).
    """
    jobs = jobs or default_jobs()
    it = iter(records)
    first = list(itertools.islice(it, chunk_size + 1))
    if jobs <= 1 or len(first) <= chunk_size:  # one process, or too little work to be worth forking
        prepare_process_for_batch()
        for r in analyse_records(itertools.chain(first, it), clean=clean, statements=statements):
            yield transform(r)
        return
    workers = _WorkerPool(jobs, clean, transform, statements)
    try:
        yield from _in_order(workers, itertools.chain(first, it), chunk_size)
    finally:
        workers.close()


def _in_order(workers: _WorkerPool, records: Iterator[InputRecord], chunk_size: int) -> Iterator[Any]:
    """Keep a window of chunks in flight and yield their results oldest first."""
    from concurrent.futures.process import BrokenProcessPool

    window: deque[list[Any]] = deque()  # [chunk, future, tries], oldest first
    while True:
        while len(window) < 2 * workers.jobs + 1:
            chunk = list(itertools.islice(records, chunk_size))
            if not chunk:
                break
            window.append([chunk, workers.submit(chunk), 0])
        if not window:
            return
        chunk, future, tries = window[0]
        try:
            out = future.result()
        except BrokenProcessPool:
            # the pool died with every chunk in it: run them again in a new one; a chunk that
            # breaks it twice is run article by article so only the culprit is lost
            workers.renew()
            if tries >= 1:
                window.popleft()
                out = workers.one_by_one(chunk)
                for w in window:
                    w[1] = workers.submit(w[0])
                yield from out
            else:
                window[0][2] += 1
                for w in window:
                    w[1] = workers.submit(w[0])
            continue
        except Exception as e:  # pickling trouble and the like: never stop the run
            log.exception("chunk failed")
            out = [workers.transform(lost_result(r, f"{type(e).__name__}: {e}")) for r in chunk]
        window.popleft()
        yield from out
