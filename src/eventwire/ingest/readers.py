"""Readers: files, folders, stdin, JSON Lines, WARC and feeds → input record dicts.

Why: every face of eventwire (CLI, store, Dask) reads inputs the same lazy way, and an input
that cannot be read becomes an error record instead of stopping the run ("bad input is data").

A record is ``{"id", "text" | "html", "url", "title", "published", "outlet", "source"}`` or,
for an unreadable input, ``{"id", "error": {"kind", "message"}, "source"}``.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from ..model import InputRecord, content_id
from . import MAX_CHARS  # one text limit, the one prepare_article() enforces; HTML is limited after extraction

Record = dict[str, Any]

#: Largest single input file / JSON line / article we accept (bytes); bigger ones become ``too_large``.
MAX_BYTES = 20_000_000

TEXT_EXT = (".txt", ".text")
HTML_EXT = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
JSONL_EXT = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_EXT = (".warc", ".warc.gz")
FEED_EXT = (".xml", ".rss", ".atom")
KNOWN_EXT = TEXT_EXT + HTML_EXT + JSONL_EXT + WARC_EXT + FEED_EXT

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_ID_IN_BROKEN_JSON = re.compile(r'"id"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))')


def iter_records(paths: Iterable[str | os.PathLike[str]], stdin: BinaryIO | None = None) -> Iterator[InputRecord]:
    """Records from files, folders (recursive, sorted) and ``-`` (stdin), lazily, in input order.
    Each is a plain dict shaped as :class:`~eventwire.model.InputRecord` (JSON Lines fields ride along)."""
    for p in paths:
        if str(p) == "-":
            yield from cast(Iterator[InputRecord], _read_stdin(stdin if stdin is not None else sys.stdin.buffer))
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk(path):
                yield from cast(Iterator[InputRecord], read_path(f))
        else:
            yield from cast(Iterator[InputRecord], read_path(path))


def walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, in sorted path order; hidden ones skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        if e.is_dir():
            yield from walk(Path(e.path))
        elif e.name.lower().endswith(KNOWN_EXT):
            yield Path(e.path)


def kind_of(path: Path) -> str:
    """``text | html | jsonl | warc | feed`` by file name; unknown names are sniffed as text/html."""
    name = path.name.lower()
    for kind, exts in (
        ("warc", WARC_EXT),
        ("jsonl", JSONL_EXT),
        ("html", HTML_EXT),
        ("feed", FEED_EXT),
        ("text", TEXT_EXT),
    ):
        if name.endswith(exts):
            return kind
    return "auto"


def read_path(path: Path) -> Iterator[Record]:
    """All records in one file; a file that cannot be read gives one error record."""
    kind = kind_of(path)
    src = str(path)
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path)
        elif kind == "warc":
            yield from _delegate("warc", "iter_warc", path)
        elif kind == "feed":
            yield from _delegate("feeds", "iter_feed", path)
        else:
            size = path.stat().st_size
            if size > MAX_BYTES:
                yield _error(_path_id(path), "too_large", f"{size} bytes is over the {MAX_BYTES} byte limit", src)
                return
            raw = path.read_bytes()
            if path.name.lower().endswith(".gz"):
                raw = _gunzip(raw)
            yield _from_bytes(raw, kind, src, fallback_id=_path_id(path))
    except _ReadError as e:
        yield _error(_path_id(path), e.kind, e.message, src)
    except OSError as e:
        yield _error(_path_id(path), "read_error", f"{type(e).__name__}: {e.strerror or e}", src)


class _ReadError(Exception):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind, self.message = kind, message


def _gunzip(raw: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=_Bytes(raw)) as g:
            out = g.read(MAX_BYTES + 1)
    except (OSError, EOFError) as e:
        raise _ReadError("read_error", f"bad gzip data: {e}") from None
    if len(out) > MAX_BYTES:
        raise _ReadError("too_large", f"over {MAX_BYTES} bytes once decompressed")
    return out


def _Bytes(raw: bytes):
    import io

    return io.BytesIO(raw)


def _path_id(path: Path) -> str:
    """Best-effort id for a file that could not be read: its path (content hashes need content)."""
    return str(path)


def _error(rid: str, kind: str, message: str, source: str | None) -> Record:
    return {"id": rid, "error": {"kind": kind, "message": message}, "source": source}


def _from_bytes(raw: bytes, kind: str, source: str | None, fallback_id: str) -> Record:
    """One article from a whole file's bytes: decoded, checked, and given a content-hash id."""
    if not raw.strip():
        return _error(fallback_id, "empty", "the input is empty", source)
    try:
        text = decode_bytes(raw, html=(kind in ("html", "auto")))
    except _ReadError as e:
        return _error(fallback_id, e.kind, e.message, source)
    if kind == "auto":
        kind = "html" if looks_like_html(text) else "text"
    return _article(text, kind, source)


def _article(text: str, kind: str, source: str | None) -> Record:
    if not text.strip():
        return _error(content_id(text) if text else "", "empty", "the input has no text", source)
    rid = content_id(text)
    if kind != "html" and len(text) > MAX_CHARS:
        return _error(rid, "too_large", f"{len(text)} characters is over the {MAX_CHARS} character limit", source)
    return {"id": rid, ("html" if kind == "html" else "text"): text, "source": source}


def looks_like_html(text: str) -> bool:
    """True for markup: a doctype/html/body tag near the start, or paragraphs marked up as <p>."""
    head = text.lstrip()[:1024].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head:
        return True
    return "<p>" in head and "</p>" in text[:20000].lower()


def _is_binary(raw: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not text."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > max(8, len(sample) // 50)


def decode_bytes(raw: bytes, html: bool = False) -> str:
    """Bytes → str: BOM, declared HTML charset, UTF-8, then charset-normalizer's best guess."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(enc)[1:] if enc != "utf-8" else raw[len(bom) :].decode("utf-8")
            except UnicodeDecodeError:
                break
    if _is_binary(raw):
        raise _ReadError("binary", "the input looks like binary data, not text")
    if html:
        m = _META_CHARSET.search(raw[:4096])
        if m:
            try:
                return raw.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass  # wrong declaration: fall through to detection
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 inputs

    best = from_bytes(raw).best()
    if best is None:
        raise _ReadError("decode", "could not work out the text encoding")
    return str(best)


def _read_stdin(stream: BinaryIO) -> Iterator[Record]:
    """Standard input: JSON Lines when it starts with ``{``, otherwise one text or HTML article."""
    raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        yield _error("-", "too_large", f"standard input is over the {MAX_BYTES} byte limit", "-")
        return
    if raw.lstrip()[:1] == b"{":
        yield from _jsonl_lines(raw.splitlines(), "-")
    else:
        yield _from_bytes(raw, "auto", "-", fallback_id="-")


def _read_jsonl(path: Path) -> Iterator[Record]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as f:
        yield from _jsonl_lines(f, str(path))


def _jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[Record]:
    """One record per non-blank line; a broken line gives an error record with a best-effort id."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        if len(line) > MAX_BYTES:
            yield _error(_broken_id(line[:4096], where), "too_large", f"line {n} is over {MAX_BYTES} bytes", source)
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = decode_bytes(line)
            except _ReadError as e:
                yield _error(_broken_id(line, where), e.kind, f"line {n}: {e.message}", source)
                continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            yield _error(_broken_id(line, where), "bad_json", f"line {n}: {e}", source)
            continue
        if not isinstance(obj, dict):
            yield _error(where, "bad_json", f"line {n} is a JSON {type(obj).__name__}, not an object", source)
            continue
        yield _from_json(obj, source, where)


def _broken_id(line: bytes, where: str) -> str:
    m = _ID_IN_BROKEN_JSON.search(line.decode("utf-8", "replace"))
    if not m:
        return where
    if m.group(1) is not None:
        try:
            return json.loads('"' + m.group(1) + '"')
        except json.JSONDecodeError:
            return m.group(1)
    return m.group(2)


def _from_json(obj: dict[str, Any], source: str, where: str) -> Record:
    """A JSON Lines article: keep its fields, give it an id, check size; ``date`` counts as ``published``."""
    rec: Record = dict(obj)
    body = rec.get("text") if rec.get("text") is not None else rec.get("html")
    if body is not None and not isinstance(body, str):
        return _error(_json_id(rec, where), "bad_json", "'text'/'html' must be a string", source)
    if rec.get("published") is None and isinstance(rec.get("date"), str):
        rec["published"] = rec["date"]
    rec["id"] = _json_id(rec, where)
    rec.setdefault("source", source)
    if body is not None and rec.get("text") is not None and len(body) > MAX_CHARS:
        return _error(rec["id"], "too_large", f"{len(body)} characters is over the {MAX_CHARS} character limit", source)
    return rec


def _json_id(rec: dict[str, Any], where: str) -> str:
    rid = rec.get("id")
    if rid is not None and str(rid) != "":
        return str(rid)
    body = rec.get("text") or rec.get("html")
    return content_id(body) if isinstance(body, str) and body.strip() else where


def _delegate(module: str, func: str, path: Path) -> Iterator[Record]:
    """WARC and feeds are read by their own ingest modules, imported only when such a file comes."""
    import importlib

    try:
        reader = getattr(importlib.import_module(f"eventwire.ingest.{module}"), func)
    except (ImportError, AttributeError) as e:
        raise _ReadError("read_error", f"no reader for {path.name}: {e}") from None
    n = 0
    try:
        for rec in reader(path):
            n += 1
            rec = dict(rec)
            if not rec.get("id"):
                body = rec.get("text") or rec.get("html")
                rec["id"] = content_id(body) if isinstance(body, str) and body.strip() else f"{path}#{n}"
            rec.setdefault("source", str(path))
            yield rec
    except _ReadError:
        raise
    except Exception as e:  # a reader failing half-way loses the rest of that file, not the run
        yield _error(f"{path}#{n + 1}", "read_error", f"{type(e).__name__}: {e}", str(path))
