"""The English spaCy pipeline as eventwire runs it: loading (:mod:`.loading`), news tokenisation
and sentence starts (:mod:`.news`), and same-output faster rule components (:mod:`.fast_components`)."""

from __future__ import annotations

from .fast_components import IndexedAttributeRuler, MemoLemmatizer, speed_up
from .loading import (
    MODEL_NAMES,
    PARSE_RULES_VERSION,
    load_nlp,
    parse,
    parse_many,
    pipeline_key,
    trim_caches,
)
from .news import (
    WIRE_DATELINE,
    WIRE_DATELINES,
    for_news,
    paragraph_sentences,
    wire_dateline,
)

__all__ = [
    "MODEL_NAMES",
    "PARSE_RULES_VERSION",
    "WIRE_DATELINE",
    "WIRE_DATELINES",
    "IndexedAttributeRuler",
    "MemoLemmatizer",
    "for_news",
    "load_nlp",
    "paragraph_sentences",
    "parse",
    "parse_many",
    "pipeline_key",
    "speed_up",
    "trim_caches",
    "wire_dateline",
]
