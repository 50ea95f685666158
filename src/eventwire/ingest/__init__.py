"""Ingest: input records → clean ``Article`` (PLACEHOLDER v0, being replaced by the ingest work)."""
from __future__ import annotations

from typing import Any

from ..model import Article, ArticleError, content_id


def prepare(record: dict[str, Any], clean: bool = True) -> Article:
    """Turn one input record into an Article or raise ArticleError (placeholder: text only)."""
    if record.get("error"):
        raise ArticleError(record["error"].get("kind", "read_error"), record["error"].get("message", ""))
    text = record.get("text") or record.get("html") or ""
    if not text.strip():
        raise ArticleError("empty", "the article has no text")
    rid = str(record.get("id") or content_id(text))
    return Article(id=rid, body=text, title=record.get("title"), url=record.get("url"),
                   published=record.get("published"), outlet=record.get("outlet"))
