"""The embedded DuckDB store: writes analysed articles' rows idempotently, batch by batch.

Why: analysts want one local file they can query with SQL. Articles are keyed by their
content-hash id, so re-ingesting is a no-op; each batch of articles is written in one
transaction, so a run killed at any moment leaves only whole articles behind and the next run
picks up where it stopped. Inputs that could not be analysed go to ``failures`` with their reason
and are tried again on the next run.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import schema
from .schema import Rows, now_utc

#: Articles written per transaction: small enough that a kill loses little work, big enough to be fast.
WRITE_BATCH = 64


class DuckStore:
    """One DuckDB file holding the tables of :mod:`eventwire.store.schema`; a writer for
    :func:`eventwire.run.loop.run_into` (``known_ids`` and ``write``)."""

    def __init__(self, path: str | Path, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            for t in (*schema.TABLES, "failures"):
                self.con.execute(schema.create_sql(t))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored as articles."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: list[Rows]) -> dict[str, int]:
        """Write many articles' rows in one transaction; already-stored articles are skipped.

        Returns ``{"new", "skipped", "failed"}`` for this batch.
        """
        import pyarrow as pa

        now = now_utc()
        ok = [b for b in batch if "articles" in b]
        bad = [b["failures"][0] for b in batch if "failures" in b]
        # duplicates inside the batch or against the store (two inputs with one content hash)
        known = self.known_ids(b["articles"][0]["id"] for b in ok)
        fresh, ids = [], set()
        for b in ok:
            aid = b["articles"][0]["id"]
            if aid in known or aid in ids:
                continue
            ids.add(aid)
            fresh.append(b)
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in schema.TABLES}
        for b in fresh:
            b["articles"][0]["ingested_at"] = now
            for t in schema.TABLES:
                tables[t].extend(b.get(t, ()))
        failed_ids = [f["id"] for f in bad if f["id"] not in known]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for t, rows in tables.items():
                if rows:
                    con.register("_batch", pa.Table.from_pylist(rows, schema=schema.arrow_schema(t)))
                    con.execute(f"INSERT INTO {t} SELECT * FROM _batch")
                    con.unregister("_batch")
            if ids:
                con.execute("DELETE FROM failures WHERE id IN (SELECT unnest(?))", [list(ids)])
            for f in bad:
                if f["id"] in known:
                    continue
                con.execute(
                    "INSERT INTO failures VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO UPDATE SET "
                    "source = excluded.source, kind = excluded.kind, message = excluded.message, "
                    "attempts = failures.attempts + 1, last_seen = excluded.last_seen",
                    [f["id"], f["source"], f["kind"], f["message"], now],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return {"new": len(fresh), "skipped": len(ok) - len(fresh), "failed": len(failed_ids)}

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in (*schema.TABLES, "failures")}


def load_parquet(root: str | Path, db: str | Path, run_dedup: bool = True) -> dict[str, Any]:
    """Copy a Parquet dataset's articles (and their rows) not yet in ``db`` into it, in one transaction."""
    from .parquet import attach_views, recover

    recover(root)
    with DuckStore(db) as store:
        con = store.con
        before = store.counts()
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _pq_new AS SELECT id FROM read_parquet(?) WHERE id NOT IN (SELECT id FROM articles)",
                [str(Path(root) / "articles" / "*.parquet")],
            )
            attach_views(con, root, prefix="_pq_")
            for t in schema.TABLES:
                key = "id" if t == "articles" else "article_id"
                cols = ", ".join(f'"{c}"' for c, _, _ in schema.columns(t))
                con.execute(f"INSERT INTO main.{t} SELECT {cols} FROM _pq_{t} WHERE {key} IN (SELECT id FROM _pq_new)")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        after = store.counts()
        summary: dict[str, Any] = {"new": after["articles"] - before["articles"], "db": str(db), "totals": after}
        if run_dedup:
            from .clusters import build_merged_events

            summary["dedup"] = build_merged_events(con)
    return summary
