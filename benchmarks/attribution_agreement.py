"""How often an event inside a quotation names the quotation's speaker (issue 13: one attribution).

Usage:
    python benchmarks/attribution_agreement.py ARTICLES.jsonl          # run eventwire on the articles
    python benchmarks/attribution_agreement.py --outputs OUTPUT.jsonl  # read eventwire's output lines

For every quote with a speaker and every event whose trigger lies inside the quote's content, the
event should name the same speaker: one of its attribution links overlaps the quote's speaker (or
the mention the speaker resolves to, for "he", "who", "the spokeswoman"). Prints the counts, the
share that agree, over all pairs and over the pairs whose event names someone (expected near 100%: the quote finder and the events ask the same
``attribution.speaker_of`` for the same cue verb), and a few disagreements to read.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Iterable, Iterator


def _overlaps(a: int, b: int, c: int | None, d: int | None) -> bool:
    return c is not None and d is not None and a < d and c < b


def _speaker_spans(speaker: dict) -> list[tuple[int, int]]:
    spans = [(speaker["start"], speaker["end"])]
    if speaker.get("resolved"):
        spans.append((speaker["resolved"]["start"], speaker["resolved"]["end"]))
    return spans


def judge(record: dict, counts: collections.Counter, examples: dict[str, list]) -> None:
    """Count, for one output record, each (quote, event inside its content) pair by agreement."""
    body = (record.get("article") or {}).get("body") or ""
    for q in record.get("quotes") or []:
        qa, qb = q["content"]["start"], q["content"]["end"]
        for e in record.get("events") or []:
            t = e["trigger"]
            if not (qa <= t["start"] and t["end"] <= qb):
                continue
            if not q.get("speaker"):
                counts["quote without speaker"] += 1
                continue
            links = e.get("attribution") or []
            spans = _speaker_spans(q["speaker"])
            if not links:
                verdict = "event without attribution"
            elif any(_overlaps(a, b, link.get("start"), link.get("end")) for a, b in spans for link in links[-1:]):
                verdict = "same speaker (innermost link)"
            elif any(_overlaps(a, b, link.get("start"), link.get("end")) for a, b in spans for link in links):
                verdict = "same speaker (outer link)"
            else:
                verdict = "different speaker"
            counts[verdict] += 1
            if verdict in ("different speaker", "event without attribution") and len(examples[verdict]) < 8:
                examples[verdict].append(
                    (
                        record.get("id"),
                        q["speaker"]["text"],
                        [x.get("text") for x in links],
                        t["text"],
                        body[qa:qb][:120].replace("\n", " "),
                    )
                )


def _outputs(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _run(path: str) -> Iterable[dict]:
    import eventwire

    records = list(_outputs(path))
    return (r.to_dict() for r in eventwire.extract_batch(records))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", help="articles (JSONL with id and text or html), or eventwire output with --outputs")
    ap.add_argument("--outputs", action="store_true", help="PATH holds eventwire's output lines already")
    args = ap.parse_args(argv)
    counts: collections.Counter = collections.Counter()
    examples: dict[str, list] = collections.defaultdict(list)
    for record in _outputs(args.path) if args.outputs else _run(args.path):
        judge(record, counts, examples)
    judged = sum(n for k, n in counts.items() if k != "quote without speaker")
    same = counts["same speaker (innermost link)"] + counts["same speaker (outer link)"]
    for k, n in sorted(counts.items()):
        print(f"{k:32s} {n}")
    if judged:
        named = same + counts["different speaker"]  # events that name someone at all
        print(
            f"RESULT agreement={100 * same / judged:.1f}% innermost={100 * counts['same speaker (innermost link)'] / judged:.1f}%"
            f" of_named={100 * same / max(named, 1):.1f}% pairs={judged}"
        )
    for k, xs in examples.items():
        print("==", k)
        for x in xs:
            print("  ", x)
    return 0


if __name__ == "__main__":
    sys.exit(main())
