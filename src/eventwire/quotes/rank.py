"""The learned ranker: which candidate quotations are attributions, and which one wins an overlap.

Why: the hand rules find reports with known verbs precisely, but annotators of political news
also mark stances with rare verbs and nouns, and drop reports nested in other reports (each word
belongs to one attribution). A logistic model over a few parse features of each candidate
(finder, cue lemma and its learned cue rate, frame, dependency of the content, speaker kind,
length, quotation marks, nesting; and what the other candidates say about it: readings sharing its cue, rule records in its sentence) scores them; candidates above their group's threshold (``thresholds``: by finder and cue
kind, else ``threshold``) are kept, best first, and one that overlaps a better one is dropped. Weights are in ``data/ranker.json``
(made by ``tools/train_quote_ranker.py`` from PolNeAR train: feature names and weights only).
Without that file every rule output is kept, as before.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..attribution.cues import cue_lemma
from ..attribution.quotations import quote_spans
from ..model import Quote
from .words import (
    AS_CUES,
    DATA_DIR,
    NOUN_CUES,
    NP_CUES,
    SPEECH,
    XCOMP_CUES,
    cue_rates,
    verb_frame,
)

#: the model's weights (made by tools/train_quote_ranker.py)
RANKER_FILE = DATA_DIR / "ranker.json"


@functools.lru_cache(maxsize=1)
def _model() -> dict | None:
    """The weights (feature → weight), bias, threshold and overlap limit, read once."""
    if not RANKER_FILE.exists():
        return None
    return json.loads(RANKER_FILE.read_text(encoding="utf-8"))


def has_model() -> bool:
    """A ranker ships (``data/ranker.json``): the finder offers it looser candidates."""
    return _model() is not None


def _bucket(x: float, edges: tuple[float, ...]) -> int:
    for k, e in enumerate(edges):
        if x <= e:
            return k
    return len(edges)


_LEN_EDGES = (1, 2, 3, 5, 8, 12, 20, 35, 60)
_RATE_EDGES = (0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8)
_QMARKS = '"“”'


def _kind(q: Quote, origin: str, cue_tok) -> str:
    c = q.cue.text.lower() if q.cue is not None else ""
    if q.cue is None:
        k = "nocue"
    elif c == ":":
        k = "colon"
    elif c in ("―", "—", "–"):
        k = "dash"
    elif c.startswith("according"):
        k = "according"
    elif q.direct:
        k = "direct"
    elif cue_tok is not None and cue_tok.pos_ == "NOUN":
        k = "noun"
    else:
        k = "verb"
    return f"{origin}_{k}"


def features(
    doc: Doc,
    text: str,
    q: Quote,
    origin: str,
    nested: bool,
    nests: bool,
    starts: TokenOffsets,
    in_quote: Callable[[int], bool],
    rates: dict | None = None,
) -> list[str]:
    """Feature names of one candidate (binary features; ``starts`` finds tokens by offset;
    ``rates``: the cue-rate table, the shipped one unless training cross-fits its own)."""
    rates = cue_rates() if rates is None else rates

    k = starts.tok(q.cue.start) if q.cue is not None else None
    cue = doc[k] if k is not None else None
    kind = _kind(q, origin, cue)
    f = ["bias", "k=" + kind]
    f += _content_features(text, q, kind, nested, nests, in_quote)
    f += _parse_features(doc, q, kind, cue, starts)
    if cue is not None:
        f += _cue_features(doc, text, q, origin, kind, cue, starts, rates)
    f += _speaker_features(doc, q, kind, starts)
    return f


def _content_features(
    text: str, q: Quote, kind: str, nested: bool, nests: bool, in_quote: Callable[[int], bool]
) -> list[str]:
    """What the content's words show: length, quotation marks, "that", Title Case, a speaker
    inside it, nesting, how it begins and ends, whether it lies in a quotation or the first paragraph."""
    f = []
    ca, cb = q.content.start, q.content.end
    words = text[ca:cb].split()
    nb = _bucket(len(words), _LEN_EDGES)
    f += [f"len={nb}", f"k_len={kind}_{nb}"]
    body = text[ca:cb]
    f.append(f"k_q={kind}_{body[:1] in _QMARKS}{body[-1:] in _QMARKS}")
    if any(m in body for m in _QMARKS):
        f.append("has_qmark")
    if words and words[0].lower() == "that":
        f.append("starts_that")
    caps = sum(w[:1].isupper() for w in words)
    if len(words) >= 3 and caps >= 0.7 * len(words):  # a headline's Title Case, not a sentence
        f.append("k_title=" + kind)
    if q.speaker is not None and ca <= q.speaker["start"] < cb:
        f.append("k_spkin=" + kind)
    f.append(f"nested={nested}")
    f.append(f"k_nests={kind}_{nests}")
    after = text[cb : cb + 2].lstrip(_QMARKS + "’'")
    f.append(f"k_end={kind}_{after[:1] in ('.', '!', '?', chr(10), '')}")
    before = text[max(0, ca - 3) : ca].strip()
    f.append(f"k_begin={kind}_{before[-1:] in ('.', '!', '?', '')}")
    if in_quote(ca):
        f.append("k_inq=" + kind)
    para = text.rfind("\n", 0, ca)
    if para < 0:
        f.append("first_para")
    return f


def _parse_features(doc: Doc, q: Quote, kind: str, cue: Token | None, starts: TokenOffsets) -> list[str]:
    """The content's head in the parse, and how it hangs on the cue."""
    f: list[str] = []
    ca, cb = q.content.start, q.content.end
    i = starts.tok(ca)
    if i is None:
        return f
    span = doc[i : starts.end(cb)]
    if not len(span):
        return f
    root = span.root
    f.append(f"k_croot={kind}_{root.dep_}_{root.pos_}")
    if cue is not None:
        rel = "child" if root.head.i == cue.i else "prep" if root.head.head.i == cue.i else "other"
        f.append(f"k_rel={kind}_{rel}")
    # what the reading keeps or drops after its head ("compared X [to Y]", "the plan [, which …]")
    tail = next((c for c in root.rights), None)
    if tail is not None:
        where = "in" if tail.idx < cb else "out"
        f.append(f"k_tail={kind}_{where}_{tail.dep_}_{tail.lower_ if tail.dep_ == 'prep' else ''}")
    f.append(f"clem={root.lemma_.lower()}")
    f.append(
        f"k_first={kind}_{span[0].lower_ if span[0].pos_ in ('SCONJ', 'ADP', 'DET', 'PART', 'PRON') else span[0].pos_}"
    )
    f.append(f"cverb={starts.has_verb(span.start, span.end)}")
    return f


def _cue_features(
    doc: Doc, text: str, q: Quote, origin: str, kind: str, cue: Token, starts: TokenOffsets, rates: dict
) -> list[str]:
    """The cue: its lemma, frame and learned rate, its word lists, its place in the parse and
    beside the content."""
    ca, cb = q.content.start, q.content.end
    lemma = cue_lemma(cue)
    frame = verb_frame(cue) if cue.pos_ == "VERB" else "-"
    n, rate = rates.get((lemma, frame), (0, 0.0))
    _n2, rate2 = rates.get((lemma, "ccomp"), (0, 0.0)) if cue.pos_ == "VERB" else (0, 0.0)
    gap = len(text[cb : cue.idx].split()) if cue.idx >= cb else len(text[cue.idx + len(cue.text) : ca].split())
    f = [
        f"lem={lemma}",
        f"lf={lemma}_{frame}",
        f"lk={lemma}_{kind}",
        f"k_frame={kind}_{frame}",
        f"gap={_bucket(gap, (0, 1, 2, 4, 8))}",
        f"rate={_bucket(rate, _RATE_EDGES)}",
        f"k_rate={kind}_{_bucket(rate, _RATE_EDGES)}",
        f"n={_bucket(n, (0, 4, 10, 30, 100, 300))}",
        f"rate_cc={_bucket(rate2, _RATE_EDGES)}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"k_dep={kind}_{cue.dep_}",
    ]
    lists = [
        name
        for name, lst in (
            ("speech", SPEECH),
            ("np", NP_CUES),
            ("xcomp", XCOMP_CUES),
            ("as", AS_CUES),
            ("noun", NOUN_CUES),
        )
        if lemma in lst
    ]
    f += [f"k_list={kind}_{x}" for x in lists] or [f"k_list={kind}_none"]
    if origin.endswith(":nounprep") and q.cue is not None:
        # the object noun decides: "voiced doubts about" vs "ordered the closure of" (a nounprep cue always has its span)
        noun = doc[starts.end(q.cue.end) - 2]
        nl = noun.lemma_.lower()
        f += [
            f"npn={nl}",
            f"npn_rate={_bucket(rates.get((nl, '-'), (0, 0.0))[1], _RATE_EDGES)}",
            f"npn_list={nl in NOUN_CUES}",
        ]
    if cue.dep_ != "ROOT":  # "wants to attack", "plans announced": the word the cue hangs on
        f.append(f"hlem={cue.dep_}_{cue.head.lemma_.lower()}")
    kids = {c.dep_ for c in cue.children}
    if "neg" in kids:
        f.append("neg")
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children):
        f.append("modal")
    if cue.i > 0 and doc[cue.i - 1].text in _QMARKS:
        f.append("after_qmark")
    if cue.idx > cb:
        f.append("cue_after")
    elif cue.idx < ca:
        f.append("cue_before")
    else:
        f.append("cue_inside")
    return f


def _speaker_features(doc: Doc, q: Quote, kind: str, starts: TokenOffsets) -> list[str]:
    """The speaker: none, or its head's entity type or part of speech, dependency and lemma."""
    f = []
    sp = q.speaker
    if sp is None:
        f.append("k_spk=" + kind + "_none")
    else:
        k = starts.tok(sp["start"])
        if k is not None:
            head = doc[k : max(k + 1, starts.end(sp["end"]))].root
            typ = head.ent_type_ or head.pos_
            f += [f"k_spk={kind}_{typ}", f"spk_dep={head.dep_}", f"spk_lem={head.lemma_.lower()}"]
            if head.lower_ in ("i", "we", "you"):
                f.append("spk_firstperson")
        if sp.get("resolved") or sp.get("name"):
            f.append("spk_resolved")
    return f


class TokenOffsets:
    """Tokens by character offset, by bisection over the Doc's token starts, and whether a token
    range holds a verb (read as arrays: making a Token per word would cost more than the ranker)."""

    def __init__(self, doc: Doc):
        from spacy.attrs import IDX, POS
        from spacy.symbols import AUX, VERB

        self.idx = doc.to_array(IDX).tolist()
        pos = doc.to_array(POS)
        self._verbs = ((pos == VERB) | (pos == AUX)).cumsum().tolist() if len(doc) else []

    def has_verb(self, i: int, j: int) -> bool:
        """Tokens ``i`` to ``j`` (end exclusive) hold a verb or auxiliary."""
        return j > i and self._verbs[j - 1] - (self._verbs[i - 1] if i else 0) > 0

    def tok(self, off: int) -> int | None:
        """The token that starts at ``off``, if one does."""
        k = bisect.bisect_left(self.idx, off)
        return k if k < len(self.idx) and self.idx[k] == off else None

    def end(self, off: int) -> int:
        """The index after the last token that starts before ``off`` (a span's end)."""
        return bisect.bisect_left(self.idx, off)


def featurize(
    doc: Doc, cands: list[tuple[Quote, str]], text: str | None = None, rates: dict | None = None
) -> list[list[str]]:
    """Features of every candidate, with nesting among them (``rates``: see ``features``)."""
    text = doc.text if text is None else text
    rates = cue_rates() if rates is None else rates  # looked up once per article, not per candidate
    starts = TokenOffsets(doc)
    spans = [(q.content.start, q.content.end) for q, _ in cands]
    out = []
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    nested = [False] * len(spans)
    nests = [False] * len(spans)
    # candidates are few per article (tens): a scan over the ones that start before the end is enough
    for pos, k in enumerate(order):
        a, b = spans[k]
        for k2 in order[pos + 1 :]:
            a2, b2 = spans[k2]
            if a2 >= b:
                break
            if b2 <= b:
                nests[k] = True
                nested[k2] = True
            elif a2 == a:
                nests[k2] = True
                nested[k] = True
    qs = quote_spans(text)
    qa = [a for a, _ in qs]

    def in_quote(pos: int) -> bool:
        """``pos`` is strictly inside a pair of quotation marks (a report nested in a quotation)."""
        k = bisect.bisect_right(qa, pos) - 1
        return k >= 0 and qs[k][0] < pos < qs[k][1] - 1

    for k, (q, origin) in enumerate(cands):
        out.append(features(doc, text, q, origin, nested[k], nests[k], starts, in_quote, rates))
    _context(doc, cands, out, starts)
    return out


def _context(doc: Doc, cands: list[tuple[Quote, str]], feats: list[list[str]], starts: TokenOffsets) -> None:
    """Add what the other candidates say about each one: how many readings share its cue (and
    whether it is the longest or shortest of them), how many candidates its sentence holds,
    whether that sentence holds another rule record or a direct quotation, and (for a loose
    reading) whether it lies inside a rule record's content.
    Why: a loose verb next to a known report is more often a deed told around it than a second
    attribution, and a cue with many readings has at most one right one."""
    from spacy.attrs import SENT_START

    n = len(doc)
    if not n or not cands:
        return
    sid = (doc.to_array(SENT_START) == 1).cumsum().tolist()

    def sent(pos: int) -> int:
        return sid[min(starts.end(pos), n - 1)]

    where = [sent(q.cue.start if q.cue is not None else q.content.start) for q, _ in cands]
    cues = [q.cue.start if q.cue is not None else -1 for q, _ in cands]
    sizes = [q.content.end - q.content.start for q, _ in cands]
    cue_n: dict[int, int] = {}
    longest: dict[int, int] = {}
    shortest: dict[int, int] = {}
    per_sent: dict[int, int] = {}
    rules: dict[int, set[int]] = {}
    direct: set[int] = set()
    for (q, origin), s, c, n_ in zip(cands, where, cues, sizes):
        cue_n[c] = cue_n.get(c, 0) + 1
        longest[c] = max(longest.get(c, 0), n_)
        shortest[c] = min(shortest.get(c, n_), n_)
        per_sent[s] = per_sent.get(s, 0) + 1
        if origin == "rule":
            rules.setdefault(s, set()).add(c)
            if q.direct:
                direct.add(s)
    rule_spans = sorted((q.content.start, q.content.end) for q, origin in cands if origin == "rule")
    for (q, origin), s, c, n_, fs in zip(cands, where, cues, sizes, feats):
        kind = fs[1][2:]
        size = "only" if cue_n[c] == 1 else "long" if n_ == longest[c] else "short" if n_ == shortest[c] else "mid"
        fs += [
            f"k_ncue={kind}_{_bucket(cue_n[c], (1, 2, 3, 5))}",
            f"k_srule={kind}_{bool(rules.get(s, set()) - {c})}",
            f"k_sdirect={kind}_{s in direct}",
            f"k_size={kind}_{size}",
            f"k_nsent={kind}_{_bucket(per_sent[s], (1, 2, 3, 5, 8))}",
        ]
        if origin != "rule":
            a, b = q.content.start, q.content.end
            k = bisect.bisect_left(rule_spans, (b, b))
            if any(ra < b and a < rb for ra, rb in rule_spans[max(0, k - 8) : k]):
                fs.append("x_over_rule")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def group(feats: list[str]) -> str:
    """The threshold group of a candidate, from its kind feature (``k=<origin>_<kind>``).
    Why: one cut does not suit all finders: a rule's record with a known reporting verb is worth
    keeping at a lower score than a loose verb or a shortened reading of an object."""
    origin, k = feats[1][2:].rsplit("_", 1)
    base = origin.split(":")[0]
    if base == "rule" and ":" not in origin and k in ("direct", "according", "colon", "dash", "nocue"):
        return "rule_sure"
    return f"{base}{'_variant' if ':' in origin else ''}_{'noun' if k == 'noun' else 'verb'}"


def probabilities(feats: list[list[str]], weights: dict[str, float], bias: float = 0.0) -> list[float]:
    """The model's probability that each candidate is an attribution."""
    out = []
    for fs in feats:
        z = bias + sum(weights.get(x, 0.0) for x in fs)
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


def score(
    doc: Doc, cands: list[tuple[Quote, str]], weights: dict[str, float], bias: float = 0.0, text: str | None = None
) -> list[float]:
    """The model's probability that each candidate is an attribution."""
    return probabilities(featurize(doc, cands, text), weights, bias)


def choose(quotes: list[Quote], probs: list[float], threshold: float | list[float], overlap: float) -> list[Quote]:
    """Accepted candidates, best first: one whose content overlaps a better one's by more than
    ``overlap`` of the shorter is dropped (each word belongs to one attribution). Text order.
    ``threshold``: one cut, or one per candidate (its group's)."""
    cut = threshold if isinstance(threshold, list) else [threshold] * len(probs)
    ranked = sorted((p, k) for k, p in enumerate(probs) if p >= cut[k])[::-1]
    kept: list[Quote] = []
    for _, k in ranked:
        q = quotes[k]
        s = (q.content.start, q.content.end)
        n = s[1] - s[0]
        if any(
            _overlap(s, (o.content.start, o.content.end)) > overlap * min(n, o.content.end - o.content.start)
            for o in kept
        ):
            continue
        kept.append(q)
    kept.sort(key=lambda q: q.content.start)
    return kept


def select(doc: Doc, cands: list[tuple[Quote, str]], text: str | None = None) -> list[Quote]:
    """The candidates the model accepts (all rule outputs when there is no model)."""
    m = _model()
    if m is None:
        return [q for q, origin in cands if origin == "rule"]
    feats = featurize(doc, cands, text)
    probs = probabilities(feats, m["weights"], m.get("bias", 0.0))
    groups = m.get("thresholds", {})
    cut = [groups.get(group(fs), m["threshold"]) for fs in feats]
    return choose([q for q, _ in cands], probs, cut, m["overlap"])
