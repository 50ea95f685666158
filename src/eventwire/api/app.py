"""The HTTP API app: wiring the handlers, the dashboard, security headers and the server.

Why: analysts browse and filter coded events and check each one against the words that produced
it; scripts want the same records as JSON; both want to try the coder on their own text. The
handlers are in :mod:`.routes`, the response shapes in :mod:`.shapes`, the SQL in
:mod:`eventwire.store.query`; this module builds the app around them and runs it.

The store is opened read-only for each request, so ``eventwire ingest`` can add to the same file
between requests (a request that meets a write in progress gets a 503 "try again").
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse

from ..store.query import check_store
from .routes import EXTRACT_LOCK, MAX_EXTRACT_BYTES, router

WEB_DIR = Path(__file__).resolve().parent.parent / "web"


def create_app(db: str | None, warm: bool = True, max_extract_bytes: int = MAX_EXTRACT_BYTES) -> FastAPI:
    """The FastAPI app over the DuckDB file ``db`` (None: only the coder and the dashboard's try-it box).

    ``warm`` loads the spaCy model in a background thread at start-up so the first extract is quick.
    A missing file, or one that is not an eventwire store, fails here rather than on every request.
    """
    from fastapi.staticfiles import StaticFiles

    if db is not None:
        check_store(db)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=_load_model, name="eventwire-warm", daemon=True).start()
        yield

    app = FastAPI(
        title="eventwire",
        version=package_version(),
        lifespan=lifespan,
        description="Coded political events from news, each with its evidence. Records follow "
        "the `eventwire extract` output (see docs/http-api.md).",
    )
    app.state.db = db
    app.state.max_extract_bytes = max_extract_bytes
    app.middleware("http")(security_headers)
    app.add_exception_handler(Exception, internal_error)
    app.include_router(router)
    app.add_api_route("/", dashboard, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    return app


def _load_model() -> None:
    from ..nlp import load_nlp

    with EXTRACT_LOCK:  # a first extract waits for this load rather than starting a second one
        load_nlp()


async def security_headers(request: Request, call_next: Any) -> Any:
    """The dashboard loads nothing from elsewhere, and no page may frame it."""
    response = await call_next(request)
    if not request.url.path.startswith(("/docs", "/redoc")):
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


async def internal_error(_: Request, exc: Exception) -> JSONResponse:
    """A bug answers 500 with the exception's type only (no traceback or data leaks out)."""
    return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)


def dashboard() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})


@functools.lru_cache(maxsize=1)
def package_version() -> str:
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
