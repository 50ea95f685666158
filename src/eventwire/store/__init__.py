"""Storage: the DuckDB file (default), the Parquet dataset (large runs), and cross-article dedup.

Why: one schema (derived from ``model.py`` in :mod:`.schema`) serves both back ends, so the same
SQL queries either.
"""
