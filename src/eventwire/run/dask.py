"""Scale-out on Dask: the same per-article function on cluster workers, writing Parquet partitions.

Why: a corpus too big for one machine is split into chunks of records; each Dask worker runs
:func:`eventwire.pipeline.analyse_records` on its chunks (one spaCy model load per worker
process, cached) and writes the rows straight into the shared Parquet dataset with the same
commit-marked batches as a local run, so a killed run resumes the same way. The client only reads
inputs, skips what is stored (the loop's :func:`~eventwire.run.loop.skip_stored`) and keeps a
bounded number of chunks in flight, so its memory stays flat.

``address`` is a scheduler (``tcp://host:8786``) or ``local:N`` for a LocalCluster of N worker
processes with one thread each. See docs/scale-out.md for dask-jobqueue and Kubernetes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..model import InputRecord
from .loop import RunCounts, SourceFiles, chunks, no_progress, skip_stored

#: Articles per task (and per Parquet batch written by a worker).
DASK_CHUNK = 128

#: Worker settings for a LocalCluster. Dask's nanny starts workers with
#: ``MALLOC_TRIM_THRESHOLD_=65536`` so glibc hands freed memory back to the OS at once; spaCy
#: allocates and frees many small arrays per sentence, and the trimming cost about 12% more CPU
#: (system time) per article. eventwire's memory is bounded by its own batching, so the default
#: glibc threshold is kept. The sampling profiler (a thread walking stacks every 10 ms) is off.
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}


def process_chunk(
    records: list[InputRecord], root: str, clean: bool = True, statements: bool = False
) -> dict[str, Any]:
    """Runs on a worker: analyse one chunk and commit its rows to the dataset; returns counts."""
    from ..pipeline import analyse_records
    from ..store.parquet import write_batch
    from ..store.schema import result_rows

    sources = SourceFiles(limit=len(records))
    for r in records:
        sources.remember(r)
    rows = [result_rows(res) for res in analyse_records(records, clean=clean, statements=statements)]
    sources.fill(rows)
    counts = RunCounts()
    counts.count_failures(rows)
    got = write_batch(root, rows)
    return {**got, "articles": len(records), "failure_kinds": counts.failure_kinds}


def _warm() -> str:
    """Load the model on a worker before work arrives (one load per worker process)."""
    import os

    from .local import prepare_process_for_batch

    prepare_process_for_batch()
    return str(os.getpid())


def open_client(address: str) -> tuple[Any, Any]:
    """A Dask client for ``tcp://…`` or ``local:N``; returns (client, cluster or None)."""
    import dask
    from dask.distributed import Client, LocalCluster

    if address.startswith("local"):
        n = int(address.split(":", 1)[1]) if ":" in address else None
        with dask.config.set(LOCAL_WORKER_CONFIG):
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def ingest_dask(
    paths: Iterable[str],
    root: str | Path,
    address: str,
    clean: bool = True,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = DASK_CHUNK,
    statements: bool = False,
) -> dict[str, Any]:
    """Read inputs here, analyse them on Dask workers into the Parquet dataset at ``root``."""
    from dask.distributed import as_completed

    from ..ingest.readers import iter_records
    from ..store.parquet import ParquetDataset

    progress = progress or no_progress
    dataset = ParquetDataset(Path(root).resolve())
    counts = RunCounts()
    client, cluster = open_client(address)
    try:
        workers = client.run(_warm)
        window = 2 * max(1, len(workers))
        pending = as_completed()
        in_flight = 0

        def collect(future: Any) -> None:
            got = future.result()
            counts.add(got)
            counts.add_kinds(got["failure_kinds"])
            progress(got["articles"])

        fresh = skip_stored(iter_records(paths), dataset.known_ids, counts, progress, once=True)
        for chunk in chunks(fresh, chunk_size):
            pending.add(client.submit(process_chunk, chunk, str(dataset.root), clean, statements, pure=False))
            in_flight += 1
            while in_flight >= window:
                collect(next(pending))
                in_flight -= 1
        for future in pending:
            collect(future)
        return {
            **counts.summary(),
            "parquet": str(dataset.root),
            "recovered_files": dataset.recovered,
            "workers": len(workers),
        }
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
