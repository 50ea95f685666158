"""Denials that come later in the story: "the embassy said it had never heard of any such request".

Why: a wire story often leads with a claim and gives the other side's denial paragraphs later. The
claim must then carry ``modality="denied"`` and name who denies it, or an analyst counts a
disputed request as a fact. Same-sentence denials ("X denied that Y attacked") are already handled
by :func:`eventwire.events.modality.assess`.

A denial is linked to an earlier event only when (conservative on purpose):

1. it names the same kind of event (same lemma, or a pair such as request/ask, or a content noun
   shared with the event's sentence) AND the denier is the event's source or target (same actor
   code, or same country), or
2. it names the same kind of event and points back with "such"/"any such"/"these" (an explicit
   anaphor), within a few sentences, or
3. it refers back generically ("denied the report", "called the claims baseless") AND the denier is
   the event's source or target AND the event is the nearest earlier reported/asserted one with
   that actor, within a few sentences.

The denial itself, when coded as an event (CAMEO 0xx/12xx "deny"/"reject"), stays an event.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..attribution import (
    is_anonymous,
    named_for,
    reporting_verbs,
    sentence_index,
    speaker_of,
    speaker_span,
)
from ..model import Attribution, Event
from ..tables import read_table
from .modality import refusable_nouns

#: Verbs whose negation with an active subject denies that subject ("no such attack happened").
EXIST_VERBS = {"happen", "occur", "exist", "take", "come", "be"}
#: How many sentences back a denial may reach.
WINDOW = 6
_GENERIC_SKIP = {
    "it",
    "this",
    "that",
    "report",
    "claim",
    "story",
    "way",
    "time",
    "thing",
    "statement",
    "official",
    "people",
    "country",
    "government",
    "spokesman",
    "spokeswoman",
    "embassy",
    "ministry",
    "year",
    "day",
    "week",
    "month",
    "source",
}


@functools.lru_cache(maxsize=1)
def denial_words() -> dict[str, dict[str, str]]:
    """kind (false/claim/know/pair) → word → partner (pairs) or the kind."""
    out: dict[str, dict[str, str]] = {}
    for row in read_table("eventwire.events", "denial_words.tsv"):
        out.setdefault(row["kind"], {})[row["word"]] = row["partner"] or row["kind"]
    return out


def denier_of(cue: Token) -> Token | None:
    """Who denies: the one speaker of the cue verb (``attribution.speaker_of``), by the token that names it."""
    speaker = speaker_of(cue)
    return named_for(speaker) if speaker is not None else None


def _norm(lemma: str) -> str:
    """Map event nouns to their verb ("request" → "ask") so noun and verb mentions match."""
    return denial_words().get("pair", {}).get(lemma, lemma)


@dataclass
class Denial:
    """One denial found in the text."""

    cue: Token
    denier: Token | None
    lemmas: set[str] = field(default_factory=set)  # event kinds it names (normalised)
    nouns: set[str] = field(default_factory=set)  # content nouns it mentions
    anaphoric: bool = False  # "such", "these reports"
    anaphor_heads: set[int] = field(default_factory=set)  # nouns under "such"/"these": the disputed thing itself
    generic: bool = False  # refers to "the report", "the claims", "it"
    scope: set[int] = field(default_factory=set)  # token indices of the denial clause (its own events are not denied)


def _content(d: Denial, root: Token) -> None:
    words = denial_words()
    know, claim = words.get("know", {}), words.get("claim", {})
    for t in root.subtree:
        d.scope.add(t.i)
        lem = t.lemma_.lower()
        if (
            t.pos_ in ("NOUN", "VERB", "PROPN")
            and lem not in know
            and not (t.pos_ == "VERB" and lem in reporting_verbs())
        ):
            if lem in claim:
                d.generic = True
            elif t.pos_ in ("NOUN", "VERB"):
                d.lemmas.add(_norm(lem))
            if t.pos_ in ("NOUN", "PROPN") and lem not in _GENERIC_SKIP:
                d.nouns.add(lem)
        elif t.pos_ == "PRON" and lem in claim and t.dep_ == "dobj":
            d.generic = True
        if t.lower_ in ("such", "these", "those") or (t.lower_ == "this" and t.dep_ == "det"):
            if t.head.dep_ == "nsubj" and t.head.head.lemma_.lower() not in EXIST_VERBS:
                continue  # "these sanctions will not change our policy": a topic, not what is denied
            d.anaphoric = True
            d.anaphor_heads.add(t.head.i)


def _negated_clause(c: Token) -> bool:
    """Is the clause headed by ``c`` itself negative ("never heard of", "there was no request", "was not made")?

    Only the clause head and its direct arguments count: a "no" deep inside ("on the grounds that
    the judge has no jurisdiction") does not make the clause a denial.
    """
    for t in c.children:
        if t.dep_ == "neg":
            return True
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in t.children
        ):
            return True
        if t.dep_ == "prep":
            for p in t.children:
                if p.dep_ == "pobj" and any(g.dep_ == "det" and g.lower_ in ("no",) for g in p.children):
                    return True
    return False


def _non_denial(v: Token) -> bool:
    """ "would neither confirm nor deny", "did not deny", "refused to deny": not a denial."""
    for c in v.children:
        if c.dep_ in ("neg", "preconj") or c.lower_ in ("neither", "nor"):
            return True
        if c.dep_ == "conj" and c.lemma_.lower() == "confirm":
            return True
    if v.dep_ == "conj" and v.head.lemma_.lower() == "confirm":
        return True
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("refuse", "decline", "fail"):
        return True
    return False


_CALL_VERBS = ("call", "describe", "brand", "label", "term")
_NEG = ("not", "n't", "never", "no", "nobody", "none", "nothing")


@functools.lru_cache(maxsize=1)
def _cue_hashes():
    """Hashes of the words that can start a denial, for one vectorised pass over a Doc."""
    import numpy as np
    from spacy.strings import hash_string

    rep = reporting_verbs()
    words = denial_words()
    strong = {w for w, k in rep.items() if k in ("deny", "reject")} | set(words.get("false", {})) | {"such"}
    weak = {w for w, k in rep.items() if k == "report"} | set(_CALL_VERBS)

    def as_arr(words: set[str]):
        return np.array(sorted(hash_string(w) for w in words), dtype="uint64")

    return as_arr(strong), as_arr(weak), as_arr(_NEG)


def _candidates(doc: Doc) -> list[int]:
    """Token indices worth a look: denial verbs and falsity words anywhere; reporting verbs only in
    sentences that hold a negation. (``doc.to_array`` + ``isin``: no Python loop over tokens.)"""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    strong, weak, neg = _cue_hashes()
    arr = doc.to_array([LEMMA, LOWER])
    lem, low = arr[:, 0], arr[:, 1]
    hits = np.isin(lem, strong) | np.isin(low, strong)
    maybe = np.isin(lem, weak)
    out = set(np.nonzero(hits)[0].tolist())
    if maybe.any():
        negs = np.nonzero(np.isin(low, neg))[0].tolist()
        if negs:
            starts, _ = sentence_index(doc)
            neg_sents = {bisect.bisect_right(starts, i) - 1 for i in negs}
            for i in np.nonzero(maybe)[0].tolist():
                if bisect.bisect_right(starts, i) - 1 in neg_sents:
                    out.add(i)
    # "called the reports baseless": the falsity word is a strong hit; its verb is found from there
    for i in list(out):
        t = doc[i]
        if t.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl") and t.head.lemma_.lower() in _CALL_VERBS + tuple(
            w for w, k in reporting_verbs().items() if k == "report"
        ):
            out.add(t.head.i)
    return sorted(out)


def find_denials(doc: Doc) -> list[Denial]:
    """Every denial in the document, by its cue word."""
    rep = reporting_verbs()
    words = denial_words()
    false_words, claim_words = words.get("false", {}), words.get("claim", {})
    out: list[Denial] = []
    for i in _candidates(doc):
        t = doc[i]
        lem = t.lemma_.lower()
        kind = rep.get(lem) if t.pos_ == "VERB" else None
        if kind in ("deny", "reject"):
            if _non_denial(t):
                continue
            objs = [
                c
                for c in t.children
                if c.dep_ in ("dobj", "ccomp", "xcomp", "pcomp") and c.lemma_.lower() not in refusable_nouns()
            ]  # "denied a request" is a refusal
            if kind == "reject":
                objs = [c for c in objs if c.dep_ == "ccomp" or c.lemma_.lower() in claim_words]
            if not objs:
                continue
            d = Denial(cue=t, denier=denier_of(t))
            for o in objs:
                _content(d, o)
            out.append(d)
        elif kind == "report" or lem in _CALL_VERBS:
            out.extend(_reported_denials(t, kind, false_words, claim_words))
        elif t.lower_ in false_words and (
            (t.dep_ in ("acomp", "attr") and t.head.lemma_ == "be")
            or (t.pos_ == "VERB" and any(c.dep_ == "nsubjpass" for c in t.children))
        ):
            # "These reports are fabricated," a spokesman said. / "The claims are false."
            h = t if t.pos_ == "VERB" else t.head
            subj = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (subj.lemma_.lower() in claim_words or subj.lower_ in claim_words):
                speaker = None
                if h.dep_ in ("ccomp", "parataxis") and rep.get(h.head.lemma_.lower()) == "report":
                    speaker = denier_of(h.head)
                for c in h.children:  # the reporting verb hung below the quote
                    if speaker is None and c.dep_ in ("parataxis", "ccomp") and rep.get(c.lemma_.lower()) == "report":
                        speaker = denier_of(c)
                d = Denial(cue=t, denier=speaker)
                _content(d, subj)
                d.generic = True
                out.append(d)
        elif t.lower_ == "such" and t.dep_ == "amod" and any(c.lower_ == "no" for c in t.head.children):
            # "There was no such request." (no reporting verb needed)
            if any(d.cue.i in _sentence_range(t) for d in out):
                continue
            out.append(_no_such_denial(t, rep))
    return out


def _reported_denials(
    t: Token, kind: str | None, false_words: dict[str, str], claim_words: dict[str, str]
) -> list[Denial]:
    """Denials told by a reporting or calling verb: "said it had never heard of any such
    request", "called the reports baseless"."""
    out: list[Denial] = []
    for c in t.children:
        if c.dep_ == "ccomp" and kind == "report" and _negated_clause(c):
            d = Denial(cue=t, denier=denier_of(t))
            _content(d, c)
            if d.lemmas or d.generic:
                out.append(d)
        elif c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl") and c.lower_ in false_words:
            obj = next(
                (
                    o
                    for o in t.children
                    if o.dep_ in ("dobj", "nsubjpass", "nsubj")
                    and o.i != c.i
                    and (o.lemma_.lower() in claim_words or o.lower_ in claim_words)
                ),
                None,
            )
            if obj is not None:
                d = Denial(cue=t, denier=denier_of(t))
                _content(d, obj)
                d.generic = True
                out.append(d)
    return out


def _no_such_denial(t: Token, rep: dict[str, str]) -> Denial:
    """ "There was no such request": an anaphoric denial, its speaker the reporting verb above
    it (within four steps) if there is one."""
    noun = t.head
    v = noun.head
    speaker = None
    for _ in range(4):
        if rep.get(v.lemma_.lower()) == "report" and v.pos_ == "VERB":
            speaker = denier_of(v)
            break
        if v.head.i == v.i:
            break
        v = v.head
    d = Denial(cue=t, denier=speaker, anaphoric=True)
    _content(d, noun)
    return d


def _sentence_range(t: Token) -> range:
    doc = t.doc
    lo = t.i
    while lo > 0 and not doc[lo].is_sent_start:
        lo -= 1
    hi = t.i + 1
    while hi < len(doc) and not doc[hi].is_sent_start:
        hi += 1
    return range(lo, hi)


def _governs(head: Token, t: Token) -> bool:
    for _ in range(20):
        if t.i == head.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _country(code: str | None) -> str | None:
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() else None


def _actor_match(denier_code: str | None, denier_text: str, e: Event) -> bool:
    for a in (e.source, e.target):
        if a is None:
            continue
        code = getattr(a, "code", None)
        if denier_code and code and (denier_code == code or _country(denier_code) == _country(code)):
            return True
        name = (getattr(a, "text", "") or "").lower()
        if not denier_code and name and len(name) > 2 and name in denier_text.lower():
            return True
    return False


def _event_lemmas(e: Event, doc: Doc) -> tuple[set[str], int | None]:
    """(normalised lemmas of the trigger's content words, trigger head token index)."""
    span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return {(e.trigger.text or "").lower()}, None
    lemmas = {_norm(t.lemma_.lower()) for t in span if t.pos_ in ("NOUN", "VERB", "PROPN")}
    return lemmas or {_norm(span.root.lemma_.lower())}, span.root.i


def apply_denials(events: list[Event], doc: Doc, actors) -> None:
    """Mark events that a denial in the same or a later sentence disputes (in place)."""
    if not events:
        return
    denials = find_denials(doc)
    if not denials:
        return
    starts, _ = sentence_index(doc)
    info = []
    for e in events:
        lemmas, ti = _event_lemmas(e, doc)
        si = bisect.bisect_right(starts, ti) - 1 if ti is not None else None
        info.append((e, lemmas, ti, si))
    for d in denials:
        ds = bisect.bisect_right(starts, d.cue.i) - 1
        actor = actors.for_token(d.denier) if (actors is not None and d.denier is not None) else None
        dcode = getattr(actor, "code", None)
        dtext = speaker_span(d.denier).text if d.denier is not None else ""
        exclude = {d.cue.i} | ({d.denier.i} if d.denier is not None else set())
        matched: list[Event] = []
        generic_pick: tuple[int, Event] | None = None
        for e, lemmas, ti, si in info:
            if si is None or ti is None or si > ds or ds - si > WINDOW or ti in exclude:
                continue
            if doc[ti].pos_ == "VERB" and reporting_verbs().get(doc[ti].lemma_.lower()) == "report":
                continue  # a statement happened even if its content is disputed
            same_kind = bool(lemmas & d.lemmas)
            if ti in d.scope:  # the disputed thing named inside the denial itself ("any such request")
                if same_kind and ti in d.anaphor_heads and not any(a.denied for a in e.attribution):
                    matched.append(e)
                continue
            if si == ds and (ti >= d.cue.i or _governs(doc[ti], d.cue)):
                continue  # the denial is part of this event's own content
            if e.modality in ("negated", "denied") and any(a.denied for a in e.attribution):
                continue
            who = _actor_match(dcode, dtext, e)
            if same_kind and (who or d.anaphoric):
                matched.append(e)
            elif d.generic and who and e.modality in ("reported", "asserted"):
                if generic_pick is None or ti > generic_pick[0]:
                    generic_pick = (ti, e)
        if not matched and generic_pick is not None:
            matched = [generic_pick[1]]
        for e in matched:
            _mark(e, d, dcode, dtext)


def _mark(e: Event, d: Denial, code: str | None, text: str) -> None:
    if e.modality != "negated":
        e.modality = "denied"
    cue = d.cue.lemma_.lower() if d.cue.lemma_.lower() in reporting_verbs() else d.cue.lower_
    name = text or d.cue.text
    for a in e.attribution:
        if a.text == name:  # the speaker already in the chain ("X said it never heard of any such request")
            a.denied = True
            return
    if d.denier is not None:
        span = speaker_span(d.denier)
        e.attribution.append(
            Attribution(
                text=span.text,
                code=code,
                cue=cue,
                anonymous=is_anonymous(d.denier),
                denied=True,
                start=span.start_char,
                end=span.end_char,
            )
        )
    else:
        e.attribution.append(
            Attribution(
                text=d.cue.text,
                code=None,
                cue=cue,
                anonymous=True,
                denied=True,
                start=d.cue.idx,
                end=d.cue.idx + len(d.cue.text),
            )
        )
