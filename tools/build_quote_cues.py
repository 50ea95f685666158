"""Derive the attribution-cue lexicon from PolNeAR's ``train`` split (statistics only).

Why: hand lists of reporting verbs miss about a fifth of the cues annotators mark (“slammed”,
“the memo shows”, “sources familiar with …”). Counting, for every lemma, how often the parser's
token is inside a gold Cue span gives a cue rate we can threshold. Only lemma counts ship in the
package (``src/eventwire/quotes/data/learned_cues.tsv``): no text or span from the corpus.

    .venv/bin/python tools/build_quote_cues.py [--cache /tmp/ewq_train] [--limit N] [--hold-out N] [--out F]

Columns: lemma, pos (VERB | NOUN), frame (what a verb governs: ccomp | xcomp | dobj | prep | none;
"-" for nouns), n (occurrences in train), cue (occurrences inside a Cue span), rate (cue / n).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.attribution import cue_lemma
from eventwire.quotes.words import verb_frame

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
OUT = ROOT / "src" / "eventwire" / "quotes" / "data" / "learned_cues.tsv"


def brat(path: Path) -> list[dict]:
    """Relations of one BRAT file as {source, cue, content: [(start, end), ...]} (as the scorer
    reads them, but skipping the few malformed span lines of the train split)."""
    spans, rels = {}, []
    for line in path.read_text().splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            _, rest = parts[1].split(" ", 1)
            try:
                spans[parts[0]] = [tuple(map(int, p.split())) for p in rest.split(";")]
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(kv.split(":", 1) for kv in parts[1].split() if ":" in kv))
    return [{role.lower(): spans.get(r.get(role), []) for role in ("Source", "Cue", "Content")} for r in rels]


def load_docs(split: str, limit: int | None, cache: Path | None):
    """(text, gold relations, Doc) for each annotated article of ``split``; Docs cached on disk."""
    from spacy.tokens import DocBin

    from eventwire.nlp import load_nlp, pipeline_key

    d = DATA / split
    texts = sorted((d / "text").glob("*.txt"))
    texts = texts[:limit] if limit else texts
    recs = []
    for t in texts:
        anns = sorted((d / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            recs.append((t.read_text(), brat(anns[0])))
    nlp = load_nlp()
    # the pipeline names the cache: Docs parsed by another one are stale
    path = cache / f"{split}_{len(recs)}_{pipeline_key(nlp)}.spacy" if cache else None
    if path and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        t0 = time.perf_counter()
        docs = list(nlp.pipe([r[0] for r in recs], batch_size=32))
        print(f"parsed {len(docs)} docs in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if path:
            cache.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(path)
    return [(text, gold, doc) for (text, gold), doc in zip(recs, docs)]


def count(items) -> tuple[Counter, Counter]:
    """Occurrences and cue occurrences of each (lemma, pos, frame) in the parsed articles."""
    n, cue = Counter(), Counter()
    for _text, gold, doc in items:
        inside = set()
        for g in gold:
            for a, b in g["cue"]:
                inside.update(range(a, b))
        for t in doc:
            if t.pos_ not in ("VERB", "NOUN"):
                continue
            key = (cue_lemma(t), t.pos_, verb_frame(t) if t.pos_ == "VERB" else "-")
            n[key] += 1
            cue[key] += t.idx in inside
    return n, cue


def table(n: Counter, cue: Counter, min_n: int = 3, min_cue: int = 2) -> list[tuple]:
    """Rows (lemma, pos, frame, n, cue, rate) of lemmas seen at least ``min_n`` times and marked
    as a cue at least ``min_cue`` times, best rate first."""
    rows = [
        (*key, n[key], k, k / n[key])
        for key, k in cue.items()
        if n[key] >= min_n and k >= min_cue and re.fullmatch(r"[a-z][a-z'-]*", key[0])
    ]
    return sorted(rows, key=lambda r: (-r[5], r[0]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--hold-out",
        type=int,
        default=0,
        help="count only articles after the first N (to tune the thresholds on those N)",
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-n", type=int, default=3, help="keep lemmas seen at least this often")
    ap.add_argument("--min-cue", type=int, default=2, help="... and marked as a cue at least this often")
    a = ap.parse_args()
    items = load_docs("train", a.limit, a.cache)[a.hold_out :]
    rows = table(*count(items), a.min_n, a.min_cue)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w") as f:
        f.write("# derived by tools/build_quote_cues.py from PolNeAR train (counts only)\n")
        f.write("lemma\tpos\tframe\tn\tcue\trate\n")
        for r in rows:
            f.write(f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t{r[5]:.3f}\n")
    print(f"wrote {len(rows)} lemmas to {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
