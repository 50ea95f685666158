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
from typing import TYPE_CHECKING, cast

from .lines import text_key
from .text import clean_lines

if TYPE_CHECKING:
    from trafilatura.settings import Document

_ANCHOR = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_HEAD = re.compile(r"<head\b.*?</head\s*>", re.I | re.S)
_SPACE = re.compile(r"\s+")


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


_DROP = re.compile(
    r"<(script|style|noscript|figure|figcaption|iframe|svg|template|form|button|nav|aside)\b.*?</\1\s*>|<!--.*?-->",
    re.I | re.S,
)
_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|header|footer|pre|hr|dd|dt)\b[^>]*>", re.I
)


def fragment_text(fragment: str) -> str:
    """An HTML fragment (feed item, short snippet) → paragraphs joined by blank lines.

    Figures, captions, scripts and forms are dropped; block tags become paragraph breaks.
    """
    s = _DROP.sub(" ", fragment)
    s = _BLOCK.sub("\n", s)
    s = htmllib.unescape(_TAG.sub("", s)).replace("\xa0", " ")
    paras = [" ".join(line.split()) for line in s.split("\n")]
    return "\n\n".join(p for p in paras if p)


def link_texts(html: str) -> frozenset[str]:
    """Keys (lower-cased words) of the texts of all links with two words or more."""
    out = set()
    for m in _ANCHOR.finditer(html):
        inner = m.group(1)
        if len(inner) > 800:  # a block wrapped in a link, not a teaser headline
            continue
        if "<" in inner:
            inner = _TAG.sub(" ", inner)
        if "&" in inner:
            inner = htmllib.unescape(inner)
        key = text_key(inner)
        if " " in key:
            out.add(key)
    return frozenset(out)


def heading_keys(doc) -> tuple[set[str], set[str]]:
    """Keys of all heading texts in the extracted body, and of the level-1 headings among them."""
    body = getattr(doc, "body", None)
    if body is None:
        return set(), set()
    every, h1 = set(), set()
    for h in body.iter("head"):
        key = text_key("".join(h.itertext()))
        every.add(key)
        if (h.get("rend") or "").lower() == "h1":
            h1.add(key)
    return every, h1


_SITE_SEP = re.compile(r"\s+[|–—·•»:-]{1,2}\s+")


def _strip_site(title: str | None, site: str | None) -> str | None:
    """'Headline | Site Name' → 'Headline' (when the tail is the site's name or a short label)."""
    if not title:
        return title
    parts = _SITE_SEP.split(title)
    if len(parts) < 2:
        return title
    tail = parts[-1]
    if (site and text_key(tail) == text_key(site)) or (
        len(tail.split()) <= 3 and len(" ".join(parts[:-1]).split()) >= 4
    ):
        return title[: title.rfind(tail)].rstrip(" |–—·•»:-")
    return title


def extract_html(html: str, url: str | None = None) -> Page:
    """Extract the main article of one HTML page (title, byline, date, outlet, body, captions)."""
    import trafilatura

    # without as_dict=True trafilatura gives a Document (its annotation says Document | dict)
    doc = cast(
        "Document | None",
        trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            fast=True,
            favor_recall=True,
            deduplicate=False,
        ),
    )
    if doc is None or not (doc.text or "").strip():
        # trafilatura gives up on fragments and very short pages: fall back to their paragraphs
        captions = figcaptions(html)
        text = fragment_text(_HEAD.sub(" ", html))
        res = clean_lines(text.split("\n\n"), captions={text_key(c) for c in captions})
        return Page(
            body="\n".join(res.kept), url=url, captions=captions + res.captions, removed=res.removed, byline=res.byline
        )
    title = (doc.title or "").strip() or None
    captions = figcaptions(html)
    lines = [s.strip() for s in (doc.text or "").split("\n")]
    headings, h1 = heading_keys(doc)
    cleaned = clean_lines(
        [s for s in lines if s],
        title=title,
        headings=headings,
        headlines=h1,
        captions={text_key(c) for c in captions},
        links=link_texts(html),
    )
    shown = next((text.strip() for label, text in cleaned.labels if label == "title"), None)
    return Page(
        body="\n".join(cleaned.kept),
        title=shown or _strip_site(title, doc.sitename),
        byline=doc.author or cleaned.byline,
        published=doc.date,
        outlet=doc.sitename or None,
        url=doc.url or url,
        language=doc.language,
        captions=captions + [c for c in cleaned.captions if c not in captions],
        removed=cleaned.removed,
    )
