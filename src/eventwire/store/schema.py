"""Table layouts derived from the ``model`` dataclasses, results flattened into rows, and rows read back.

Why: the store, the Parquet dataset and the exports must never drift from ``model.py``: columns
are computed from the dataclass fields (nested records become prefixed columns, lists and dicts
become JSON text), so adding a field to the model adds a column everywhere.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from .. import model
from ..model import ArticleResult

#: One article's rows, by table name (``failures`` alone for an input that failed).
Rows = dict[str, list[dict[str, Any]]]
#: A column: (name, DuckDB type, Arrow type name).
Column = tuple[str, str, str]

_SCALARS = {
    str: ("VARCHAR", "string"),
    int: ("BIGINT", "int64"),
    float: ("DOUBLE", "float64"),
    bool: ("BOOLEAN", "bool"),
}
#: Nested records stored as JSON text rather than flattened (open-ended shapes).
_JSON = ("VARCHAR", "string")


def _unwrap(tp: Any) -> Any:
    """``X | None`` → ``X``; a ``Literal`` of strings (e.g. ``model.Modality``) → ``str``."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _unwrap(args[0])
    if typing.get_origin(tp) is Literal and all(isinstance(a, str) for a in typing.get_args(tp)):
        return str
    return tp


def flat_columns(
    cls: type, prefix: str = "", skip: tuple[str, ...] = ()
) -> list[tuple[str, str, str, tuple[str, ...], bool]]:
    """(column, duckdb type, arrow type, attribute path, as_json) for every field of ``cls``, recursively."""
    hints = typing.get_type_hints(cls, vars(model))
    cols = []
    for f in dataclasses.fields(cls):
        if f.name in skip:
            continue
        tp = _unwrap(hints[f.name])
        name = prefix + f.name
        if isinstance(tp, type) and dataclasses.is_dataclass(tp):
            for c, d, a, path, js in flat_columns(tp, name + "_"):
                cols.append((c, d, a, (f.name, *path), js))
        elif tp in _SCALARS:
            cols.append((name, *_SCALARS[tp], (f.name,), False))
        elif tp == list[str]:
            cols.append((name, "VARCHAR[]", "list<string>", (f.name,), False))
        else:  # lists, dicts, lists of records: JSON text
            cols.append((name, *_JSON, (f.name,), True))
    return cols


#: Columns each table adds before the model's own fields.
_KEYS: dict[str, list[Column]] = {
    "articles": [],
    "events": [("event_id", "VARCHAR", "string"), ("article_id", "VARCHAR", "string"), ("idx", "INTEGER", "int32")],
    "actors": [("article_id", "VARCHAR", "string"), ("event_id", "VARCHAR", "string"), ("role", "VARCHAR", "string")],
    "quotes": [("article_id", "VARCHAR", "string"), ("idx", "INTEGER", "int32")],
    "places": [("article_id", "VARCHAR", "string"), ("idx", "INTEGER", "int32")],
}
#: Columns each table adds after the model's own fields.
_EXTRA: dict[str, list[Column]] = {
    "articles": [
        ("n_events", "INTEGER", "int32"),
        ("n_quotes", "INTEGER", "int32"),
        ("n_places", "INTEGER", "int32"),
        ("minhash", "UBIGINT[]", "list<uint64>"),
        ("ingested_at", "TIMESTAMP", "timestamp[us]"),
    ],
    "events": [("outlet", "VARCHAR", "string"), ("published", "VARCHAR", "string"), ("month", "VARCHAR", "string")],
    "actors": [],
    "quotes": [],
    "places": [],
}
FAILURE_COLUMNS: list[Column] = [
    ("id", "VARCHAR", "string"),
    ("source", "VARCHAR", "string"),
    ("kind", "VARCHAR", "string"),
    ("message", "VARCHAR", "string"),
    ("attempts", "INTEGER", "int32"),
    ("last_seen", "TIMESTAMP", "timestamp[us]"),
]

_MODEL_OF = {
    "articles": model.Article,
    "events": model.Event,
    "actors": model.Actor,
    "quotes": model.Quote,
    "places": model.Place,
}
TABLES = tuple(_MODEL_OF)


@functools.lru_cache(maxsize=16)
def _model_columns(table: str) -> tuple[tuple[str, str, str, tuple[str, ...], bool], ...]:
    skip = ("source", "target", "mentions") if table == "events" else ()
    cols = flat_columns(_MODEL_OF[table], skip=skip)
    if table == "events":  # the two actors as flat columns (GDELT style), mentions as JSON
        actor = flat_columns(model.Actor)
        for role in ("source", "target"):
            cols += [(f"{role}_{c}", d, a, (role, *p), js) for c, d, a, p, js in actor]
        cols.append(("mentions", *_JSON, ("mentions",), True))
    return tuple(cols)


@functools.lru_cache(maxsize=16)
def columns(table: str) -> tuple[Column, ...]:
    """All columns of a table, in order: keys, model fields, extras."""
    if table == "failures":
        return tuple(FAILURE_COLUMNS)
    return tuple(_KEYS[table]) + tuple((c, d, a) for c, d, a, _, _ in _model_columns(table)) + tuple(_EXTRA[table])


def now_utc() -> datetime.datetime:
    """The time stamp stored with rows (``ingested_at``, ``last_seen``): naive UTC, as DuckDB's TIMESTAMP holds it."""
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def create_sql(table: str) -> str:
    """``CREATE TABLE IF NOT EXISTS`` for one table (DuckDB)."""
    cols = ", ".join(f'"{c}" {d}' for c, d, _ in columns(table))
    pk = {"articles": ", PRIMARY KEY (id)", "failures": ", PRIMARY KEY (id)"}.get(table, "")
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols}{pk})"


def arrow_schema(table: str):
    """The pyarrow schema of a table (for Parquet and for bulk inserts)."""
    import pyarrow as pa

    types_ = {
        "string": pa.string(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "list<uint64>": pa.list_(pa.uint64()),
        "list<string>": pa.list_(pa.string()),
        "timestamp[us]": pa.timestamp("us"),
    }
    return pa.schema([(c, types_[a]) for c, _, a in columns(table)])


def _get(obj: Any, path: tuple[str, ...], as_json: bool) -> Any:
    for p in path:
        if obj is None:
            return None
        obj = getattr(obj, p)
    if as_json:
        return None if obj is None else json.dumps(model.to_plain(obj), ensure_ascii=False)
    return obj


def _flatten(table: str, obj: Any) -> dict[str, Any]:
    return {c: _get(obj, path, js) for c, _, _, path, js in _model_columns(table)}


def result_rows(result: ArticleResult, ingested_at: Any = None) -> Rows:
    """One article's rows for every table (``failures`` for an error result). Runs in workers."""
    from .clusters import minhash

    if result.error is not None or result.article is None:
        err = result.error or model.ErrorInfo("internal", "no article")
        src = result.article.source if result.article else None
        return {
            "failures": [
                {
                    "id": result.id,
                    "source": src,
                    "kind": err.kind,
                    "message": err.message,
                    "attempts": 1,
                    "last_seen": ingested_at,
                }
            ]
        }
    art = result.article
    aid = result.id
    arow = _flatten("articles", art)
    arow["id"] = aid
    arow.update(
        n_events=len(result.events),
        n_quotes=len(result.quotes),
        n_places=len(result.places),
        minhash=minhash(art.body),
        ingested_at=ingested_at,
    )
    events, actors = [], []
    for i, ev in enumerate(result.events):
        eid = f"{aid}-{i}"
        row = {
            "event_id": eid,
            "article_id": aid,
            "idx": i,
            **_flatten("events", ev),
            "outlet": art.outlet,
            "published": art.published,
        }
        d = ev.date or art.published
        row["month"] = d[:7] if d and len(d) >= 7 else "unknown"
        events.append(row)
        for role, actor in (("source", ev.source), ("target", ev.target)):
            if actor is not None:
                actors.append({"article_id": aid, "event_id": eid, "role": role, **_flatten("actors", actor)})
    quotes = [{"article_id": aid, "idx": i, **_flatten("quotes", q)} for i, q in enumerate(result.quotes)]
    places = [{"article_id": aid, "idx": i, **_flatten("places", p)} for i, p in enumerate(result.places)]
    return {"articles": [arow], "events": events, "actors": actors, "quotes": quotes, "places": places}


@functools.lru_cache(maxsize=16)
def _row_fields(cls: type) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    return tuple((c, path, js) for c, _, _, path, js in flat_columns(cls))


def row_column_names(cls: type) -> tuple[str, ...]:
    """The flat columns that hold a ``cls`` record, in model order (what :func:`record_from_row` reads)."""
    return tuple(c for c, _, _ in _row_fields(cls))


def record_from_row(cls: type, row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``model``-shaped dict of one stored row: the inverse of the flattening above (nested
    records rebuilt, JSON columns parsed).

    A nested record whose columns are all NULL (no target, no place, no cue) becomes ``None``; a
    column the row lacks (a store written before the field was added) is left out, so the model's
    default fills it in.
    """
    out: dict[str, Any] = {}
    nested: set[str] = set()
    for col, path, js in _row_fields(cls):
        if col not in row:
            continue
        v = row[col]
        if js and isinstance(v, str):
            v = json.loads(v)
        d = out
        for p in path[:-1]:
            d = d.setdefault(p, {})
        d[path[-1]] = v
        if len(path) > 1:
            nested.add(path[0])
    for k in nested:
        if k in out and all(v is None for v in out[k].values()):
            out[k] = None
    return out
