"""The residue line classifier: labels each line of scraped text as story or page furniture.

Why: text scraped from news pages carries loading placeholders, share bars, captions printed twice,
agency credits, teasers and prompts. The parser would turn them into bogus sentences (and bogus
events), so every line gets a label here and only "story" lines stay in the body.
Rules look at features (length, position, punctuation, capitalisation, stop-word density,
repetition, neighbours, credit patterns), never at one site's strings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lines import BULLETS, WORD, Line, text_key

_MARKUP = re.compile(
    r"\[/[a-z_]+\]|\[[a-z_]+\s+[a-z_]+\s*=|\{\{|\}\}|</?(?:div|span|p|a|img|script|iframe|br|figure|noscript)\b[^>]*>|^\s*(?:var|function|window\.|document\.)\b",
    re.I,
)
_SKELETON = re.compile(r"[\w\s'’.-]+")
#: Most teaser lines taken after one section label ("Related", "Most read" ...).
MAX_TEASERS = 6
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|story by|text by|posted by|reported by)\s*:?\s+(?P<name>[A-Z][\w.'’-]+(?:[\s,]+(?:and\s+)?[A-Z][\w.'’-]+){0,8})",
    re.UNICODE,
)
#: Reporting language: a repeated line that has it is a story paragraph printed again, not a caption.
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|added|announced|reported|declined|did not (?:immediately )?respond)\b|[\"“”]",
    re.I,
)
_STAFF = re.compile(r"^(?:staff|wire|news|agency|from) (?:reports?|writers?|services?|dispatches)$", re.I)
_BYLINE_TAIL = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s*){1,4}(?:[|,–—-]\s*)(?:staff writer|correspondent|reporter|editor|contributor|columnist|senior\s+\w+|chief\s+\w+|\w+ editor|\w+ correspondent|\w+ reporter)s?\b",
    re.I,
)
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thurs fri sat sun"
)
_MONTH_SET = frozenset(_MONTHS.split())
_DATE_WORDS = _MONTH_SET | frozenset(
    "am pm a.m p.m et est edt pt pst pdt ct cst cdt gmt bst utc cet cest ist jst aest updated published posted "
    "last modified first on at by ago hours hour minutes minute mins days day weeks week today yesterday "
    "th st nd rd of edited date time".split()
)


@dataclass(frozen=True)
class _Patterns:
    """A pattern list split into anchored (``match``) and floating (``search``) alternations."""

    head: re.Pattern | None
    rest: re.Pattern | None

    def search(self, s: str) -> bool:
        return bool((self.head is not None and self.head.match(s)) or (self.rest is not None and self.rest.search(s)))


@lru_cache(maxsize=1)
def _tables() -> dict:
    """Compiled residue vocabulary from ``data/residue.json`` (loaded once)."""
    raw = json.loads(resources.files(__package__).joinpath("data/residue.json").read_text(encoding="utf-8"))

    def rx(patterns: list[str]) -> _Patterns:
        # anchored patterns are tried with match() only: much cheaper than search() over long lines
        head = [p[1:] for p in patterns if p.startswith("^")]
        rest = [p for p in patterns if not p.startswith("^")]
        return _Patterns(
            re.compile("|".join(f"(?:{p})" for p in head), re.I) if head else None,
            re.compile("|".join(f"(?:{p})" for p in rest), re.I) if rest else None,
        )

    return {
        "ui": frozenset(raw["ui_words"]),
        "placeholder": rx(raw["placeholders"]),
        "prompt": rx(raw["prompts"]),
        "photo_credit": rx(raw["photo_credit"]),
        "agency_credit": rx(raw["agency_credit"]),
        "credit_tail": re.compile(raw["credit_tail"]),
        "labels": frozenset(text_key(x) for x in raw["section_labels"]),
    }


_URLISH = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|info|io|co\.uk|co|uk|ru|de|fr)(?:/\S*)?\b",
    re.I,
)
_BY_TAIL = re.compile(r"\s(?:by|from)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")


def _is_contact(ln: Line) -> bool:
    """An address line: URLs, e-mail addresses or handles with at most two other words."""
    if ln.n > 20 or not _URLISH.search(ln.text):
        return False
    return len(WORD.findall(_URLISH.sub(" ", ln.text))) <= 2


def _is_timestamp(ln: Line) -> bool:
    """A timestamp line ('Updated 3:05 PM ET, Tue March 3, 2020'): nearly all date words and numbers."""
    if ln.n == 0 or ln.n > 16:
        return False
    words = WORD.findall(_BY_TAIL.sub("", ln.text))
    rest = [
        w
        for w in words
        if not w.isdigit()
        and w.lower().rstrip(".") not in _DATE_WORDS
        and not re.fullmatch(r"\d+(?:st|nd|rd|th|am|pm)?", w.lower())
    ]
    has_date = (
        any(w.lower() in _MONTH_SET or w.lower() in ("ago", "today", "yesterday") for w in words)
        or sum(1 for w in words if w.isdigit()) >= 2
    )
    return has_date and len(rest) <= (1 if len(words) >= 4 else 0)


def _is_byline(ln: Line) -> bool:
    if ln.n > 14 or (ln.ends and ln.text.rstrip()[-1] in "!?"):
        return False
    m = _BYLINE.match(ln.text.strip())
    if m:
        tail = ln.text.strip()[m.end() :]
        # "By Tuesday, the rebels had ..." is a sentence; a byline has no lower-case verbs after the names.
        lower = [
            w
            for w in WORD.findall(tail)
            if w[0].islower() and w.lower() not in {"and", "of", "in", "for", "the", "at", "with"}
        ]
        return (len(lower) <= 2 and not ln.ends) or (len(lower) == 0)
    return (bool(_BYLINE_TAIL.match(ln.text.strip())) and not ln.ends) or bool(_STAFF.match(ln.text.strip()))


def _is_ui(ln: Line, ui: frozenset[str]) -> bool:
    """Lone UI words ('Close', 'Share', 'Menu', 'Facebook Twitter Email'), counters and symbol rows."""
    if ln.n == 0:
        return len(ln.text.strip()) < 40
    if ln.n > 8:
        return False
    return all(w.lower() in ui or w.isdigit() for w in ln.words) and not (ln.n >= 4 and ln.ends and ln.stop > 0.5)


def classify_lines(
    lines: list[Line], headings: set[str] | frozenset[str] = frozenset(), runs: bool = True, dedupe: bool = True
) -> None:
    """Label every line in place; the label decides whether it stays in the body."""
    t = _tables()
    seen: dict[str, int] = {}
    for i, ln in enumerate(lines):
        s = ln.text.strip()
        if ln.n <= 60 and t["placeholder"].search(s):
            ln.label = "placeholder"
        elif ln.n <= 6 and ln.key in t["labels"]:
            ln.label = "section"
        elif _is_ui(ln, t["ui"]):
            ln.label = "ui"
        elif ln.n <= 40 and t["prompt"].search(s):
            ln.label = "prompt"
        elif ln.n <= 30 and t["photo_credit"].search(s):
            ln.label = "credit"
        elif ln.n <= 60 and t["agency_credit"].search(s):
            ln.label = "agency"
        elif ln.n <= 70 and t["credit_tail"].search(s[-160:]) and not _quote_tail(s):
            ln.label = "caption"
        elif _is_contact(ln):
            ln.label = "contact"
        elif ln.n <= 60 and _MARKUP.search(s):
            ln.label = "markup"
        elif _is_byline(ln):
            ln.label = "byline"
        elif _is_timestamp(ln):
            ln.label = "timestamp"
        if ln.key and ln.n >= 4:
            j = seen.get(ln.key)
            if j is not None:
                between = lines[j + 1 : i]
                if (
                    len(between) <= 1
                    and all(b.label != "story" for b in between)
                    and 4 <= ln.n <= 35
                    and "|" not in ln.text
                    and lines[j].label in ("story", "caption")
                    and not _in_list(ln, lines[j])
                    and not (ln.story_like and _REPORTING.search(ln.text))
                ):
                    # printed twice close together: the alt text and the caption of one picture
                    lines[j].label = "caption"
                    ln.label = "caption"
                elif dedupe and ln.label == "story" and ln.n >= 12 and not _in_list(ln, lines[j]):
                    ln.label = "duplicate"
            else:
                seen[ln.key] = i
    _captions_before_credits(lines)
    _teasers(lines, headings, runs)
    _islands(lines)


#: Neighbours that make a short line between them part of a widget (sign-up boxes).
_FURNITURE = frozenset({"placeholder", "prompt"})


def _islands(lines: list[Line]) -> None:
    """A short unfinished line with furniture on both sides belongs to that furniture (widget texts)."""
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if (
            ln.label == "story"
            and ln.n <= 20
            and not ln.story_like
            and lines[i - 1].label in _FURNITURE
            and lines[i + 1].label in _FURNITURE
        ):
            ln.label = "widget"


def _in_list(a: Line, b: Line) -> bool:
    """Repeated bullet items (spec lists, line-ups) are content, not a caption printed twice."""
    return a.text.lstrip().startswith(BULLETS) and b.text.lstrip().startswith(BULLETS)


def _quote_tail(s: str) -> bool:
    """A sentence ending in '(Reuters)' attribution inside a story is rare; a quote ending is not a credit."""
    return s.endswith(('"', "”")) and len(s) > 200


def _captions_before_credits(lines: list[Line]) -> None:
    """The short line right before a photo credit is that photo's caption (right after it, when
    nothing story-like comes before the credit)."""
    for i, ln in enumerate(lines):
        if not (ln.label == "credit" or (ln.label == "caption" and ln.n <= 8)):
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if prev is not None and prev.label == "story":
            if (prev.n <= 25 or not prev.story_like) and not _prose_run(lines, i - 1):
                prev.label = "caption"
        elif (
            nxt is not None
            and nxt.label == "story"
            and nxt.n <= 25
            and not _prose_run(lines, i + 1)
            and (prev is None or prev.label not in ("caption", "credit"))
        ):
            nxt.label = "caption"


def _prose_run(lines: list[Line], j: int) -> bool:
    """True when line j sits between story paragraphs on both sides (a caption seldom does with no credit)."""
    prev = next((lines[k] for k in range(j - 1, -1, -1) if lines[k].n), None)
    nxt = next((lines[k] for k in range(j + 1, len(lines)) if lines[k].n), None)
    return bool(
        prev
        and nxt
        and prev.label == "story"
        and nxt.label == "story"
        and prev.story_like
        and nxt.story_like
        and lines[j].story_like
    )


def _teasers(lines: list[Line], headings: set[str] | frozenset[str] = frozenset(), runs: bool = True) -> None:
    """Headline-like lines after a section label, and runs of three or more headline-like lines."""
    idx = [i for i, ln in enumerate(lines) if ln.n]
    # after a section label: up to a handful of headline-like lines, until prose resumes
    for pos, i in enumerate(idx):
        lab = lines[i]
        if not (lab.label == "section" or (lab.label == "prompt" and lab.n <= 6 and not lab.ends)):
            continue
        taken = 0
        block: list[Line] = []
        for k in idx[pos + 1 :]:
            ln = lines[k]
            if ln.label != "story":
                if ln.label in ("section",) or taken >= MAX_TEASERS:
                    break
                continue
            if (
                taken < MAX_TEASERS
                and ln.n >= 3
                and (ln.headline_like or (ln.n <= 25 and not ln.story_like))
                and not ln.text.rstrip().endswith(":")
                and not _dated(ln)
                and (taken < 2 or _same_style(ln, block))
            ):
                ln.label = "teaser"
                block.append(ln)
                taken += 1
            else:
                break
    if not runs:
        return
    run: list[int] = []
    for at in [*idx, None]:  # None closes the last run
        line = lines[at] if at is not None else None
        if (
            at is not None
            and line is not None
            and line.label == "story"
            and line.headline_like
            and line.n >= 4
            and line.caps >= 0.7
            and line.key not in headings
            and not line.text.lstrip().startswith(BULLETS)
        ):
            run.append(at)
            continue
        if line is not None and line.label not in ("story",) and run:
            continue  # furniture inside a teaser list does not break it
        if len(run) >= 3 and not _record_list([lines[k] for k in run]):
            for k in run:
                lines[k].label = "teaser"
        run = []


def _dated(ln: Line) -> bool:
    """Starts with a date ('June 9 --', '14 March:'): a schedule or list entry, not a headline."""
    w = [x.lower() for x in ln.words[:2]]
    return bool(w) and (w[0] in _MONTH_SET or (len(w) == 2 and w[0].isdigit() and w[1] in _MONTH_SET))


def _same_style(ln: Line, block: list[Line]) -> bool:
    """A teaser block is uniform: a line in another style (casing, finish, length) ends it."""
    caps = sum(b.caps for b in block) / len(block)
    lo, hi = min(b.n for b in block), max(b.n for b in block)
    return abs(ln.caps - caps) <= 0.35 and ln.ends == block[-1].ends and lo / 2 <= ln.n <= hi * 1.5 + 2


def _record_list(run: list[Line]) -> bool:
    """Tour dates, tables, standings, line-ups: lines built alike (same first word, dates, numbers,
    or the same punctuation skeleton such as 'Name (Group X): Nth')."""
    firsts = [ln.words[0].lower() if ln.words else "" for ln in run]
    alike = sum(1 for w in firsts if w in _MONTH_SET or w.isdigit()) + sum(1 for ln in run if "|" in ln.text)
    common = max(firsts.count(w) for w in set(firsts))
    shapes = [_SKELETON.sub("", ln.text) for ln in run]
    same_shape = max(shapes.count(x) for x in set(shapes) if x) if any(shapes) else 0
    return alike >= len(run) / 2 or common >= len(run) / 2 or same_shape >= len(run) / 2


def _glued(text: str, m: int) -> bool:
    """True when the first ``m`` words run straight into a capitalised word: a headline glued to its dek."""
    it = list(WORD.finditer(text))
    if len(it) <= m:
        return False
    gap = text[it[m - 1].end() : it[m].start()]
    return it[m].group()[0].isupper() and not any(c in gap for c in ".!?:;,")


def mark_link_teasers(
    lines: list[Line], links: set[str] | frozenset[str], headings: set[str] | frozenset[str] = frozenset()
) -> None:
    """HTML only: a short line that is mostly the text of one link is a teaser ('headline + dek' items too).

    A linked sub-heading between paragraphs (product names in a buying guide) is content.
    """
    for k, ln in enumerate(lines):
        if ln.label != "story" or ln.n > 40 or ln.n < 2:
            continue
        bullet = ln.text.lstrip().startswith(BULLETS)
        if not bullet and ln.key in headings and k + 1 < len(lines) and lines[k + 1].story_like:
            continue
        low = [w.lower() for w in ln.words]
        for m in range(min(len(low), 24), 1, -1):
            if " ".join(low[:m]) in links:
                share = m / ln.n
                if (
                    share >= 0.8
                    or (bullet and m >= 3 and share >= 0.3 and not ln.ends)
                    or (not ln.story_like and share >= 0.5)
                ):
                    ln.label = "teaser"
                elif bullet and m >= 3 and share >= 0.2 and _glued(ln.text, m):
                    ln.label = "maybe_teaser"
                break
    # a bullet list where most items are link teasers is a teaser list as a whole
    i = 0
    while i < len(lines):
        if not lines[i].text.lstrip().startswith(BULLETS):
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].text.lstrip().startswith(BULLETS):
            j += 1
        run = lines[i:j]
        tease = [ln.label in ("teaser", "maybe_teaser") for ln in run]
        hits = sum(tease)
        for n, ln in enumerate(run):
            between = 0 < n < len(run) - 1 and tease[n - 1] and tease[n + 1]  # inside a stretch of teasers
            if ln.label == "maybe_teaser" or (ln.label == "story" and (hits >= max(2, len(run) / 2) or between)):
                ln.label = "teaser"
        i = j


def mark_known_captions(lines: list[Line], captions: set[str] | frozenset[str]) -> None:
    """A story line that is (part of) a known caption text leaked into the body: a caption."""
    for ln in lines:
        if (
            ln.label == "story"
            and ln.key
            and ln.n <= 80
            and (ln.key in captions or any(ln.key in c for c in captions if ln.n >= 6))
        ):
            ln.label = "caption"
