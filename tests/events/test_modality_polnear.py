"""Attribution against PolNeAR gold (dev part, a few articles): do we find who says so?

For each gold attribution relation we take the head verb of its content and ask
:func:`modality.assess` for a chain; we also check that main-clause verbs outside any gold
content are rarely given one. Run the whole dev part with ``EW_POLNEAR_ALL=1``.
"""

from __future__ import annotations

import os

from eventwire.events.modality import assess


def _relations(ann_path):
    spans, rels = {}, []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            typ, *rest = parts[1].split(" ")
            spans[parts[0]] = (typ, [tuple(map(int, x.split())) for x in " ".join(rest).split(";")])
        elif parts[0].startswith("E") and len(parts) >= 2:
            rels.append(dict(x.split(":") for x in parts[1].split()))
    return spans, rels


def _inside(i: int, offsets) -> bool:
    """Whether character ``i`` lies in one of the (start, end) spans."""
    return any(a <= i < b for a, b in offsets)


def polnear_figures(nlp, root, limit):
    texts = sorted((root / "dev" / "text").glob("*.txt"))[:limit]
    n = found = source_ok = outside = outside_found = 0
    for path in texts:
        anns = sorted((root / "dev" / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        spans, rels = _relations(anns[0])
        doc = nlp(text)
        covered = set()
        for r in rels:
            if "Content" not in r or "Cue" not in r:
                continue
            offs = spans[r["Content"]][1]
            toks = [t for t in doc if _inside(t.idx, offs)]
            covered.update(t.i for t in toks)
            heads = [
                t for t in toks if t.pos_ in ("VERB", "AUX") and (not _inside(t.head.idx, offs) or t.head.i == t.i)
            ]
            if not heads:
                continue
            n += 1
            _, links = assess(heads[0], None)
            inner = [a for a in links if not a.denied]
            if inner:
                found += 1
                if "Source" in r and inner[-1].start is not None:
                    src = spans[r["Source"]][1]
                    source_ok += any(a < inner[-1].end and inner[-1].start < b for a, b in src)
        for t in doc:
            if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.i not in covered:
                outside += 1
                outside_found += bool(assess(t, None)[1])
    return n, found, source_ok, outside, outside_found


def test_attribution_recall_and_precision_on_polnear(nlp, shared_data):
    root = shared_data / "polnear"
    limit = 200 if os.environ.get("EW_POLNEAR_ALL") else 12
    n, found, source_ok, outside, outside_found = polnear_figures(nlp, root, limit)
    assert n > 50
    print(
        f"\npolnear dev: {n} contents, chain found {found / n:.3f}, innermost = gold source {source_ok / n:.3f}; "
        f"{outside} main verbs outside contents, chain given {outside_found / max(outside, 1):.3f}"
    )
    assert found / n >= 0.5
    assert source_ok / n >= 0.45
    assert outside_found / max(outside, 1) <= 0.03
