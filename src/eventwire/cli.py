"""The ``eventwire`` command: extract, ingest, query, export, serve.

Why: one small front door over the same per-article pipeline. Heavy libraries (spaCy, DuckDB,
Dask, trafilatura) are imported only inside the command that needs them, so ``--help`` is instant
and ``extract`` starts as fast as a bare spaCy script.
"""

from __future__ import annotations

import io
import json
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, cast

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=__doc__.split("\n")[0] if __doc__ else None,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """eventwire: evidence-backed political event data from news text."""


# ---------------------------------------------------------------- shared bits


def _jobs_help() -> str:
    return "worker processes (default: all cores; 1 = everything in this process)"


class Summary:
    """Counts for the machine-readable run summary (JSON on stderr and/or ``--summary FILE``)."""

    def __init__(self, command: str):
        self.command = command
        self.t0 = time.perf_counter()
        self.counts: dict[str, int] = {"articles": 0, "ok": 0, "errors": 0, "events": 0}
        self.error_kinds: dict[str, int] = {}
        self.extra: dict[str, Any] = {}

    def add(self, obj: dict[str, Any]) -> None:
        self.counts["articles"] += 1
        err = obj.get("error")
        if err:
            self.counts["errors"] += 1
            k = err.get("kind", "?")
            self.error_kinds[k] = self.error_kinds.get(k, 0) + 1
        else:
            self.counts["ok"] += 1
        self.counts["events"] += len(obj.get("events") or ())

    def as_dict(self) -> dict[str, Any]:
        secs = time.perf_counter() - self.t0
        n = self.counts["articles"]
        return {
            "command": self.command,
            **self.counts,
            "error_kinds": self.error_kinds,
            **self.extra,
            "seconds": round(secs, 3),
            "articles_per_s": round(n / secs, 2) if secs > 0 else None,
        }

    def emit(self, quiet: bool, path: Path | None) -> None:
        d = self.as_dict()
        line = json.dumps(d, ensure_ascii=False)
        if path is not None:
            path.write_text(line + "\n", encoding="utf-8")
        if not quiet:
            sys.stderr.write(line + "\n")


def count_inputs(paths: Iterable[str]) -> int | None:
    """A cheap article count for the progress bar's ETA (None when it cannot be known up front)."""
    from .ingest.readers import kind_of, walk

    total = 0
    for p in paths:
        if p == "-":
            return None
        path = Path(p)
        for f in walk(path) if path.is_dir() else [path]:
            kind = kind_of(f)
            if kind in ("warc", "feed") or f.name.lower().endswith(".jsonl.gz"):
                return None  # many articles per file, not countable without reading them
            if kind != "jsonl":
                total += 1
                continue
            try:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1  # it will give one error line
    return total


@contextmanager
def progress_bar(label: str, total: int | None, enabled: bool) -> Iterator[Any]:
    """A rich progress bar on stderr with articles/s and ETA; a no-op when disabled or not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task):
            from rich.text import Text

            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "… articles/s", style="cyan")

    prog = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        Rate(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with prog:
        task = prog.add_task(label, total=total)
        yield lambda n=1: prog.advance(task, n)


# ---------------------------------------------------------------- extract


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ..., help="files (.txt .html .htm .html.gz .jsonl .warc .warc.gz .xml .rss .atom), folders, or - for stdin"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="write JSON lines here instead of stdout"),
    no_clean: bool = typer.Option(
        False, "--no-clean", help="take text exactly as given (offsets line up with the input)"
    ),
    jobs: int = typer.Option(0, "--jobs", "-j", help=_jobs_help()),
    statements: bool = typer.Option(
        False, "--statements", help='a record for every bare "said/told/added" (CAMEO 010), as GDELT counts them'
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary on stderr"),
    summary: Path | None = typer.Option(None, "--summary", help="write the run summary (JSON) to this file"),
) -> None:
    """One JSON line per input article, in input order (docs: OUTPUT.md)."""
    from .ingest.readers import iter_records
    from .run import analyse_parallel

    out: TextIO
    try:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        typer.echo(f"eventwire: cannot write {output}: {e}", err=True)
        raise typer.Exit(2) from e
    if out is sys.stdout:
        try:
            cast(io.TextIOWrapper, out).reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):  # not a plain text stream (tests, notebooks)
            pass
    summ = Summary("extract")
    total = count_inputs(inputs) if not quiet and sys.stderr.isatty() else None
    try:
        with progress_bar("extract", total, not quiet) as advance:
            for line, counts in analyse_parallel(
                iter_records(inputs),
                clean=not no_clean,
                jobs=jobs or None,
                transform=_line_and_counts,
                statements=statements,
            ):
                out.write(line)
                out.write("\n")
                summ.add(counts)
                advance()
    finally:
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    summ.emit(quiet, summary)


def _line_and_counts(result: Any) -> tuple[str, dict[str, Any]]:
    """Runs in the worker: the output line plus what the summary needs, so nothing is parsed twice."""
    err = result.error
    return result.to_json(), {"error": {"kind": err.kind} if err else None, "events": range(len(result.events))}


# ---------------------------------------------------------------- ingest


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="files, folders, or - for stdin (as for extract)"),
    db: Path | None = typer.Option(None, "--db", help="DuckDB file to add to (created if missing)"),
    parquet: Path | None = typer.Option(
        None, "--parquet", help="also/instead write a Parquet dataset here (events partitioned by month)"
    ),
    dask: str | None = typer.Option(
        None,
        "--dask",
        help="run on Dask: tcp://scheduler:8786, or local:N for N local worker processes (writes --parquet)",
    ),
    no_clean: bool = typer.Option(False, "--no-clean", help="take text exactly as given"),
    jobs: int = typer.Option(0, "--jobs", "-j", help=_jobs_help()),
    statements: bool = typer.Option(
        False, "--statements", help='a record for every bare "said/told/added" (CAMEO 010), as GDELT counts them'
    ),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="skip rebuilding merged_events after the run"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar and no summary on stderr"),
    summary: Path | None = typer.Option(None, "--summary", help="write the run summary (JSON) to this file"),
) -> None:
    """Analyse inputs into a DuckDB file and/or Parquet dataset; re-ingesting is a no-op, a killed run resumes."""
    if db is None and parquet is None:
        typer.echo("eventwire ingest: give --db FILE and/or --parquet DIR", err=True)
        raise typer.Exit(2)
    if dask and parquet is None:
        typer.echo("eventwire ingest: --dask writes a Parquet dataset: give --parquet DIR", err=True)
        raise typer.Exit(2)
    summ = Summary("ingest")
    total = count_inputs(inputs) if not quiet and sys.stderr.isatty() else None
    result: dict[str, Any] = {}
    if db is not None:
        try:  # fail early and plainly on a locked or foreign file, before any work
            from .store.duckdb import DuckStore

            DuckStore(db).close()
        except Exception as e:
            typer.echo(f"eventwire ingest: cannot open {db}: {e}", err=True)
            raise typer.Exit(2) from e
    with progress_bar("ingest", total, not quiet) as advance:
        if dask and parquet is not None:  # --dask without --parquet was refused above
            from .run import ingest_dask

            result["parquet"] = ingest_dask(
                inputs, parquet, dask, clean=not no_clean, progress=advance, statements=statements
            )
        elif parquet is not None:
            from .run import ingest_parquet

            result["parquet"] = ingest_parquet(
                inputs, parquet, jobs=jobs or None, clean=not no_clean, progress=advance, statements=statements
            )
        if db is not None and parquet is not None:  # the dataset is analysed already: copy it in
            from .store.duckdb import load_parquet

            result["db"] = load_parquet(parquet, db, run_dedup=not no_dedup)
        elif db is not None:
            from .run import ingest_duckdb

            result["db"] = ingest_duckdb(
                inputs,
                db,
                jobs=jobs or None,
                clean=not no_clean,
                progress=advance,
                run_dedup=not no_dedup,
                statements=statements,
            )
    # the analysing step's counts (the Parquet run when there was one; loading it into --db only copies)
    main_counts = result.get("parquet") or result.get("db") or {}
    summ.counts = {k: main_counts.get(k, 0) for k in ("new", "skipped", "failed")}
    summ.counts["articles"] = sum(summ.counts.values())
    summ.error_kinds = dict(main_counts.get("failure_kinds") or {})
    summ.extra = result
    summ.emit(quiet, summary)
    if not quiet:
        c = summ.counts
        typer.echo(f"{c['new']} new, {c['skipped']} skipped (already in), {c['failed']} failed", err=True)
        for kind, n in sorted(summ.error_kinds.items()):
            typer.echo(f"  failed: {n} × {kind}", err=True)


# ---------------------------------------------------------------- query and export


def _filters(
    source: str | None,
    target: str | None,
    root: str | None,
    cameo: str | None,
    since: str | None,
    until: str | None,
    modality: list[str] | None,
    limit: int | None,
) -> Any:
    from .store.query import Filters

    return Filters(
        source=source,
        target=target,
        root=root,
        cameo=cameo,
        since=since,
        until=until,
        modality=list(modality or ()),
        limit=limit,
    )


def _connect(db: Path | None, parquet: Path | None) -> Any:
    from .store.query import connect

    if (db is None) == (parquet is None):
        typer.echo("eventwire: give exactly one of --db FILE or --parquet DIR", err=True)
        raise typer.Exit(2)
    try:
        return connect(db=db, parquet=parquet)
    except Exception as e:  # missing file, locked file, not a database
        typer.echo(f"eventwire: cannot open {db or parquet}: {e}", err=True)
        raise typer.Exit(2) from e


_DB = typer.Option(None, "--db", help="DuckDB file written by eventwire ingest")
_PQ = typer.Option(None, "--parquet", help="Parquet dataset written by eventwire ingest --parquet")
_SRC = typer.Option(None, "--source", help="source actor code prefix, e.g. RUS or RUSGOV")
_TGT = typer.Option(None, "--target", help="target actor code prefix")
_ROOT = typer.Option(None, "--root", help="CAMEO root code, e.g. 02 (request)")
_CAMEO = typer.Option(None, "--cameo", help="CAMEO code prefix, e.g. 112")
_SINCE = typer.Option(None, "--since", help="events on or after YYYY-MM-DD")
_UNTIL = typer.Option(None, "--until", help="events on or before YYYY-MM-DD")
_MOD = typer.Option(
    None,
    "--modality",
    help="asserted, reported, negated, denied, hypothetical, future, conditional, question (repeatable)",
)


@app.command()
def query(
    db: Path | None = _DB,
    parquet: Path | None = _PQ,
    source: str | None = _SRC,
    target: str | None = _TGT,
    root: str | None = _ROOT,
    cameo: str | None = _CAMEO,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    modality: list[str] | None = _MOD,
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | jsonl"),
    limit: int | None = typer.Option(None, "--limit", "-n", help="at most this many events (table default: 50)"),
) -> None:
    """Events matching the filters: a readable table, or CSV / JSON Lines on stdout."""
    import csv

    con = _connect(db, parquet)
    from .store.query import rich_table, select_events

    if fmt == "table":
        f = _filters(source, target, root, cameo, since, until, modality, limit or 50)
        from rich.console import Console

        console = Console()
        if not console.is_terminal:  # piped: a wide table rather than one squeezed into 80 columns
            console = Console(width=160)
        console.print(rich_table(con, f, title=f"events in {db or parquet}"))
        return
    f = _filters(source, target, root, cameo, since, until, modality, limit)
    cur = select_events(con, f)
    names = [d[0] for d in cur.description]
    out = sys.stdout
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(names)
        while rows := cur.fetchmany(1000):
            w.writerows(rows)
    elif fmt == "jsonl":
        while rows := cur.fetchmany(1000):
            for r in rows:
                out.write(json.dumps(dict(zip(names, r)), ensure_ascii=False, default=str) + "\n")
    else:
        typer.echo(f"eventwire query: unknown --format {fmt!r} (table, csv, jsonl)", err=True)
        raise typer.Exit(2)


@app.command()
def export(
    output: Path = typer.Argument(..., help="file to write"),
    db: Path | None = _DB,
    parquet: Path | None = _PQ,
    source: str | None = _SRC,
    target: str | None = _TGT,
    root: str | None = _ROOT,
    cameo: str | None = _CAMEO,
    since: str | None = _SINCE,
    until: str | None = _UNTIL,
    modality: list[str] | None = _MOD,
    fmt: str = typer.Option(
        "csv", "--format", "-f", help="csv | jsonl | parquet | gdelt (GDELT 2.0-style events TSV, see docs/storage.md)"
    ),
    merged: bool = typer.Option(
        False, "--merged", help="export merged_events (one row per event across articles) instead"
    ),
    limit: int | None = typer.Option(None, "--limit", "-n"),
) -> None:
    """Write the filtered events to a file as CSV, JSON Lines, Parquet or GDELT-style TSV."""
    from .store.query import export as do_export

    if fmt not in ("csv", "jsonl", "parquet", "gdelt"):
        typer.echo(f"eventwire export: unknown --format {fmt!r}", err=True)
        raise typer.Exit(2)
    con = _connect(db, parquet)
    n = do_export(con, _filters(source, target, root, cameo, since, until, modality, limit), fmt, output, merged=merged)
    typer.echo(f"{n} rows → {output}", err=True)


# ---------------------------------------------------------------- serve


@app.command()
def serve(
    db: Path | None = typer.Option(
        None, "--db", help="DuckDB file written by eventwire ingest (none: only the extract endpoint)"
    ),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """The HTTP API and dashboard over a store (docs/http-api.md)."""
    from . import api

    api.serve(str(db) if db else None, host=host, port=port)  # type: ignore[arg-type]


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    app()
