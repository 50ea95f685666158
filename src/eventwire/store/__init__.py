"""Storage: the DuckDB file (default), the Parquet dataset (large runs), queries, exports and
cross-article clusters. The store only writes the rows it is given and reads them back; running
the pipeline over inputs is :mod:`eventwire.run`.

Why: one schema (derived from ``model.py`` in :mod:`.schema`) serves both back ends, so the same
SQL queries either.
"""
