"""Cheap language check: English stop-word density first, py3langid only when that is unsure.

Why: news text full of foreign names fools character-n-gram identifiers on short inputs, while
English function words are a near-certain signal; the n-gram model is only consulted for text
with few of them, and only on a prefix so the check costs microseconds per article.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_PUNCT = ".,;:!?\"'()[]{}“”‘’«»—–-…*/|"

#: Below this many words we cannot tell reliably, so we assume English (the project language).
MIN_WORDS = 12
#: Share of English stop words above which text is English without asking the model.
EN_STOP_SURE = 0.12
#: Prefix length (characters) given to the n-gram model.
PREFIX = 2000


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """English function words (package data), lower-cased."""
    text = resources.files(__package__).joinpath("data/en_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # lazy: ~0.5 s model load

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return ident


def stopword_share(text: str, limit: int = 200) -> tuple[float, int]:
    """Share of English stop words among the first ``limit`` words, and the word count seen.

    Only a prefix is read (about eight characters a word): this runs on every article.
    """
    stop = english_stopwords()
    words = [w.strip(_PUNCT) for w in text[: limit * 8].lower().split()[:limit]]
    words = [w for w in words if w and not w[0].isdigit()]
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in stop) / len(words), len(words)


def _mostly_non_latin(sample: str) -> bool:
    """True when most letters are outside the Latin script (CJK, Cyrillic, Arabic ...): word counts
    mean little there, so the n-gram model decides even for short texts."""
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 20:
        return False
    latin = sum(1 for c in letters if c < "\u0250")
    return latin < 0.5 * len(letters)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``"en"`` whenever the evidence is weak."""
    share, n = stopword_share(text)
    if share >= EN_STOP_SURE:
        return "en"
    if n < MIN_WORDS and not _mostly_non_latin(text[:PREFIX]):
        return "en"
    lang, prob = _identifier().classify(text[:PREFIX])
    if lang == "en" or prob < 0.9:
        return "en"
    # Names-heavy English (lists, headlines) has few stop words and fools the model only mildly.
    if share >= 0.08 and prob < 0.999:
        return "en"
    return str(lang)


def is_english(text: str) -> bool:
    """True unless ``text`` is confidently in another language."""
    return detect_language(text) == "en"
