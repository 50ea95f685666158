"""Lines of scraped text as the residue rules see them: words, a comparison key and shape features.

Why: every residue rule (:mod:`.residue`) and the headline rules (:mod:`.titles`) ask the same
questions of a line (how many words, how many function words, capitalised, a finished
sentence?); they are answered once per line here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang import english_stopwords

#: A word: letters and digits, with one inner apostrophe ("don't", "O’Brien").
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
#: What opens a bullet-list item.
BULLETS = ("-", "•", "*", "–", "—", "·", "▪", "►", "»")
_END_SENT = re.compile(r"""[.!?…]['"’”)\]]*\s*$""")


def text_key(text: str) -> str:
    """The comparison key of a text: its words, lower-cased, single-spaced (curly apostrophes made
    straight), so a line, a page title and a caption printed differently still compare equal."""
    return " ".join(w.lower() for w in WORD.findall(text.replace("’", "'")))


@dataclass
class Line:
    """One non-blank line with its features and the label the rules give it."""

    text: str
    words: list[str]
    key: str
    stop: float
    caps: float
    ends: bool
    label: str = "story"

    @property
    def n(self) -> int:
        return len(self.words)

    @property
    def story_like(self) -> bool:
        """A prose paragraph: long enough, and a finished sentence or rich in function words."""
        return (self.n >= 8 and self.ends) or (self.n >= 16 and self.stop >= 0.2) or self.n >= 40

    @property
    def headline_like(self) -> bool:
        """Short, unfinished, headline-styled: what teasers and headlines look like."""
        return 2 <= self.n <= 30 and not self.ends and not self.text.rstrip().endswith((":", ",", ";"))


def line_features(text: str) -> Line:
    """Features of one line, computed once (words, key, stop-word share, capitalisation, finish)."""
    words = WORD.findall(text)
    stop = english_stopwords()
    nalpha = nstop = ncontent = ncaps = 0
    for w in words:
        if w[0].isdigit():
            continue
        nalpha += 1
        if w.lower() in stop:
            nstop += 1
        else:
            ncontent += 1
            ncaps += w[0].isupper()
    key = " ".join(words).lower() if "’" not in text else text_key(text)
    return Line(
        text=text,
        words=words,
        key=key,
        stop=(nstop / nalpha) if nalpha else 0.0,
        caps=(ncaps / ncontent) if ncontent else 0.0,
        ends=bool(_END_SENT.search(text)),
    )


def cut_words(line: Line, m: int) -> None:
    """Drop the first ``m`` words (and the punctuation after them) from a line, in place."""
    found = list(WORD.finditer(line.text))
    rest = line.text[found[m - 1].end() :].lstrip(" \t|:;,.-–—")
    new = line_features(rest)
    line.text, line.words, line.key, line.stop, line.caps, line.ends = (
        new.text,
        new.words,
        new.key,
        new.stop,
        new.caps,
        new.ends,
    )
