from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that asks for the model (``nlp`` or a fixture built on it) is slow: ``-m "not slow"``
    then runs the rest in seconds, and no test file can forget the mark."""
    for item in items:
        if "nlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp():
    """The news pipeline, loaded once per session (``load_nlp`` caches it, so library calls made
    by the code under test share this copy)."""
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED


@pytest.fixture(scope="session")
def ingest_articles(nlp):
    """Ingest article dicts (written as JSON Lines into ``folder``) into a fresh DuckDB file there."""
    import json

    from eventwire.run import ingest_duckdb

    def run(folder: Path, articles: list[dict]) -> Path:
        src = folder / "in.jsonl"
        src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        db = folder / "ew.duckdb"
        assert ingest_duckdb([str(src)], db, jobs=1)["new"] == len(articles)
        return db

    return run


@pytest.fixture(scope="session")
def pinned_doc(nlp):
    """A Doc with a parse given by hand, for behaviour that must not depend on the parser's mood.

    Rows are (word, head index, dep, tag, pos, lemma[, IOB entity]); a row whose word is "."
    ends a sentence, and no space is put before "." or after the last word.
    """
    from spacy.tokens import Doc

    def build(rows: list[tuple]):
        words = [r[0] for r in rows]
        spaces = [i + 1 < len(words) and words[i + 1] != "." for i in range(len(words))]
        starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
        ents = [r[6] for r in rows] if len(rows[0]) > 6 else None
        return Doc(
            nlp.vocab,
            words=words,
            heads=[r[1] for r in rows],
            deps=[r[2] for r in rows],
            tags=[r[3] for r in rows],
            pos=[r[4] for r in rows],
            lemmas=[r[5] for r in rows],
            ents=ents,
            spaces=spaces,
            sent_starts=starts,
        )

    return build


@pytest.fixture(scope="module")
def code(nlp):
    """Events of one sentence or story of ours, with actors resolved and no places (a test file
    that needs places defines its own ``code``)."""
    from eventwire import actors
    from eventwire.events import find_events

    def run(text: str):
        doc = nlp(text)
        return find_events(doc, actors.find_actors(doc, None), [], None)

    return run
