"""HTTP API and dashboard: the event store and the coder over HTTP, for analysts and their tools.

Why: analysts browse and filter coded events and check each one against the words that produced
it; scripts want the same records as JSON; both want to try the coder on their own text. Every
record served has the ``model.py`` shape (the dicts of ``eventwire extract``): rows are rebuilt
from the store's flat columns by the same field walk that flattened them
(:func:`eventwire.store.schema.flat_columns`), and FastAPI checks responses against the model
dataclasses, so the API cannot drift from the one schema.

The store is opened read-only for each request, so ``eventwire ingest`` can add to the same file
between requests (a request that meets a write in progress gets a 503 "try again").
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import re
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError

from . import model
from .store import schema

#: Largest POST /api/extract body accepted (bytes); bigger ones get a 413 before anything is parsed.
MAX_EXTRACT_BYTES = 1_000_000
#: Most events one GET /api/events page may return.
MAX_LIMIT = 1000
WEB_DIR = Path(__file__).resolve().parent / "web"

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTOR = re.compile(r"^[A-Za-z]{1,30}$")
_DIGITS = re.compile(r"^\d{1,4}$")
_EVENT_ORDER = 'coalesce("date", published) DESC NULLS LAST, article_id, idx'


# ---------------------------------------------------------------- response shapes (built on model.py)

@dataclass
class StoredEvent(model.Event):
    """A ``model.Event`` as stored: the extract-output event plus where it lives."""

    id: str = ""
    article_id: str = ""
    outlet: str | None = None
    published: str | None = None


@dataclass
class EventPage:
    total: int
    limit: int
    offset: int
    events: list[StoredEvent]


@dataclass
class MergedInfo:
    """How many articles and outlets told this same event (from the store's ``merged_events``)."""

    num_mentions: int
    num_sources: int
    num_articles: int
    article_ids: list[str]


@dataclass
class EventDetail:
    event: StoredEvent
    article: model.Article
    context: model.TextSpan  # the paragraph of the body that holds the evidence
    merged: MergedInfo | None = None


@dataclass
class StoredArticle:
    """A ``model.ArticleResult`` as stored (events carry their ids)."""

    id: str
    article: model.Article
    events: list[StoredEvent] = field(default_factory=list)
    quotes: list[model.Quote] = field(default_factory=list)
    places: list[model.Place] = field(default_factory=list)
    error: model.ErrorInfo | None = None


@dataclass
class Count:
    key: str
    n: int
    label: str | None = None


@dataclass
class Stats:
    events: int
    articles: int
    by_root: list[Count]
    by_modality: list[Count]
    by_day: list[Count]


@dataclass
class CameoEntry:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int


@dataclass
class Vocabulary:
    modalities: list[str]
    roots: list[dict[str, str]]


class ExtractRequest(BaseModel):
    """POST /api/extract body: one article as plain text or HTML."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    clean: bool = True


# ---------------------------------------------------------------- rows → model-shaped dicts

@functools.lru_cache(maxsize=16)
def _fields(cls: type) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    return tuple((c, path, js) for c, _, _, path, js in schema.flat_columns(cls))


def record_from_row(cls: type, row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``model``-shaped dict of one stored row: nested records rebuilt, JSON columns parsed.

    A nested record whose columns are all NULL (no target, no place, no cue) becomes ``None``.
    """
    out: dict[str, Any] = {}
    nested: set[str] = set()
    for col, path, js in _fields(cls):
        if col not in row:  # a column the store predates: the model's default fills it in the response
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


_TABLE_OF = {model.Event: "events", model.Article: "articles", model.Quote: "quotes", model.Place: "places"}


def _columns_sql(con: Any, cls: type) -> str:
    """The model's columns that the table has: a store written before a field was added still reads
    (the missing field comes back as null)."""
    have = {r[0] for r in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?",
                                      [_TABLE_OF[cls]]).fetchall()}
    return ", ".join(f'"{c}"' for c, _, _ in _fields(cls) if c in have)


def _event(row: Mapping[str, Any]) -> dict[str, Any]:
    return {**record_from_row(model.Event, row), "id": row["event_id"], "article_id": row["article_id"],
            "outlet": row.get("outlet"), "published": row.get("published")}


def _dicts(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def paragraph_around(body: str, start: int, end: int) -> model.TextSpan:
    """The paragraph (blank-line separated block) of ``body`` holding ``[start, end)``."""
    a = body.rfind("\n\n", 0, max(0, start))
    a = 0 if a < 0 else a + 2
    b = body.find("\n\n", max(end, a))
    b = len(body) if b < 0 else b
    return model.TextSpan(body[a:b], a, b)


# ---------------------------------------------------------------- queries

def _filters(source: str | None, target: str | None, root: str | None, cameo: str | None, modality: list[str],
             since: str | None, until: str | None, article: str | None) -> Any:
    """Checked query parameters as the store's ``Filters`` (bad values → 422)."""
    from .store.query import Filters

    def bad(name: str, why: str) -> HTTPException:
        return HTTPException(422, f"{name}: {why}")

    for name, v in (("source", source), ("target", target)):
        if v and not _ACTOR.match(v):
            raise bad(name, "an actor code prefix is letters only, e.g. RUS or RUSGOV")
    if root:
        from .ontology import cameo as _cameo

        if not (_DIGITS.match(root) and len(root) <= 2 and root.zfill(2) in _cameo.table()):
            raise bad("root", f"{root!r} is not a CAMEO root code (01 … 20)")
    if cameo and not _DIGITS.match(cameo):
        raise bad("cameo", "a CAMEO code prefix is 1 to 4 digits, e.g. 112")
    mods = [m.strip() for v in modality for m in v.split(",") if m.strip()]
    for m in mods:
        if m not in model.MODALITIES:
            raise bad("modality", f"{m!r} is not one of {', '.join(model.MODALITIES)}")
    for name, v in (("since", since), ("until", until)):
        if v and not _DATE.match(v):
            raise bad(name, "a date is YYYY-MM-DD (or YYYY-MM, or YYYY)")
    if until and len(until) < 10:
        until += "\uffff"  # "until 2024-02" takes in every day of February
    return Filters(source=source or None, target=target or None, root=root or None, cameo=cameo or None,
                   since=since or None, until=until or None, modality=mods, article=article or None)


def _where(f: Any, q: str | None) -> tuple[str, list[Any]]:
    where, args = f.where()
    if q:
        where += " AND contains(lower(evidence_text), lower(?))"
        args.append(q)
    return where, args


def query_events(con: Any, f: Any, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """One page of filtered events (newest first, like ``eventwire query``) and the total count.

    Why here and not ``store.query.select_events``: the API needs paging, evidence search and every
    column (to rebuild whole events); the filters themselves are the store's ``Filters.where``.
    """
    where, args = _where(f, q)
    total = con.execute(f"SELECT count(*) FROM events WHERE {where}", args).fetchone()[0]
    cur = con.execute(f"SELECT event_id, article_id, outlet, published, {_columns_sql(con, model.Event)} FROM events "
                      f"WHERE {where} ORDER BY {_EVENT_ORDER} LIMIT ? OFFSET ?", [*args, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "events": [_event(r) for r in _dicts(cur)]}


def _article(con: Any, article_id: str) -> dict[str, Any] | None:
    rows = _dicts(con.execute(f"SELECT {_columns_sql(con, model.Article)} FROM articles WHERE id = ?", [article_id]))
    return record_from_row(model.Article, rows[0]) if rows else None


def event_detail(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event with its article and the paragraph around its evidence; None if unknown."""
    rows = _dicts(con.execute(f"SELECT event_id, article_id, outlet, published, {_columns_sql(con, model.Event)} "
                              "FROM events WHERE event_id = ?", [event_id]))
    if not rows:
        return None
    ev = _event(rows[0])
    art = _article(con, ev["article_id"])
    if art is None:
        return None
    span = paragraph_around(art["body"], ev["evidence"]["start"], ev["evidence"]["end"])
    merged = None
    if _has_table(con, "merged_events"):
        m = _dicts(con.execute("SELECT num_mentions, num_sources, num_articles, article_ids FROM merged_events "
                               "WHERE list_contains(event_ids, ?) LIMIT 1", [event_id]))
        merged = m[0] if m else None
    return {"event": ev, "article": art, "context": dataclasses.asdict(span), "merged": merged}


def article_detail(con: Any, article_id: str) -> dict[str, Any] | None:
    """An article with its events, quotes and places, in the ``ArticleResult`` shape; None if unknown."""
    art = _article(con, article_id)
    if art is None:
        return None
    evs = _dicts(con.execute(f"SELECT event_id, article_id, outlet, published, {_columns_sql(con, model.Event)} "
                             "FROM events WHERE article_id = ? ORDER BY idx", [article_id]))
    qs = _dicts(con.execute(f"SELECT {_columns_sql(con, model.Quote)} FROM quotes WHERE article_id = ? ORDER BY idx", [article_id]))
    ps = _dicts(con.execute(f"SELECT {_columns_sql(con, model.Place)} FROM places WHERE article_id = ? ORDER BY idx", [article_id]))
    return {"id": article_id, "article": art, "events": [_event(r) for r in evs],
            "quotes": [record_from_row(model.Quote, r) for r in qs],
            "places": [record_from_row(model.Place, r) for r in ps], "error": None}


def stats(con: Any, f: Any, q: str | None = None) -> dict[str, Any]:
    """Counts of the filtered events by CAMEO root, modality and day."""
    from .ontology import cameo as _cameo

    where, args = _where(f, q)
    sub = f"(SELECT * FROM events WHERE {where})"
    n, arts = con.execute(f"SELECT count(*), count(DISTINCT article_id) FROM {sub}", args).fetchone()
    roots = con.execute(f"SELECT root, count(*) FROM {sub} GROUP BY root ORDER BY count(*) DESC, root", args).fetchall()
    mods = con.execute(f"SELECT modality, count(*) FROM {sub} GROUP BY modality ORDER BY count(*) DESC, modality", args).fetchall()
    days = con.execute(f'SELECT coalesce("date", published, \'unknown\') AS d, count(*) FROM {sub} GROUP BY d ORDER BY d',
                       args).fetchall()
    names = _cameo.table()
    return {"events": n, "articles": arts,
            "by_root": [{"key": r or "", "n": c, "label": names[r].name if r in names else None} for r, c in roots],
            "by_modality": [{"key": m or "", "n": c} for m, c in mods],
            "by_day": [{"key": d, "n": c} for d, c in days]}


def _check_store(db: str) -> None:
    """Fail at start-up, not on every request, for a missing file or one that is not an eventwire store."""
    if not Path(db).is_file():
        raise FileNotFoundError(f"no database at {db} (build one with: eventwire ingest --db {db} INPUT...)")
    from .store.query import connect

    try:
        con = connect(db=db)
    except Exception as e:
        if "lock" in str(e).lower():  # a writer holds it just now: requests will retry
            return
        raise ValueError(f"{db} is not a DuckDB database: {e}") from e
    try:
        missing = [t for t in ("articles", "events") if not _has_table(con, t)]
    finally:
        con.close()
    if missing:
        raise ValueError(f"{db} is not an eventwire store (no {' or '.join(missing)} table); "
                         f"build one with: eventwire ingest --db {db} INPUT...")


def _has_table(con: Any, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0])


# ---------------------------------------------------------------- the coder

_EXTRACT_LOCK = threading.Lock()  # one analysis at a time: the parser is CPU-bound and not shared safely


def _extract(req: ExtractRequest) -> dict[str, Any]:
    from .pipeline import analyse_records

    key = "html" if req.html is not None else "text"
    record = {key: getattr(req, key), "published": req.published, "url": req.url, "title": req.title,
              "outlet": req.outlet}
    with _EXTRACT_LOCK:
        return next(analyse_records([record], clean=req.clean)).to_dict()


_ERROR_STATUS = {"too_large": 413, "internal": 500}


# ---------------------------------------------------------------- the app

def create_app(db: str | None, warm: bool = True, max_extract_bytes: int = MAX_EXTRACT_BYTES) -> FastAPI:
    """The FastAPI app over the DuckDB file ``db`` (None: only the coder and the dashboard's try-it box).

    ``warm`` loads the spaCy model in a background thread at start-up so the first extract is quick.
    """
    from contextlib import asynccontextmanager

    if db is not None:
        _check_store(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        if warm:
            from .nlp import load_nlp

            def load() -> None:
                with _EXTRACT_LOCK:  # a first extract waits for this load rather than starting a second one
                    load_nlp()

            threading.Thread(target=load, name="eventwire-warm", daemon=True).start()
        yield

    app = FastAPI(title="eventwire", version=_version(), lifespan=lifespan,
                  description="Coded political events from news, each with its evidence. Records follow "
                              "the `eventwire extract` output (see docs/http-api.md).")

    @contextlib.contextmanager
    def store() -> Iterator[Any]:
        if db is None:
            raise HTTPException(503, "no event database: start the server with --db FILE")
        from .store.query import connect

        try:
            con = connect(db=db)
        except Exception as e:  # locked by a writer, removed, not a database
            raise HTTPException(503, f"the database cannot be opened just now ({type(e).__name__}); try again") from e
        try:
            yield con
        finally:
            con.close()

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        if not request.url.path.startswith(("/docs", "/redoc")):
            # the dashboard loads nothing from elsewhere, and no page may frame it
            response.headers["Content-Security-Policy"] = ("default-src 'self'; img-src 'self' data:; "
                                                           "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.get("/healthz", tags=["meta"])
    def healthz() -> dict[str, Any]:
        """Liveness, and whether a database is attached."""
        return {"status": "ok", "version": _version(), "db": db is not None}

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def list_events(
        source: str | None = Query(None, description="source actor code prefix, e.g. RUS or RUSGOV"),
        target: str | None = Query(None, description="target actor code prefix"),
        root: str | None = Query(None, description="CAMEO root code, e.g. 02 (request)"),
        cameo: str | None = Query(None, description="CAMEO code prefix, e.g. 112"),
        modality: list[str] = Query([], description="one of the modalities; repeat or comma-separate for several"),
        since: str | None = Query(None, description="events on or after YYYY-MM-DD"),
        until: str | None = Query(None, description="events on or before YYYY-MM-DD"),
        q: str | None = Query(None, max_length=200, description="words the evidence sentence contains (case-insensitive)"),
        article: str | None = Query(None, max_length=200, description="only this article's events"),
        limit: int = Query(50, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0),
    ) -> Any:
        """Events matching the filters (the same filters as `eventwire query`), newest first."""
        f = _filters(source, target, root, cameo, modality, since, until, article)
        with store() as con:
            return query_events(con, f, q, limit, offset)

    @app.get("/api/events/{event_id:path}", response_model=EventDetail, tags=["events"])
    def get_event(event_id: str) -> Any:
        """One event, its article and the paragraph around its evidence, and who else told it."""
        with store() as con:
            d = event_detail(con, event_id)
        if d is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return d

    @app.get("/api/articles/{article_id:path}", response_model=StoredArticle, tags=["articles"])
    def get_article(article_id: str) -> Any:
        """One stored article: body, events, quotes and places."""
        with store() as con:
            d = article_detail(con, article_id)
        if d is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return d

    @app.get("/api/stats", response_model=Stats, tags=["events"])
    def get_stats(
        source: str | None = None, target: str | None = None, root: str | None = None, cameo: str | None = None,
        modality: list[str] = Query([]), since: str | None = None, until: str | None = None,
        q: str | None = Query(None, max_length=200), article: str | None = None,
    ) -> Any:
        """Counts of the (filtered) events by CAMEO root, modality and day."""
        f = _filters(source, target, root, cameo, modality, since, until, article)
        with store() as con:
            return stats(con, f, q)

    @app.get("/api/cameo", response_model=list[CameoEntry], tags=["meta"])
    def get_cameo(root: str | None = Query(None, description="only this root's codes")) -> Any:
        """The CAMEO codes eventwire uses, with name, root, Goldstein value and quad class."""
        from .ontology import cameo as _cameo

        return [{"code": c.code, "name": c.name, "root": c.root, "goldstein": c.goldstein, "quad_class": c.quad_class}
                for c in _cameo.table().values() if root is None or c.root == root.zfill(2)]

    @app.get("/api/vocabulary", response_model=Vocabulary, tags=["meta"])
    def get_vocabulary() -> Any:
        """The modalities and CAMEO root codes the filters take (the dashboard builds its menus from this)."""
        from .ontology import cameo as _cameo

        roots = [{"code": c.code, "name": c.name} for c in _cameo.table().values() if len(c.code) == 2]
        return {"modalities": list(model.MODALITIES), "roots": roots}

    @app.post("/api/extract", response_model=model.ArticleResult, tags=["coder"],
              responses={413: {"description": "body too large"}, 422: {"description": "not an article"}})
    async def post_extract(request: Request) -> Any:
        """Code one article: JSON ``{"text" | "html", "published", "url", ...}`` → the ``eventwire extract`` record."""
        from fastapi.concurrency import run_in_threadpool

        too_big = HTTPException(413, f"the request body is larger than {max_extract_bytes} bytes; "
                                     "send one article at a time, or use `eventwire extract` for big inputs")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_extract_bytes:
            raise too_big
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > max_extract_bytes:
                raise too_big
        try:
            payload = json.loads(bytes(raw).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise HTTPException(400, f"the body is not UTF-8 JSON: {e}") from e
        try:
            req = ExtractRequest.model_validate(payload)
        except ValidationError as e:
            return JSONResponse({"detail": json.loads(e.json(include_url=False, include_context=False))}, status_code=422)
        if (req.text is None) == (req.html is None):
            raise HTTPException(422, 'give exactly one of "text" or "html"')
        if req.published:
            from .ingest import normalise_date

            if normalise_date(req.published) is None:
                raise HTTPException(422, f"published: {req.published!r} is not a date (use YYYY-MM-DD)")
        result = await run_in_threadpool(_extract, req)
        err = result.get("error")
        if err:
            status = _ERROR_STATUS.get(err["kind"], 422)
            return JSONResponse({"detail": err["message"], "error": err}, status_code=status)
        return result

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    from fastapi.staticfiles import StaticFiles

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


@functools.lru_cache(maxsize=1)
def _version() -> str:
    try:
        from importlib.metadata import version

        return version("eventwire")
    except Exception:
        return "unknown"


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and dashboard on ``host:port`` until interrupted (``eventwire serve``)."""
    import uvicorn

    uvicorn.run(create_app(db), host=host, port=port, log_level="info")


@contextlib.contextmanager
def running(app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread; yields its base URL (port 0: any free port).

    Why: notebooks and tests want a real server next to their own code, stopped cleanly after.
    """
    import time

    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="eventwire-api", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
