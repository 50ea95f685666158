"""Drop-in replacements for two of the English model's rule components, same output, less time.

Why: in ``en_core_web_sm`` the ``attribute_ruler`` (tag → POS and morphology, plus some 30
exceptions) and the rule ``lemmatizer`` are pure Python over every token and cost about a fifth
of the whole parse (3.0 s and 2.6 s of ~33 s per 400 Wikinews articles): the ruler runs all its
179 patterns through spaCy's generic Matcher, the lemmatizer builds a Token object and looks up
its memo for every word. Here the ruler's patterns are indexed by the tag, lower-case form or
dependency label their first token needs, and the lemmatizer memoises by (form, POS, morphology)
over plain arrays. Both read the loaded model's own patterns and tables, so what they set is
exactly what spaCy's components set (``tests/nlp/test_fast_components.py`` and ``benchmarks/fastpipes.py``
compare them token by token).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the first token's key that picks a pattern, in this order

Check = tuple[int, str, Any]  # (column, op, value): op is "eq", "in", "not_in" or "regex"
Pattern = tuple[int, int, tuple[tuple[Check, ...], ...]]  # (rule number, token index, token checks)


class IndexedAttributeRuler:
    """spaCy's ``AttributeRuler`` applied without its Matcher: the same rules, matched through
    an index, applied in the same order (by rule number, then position; later rules win)."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.by_key: dict[tuple[int, int], list[Pattern]] = {}
        self.generic: list[Pattern] = []
        self.by_regex: list[Pattern] = []
        self.regex_memo: dict[int, list[Pattern]] = {}
        for rule, pattern_dict in enumerate(ruler.patterns):
            index = pattern_dict.get("index", 0)
            for tokens in pattern_dict["patterns"]:
                self._add(rule, index, tokens)

    def _value(self, attr: str, v: Any) -> Any:
        return bool(v) if attr == "IS_SPACE" else self.strings.add(v) if v else 0

    def _add(self, rule: int, index: int, tokens: list[dict[str, Any]]) -> None:
        specs = []
        for spec in tokens:
            checks: list[Check] = []
            for attr, v in spec.items():
                if attr not in _COLUMNS:
                    raise ValueError(f"attribute_ruler pattern on {attr} is not supported here")
                col = _COLUMNS[attr]
                if not isinstance(v, dict):
                    checks.append((col, "eq", self._value(attr, v)))
                    continue
                for op, arg in v.items():
                    if op == "IN":
                        checks.append((col, "in", frozenset(self._value(attr, x) for x in arg)))
                    elif op == "NOT_IN":
                        checks.append((col, "not_in", frozenset(self._value(attr, x) for x in arg)))
                    elif op == "REGEX":
                        checks.append((col, "regex", re.compile(arg)))
                    else:
                        raise ValueError(f"attribute_ruler operator {op} is not supported here")
            specs.append(tuple(checks))
        pattern: Pattern = (rule, index, tuple(specs))
        first = {c[0]: c for c in specs[0] if c[1] in ("eq", "in")}
        for attr in _INDEXED:
            check = first.get(_COLUMNS[attr])
            if check is not None:
                values = [check[2]] if check[1] == "eq" else list(check[2])
                for value in values:
                    self.by_key.setdefault((check[0], value), []).append(pattern)
                return
        if any(c[0] == _COLUMNS["LOWER"] and c[1] == "regex" for c in specs[0]):
            self.by_regex.append(pattern)  # looked up through a memo of each form's regex hits
        else:
            self.generic.append(pattern)

    def _regex_hits(self, lower: int, strings: Any) -> list[Pattern]:
        """The regex-first patterns whose first regex fits this lower-case form (memoised)."""
        hits = self.regex_memo.get(lower)
        if hits is None:
            if len(self.regex_memo) > 100_000:  # kept flat on long runs
                self.regex_memo.clear()
            text = strings[lower] if lower else ""
            col = _COLUMNS["LOWER"]
            hits = self.regex_memo[lower] = [
                p for p in self.by_regex if all(c[2].search(text) for c in p[2][0] if c[0] == col and c[1] == "regex")
            ]
        return hits

    @staticmethod
    def _holds(checks: tuple[Check, ...], row: list[int], strings: Any) -> bool:
        for col, op, value in checks:
            got = row[col]
            if op == "eq":
                if got != value:
                    return False
            elif op == "in":
                if got not in value:
                    return False
            elif op == "not_in":
                if got in value:
                    return False
            elif not value.search(strings[got] if got else ""):
                return False
        return True

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(rule, start, end, index)`` of every pattern match, in the order spaCy's ruler
        applies them (rule number, then position)."""
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        n = len(rows)
        found = set()
        get, holds, strings = self.by_key.get, self._holds, doc.vocab.strings
        empty: list[Pattern] = []
        for i, (tag, lower, dep, space) in enumerate(rows):
            cands = get((0, tag), empty) + get((1, lower), empty) + get((2, dep), empty) + get((3, space), empty)
            if self.by_regex:
                cands += self._regex_hits(lower, strings)
            for pattern in cands + self.generic if self.generic else cands:
                rule, index, specs = pattern
                end = i + len(specs)
                if end <= n and all(holds(c, rows[i + k], strings) for k, c in enumerate(specs)):
                    found.add((rule, i, end, index))
        return sorted(found)

    def __call__(self, doc: Doc) -> Doc:
        attrs = self.ruler.attrs
        for rule, start, end, index in self.matches(doc):
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[rule])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class MemoLemmatizer:
    """spaCy's rule lemmatizer with a memo over (form, POS, morphology), read and written as arrays.

    The memo holds lemma strings (not hashes), so it stays valid after a memory zone drops the
    strings added inside it; it is ``cache`` so :func:`eventwire.nlp.trim_caches` keeps it capped.
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], str] = {}
        # spaCy keeps each POS's word index as a list and tests `form in index` for every rule
        # suffix of every new word (about 0.1 ms each); a set answers the same question at once
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for key, words in list(index.items()):
                if isinstance(words, list):
                    index[key] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = self.lemmatizer.overwrite
        add = doc.vocab.strings.add
        cache = self.cache
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            form = cache.get(key)
            if form is None:
                form = cache[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = add(form)
        self.lemmatizer.cache.clear()  # spaCy's own memo would repeat this one without a cap
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def speed_up(nlp: Language) -> Language:
    """Swap the model's ``attribute_ruler`` and rule ``lemmatizer`` for the indexed forms above,
    in place; a pipeline without them (or with a non-rule lemmatizer) is left as it is."""
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        ruler = nlp.get_pipe("attribute_ruler")
        if not isinstance(ruler, IndexedAttributeRuler):
            _swap(nlp, "attribute_ruler", IndexedAttributeRuler(ruler))
    if "lemmatizer" in names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _swap(nlp, "lemmatizer", MemoLemmatizer(lemmatizer))
    return nlp


def _swap(nlp: Language, name: str, component: Any) -> None:
    """Put ``component`` where ``name`` was, through spaCy's public ``replace_pipe`` (which
    builds components from registered factories: the factory hands over the object built here)."""
    _PENDING.append(component)
    nlp.replace_pipe(name, "eventwire_wrapped_component")


_PENDING: list[Any] = []


@Language.factory("eventwire_wrapped_component")
def _wrapped_component(nlp: Language, name: str) -> Any:
    return _PENDING.pop()
