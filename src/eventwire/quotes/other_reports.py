"""The smaller indirect finders, each for one form of report that is not a reporting verb with
its complement: "according to X", "In a poll, …", a claim noun ("Smith's claim that …"), a
stance adjective ("critical of …"), a view held by nobody named ("the plan seems doomed") and a
claim given by a pronoun ("denied it").

Why apart from ``indirect``: each reads a different part of the parse, and the last three only
make candidates for the ranker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..attribution.cues import cue_lemma
from ..attribution.quotations import count_words, span_chars
from ..attribution.speakers import MEASURES, speaker_of, subject
from ..model import Quote
from .marks import drop_stop, paragraph, text_span, trim
from .speakers import SpeakerResolver
from .words import (
    ADJ_PREPS,
    NOUN_PREPS,
    SEEMING,
    SOURCE_DOCS,
    SPEECH,
)

#: pronouns that stand for a claim made earlier ("doesn't believe it", "would say so")
_CLAIM_PRONOUNS = frozenset({"it", "this", "that", "so", "them"})


def clause_quote(text: str, v: Token, toks: list[Token], speaker: dict | None) -> Quote | None:
    """A report whose content is a clause's tokens, kept within the cue's paragraph, without its
    full stop, and at least four words long; the cue is the one token ``v`` (a verb, or "In")."""
    a, b = span_chars(toks)
    pa, pb = paragraph(text, v.idx)
    a, b = trim(text, max(a, pa), min(b, pb))
    b = drop_stop(text, a, b)
    if count_words(text[a:b]) < 4:
        return None
    return Quote(speaker, text_span(text, v.idx, v.idx + len(v.text)), text_span(text, a, b), False)


def according(doc: Doc, text: str, t: Token, speakers: SpeakerResolver) -> Quote | None:
    """ "X rose, according to Y, …": Y's claim is the side of the sentence holding its main verb."""
    to = doc[t.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = objs[0]
    sent = t.sent
    pa, pb = t.idx, src.right_edge.idx + len(src.right_edge.text)
    s_a, s_b = sent.start_char, sent.end_char
    left = trim(text, s_a, pa)
    right = trim(text, pb, s_b)
    right = (right[0], right[1] - (1 if right[1] > right[0] and text[right[1] - 1] in ".!?" else 0))
    # the claim is the side holding the sentence's main verb ("X rose, according to Y, more than …")
    ca, cb = left if sent.root.idx < pa and left[1] > left[0] else right
    if count_words(text[ca:cb]) < 3:
        return None
    cue = text_span(text, t.idx, to.idx + len(to.text))
    return Quote(speakers.make(src, text), cue, text_span(text, ca, cb), False)


def in_source(text: str, t: Token, speakers: SpeakerResolver) -> Quote | None:
    """ "In a poll released Monday, 50 percent chose …": a clause opened by "in" and a poll,
    report or study is that source's finding (the cue is "In"), unless its verb reports speech
    itself ("In a report, the panel said …" is the panel's record)."""
    src = next((c for c in t.children if c.dep_ == "pobj"), None)
    clause = t.head
    if (
        src is None
        or src.lemma_.lower() not in SOURCE_DOCS
        or clause.pos_ not in ("VERB", "AUX")
        or cue_lemma(clause) in SPEECH
        or clause.i < t.i
        or (t.i != t.sent.start and t.doc[t.i - 1].text != ",")
    ):
        return None
    toks = [x for x in clause.subtree if x.i > t.right_edge.i]
    if not toks or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    return clause_quote(text, t, toks, speakers.make(src, text))


def noun_cue(
    doc: Doc, text: str, n: Token, speakers: SpeakerResolver, relaxed: bool = False, claim: bool = False
) -> Quote | None:
    """ "Smith's claim that the vote was rigged", "Smith raised doubts about the count": the
    possessor, or the subject of the verb that has the noun as its object, says the clause or
    what the noun is about. ``relaxed`` (a candidate for the ranker): also the subject of "is a
    critic of", a one-word topic, and no holder at all for a known claim noun ("concerns about")."""
    owner = _noun_owner(n, relaxed)
    if owner is None and not (relaxed and claim):
        return None
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and c.i > n.i), None)
    if clause is not None:
        toks = list(clause.subtree)
    else:
        prep = next(
            (
                c
                for c in n.children
                if c.dep_ == "prep"
                and c.i > n.i
                and c.lower_ in NOUN_PREPS
                and any(x.dep_ in ("pobj", "pcomp") for x in c.children)
            ),
            None,
        )
        if prep is None:
            return None
        toks = [x for x in prep.subtree if x.i != prep.i]
    a, b = trim(text, *span_chars(toks))
    if b > a and text[b - 1] in ".!?":
        b -= 1
    if count_words(text[a:b]) < (1 if relaxed else 2):
        return None
    spk = speakers.make(owner, text) if owner is not None else None
    return Quote(spk, text_span(text, n.idx, n.idx + len(n.text)), text_span(text, a, b), False)


def _noun_owner(n: Token, relaxed: bool) -> Token | None:
    """Who holds a claim noun: its possessor, the object of its "by", or the subject of the verb
    that has it as its object (with ``relaxed``, also of "is a critic of")."""
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    if owner is None:  # "claims by outside auditors that …", "the suggestion by a senator that …"
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > n.i), None)
        owner = (
            next((x for x in by.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN", "PRON")), None)
            if by is not None
            else None
        )
    if owner is None and (
        (n.dep_ == "dobj" and n.head.pos_ == "VERB") or (relaxed and n.dep_ == "attr" and n.head.lemma_ == "be")
    ):
        owner = subject(n.head)
        if owner is not None and owner.dep_ == "nsubjpass":
            owner = None
    return owner


def adj_cue(doc: Doc, text: str, adj: Token, speakers: SpeakerResolver) -> Quote | None:
    """A stance adjective after a copula with its topic ("was critical of the deal", "is
    confident that …"): the subject holds the view. A candidate for the ranker only."""
    if adj.dep_ not in ("acomp", "oprd") or adj.head.pos_ not in ("AUX", "VERB"):
        return None
    subj = subject(adj.head)
    if subj is None:
        return None
    comp = next(
        (
            c
            for c in adj.children
            if c.i > adj.i
            and (
                c.dep_ == "ccomp"
                or (
                    c.dep_ == "prep"
                    and c.lower_ in ADJ_PREPS
                    and any(x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in MEASURES for x in c.children)
                )
            )
        ),
        None,
    )
    if comp is None:
        return None
    toks = [x for x in comp.subtree if x.i != comp.i] if comp.dep_ == "prep" else list(comp.subtree)
    if not toks:
        return None
    a, b = trim(text, *span_chars(toks))
    b = drop_stop(text, a, b)
    if b <= a or "\n" in text[a:b]:
        return None
    cue_end = comp.idx + len(comp.text) if comp.dep_ == "prep" else adj.idx + len(adj.text)
    return Quote(speakers.make(subj, text), text_span(text, adj.idx, cue_end), text_span(text, a, b), False)


def seeming(doc: Doc, text: str, v: Token, lemma: str) -> Quote | None:
    """A view held by nobody named: the whole clause of "the plan seems doomed", "X appears to
    have declined", "the deficit is projected to reach …" (the corpus marks these without a
    source). A candidate for the ranker only."""
    kids = list(v.children)
    if lemma in SEEMING:
        if not any(
            c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("like", "as"))
            for c in kids
            if c.i > v.i
        ):
            return None
        if not any(c.dep_ in ("nsubj", "expl") for c in kids):
            return None
    elif not (any(c.dep_ == "nsubjpass" for c in kids) and any(c.dep_ == "xcomp" for c in kids if c.i > v.i)) or any(
        c.dep_ == "agent" for c in kids
    ):
        return None
    toks = [x for x in v.subtree if not (x.dep_ in ("cc", "mark") and x.head.i == v.i and x.i < v.i)]
    return clause_quote(text, v, toks, None)


def pronoun_object(text: str, v: Token, speakers: SpeakerResolver) -> Quote | None:
    """ "denied it", "would say so": the claim is the pronoun (the corpus marks it so); a
    candidate for the ranker only."""
    kids = list(v.children)
    subj = subject(v)
    if subj is None or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids):
        return None
    obj = next(
        (
            c
            for c in kids
            if c.i > v.i
            and c.lower_ in _CLAIM_PRONOUNS
            and (c.dep_ == "dobj" or (c.lower_ == "so" and c.dep_ == "advmod" and c.i == v.i + 1))
        ),
        None,
    )
    if obj is None:
        return None
    return Quote(
        speakers.make(speaker_of(v) or subj, text),
        text_span(text, v.idx, v.idx + len(v.text)),
        text_span(text, obj.idx, obj.idx + len(obj.text)),
        False,
    )
