"""Score quotes (PolNeAR dev) and places (GeoWebNews) in-process, without the CLI.

Why: iterating on the quote and place finders through ``eventwire extract`` re-parses every
article each time; this harness applies the same scoring rules as ``../shared/eval/score.py``
(its own helper functions are imported from there) to ``pipeline.analyse`` output, and can
cache the parsed Docs between runs (``--cache DIR``).

    .venv/bin/python benchmarks/quotes_places.py places [--limit N] [--cache /tmp/ewcache] [--errors N]
    .venv/bin/python benchmarks/quotes_places.py quotes [--limit N] [--cache /tmp/ewcache] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def scorer():
    spec = importlib.util.spec_from_file_location("ew_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def analyse_texts(recs: list[dict], cache: Path | None):
    """ArticleResults for records ({id, text}), taking text exactly as given (no cleaning)."""
    from spacy.tokens import DocBin

    from eventwire.ingest import prepare_article
    from eventwire.nlp import load_nlp, pipeline_key
    from eventwire.pipeline import analyse

    nlp = load_nlp()
    arts = [prepare_article(r, clean=False) for r in recs]
    bodies = [a.body for a in arts]
    docs = None
    # the texts and the pipeline name the cache
    key = hashlib.sha1(("\x00".join(bodies) + pipeline_key(nlp)).encode()).hexdigest()[:16]
    path = cache / f"{key}.spacy" if cache else None
    if path and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    if docs is None:
        t = time.perf_counter()
        docs = list(nlp.pipe(bodies, batch_size=32))
        print(f"parsed {len(docs)} docs in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        if path:
            cache.mkdir(parents=True, exist_ok=True)
            DocBin(store_user_data=True, docs=docs).to_disk(path)
    t = time.perf_counter()
    out = [analyse(a, d) for a, d in zip(arts, docs)]
    print(f"analysed {len(out)} docs (after parsing) in {time.perf_counter() - t:.2f} s", file=sys.stderr)
    return out


def run_places(limit: int | None, cache: Path | None, errors: int) -> None:
    sc = scorer()
    root = ET.parse(DATA / "geowebnews" / "GWN.xml").getroot()
    arts = root.findall("article")[:limit] if limit else root.findall("article")
    recs, gold = [], {}
    for a in arts:
        aid = "gwn" + a.get("file")
        text = a.findtext("text") or ""
        recs.append({"id": aid, "text": text})
        gold[aid] = [
            (
                int(t.findtext("start")),
                int(t.findtext("end")),
                float(t.findtext("latitude")),
                float(t.findtext("longitude")),
                t.findtext("type"),
            )
            for t in a.find("toponyms") or []
            if t.findtext("latitude") and t.findtext("longitude")
        ]
    results = analyse_texts(recs, cache)
    tp = fp = fn = 0
    errs, fps, fns, far = [], [], [], []
    for r, res in zip(recs, results):
        P = list(res.places)
        used = set()
        for a, b, lat, lon, typ in gold[r["id"]]:
            hit = next((j for j, p in enumerate(P) if j not in used and p.start < b and a < p.end), None)
            if hit is None:
                fn += 1
                fns.append((typ, r["text"][a:b]))
                continue
            used.add(hit)
            tp += 1
            p = P[hit]
            d = sc.haversine((lat, lon), (p.lat, p.lon)) if p.lat is not None else 20038.0
            errs.append(d)
            if d > 161:
                far.append((p.text, p.name, p.country, round(d)))
        fp += len(P) - len(used)
        fps += [(P[j].text, P[j].name) for j in range(len(P)) if j not in used]
    Pp = tp / (tp + fp) if tp + fp else 0
    Rr = tp / (tp + fn) if tp + fn else 0
    F = 2 * Pp * Rr / (Pp + Rr) if Pp + Rr else 0
    acc = sum(e <= 161 for e in errs) / len(errs) if errs else 0
    med = sorted(errs)[len(errs) // 2] if errs else 0
    if errors:
        from collections import Counter

        print("FP:", Counter(fps).most_common(errors))
        print("FN:", Counter(fns).most_common(errors))
        print("FAR:", Counter(far).most_common(errors))
    print(
        f"toponyms with coordinates: P {Pp:.3f} R {Rr:.3f} F1 {F:.3f}; within 161 km {100 * acc:.1f}%, median {med:.0f} km"
    )
    print(f"RESULT places f1={F:.3f} acc161={acc:.3f} median_km={med:.0f} articles={len(recs)}")


def greedy_match(G: list[set[int]], P: list[set[int]], theta: float) -> list[int | None]:
    """For each gold content (word-start sets, in gold order), the prediction it takes, as the
    scorer matches them: the unused prediction with the largest overlap (shared words / the longer
    one's words), kept when that overlap reaches ``theta``."""
    used: set[int] = set()
    out: list[int | None] = []
    for gc in G:
        best, bj = 0.0, None
        for j, pc in enumerate(P):
            if j in used or not pc:
                continue
            ov = len(gc & pc) / max(len(gc), len(pc)) if gc else 0
            if ov > best:
                best, bj = ov, j
        if bj is not None and best >= theta:
            used.add(bj)
            out.append(bj)
        else:
            out.append(None)
    return out


def run_quotes(limit: int | None, cache: Path | None, errors: int) -> None:
    sc = scorer()
    d = DATA / "polnear"
    split = "test" if (d / "test").exists() else "dev"
    texts = sorted((d / split / "text").glob("*.txt"))
    texts = texts[:limit] if limit else texts
    recs, gold = [], {}
    for t in texts:
        anns = sorted((d / split / "attributions").glob(t.stem + "_*.ann"))
        if not anns:
            continue
        recs.append({"id": t.stem, "text": t.read_text()})
        gold[t.stem] = sc.brat(anns[0])
    results = analyse_texts(recs, cache)
    shown_fp = shown_fn = 0
    for theta in (0.3, 0.8):
        tp = fp = fn = 0
        src_ok = src_n = 0
        for r, res in zip(recs, results):
            text = r["text"]
            G = [
                (sc.tokset(text, g["content"]), sc.tokset(text, g["source"]), g) for g in gold[r["id"]] if g["content"]
            ]
            P = []
            for q in res.quotes:
                sp = (
                    [(q.speaker["start"], q.speaker["end"])] if q.speaker and q.speaker.get("start") is not None else []
                )
                P.append((sc.tokset(text, [(q.content.start, q.content.end)]), sc.tokset(text, sp), q))
            taken = greedy_match([g[0] for g in G], [p[0] for p in P], theta)
            used = {j for j in taken if j is not None}
            for (gc, gs, g), bj in zip(G, taken):
                if bj is not None:
                    tp += 1
                    if gs:
                        src_n += 1
                        ok = bool(gs & P[bj][1])
                        src_ok += ok
                        if not ok and theta == 0.3 and errors and shown_fn < errors:
                            shown_fn += 1
                            q = P[bj][2]
                            print(
                                f"SPK gold={[text[a:b] for a, b in g['source']]} got={q.speaker and q.speaker['text']!r} cue={q.cue and q.cue.text!r}"
                            )
                else:
                    fn += 1
                    if theta == 0.3 and errors and shown_fn < errors:
                        shown_fn += 1
                        near = max(P, key=lambda p: len(gc & p[0]) / max(len(gc), len(p[0]) or 1), default=None)
                        hint = f" NEAREST={near[2].content.text[:100]!r}" if near and gc & near[0] else ""
                        print(
                            f"FN src={[text[a:b] for a, b in g['source']]} cue={[text[a:b] for a, b in g['cue']]} content={' | '.join(text[a:b] for a, b in g['content'])[:160]!r}{hint}"
                        )
            fp += len(P) - len(used)
            if theta == 0.3 and errors:
                for j, (_, _, q) in enumerate(P):
                    if j not in used and shown_fp < errors:
                        shown_fp += 1
                        print(
                            f"FP spk={q.speaker and q.speaker['text']!r} cue={q.cue and q.cue.text!r} content={q.content.text[:160]!r}"
                        )
        Pp = tp / (tp + fp) if tp + fp else 0
        Rr = tp / (tp + fn) if tp + fn else 0
        F = 2 * Pp * Rr / (Pp + Rr) if Pp + Rr else 0
        print(
            f"content overlap >= {theta}: P {Pp:.3f} R {Rr:.3f} F1 {F:.3f}; speaker ok {src_ok}/{src_n} "
            f"= {100 * src_ok / max(src_n, 1):.1f}% ({split}, {len(recs)} articles)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("task", choices=["places", "quotes"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep parsed Docs between runs")
    ap.add_argument("--errors", type=int, default=0, help="show this many errors of each kind")
    a = ap.parse_args()
    (run_places if a.task == "places" else run_quotes)(a.limit, a.cache, a.errors)


if __name__ == "__main__":
    main()
