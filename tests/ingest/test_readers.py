"""Readers: every input shape becomes records in order; unreadable input becomes an error record."""

from __future__ import annotations

import gzip
import io
import json

from eventwire.ingest.readers import MAX_CHARS, decode_bytes, iter_records, looks_like_html
from eventwire.model import content_id


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story about a ceasefire.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First story about talks.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third story.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"ignored: not a supported extension")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    recs = list(iter_records([tmp_path]))
    assert [r["text"] for r in recs] == ["First story about talks.", "Second story about a ceasefire.", "Third story."]
    assert recs[0]["id"] == content_id("First story about talks.")


def test_jsonl_keeps_ids_and_fields_and_reports_broken_lines(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(
        json.dumps({"id": "a1", "text": "Talks resumed.", "outlet": "Wire", "date": "2020-01-02"})
        + "\n"
        + '{"id": "a2", "text": unquoted}\n'
        + "\n"
        + json.dumps({"text": "No id on this one."})
        + "\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({"id": 7, "html": "<p>x</p>"})
        + "\n",
        encoding="utf-8",
    )
    recs = list(iter_records([p]))
    assert [r["id"] for r in recs] == ["a1", "a2", content_id("No id on this one."), f"{p}:5", "7"]
    assert recs[0]["outlet"] == "Wire" and recs[0]["published"] == "2020-01-02"
    assert recs[1]["error"]["kind"] == "bad_json"
    assert recs[3]["error"]["kind"] == "bad_json"
    assert recs[4]["html"] == "<p>x</p>"


def test_bad_files_give_error_records(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"  \n")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "c_huge.txt").write_text("word " * (MAX_CHARS // 4), encoding="utf-8")
    recs = list(iter_records([tmp_path, tmp_path / "missing.txt"]))
    kinds = [r["error"]["kind"] for r in recs]
    assert kinds == ["empty", "binary", "too_large", "read_error"]
    assert recs[-1]["id"] == str(tmp_path / "missing.txt")


def test_decoding_declared_detected_and_bom():
    assert decode_bytes("Café".encode()) == "Café"
    assert decode_bytes(b"\xef\xbb\xbfhello") == "hello"
    html = b'<html><head><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 caf\xe9</p></body></html>'
    assert "\u201cQuoted\u201d café" in decode_bytes(html, html=True)
    latin = (
        "Le président a déclaré que les négociations étaient terminées et que "
        "l'armée se retirerait des régions frontalières. " * 3
    ).encode("latin-1")
    assert "président" in decode_bytes(latin)


def test_html_and_gzip_and_sniffing(tmp_path):
    page = "<html><body><p>Protesters gathered outside parliament.</p></body></html>"
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page.encode()))
    (tmp_path / "b.htm").write_text(page, encoding="utf-8")
    odd = tmp_path / "story.dat"
    odd.write_text(page, encoding="utf-8")
    recs = list(iter_records([tmp_path / "a.html.gz", tmp_path / "b.htm", odd]))
    assert all(r["html"] == page for r in recs)
    assert recs[0]["id"] == recs[1]["id"] == content_id(page)
    assert looks_like_html(page) and not looks_like_html("Plain words, no tags.")


def test_stdin_jsonl_and_text():
    lines = io.BytesIO(b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n')
    assert [r["id"] for r in iter_records(["-"], stdin=lines)] == ["s1", "s2"]
    plain = io.BytesIO(b"Just a sentence from a pipe.")
    (rec,) = iter_records(["-"], stdin=plain)
    assert rec["text"] == "Just a sentence from a pipe."


def test_warc_reader_is_delegated_and_failures_are_records(tmp_path, monkeypatch):
    import sys
    import types

    fake = types.ModuleType("eventwire.ingest.warc")

    def iter_warc(path):
        yield {"html": "<p>first</p>", "url": "http://example.org/1"}
        raise ValueError("truncated archive")

    fake.iter_warc = iter_warc
    monkeypatch.setitem(sys.modules, "eventwire.ingest.warc", fake)
    w = tmp_path / "crawl.warc.gz"
    w.write_bytes(b"")
    recs = list(iter_records([w]))
    assert recs[0]["id"] == content_id("<p>first</p>") and recs[0]["url"] == "http://example.org/1"
    assert recs[1]["error"]["kind"] == "read_error" and "truncated" in recs[1]["error"]["message"]
