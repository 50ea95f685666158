"""Where the news-events records go wrong: each gold event's nearest record, by failure level.

Why: ``score.py news`` gives one F1 per level; this says which level fails (no record in the
sentence, wrong CAMEO root, wrong source country, wrong target country) and lists the records
that match no gold event, by root, so work goes to the general cause.

    .venv/bin/python benchmarks/news_errors.py            # counts only
    .venv/bin/python benchmarks/news_errors.py --show 20  # and examples of each failure
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path
from typing import Any

import eventwire

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-events" / "gold.jsonl"


def country(code: Any) -> str:
    """The scorer's actor key: an IGO body by its first six letters, else the country."""
    c = str(code or "").upper()
    return c[:6] if c.startswith("IGO") else c[:3]


def in_sentence(e: dict[str, Any], a: int, b: int) -> bool:
    """The scorer's rule: the evidence (or a merged mention) lies mostly inside the gold sentence."""
    spans = [e["evidence"], *(e.get("mentions") or [])]
    return any(min(b, s["end"]) - max(a, s["start"]) >= 0.5 * (s["end"] - s["start"]) for s in spans if s)


def verdict(g: dict[str, Any], cands: list[dict[str, Any]]) -> tuple[str, dict[str, Any] | None]:
    """The failure level of one gold event against the records of its sentence."""
    if not cands:
        return "no record in sentence", None
    same_root = [e for e in cands if str(e["cameo"])[:2] == g["cameo"][:2]]
    if not same_root:
        return "wrong root", cands[0]
    for e in same_root:
        src_ok = not g.get("source") or (
            e.get("source") and country(e["source"]["code"]) == country(g["source"]["code"])
        )
        tgt_ok = not g.get("target") or (
            e.get("target") and country(e["target"]["code"]) == country(g["target"]["code"])
        )
        if src_ok and tgt_ok:
            return "right", e
    e = same_root[0]
    src_ok = not g.get("source") or (e.get("source") and country(e["source"]["code"]) == country(g["source"]["code"]))
    return ("wrong target" if src_ok else "wrong source"), e


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--show", type=int, default=0, help="examples to print per failure level")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
    records = [{k: r.get(k) for k in ("id", "text", "title", "published")} for r in rows]
    levels: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    matched: set[tuple[str, int]] = set()
    phantom_roots: collections.Counter[str] = collections.Counter()
    n_pred = 0
    for r, res in zip(rows, eventwire.extract_batch(records, clean=False)):
        events = [e for e in res.to_dict()["events"] if str(e["cameo"])[:2] not in ("", "01")]
        n_pred += len(events)
        for g in r["events"]:
            a = r["text"].find(g["sentence"])
            cands = [e for e in events if in_sentence(e, a, a + len(g["sentence"]))]
            level, e = verdict(g, cands)
            levels[level] += 1
            if e is not None and level == "right":
                matched.add((r["id"], events.index(e)))
            if len(examples[level]) < args.show:
                got = (
                    f"{e['cameo']} {e['source'] and e['source']['code']} -> {e['target'] and e['target']['code']}"
                    if e
                    else "-"
                )
                gsrc, gtgt = (g.get("source") or {}).get("code"), (g.get("target") or {}).get("code")
                examples[level].append(f"  gold {g['cameo']} {gsrc} -> {gtgt} | got {got} | {g['sentence'][:140]}")
        for j, e in enumerate(events):
            if (r["id"], j) not in matched:
                phantom_roots[str(e["cameo"])[:2]] += 1
    total = sum(levels.values())
    print(f"gold events {total}; records (roots 02-20) {n_pred}")
    for level, n in levels.most_common():
        print(f"{level:<22} {n:4d}  {n / total:.1%}")
        for line in examples[level]:
            print(line)
    print("records matching no gold event (by the right-level test), by root:", dict(phantom_roots.most_common()))


if __name__ == "__main__":
    main()
