"""How far apart PolNeAR's own annotators are, under the quotes scorer's metric, and where the
quote finder stands on the same articles.

Why: ``score.py quotes`` compares the finder with one annotator per article. Some articles
were annotated by several people (``<article>_<annotator>.ann``). Scoring each of them against
each other, with the scorer's own matching (content overlap of word starts / max length, one
prediction per gold relation, speaker overlap), gives the agreement between people on the same
task. This is the ceiling that a single-annotator score can be read against.

    .venv/bin/python benchmarks/quotes_agreement.py [--splits annotator-training,train,dev]

Prints, per split and over all of them: the number of articles with at least two annotators,
the annotators' pairwise P/R/F1 at overlap 0.3 and 0.8 and their speaker agreement, and the
finder against every annotator of the same articles. Nothing from the corpus is written.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_places import DATA, greedy_match, scorer

#: tp, fp, fn, speakers matched, matched relations with a gold speaker
Tally = list[int]


def match(sc, text: str, gold: list[dict], pred: list[dict], theta: float) -> Tally:
    """The scorer's matching of ``pred`` relations against ``gold`` ones (both as BRAT reads them)."""
    G = [(sc.tokset(text, g["content"]), sc.tokset(text, g["source"])) for g in gold if g["content"]]
    P = [(sc.tokset(text, g["content"]), sc.tokset(text, g["source"])) for g in pred if g["content"]]
    taken = greedy_match([g[0] for g in G], [p[0] for p in P], theta)
    tp = sum(j is not None for j in taken)
    with_source = [(gs, P[j][1]) for (_, gs), j in zip(G, taken) if j is not None and gs]
    ok = sum(bool(gs & ps) for gs, ps in with_source)
    return [tp, len(P) - tp, len(G) - tp, ok, len(with_source)]


def line(name: str, t: Tally) -> str:
    tp, fp, fn, ok, n = t
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<34} P {p:.3f} R {r:.3f} F1 {f:.3f}  speaker {ok / n if n else 0:.3f}"


def as_relations(quotes) -> list[dict]:
    """The finder's quotes in the shape BRAT relations are read in."""
    out = []
    for q in quotes:
        s = q.speaker
        src = [(s["start"], s["end"])] if s and s.get("start") is not None else []
        out.append({"content": [(q.content.start, q.content.end)], "source": src})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", default="annotator-training,train,dev")
    a = ap.parse_args()
    from eventwire.nlp import load_nlp
    from eventwire.quotes import find_quotes

    sc = scorer()
    nlp = load_nlp()
    total: dict[tuple[str, float], Tally] = defaultdict(lambda: [0] * 5)
    for split in a.splits.split(","):
        d = DATA / "polnear" / split
        by_article = defaultdict(list)
        for f in sorted((d / "attributions").glob("*.ann")):
            by_article[f.stem.rsplit("_", 1)[0]].append(f)
        multi = {k: v for k, v in by_article.items() if len(v) >= 2}
        if not multi:
            continue
        tallies: dict[tuple[str, float], Tally] = defaultdict(lambda: [0] * 5)
        for stem, files in multi.items():
            text = (d / "text" / f"{stem}.txt").read_text()
            rels = [sc.brat(f) for f in files]
            found = as_relations(find_quotes(nlp(text), None))
            for theta in (0.3, 0.8):
                for i, j in itertools.permutations(range(len(rels)), 2):
                    tallies["people", theta] = [
                        x + y for x, y in zip(tallies["people", theta], match(sc, text, rels[i], rels[j], theta))
                    ]
                for r in rels:
                    tallies["finder", theta] = [
                        x + y for x, y in zip(tallies["finder", theta], match(sc, text, r, found, theta))
                    ]
        n_ann = sum(len(v) for v in multi.values())
        print(f"{split}: {len(multi)} articles, {n_ann} annotations")
        for (who, theta), t in sorted(tallies.items(), key=lambda kv: (kv[0][1], kv[0][0] != "people")):
            label = "annotator vs annotator" if who == "people" else "finder vs each annotator"
            print("  " + line(f"{label} (overlap {theta})", t))
            total[who, theta] = [x + y for x, y in zip(total[who, theta], t)]
    print("all splits:")
    for (who, theta), t in sorted(total.items(), key=lambda kv: (kv[0][1], kv[0][0] != "people")):
        label = "annotator vs annotator" if who == "people" else "finder vs each annotator"
        print("  " + line(f"{label} (overlap {theta})", t))


if __name__ == "__main__":
    main()
