"""Train the quote ranker (``src/eventwire/quotes/data/ranker.json``) on PolNeAR train.

Why: which candidate report is an attribution, among the rules' records and the looser
"extra" ones, is learned from the annotated train split; the threshold and the overlap limit
are tuned on out-of-fold scores (5 folds over train articles; then one threshold per group of
finder and cue kind, by coordinate ascent from the global one), then one model is fitted on all
of train. The cue rates a train article's features read are counted on the other folds only
(cross-fitted): counted on all of train they would hold the article's own labels, and the model
would trust them more than they deserve on unseen text. Only feature names (finder kinds,
dependency labels, lemmas) and weights are written:
no text or span from the corpus. The dev split is scored at the end, never used for fitting.

    .venv/bin/python tools/train_quote_ranker.py [--cache /tmp/ewq_train] [--dev-cache /tmp/ewq_dev]
        [--l2 20] [--min-count 3] [--out F]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from build_quote_cues import count, load_docs, table  # noqa: E402
from quotes_places import greedy_match  # noqa: E402

from eventwire.quotes import candidates  # noqa: E402
from eventwire.quotes.rank import choose, featurize, group  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "quotes" / "data" / "ranker.json"
WORD = re.compile(r"\w+")


def tokset(text: str, parts) -> set[int]:
    return {a + m.start() for a, b in parts for m in WORD.finditer(text[a:b])}


class Art(NamedTuple):
    """One article's candidates: gold word sets, quotes, features, groups, labels, word sets."""

    text: str
    G: list
    quotes: list
    feats: list
    groups: list
    labels: list
    pcs: list


def prepare(items, folds: int = 0):
    """Per article: text, gold word sets, candidate quotes, their features, their threshold
    groups, their labels and word sets. With ``folds``, the cue rates an article's features read
    come from the other folds' articles only (cross-fitted), as they will for unseen text."""
    tables = None
    if folds:
        counts = [count([it]) for it in items]
        tables = []
        for k in range(folds):
            n, cue = Counter(), Counter()
            for i, (cn, cc) in enumerate(counts):
                if i % folds != k:
                    n.update(cn)
                    cue.update(cc)
            tables.append({(r[0], r[2]): (r[3], r[5]) for r in table(n, cue)})
    out = []
    for i, (text, gold, doc) in enumerate(items):
        cands = candidates(doc, None, extra=True)
        feats = featurize(doc, cands, rates=tables[i % folds] if tables else None)
        G = [tokset(text, g["content"]) for g in gold if g["content"]]
        labels, pcs = [], []
        for q, _ in cands:
            pc = tokset(text, [(q.content.start, q.content.end)])
            best = max((len(gc & pc) / max(len(gc), len(pc)) for gc in G if pc), default=0.0)
            labels.append(1.0 if best >= 0.3 else 0.0)
            pcs.append(pc)
        out.append(Art(text, G, [q for q, _ in cands], feats, [group(fs) for fs in feats], labels, pcs))
    return out


def f1(arts, probs_per_art, thr: float | dict[str, float], ov: float) -> tuple[float, float, float]:
    """The scorer's matching (overlap ≥ 0.3, one prediction per gold) on the chosen quotes
    (``thr``: one threshold, or one per group)."""
    tp = fp = fn = 0
    for art, probs in zip(arts, probs_per_art):
        G = art.G
        pos = {id(q): k for k, q in enumerate(art.quotes)}
        cut = [thr[g] for g in art.groups] if isinstance(thr, dict) else thr
        P = [art.pcs[pos[id(q)]] for q in choose(art.quotes, list(probs), cut, ov)]
        hits = sum(j is not None for j in greedy_match(G, P, 0.3))
        tp += hits
        fn += len(G) - hits
        fp += len(P) - hits
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, 2 * p * r / (p + r) if p + r else 0


def design(arts, vocab: dict[str, int]):
    """Sparse (rows, cols) and labels of every candidate of ``arts``."""
    rows, cols, ys = [], [], []
    r = 0
    for art in arts:
        for fs, y in zip(art.feats, art.labels):
            for x in fs:
                k = vocab.get(x)
                if k is not None:
                    rows.append(r)
                    cols.append(k)
            ys.append(y)
            r += 1
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(ys)


def fit(arts, vocab: dict[str, int], l2: float, iters: int = 400) -> tuple[np.ndarray, float]:
    """L2 logistic regression by full-batch Adagrad on binary features."""
    rows_a, cols_a, y = design(arts, vocab)
    n, d = len(y), len(vocab)
    w = np.zeros(d)
    b = 0.0
    gw2 = np.full(d, 1e-8)
    gb2 = 1e-8
    lr = 0.5
    for _ in range(iters):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n) + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        gw = np.bincount(cols_a, weights=g[rows_a], minlength=d) / n + l2 * w / n
        gb = g.mean()
        gw2 += gw * gw
        gb2 += gb * gb
        w -= lr * gw / np.sqrt(gw2)
        b -= lr * gb / np.sqrt(gb2)
    return w, b


def predict(arts, vocab, w, b):
    rows, cols, y = design(arts, vocab)
    z = np.bincount(rows, weights=w[cols], minlength=len(y)) + b
    p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
    out, at = [], 0
    for art in arts:
        out.append(list(p[at : at + len(art.feats)]))
        at += len(art.feats)
    return out


def make_vocab(arts, min_count: int) -> dict[str, int]:
    c = Counter(x for art in arts for fs in art.feats for x in set(fs))
    return {x: k for k, x in enumerate(sorted(x for x, n in c.items() if n >= min_count and x != "bias"))}


def tune(arts, probs):
    best = (0.0, 0.5, 0.5)
    for thr in np.arange(0.25, 0.61, 0.05):
        for ov in (0.0, 0.5):
            f = f1(arts, probs, float(thr), ov)[2]
            if f > best[0]:
                best = (f, float(thr), ov)
    return best


def tune_groups(arts, probs, thr: float, ov: float, rounds: int = 2) -> tuple[float, dict[str, float]]:
    """One threshold per group, by coordinate ascent from the global one (a group moves only
    when F1 gains more than 1e-4)."""
    groups = sorted({g for art in arts for g in art.groups})
    th = {g: round(thr, 3) for g in groups}
    best = f1(arts, probs, th, ov)[2]
    for _ in range(rounds):
        for g in groups:
            for t in np.arange(0.2, 0.86, 0.05):
                th2 = {**th, g: round(float(t), 3)}
                f = f1(arts, probs, th2, ov)[2]
                if f > best + 1e-4:
                    best, th = f, th2
    return best, th


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/ewq_train"))
    ap.add_argument("--dev-cache", type=Path, default=Path("/tmp/ewq_dev"))
    ap.add_argument("--l2", type=float, default=20.0)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument(
        "--no-cross-rates",
        action="store_true",
        help="let train features read the cue rates counted on all of train (leaks labels)",
    )
    a = ap.parse_args()
    t0 = time.perf_counter()
    train = prepare(load_docs("train", None, a.cache), 0 if a.no_cross_rates else a.folds)
    dev = prepare(load_docs("dev", None, a.dev_cache))
    n_c = sum(len(x.quotes) for x in train)
    print(
        f"candidates: train {n_c} ({sum(sum(x.labels) for x in train):.0f} positive), {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    oof: list = [None] * len(train)
    for k in range(a.folds):
        tr = [x for i, x in enumerate(train) if i % a.folds != k]
        te = [i for i in range(len(train)) if i % a.folds == k]
        vocab = make_vocab(tr, a.min_count)
        w, b = fit(tr, vocab, a.l2)
        for i, ps in zip(te, predict([train[i] for i in te], vocab, w, b)):
            oof[i] = ps
    f, thr, ov = tune(train, oof)
    fg, ths = tune_groups(train, oof, thr, ov)
    print(
        f"out-of-fold train F1 {f:.3f} at threshold {thr:.3f}, overlap {ov}; {fg:.3f} with group thresholds {ths}",
        file=sys.stderr,
    )
    vocab = make_vocab(train, a.min_count)
    w, b = fit(train, vocab, a.l2)
    pd = predict(dev, vocab, w, b)
    p, r, fd = f1(dev, pd, thr, ov)
    print(f"dev P {p:.3f} R {r:.3f} F1 {fd:.3f} (one threshold)", file=sys.stderr)
    p, r, fd = f1(dev, pd, ths, ov)
    print(f"dev P {p:.3f} R {r:.3f} F1 {fd:.3f} (group thresholds)", file=sys.stderr)
    weights = {x: round(float(w[k]), 4) for x, k in vocab.items() if abs(w[k]) >= 1e-3}
    a.out.write_text(
        json.dumps(
            {
                "about": "quote ranker, tools/train_quote_ranker.py, PolNeAR train; feature names and weights only",
                "bias": round(float(b), 4),
                "threshold": round(thr, 3),
                "overlap": ov,
                "thresholds": ths,
                "weights": dict(sorted(weights.items())),
            },
            indent=0,
        )
        + "\n"
    )
    print(f"wrote {len(weights)} weights to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
