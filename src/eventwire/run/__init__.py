"""Running the pipeline over many inputs: the one ingest loop, worker processes, Dask."""

from __future__ import annotations

from .dask import ingest_dask, open_client
from .local import analyse_parallel, default_jobs, prepare_process_for_batch
from .loop import RunCounts, Writer, chunks, ingest_duckdb, ingest_parquet, run_into, skip_stored

__all__ = [
    "RunCounts",
    "Writer",
    "analyse_parallel",
    "chunks",
    "default_jobs",
    "ingest_dask",
    "ingest_duckdb",
    "ingest_parquet",
    "open_client",
    "prepare_process_for_batch",
    "run_into",
    "skip_stored",
]
