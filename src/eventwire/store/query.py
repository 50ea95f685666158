"""Querying and exporting events from a DuckDB file or a Parquet dataset with the same SQL.

Why: analysts filter by actor, CAMEO root, dates and modality, then want the rows as a table
to read, or as CSV / JSON Lines / Parquet / GDELT-style TSV to take elsewhere; the HTTP API
pages through the same filtered events as ``model``-shaped records. Every SQL statement that
reads the store lives here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model
from . import schema

#: Newest first, as ``eventwire query`` and the API list events.
EVENT_ORDER = 'coalesce("date", published) DESC NULLS LAST, article_id, idx'


@dataclass
class Filters:
    """Event filters; every one optional. Actor filters match code prefixes (``RUS`` → ``RUSGOV`` …)."""

    source: str | None = None
    target: str | None = None
    root: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    modality: list[str] = field(default_factory=list)
    article: str | None = None
    evidence: str | None = None  # words the evidence sentence contains (case-insensitive)
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A ``WHERE`` clause (over the ``events`` table's columns) and its parameters."""
        sql: list[str] = ["TRUE"]
        args: list[Any] = []
        if self.source:
            sql.append("starts_with(coalesce(source_code, ''), ?)")
            args.append(self.source.upper())
        if self.target:
            sql.append("starts_with(coalesce(target_code, ''), ?)")
            args.append(self.target.upper())
        if self.root:
            sql.append("root = ?")
            args.append(self.root.zfill(2))
        if self.cameo:
            sql.append("starts_with(cameo, ?)")
            args.append(self.cameo)
        if self.since:
            sql.append('coalesce("date", published) >= ?')
            args.append(self.since)
        if self.until:
            sql.append('coalesce("date", published) <= ?')
            args.append(self.until)
        if self.modality:
            sql.append("modality IN (SELECT unnest(?))")
            args.append(list(self.modality))
        if self.article:
            sql.append("article_id = ?")
            args.append(self.article)
        if self.evidence:
            sql.append("contains(lower(evidence_text), lower(?))")
            args.append(self.evidence)
        return " AND ".join(sql), args


def connect(db: str | Path | None = None, parquet: str | Path | None = None) -> Any:
    """A DuckDB connection where ``articles``, ``events`` … (and ``merged_events``) can be queried."""
    import duckdb

    if (db is None) == (parquet is None):
        raise ValueError("give exactly one of db or parquet")
    if db is not None:
        if not Path(db).exists():
            raise FileNotFoundError(f"no database at {db}")
        return duckdb.connect(str(db), read_only=True)
    from .clusters import build_merged_events
    from .parquet import attach_views

    assert parquet is not None  # exactly one was given (checked above)
    con = duckdb.connect()
    attach_views(con, parquet)
    build_merged_events(con)  # merged_events is computed on the fly for a dataset
    return con


EVENT_COLUMNS = (
    'event_id, article_id, coalesce("date", published) AS "date", source_code, source_name, source_text, '
    "target_code, target_name, target_text, cameo, name, root, quad_class, goldstein, plover, modality, "
    "confidence, fatalities, place_name, place_country, place_lat, place_lon, attribution, "
    "evidence_text, evidence_start, evidence_end, outlet"
)


def select_events(con: Any, f: Filters, columns: str = EVENT_COLUMNS) -> Any:
    """The filtered events as a DuckDB relation, newest first."""
    where, args = f.where()
    lim = f" LIMIT {int(f.limit)}" if f.limit else ""
    sql = f"SELECT {columns} FROM events WHERE {where} ORDER BY {EVENT_ORDER}{lim}"
    return con.execute(sql, args)


def rich_table(con: Any, f: Filters, title: str | None = None) -> Any:
    """A readable table: who → whom, CAMEO code and name, modality, date, evidence snippet."""
    from rich.markup import escape
    from rich.table import Table

    cur = select_events(
        con,
        f,
        'coalesce("date", published) AS d, source_code, source_text, target_code, target_text, '
        "cameo, name, modality, evidence_text, evidence_start, trigger_text, confidence",
    )
    t = Table(title=title, show_lines=False, header_style="bold", expand=True)
    t.add_column("date", no_wrap=True, min_width=10)
    t.add_column("who → whom", min_width=16, max_width=30)
    t.add_column("CAMEO", min_width=14, max_width=30)
    t.add_column("modality", no_wrap=True)
    t.add_column("evidence", ratio=1, min_width=40)
    for d, sc, st, tc, tt, cameo, name, mod, ev, _, trig, _conf in cur.fetchall():
        who = f"[bold]{sc or '—'}[/] → [bold]{tc or '—'}[/]"
        names = " / ".join(escape(x) for x in (st, tt) if x)
        style = {"asserted": "green", "reported": "yellow", "denied": "red", "negated": "red"}.get(mod, "magenta")
        t.add_row(
            d or "",
            who + (f"\n[dim]{names}[/]" if names else ""),
            f"{cameo} {escape(name or '')}",
            f"[{style}]{mod}[/]",
            _snippet(ev or "", trig),
        )
    return t


def _snippet(text: str, trigger: str | None, width: int = 160) -> str:
    """The evidence sentence cut to ``width`` around its trigger word."""
    from rich.markup import escape

    text = " ".join(text.split())
    if len(text) > width:
        at = text.find(trigger) if trigger else -1
        start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
        text = ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")
    return escape(text)


# ---------------------------------------------------------------- export

#: GDELT 2.0 event table columns, in order (61). Those eventwire can fill are mapped in GDELT_SQL.
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat "
    "Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def _gdelt_select(has_merged: bool) -> str:
    d = 'coalesce(e."date", e.published)'
    counts = (
        ("coalesce(m.num_mentions, 1)", "coalesce(m.num_sources, 1)", "coalesce(m.num_articles, 1)")
        if has_merged
        else ("1", "1", "1")
    )
    geo_type = (
        "CASE e.place_feature WHEN 'country' THEN 1 WHEN 'admin1' THEN 5 WHEN 'city' THEN 4 "
        "WHEN NULL THEN NULL ELSE 4 END"
    )
    mapped = {
        "GLOBALEVENTID": "e.event_id",
        "SQLDATE": f"replace({d}, '-', '')",
        "MonthYear": f"replace(left({d}, 7), '-', '')",
        "Year": f"left({d}, 4)",
        "FractionDate": f"round(year(try_cast({d} AS DATE)) + (dayofyear(try_cast({d} AS DATE)) - 1) / 365.0, 4)",
        "Actor1Code": "e.source_code",
        "Actor1Name": "upper(e.source_name)",
        "Actor1CountryCode": "e.source_country",
        "Actor1Type1Code": "e.source_sectors[1]",
        "Actor1Type2Code": "e.source_sectors[2]",
        "Actor1Type3Code": "e.source_sectors[3]",
        "Actor2Code": "e.target_code",
        "Actor2Name": "upper(e.target_name)",
        "Actor2CountryCode": "e.target_country",
        "Actor2Type1Code": "e.target_sectors[1]",
        "Actor2Type2Code": "e.target_sectors[2]",
        "Actor2Type3Code": "e.target_sectors[3]",
        "IsRootEvent": "CASE WHEN e.idx = 0 THEN 1 ELSE 0 END",
        "EventCode": "e.cameo",
        "EventBaseCode": "left(e.cameo, 3)",
        "EventRootCode": "e.root",
        "QuadClass": "e.quad_class",
        "GoldsteinScale": "e.goldstein",
        "NumMentions": counts[0],
        "NumSources": counts[1],
        "NumArticles": counts[2],
        "ActionGeo_Type": f"CASE WHEN e.place_name IS NULL THEN NULL ELSE {geo_type} END",
        "ActionGeo_FullName": "e.place_name",
        "ActionGeo_CountryCode": "e.place_country",
        "ActionGeo_Lat": "e.place_lat",
        "ActionGeo_Long": "e.place_lon",
        "ActionGeo_FeatureID": "e.place_geonameid",
        "DATEADDED": "strftime(a.ingested_at, '%Y%m%d%H%M%S')",
        "SOURCEURL": "a.url",
    }
    return ", ".join(f'{mapped.get(c, "NULL")} AS "{c}"' for c in GDELT_COLUMNS)


def export(con: Any, f: Filters, fmt: str, output: str | Path, merged: bool = False) -> int:
    """Write the filtered events (or merged events) to ``output`` as csv | jsonl | parquet | gdelt; returns rows."""
    out = str(output).replace("'", "''")
    where, args = f.where()
    lim = f" LIMIT {int(f.limit)}" if f.limit else ""
    if fmt == "gdelt":
        has_merged = has_table(con, "merged_events")
        join = (
            "LEFT JOIN (SELECT unnest(event_ids) AS event_id, num_mentions, num_sources, num_articles "
            "FROM merged_events) m ON m.event_id = e.event_id"
            if has_merged
            else ""
        )
        inner = (
            f"SELECT {_gdelt_select(has_merged)} FROM (SELECT * FROM events WHERE {where}) e "
            f"LEFT JOIN articles a ON a.id = e.article_id {join} ORDER BY e.event_id{lim}"
        )
        copy = f"COPY ({inner}) TO '{out}' (FORMAT csv, DELIMITER '\t', HEADER true)"
    else:
        if merged:
            inner = f"SELECT * FROM merged_events ORDER BY num_mentions DESC, merge_id{lim}"
            args = []
        else:
            inner = f'SELECT * FROM events WHERE {where} ORDER BY coalesce("date", published), article_id, idx{lim}'
        opts = {
            "csv": "FORMAT csv, HEADER true",
            "jsonl": "FORMAT json",
            "parquet": "FORMAT parquet, COMPRESSION zstd",
        }[fmt]
        copy = f"COPY ({inner}) TO '{out}' ({opts})"
    con.execute(copy, args)
    return con.execute(f"SELECT count(*) FROM ({inner})", args).fetchone()[0]


def has_table(con: Any, name: str) -> bool:
    """Whether ``con`` has a table or view called ``name``."""
    return bool(
        con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? ", [name]).fetchone()[0]
        or con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()[0]
    )


# ---------------------------------------------------------------- model-shaped records (the HTTP API)

_TABLE_OF = {model.Event: "events", model.Article: "articles", model.Quote: "quotes", model.Place: "places"}
_EVENT_KEYS = "event_id, article_id, outlet, published"


def check_store(db: str | Path) -> None:
    """Raise for a missing file or one that is not an eventwire store; a file locked by a writer
    just now passes (requests will retry)."""
    if not Path(db).is_file():
        raise FileNotFoundError(f"no database at {db} (build one with: eventwire ingest --db {db} INPUT...)")
    try:
        con = connect(db=db)
    except Exception as e:
        if "lock" in str(e).lower():
            return
        raise ValueError(f"{db} is not a DuckDB database: {e}") from e
    try:
        missing = [t for t in ("articles", "events") if not has_table(con, t)]
    finally:
        con.close()
    if missing:
        raise ValueError(
            f"{db} is not an eventwire store (no {' or '.join(missing)} table); "
            f"build one with: eventwire ingest --db {db} INPUT..."
        )


def _columns_sql(con: Any, cls: type) -> str:
    """The model's columns that the table has: a store written before a field was added still reads
    (the missing field comes back as null)."""
    have = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [_TABLE_OF[cls]]
        ).fetchall()
    }
    return ", ".join(f'"{c}"' for c in schema.row_column_names(cls) if c in have)


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _stored_event(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **schema.record_from_row(model.Event, row),
        "id": row["event_id"],
        "article_id": row["article_id"],
        "outlet": row.get("outlet"),
        "published": row.get("published"),
    }


def _events(con: Any, where: str, args: list[Any], order: str, page: str = "") -> list[dict[str, Any]]:
    cur = con.execute(
        f"SELECT {_EVENT_KEYS}, {_columns_sql(con, model.Event)} FROM events WHERE {where} ORDER BY {order}{page}", args
    )
    return [_stored_event(r) for r in _dicts(cur)]


def event_page(con: Any, f: Filters, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """One page of filtered events (newest first, like ``eventwire query``) with every field, and the total."""
    where, args = f.where()
    total = con.execute(f"SELECT count(*) FROM events WHERE {where}", args).fetchone()[0]
    events = _events(con, where, [*args, limit, offset], EVENT_ORDER, " LIMIT ? OFFSET ?")
    return {"total": total, "limit": limit, "offset": offset, "events": events}


def article_record(con: Any, article_id: str) -> dict[str, Any] | None:
    """The ``model.Article`` dict of one stored article; None if unknown."""
    rows = _dicts(con.execute(f"SELECT {_columns_sql(con, model.Article)} FROM articles WHERE id = ?", [article_id]))
    return schema.record_from_row(model.Article, rows[0]) if rows else None


def event_with_article(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event, its article, and its ``merged_events`` counts (None without that table); None if unknown."""
    events = _events(con, "event_id = ?", [event_id], "idx")
    if not events:
        return None
    article = article_record(con, events[0]["article_id"])
    if article is None:
        return None
    merged = None
    if has_table(con, "merged_events"):
        rows = _dicts(
            con.execute(
                "SELECT num_mentions, num_sources, num_articles, article_ids FROM merged_events "
                "WHERE list_contains(event_ids, ?) LIMIT 1",
                [event_id],
            )
        )
        merged = rows[0] if rows else None
    return {"event": events[0], "article": article, "merged": merged}


def article_result(con: Any, article_id: str) -> dict[str, Any] | None:
    """An article with its events, quotes and places, in the ``ArticleResult`` shape; None if unknown."""
    article = article_record(con, article_id)
    if article is None:
        return None
    quotes = _dicts(
        con.execute(
            f"SELECT {_columns_sql(con, model.Quote)} FROM quotes WHERE article_id = ? ORDER BY idx", [article_id]
        )
    )
    places = _dicts(
        con.execute(
            f"SELECT {_columns_sql(con, model.Place)} FROM places WHERE article_id = ? ORDER BY idx", [article_id]
        )
    )
    return {
        "id": article_id,
        "article": article,
        "events": _events(con, "article_id = ?", [article_id], "idx"),
        "quotes": [schema.record_from_row(model.Quote, r) for r in quotes],
        "places": [schema.record_from_row(model.Place, r) for r in places],
        "error": None,
    }


def event_counts(con: Any, f: Filters) -> dict[str, Any]:
    """Counts of the filtered events and their articles, and ``(key, n)`` pairs by CAMEO root,
    modality and day (most frequent first; days in order)."""
    where, args = f.where()
    sub = f"(SELECT * FROM events WHERE {where})"
    n, articles = con.execute(f"SELECT count(*), count(DISTINCT article_id) FROM {sub}", args).fetchone()
    roots = con.execute(f"SELECT root, count(*) FROM {sub} GROUP BY root ORDER BY count(*) DESC, root", args).fetchall()
    mods = con.execute(
        f"SELECT modality, count(*) FROM {sub} GROUP BY modality ORDER BY count(*) DESC, modality", args
    ).fetchall()
    days = con.execute(
        f"SELECT coalesce(\"date\", published, 'unknown') AS d, count(*) FROM {sub} GROUP BY d ORDER BY d", args
    ).fetchall()
    return {"events": n, "articles": articles, "by_root": roots, "by_modality": mods, "by_day": days}
