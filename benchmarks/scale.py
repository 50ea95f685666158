"""Throughput and peak memory: 1 process, 2 processes, Dask with 2 workers; memory at 500 vs 5,000.

Why: issue 6 asks that two processes give ≥ 1.7× one, Dask with two local workers ≥ 1.6×, and
that peak memory at 5,000 articles stays within 10% of that at 500 (streaming, not accumulating).
Each configuration runs the real CLI as a subprocess; memory is the peak of the summed RSS of the
whole process tree (main + workers), sampled every 0.1 s; throughput is articles / wall seconds of
the whole command (start-up included). On a shared machine wall-clock ratios mean little, so CPU
seconds of the whole tree and of the main process are recorded too, and the speed-up to expect on
idle cores is derived from them (see ``idle_speedup``).

    .venv/bin/python benchmarks/scale.py [--limit 5000] [--small 500] [--only 1,2,dask,mem]

Results are printed and appended to benchmarks/results/scale.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data" / "wikinews-politics" / "politics.jsonl"
EW = [sys.executable, "-m", "eventwire.cli"]
ENV = dict(os.environ)


def run(cmd: list[str]) -> dict:
    """Wall time, peak summed RSS (MiB) and CPU seconds of ``cmd`` and all its children.

    CPU seconds matter on a shared machine: wall-clock speed-ups are meaningless when other jobs
    hold the cores, but the CPU a run consumes, and how much of it the main process spends
    (the serial part), say what the run would do on idle cores.
    """
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=ENV)
    peak = 0
    main_cpu = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, main_cpu
        try:
            p = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            try:
                rss = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                peak = max(peak, rss)
                ct = p.cpu_times()
                main_cpu = ct.user + ct.system
            except psutil.Error:
                pass
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    th.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall_s": round(wall, 2),
        "peak_mib": round(peak / 2**20, 1),
        "cpu_s": round(cpu, 1),
        "main_cpu_s": round(main_cpu, 1),
        "load": round(os.getloadavg()[0], 1),
    }


def idle_speedup(one: dict, many: dict, n: int) -> float:
    """Speed-up to expect on ``n`` idle cores: one process's CPU over the larger of the parallel
    run's CPU spread over n cores and its main process's own (serial) CPU."""
    return one["cpu_s"] / max(many["cpu_s"] / n, many["main_cpu_s"])


def subset(n: int, work: Path) -> Path:
    out = work / f"first{n}.jsonl"
    with DATA.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--small", type=int, default=500)
    ap.add_argument("--only", default="1,2,dask,mem", help="any of 1, 2, p1 (parquet ingest, 1 process), dask, mem")
    ap.add_argument(
        "--snapshot",
        action="store_true",
        help="run a frozen copy of the committed code (git HEAD): other people's edits in the working tree "
        "cannot change the code between configurations",
    )
    return ap.parse_args()


def main() -> None:
    a = parse_args()
    only = set(a.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="ew-scale-"))
    if a.snapshot:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        subprocess.run(f"git archive HEAD src | tar -x -C {work}", shell=True, cwd=ROOT, check=True)
        ENV["PYTHONPATH"] = str(work / "src")
        print(f"code: snapshot of {head}", flush=True)
    big = subset(a.limit, work)
    rows = []

    def record(name: str, n: int, res: dict) -> dict:
        res = {"config": name, "articles": n, **res, "articles_per_s": round(n / res["wall_s"], 2)}
        print(json.dumps(res), flush=True)
        rows.append(res)
        return res

    try:
        extract = [*EW, "extract", "--no-clean", "-q", "-o", os.devnull]
        r1 = r2 = p1 = None
        if "1" in only:
            r1 = record("extract --jobs 1", a.limit, run([*extract, "--jobs", "1", str(big)]))
        if "mem" in only:
            small = subset(a.small, work)
            m_small = record("memory extract --jobs 1", a.small, run([*extract, "--jobs", "1", str(small)]))
            m_big = r1 or record("memory extract --jobs 1", a.limit, run([*extract, "--jobs", "1", str(big)]))
            print(
                f"peak memory {a.small}: {m_small['peak_mib']} MiB, {a.limit}: {m_big['peak_mib']} MiB "
                f"({100 * (m_big['peak_mib'] / m_small['peak_mib'] - 1):+.1f}%)"
            )
        if "2" in only:
            r2 = record("extract --jobs 2", a.limit, run([*extract, "--jobs", "2", str(big)]))
        if "p1" in only:
            p1 = record(
                "ingest --parquet --jobs 1",
                a.limit,
                run([*EW, "ingest", "--no-clean", "-q", "--parquet", str(work / "pq1"), "--jobs", "1", str(big)]),
            )
        if "dask" in only:
            p1 = p1 or r1
            d2 = record(
                "ingest --parquet --dask local:2",
                a.limit,
                run([*EW, "ingest", "--no-clean", "-q", "--parquet", str(work / "pqd"), "--dask", "local:2", str(big)]),
            )
            print(
                f"Dask 2 workers / 1 process ({p1['config']}): wall {p1['wall_s'] / d2['wall_s']:.2f}×, "
                f"on 2 idle cores ≈ {idle_speedup(p1, d2, 2):.2f}× (CPU {p1['cpu_s']} s vs {d2['cpu_s']} s, "
                f"client {d2['main_cpu_s']} s)"
            )
        if r1 and r2:
            print(
                f"2 processes / 1 process (extract): wall {r1['wall_s'] / r2['wall_s']:.2f}×, "
                f"on 2 idle cores ≈ {idle_speedup(r1, r2, 2):.2f}× (CPU {r1['cpu_s']} s vs {r2['cpu_s']} s, "
                f"main {r2['main_cpu_s']} s)"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
        save_rows(rows)


def save_rows(rows: list[dict]) -> None:
    """Append this run's rows, with the time, CPU count and load, to results/scale.jsonl."""
    res_dir = HERE / "results"
    res_dir.mkdir(exist_ok=True)
    with (res_dir / "scale.jsonl").open("a", encoding="utf-8") as f:
        for r in rows:
            f.write(
                json.dumps(
                    {
                        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                        "cpus": os.cpu_count(),
                        "load": os.getloadavg()[0],
                        **r,
                    }
                )
                + "\n"
            )


if __name__ == "__main__":
    main()
