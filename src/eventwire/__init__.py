"""eventwire: offline, evidence-backed event data (who did what to whom, when, where, who says so)."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "extract_batch"]


def __getattr__(name: str):
    # Lazy so that `import eventwire` (e.g. in the CLI's --help) does not load spaCy.
    if name in ("extract", "extract_batch"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
