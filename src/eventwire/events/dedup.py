"""Old name of :mod:`eventwire.events.merge`, kept so that existing imports keep working."""

from __future__ import annotations

from .merge import MODALITY_CLASS, dedup_key, merge_within_article

__all__ = ["MODALITY_CLASS", "dedup_key", "merge_within_article"]
