"""Behaviour behind flat memory on long runs (issue 6); the figures themselves live in benchmarks/."""

from __future__ import annotations

import functools
import gc
import inspect
import sys

import pytest

NOUNS = (
    "crates rifles ballots tanks drones convoys barracks pamphlets banners tents "
    "trucks helmets radios ledgers passports mortars shells flares rations blankets "
    "ferries tractors generators pumps bridges ladders fences sirens cables boots"
).split()


def test_trim_caches_empties_only_a_lemmatizer_memo_over_its_cap(nlp):
    from eventwire.nlp import trim_caches

    text = "The rebels seized two bridges and burned the ferries."
    before = [t.lemma_ for t in nlp(text)]
    lemmatizer = nlp.get_pipe("lemmatizer")
    size = len(lemmatizer.cache)
    assert size  # spaCy memoises inflected forms
    trim_caches(nlp, size)
    assert len(lemmatizer.cache) == size
    trim_caches(nlp, size - 1)
    assert not lemmatizer.cache
    assert (
        [t.lemma_ for t in nlp(text)]
        == before
        == ["the", "rebel", "seize", "two", "bridge", "and", "burn", "the", "ferry", "."]
    )


def test_a_long_run_keeps_the_lemmatizer_memo_under_its_cap(nlp, monkeypatch):
    from spacy.strings import get_string_id

    from eventwire import pipeline

    monkeypatch.setattr(pipeline, "LEMMA_CACHE_MAX", 5)
    records = [
        {"id": f"a{i}", "text": f"Soldiers seized the {noun} at the northern checkpoint on Monday."}
        for i, noun in enumerate(NOUNS)
    ]
    # one article per parse batch, so the run crosses the periodic clean-up (every 16 batches)
    results = list(pipeline.analyse_records(records, clean=False, batch_size=1))
    assert [r.id for r in results] == [r["id"] for r in records]
    cached = {key[0] for key in nlp.get_pipe("lemmatizer").cache}
    assert get_string_id(NOUNS[-1]) in cached  # the last words are memoised ...
    assert get_string_id(NOUNS[0]) not in cached  # ... the first ones were let go


def test_token_estimate_follows_the_tokenizer_on_prose_and_on_tables(nlp):
    from eventwire.pipeline import estimate_tokens

    prose = (
        "The interior minister said on Tuesday that 14 people had been detained after the protest, "
        "and that the curfew (imposed last week) would stay until further notice. "
    ) * 20
    table = "| 1. || Jane Q. Doe || Green || Springfield || 4.2% |- | 2. || Ann Roe || Labor || Dale || 0% |- " * 20
    real = len(nlp.tokenizer(prose))
    assert 0.95 * real <= estimate_tokens(prose) <= 1.15 * real
    real = len(nlp.tokenizer(table))  # runs like "||" are one token but counted per mark: errs high
    assert real <= estimate_tokens(table) <= 2 * real
    # per character the table has far more tokens: a character cap alone would under-count it
    assert estimate_tokens(table) / len(table) > 1.3 * estimate_tokens(prose) / len(prose)


def test_parse_batches_are_capped_by_tokens_too():
    from eventwire.pipeline import estimate_tokens, parse_batches

    prose = "Talks resumed in the capital after a week. "
    dense = "| 1 || a, b || 2 |- "
    items = [(dense * 3, i) if i % 2 else (prose * 3, i) for i in range(12)]
    cap = 3 * estimate_tokens(prose * 3)
    batches = list(parse_batches(items, batch_size=64, max_chars=10_000, max_tokens=cap))
    assert [i for b in batches for _, i in b] == list(range(12))
    assert all(sum(estimate_tokens(t) for t, _ in b) <= cap for b in batches)
    assert len(batches) > 1 and len(list(parse_batches(items, batch_size=64, max_chars=10_000))) == 1


def test_pieces_are_joined_without_their_tensors(nlp):
    from eventwire.model import Article
    from eventwire.pipeline import join_pieces, split_long

    text = "".join(f"Delegates met in round {i} and agreed to talk again next week.\n\n" for i in range(40))
    docs = list(nlp.pipe(split_long(text, 600)))
    assert len(docs) > 2 and all(d.tensor.size for d in docs)
    doc = join_pieces(nlp, docs, Article(id="x", body=text))
    assert doc.text == text and doc.tensor.size == 0
    assert [t.dep_ for t in doc] == [t.dep_ for d in docs for t in d]


def test_caches_on_the_extract_path_are_bounded():
    """An lru_cache that takes arguments and has no maxsize grows with the corpus on a long run."""
    import eventwire.cli
    import eventwire.pipeline  # noqa: F401

    unbounded = []
    for obj in gc.get_objects():
        if (
            isinstance(obj, functools._lru_cache_wrapper)
            and obj.__module__ in sys.modules
            and obj.__module__.startswith("eventwire.")
            and obj.cache_info().maxsize is None
            and inspect.signature(obj.__wrapped__).parameters
        ):
            unbounded.append(f"{obj.__module__}.{obj.__qualname__}")
    assert not unbounded, unbounded


@pytest.mark.slow
def test_batch_runs_settle_the_collector_and_library_calls_do_not(tmp_path):
    """A CLI run freezes the loaded model out of the collector's walks; ``eventwire.extract`` in a
    user's process leaves the collector as it was."""
    import json
    import subprocess

    probe = (
        "import gc, json, sys\n"
        "import eventwire\n"
        "from eventwire.run import analyse_parallel\n"
        "before = gc.get_threshold()\n"
        "eventwire.extract('The minister met the envoy in Cairo.')\n"
        "library = (gc.get_threshold() == before, gc.get_freeze_count())\n"
        "list(analyse_parallel([{'id': 'a', 'text': 'Troops left the town.'}], jobs=1))\n"
        "print(json.dumps([library, gc.get_threshold() != before, gc.get_freeze_count() > 0]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    (same, frozen_before), changed, frozen = json.loads(out.strip().splitlines()[-1])
    assert same and frozen_before == 0
    assert changed and frozen
