"""The HTTP API's handlers: events, articles and counts from the store, and the coder.

Why: each handler checks its parameters, opens the store read-only for the one request (so
``eventwire ingest`` can add to the file between requests), calls a query function of
:mod:`eventwire.store.query` and returns its records; the SQL lives in the store.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from .. import model
from ..store import query
from .shapes import (
    CameoEntry,
    EventDetail,
    EventPage,
    ExtractRequest,
    Stats,
    StoredArticle,
    Vocabulary,
    paragraph_around,
)

#: Largest POST /api/extract body accepted (bytes); bigger ones get a 413 before anything is parsed.
MAX_EXTRACT_BYTES = 1_000_000
#: Most events one GET /api/events page may return.
MAX_LIMIT = 1000
#: One analysis at a time: the parser is CPU-bound and not shared safely (the start-up warm-up takes it too).
EXTRACT_LOCK = threading.Lock()

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTOR = re.compile(r"^[A-Za-z]{1,30}$")
_DIGITS = re.compile(r"^\d{1,4}$")
_ERROR_STATUS = {"too_large": 413, "internal": 500}

router = APIRouter()


@contextlib.contextmanager
def open_store(request: Request) -> Iterator[Any]:
    """A read-only connection to the app's store for one request (503 when there is none just now)."""
    db = request.app.state.db
    if db is None:
        raise HTTPException(503, "no event database: start the server with --db FILE")
    try:
        con = query.connect(db=db)
    except Exception as e:  # locked by a writer, removed, not a database
        raise HTTPException(503, f"the database cannot be opened just now ({type(e).__name__}); try again") from e
    try:
        yield con
    finally:
        con.close()


def checked_filters(
    source: str | None,
    target: str | None,
    root: str | None,
    cameo: str | None,
    modality: list[str],
    since: str | None,
    until: str | None,
    article: str | None,
    q: str | None,
) -> query.Filters:
    """Checked query parameters as the store's ``Filters`` (bad values → 422)."""
    from ..ontology import cameo as cameo_table

    def bad(name: str, why: str) -> HTTPException:
        return HTTPException(422, f"{name}: {why}")

    for name, v in (("source", source), ("target", target)):
        if v and not _ACTOR.match(v):
            raise bad(name, "an actor code prefix is letters only, e.g. RUS or RUSGOV")
    if root and not (_DIGITS.match(root) and len(root) <= 2 and root.zfill(2) in cameo_table.table()):
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
    return query.Filters(
        source=source or None,
        target=target or None,
        root=root or None,
        cameo=cameo or None,
        since=since or None,
        until=until or None,
        modality=mods,
        article=article or None,
        evidence=q or None,
    )


@router.get("/healthz", tags=["meta"])
def healthz(request: Request) -> dict[str, Any]:
    """Liveness, and whether a database is attached."""
    return {"status": "ok", "version": request.app.version, "db": request.app.state.db is not None}


@router.get("/api/events", response_model=EventPage, tags=["events"])
def list_events(
    request: Request,
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
    f = checked_filters(source, target, root, cameo, modality, since, until, article, q)
    with open_store(request) as con:
        return query.event_page(con, f, limit, offset)


@router.get("/api/events/{event_id:path}", response_model=EventDetail, tags=["events"])
def get_event(request: Request, event_id: str) -> Any:
    """One event, its article and the paragraph around its evidence, and who else told it."""
    with open_store(request) as con:
        found = query.event_with_article(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    evidence = found["event"]["evidence"]
    context = paragraph_around(found["article"]["body"], evidence["start"], evidence["end"])
    return {
        "event": found["event"],
        "article": found["article"],
        "context": model.to_plain(context),
        "merged": found["merged"],
    }


@router.get("/api/articles/{article_id:path}", response_model=StoredArticle, tags=["articles"])
def get_article(request: Request, article_id: str) -> Any:
    """One stored article: body, events, quotes and places."""
    with open_store(request) as con:
        found = query.article_result(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/api/stats", response_model=Stats, tags=["events"])
def get_stats(
    request: Request,
    source: str | None = None,
    target: str | None = None,
    root: str | None = None,
    cameo: str | None = None,
    modality: list[str] = Query([]),
    since: str | None = None,
    until: str | None = None,
    q: str | None = Query(None, max_length=200),
    article: str | None = None,
) -> Any:
    """Counts of the (filtered) events by CAMEO root, modality and day."""
    from ..ontology import cameo as cameo_table

    f = checked_filters(source, target, root, cameo, modality, since, until, article, q)
    with open_store(request) as con:
        counts = query.event_counts(con, f)
    names = cameo_table.table()
    return {
        "events": counts["events"],
        "articles": counts["articles"],
        "by_root": [
            {"key": r or "", "n": n, "label": names[r].name if r in names else None} for r, n in counts["by_root"]
        ],
        "by_modality": [{"key": m or "", "n": n} for m, n in counts["by_modality"]],
        "by_day": [{"key": d, "n": n} for d, n in counts["by_day"]],
    }


@router.get("/api/cameo", response_model=list[CameoEntry], tags=["meta"])
def get_cameo(root: str | None = Query(None, description="only this root's codes")) -> Any:
    """The CAMEO codes eventwire uses, with name, root, Goldstein value and quad class."""
    from ..ontology import cameo as cameo_table

    return [
        {"code": c.code, "name": c.name, "root": c.root, "goldstein": c.goldstein, "quad_class": c.quad_class}
        for c in cameo_table.table().values()
        if root is None or c.root == root.zfill(2)
    ]


@router.get("/api/vocabulary", response_model=Vocabulary, tags=["meta"])
def get_vocabulary() -> Any:
    """The modalities and CAMEO root codes the filters take (the dashboard builds its menus from this)."""
    from ..ontology import cameo as cameo_table

    roots = [{"code": c.code, "name": c.name} for c in cameo_table.table().values() if len(c.code) == 2]
    return {"modalities": list(model.MODALITIES), "roots": roots}


async def read_extract_request(request: Request, max_bytes: int) -> ExtractRequest | JSONResponse:
    """The POST body as an ``ExtractRequest``: 413 past ``max_bytes`` (counted as it streams in),
    400 for a body that is not UTF-8 JSON, 422 for one that is not an article."""
    too_big = HTTPException(
        413,
        f"the request body is larger than {max_bytes} bytes; "
        "send one article at a time, or use `eventwire extract` for big inputs",
    )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > max_bytes:
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
        from ..ingest import normalise_date

        if normalise_date(req.published) is None:
            raise HTTPException(422, f"published: {req.published!r} is not a date (use YYYY-MM-DD)")
    return req


def extract_one(req: ExtractRequest) -> dict[str, Any]:
    """Analyse the request's article (one at a time) into its ``eventwire extract`` record."""
    from ..pipeline import analyse_records

    record: model.InputRecord = {"published": req.published, "url": req.url, "title": req.title, "outlet": req.outlet}
    if req.html is not None:
        record = {"html": req.html, **record}
    else:
        record = {"text": req.text or "", **record}
    with EXTRACT_LOCK:
        return next(analyse_records([record], clean=req.clean)).to_dict()


@router.post(
    "/api/extract",
    response_model=model.ArticleResult,
    tags=["coder"],
    responses={413: {"description": "body too large"}, 422: {"description": "not an article"}},
)
async def post_extract(request: Request) -> Any:
    """Code one article: JSON ``{"text" | "html", "published", "url", ...}`` → the ``eventwire extract`` record."""
    from fastapi.concurrency import run_in_threadpool

    req = await read_extract_request(request, request.app.state.max_extract_bytes)
    if isinstance(req, JSONResponse):
        return req
    result = await run_in_threadpool(extract_one, req)
    err = result.get("error")
    if err:
        return JSONResponse({"detail": err["message"], "error": err}, status_code=_ERROR_STATUS.get(err["kind"], 422))
    return result
