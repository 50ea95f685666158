"""The quote finder's entry point: the candidates of every finder, judged by the learned ranker."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Quote
from .candidates import candidates
from .rank import has_model, select


def find_quotes(doc: Doc, actors) -> list[Quote]:
    """Every direct and indirect quotation in ``doc``, in text order."""
    text = doc.text  # Doc.text joins every token: read it once
    if not text:
        return []
    # the looser candidates only when a ranker (data/ranker.json) ships; without it, every rule output
    return select(doc, candidates(doc, actors, text, extra=has_model()), text)
