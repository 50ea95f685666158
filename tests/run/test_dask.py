"""Dask scale-out: a LocalCluster with 2 worker processes gives the same dataset as a local run."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

PLACES = ["Quito", "Accra", "Hanoi", "Oslo", "Rabat", "Lima"]


def _corpus(path):
    with path.open("w", encoding="utf-8") as f:
        for i in range(60):
            city = PLACES[i % len(PLACES)]
            f.write(
                json.dumps(
                    {
                        "id": f"d{i}",
                        "published": "2018-06-01",
                        "text": f"Protesters marched in {city} on Friday, and police detained {i + 2} people. "
                        f"The mayor of {city} condemned the violence.",
                    }
                )
                + "\n"
            )
        f.write(json.dumps({"id": "empty", "text": "   "}) + "\n")


def test_dask_local_cluster_matches_local_run(tmp_path, nlp):
    import duckdb

    from eventwire.run import ingest_dask, ingest_parquet
    from eventwire.store.parquet import attach_views

    src = tmp_path / "c.jsonl"
    _corpus(src)
    local = ingest_parquet([str(src)], tmp_path / "local", jobs=1)
    got = ingest_dask([str(src)], tmp_path / "dask", "local:2", chunk_size=16)
    assert got["workers"] == 2
    assert (got["new"], got["failed"]) == (local["new"], local["failed"]) == (60, 1)
    again = ingest_dask([str(src)], tmp_path / "dask", "local:2", chunk_size=16)
    assert (again["new"], again["skipped"]) == (0, 60)

    def table(root, sql):
        con = duckdb.connect()
        attach_views(con, root)
        return con.execute(sql).fetchall()

    q = "SELECT event_id, cameo, source_code, target_code, modality FROM events ORDER BY event_id"
    assert table(tmp_path / "dask", q) == table(tmp_path / "local", q)
    assert table(tmp_path / "dask", "SELECT count(*) FROM failures") == [(1,)]


def _worker_settings() -> tuple[str | None, bool]:
    import os

    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled")


def test_local_cluster_workers_run_without_eager_trim_or_profiler():
    """Dask's default worker set-up (eager malloc trim, 10 ms stack sampler) costs ~12% CPU per article."""
    from eventwire.run.dask import open_client

    client, cluster = open_client("local:1")
    try:
        assert list(client.run(_worker_settings).values()) == [(None, False)]
    finally:
        client.close()
        cluster.close()
