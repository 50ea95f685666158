"""Bucket the quote finder's misses and false positives on PolNeAR (train by default).

Why: the quotes score moves only when the largest error classes shrink; this names them, with
counts, so work goes where it pays. It scores ``find_quotes`` output exactly as
``../shared/eval/score.py`` does (overlap of word starts / max length, one prediction per gold),
on Docs parsed once and cached (``--cache``). Nothing from the corpus is written to disk; with
``--show BUCKET`` examples are printed to the terminal only.

    .venv/bin/python benchmarks/quotes_errors.py [--split train|dev] [--cache /tmp/ewq_train] [--limit N]
        [--show BUCKET] [--n 20]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))  # the PolNeAR loader lives with the cue-table builder

from build_quote_cues import load_docs  # noqa: E402

from eventwire.attribution import cue_lemma  # noqa: E402
from eventwire.quotes import find_quotes  # noqa: E402
from eventwire.quotes import words as W  # noqa: E402

WORD = re.compile(r"\w+")


def tokset(text: str, parts) -> set[int]:
    s = set()
    for a, b in parts:
        for m in WORD.finditer(text[a:b]):
            s.add(a + m.start())
    return s


def cue_kind(doc, text: str, cue: list[tuple[int, int]]) -> str:
    """What kind of cue the annotators marked: a known verb, a rare verb, a noun, a phrase..."""
    if not cue:
        return "no_cue"
    a, b = cue[0]
    s = text[a:b].strip().lower()
    if s in (":", "-", "—", "–") or not WORD.search(s):
        return "punct"
    if s.startswith("according"):
        return "according"
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if verbs:
        t = verbs[-1] if verbs[-1].pos_ == "VERB" else verbs[0]
        lemma = cue_lemma(t)
        if lemma in W.SPEECH or lemma in W.learned_verb_lemmas() or lemma in W.XCOMP_CUES or lemma in W.NP_CUES:
            return "verb_known"
        return "verb_rare"
    nouns = [t for t in span if t.pos_ == "NOUN"]
    if nouns:
        lemma = nouns[-1].lemma_.lower()
        return "noun_known" if lemma in W.NOUN_CUES or lemma in W.learned_nouns() else "noun_rare"
    return "other"


def pred_kind(q) -> str:
    """Which finder made a prediction, judged from the record."""
    c = (q.cue.text if q.cue else "").lower()
    if q.cue is None:
        return "nocue"
    if c == ":":
        return "colon_or_transcript"
    if c in ("―", "—", "–"):
        return "dash"
    if c.startswith("according"):
        return "according"
    return "direct" if q.direct else "indirect"


def evaluate(items, show: str | None, n_show: int, seed: int = 0):
    tp = fp = fn = 0
    spk_ok = spk_n = 0
    fnb, fpb = Counter(), Counter()
    examples: dict[str, list[str]] = {}
    t0 = time.perf_counter()
    preds_all = [find_quotes(doc, None) for _, _, doc in items]
    dt = time.perf_counter() - t0
    for (text, gold, doc), preds in zip(items, preds_all):
        G = [(tokset(text, g["content"]), tokset(text, g["source"]), g) for g in gold if g["content"]]
        P = [
            (
                tokset(text, [(q.content.start, q.content.end)]),
                tokset(text, [(q.speaker["start"], q.speaker["end"])] if q.speaker else []),
                q,
            )
            for q in preds
        ]
        used: set[int] = set()
        gold_tok = set().union(*(g[0] for g in G)) if G else set()
        gold_cue = tokset(text, [p for g in gold for p in g["cue"]])
        for gc, gs, g in G:
            best, bj = 0.0, None
            for j, (pc, _, _) in enumerate(P):
                if j in used or not pc:
                    continue
                ov = len(gc & pc) / max(len(gc), len(pc)) if gc else 0
                if ov > best:
                    best, bj = ov, j
            if bj is not None and best >= 0.3:
                tp += 1
                used.add(bj)
                if gs:
                    spk_n += 1
                    ok = bool(gs & P[bj][1])
                    spk_ok += ok
                    if not ok:
                        key = "spk:" + pred_kind(P[bj][2])
                        fnb[key] += 1
                        examples.setdefault(key, []).append(
                            f"gold_src={[text[a:b] for a, b in g['source']]} got={P[bj][2].speaker and P[bj][2].speaker['text']!r}"
                            f" cue={P[bj][2].cue and P[bj][2].cue.text!r}"
                        )
                continue
            fn += 1
            key, near = miss_key(doc, text, g, gc, P)
            fnb[key] += 1
            examples.setdefault(key, []).append(
                f"cue={[text[a:b] for a, b in g['cue']]} src={[text[a:b] for a, b in g['source']]} "
                f"content={' | '.join(text[a:b] for a, b in g['content'])[:200]!r}"
                + (f"\n      PRED={near!r}" if near else "")
            )
        for j, (pc, _, q) in enumerate(P):
            if j in used:
                continue
            fp += 1
            key = false_positive_key(pc, q, gold_tok, gold_cue)
            fpb[key] += 1
            examples.setdefault(key, []).append(
                f"cue={q.cue and q.cue.text!r} spk={q.speaker and q.speaker['text']!r} content={q.content.text[:200]!r}"
            )
    P_ = tp / (tp + fp) if tp + fp else 0
    R_ = tp / (tp + fn) if tp + fn else 0
    F = 2 * P_ * R_ / (P_ + R_) if P_ + R_ else 0
    print(
        f"P {P_:.3f} R {R_:.3f} F1 {F:.3f}  tp {tp} fp {fp} fn {fn}  speaker {spk_ok}/{spk_n}"
        f" = {spk_ok / max(spk_n, 1):.3f}  (find_quotes {dt:.1f} s on {len(items)} docs)"
    )
    print_tallies(fnb, fpb, examples, show, n_show, seed)
    return F


def miss_key(doc, text: str, g: dict, gc: set[int], P: list) -> tuple[str, str]:
    """Why a gold content was missed (a prediction across its boundary, one taken by another
    gold, or no prediction at all by the kind of its cue), and the nearest prediction's text."""
    anyov = [(len(gc & pc) / max(len(gc), len(pc)), j) for j, (pc, _, _) in enumerate(P) if gc & pc]
    kind = cue_kind(doc, text, g["cue"])
    if anyov:
        key = "fn:boundary" if max(anyov)[0] < 0.3 else "fn:taken"
        key += ":" + pred_kind(P[max(anyov)[1]][2])
        lg, lp = len(gc), len(P[max(anyov)[1]][0])
        key += ":pred_long" if lp > lg else ":pred_short"
    else:
        key = "fn:" + kind
    near = P[max(anyov)[1]][2].content.text[:120] if anyov else ""
    return key, near


def false_positive_key(pc: set[int], q, gold_tok: set[int], gold_cue: set[int]) -> str:
    """Why a prediction matched no gold content, with the finder that made it."""
    if not pc:
        key = "fp:empty"
    elif pc & gold_tok:
        key = "fp:overlaps_used_gold" if len(pc & gold_tok) / len(pc) >= 0.3 else "fp:mostly_outside"
    elif any(q.cue and q.cue.start <= x < q.cue.end for x in gold_cue):
        key = "fp:cue_is_gold_cue"
    else:
        key = "fp:no_gold"
    return key + ":" + pred_kind(q)


def print_tallies(fnb: Counter, fpb: Counter, examples: dict[str, list[str]], show: str | None, n_show: int, seed: int):
    """The misses and false positives by cause, and a shuffled sample of one cause's examples."""
    print("misses:")
    for k, v in fnb.most_common():
        print(f"  {v:5d}  {k}")
    print("false positives:")
    for k, v in fpb.most_common():
        print(f"  {v:5d}  {k}")
    if show:
        ex = examples.get(show, [])
        random.Random(seed).shuffle(ex)
        for e in ex[:n_show]:
            print("  -", e)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", default=None, help="print examples of this bucket (terminal only)")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    items = load_docs(a.split, a.limit, a.cache)
    evaluate(items, a.show, a.n, a.seed)


if __name__ == "__main__":
    main()
