"""HTML page → article parts, built on trafilatura with our own post-processing.

Why: trafilatura is the best-kept open extractor, but it repeats the headline, keeps related-story
lists, prompts, credits and share bars, and throws caption text away. We run it in its fast,
recall-leaning mode and then apply the same residue classifier as for scraped text (``text.py``),
plus what only HTML knows: the page title, headings, and ``<figcaption>`` texts.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from .text import clean_lines

import os
FAST = os.environ.get("EW_FAST", "1") == "1"
_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


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


def figcaptions(html: str) -> list[str]:
    """Plain text of every ``<figcaption>`` in the page, in order, without repeats."""
    out: list[str] = []
    for m in _FIGCAPTION.finditer(html):
        text = _SPACE.sub(" ", htmllib.unescape(_TAG.sub(" ", m.group(1)))).strip()
        if text and text not in out:
            out.append(text)
    return out


def link_texts(html: str) -> frozenset[str]:
    """Keys (lower-cased words) of the texts of all links with two words or more."""
    out = set()
    for m in _ANCHOR.finditer(html):
        key = _key(htmllib.unescape(_TAG.sub(" ", m.group(1))))
        if " " in key:
            out.add(key)
    return frozenset(out)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _headings(doc) -> set[str]:
    body = getattr(doc, "body", None)
    if body is None:
        return set()
    return {_key("".join(h.itertext())) for h in body.iter("head")}


def extract_html(html: str, url: str | None = None) -> Page:
    """Extract the main article of one HTML page (title, byline, date, outlet, body, captions)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, include_images=False, fast=FAST,
                                      favor_recall=True, deduplicate=False)
    if doc is None:
        return Page(body="", url=url)
    title = (doc.title or "").strip() or None
    captions = figcaptions(html)
    lines = [s.strip() for s in (doc.text or "").split("\n")]
    cleaned = clean_lines([s for s in lines if s], title=title, headings=_headings(doc),
                          captions={_key(c) for c in captions}, links=link_texts(html))
    return Page(body="\n".join(cleaned.kept), title=title, byline=doc.author or cleaned.byline,
                published=doc.date, outlet=doc.sitename or None, url=doc.url or url,
                language=doc.language, captions=captions + [c for c in cleaned.captions if c not in captions],
                removed=cleaned.removed)
