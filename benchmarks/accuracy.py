"""Accuracy harness for event coding: the scorer's plover / penta / police figures, in-process.

Why: iterating on the lexicon through the CLI costs a process start and a JSON round trip per
run; this calls ``eventwire.pipeline.analyse_records`` directly and reuses the independent
scorer's own helpers (../shared/eval/score.py), then prints per-type / per-class confusions.

    .venv/bin/python benchmarks/accuracy.py plover|penta|police|all [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"


def _scorer():
    spec = importlib.util.spec_from_file_location("ew_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def run(records: list[dict], clean: bool = False) -> dict[str, dict]:
    """{id: output dict} as the CLI would write it."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.pipeline import analyse_records

    t0 = time.perf_counter()
    out = {str(r.id): r.to_dict() for r in analyse_records(records, clean=clean)}
    print(f"[{len(records)} records in {time.perf_counter() - t0:.1f} s]")
    return out


def _brief(e: dict | None) -> str:
    if not e:
        return "-"
    s, t = e.get("source") or {}, e.get("target") or {}
    return f"{e['cameo']} {s.get('code')}->{t.get('code')} '{(e.get('trigger') or {}).get('text')}'"


def plover(limit: int | None, show: int) -> None:
    sc = _scorer()
    table = sc.load_cameo2plover(DATA)
    recs = [
        r
        for r in json.loads((DATA / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text())
        if r.get("event") != "DOCUMENT"
    ]
    recs = recs[:limit] if limit else recs
    got = run([{"id": r["id"], "text": r["text"]} for r in recs])
    n = len(recs)
    top1 = anytype = src_n = src_ok = tgt_n = tgt_ok = full = 0
    conf = collections.Counter()
    bad = []
    for r in recs:
        ev = got[r["id"]].get("events") or []
        gold = sc.GSR_TO_2021.get(r["event"], r["event"])
        types = [sc.plover_of(e.get("cameo"), table) for e in ev]
        pred = "|".join(sorted(types[0])) if types and types[0] else ("STATEMENT" if ev else "NONE")
        conf[(gold, pred)] += 1
        ok1 = bool(types) and gold in types[0]
        top1 += ok1
        match = [e for e, t in zip(ev, types) if gold in t]
        anytype += bool(match)
        best = match[0] if match else (ev[0] if ev else {})
        gs, gt = sc.gold_countries(r.get("source")), sc.gold_countries(r.get("target"))
        s_ok = t_ok = True
        if gs:
            src_n += 1
            s_ok = sc.actor_country(best.get("source")) in gs
            src_ok += s_ok
        if gt:
            tgt_n += 1
            t_ok = sc.actor_country(best.get("target")) in gt
            tgt_ok += t_ok
        full += bool(match) and s_ok and t_ok
        if not (ok1 and s_ok and t_ok):
            flag = "" if match else "!"  # '!': the gold type is among none of the sentence's events
            also = f" all {[e.get('cameo') for e in ev]}" if flag else ""
            bad.append(
                f"{flag}{gold:<10} got {pred:<10} {_brief(ev[0] if ev else None)}{also} | src {sorted(gs)} tgt {sorted(gt)} | {r['text'][:150]}"
            )
    by_gold = collections.defaultdict(collections.Counter)
    for (g, p), v in conf.items():
        by_gold[g][p] += v
    for g, cnt in sorted(by_gold.items()):
        tot = sum(cnt.values())
        print(f"  {g:<11} {cnt[g]:>3}/{tot:<3}  wrong: {', '.join(f'{p}:{v}' for p, v in cnt.most_common() if p != g)}")
    for line in bad[:show]:
        print("  x", line)

    def pct(a: float, b: float) -> float:
        return 100.0 * a / b if b else 0.0

    print(
        f"RESULT plover top1={pct(top1, n):.1f} type_any={pct(anytype, n):.1f} source={pct(src_ok, src_n):.1f} target={pct(tgt_ok, tgt_n):.1f} full={pct(full, n):.1f} n={n}"
    )


def penta(limit: int | None, show: int) -> None:
    sc = _scorer()
    f = DATA / "conflibert-cameo" / "cameo_class" / "train.tsv"
    rows = [line.rsplit("\t", 1) for line in f.read_text().splitlines() if "\t" in line]
    rows = rows[:limit] if limit else rows
    got = run([{"id": f"p{i}", "text": t} for i, (t, _) in enumerate(rows)])
    conf = collections.Counter()
    ok = 0
    bad = []
    for i, (t, lab) in enumerate(rows):
        ev = got[f"p{i}"].get("events") or []
        pred = sc.penta_of(ev[0].get("cameo")) if ev else None
        conf[(int(lab), pred)] += 1
        ok += pred == int(lab)
        if pred != int(lab):
            bad.append(f"gold {lab} got {pred} {_brief(ev[0] if ev else None)} | {t[:150]}")
    f1s = []
    for c in range(5):
        tp = conf[(c, c)]
        fp = sum(v for (g, p), v in conf.items() if p == c and g != c)
        fn = sum(v for (g, p), v in conf.items() if g == c and p != c)
        P = tp / (tp + fp) if tp + fp else 0
        R = tp / (tp + fn) if tp + fn else 0
        f1s.append(2 * P * R / (P + R) if P + R else 0)
        print(
            f"  class {c}: P {P:.3f} R {R:.3f} F1 {f1s[-1]:.3f}   predicted as: "
            + " ".join(f"{p}:{conf[(c, p)]}" for p in (0, 1, 2, 3, 4, None))
        )
    for line in bad[:show]:
        print("  x", line)
    print(f"RESULT penta accuracy={ok / len(rows):.4f} macro_f1={sum(f1s) / 5:.4f} n={len(rows)}")


def police(limit: int | None, show: int) -> None:
    sc = _scorer()
    d = DATA / "india-police-events"
    meta = {
        json.loads(line)["doc_id"]: json.loads(line)
        for line in (d / "metadata.jsonl").read_text().splitlines()
        if line.strip()
    }
    sents = collections.defaultdict(list)
    for line in (d / "sents.jsonl").read_text().splitlines():
        if line.strip():
            s = json.loads(line)
            sents[s["doc_id"]].append(s)
    ids = sorted(meta)[:limit] if limit else sorted(meta)
    got = run([{"id": str(i), "text": meta[i]["full_text"], "published": meta[i].get("date")} for i in ids])
    LABS = ["KILL", "ARREST", "FORCE", "ANY_ACTION"]
    tp = collections.Counter()
    fp = collections.Counter()
    fn = collections.Counter()
    bad = []
    for i in ids:
        text = meta[i]["full_text"]
        pos = 0
        spans = []
        for s in sorted(sents[i], key=lambda s: s["sent_id"]):
            k = text.find(s["sent_text"].strip(), pos)
            k = pos if k < 0 else k
            spans.append((k, k + len(s["sent_text"].strip()), set(s["sent_labels"])))
            pos = max(pos, k)
        pred = [set() for _ in spans]
        why = [[] for _ in spans]
        for e in got[str(i)].get("events") or []:
            st = (e.get("evidence") or {}).get("start")
            if st is None:
                continue
            for j, (a, b, _) in enumerate(spans):
                if a <= st < max(b, a + 1):
                    pred[j] |= sc.police_labels(e)
                    why[j].append(_brief(e))
                    break
        for (a, b, g), p, w in zip(spans, pred, why):
            for L in LABS:
                tp[L] += L in g and L in p
                fp[L] += L in p and L not in g
                fn[L] += L in g and L not in p
            if (g & {"KILL", "ARREST", "FORCE"}) != (p & {"KILL", "ARREST", "FORCE"}):
                bad.append(f"gold {sorted(g)} got {sorted(p)} {w[:2]} | {text[a:b][:140]!r}")
            elif ("ANY_ACTION" in g) != ("ANY_ACTION" in p):
                bad.append(f"any: gold {sorted(g)} got {sorted(p)} {w[:3]} | {text[a:b][:140]!r}")
    out = []
    for L in LABS:
        P = tp[L] / (tp[L] + fp[L]) if tp[L] + fp[L] else 0
        R = tp[L] / (tp[L] + fn[L]) if tp[L] + fn[L] else 0
        F = 2 * P * R / (P + R) if P + R else 0
        print(f"  {L:<11} P {P:.3f} R {R:.3f} F1 {F:.3f}  (gold {tp[L] + fn[L]})")
        out.append(f"{L.lower()}_f1={F:.3f}")
    for line in bad[:show]:
        print("  x", line)
    print(f"RESULT police {' '.join(out)} docs={len(ids)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("task", choices=["plover", "penta", "police", "all"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    ap.add_argument("--no-dedup", action="store_true", help="keep every sentence's events (diagnosis only)")
    a = ap.parse_args()
    if a.no_dedup:
        sys.path.insert(0, str(ROOT / "src"))
        from eventwire.events import article as events_article

        events_article.MERGE_MENTIONS = False
    for name in ["plover", "penta", "police"] if a.task == "all" else [a.task]:
        globals()[name](a.limit, a.show)


if __name__ == "__main__":
    main()
