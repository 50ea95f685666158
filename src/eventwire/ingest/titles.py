"""The headline among the lines: the page title's copies, the headline and standfirst headings,
and a headline-looking first line of scraped text.

Why: the headline is printed again at the top of most pages (sometimes glued to the first
paragraph, sometimes with the site's name); left in, it would be parsed as a first sentence.
"""

from __future__ import annotations

import re

from .lines import Line, cut_words, text_key

_TITLE_SEP = re.compile(r"\s+[|–—:·•»-]{1,2}\s+")


def mark_leading_headings(
    lines: list[Line], headings: set[str] | frozenset[str], headlines: set[str] | frozenset[str]
) -> None:
    """HTML: heading elements before the first paragraph are the headline and its standfirst
    (a level-1 heading, or any heading right under the page title)."""
    top: list[Line] = []
    after_title = False
    for ln in lines:
        if ln.label in ("title", "dek"):
            after_title = True
            continue
        if ln.label != "story":
            if len(top) < 2:
                continue
            break
        if ln.key in headings and not ln.text.rstrip().endswith(":") and len(top) < 2:
            top.append(ln)
            continue
        break
    else:
        return  # nothing but headings: leave them
    if (
        top
        and not after_title
        and headlines
        and top[0].key not in headlines
        and any(ln.key in headlines for ln in lines[lines.index(top[0]) :])
    ):
        return  # the page's level-1 heading comes later: this first heading is a section heading
    for ln in top:
        ln.label = "dek" if ln.ends or ln.n > 20 else "headline"


def _title_keys(title: str) -> list[str]:
    """The page title and its parts around site-name separators ('Headline | Site')."""
    keys = [text_key(title)]
    for part in _TITLE_SEP.split(title):
        k = text_key(part)
        if k.count(" ") >= 2 and k not in keys:
            keys.append(k)
    return keys


def _same_title(key: str, tkey: str) -> bool:
    """A line is the headline when it equals the page title or is its main part ('Title | Site')."""
    if not key or not tkey:
        return False
    if key == tkey:
        return True
    short, long_ = sorted((key, tkey), key=len)
    if len(long_) > 1.6 * len(short) + 10:
        return False
    if (len(short) >= 20 and long_.startswith(short)) or (len(short) >= 30 and short in long_):
        return True
    a, b = set(key.split()), set(tkey.split())
    return len(a) >= 4 and len(a & b) / len(a | b) >= 0.75


def mark_title(lines: list[Line], title: str, headings: set[str] | frozenset[str]) -> None:
    """Label the copies of a known page ``title`` near the top (or among the headings) "title",
    and an unfinished line right under one its standfirst ("dek"); a headline glued to the first
    paragraph is cut off it."""
    tkeys = _title_keys(title)
    for k, ln in enumerate(lines):
        if (
            ln.label == "story"
            and ln.key
            and (k < 4 or ln.key in headings)
            and any(_same_title(ln.key, t) for t in tkeys)
        ):
            ln.label = "title"
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if (
                nxt is not None
                and nxt.label == "story"
                and nxt.headline_like
                and nxt.n >= 6
                and nxt.key not in headings
            ):
                nxt.label = "dek"  # an unfinished line under the headline is its standfirst
        elif (
            ln.label == "story"
            and k < 3
            and ln.n > 2 * len(tkeys[0].split()) >= 8
            and ln.key.startswith(tkeys[0] + " ")
        ):
            cut_words(ln, len(tkeys[0].split()))  # headline glued to the first paragraph


def find_headline(lines: list[Line]) -> str | None:
    """Scraped text: a headline-looking first story line (with more story after it) is the title."""
    first = next((ln for ln in lines if ln.label == "story"), None)
    if (
        first is not None
        and lines.index(first) <= 2
        and first.headline_like
        and first.n <= 25
        and sum(1 for ln in lines if ln.label == "story") > 1
        and not first.text.lstrip().startswith(("-", "•", "*"))
    ):
        first.label = "title"
        return first.text.strip()
    return None
