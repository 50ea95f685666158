"""Actor accuracy on the development data in ../shared/data.

Why: the scorer checks the country of an event's source and target; this isolates the actor side.

- PLOVER gold sentences: for every gold source/target actor, (1) coverage: its country is among
  the sentence's mentions; (2) mapping: the token heading the gold actor text resolves to that
  country (and with ``locations=True``).
- ConfliBERT cameo_ner: share of gold source/target spans in which we find an actor.
- re3d: share of Organisation/Person/Nationality entities we find, and how often an entity
  annotated only as a Location is made an actor (lower is better).
- Time of ``resolve`` against the parse of the PLOVER sentences.

    .venv/bin/python benchmarks/actors.py [--show N] [--ner N] [--re3d 0|1]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from eventwire.actors import find_actors
from eventwire.nlp import load_nlp

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DATA = SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
NER = SHARED / "conflibert-cameo" / "cameo_ner" / "train.txt"


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
    ap.add_argument("--ner", type=int, default=400, help="cameo_ner sentences to check (0: skip)")
    ap.add_argument("--re3d", type=int, default=1, help="check re3d entities (0: skip)")
    args = ap.parse_args()
    recs = [r for r in json.loads(DATA.read_text()) if r.get("event") != "DOCUMENT"]
    nlp = load_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in recs]))
    t_parse = time.perf_counter() - t0
    find_actors(nlp("Officials in Springfield met Chinese envoys."))  # load the tables outside the timing
    t0 = time.perf_counter()
    idxs = [find_actors(d) for d in docs]
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
                    print(
                        f"  {role} miss: gold {iso} {text!r} head={h.text}/{h.dep_} got={a and a.code} | {r['text'][:150]}"
                    )

        def pct(a: float, b: float) -> float:
            return 100.0 * a / b if b else 0.0

        print(
            f"{role}: gold actors {n}; country among mentions {pct(cov, n):.1f}%; "
            f"head maps to country {pct(mapped, found):.1f}% (with locations {pct(mapped_loc, found):.1f}%) of {found} found in text"
        )
    if args.re3d and (SHARED / "re3d").is_dir():
        re3d_check(nlp, args.show)
    if args.ner and NER.exists():
        ner_recall(nlp, args.ner, args.show)
    print(
        f"time: parse {t_parse:.2f}s, actors {t_act:.3f}s ({100 * t_act / t_parse:.1f}% of parse) over {len(recs)} sentences"
    )


def conll_sentences(path: Path, limit: int):
    """(text, [(tag, char start, char end)]) per sentence of a CoNLL BIO file over S/T/R spans."""
    out, toks = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            w, _, tag = line.rpartition(" ")
            toks.append((w, tag))
            continue
        if toks:
            text, spans, cur = "", [], None
            for w, tag in toks:
                start = len(text) + (1 if text else 0)
                text = (text + " " + w) if text else w
                if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
                    cur = [tag[2:], start, start + len(w)]
                    spans.append(cur)
                elif tag.startswith("I-") and cur is not None:
                    cur[2] = start + len(w)
                else:
                    cur = None
            out.append((text, [tuple(x) for x in spans]))
            toks = []
        if len(out) >= limit:
            break
    return out


def ner_recall(nlp, limit: int, show: int) -> None:
    """Share of gold source/target spans (ConfliBERT cameo_ner) in which we find an actor."""
    sents = conll_sentences(NER, limit)
    docs = nlp.pipe([t for t, _ in sents])
    n = {"S": 0, "T": 0, "R": 0}
    hit = {"S": 0, "T": 0, "R": 0}
    shown = 0
    for (text, spans), doc in zip(sents, docs):
        idx = find_actors(doc)
        for tag, a, b in spans:
            sp = doc.char_span(a, b, alignment_mode="expand")
            if sp is None or tag not in n:
                continue
            n[tag] += 1
            ok = bool(idx.for_span(sp)) or idx.for_token(sp.root, locations=True) is not None
            hit[tag] += ok
            if not ok and shown < show:
                shown += 1
                print(f"  {tag} no actor: {sp.text!r} | {text[:120]}")
    print(
        "cameo_ner spans with an actor: " + "  ".join(f"{k} {100.0 * hit[k] / n[k]:.1f}% of {n[k]}" for k in n if n[k])
    )


def re3d_check(nlp, show: int) -> None:
    """re3d (Dstl): recall of Organisation/Person/Nationality entities among our mentions, and how
    often an entity annotated only as a Location is made an actor (should be rare)."""
    root = SHARED / "re3d"
    docs, ents = {}, {}
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        for line in (sub / "documents.json").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d["_id"]] = d["text"]
        for line in (sub / "entities.json").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                e = json.loads(line)
                ents.setdefault(e["documentId"], []).append(e)
    ids = [i for i in docs if i in ents]
    n = hit = nloc = loc_actor = 0
    shown = 0
    for i, doc in zip(ids, nlp.pipe([docs[i] for i in ids])):
        idx = find_actors(doc)
        spans = [(m.start, m.end) for m in idx.mentions]
        actorish = {(e["begin"], e["end"]) for e in ents[i] if e["type"] in ("Organisation", "Person", "Nationality")}
        for e in ents[i]:
            b, k = e["begin"], e["end"]
            over = any(s < k and b < t for s, t in spans)
            if e["type"] in ("Organisation", "Person", "Nationality"):
                n += 1
                hit += over
                if not over and shown < show:
                    shown += 1
                    print(f"  re3d {e['type']} not found: {e['value']!r}")
            elif e["type"] == "Location" and (b, k) not in actorish:
                nloc += 1
                loc_actor += any(s <= b and k <= t for s, t in spans if t - s <= (k - b) + 12)
    print(
        f"re3d: Organisation/Person/Nationality found {100.0 * hit / n:.1f}% of {n}; "
        f"Location-only entities made actors {100.0 * loc_actor / nloc:.1f}% of {nloc}"
    )


if __name__ == "__main__":
    main()
