"""warc.iter_warc: HTML responses become records; other records are skipped; damage is reported."""

from __future__ import annotations

import io

import pytest

from eventwire.ingest import prepare_article
from eventwire.ingest.warc import iter_warc

PAGE = """<!doctype html><html><head><title>Port strike spreads to second city | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta property="article:published_time" content="2021-04-06T08:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port strike spreads to second city</h1>
<p>Dock workers in the northern port walked off the job on Monday, joining a strike that began last week in the capital, union leaders said.</p>
<figure><img src="cranes.jpg"><figcaption>Idle cranes at the container terminal. Photo: Staff</figcaption></figure>
<p>The transport ministry said it would meet union representatives on Wednesday and urged both sides to avoid disruption to fuel deliveries.</p>
<p>Shipping agents said more than forty vessels were waiting offshore, and some had already been diverted to ports in neighbouring countries.</p>
</article></body></html>"""


def build_warc(path, items, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, status, ctype, body in items:
            if status is None:  # a request record: must be skipped
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
                continue
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_only(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(
        p,
        [
            ("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE.encode("utf-8")),
            ("https://news.example/a", None, None, None),
            ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
            ("https://news.example/old", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
            (
                "https://news.example/b",
                "200 OK",
                "text/html; charset=iso-8859-1",
                PAGE.replace("Monday", "Montag\u00e9").encode("latin-1"),
            ),
        ],
    )
    recs = list(iter_warc(p))
    assert [r["url"] for r in recs] == ["https://news.example/a", "https://news.example/b"]
    assert all(r["id"] is None and "html" in r for r in recs)
    assert "Montag\u00e9" in recs[1]["html"]  # decoded with the HTTP charset
    art = prepare_article({**recs[0], "id": "a"})
    assert art.body.startswith("Dock workers in the northern port")
    assert "Idle cranes" not in art.body and any("Idle cranes" in c for c in art.captions)
    assert art.published == "2021-04-06"
    assert art.title == "Port strike spreads to second city"


def test_damaged_archive_gives_error_record(tmp_path):
    good = tmp_path / "good.warc.gz"
    build_warc(good, [("https://news.example/a", "200 OK", "text/html", PAGE.encode())] * 2)
    raw = good.read_bytes()
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(raw[: len(raw) * 3 // 4])  # cut in the middle of the second record
    recs = list(iter_warc(bad))
    assert recs[0].get("html")
    assert recs[-1]["error"]["kind"] == "read_error"


def test_response_without_content_type_is_sniffed(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "untyped.warc"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for url, body in (
            ("https://news.example/page", PAGE.encode()),
            ("https://news.example/data", b"id,value\n1,2\n"),
        ):
            headers = StatusAndHeaders("200 OK", [("Server", "test")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    assert [r["url"] for r in iter_warc(p)] == ["https://news.example/page"]
