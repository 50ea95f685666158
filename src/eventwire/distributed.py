"""Scale-out on Dask: the same per-article function on cluster workers, writing Parquet partitions.

Why: a corpus too big for one machine is split into chunks of records; each Dask worker runs
:func:`eventwire.pipeline.analyse_records` on its chunks (one spaCy model load per worker
process, cached) and writes the rows straight into the shared Parquet dataset with the same
commit-marked batches as a local run, so a killed run resumes the same way. The client only reads
inputs and keeps a bounded number of chunks in flight, so its memory stays flat.

``address`` is a scheduler (``tcp://host:8786``) or ``local:N`` for a LocalCluster of N worker
processes with one thread each. See docs/scale-out.md for dask-jobqueue and Kubernetes.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

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


def process_chunk(records: list[dict[str, Any]], root: str, clean: bool = True) -> dict[str, Any]:
    """Runs on a worker: analyse one chunk and commit its rows to the dataset; returns counts."""
    from .pipeline import analyse_records
    from .store.parquet import write_batch
    from .store.schema import result_rows

    rows = []
    reasons: dict[str, int] = {}
    sources = {str(r.get("id")): r.get("source") for r in records}
    for res in analyse_records(records, clean=clean):
        b = result_rows(res)
        for row in (*b.get("articles", ()), *b.get("failures", ())):
            row["source"] = row["source"] or sources.get(row["id"])
        if "failures" in b:
            k = b["failures"][0]["kind"]
            reasons[k] = reasons.get(k, 0) + 1
        rows.append(b)
    got = write_batch(root, rows)
    return {**got, "articles": len(records), "failure_kinds": reasons}


def _warm() -> str:
    """Load the model on a worker before work arrives (one load per worker process)."""
    import os

    from .pipeline import settle_for_batch

    settle_for_batch()
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


def ingest_dask(paths: Iterable[str], root: str | Path, address: str, clean: bool = True,
                progress: Callable[[int], None] | None = None, chunk_size: int = DASK_CHUNK) -> dict[str, Any]:
    """Read inputs here, analyse them on Dask workers into the Parquet dataset at ``root``."""
    from dask.distributed import as_completed

    from .ingest.readers import iter_records
    from .store.parquet import chunks, recover, stored_ids

    root = Path(root).resolve()
    root.mkdir(parents=True, exist_ok=True)
    recovered = recover(root)
    known = stored_ids(root)
    counts = {"new": 0, "skipped": 0, "failed": 0}
    reasons: dict[str, int] = {}
    client, cluster = open_client(address)
    try:
        workers = client.run(_warm)
        window = 2 * max(1, len(workers))

        def fresh() -> Iterable[dict[str, Any]]:
            for r in iter_records(paths):
                rid = str(r.get("id"))
                if not r.get("error") and rid in known:
                    counts["skipped"] += 1
                    if progress:
                        progress(1)
                    continue
                if not r.get("error"):
                    known.add(rid)  # the same content twice in this run is analysed once
                yield r

        pending = as_completed()
        in_flight = 0

        def collect(fut: Any) -> None:
            got = fut.result()
            counts["new"] += got["new"]
            counts["failed"] += got["failed"]
            for k, v in got["failure_kinds"].items():
                reasons[k] = reasons.get(k, 0) + v
            if progress:
                progress(got["articles"])

        for chunk in chunks(fresh(), chunk_size):
            pending.add(client.submit(process_chunk, chunk, str(root), clean, pure=False))
            in_flight += 1
            while in_flight >= window:
                collect(next(pending))
                in_flight -= 1
        for fut in pending:
            collect(fut)
        return {**counts, "failure_kinds": reasons, "parquet": str(root), "recovered_files": recovered,
                "workers": len(workers)}
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
