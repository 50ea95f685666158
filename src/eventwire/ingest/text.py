"""Residue cleaning for scraped text: takes the page furniture out and keeps the story.

Why: text scraped from news pages carries loading placeholders, share bars, captions printed twice,
agency credits, teasers and prompts. The parser would turn them into bogus sentences (and bogus
events), so they are taken out here and recorded in ``Article.removed`` (captions in ``captions``).
The layers: line features (:mod:`.lines`), the residue line classifier (:mod:`.residue`), the
headline and its copies (:mod:`.titles`); this module runs them in order over a page's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import line_features
from .residue import classify_lines, mark_known_captions, mark_link_teasers
from .titles import find_headline, mark_leading_headings, mark_title


@dataclass
class Cleaned:
    """Result of :func:`clean_text`."""

    body: str
    title: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (label, line) for every non-blank line


@dataclass
class CleanedLines:
    """Result of :func:`clean_lines`: kept lines in order, plus what was taken out."""

    kept: list[str]
    title: str | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)


def clean_lines(
    texts: list[str],
    title: str | None = None,
    headings: set[str] | frozenset[str] = frozenset(),
    captions: set[str] | frozenset[str] = frozenset(),
    find_title: bool = False,
    links: set[str] | frozenset[str] = frozenset(),
    headlines: set[str] | frozenset[str] = frozenset(),
) -> CleanedLines:
    """Classify non-blank lines into story and residue.

    ``title`` (a known headline, e.g. from HTML metadata) removes its copies near the top;
    ``headings`` (keys of HTML heading texts) protects sub-headings from the teaser rules;
    ``captions`` (keys of known caption texts) marks leaked captions; ``links`` (keys of link
    texts, HTML) marks link-list teasers and replaces the plain-text rule on runs of headline-styled
    lines; ``headlines`` (keys of level-1 headings) lets a top heading count as the headline even
    when it differs from ``title``; ``find_title`` takes a
    headline-looking first line as the title (scraped text).
    """
    lines = [line_features(s) for s in texts if s.strip()]
    if not lines:
        return CleanedLines(kept=[])
    # HTML (links known): the extractor already drops repeated blocks, and a page that repeats a
    # paragraph (an interview's recurring question) means it; scraped text repeats by accident
    classify_lines(lines, headings, runs=not links, dedupe=not links)
    if links:
        mark_link_teasers(lines, links, headings)
    if captions:
        mark_known_captions(lines, captions)
    if title:
        mark_title(lines, title, headings)
    if headings:
        mark_leading_headings(lines, headings, headlines)
    found = next((ln.text.strip() for ln in lines if ln.label == "title"), None)
    if find_title and found is None:
        found = find_headline(lines)
    byline = next((ln.text.strip() for ln in lines if ln.label == "byline"), None)
    return CleanedLines(
        kept=[ln.text for ln in lines if ln.label == "story"],
        title=found,
        byline=byline,
        captions=_dedupe([ln.text for ln in lines if ln.label in ("caption", "credit")]),
        removed=[ln.text for ln in lines if ln.label not in ("story", "title")],
        labels=[(ln.label, ln.text) for ln in lines],
    )


def clean_text(text: str, find_title: bool = True, title: str | None = None) -> Cleaned:
    """Split ``text`` into story and residue; the body keeps the story lines in order.

    A known ``title`` (from the record) takes its copy off the top of the text even when that copy
    does not look like a headline. Paragraph separators follow the input: blank-line separated input gives "\\n\\n" between kept
    paragraphs, single-line separated input "\\n".
    """
    res = clean_lines([s.strip() for s in text.splitlines()], find_title=find_title, title=title)
    sep = "\n\n" if re.search(r"\n[ \t]*\n", text) else "\n"
    return Cleaned(
        body=sep.join(res.kept),
        title=res.title,
        byline=res.byline,
        captions=res.captions,
        removed=res.removed,
        labels=res.labels,
    )


def _dedupe(items: list[str]) -> list[str]:
    """The items in order, each once (a caption can be printed twice)."""
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
