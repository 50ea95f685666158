"""WARC / WARC.gz archives → article records (one per HTML response).

Why: web archives (Common Crawl, Heritrix, wget --warc-file) are how news is collected at scale;
reading them directly avoids unpacking millions of files. Only successful HTML responses are
articles: redirects, errors, robots.txt, images and request/metadata records are skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

Record = dict[str, Any]

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xhtml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SNIFF = re.compile(rb"\s*(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
#: A single response larger than this is not a news article (and would blow the memory budget).
MAX_RECORD_BYTES = 20_000_000


def _decode(raw: bytes, content_type: str) -> str:
    """Bytes of one response → text: the HTTP charset, else the page's own declaration or a guess."""
    m = _CHARSET.search(content_type or "")
    if m:
        try:
            return raw.decode(m.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    from .readers import decode_bytes  # BOM, <meta charset>, UTF-8, charset-normalizer

    return decode_bytes(raw, html=True)


def _record_id(rec) -> str | None:
    rid = rec.rec_headers.get_header("WARC-Record-ID")
    return rid.strip("<>") if rid else None


def iter_warc(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Yield ``{"id": None, "html", "url", "published", "title", "outlet"}`` for each HTML response.

    ``id`` is left ``None`` so the article gets its content-hash id. A response that cannot be
    decoded gives ``{"id": <WARC-Record-ID>, "error": {"kind", "message"}}``; a damaged archive
    gives one ``read_error`` record for the rest of the file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                out = _convert(rec)
                if out is not None:
                    yield out
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
            yield {
                "id": f"{os.fspath(path)}@{it.get_record_offset()}",
                "error": {"kind": "read_error", "message": f"damaged WARC: {type(e).__name__}: {e}"},
            }


def _convert(rec) -> Record | None:
    if rec.rec_type not in ("response", "resource"):
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    if rec.rec_type == "response":
        if rec.http_headers is None:
            return None
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    mime = ctype.lower().split(";")[0].strip()
    if mime and mime not in _HTML_TYPES:
        return None
    rid = _record_id(rec)
    raw = rec.content_stream().read(MAX_RECORD_BYTES + 1)
    if not mime and not _SNIFF.match(raw[:1024]):
        return None  # no declared type: only markup that announces itself counts as a page
    if getattr(rec.raw_stream, "limit", 0) > 0 and len(raw) <= MAX_RECORD_BYTES:
        # fewer bytes than the record declares: the archive was cut off inside this record
        raise EOFError(f"record for {url} is truncated")
    if len(raw) > MAX_RECORD_BYTES:
        return {"id": rid, "error": {"kind": "too_large", "message": f"response over {MAX_RECORD_BYTES} bytes: {url}"}}
    if not raw.strip():
        return {"id": rid, "error": {"kind": "empty", "message": f"empty response: {url}"}}
    try:
        html = _decode(raw, ctype)
    except Exception as e:  # decode_bytes raises its own error type for binary or undecodable bytes
        kind = getattr(e, "kind", "decode")
        return {"id": rid, "error": {"kind": kind, "message": f"{url}: {getattr(e, 'message', e)}"}}
    return {"id": None, "html": html, "url": url, "published": None, "title": None, "outlet": None}
