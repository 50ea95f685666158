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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import schema
from .schema import Rows

#: Articles per batch (per set of files): big enough that files are not tiny.
PARQUET_BATCH = int(os.environ.get("EVENTWIRE_PARQUET_BATCH", "256"))
_CHILDREN = ("events", "actors", "quotes", "places", "failures")


def write_table_file(table: str, rows: list[dict[str, Any]], path: Path) -> None:
    """One table's rows as one Parquet file, written under a temporary name and renamed into place."""
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
    root = Path(root)
    bid = batch_id or uuid.uuid4().hex
    now = schema.now_utc()
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
        write_table_file("events", rows, root / "events" / f"month={month}" / f"part-{bid}.parquet")
    for t in ("actors", "quotes", "places", "failures"):
        if tables[t]:
            write_table_file(t, tables[t], root / t / f"part-{bid}.parquet")
    write_table_file("articles", tables["articles"], root / "articles" / f"part-{bid}.parquet")  # the commit mark
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
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}', "
                "hive_partitioning = true, union_by_name = true)"
            )
        elif t == "failures":
            # failures are appended per attempt: keep the latest per id, and only if it never succeeded
            glob = str(root / t / "*.parquet")
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT id, arg_max(source, last_seen) AS source, "
                "arg_max(kind, last_seen) AS kind, arg_max(message, last_seen) AS message, "
                "count(*)::INTEGER AS attempts, max(last_seen) AS last_seen "
                f"FROM read_parquet('{glob}') WHERE id NOT IN (SELECT id FROM {prefix}articles) GROUP BY id"
            )
        else:
            glob = str(root / t / "*.parquet")
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM read_parquet('{glob}', union_by_name = true)"
            )


class ParquetDataset:
    """A writer for :func:`eventwire.run.loop.run_into` over the dataset at ``root``.

    Opening it deletes what a killed run left uncommitted and reads the committed ids once, so
    ``known_ids`` is a set lookup and ``write`` keeps the first of two inputs with one content id.
    """

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.recovered = recover(self.root)
        self.stored = stored_ids(self.root)

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are committed already (or were written by this writer)."""
        return {i for i in ids if i in self.stored}

    def write(self, batch: list[Rows]) -> dict[str, int]:
        """Commit one batch of results' rows; returns ``{"new", "skipped", "failed"}`` for it."""
        fresh, skipped = [], 0
        for rows in batch:
            if "articles" in rows:
                aid = rows["articles"][0]["id"]
                if aid in self.stored:
                    skipped += 1
                    continue
                self.stored.add(aid)
            fresh.append(rows)
        got = write_batch(self.root, fresh)
        return {"new": got["new"], "skipped": skipped, "failed": got["failed"]}
