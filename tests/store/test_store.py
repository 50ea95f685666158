"""The DuckDB store and Parquet dataset: schema from the model, idempotent ingest, query, export, dedup."""

from __future__ import annotations

import csv
import dataclasses
import json

import pytest

from eventwire import model
from eventwire.store import schema
from eventwire.store.clusters import minhash, similarity, story_clusters

WIRE = (
    "Government troops shelled rebel positions outside the northern town on Sunday, killing at least four "
    "fighters, a military spokesman told reporters. The rebels said they would retaliate. Aid agencies warned "
    "that thousands of civilians had fled the fighting and that food supplies were running low in the camps."
)
OTHER = (
    "The central bank raised interest rates by half a point on Thursday, its third increase this year, "
    "saying inflation had not yet peaked. Shares fell in early trading and the currency rose against the dollar."
)
STORIES = [
    "Iran accused Israel of sabotage at a nuclear site on Monday.",
    "Egypt hosted talks between Sudan and Ethiopia in Cairo.",
    "Police arrested dozens of demonstrators in Caracas, officials said.",
    "Turkey threatened to block Sweden's membership of NATO.",
]


def _corpus(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [
        {"id": f"s{i}", "text": t, "published": "2022-05-0" + str(i + 1), "outlet": "Daily"}
        for i, t in enumerate(STORIES)
    ]
    rows.append({"id": "bad", "text": ""})
    f.write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")
    return f


def test_columns_follow_the_model():
    cols = {c for c, _, _ in schema.columns("events")}
    for f in dataclasses.fields(model.Event):
        if f.name in ("evidence", "trigger"):
            assert {f"{f.name}_text", f"{f.name}_start", f"{f.name}_end"} <= cols
        elif f.name in ("source", "target"):
            assert {f"{f.name}_{a.name}" for a in dataclasses.fields(model.Actor)} <= cols
        elif f.name == "place":
            assert {f"place_{p.name}" for p in dataclasses.fields(model.Place)} <= cols
        else:
            assert f.name in cols
    assert {f.name for f in dataclasses.fields(model.Article)} <= {c for c, _, _ in schema.columns("articles")}
    assert {c: d for c, d, _ in schema.columns("events")}["source_sectors"] == "VARCHAR[]"


@pytest.mark.slow
def test_ingest_is_idempotent_and_keeps_failures(tmp_path, nlp):
    from eventwire.run import ingest_duckdb
    from eventwire.store.duckdb import DuckStore

    src, db = _corpus(tmp_path), tmp_path / "ew.duckdb"
    first = ingest_duckdb([str(src)], db, jobs=1)
    assert (first["new"], first["skipped"], first["failed"]) == (4, 0, 2)
    assert first["failure_kinds"] == {"empty": 1, "bad_json": 1}
    again = ingest_duckdb([str(src)], db, jobs=1)
    assert (again["new"], again["skipped"], again["failed"]) == (0, 4, 2)
    with DuckStore(db, read_only=True) as s:
        c = s.counts()
        assert c["articles"] == 4 and c["failures"] == 2
        assert s.con.execute("SELECT max(attempts) FROM failures").fetchone()[0] == 2
        n_ev = c["events"]
        assert s.con.execute("SELECT count(DISTINCT event_id) FROM events").fetchone()[0] == n_ev
        assert s.con.execute("SELECT sum(n_events) FROM articles").fetchone()[0] == n_ev
        # evidence offsets point into the stored body
        for body, start, end, text in s.con.execute(
            "SELECT a.body, e.evidence_start, e.evidence_end, e.evidence_text FROM events e JOIN articles a ON a.id = e.article_id"
        ).fetchall():
            assert body[start:end] == text
        assert s.con.execute("SELECT count(*) FROM merged_events").fetchone()[0] >= 1


@pytest.mark.slow
def test_fixed_input_leaves_failures(tmp_path, nlp):
    from eventwire.run import ingest_duckdb
    from eventwire.store.duckdb import DuckStore

    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "later", "text": ""}) + "\n", encoding="utf-8")
    ingest_duckdb([str(f)], tmp_path / "db.duckdb", jobs=1)
    f.write_text(json.dumps({"id": "later", "text": STORIES[1]}) + "\n", encoding="utf-8")
    second = ingest_duckdb([str(f)], tmp_path / "db.duckdb", jobs=1)
    assert second["new"] == 1
    with DuckStore(tmp_path / "db.duckdb", read_only=True) as s:
        assert s.counts()["failures"] == 0


@pytest.mark.slow
def test_parquet_dataset_matches_duckdb_and_queries_the_same(tmp_path, nlp):
    from eventwire.run import ingest_duckdb, ingest_parquet
    from eventwire.store.query import Filters, connect, export, select_events

    src = _corpus(tmp_path)
    ingest_duckdb([str(src)], tmp_path / "ew.duckdb", jobs=1)
    got = ingest_parquet([str(src)], tmp_path / "pq", jobs=1)
    assert (got["new"], got["failed"]) == (4, 2)
    assert ingest_parquet([str(src)], tmp_path / "pq", jobs=1)["skipped"] == 4
    assert list((tmp_path / "pq" / "events").glob("month=2022-05/*.parquet"))
    a = connect(db=tmp_path / "ew.duckdb")
    b = connect(parquet=tmp_path / "pq")
    f = Filters(since="2022-05-01", until="2022-05-31")
    rows_a = sorted(select_events(a, f).fetchall(), key=str)
    rows_b = sorted(select_events(b, f).fetchall(), key=str)
    assert rows_a == rows_b
    assert b.execute("SELECT count(*) FROM failures").fetchone()[0] == 2
    # filters really filter
    n_all = a.execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(rows_a) <= n_all
    some = select_events(a, Filters(until="2022-05-02")).fetchall()
    assert len(some) <= n_all and all(r[2] <= "2022-05-02" for r in some)
    for fmt in ("csv", "jsonl", "parquet", "gdelt"):
        out = tmp_path / f"events.{fmt}"
        n = export(a, Filters(), fmt, out)
        assert out.exists() and n == n_all
    with open(tmp_path / "events.gdelt", newline="") as fh:
        head = next(csv.reader(fh, delimiter="\t"))
    assert len(head) == 61 and head[0] == "GLOBALEVENTID" and head[-1] == "SOURCEURL"


def test_minhash_finds_syndicated_copies_not_other_stories():
    copy = WIRE.replace("on Sunday", "on Sunday (AP)").replace("told reporters", "told reporters in the capital")
    assert similarity(minhash(WIRE), minhash(copy)) >= 0.6
    assert similarity(minhash(WIRE), minhash(OTHER)) < 0.2
    clusters = story_clusters([("a", minhash(WIRE)), ("b", minhash(OTHER)), ("c", minhash(copy))])
    assert clusters["a"] == clusters["c"] == "a" and clusters["b"] == "b"


def test_merged_events_count_outlets_articles_and_copies():
    import duckdb

    from eventwire.store.clusters import build_merged_events

    con = duckdb.connect()
    for t in (*schema.TABLES, "failures"):
        con.execute(schema.create_sql(t))
    copy = WIRE + " Reporting by staff."
    arts = [("w1", "Wire", WIRE), ("w2", "Herald", copy), ("w3", "Herald", copy + " Updated."), ("o1", "Times", OTHER)]
    for aid, outlet, body in arts:
        con.execute(
            "INSERT INTO articles (id, body, outlet, minhash) VALUES (?, ?, ?, ?)", [aid, body, outlet, minhash(body)]
        )
        con.execute(
            'INSERT INTO events (event_id, article_id, idx, cameo, root, source_code, target_code, "date", outlet, '
            "confidence, evidence_text) VALUES (?, ?, 0, '195', '19', 'SYRMIL', 'SYRREB', '2020-02-02', ?, 0.8, 'x')",
            [f"{aid}-0", aid, outlet],
        )
    got = build_merged_events(con)
    assert got["stories"] == 2
    (m,) = con.execute("SELECT num_mentions, num_sources, num_articles, num_stories FROM merged_events").fetchall()
    # w3 is a second copy of the same story in the same outlet: counted once for that outlet
    assert m == (3, 3, 3, 2)


def test_parquet_batches_commit_last_and_recover_cleans_up(tmp_path):
    from eventwire.store import parquet as pq

    def rows(aid, month):
        ev = {c: None for c, _, _ in schema.columns("events")}
        ev.update(event_id=f"{aid}-0", article_id=aid, idx=0, cameo="040", root="04", month=month)
        art = {c: None for c, _, _ in schema.columns("articles")}
        art.update(id=aid, body="text", minhash=[1, 2, 3])
        return {"articles": [art], "events": [ev], "actors": [], "quotes": [], "places": []}

    pq.write_batch(tmp_path, [rows("a1", "2021-01"), rows("a2", "2021-02")], batch_id="b1")
    assert pq.committed_batches(tmp_path) == {"b1"}
    assert pq.stored_ids(tmp_path) == {"a1", "a2"}
    # a batch killed before its commit mark: child files only, plus a half-written temp file
    pq.write_table_file(
        "events", rows("a3", "2021-03")["events"], tmp_path / "events" / "month=2021-03" / "part-b2.parquet"
    )
    (tmp_path / "articles" / "part-b3.parquet.tmp").write_bytes(b"partial")
    assert pq.recover(tmp_path) == 2
    assert not list((tmp_path / "events").glob("month=2021-03/*.parquet"))
    assert pq.stored_ids(tmp_path) == {"a1", "a2"}
    import duckdb

    con = duckdb.connect()
    pq.attach_views(con, tmp_path)
    assert con.execute("SELECT month, count(*) FROM events GROUP BY month ORDER BY month").fetchall() == [
        ("2021-01", 1),
        ("2021-02", 1),
    ]
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
