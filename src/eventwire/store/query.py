"""Querying and exporting events from a DuckDB file or a Parquet dataset with the same SQL.

Why: analysts filter by actor, CAMEO root, dates and modality, then want the rows as a table
to read, or as CSV / JSON Lines / Parquet / GDELT-style TSV to take elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


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
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A ``WHERE`` clause (over the ``events`` table's columns) and its parameters."""
        sql, args = ["TRUE"], []
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
            sql.append("coalesce(\"date\", published) >= ?")
            args.append(self.since)
        if self.until:
            sql.append("coalesce(\"date\", published) <= ?")
            args.append(self.until)
        if self.modality:
            sql.append("modality IN (SELECT unnest(?))")
            args.append(list(self.modality))
        if self.article:
            sql.append("article_id = ?")
            args.append(self.article)
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
    from .dedup import dedup
    from .parquet import attach_views

    con = duckdb.connect()
    attach_views(con, parquet)
    dedup(con)  # merged_events is computed on the fly for a dataset
    return con


EVENT_COLUMNS = ("event_id, article_id, coalesce(\"date\", published) AS \"date\", source_code, source_name, source_text, "
                 "target_code, target_name, target_text, cameo, name, root, quad_class, goldstein, plover, modality, "
                 "confidence, fatalities, place_name, place_country, place_lat, place_lon, attribution, "
                 "evidence_text, evidence_start, evidence_end, outlet")


def select_events(con: Any, f: Filters, columns: str = EVENT_COLUMNS) -> Any:
    """The filtered events as a DuckDB relation, newest first."""
    where, args = f.where()
    lim = f" LIMIT {int(f.limit)}" if f.limit else ""
    sql = (f"SELECT {columns} FROM events WHERE {where} "
           f"ORDER BY coalesce(\"date\", published) DESC NULLS LAST, article_id, idx{lim}")
    return con.execute(sql, args)


def rich_table(con: Any, f: Filters, title: str | None = None) -> Any:
    """A readable table: who → whom, CAMEO code and name, modality, date, evidence snippet."""
    from rich.markup import escape
    from rich.table import Table

    cur = select_events(con, f, "coalesce(\"date\", published) AS d, source_code, source_text, target_code, target_text, "
                                "cameo, name, modality, evidence_text, evidence_start, trigger_text, confidence")
    t = Table(title=title, show_lines=False, header_style="bold", expand=True)
    t.add_column("date", no_wrap=True, min_width=10)
    t.add_column("who → whom", min_width=16, max_width=30)
    t.add_column("CAMEO", min_width=14, max_width=30)
    t.add_column("modality", no_wrap=True)
    t.add_column("evidence", ratio=1, min_width=40)
    for d, sc, st, tc, tt, cameo, name, mod, ev, _, trig, conf in cur.fetchall():
        who = f"[bold]{sc or '—'}[/] → [bold]{tc or '—'}[/]"
        names = " / ".join(escape(x) for x in (st, tt) if x)
        style = {"asserted": "green", "reported": "yellow", "denied": "red", "negated": "red"}.get(mod, "magenta")
        t.add_row(d or "", who + (f"\n[dim]{names}[/]" if names else ""), f"{cameo} {escape(name or '')}",
                  f"[{style}]{mod}[/]", _snippet(ev or "", trig))
    return t


def _snippet(text: str, trigger: str | None, width: int = 160) -> str:
    """The evidence sentence cut to ``width`` around its trigger word."""
    from rich.markup import escape

    text = " ".join(text.split())
    if len(text) > width:
        at = text.find(trigger) if trigger else -1
        start = max(0, min(at - width // 3, len(text) - width)) if at >= 0 else 0
        text = ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
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
    d = "coalesce(e.\"date\", e.published)"
    counts = (("coalesce(m.num_mentions, 1)", "coalesce(m.num_sources, 1)", "coalesce(m.num_articles, 1)") if has_merged
              else ("1", "1", "1"))
    geo_type = ("CASE e.place_feature WHEN 'country' THEN 1 WHEN 'admin1' THEN 5 WHEN 'city' THEN 4 "
                "WHEN NULL THEN NULL ELSE 4 END")
    mapped = {
        "GLOBALEVENTID": "e.event_id",
        "SQLDATE": f"replace({d}, '-', '')",
        "MonthYear": f"replace(left({d}, 7), '-', '')",
        "Year": f"left({d}, 4)",
        "FractionDate": f"round(year(try_cast({d} AS DATE)) + (dayofyear(try_cast({d} AS DATE)) - 1) / 365.0, 4)",
        "Actor1Code": "e.source_code", "Actor1Name": "upper(e.source_name)", "Actor1CountryCode": "e.source_country",
        "Actor1Type1Code": "e.source_sectors[1]", "Actor1Type2Code": "e.source_sectors[2]",
        "Actor1Type3Code": "e.source_sectors[3]",
        "Actor2Code": "e.target_code", "Actor2Name": "upper(e.target_name)", "Actor2CountryCode": "e.target_country",
        "Actor2Type1Code": "e.target_sectors[1]", "Actor2Type2Code": "e.target_sectors[2]",
        "Actor2Type3Code": "e.target_sectors[3]",
        "IsRootEvent": "CASE WHEN e.idx = 0 THEN 1 ELSE 0 END",
        "EventCode": "e.cameo", "EventBaseCode": "left(e.cameo, 3)", "EventRootCode": "e.root",
        "QuadClass": "e.quad_class", "GoldsteinScale": "e.goldstein",
        "NumMentions": counts[0], "NumSources": counts[1], "NumArticles": counts[2],
        "ActionGeo_Type": f"CASE WHEN e.place_name IS NULL THEN NULL ELSE {geo_type} END",
        "ActionGeo_FullName": "e.place_name", "ActionGeo_CountryCode": "e.place_country",
        "ActionGeo_Lat": "e.place_lat", "ActionGeo_Long": "e.place_lon", "ActionGeo_FeatureID": "e.place_geonameid",
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
        has_merged = _has(con, "merged_events")
        join = ("LEFT JOIN (SELECT unnest(event_ids) AS event_id, num_mentions, num_sources, num_articles "
                "FROM merged_events) m ON m.event_id = e.event_id" if has_merged else "")
        inner = (f"SELECT {_gdelt_select(has_merged)} FROM (SELECT * FROM events WHERE {where}) e "
                 f"LEFT JOIN articles a ON a.id = e.article_id {join} ORDER BY e.event_id{lim}")
        copy = f"COPY ({inner}) TO '{out}' (FORMAT csv, DELIMITER '\t', HEADER true)"
    else:
        if merged:
            inner = f"SELECT * FROM merged_events ORDER BY num_mentions DESC, merge_id{lim}"
            args = []
        else:
            inner = (f"SELECT * FROM events WHERE {where} ORDER BY coalesce(\"date\", published), article_id, idx{lim}")
        opts = {"csv": "FORMAT csv, HEADER true", "jsonl": "FORMAT json", "parquet": "FORMAT parquet, COMPRESSION zstd"}[fmt]
        copy = f"COPY ({inner}) TO '{out}' ({opts})"
    con.execute(copy, args)
    return con.execute(f"SELECT count(*) FROM ({inner})", args).fetchone()[0]


def _has(con: Any, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? ", [name]).fetchone()[0]
                or con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?", [name]).fetchone()[0])
