"""Cross-article dedup on BASIL: one news event told by three outlets (same triplet-uuid).

Why: merged events should join tellings of one event across outlets (and only those), and
syndicated copies should be recognised as one story. BASIL gives three independently written
articles per event; for copies, the benchmark adds a lightly edited wire-style copy of some articles
under another outlet name and checks that exactly those are grouped.

    .venv/bin/python benchmarks/dedup.py [--copies 30] [--jobs N] [--keep DB]

Figures:
- copies: precision/recall of "same story" pairs (the added copies are the only true pairs);
- merged events spanning ≥ 2 articles: share whose articles all come from one BASIL triplet
  (precision), and share of triplets with at least one event merged across ≥ 2 of its outlets;
- num_sources / num_articles of cross-article merged events.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "basil" / "articles"


def load() -> list[dict]:
    recs = []
    for p in sorted(DATA.rglob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        paras = [" ".join(par) if isinstance(par, list) else str(par) for par in d.get("body-paragraphs", [])]
        recs.append(
            {
                "id": p.stem,
                "text": "\n\n".join(paras),
                "published": d.get("date"),
                "outlet": d.get("source"),
                "title": d.get("title"),
                "url": d.get("url"),
                "_triplet": d.get("triplet-uuid"),
            }
        )
    return recs


def wire_copy(rec: dict, rnd: random.Random) -> dict:
    """A syndicated copy: dateline and credit added, a paragraph dropped, under another outlet."""
    paras = rec["text"].split("\n\n")
    if len(paras) > 3:
        del paras[rnd.randrange(1, len(paras))]
    text = "WASHINGTON (Wire) — " + "\n\n".join(paras) + "\n\nCopyright the wire service. All rights reserved."
    return {**rec, "id": rec["id"] + "-copy", "text": text, "outlet": "wire-" + rec["outlet"], "_copy_of": rec["id"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=30)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--keep", type=Path, default=None, help="keep the DuckDB file here")
    a = ap.parse_args()

    from eventwire.run import ingest_duckdb
    from eventwire.store.duckdb import DuckStore

    recs = load()
    rnd = random.Random(11)
    copies = [wire_copy(r, rnd) for r in rnd.sample(recs, min(a.copies, len(recs)))]
    allrecs = recs + copies
    triplet = {r["id"]: r["_triplet"] for r in allrecs}
    work = Path(tempfile.mkdtemp(prefix="ew-dedup-"))
    src = work / "basil.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for r in allrecs:
            f.write(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}) + "\n")
    db = a.keep or work / "basil.duckdb"
    summary = ingest_duckdb([str(src)], db, jobs=a.jobs or None)
    print(
        f"{len(recs)} BASIL articles + {len(copies)} wire copies: {summary['new']} stored, {summary['failed']} failed;"
        f" {summary['dedup']['stories']} stories, {summary['dedup']['events']} events → {summary['dedup']['merged_events']} merged"
    )

    with DuckStore(db, read_only=True) as s:
        story = dict(s.con.execute("SELECT article_id, story_id FROM article_stories").fetchall())
        merged = s.con.execute(
            "SELECT article_ids, num_sources, num_articles, num_stories, num_mentions "
            "FROM merged_events WHERE len(article_ids) >= 2"
        ).fetchall()

    true_pairs = {frozenset((c["id"], c["_copy_of"])) for c in copies}
    groups: dict[str, list[str]] = {}
    for aid, sid in story.items():
        groups.setdefault(sid, []).append(aid)
    found_pairs = {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}
    tp = len(found_pairs & true_pairs)
    p = tp / len(found_pairs) if found_pairs else 1.0
    r = tp / len(true_pairs) if true_pairs else 1.0
    print(
        f"syndicated copies: {len(found_pairs)} pairs found, {len(true_pairs)} true; precision {p:.3f} recall {r:.3f}"
    )

    # only merges across independently written articles count here (an article and its copy is trivial)
    cross = [m for m in merged if len({i.removesuffix("-copy") for i in m[0]}) >= 2]
    same = sum(1 for ids, *_ in cross if len({triplet[i] for i in ids}) == 1)
    covered = {triplet[ids[0]] for ids, *_ in cross if len({triplet[i] for i in ids}) == 1}
    n_trip = len({r["_triplet"] for r in recs})
    prec = same / len(cross) if cross else 0.0
    print(
        f"merged events across ≥2 independent articles: {len(cross)}; all from one triplet: {same} ({100 * prec:.1f}%)"
    )
    print(
        f"triplets with an event merged across ≥2 of their outlets: {len(covered)} of {n_trip} ({100 * len(covered) / n_trip:.1f}%)"
    )
    if cross:
        avg = lambda k: sum(m[k] for m in cross) / len(cross)  # noqa: E731
        print(
            f"cross-article merged events: mean num_sources {avg(1):.2f}, num_articles {avg(2):.2f}, "
            f"num_stories {avg(3):.2f}, num_mentions {avg(4):.2f}"
        )
    print(
        f"RESULT dedup copy_p={p:.3f} copy_r={r:.3f} merge_same_triplet={prec:.3f} "
        f"triplet_coverage={len(covered) / n_trip:.3f} merged_cross={len(cross)}"
    )


if __name__ == "__main__":
    main()
