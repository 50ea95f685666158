"""The one ingest loop: read → skip what is stored → analyse → write, over any writer.

Why: the DuckDB store, the Parquet dataset and the Dask workers all run the same steps; the
writers only receive rows (``known_ids`` and ``write``), so the store never calls the pipeline
and data flows one way: readers → analysis → writer. The loop counts new, skipped and failed
articles and the kinds of failure, keeps each record's input file so a failure can name it, and
reports progress.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..model import InputRecord
from ..store.schema import Rows, result_rows

#: Records read ahead per ``known_ids`` lookup.
LOOKUP_CHUNK = 256
#: Most input-file names held for records in flight (a long run must not grow without bound).
MAX_SOURCES = 100_000

Progress = Callable[[int], None]


class Writer(Protocol):
    """Where analysed rows go: the DuckDB store or a Parquet dataset."""

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored already."""

    def write(self, batch: list[Rows]) -> dict[str, int]:
        """Store one batch of articles' rows; returns ``{"new", "skipped", "failed"}`` for it."""


def chunks(items: Iterable[Any], n: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``n`` (the last one shorter), lazily."""
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def no_progress(n: int) -> None:
    """The progress callback when nobody watches."""


@dataclass
class RunCounts:
    """What a run did: articles new, skipped (stored already) and failed, and failures by kind."""

    new: int = 0
    skipped: int = 0
    failed: int = 0
    failure_kinds: dict[str, int] = field(default_factory=dict)

    def add(self, written: dict[str, int]) -> None:
        """Add a writer's (or a worker's) new/skipped/failed counts."""
        self.new += written.get("new", 0)
        self.skipped += written.get("skipped", 0)
        self.failed += written.get("failed", 0)

    def add_kinds(self, kinds: dict[str, int]) -> None:
        for kind, n in kinds.items():
            self.failure_kinds[kind] = self.failure_kinds.get(kind, 0) + n

    def count_failures(self, batch: list[Rows]) -> None:
        """Count the failure kinds of a batch of rows."""
        for rows in batch:
            if "failures" in rows:
                kind = rows["failures"][0]["kind"]
                self.failure_kinds[kind] = self.failure_kinds.get(kind, 0) + 1

    def summary(self) -> dict[str, Any]:
        """The run summary's counts: ``new``, ``skipped``, ``failed``, ``failure_kinds``."""
        return {"new": self.new, "skipped": self.skipped, "failed": self.failed, "failure_kinds": self.failure_kinds}


class SourceFiles:
    """The input file of each record in flight, so that rows whose article could not be built
    (failures) still say which file they came from."""

    def __init__(self, limit: int = MAX_SOURCES):
        self.limit = limit
        self.by_id: dict[str, str] = {}

    def remember(self, record: InputRecord) -> None:
        if record.get("source") and len(self.by_id) < self.limit:
            self.by_id[str(record.get("id"))] = str(record["source"])

    def fill(self, batch: list[Rows]) -> None:
        """Give every article and failure row of ``batch`` its input file, and forget those records."""
        for rows in batch:
            for row in (*rows.get("articles", ()), *rows.get("failures", ())):
                row["source"] = row["source"] or self.by_id.get(row["id"])
                self.by_id.pop(row["id"], None)


def skip_stored(
    records: Iterable[InputRecord],
    known_ids: Callable[[list[str]], set[str]],
    counts: RunCounts,
    progress: Progress = no_progress,
    sources: SourceFiles | None = None,
    once: bool = False,
) -> Iterator[InputRecord]:
    """The records whose article is not stored yet (the others count as skipped).

    ``once``: also skip a second record with an id seen earlier in this run (Dask workers cannot
    see each other's writes, so duplicates are dropped before they are sent). Records that could
    not be read are never skipped: they are counted as failures again.
    """
    seen: set[str] = set()
    for chunk in chunks(records, LOOKUP_CHUNK):
        known = known_ids([str(r.get("id")) for r in chunk if r.get("id") is not None and not r.get("error")])
        for r in chunk:
            rid = str(r.get("id"))
            if not r.get("error") and (rid in known or rid in seen):
                counts.skipped += 1
                progress(1)
                continue
            if once and not r.get("error"):
                seen.add(rid)
            if sources is not None:
                sources.remember(r)
            yield r


AnalyseRows = Callable[[Iterable[InputRecord]], Iterable[Rows]]


def run_into(
    writer: Writer,
    records: Iterable[InputRecord],
    analyse_rows: AnalyseRows,
    batch_size: int,
    progress: Progress = no_progress,
) -> RunCounts:
    """Analyse every record not stored yet and hand its rows to ``writer`` in batches of ``batch_size``."""
    counts = RunCounts()
    sources = SourceFiles()
    fresh = skip_stored(records, writer.known_ids, counts, progress, sources)
    for batch in chunks(analyse_rows(fresh), batch_size):
        sources.fill(batch)
        counts.add(writer.write(batch))
        counts.count_failures(batch)
        progress(len(batch))
    return counts


def rows_in_processes(clean: bool = True, jobs: int | None = None, statements: bool = False) -> AnalyseRows:
    """Analysis on this machine's worker processes, each result as its table rows."""
    from .local import analyse_parallel

    def analyse_rows(records: Iterable[InputRecord]) -> Iterable[Rows]:
        return analyse_parallel(records, clean=clean, jobs=jobs, transform=result_rows, statements=statements)

    return analyse_rows


def ingest_duckdb(
    paths: Iterable[str],
    db: str | Path,
    jobs: int | None = None,
    clean: bool = True,
    progress: Progress | None = None,
    run_dedup: bool = True,
    statements: bool = False,
) -> dict[str, Any]:
    """Read, analyse and store in the DuckDB file ``db`` every input not stored yet; then rebuild the
    cross-article clusters. Returns the counts, the table totals and the clusters' counts."""
    from ..ingest.readers import iter_records
    from ..store.duckdb import WRITE_BATCH, DuckStore

    with DuckStore(db) as store:
        counts = run_into(
            store, iter_records(paths), rows_in_processes(clean, jobs, statements), WRITE_BATCH, progress or no_progress
        )
        summary: dict[str, Any] = {**counts.summary(), "db": str(db), "totals": store.counts()}
        if run_dedup:
            from ..store.clusters import build_merged_events

            summary["dedup"] = build_merged_events(store.con)
    return summary


def ingest_parquet(
    paths: Iterable[str],
    root: str | Path,
    jobs: int | None = None,
    clean: bool = True,
    progress: Progress | None = None,
    statements: bool = False,
) -> dict[str, Any]:
    """Analyse inputs on this machine into the Parquet dataset at ``root``, resuming a killed run."""
    from ..ingest.readers import iter_records
    from ..store.parquet import PARQUET_BATCH, ParquetDataset

    dataset = ParquetDataset(root)
    counts = run_into(
        dataset, iter_records(paths), rows_in_processes(clean, jobs, statements), PARQUET_BATCH, progress or no_progress
    )
    return {**counts.summary(), "parquet": str(Path(root)), "recovered_files": dataset.recovered}
