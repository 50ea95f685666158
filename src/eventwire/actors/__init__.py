"""Actors: mentions in a parsed article → CAMEO-style actor codes (PLACEHOLDER v0, being replaced)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article


class ActorIndex:
    """All actor mentions of one article, looked up by token or span."""

    def __init__(self, doc: Doc, mentions: list[Actor]):
        self.doc = doc
        self.mentions = mentions

    def for_token(self, token: Token) -> Actor | None:
        return None

    def for_span(self, span: Span) -> list[Actor]:
        return []


def resolve(doc: Doc, article: Article | None = None) -> ActorIndex:
    return ActorIndex(doc, [])
