"""What the resolution of one article knows so far: the lexicon matches of the scan, the mentions
met, the places set aside, and the memo of heads already resolved.

Why a plain attribute holder passed to plain functions: every layer (scan, modifiers, metonymy,
mentions, composition) reads and adds to the same per-article facts, and a class of forty methods
hid which layer owned which rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..model import Actor, Article
from . import aliases
from .countries import Entry

#: A lexicon match: first token, end token (exclusive) and the entry it matched.
Match = tuple[int, int, Entry]
#: A mention met so far: actor, sentence number, whether a subject, head token index.
Earlier = tuple[Actor, int, bool, int]


class DocState:
    """One article's resolution state (kept out of ActorIndex so the index stays a plain lookup)."""

    def __init__(self, doc: Doc, article: Article | None, find_actor: Callable[[DocState, Token, int], Actor | None]):
        self.doc = doc
        self.text = doc.text
        self.toks = list(doc)
        self.n = len(self.toks)
        self.match: list[Match | None] = [None] * self.n
        self.memo: dict[int, Actor | None] = {}
        self.title = (article.title or "") if article is not None else ""
        self.book = aliases.AliasBook()
        self.earlier: list[Earlier] = []
        self.sent_of = [0] * self.n
        self.places: dict[int, Actor] = {}
        self.extra: dict[int, list[Actor]] = {}
        self.pairs: dict[int, list[Actor]] = {}  # "the two sides": the second party
        self.counts: Counter[str] = Counter()
        self.home: str | None = None  #: the country of the story's dateline ("WASHINGTON (AP) —")
        self.guessed: set[int] = set()  #: heads whose country is only the article's or the dateline's
        self.last_body: Actor | None = None
        self.dominant: str | None = None
        #: the builder's per-token resolution, given here so that the layers below it can resolve
        #: the object of a phrase ("the government of X") without importing the builder
        self.find_actor = find_actor


def actor_at(state: DocState, i: int, depth: int = 0) -> Actor | None:
    """The actor token i heads, memoised by token index (heads are looked at from several places)."""
    if i in state.memo:
        return state.memo[i]
    state.memo[i] = None  # guards against cycles
    a = state.find_actor(state, state.toks[i], depth)
    state.memo[i] = a
    return a
