"""Actor accuracy on the PLOVER gold-standard sentences (development part in ../shared/data).

Why: the scorer checks the country of an event's source and target; this isolates the actor
side. For every gold actor we check (1) coverage: its country is among the sentence's mentions,
and (2) mapping: the token heading the gold actor text resolves to that country.

    .venv/bin/python benchmarks/actors.py [--show N]
"""
from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from eventwire.actors import resolve
from eventwire.nlp import load_nlp

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"


def gold_actors(v) -> list[tuple[str, str]]:
    if isinstance(v, (str, dict)):
        v = [v]
    out = []
    for a in v or []:
        if isinstance(a, dict) and re.fullmatch(r"[A-Z]{3}\w*", str(a.get("code", ""))):
            out.append((a.get("actorText") or "", a["code"][:3].upper()))
    return out


def country_of(a) -> str | None:
    if a is None:
        return None
    return (a.country or a.code[:3] or None) and (a.country or a.code[:3]).upper()


def head_of(doc, text: str):
    text = text.strip(" .,")
    k = doc.text.find(text) if text else -1
    if k < 0:
        return None
    span = doc.char_span(k, k + len(text), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print N misses per role")
    args = ap.parse_args()
    recs = [r for r in json.loads(DATA.read_text()) if r.get("event") != "DOCUMENT"]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in recs]))
    t_parse = time.perf_counter() - t0
    resolve(nlp("Officials in Springfield met Chinese envoys."))  # load the tables outside the timing
    t0 = time.perf_counter()
    idxs = [resolve(d) for d in docs]
    t_act = time.perf_counter() - t0
    for role in ("source", "target"):
        n = cov = mapped = mapped_loc = found = 0
        shown = 0
        for r, d, idx in zip(recs, docs, idxs):
            countries = {country_of(m) for m in idx.mentions}
            for text, iso in gold_actors(r.get(role)):
                n += 1
                cov += iso in countries
                h = head_of(d, text)
                if h is None:
                    continue
                found += 1
                ok = country_of(idx.for_token(h)) == iso
                mapped += ok
                okl = country_of(idx.for_token(h, locations=True)) == iso
                mapped_loc += okl
                if not okl and shown < args.show:
                    shown += 1
                    a = idx.for_token(h, locations=True)
                    print(f"  {role} miss: gold {iso} {text!r} head={h.text}/{h.dep_} got={a and a.code} | {r['text'][:150]}")
        pct = lambda a, b: 100.0 * a / b if b else 0.0
        print(f"{role}: gold actors {n}; country among mentions {pct(cov, n):.1f}%; "
              f"head maps to country {pct(mapped, found):.1f}% (with locations {pct(mapped_loc, found):.1f}%) of {found} found in text")
    print(f"time: parse {t_parse:.2f}s, actors {t_act:.3f}s ({100 * t_act / t_parse:.1f}% of parse) over {len(recs)} sentences")


if __name__ == "__main__":
    main()
