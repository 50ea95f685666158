"""The one loader for the package's data tables (lexicons, word lists, aliases, ontology).

Why: every table is data an analyst can read and edit, so they all follow one convention and one
function reads them; a stage never parses a table file itself.

The convention (``*.tsv`` under a package's ``data/`` folder):

- UTF-8, one row per line, cells separated by a tab;
- lines that start with ``#`` are comments (say what the table is for and what each column means);
  blank lines are skipped;
- the first other line is the header: the column names;
- a row may leave trailing cells out (they read as ``""``); a cell may hold alternatives separated
  by ``|`` (split them with :func:`alternatives`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

Row = dict[str, str]


class TableError(ValueError):
    """A table that breaks the convention, naming the file and line."""


def parse_table(lines: Iterable[str], source: str) -> tuple[Row, ...]:
    """Rows of a table given as lines; ``source`` names the file in error messages."""
    header: list[str] | None = None
    rows: list[Row] = []
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            if len(set(header)) != len(header) or not all(header):
                raise TableError(f"{source}:{n}: the header needs distinct, non-empty column names")
            continue
        if len(cells) > len(header):
            raise TableError(f"{source}:{n}: {len(cells)} cells, but the header names {len(header)} columns")
        rows.append({h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header)})
    return tuple(rows)


@functools.lru_cache(maxsize=128)  # the package ships ~40 tables; every cache with arguments is bounded
def read_table(package: str, name: str) -> tuple[Row, ...]:
    """The rows of ``<package>/data/<name>``, read once per process (tables are package data)."""
    text = resources.files(package).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return parse_table(text.splitlines(), f"{package}/data/{name}")


def read_user_table(path: str | Path) -> tuple[Row, ...]:
    """The rows of a user's own table file, in the same convention as the package's."""
    p = Path(path)
    with p.open(encoding="utf-8") as f:
        return parse_table(f, str(p))


def alternatives(cell: str) -> list[str]:
    """The ``|``-separated alternatives of a cell, stripped, without empty ones."""
    return [x.strip() for x in cell.split("|") if x.strip()]
