"""Check that eventwire's indexed attribute ruler and memo lemmatizer set exactly what spaCy's own
components set, token by token, and time both.

Why: ``eventwire.nlp.fast_components`` replaces two model components for speed; this is the proof on real
news that nothing changes (``tests/nlp/test_fast_components.py`` does the same on sentences of our own).

    .venv/bin/python benchmarks/fastpipes.py [--limit 400]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews-politics" / "politics.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--data", type=Path, default=DATA)
    a = ap.parse_args()

    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from eventwire.nlp import MODEL_NAMES, speed_up

    lines = a.data.read_text(encoding="utf-8").splitlines()
    random.Random(7).shuffle(lines)  # the scorer's speed sample
    texts = [json.loads(x)["text"] for x in lines[: a.limit]]

    name = next(n for n in MODEL_NAMES if spacy.util.is_package(n))
    plain = spacy.load(name)
    fast = speed_up(spacy.load(name))
    with plain.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(plain.pipe(texts, batch_size=64))
    cols = [TAG, POS, MORPH, LEMMA, DEP]
    differ = tokens = 0
    clock = time.process_time
    spent = {"spacy": 0.0, "eventwire": 0.0}
    for doc in parsed:
        arrays = {}
        for label, nlp in (("spacy", plain), ("eventwire", fast)):
            copy = doc.copy()
            t = clock()
            for pipe_name in ("attribute_ruler", "lemmatizer"):
                copy = nlp.get_pipe(pipe_name)(copy)
            spent[label] += clock() - t
            arrays[label] = copy.to_array(cols)
        tokens += len(doc)
        differ += int((arrays["spacy"] != arrays["eventwire"]).any(axis=1).sum())
    print(
        f"{len(parsed)} articles, {tokens} tokens; tokens whose tag, POS, morphology, lemma or label differ: {differ}"
    )
    print(f"attribute_ruler + lemmatizer CPU s: spaCy {spent['spacy']:.2f}, eventwire {spent['eventwire']:.2f}")


if __name__ == "__main__":
    main()
