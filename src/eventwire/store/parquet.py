"""The Parquet dataset: one folder per table, events partitioned by month, written batch by batch.

Why: large runs and Dask workers cannot share one DuckDB file, but they can each drop Parquet
files in a folder that DuckDB (or Spark, pandas, Polars) reads as one dataset. Each batch writes
its table files under temporary names, renames them, and writes ``articles/part-<batch>.parquet``
last: that file is the batch's commit mark. A run killed half-way leaves files without a mark;
the next run deletes them and skips the articles that were committed, so nothing is lost or doubled.

Layout::

    DIR/articles/part-<batch>.parquet
    DIR/events/month=YYYY-MM/part-<batch>.parquet     (month of the event date, else of publication)
    DIR/actors/ quotes/ places/ failures/  part-<batch>.parquet
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from . import schema

Rows = dict[str, list[dict[str, Any]]]

#: Articles per batch (per set of files): big enough that files are not tiny.
PARQUET_BATCH = int(os.environ.get("EVENTWIRE_PARQUET_BATCH", "256"))
_CHILDREN = ("events", "actors", "quotes", "places", "failures")


def _write_table(table: str, rows: list[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = schema.arrow_schema("failures" if table == "failures" else table)
    if table == "events":  # the month is in the folder name (hive partitioning), not in the file
        sch = sch.remove(sch.get_field_index("month"))
        rows = [{k: v for k, v in r.items() if k != "month"} for r in rows]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=sch), tmp, compression="zstd")
    os.replace(tmp, path)


def write_batch(root: str | Path, batch: list[Rows], batch_id: str | None = None) -> dict[str, int]:
    """Write one batch of results' rows as a committed set of files; returns new/failed counts."""
    import datetime as dt

    root = Path(root)
    bid = batch_id or uuid.uuid4().hex
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    tables: dict[str, list[dict[str, Any]]] = {t: [] for t in (*schema.TABLES, "failures")}
    for b in batch:
        for t, rows in b.items():
            tables[t].extend(rows)
    for r in tables["articles"]:
        r["ingested_at"] = now
    for r in tables["failures"]:
        r["last_seen"] = now
    months: dict[str, list[dict[str, Any]]] = {}
    for r in tables["events"]:
        months.setdefault(r["month"], []).append(r)
    for month, rows in sorted(months.items()):
        _write_table("events", rows, root / "events" / f"month={month}" / f"part-{bid}.parquet")
    for t in ("actors", "quotes", "places", "failures"):
        if tables[t]:
            _write_table(t, tables[t], root / t / f"part-{bid}.parquet")
    _write_table("articles", tables["articles"], root / "articles" / f"part-{bid}.parquet")  # the commit mark
    return {"new": len(tables["articles"]), "failed": len(tables["failures"])}


def committed_batches(root: str | Path) -> set[str]:
    folder = Path(root) / "articles"
    if not folder.is_dir():
        return set()
    return {p.name[5:-8] for p in folder.glob("part-*.parquet")}


def recover(root: str | Path) -> int:
    """Delete files of batches that never committed (a killed run); returns how many."""
    root = Path(root)
    done = committed_batches(root)
    removed = 0
    for t in (*_CHILDREN, "articles"):
        for p in (root / t).rglob("*"):
            if not p.is_file():
                continue
            if p.name.endswith(".tmp") or (p.name.startswith("part-") and p.name[5:-8] not in done):
                p.unlink()
                removed += 1
    return removed


def stored_ids(root: str | Path) -> set[str]:
    """Ids of the articles committed in the dataset (for resuming and skipping)."""
    import duckdb

    if not committed_batches(root):
        return set()
    glob = str(Path(root) / "articles" / "*.parquet")
    return {r[0] for r in duckdb.connect().execute("SELECT id FROM read_parquet(?)", [glob]).fetchall()}


def attach_views(con: Any, root: str | Path, prefix: str = "") -> None:
    """Temporary views named like the DuckDB tables (plus ``prefix``) over a Parquet dataset,
    so one SQL serves both back ends."""
    root = Path(root)
    for t in (*schema.TABLES, "failures"):
        name = prefix + t
        files = list((root / t).rglob("*.parquet")) if (root / t).is_dir() else []
        if not files:  # an empty relation with the right columns
            cols = ", ".join(f'NULL::{d} AS "{c}"' for c, d, _ in schema.columns(t))
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT {cols} LIMIT 0")
        elif t == "events":
            glob = str(root / t / "**" / "*.parquet")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}', "
                        "hive_partitioning = true, union_by_name = true)")
        elif t == "failures":
            # failures are appended per attempt: keep the latest per id, and only if it never succeeded
            glob = str(root / t / "*.parquet")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT id, arg_max(source, last_seen) AS source, "
                        "arg_max(kind, last_seen) AS kind, arg_max(message, last_seen) AS message, "
                        "count(*)::INTEGER AS attempts, max(last_seen) AS last_seen "
                        f"FROM read_parquet('{glob}') WHERE id NOT IN (SELECT id FROM {prefix}articles) GROUP BY id")
        else:
            glob = str(root / t / "*.parquet")
            con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}', union_by_name = true)")


def chunks(it: Iterable[Any], n: int) -> Iterator[list[Any]]:
    import itertools

    it = iter(it)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def _rows(result: Any) -> Rows:
    return schema.result_rows(result)


def skip_stored(records: Iterable[dict[str, Any]], known: set[str], counts: dict[str, int],
                progress: Callable[[int], None] | None) -> Iterator[dict[str, Any]]:
    """Drop records whose article is already committed (counted as skipped)."""
    for r in records:
        if not r.get("error") and str(r.get("id")) in known:
            counts["skipped"] += 1
            if progress:
                progress(1)
            continue
        yield r


def ingest_parquet(paths: Iterable[str], root: str | Path, jobs: int | None = None, clean: bool = True,
                   progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Analyse inputs on this machine into a Parquet dataset, resuming a killed run."""
    from ..ingest.readers import iter_records
    from ..pipeline import analyse_parallel

    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    recovered = recover(root)
    known = stored_ids(root)
    counts = {"new": 0, "skipped": 0, "failed": 0}
    reasons: dict[str, int] = {}
    records = skip_stored(iter_records(paths), known, counts, progress)
    for batch in chunks(analyse_parallel(records, clean=clean, jobs=jobs, transform=_rows), PARQUET_BATCH):
        fresh = []
        for b in batch:  # the same content twice in one run: keep the first
            if "articles" in b:
                aid = b["articles"][0]["id"]
                if aid in known:
                    counts["skipped"] += 1
                    continue
                known.add(aid)
            else:
                k = b["failures"][0]["kind"]
                reasons[k] = reasons.get(k, 0) + 1
            fresh.append(b)
        got = write_batch(root, fresh)
        counts["new"] += got["new"]
        counts["failed"] += got["failed"]
        if progress:
            progress(len(batch))
    return {**counts, "failure_kinds": reasons, "parquet": str(root), "recovered_files": recovered}
