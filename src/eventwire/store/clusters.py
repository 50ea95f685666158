"""Clusters across articles: syndicated copies of one story, and one event told by many articles.

Why: the same wire story runs in many outlets and the same event is told by many stories; an
analyst wants one record per event with GDELT-style counts (``num_mentions``, ``num_sources``,
``num_articles``), not one per telling. Near-duplicate bodies are found with MinHash over word
shingles and LSH banding (linear in the corpus), then events are grouped by date, actors and
CAMEO root across all articles.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from typing import Any

NUM_PERM = 64
SHINGLE = 3
BANDS, ROWS = 16, 4  # 16 × 4 = 64: candidate pairs from about Jaccard 0.5 up
#: Estimated Jaccard at or above which two bodies are copies of one story.
COPY_THRESHOLD = 0.6
_PRIME = 4294967311  # smallest prime above 2**32
_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _perms():
    import numpy as np

    rng = np.random.default_rng(20240607)  # fixed: signatures must match across runs and machines
    a = rng.integers(1, 2**32 - 1, NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 2**32 - 1, NUM_PERM, dtype=np.uint64)
    return a, b


def minhash(text: str) -> list[int]:
    """A ``NUM_PERM``-value MinHash signature of the lower-cased word ``SHINGLE``-grams of ``text``."""
    import numpy as np

    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        grams = {" ".join(words)} if words else {""}
    else:
        grams = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    h = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    a, b = _perms()
    # a, h < 2**32 so a*h + b < 2**64: exact in uint64
    sig = ((a[:, None] * h[None, :] + b[:, None]) % np.uint64(_PRIME)).min(axis=1)
    return [int(x) for x in sig]


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of two bodies from their signatures."""
    return sum(x == y for x, y in zip(sig_a, sig_b)) / NUM_PERM


def story_clusters(items: Iterable[tuple[str, list[int] | None]], threshold: float = COPY_THRESHOLD) -> dict[str, str]:
    """``article id → story id`` (the smallest id of its near-duplicate group), by LSH banding."""
    sigs: dict[str, list[int]] = {}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
    for aid, sig in items:
        parent[aid] = aid
        if not sig:
            continue
        sig = list(sig)
        sigs[aid] = sig
        for band in range(BANDS):
            key = (band, tuple(sig[band * ROWS : (band + 1) * ROWS]))
            bucket = buckets.setdefault(key, [])
            for other in bucket:
                ra, rb = find(aid), find(other)
                if ra != rb and similarity(sig, sigs[other]) >= threshold:
                    parent[max(ra, rb)] = min(ra, rb)
            if len(bucket) < 50:  # a huge bucket is boilerplate, not a story: stop comparing into it
                bucket.append(aid)
    return {aid: find(aid) for aid in parent}


MERGED_SQL = """
CREATE OR REPLACE TABLE merged_events AS
WITH e AS (
    SELECT ev.*, s.story_id,
           coalesce(ev.outlet, 'story:' || s.story_id) AS outlet_key,
           coalesce(ev."date", ev.published) AS edate,
           1 + coalesce(json_array_length(ev.mentions), 0) AS n_mentions
    FROM events ev JOIN article_stories s ON s.article_id = ev.article_id
), keyed AS (
    SELECT *, md5(concat_ws('|', coalesce(edate, '-'), coalesce(source_code, '-'), coalesce(target_code, '-'), root)) AS merge_id
    FROM e
), firsts AS (  -- a story seen twice in one outlet (re-scrapes, syndication) counts once for that outlet
    SELECT merge_id, outlet_key, story_id, min(article_id) AS article_id
    FROM keyed GROUP BY ALL
), counted AS (
    SELECT k.* FROM keyed k JOIN firsts f USING (merge_id, outlet_key, story_id, article_id)
)
SELECT merge_id,
       any_value(edate) AS "date",
       any_value(source_code) AS source_code, any_value(source_country) AS source_country,
       any_value(target_code) AS target_code, any_value(target_country) AS target_country,
       any_value(root) AS root,
       mode(cameo) AS cameo, arg_max(name, confidence) AS name,
       avg(goldstein) AS goldstein, any_value(quad_class) AS quad_class,
       max(confidence) AS confidence,
       sum(n_mentions)::INTEGER AS num_mentions,
       count(DISTINCT outlet_key)::INTEGER AS num_sources,
       count(DISTINCT outlet_key || '|' || story_id)::INTEGER AS num_articles,
       count(DISTINCT story_id)::INTEGER AS num_stories,
       list(DISTINCT article_id ORDER BY article_id) AS article_ids,
       list(event_id ORDER BY event_id) AS event_ids,
       arg_max(evidence_text, confidence) AS evidence_text
FROM counted
GROUP BY merge_id
"""


def build_merged_events(con: Any, threshold: float = COPY_THRESHOLD) -> dict[str, int]:
    """Rebuild ``article_stories`` and ``merged_events`` in a DuckDB connection; returns counts."""
    import pyarrow as pa

    rows = con.execute("SELECT id, minhash FROM articles ORDER BY id").fetchall()
    stories = story_clusters(rows, threshold)
    tbl = pa.table({"article_id": list(stories), "story_id": list(stories.values())})  # noqa: F841 (the SQL reads it by name)
    con.execute("BEGIN")
    try:
        con.execute("CREATE OR REPLACE TABLE article_stories AS SELECT * FROM tbl")
        con.execute(MERGED_SQL)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    n_merged = con.execute("SELECT count(*) FROM merged_events").fetchone()[0]
    return {
        "articles": len(stories),
        "stories": len(set(stories.values())),
        "events": n_events,
        "merged_events": n_merged,
    }
