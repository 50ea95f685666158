"""Where the time goes after parsing: per-stage cost against the bare spaCy parse.

Why: the `speed` task wants eventwire end to end at ≥ 0.85× the throughput of bare spaCy, so
everything after parsing (all stages, plus serialisation) must cost < ~15% of parse time. This
parses N Wikinews articles once, then times each stage on the same Docs, in CPU seconds of this
process (robust on a shared, loaded machine).

    .venv/bin/python benchmarks/speed.py [--limit 400] [--profile STAGE]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews-politics" / "politics.jsonl"


def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--profile",
        choices=["actors", "places", "events", "quotes", "json"],
        default=None,
        help="print the top functions of one stage (cProfile)",
    )
    return ap.parse_args()


def sample(data: Path, limit: int) -> list[dict]:
    """The scorer's speed-task sample: the data file's lines shuffled with seed 7, first ``limit``."""
    lines = data.read_text(encoding="utf-8").splitlines()
    random.Random(7).shuffle(lines)  # the same sample as the scorer's speed task
    recs = [json.loads(x) for x in lines[:limit]]
    return [{"id": r["id"], "text": r["text"], "published": r.get("date")} for r in recs]


def main() -> None:
    a = parse_args()
    recs = sample(a.data, a.limit)

    clock = time.process_time
    t = clock()
    from eventwire import actors, events, places, quotes
    from eventwire.ingest import prepare_article
    from eventwire.model import ArticleError, ArticleResult
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    t_load = clock() - t

    t = clock()
    arts = []
    for r in recs:
        try:
            arts.append(prepare_article(r, clean=False))
        except ArticleError:  # empty articles: the pipeline would give error lines
            pass
    t_prep = clock() - t
    t = clock()
    docs = list(nlp.pipe([x.body for x in arts], batch_size=64))
    t_parse = clock() - t

    cost = dict.fromkeys(["actors", "places", "events", "quotes", "json"], 0.0)
    prof = None
    if a.profile:
        import cProfile

        prof = cProfile.Profile()
    n_events = 0
    per_article: list[tuple[float, str, int]] = []
    for art, doc in zip(arts, docs):
        before = sum(cost.values())

        def run(stage, fn):
            nonlocal prof
            t0 = clock()
            if prof is not None and stage == a.profile:
                prof.enable()
            out = fn()
            if prof is not None and stage == a.profile:
                prof.disable()
            cost[stage] += clock() - t0
            return out

        index = run("actors", lambda: actors.find_actors(doc, art))
        found = run("places", lambda: places.find_places(doc, index))
        evs = run("events", lambda: events.find_events(doc, index, found, art.published))
        qs = run("quotes", lambda: quotes.find_quotes(doc, index))
        n_events += len(evs)
        res = ArticleResult(id=art.id, article=art, events=evs, quotes=qs, places=found)
        run("json", lambda: res.to_json())
        per_article.append((sum(cost.values()) - before, art.id, len(doc)))

    words = sum(len(x.body.split()) for x in arts)
    print(f"{len(arts)} articles, {words} words, {n_events} events; CPU seconds of this process")
    print(f"model load + imports {t_load:.2f} s; prepare (no clean) {t_prep:.2f} s; parse {t_parse:.2f} s")
    after = sum(cost.values())
    for k, v in cost.items():
        print(f"  {k:8s} {v:6.2f} s  {100 * v / t_parse:5.1f}% of parse")
    print(
        f"after parsing, all stages {after:.2f} s = {100 * after / t_parse:.1f}% of parse "
        f"(budget about 15%); projected ratio ≈ {t_parse / (t_parse + after + t_prep):.2f} before start-up costs"
    )
    print(
        "slowest articles after parsing (s, id, tokens):",
        ", ".join(f"{t:.2f} {i} {n}" for t, i, n in sorted(per_article, reverse=True)[:5]),
    )
    if prof is not None:
        import pstats

        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
