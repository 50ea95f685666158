"""The ActorIndex: one article's actor mentions, as the later stages (events, quotes) query them,
by token or by span. A plain lookup; :mod:`eventwire.actors.builder` fills it."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

from ..model import Actor


class ActorIndex:
    """All actor mentions of one article, looked up by token or span."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Actor],
        by_token: dict[int, Actor],
        heads: dict[int, Actor],
        places: dict[int, Actor] | None = None,
        dominant: str | None = None,
        extra: dict[int, list[Actor]] | None = None,
        pairs: dict[int, list[Actor]] | None = None,
    ):
        self.doc = doc
        self._extra = extra or {}
        self.mentions = mentions
        self._by_token = by_token
        self._heads = heads
        self._places = places or {}
        self.dominant = dominant  #: the ISO3 the article is mostly about, if the text says so
        self._pairs = pairs or {}

    def for_token(self, token: Token, locations: bool = False) -> Actor | None:
        """The actor a token refers to (None for a non-actor or a place that is only a location).

        With ``locations=True`` a place used as a location ("in Kabul") gives its country as an
        actor too, for callers that want a fallback target."""
        a = self._by_token.get(token.i)
        if a is None and locations:
            a = self._places.get(token.i)
        return a

    def also_for_token(self, token: Token) -> list[Actor]:
        """The other party a head stands for besides ``for_token``'s ("the two sides": the second side)."""
        return self._pairs.get(token.i, []) if token.i in self._by_token else []

    def mentions_of_sector(self, sector: str, start: int, end: int) -> bool:
        """Whether some mention with ``sector`` starts in [start, end) (sorted starts, cached per sector)."""
        cache = self.__dict__.setdefault("_sector_starts", {})
        starts = cache.get(sector)
        if starts is None:
            starts = cache[sector] = sorted(m.start for m in self.mentions if sector in (m.sectors or ()))
        k = bisect.bisect_left(starts, start)
        return k < len(starts) and starts[k] < end

    def for_span(self, span: Span) -> list[Actor]:
        """The top-level actors inside a span, coordinations split ("France and Germany" → 2)."""
        out = []
        lo, hi = span.start, span.end
        heads = self._heads
        for i in range(lo, hi):
            if i not in heads:
                continue
            cur, nested = self.doc[i], False
            # nested when some non-coordination link climbs to another actor inside the span
            while cur.head.i != cur.i and lo <= cur.head.i < hi:
                if cur.dep_ != "conj" and cur.head.i in heads:
                    nested = True
                    break
                cur = cur.head
            if not nested:
                out.append(heads[i])
                out.extend(self._extra.get(i, ()))
        return out
