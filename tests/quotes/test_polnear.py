"""A floor on a slice of PolNeAR's dev gold (needs ../shared data)."""

from __future__ import annotations

from eventwire.quotes import find_quotes


def test_polnear_dev_floor(nlp, shared_data):
    """A floor on a slice of the dev gold (content overlap ≥ 0.3, as the scorer counts it)."""
    import re

    word = re.compile(r"\w+")
    d = shared_data / "polnear" / "dev"
    texts = sorted((d / "text").glob("*.txt"))[:8]
    tp = n_gold = n_pred = 0
    for t in texts:
        anns = sorted((d / "attributions").glob(t.stem + "_*.ann"))
        if not anns:
            continue
        text = t.read_text()
        spans = {}
        gold = []
        for line in anns[0].read_text().splitlines():
            if line.startswith("T"):
                tid, mid = line.split("\t")[:2]
                typ, rest = mid.split(" ", 1)
                spans[tid] = (typ, [tuple(map(int, p.split())) for p in rest.split(";")])
            elif line.startswith("E"):
                rel = dict(kv.split(":") for kv in line.split("\t")[1].split())
                if rel.get("Content") in spans:
                    gold.append({a + m.start() for a, b in spans[rel["Content"]][1] for m in word.finditer(text[a:b])})
        preds = [
            {q.content.start + m.start() for m in word.finditer(q.content.text)} for q in find_quotes(nlp(text), None)
        ]
        n_gold += len(gold)
        n_pred += len(preds)
        used = set()
        for g in gold:
            best = max(
                ((len(g & p) / max(len(g), len(p)), j) for j, p in enumerate(preds) if j not in used and p),
                default=(0, None),
            )
            if best[1] is not None and best[0] >= 0.3:
                tp += 1
                used.add(best[1])
    assert tp / n_pred > 0.7 and tp / n_gold > 0.35
