"""Candidate quotations for the ranker: every finder's records, the looser "extra" reports, and
other readings of each (a shorter object, a clause cut before its trailing scene, the sentence
around a mixed quotation, the first part alone of a joined quotation).

Why: the rules are precise on the reporting verbs they know; the corpus marks many more stances
("blasted the plan", "has made no secret of …") that only a learned score can tell from plain
deeds, and a learned score can also choose between readings of one report.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..attribution.quotations import count_words, span_chars
from ..model import Quote
from .context import DocumentContext
from .direct import find_direct
from .marks import text_span, trim
from .reported import find_reported
from .transcripts import find_transcripts
from .words import NOUN_PREPS, SCENE_PREPS

#: what may trail a clause without being part of the claim ("the worst was over [in April, when …]",
#: "he meets families [in a city that …]", "joined the race[, saying …]")
_CLAUSE_TAILS = frozenset({"advcl", "conj", "npadvmod", "relcl", "acl"})
#: prepositions that open the scene or the reason of a telling, not its claim
_CUT_PREPS = frozenset({"at", "on", "amid", "despite", "because"})


def candidates(doc: Doc, actors, text: str | None = None, extra: bool = True) -> list[tuple[Quote, str]]:
    """Every quotation the rules find, each with the finder that made it ("rule"), plus with
    ``extra`` the looser reports (any verb or claim noun with a speaker and a complement:
    "extra") and other readings of each ("rule:head", "extra:cut", …) for the ranker to accept
    or refuse (``find_quotes`` asks for them only when a ranker ships)."""
    text = doc.text if text is None else text
    ctx = DocumentContext(doc, actors, text)
    out: list[Quote] = []
    more: list[Quote] | None = [] if extra else None
    find_transcripts(ctx, out)
    find_direct(ctx, out)
    find_reported(ctx, out, more)
    out.sort(key=lambda q: q.content.start)
    kept = dedupe(out)
    more = unique(more) if more else []
    extra_ids = {id(q) for q in more}
    both = sorted(kept + more, key=lambda q: q.content.start)
    out2 = [(q, "extra" if id(q) in extra_ids else "rule") for q in both]
    if extra:
        out2 += [
            v
            for q, origin in out2
            for v in (_direct_variants(doc, text, q, origin, ctx) if q.direct else _variants(doc, text, q, origin))
        ]
    return out2


def _variants(doc: Doc, text: str, q: Quote, origin: str) -> list[tuple[Quote, str]]:
    """Shorter readings of an object-like content, for the ranker to weigh against the long one:
    the object without what trails it ("cited [the figure] at the forum …"), and the object of a
    stance noun ("expressed misgivings about [the plan]", cue "expressed misgivings about")."""
    span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    if root.dep_ not in ("dobj", "pobj") or root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return _clause_cuts(doc, text, q, origin, span)
    out = []
    # the object alone, without what trails it or the verb's phrases after it ("introduced
    # [Trump] at a number of rallies")
    a = max(root.left_edge.idx, q.content.start)
    b = root.idx + len(root.text)
    if b > a and count_words(text[a:b]) < count_words(q.content.text):
        out.append((Quote(q.speaker, q.cue, text_span(text, a, b), False), origin + ":head"))
    if root.dep_ == "dobj" and root.pos_ == "NOUN" and q.cue is not None:
        prep = next((c for c in root.rights if c.dep_ == "prep" and c.i == root.i + 1 and c.lower_ in NOUN_PREPS), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if prep is not None and pobj is not None:
            a, b = trim(text, *span_chars([x for x in prep.subtree if x.i != prep.i]))
            if b > a:
                cue = text_span(text, q.cue.start, prep.idx + len(prep.text))
                out.append((Quote(q.speaker, cue, text_span(text, a, b), False), origin + ":nounprep"))
    return out


def _clause_cuts(doc: Doc, text: str, q: Quote, origin: str, span: Span) -> list[tuple[Quote, str]]:
    """Shorter readings of a clause content: cut before the first trailing phrase of time or
    place, clause or conjoined verb hanging on its head. Why: the corpus marks the claim, and
    the parse hangs the scene of the telling on the claim's verb."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or root.dep_ in ("dobj", "pobj"):
        return []
    for c in root.rights:
        if c.i >= span.end or c.i <= root.i:
            continue
        scene = c.dep_ == "prep" and (c.lower_ in SCENE_PREPS or c.lower_ in _CUT_PREPS)
        if c.dep_ not in _CLAUSE_TAILS and not scene:
            continue
        k = c.left_edge.i
        while k > root.i and (doc[k - 1].is_punct or doc[k - 1].dep_ == "cc"):
            k -= 1
        if k <= span.start:
            continue
        a, b = trim(text, q.content.start, doc[k - 1].idx + len(doc[k - 1].text))
        if b > a and 2 <= count_words(text[a:b]) < count_words(q.content.text):
            return [(Quote(q.speaker, q.cue, text_span(text, a, b), False), origin + ":cut")]
    return []


def _direct_variants(doc: Doc, text: str, q: Quote, origin: str, ctx: DocumentContext) -> list[tuple[Quote, str]]:
    """Other readings of a quotation in marks, for the ranker: the sentence that embeds a short
    quotation before its cue (a mixed quotation: "X plans to … "a phrase," Y said"), and the
    first part alone of two quotations joined across a sentence-final cue ("A," he said. "B")."""
    if q.cue is None or not q.cue.text[:1].isalpha():
        return []
    out: list[tuple[Quote, str]] = []
    ca, cb = q.content.start, q.content.end
    inner = [(a, b) for a, b in ctx.qspans if ca <= a and b <= cb]
    first = doc.char_span(ca, ca + 1, alignment_mode="expand")
    if first is not None and len(first) and inner and q.cue.start >= cb:
        s0, _ = ctx.sent_of(first[0].i)
        a = doc[s0].idx
        pa = text.rfind("\n", 0, ca) + 1
        a = max(a, pa)
        if count_words(text[a:ca]) >= 3:
            a, b = trim(text, a, cb)
            out.append((Quote(q.speaker, q.cue, text_span(text, a, b), False), origin + ":mixed"))
    if len(inner) >= 2 and inner[0][1] <= q.cue.start < inner[1][0]:
        gap = text[inner[0][1] : inner[1][0]].rstrip()
        if gap.endswith("."):
            a, b = inner[0]
            out.append((Quote(q.speaker, q.cue, text_span(text, a, b), True), origin + ":first"))
    return out


def dedupe(qs: list[Quote]) -> list[Quote]:
    """Drop repeats: the same content twice, or a report nested in another with the same cue.

    A report inside an indirect one ("X said Y claimed Z") is kept: both are claims an
    analyst may need, each with its own speaker.
    """
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in sorted(qs, key=lambda q: (q.content.start, -(q.content.end - q.content.start))):
        key = (q.content.start, q.content.end)
        if key in seen:
            continue
        if q.cue is not None and any(p.cue is not None and p.cue.start == q.cue.start for p in out):
            continue
        if any(
            p.content.start <= q.content.start
            and q.content.end <= p.content.end
            and (p.direct or q.cue is None or p.content.start <= q.cue.start < p.content.end)
            for p in out
        ):
            continue  # nested in a quotation, or its cue is part of another report's content
        seen.add(key)
        out.append(q)
    return out


def unique(qs: list[Quote]) -> list[Quote]:
    """One candidate per content span (the ranker sees nesting among them as a feature, so a
    report inside another one's words is kept for it to judge)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for q in qs:
        key = (q.content.start, q.content.end)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
