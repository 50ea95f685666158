"""RSS / Atom feeds → article records (one per item with content or a summary).

Why: feeds are the cheapest live news source; many carry the full story in ``content:encoded``
or Atom ``content``, others only a summary, which is still worth coding (and says so by length).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

Record = dict[str, Any]


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%d", st)
    for key in ("published", "updated", "created"):
        if entry.get(key):
            from . import normalise_date

            return normalise_date(entry[key])
    return None


def _content(entry) -> tuple[str, str] | None:
    """The richest body an item has, as (kind, value) with kind ``html`` or ``text``."""
    best = None
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip() and (best is None or len(value) > len(best[1])):
            best = ("text" if (c.get("type") or "").startswith("text/plain") else "html", value)
    if best is None:
        detail = entry.get("summary_detail") or {}
        value = entry.get("summary") or ""
        if value.strip():
            best = ("text" if (detail.get("type") or "").startswith("text/plain") else "html", value)
    return best


def iter_feed(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Yield ``{"id": None, "html" or "text", "url", "published", "title", "outlet"}`` per feed item.

    HTML content is a fragment; it is turned into paragraphs here (``html.fragment_text``), so the
    record carries ``text``. An item with neither content nor summary gives an ``empty`` error
    record; a file that is not a feed gives one ``read_error`` record.
    """
    import feedparser

    from .html import fragment_text

    with open(path, "rb") as fh:
        raw = fh.read()
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        yield {
            "id": os.fspath(path),
            "error": {"kind": "read_error", "message": f"no feed items{f': {why}' if why else ''}"},
        }
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        url = entry.get("link")
        title = (entry.get("title") or "").strip() or None
        body = _content(entry)
        if body is None:
            yield {
                "id": entry.get("id") or url or f"{os.fspath(path)}#{n}",
                "error": {"kind": "empty", "message": f"feed item has no content or summary: {title or url}"},
            }
            continue
        kind, value = body
        text = fragment_text(value) if kind == "html" else value.strip()
        if not text.strip():
            yield {
                "id": entry.get("id") or url or f"{os.fspath(path)}#{n}",
                "error": {"kind": "empty", "message": f"feed item has no text: {title or url}"},
            }
            continue
        yield {"id": None, "text": text, "url": url, "published": _date(entry), "title": title, "outlet": outlet}
