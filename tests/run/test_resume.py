"""Kill -9 an ingest half-way, run it again: same counts as an uninterrupted run, nothing doubled."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

COUNTRIES = ["Chile", "Kenya", "Norway", "Vietnam", "Morocco", "Peru", "Poland", "Ghana", "Nepal", "Canada"]
VERBS = ["criticised", "praised", "met officials from", "signed an accord with", "accused", "sent aid to"]
N = 320


def _corpus(path: Path) -> None:
    """Distinct short articles from templates (written here, not taken from any data set)."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            a, b = COUNTRIES[i % 10], COUNTRIES[(i * 7 + 3) % 10]
            v = VERBS[i % len(VERBS)]
            text = (
                f"The government of {a} {v} {b} on day {i} of the summit. "
                f"Officials in {b} said talks would continue next week. Report number {i}."
            )
            f.write(json.dumps({"id": f"r{i}", "text": text, "published": f"2019-0{1 + i % 9}-1{i % 10}"}) + "\n")
        f.write('{"id": "broken", "text": \n')


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", *args, "-j", "1", "-q", "--no-dedup"]


def _counts_db(db: Path) -> tuple[int, int, int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles), "
            "(SELECT count(*) FROM events), (SELECT count(DISTINCT event_id) FROM events)"
        ).fetchone()
    finally:
        con.close()


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 90) -> None:
    t0 = time.time()
    while not ready():
        assert proc.poll() is None, "the run ended before it could be killed: make the corpus bigger"
        assert time.time() - t0 < timeout
        time.sleep(0.05)
    time.sleep(0.2)  # land somewhere inside a later batch
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory):
    """The corpus and the counts of a run that was not interrupted."""
    d = tmp_path_factory.mktemp("full")
    src = d / "corpus.jsonl"
    _corpus(src)
    subprocess.run(_cmd(str(src), "--db", str(d / "full.duckdb")), check=True, timeout=300)
    expected = _counts_db(d / "full.duckdb")
    assert expected[0] == N and expected[2] > 0
    return src, expected


def test_kill_and_resume_duckdb(tmp_path, uninterrupted):
    src, expected = uninterrupted
    cut = tmp_path / "cut.duckdb"

    wal = Path(str(cut) + ".wal")
    proc = subprocess.Popen(_cmd(str(src), "--db", str(cut)))
    base: list[int] = []

    def committed_once() -> bool:  # the WAL grows past the schema: a batch of articles was committed
        try:
            size = wal.stat().st_size
        except FileNotFoundError:  # not written yet, or checkpointed away just now (the CLI's open-and-close check)
            return False
        if not base:
            base.append(size)
        return size > base[0] + 4096

    _kill_when(proc, committed_once)
    partial = _counts_db(cut)
    assert 0 < partial[0] < N, partial
    assert partial[0] == partial[1] and partial[2] == partial[3]

    subprocess.run(_cmd(str(src), "--db", str(cut)), check=True, timeout=300)
    assert _counts_db(cut) == expected


def test_kill_and_resume_parquet(tmp_path, uninterrupted):
    from eventwire.store import parquet as pq

    src, expected = uninterrupted
    root = tmp_path / "pq"
    env = {**os.environ, "EVENTWIRE_PARQUET_BATCH": "64"}
    proc = subprocess.Popen(_cmd(str(src), "--parquet", str(root)), env=env)
    _kill_when(proc, lambda: len(pq.committed_batches(root)) >= 1)
    done = len(pq.stored_ids(root))
    assert 0 < done < N
    subprocess.run(_cmd(str(src), "--parquet", str(root)), check=True, timeout=300, env=env)
    import duckdb

    con = duckdb.connect()
    pq.attach_views(con, root)
    n, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert n == distinct == N
    ev, ev_distinct = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
    assert ev == ev_distinct == expected[2]
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == 1
