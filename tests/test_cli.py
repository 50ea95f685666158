"""`eventwire extract`: the OUTPUT.md contract on structure, order, ids and error lines."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.model import content_id

ROOT = Path(__file__).resolve().parents[1]
STORIES = [
    "The foreign minister of Norway visited Kenya on Tuesday to discuss a trade agreement with officials in Nairobi.",
    "Police in Lima arrested twelve protesters after clashes near the congress building, the interior ministry said.",
    "Japan and South Korea agreed to resume talks on fishing rights, according to a statement from Tokyo.",
]


def _mixed_folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(STORIES[0], encoding="utf-8")
    (d / "b.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORIES[1], "published": "2021-03-04"})
        + "\n"
        + '{"id": "j2", "text": "never closed\n'
        + json.dumps({"id": "j3", "text": STORIES[2]})
        + "\n",
        encoding="utf-8",
    )
    (d / "c.bin.txt").write_bytes(bytes(range(256)) * 8)
    (d / "sub" / "d.html.gz").write_bytes(
        gzip.compress(
            f"<html><head><title>T</title></head><body><article><p>{STORIES[2]}</p><p>{STORIES[0]}</p></article></body></html>".encode()
        )
    )
    (d / "sub" / "e.txt").write_bytes(b"")
    return d


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.usefixtures("nlp")
def test_extract_mixed_inputs_in_order_with_error_lines(tmp_path):
    d = _mixed_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["extract", "--jobs", "1", "-q", "--output", str(out), str(d)])
    assert r.exit_code == 0, r.output
    got = _lines(out.read_text(encoding="utf-8"))
    ids = [o["id"] for o in got]
    assert ids[:4] == [content_id(STORIES[0]), "j1", "j2", "j3"]
    assert ids[4] == str(d / "c.bin.txt") and ids[6] == str(d / "sub" / "e.txt")
    kinds = [o["error"]["kind"] if o["error"] else None for o in got]
    assert kinds[2] == "bad_json" and kinds[4] == "binary" and kinds[6] == "empty"
    assert kinds[0] is None and kinds[1] is None and kinds[3] is None
    for o in got:
        assert set(o) >= {"id", "article", "events", "quotes", "places", "error"}
        if o["error"] is None:
            body = o["article"]["body"]
            for ev in o["events"]:
                assert body[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
            confs = [ev["confidence"] for ev in o["events"]]
            assert confs == sorted(confs, reverse=True)


@pytest.mark.usefixtures("nlp")
def test_no_clean_keeps_text_exactly_and_stdin(tmp_path):
    messy = "  Rebels  attacked\ta convoy near Goma.\r\n\nThe army  said two soldiers died.  "
    rec = json.dumps({"id": "raw", "text": messy})
    r = CliRunner().invoke(app, ["extract", "--no-clean", "-j", "1", "-q", "-"], input=rec + "\n")
    assert r.exit_code == 0, r.output
    (o,) = _lines(r.stdout)
    assert o["id"] == "raw" and o["error"] is None
    assert o["article"]["body"] == messy


@pytest.mark.usefixtures("nlp")
def test_jobs_2_gives_the_same_lines_as_jobs_1(tmp_path):
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(150):  # more than two chunks, so chunks really are spread and reordered
            f.write(json.dumps({"id": f"n{i}", "text": STORIES[i % 3] + f" The meeting number {i} ended."}) + "\n")
        f.write("not json at all\n")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        r = CliRunner().invoke(app, ["extract", "-j", jobs, "-q", "-o", str(out), str(src)])
        assert r.exit_code == 0, r.output
        outs.append(out.read_text(encoding="utf-8"))
    assert outs[0] == outs[1]
    assert [o["id"] for o in _lines(outs[1])][:3] == ["n0", "n1", "n2"] and len(_lines(outs[1])) == 151


@pytest.mark.usefixtures("nlp")
def test_summary_file_counts(tmp_path):
    d = _mixed_folder(tmp_path)
    summ = tmp_path / "s.json"
    r = CliRunner().invoke(
        app, ["extract", "-j", "1", "-q", "--summary", str(summ), "-o", str(tmp_path / "o.jsonl"), str(d)]
    )
    assert r.exit_code == 0
    s = json.loads(summ.read_text())
    assert s["articles"] == 7 and s["errors"] == 3 and s["ok"] == 4
    assert s["error_kinds"] == {"bad_json": 1, "binary": 1, "empty": 1}


@pytest.mark.usefixtures("nlp")
def test_unwritable_output_is_a_failed_run(tmp_path):
    (tmp_path / "x.txt").write_text(STORIES[0])
    r = CliRunner().invoke(
        app, ["extract", "-q", "-o", str(tmp_path / "no" / "such" / "dir" / "o.jsonl"), str(tmp_path / "x.txt")]
    )
    assert r.exit_code != 0


@pytest.mark.slow
def test_help_and_startup_import_nothing_heavy():
    code = (
        "import sys; import eventwire.cli; "
        "heavy = [m for m in ('spacy', 'duckdb', 'dask', 'distributed', 'trafilatura', 'pyarrow') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout.strip()
    assert out == ""
    helptext = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "extract", "--help"], capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert "--jobs" in helptext and "--no-clean" in helptext and "--output" in helptext


@pytest.mark.slow
def test_console_script_runs_end_to_end(tmp_path):
    exe = Path(sys.executable).parent / "eventwire"
    if not exe.exists():
        pytest.skip("console script not installed")
    (tmp_path / "s.txt").write_text(STORIES[1], encoding="utf-8")
    p = subprocess.run(
        [str(exe), "extract", "-j", "1", str(tmp_path / "s.txt")], capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr
    (o,) = _lines(p.stdout)
    assert o["id"] == content_id(STORIES[1]) and o["error"] is None
    assert json.loads(p.stderr.strip().splitlines()[-1])["articles"] == 1


def test_fast_json_equals_to_dict(nlp):
    import dataclasses

    from eventwire.pipeline import extract

    r = extract(
        "Officials in Ankara said Turkey would send troops to the border, and Greece protested. "
        '"We will not accept this," the Greek foreign minister said on Friday.',
        published="2020-08-14",
    )
    assert r.to_json() == json.dumps(dataclasses.asdict(r), ensure_ascii=False)
    assert r.to_dict() == json.loads(json.dumps(dataclasses.asdict(r)))


def test_ingest_query_export_commands(tmp_path, nlp):
    import csv
    import io

    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"q{i}", "text": t, "published": "2023-01-1" + str(i), "outlet": "Post"}) + "\n"
            for i, t in enumerate(STORIES)
        )
        + '{"id": "bad"\n',
        encoding="utf-8",
    )
    db = tmp_path / "ew.duckdb"
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db), "-j", "1", "--summary", str(tmp_path / "s.json")])
    assert r.exit_code == 0, r.output
    assert "3 new, 0 skipped (already in), 1 failed" in r.output
    s = json.loads((tmp_path / "s.json").read_text())
    assert (s["new"], s["failed"], s["error_kinds"]) == (3, 1, {"bad_json": 1})
    r = runner.invoke(app, ["ingest", str(src), "--db", str(db), "-j", "1"])
    assert "0 new, 3 skipped (already in), 1 failed" in r.output

    r = runner.invoke(app, ["query", "--db", str(db), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    import duckdb

    n_events = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0]
    assert len(rows) == n_events and all(row["article_id"] in {"q0", "q1", "q2"} for row in rows)
    r = runner.invoke(app, ["query", "--db", str(db), "--until", "2023-01-10", "--format", "jsonl"])
    assert all(json.loads(x)["date"] <= "2023-01-10" for x in r.stdout.splitlines())
    if rows:
        r = runner.invoke(app, ["query", "--db", str(db)])
        assert r.exit_code == 0 and rows[0]["cameo"] in r.stdout and "→" in r.stdout
    r = runner.invoke(app, ["export", str(tmp_path / "g.tsv"), "--db", str(db), "--format", "gdelt"])
    assert r.exit_code == 0, r.output
    lines = (tmp_path / "g.tsv").read_text().splitlines()
    assert len(lines) == n_events + 1 and len(lines[0].split("\t")) == 61
    r = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2


_MAIN_PID = os.getpid()


def _die_on_boom(result):
    """A transform that kills its worker process on one article (stands in for a segfault or OOM kill)."""
    if result.id == "boom" and os.getpid() != _MAIN_PID:
        os._exit(3)
    return result.id, result.error.kind if result.error else None


def test_a_worker_that_dies_loses_only_its_article(nlp):
    from eventwire.run import analyse_parallel

    recs = [{"id": f"k{i}", "text": f"Delegates from Peru met in Lima for round {i}."} for i in range(40)]
    recs.insert(17, {"id": "boom", "text": "This article crashes the worker."})
    got = list(analyse_parallel(recs, jobs=2, transform=_die_on_boom, chunk_size=8))
    assert [g[0] for g in got] == [r["id"] for r in recs]
    assert dict(got)["boom"] == "internal"
    assert all(kind is None for rid, kind in got if rid != "boom")


def test_parse_batches_are_capped_by_count_and_characters():
    from eventwire.pipeline import parse_batches

    items = [("x" * n, i) for i, n in enumerate([10, 10, 10, 50, 5, 100, 1, 1])]
    got = [[i for _, i in b] for b in parse_batches(items, batch_size=3, max_chars=60)]
    assert got == [[0, 1, 2], [3, 4], [5], [6, 7]]
    assert [i for b in got for i in b] == list(range(8))


def test_long_articles_are_parsed_in_pieces_and_joined_exactly(nlp):
    from eventwire import pipeline
    from eventwire.pipeline import analyse_records, split_long

    paras = [
        f"Talks in round {i} ended without a deal, the envoy said.  Both sides will meet again.\n\n" for i in range(60)
    ]
    text = "".join(paras) + "Nothing " * 40
    pieces = split_long(text, 1000)
    assert "".join(pieces) == text and len(pieces) > 4
    assert all(len(p) <= 1000 for p in pieces) and all(p[-1].isspace() for p in pieces[:-1])
    old = pipeline.PIECE_CHARS
    pipeline.PIECE_CHARS = 1000
    try:
        (res,) = analyse_records([{"id": "long", "text": text}], clean=False)
    finally:
        pipeline.PIECE_CHARS = old
    (whole,) = analyse_records([{"id": "long", "text": text}], clean=False)
    assert res.article.body == text
    assert [(e.cameo, e.evidence.start, e.evidence.end) for e in res.events] == [
        (e.cameo, e.evidence.start, e.evidence.end) for e in whole.events
    ]


@pytest.mark.usefixtures("nlp")
def test_statements_option_keeps_bare_said_records(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"id": "s1", "text": STORIES[1]}) + "\n", encoding="utf-8")
    codes = {}
    for flag in ([], ["--statements"]):
        r = CliRunner().invoke(app, ["extract", "-j", "1", "-q", *flag, str(src)])
        assert r.exit_code == 0, r.output
        (o,) = _lines(r.stdout)
        codes[bool(flag)] = [e["cameo"] for e in o["events"]]
    assert "010" not in codes[False] and "010" in codes[True]
