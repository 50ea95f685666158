"""The HTTP API against a real uvicorn server on a loopback port, over a DuckDB file ingested here."""

from __future__ import annotations

import dataclasses
import json
import shutil
from urllib.parse import quote

import pytest

httpx = pytest.importorskip("httpx")

from eventwire import model  # noqa: E402

pytestmark = pytest.mark.slow

ARTICLES = [
    {
        "id": "pledge",
        "published": "2024-03-01",
        "outlet": "Ridge Courier",
        "title": "Aid pledged",
        "text": "Germany pledged 500 million euros in aid to Ukraine on Friday.\n\n"
        "The German chancellor met the Ukrainian president in Berlin and promised more air defence systems.",
    },
    {
        "id": "border",
        "published": "2024-02-12",
        "outlet": "Valley Post",
        "title": "Border clash",
        "text": "Chinese troops fired on Indian soldiers near the disputed border, Indian officials said on Tuesday.\n\n"
        "India accused China of violating the ceasefire. Beijing rejected the accusation.",
    },
    {
        "id": "courier/2024/envoy",
        "published": "2024-02-10",
        "outlet": "Ridge Courier",
        "title": "Envoy summoned",
        "text": "France condemned Iran on Monday over the detention of two aid workers.\n\n"
        "The French foreign ministry said Paris would summon the Iranian ambassador.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, ingest_articles):
    return ingest_articles(tmp_path_factory.mktemp("api"), ARTICLES)


@pytest.fixture(scope="module")
def client(db):
    from eventwire.api import create_app, running

    with running(create_app(str(db), warm=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


@pytest.fixture(scope="module")
def all_events(client):
    r = client.get("/api/events", params={"limit": 1000})
    assert r.status_code == 200
    return r.json()["events"]


def _direct(db, sql, args=()):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(args)).fetchall()
    finally:
        con.close()


EVENT_FIELDS = [f.name for f in dataclasses.fields(model.Event)]


def test_health_and_dashboard_files(client):
    assert client.get("/healthz").json() == {
        "status": "ok",
        "version": client.get("/healthz").json()["version"],
        "db": True,
    }
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert '<script src="/static/app.js"' in page.text
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert client.get("/static/style.css").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/extract",
        "/healthz",
    } <= set(spec["paths"])
    # the documented event record is the model's Event, field for field
    props = spec["components"]["schemas"]["StoredEvent"]["properties"]
    assert list(props)[: len(EVENT_FIELDS)] == EVENT_FIELDS


def test_events_are_the_stored_events_in_the_model_shape(db, client, all_events):
    (n,) = _direct(db, "SELECT count(*) FROM events")[0]
    assert n > 0 and len(all_events) == n
    assert client.get("/api/events").json()["total"] == n
    for ev in all_events:
        assert list(ev)[: len(EVENT_FIELDS)] == EVENT_FIELDS
        assert ev["modality"] in model.MODALITIES
        assert ev["evidence"]["end"] > ev["evidence"]["start"]
        for actor in (ev["source"], ev["target"]):
            assert actor is None or (actor["code"] and isinstance(actor["sectors"], list))
    # newest first, as `eventwire query` lists them
    dates = [ev["date"] or ev["published"] for ev in all_events]
    assert dates == sorted(dates, reverse=True)
    # the pledge is coded Germany → Ukraine
    assert any(
        (ev["source"] or {}).get("code", "").startswith("DEU")
        and (ev["target"] or {}).get("code", "").startswith("UKR")
        and ev["article_id"] == "pledge"
        for ev in all_events
    )


def test_every_offset_points_into_the_article_body(client, all_events):
    bodies = {}
    for ev in all_events:
        aid = ev["article_id"]
        if aid not in bodies:
            bodies[aid] = client.get(f"/api/articles/{quote(aid, safe='')}").json()["article"]["body"]
        body = bodies[aid]
        for span in (ev["evidence"], ev["trigger"], ev["source"], ev["target"]):
            if span is not None:
                assert body[span["start"] : span["end"]] == span["text"]
        for a in ev["attribution"]:
            if a["start"] is not None:
                assert body[a["start"] : a["end"]] == a["text"]


def _codes(events, role):
    return {(ev[role] or {}).get("code") for ev in events}


def test_filters_match_eventwire_query(db, client, all_events):
    for role in ("source", "target"):
        prefixes = sorted({c[:3] for c in _codes(all_events, role) if c})
        assert len(prefixes) >= 2
        for p in prefixes:
            got = client.get("/api/events", params={role: p.lower(), "limit": 1000}).json()
            want = [ev["id"] for ev in all_events if ((ev[role] or {}).get("code") or "").startswith(p)]
            assert [ev["id"] for ev in got["events"]] == want and got["total"] == len(want)
    root = all_events[0]["root"]
    got = client.get("/api/events", params={"root": root.lstrip("0"), "limit": 1000}).json()["events"]
    assert got and {ev["root"] for ev in got} == {root}
    got = client.get("/api/events", params={"cameo": all_events[0]["cameo"][:3]}).json()["events"]
    assert got and all(ev["cameo"].startswith(all_events[0]["cameo"][:3]) for ev in got)
    mods = sorted({ev["modality"] for ev in all_events})
    got = client.get("/api/events", params=[("modality", m) for m in mods[:2]] + [("limit", 1000)]).json()
    assert got["total"] == sum(ev["modality"] in mods[:2] for ev in all_events)
    assert client.get("/api/events", params={"modality": ",".join(mods[:2])}).json()["total"] == got["total"]
    got = client.get("/api/events", params={"since": "2024-02-11", "until": "2024-02-28"}).json()["events"]
    assert got and all("2024-02-11" <= (ev["date"] or ev["published"]) <= "2024-02-28" for ev in got)
    feb = client.get("/api/events", params={"since": "2024-02", "until": "2024-02", "limit": 1000}).json()["events"]
    assert feb and all((ev["date"] or ev["published"]).startswith("2024-02") for ev in feb)
    got = client.get("/api/events", params={"q": "CEASEFIRE"}).json()["events"]
    assert got and all("ceasefire" in ev["evidence"]["text"].lower() for ev in got)
    assert client.get("/api/events", params={"q": "no such words anywhere"}).json() == {
        "total": 0,
        "limit": 50,
        "offset": 0,
        "events": [],
    }
    got = client.get("/api/events", params={"article": "courier/2024/envoy", "limit": 1000}).json()["events"]
    assert got and {ev["article_id"] for ev in got} == {"courier/2024/envoy"}
    (n,) = _direct(db, "SELECT count(*) FROM events WHERE article_id = 'courier/2024/envoy'")[0]
    assert len(got) == n


def test_paging_walks_every_event_once(client, all_events):
    seen = []
    for offset in range(0, len(all_events) + 2, 2):
        page = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == len(all_events) and page["offset"] == offset
        seen += [ev["id"] for ev in page["events"]]
    assert seen == [ev["id"] for ev in all_events]


def test_event_detail_has_evidence_context_and_article(client, all_events):
    ev = next(e for e in all_events if e["article_id"] == "border")
    d = client.get(f"/api/events/{ev['id']}").json()
    assert d["event"] == ev
    assert d["article"]["id"] == "border" and d["article"]["title"] == "Border clash"
    ctx, body = d["context"], d["article"]["body"]
    assert body[ctx["start"] : ctx["end"]] == ctx["text"]
    assert ctx["start"] <= ev["evidence"]["start"] and ev["evidence"]["end"] <= ctx["end"]
    assert "\n\n" not in ctx["text"].strip()  # one paragraph, not the whole article
    assert d["merged"]["num_articles"] >= 1 and "border" in d["merged"]["article_ids"]
    # ids taken from the input may hold slashes (URLs): they work raw and percent-encoded
    slashed = next(e for e in all_events if "/" in e["id"])
    for path in (f"/api/events/{slashed['id']}", f"/api/events/{quote(slashed['id'], safe='')}"):
        assert client.get(path).json()["event"]["id"] == slashed["id"]
    assert client.get(f"/api/articles/{quote(slashed['article_id'], safe='')}").json()["id"] == slashed["article_id"]
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and "no-such-event" in r.json()["detail"]


def test_article_is_an_article_result(db, client):
    d = client.get("/api/articles/border").json()
    assert list(d) == [f.name for f in dataclasses.fields(model.ArticleResult)]
    assert d["error"] is None and d["article"]["outlet"] == "Valley Post"
    assert [ev["article_id"] for ev in d["events"]] == ["border"] * len(d["events"])
    (n_places,) = _direct(db, "SELECT count(*) FROM places WHERE article_id = 'border'")[0]
    assert len(d["places"]) == n_places > 0
    for p in d["places"]:
        assert d["article"]["body"][p["start"] : p["end"]] == p["text"]
    assert client.get("/api/articles/missing").status_code == 404


def test_stats_count_the_filtered_events(client, all_events):
    s = client.get("/api/stats").json()
    assert s["events"] == len(all_events) and s["articles"] == 3
    for key in ("by_root", "by_modality", "by_day"):
        assert sum(c["n"] for c in s[key]) == len(all_events)
    assert all(c["label"] for c in s["by_root"])  # roots carry their CAMEO name
    assert [c["key"] for c in s["by_day"]] == sorted(c["key"] for c in s["by_day"])
    one = client.get("/api/stats", params={"article": "pledge"}).json()
    assert one["articles"] == 1 and one["events"] == sum(ev["article_id"] == "pledge" for ev in all_events)
    vocab = client.get("/api/vocabulary").json()
    assert vocab["modalities"] == list(model.MODALITIES) and len(vocab["roots"]) == 20
    assert {c["root"] for c in client.get("/api/cameo", params={"root": "4"}).json()} == {"04"}


@pytest.mark.parametrize(
    "params, word",
    [
        ({"source": "RU5"}, "source"),
        ({"target": "x" * 40}, "target"),
        ({"root": "33"}, "root"),
        ({"root": "ab"}, "root"),
        ({"cameo": "12a"}, "cameo"),
        ({"modality": "maybe"}, "modality"),
        ({"since": "last week"}, "since"),
        ({"until": "2024-13-45x"}, "until"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"q": "x" * 300}, "q"),
    ],
)
def test_bad_filters_are_clear_422s(client, params, word):
    for path in ("/api/events", "/api/stats") if "limit" not in params and "offset" not in params else ("/api/events",):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)
        assert word in json.dumps(r.json()["detail"])


def test_hostile_input_never_breaks_the_server(db, client, all_events):
    for q in ("'; DROP TABLE events; --", "%_\\", "\u202e\u0000", "ü" * 50):
        r = client.get("/api/events", params={"q": q, "article": q})
        assert r.status_code in (200, 422), r.text
    for path in ("/api/events/%27%3B%20DROP%20TABLE%20events", "/api/articles/..%2F..%2Fetc%2Fpasswd"):
        assert client.get(path).status_code == 404
    assert client.get("/static/../api/app.py").status_code == 404
    assert _direct(db, "SELECT count(*) FROM events")[0][0] == len(all_events)


def test_extract_codes_posted_text(client):
    text = (
        "Russia accused Ukraine of shelling a power station on Sunday, officials said.\n\n"
        "Kyiv denied the claim and said it would ask the United Nations to investigate."
    )
    r = client.post("/api/extract", json={"text": text, "published": "2024-06-02", "url": "https://example.org/x"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert list(d) == [f.name for f in dataclasses.fields(model.ArticleResult)]
    assert (
        d["error"] is None
        and d["article"]["published"] == "2024-06-02"
        and d["article"]["url"] == "https://example.org/x"
    )
    body = d["article"]["body"]
    assert d["events"] and d["places"]
    for ev in d["events"]:
        assert list(ev) == EVENT_FIELDS
        assert body[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
    accuse = [ev for ev in d["events"] if ev["root"] == "11" and (ev["source"] or {}).get("code", "").startswith("RUS")]
    assert accuse, [(e["cameo"], e["source"]) for e in d["events"]]
    confidences = [ev["confidence"] for ev in d["events"]]
    assert confidences == sorted(confidences, reverse=True)
    # HTML goes through the HTML extractor, tags gone
    html = "<html><body><article><p>Egypt hosted talks between Sudan and Ethiopia in Cairo on Monday.</p></article></body></html>"
    h = client.post("/api/extract", json={"html": html}).json()
    assert "<p>" not in h["article"]["body"] and "Cairo" in h["article"]["body"]


def test_extract_errors_are_clear(client):
    cases = [
        ({"text": ""}, 422, "empty"),
        ({"text": "   \n  "}, 422, "empty"),
        ({}, 422, "text"),
        ({"text": "Iran warned Israel.", "html": "<p>x</p>"}, 422, "exactly one"),
        ({"txt": "Iran warned Israel."}, 422, "txt"),
        ({"text": 42}, 422, "text"),
        ({"text": "Iran warned Israel.", "published": "the other day"}, 422, "published"),
        ({"text": "Iran warned Israel.", "clean": "maybe"}, 422, "clean"),
    ]
    for payload, status, word in cases:
        r = client.post("/api/extract", json=payload)
        assert r.status_code == status, (payload, r.text)
        assert word in json.dumps(r.json()), (payload, r.text)
    for raw in (b"{not json", b"\xff\xfe\x00", b"[1, 2]", b"null"):
        r = client.post("/api/extract", content=raw, headers={"content-type": "application/json"})
        assert r.status_code in (400, 422) and r.json()["detail"], raw


def test_extract_size_limit_is_a_413(client):
    from eventwire.api import MAX_EXTRACT_BYTES

    big = {"text": "The council met. " * (MAX_EXTRACT_BYTES // 16)}
    r = client.post("/api/extract", json=big)
    assert r.status_code == 413 and str(MAX_EXTRACT_BYTES) in r.json()["detail"]

    def chunks():  # no Content-Length: the limit is enforced while reading
        yield b'{"text": "'
        for _ in range(MAX_EXTRACT_BYTES // 10_000 + 2):
            yield b"a" * 10_000
        yield b'"}'

    r = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.get("/healthz").status_code == 200


def test_without_a_database(tmp_path):
    from eventwire.api import create_app, running

    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "missing.duckdb"))
    with running(create_app(None, warm=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        assert c.get("/healthz").json()["db"] is False
        r = c.get("/api/events")
        assert r.status_code == 503 and "--db" in r.json()["detail"]
        assert c.get("/").status_code == 200


def test_a_file_that_is_not_a_store_fails_at_start(tmp_path):
    import duckdb

    from eventwire.api import create_app

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(ValueError, match="not an eventwire store"):
        create_app(str(other))
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ValueError, match="not a DuckDB database"):
        create_app(str(junk))


def test_a_store_written_before_a_field_was_added_still_reads(db, tmp_path):
    """Columns are looked up, not assumed: a missing one comes back as the model's default."""
    import duckdb

    from eventwire.api import create_app, running

    old = tmp_path / "old.duckdb"
    shutil.copy(db, old)
    con = duckdb.connect(str(old))
    con.execute("ALTER TABLE events DROP COLUMN fatalities")
    con.execute("ALTER TABLE events DROP COLUMN mentions")
    con.close()
    with running(create_app(str(old), warm=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        evs = c.get("/api/events", params={"limit": 1000}).json()["events"]
        assert evs and all(ev["fatalities"] is None and ev["mentions"] == [] for ev in evs)
        assert c.get(f"/api/events/{quote(evs[0]['id'], safe='')}").status_code == 200


def test_ingest_can_add_to_the_file_while_it_is_served(db, tmp_path):
    """The server holds no lock between requests, so `eventwire ingest` can add articles."""
    from eventwire.api import create_app, running
    from eventwire.run import ingest_duckdb

    copy = tmp_path / "live.duckdb"
    shutil.copy(db, copy)
    with running(create_app(str(copy), warm=False)) as url, httpx.Client(base_url=url, timeout=60) as c:
        before = c.get("/api/stats").json()
        src = tmp_path / "more.jsonl"
        src.write_text(
            json.dumps(
                {"id": "late", "published": "2024-04-04", "text": "Turkey expelled two Swedish diplomats on Thursday."}
            )
            + "\n",
            encoding="utf-8",
        )
        assert ingest_duckdb([str(src)], copy, jobs=1)["new"] == 1
        after = c.get("/api/stats").json()
        assert after["articles"] == before["articles"] + 1
        assert c.get("/api/articles/late").status_code == 200


def test_serve_runs_a_server_process(db):
    """`api.serve` (what `eventwire serve` calls) in its own process, stopped with SIGTERM."""
    import signal
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", f"from eventwire.api import serve; serve({str(db)!r}, port={port})"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["articles"] == 3
    finally:
        proc.send_signal(signal.SIGTERM)
        # uvicorn shuts down cleanly, then re-raises the signal it caught
        assert proc.wait(timeout=15) in (0, -signal.SIGTERM)
