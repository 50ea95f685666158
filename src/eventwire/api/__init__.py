"""HTTP API and dashboard: the event store and the coder over HTTP (docs/http-api.md)."""

from __future__ import annotations

from .app import WEB_DIR, create_app, running, serve
from .routes import MAX_EXTRACT_BYTES, MAX_LIMIT

__all__ = ["MAX_EXTRACT_BYTES", "MAX_LIMIT", "WEB_DIR", "create_app", "running", "serve"]
