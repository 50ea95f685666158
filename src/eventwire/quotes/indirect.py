"""Indirect speech and stances told by a verb: "X said (that) …", "X urged Y to …", "X attacked
the plan", "the plan was criticised by X", "The museum, Mr. Bush said, celebrated …", "As Ortiz
noted, …".

The verb's complement (a clause, an infinitive, an object, a prepositional object) is its
content; which complements count depends on the verb's word lists, or on its learned cue rate
in its frame. With ``relaxed`` every verb is tried as if it were a learned cue: a candidate for
the ranker, not a record yet.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..attribution.quotations import QUOTE_CHARS, count_words, span_chars
from ..attribution.speakers import MEASURES, orphan_subject, speaker_of, subject
from ..model import Quote
from .claims import (
    aimed_at_person,
    is_claim_clause,
    is_hearer,
    next_reports,
    np_content,
    right_complements,
)
from .marks import (
    drop_stop,
    paragraph,
    text_span,
    trim,
)
from .other_reports import clause_quote
from .speakers import SpeakerResolver, np_span
from .words import (
    ABOUT_PREPS,
    AS_CUES,
    BARE_SPEECH,
    CLAUSE_ONLY,
    NOT_TOPIC,
    NP_CUES,
    PHYSICAL,
    QUESTION_VERBS,
    SCENE_PREPS,
    SPEECH,
    SPEECH_OR_NP,
    VERB_PREPS,
    XCOMP_CUES,
    is_learned_cue,
)

#: clauses whose reporting verb has no subject of its own ("a memo, widely described as …",
#: "those known to oppose …"): the claim stands, its speaker is unnamed
_SUBJECTLESS = frozenset({"acl", "advcl", "pcomp", "xcomp", "relcl"})


def indirect_report(
    doc: Doc,
    text: str,
    v: Token,
    lemma: str,
    speakers: SpeakerResolver,
    inside: Callable[[int], bool],
    relaxed: bool = False,
) -> Quote | None:
    """The report told by verb ``v`` (lemma ``lemma``): its speaker, cue and content, or None."""
    kids = list(v.children)  # each pass over Token.children makes new Token objects
    learned = relaxed or is_learned_cue(v, lemma)
    comp, np_tail = _complement(v, lemma, kids, learned, relaxed)
    if inside(v.idx):
        return None
    subj = subject(v)
    if subj is None and comp is not None and comp.dep_ == "ccomp" and lemma in SPEECH and v.dep_ in ("dep", "ROOT"):
        subj = orphan_subject(v)
    if comp is None:
        return _without_complement(doc, text, v, lemma, kids, subj, speakers, relaxed)
    if subj is None and not (v.dep_ in _SUBJECTLESS and (lemma in SPEECH or learned)):
        return None
    return _complement_report(text, v, lemma, kids, comp, np_tail, subj, speakers, learned, relaxed)


def _complement(
    v: Token, lemma: str, kids: list[Token], learned: bool, relaxed: bool
) -> tuple[Token | None, list[Token]]:
    """The dependent of ``v`` that holds what it reports, and (for an object) the phrases after
    it that go on with the claim ("called the plan [a sham]")."""
    comp = None
    # a clause after the verb first: "…” Pence said in a statement that the report …" (the clause
    # before it may be a quotation or a misparse of the sentence before)
    for c in sorted(kids, key=lambda c: c.i < v.i):
        if (
            (c.dep_ == "ccomp" and (lemma in SPEECH or learned or is_claim_clause(v, c)))
            or (c.dep_ == "parataxis" and (lemma in SPEECH or learned))
            or (
                c.dep_ == "advcl"
                and lemma in SPEECH
                and c.i > v.i
                and (
                    c.left_edge.lower_ == "that"
                    or (c.left_edge.lower_ in ("if", "whether") and lemma in QUESTION_VERBS)
                )
            )
        ):
            comp = c
            break
    if comp is None and lemma in SPEECH:
        comp = _stranded_clause(v)
    if comp is None and (lemma in XCOMP_CUES or learned):
        for c in kids:
            if (
                c.dep_ == "xcomp"
                or (c.dep_ == "prep" and c.lower_ == "for" and lemma == "call")
                or (c.dep_ == "advcl" and c.i > v.i and c.left_edge.lower_ == "for")
            ):  # "called for the board to reopen …"
                comp = c
                break
    if comp is None and lemma in SPEECH_OR_NP:
        for c in kids:  # "admitted using …", "suggested looking at …"
            if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > v.i:
                comp = c
                break
    if comp is not None:
        return comp, []
    return _object_complement(v, lemma, kids, learned, relaxed)


def _object_complement(
    v: Token, lemma: str, kids: list[Token], learned: bool, relaxed: bool
) -> tuple[Token | None, list[Token]]:
    """A verb's object, object predicate or prepositional object as what it reports, when it
    has no clause: "attacked the plan", "called her “third-rate”", "warned against …"."""
    comp = None
    np_tail: list[Token] = []
    as_view = lemma in AS_CUES and any(c.dep_ == "prep" and c.lower_ == "as" for c in kids)
    if lemma in NP_CUES or as_view or learned or (lemma in SPEECH and lemma not in BARE_SPEECH):
        oprd = any(x.dep_ == "oprd" for x in kids)  # "called it a sham": the pronoun is the topic
        for c in kids:
            if c.dep_ == "dobj" and lemma in BARE_SPEECH and is_hearer(c):
                break  # "told reporters", "asked the minister": who hears it, not what is said
            if (
                c.dep_ == "dobj"
                and c.pos_ in ("NOUN", "PROPN", "PRON")
                and (oprd or c.lower_ not in ("it", "this", "that", "them"))
            ):
                comp = c
                np_tail = [
                    x
                    for x in kids
                    if x.i > c.i
                    and (
                        x.dep_ in ("oprd", "ccomp", "xcomp")
                        or (x.dep_ == "prep" and x.lower_ in ("for", "as", "over", "to", "of"))
                    )
                ]
                break
    if comp is None and lemma in NP_CUES:  # "called her “third-rate”" parsed without an object
        comp = next((c for c in kids if c.dep_ == "oprd" and c.i > v.i), None)
    if comp is None and (lemma in SPEECH_OR_NP or learned) and lemma not in ("say", "tell"):
        for c in kids:  # "warned against …", "complained about …", "accused her of …"
            if (
                c.dep_ == "prep"
                and c.i > v.i
                and (
                    c.lower_ in ABOUT_PREPS
                    or (c.lower_, lemma) in VERB_PREPS
                    or (relaxed and c.i <= v.i + 2 and c.lower_ not in SCENE_PREPS)
                )
                and any(x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in MEASURES for x in c.children)
                and not any(x.dep_ == "pobj" and x.lemma_.lower() in NOT_TOPIC for x in c.children)
            ):
                comp = c  # (not "spoke for 40 minutes", "spoke on condition of anonymity")
                break
    return comp, np_tail


def _without_complement(
    doc: Doc,
    text: str,
    v: Token,
    lemma: str,
    kids: list[Token],
    subj: Token | None,
    speakers: SpeakerResolver,
    relaxed: bool,
) -> Quote | None:
    """A report whose verb governs no content: a passive stance, an aside around the sentence,
    an "as" report, or a reporting verb the parser left without its clause."""
    if lemma in NP_CUES or lemma in SPEECH:
        # passive: "the plan was criticised by the opposition" → the opposition says so about the plan
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if (
            agent is not None
            and pobj is not None
            and subj is not None
            and subj.dep_ == "nsubjpass"
            and (lemma not in PHYSICAL or subj.ent_type_ == "PERSON")
        ):  # "the base was attacked by rebels" is a deed
            a, b = np_span(subj)
            cue_end = agent.idx + len(agent.text)
            return Quote(speakers.make(pobj, text), text_span(text, v.idx, cue_end), text_span(text, a, b), False)
    aside = _aside(v, subj) if v.dep_ == "parataxis" and subj is not None and v.head.i < v.i else None
    if v.dep_ == "parataxis" and lemma in SPEECH and subj is not None and (v.head.i > v.i or aside):
        # "The museum, Mr. Bush said, celebrated …", "So it pays, analysts said, for the firm
        # to …": the sentence around the aside is the content; "The mill drew no bid, the owner
        # said, on condition of anonymity": the sentence before it
        sent = v.sent
        end = doc[subj.left_edge.i - 1].idx if aside == "trailing" else sent.end_char
        a, b = trim(text, max(sent.start_char, text.rfind("\n", 0, v.idx) + 1), end)
        if b > a and text[b - 1] in ".!?":
            b -= 1
        if count_words(text[a:b]) >= 6:
            return Quote(
                speakers.make(speaker_of(v) or subj, text),
                text_span(text, v.idx, v.idx + len(v.text)),
                text_span(text, a, b),
                False,
            )
    if relaxed and subj is not None and subj.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in kids):
        # "the report was released", "the protester was identified as …": what is reported on, by nobody named
        a, b = np_span(subj)
        return Quote(None, text_span(text, v.idx, v.idx + len(v.text)), text_span(text, a, b), False)
    if lemma in SPEECH:
        q = _as_report(text, v, speakers)
        if q is not None:
            return q
    if lemma in BARE_SPEECH | {"claim", "argue", "insist", "warn", "note", "explain", "predict"}:
        return _unparsed_report(doc, text, v, speakers)
    return None


def _complement_report(
    text: str,
    v: Token,
    lemma: str,
    kids: list[Token],
    comp: Token,
    np_tail: list[Token],
    subj: Token | None,
    speakers: SpeakerResolver,
    learned: bool,
    relaxed: bool,
) -> Quote | None:
    """The report whose content is ``comp`` (and what goes on with it), kept within the verb's
    paragraph and long enough to be a claim."""
    if lemma in PHYSICAL and comp.dep_ == "dobj" and not aimed_at_person(comp, np_tail):
        return None  # a deed of war in conflict news, whatever a political corpus would say
    toks = _content_tokens(v, lemma, kids, comp, np_tail)
    if not toks:
        return None
    a, b = span_chars(toks)
    if relaxed and a < v.idx < b:
        return None  # an object before the verb and a phrase after it ("What Farmers Need To Know"): no claim
    # a report never runs over a paragraph break ('…” \n\n Lenox was …, Mr. Clarke said')
    pa, pb = paragraph(text, v.idx)
    a, b = max(a, pa), min(b, pb)
    if b <= a:
        return None
    if (b < len(text) and text[b] in QUOTE_CHARS and text.count(text[b], a, b) % 2 == 1) or text[b : b + 2] in (
        ',"',
        ",”",
        ".”",
        '."',
    ):  # keep the closing mark of a quotation it contains
        b = b + (1 if text[b] in QUOTE_CHARS else 2)
    semi = text.find(";", a, b)
    if semi > 0 and v.idx < a:  # "X said the timing was chance; they only learned of it later"
        b = semi
    # "The plant, she said, will close": the content is interrupted by its cue; keep it whole
    a, b = trim(text, a, b)
    b = drop_stop(text, a, b)
    n = count_words(text[a:b])
    if n < (
        1
        if comp.dep_ == "dobj" and (comp.pos_ == "PROPN" or learned)
        else 2
        if lemma in SPEECH or learned or comp.dep_ == "xcomp"
        else 3
    ):
        return None
    if lemma in CLAUSE_ONLY and not relaxed and not any(x.pos_ in ("VERB", "AUX") for x in toks):
        return None
    cue_end = _cue_end(v, kids, comp)
    who = speaker_of(v) if subj is not None else None  # one speaker per verb, the events' too
    spk = speakers.make(who, text) if who is not None else None
    return Quote(spk, text_span(text, v.idx, cue_end), text_span(text, a, b), False)


def _content_tokens(v: Token, lemma: str, kids: list[Token], comp: Token, np_tail: list[Token]) -> list[Token]:
    """The tokens of the claim ``comp`` carries, in order: with the addressee of a demand and the
    phrases that go on with an object, without a second report conjoined inside it."""
    if comp.dep_ == "prep":
        toks = [x for x in comp.subtree if x.i != comp.i]
    elif comp.dep_ == "dobj":
        toks = np_content(comp)
    else:
        toks = list(comp.subtree)
    if comp.dep_ == "xcomp":  # "urged both sides to talk": the addressee belongs to the demand
        toks += [x for c in kids if c.dep_ == "dobj" and c.i < comp.i for x in c.subtree]
    for x in np_tail:
        toks += list(x.subtree)
    if comp.dep_ in ("dobj", "prep"):
        toks += [x for c in right_complements(v, comp, lemma in XCOMP_CUES) for x in c.subtree]
    toks = sorted(set(toks) - next_reports(comp), key=lambda x: x.i)
    if comp.dep_ == "advcl" and toks and toks[0].dep_ == "mark" and toks[0].lower_ == "for":
        toks = toks[1:]  # "called for …": the preposition belongs to the cue
    return toks


def _cue_end(v: Token, kids: list[Token], comp: Token) -> int:
    """Where the cue ends: after its particle or the preposition that belongs to it ("called
    for", "pointed to"; not "said on Tuesday")."""
    cue_end = v.idx + len(v.text)
    for c in kids:
        if comp.dep_ == "advcl" and comp.left_edge.i == v.i + 1 and comp.left_edge.lower_ == "for":
            cue_end = comp.left_edge.idx + 3
        if c.dep_ == "prt" or (
            c.dep_ == "prep"
            and c.i == v.i + 1
            and c.lower_ in ("for", "to", "on", "out")
            and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)
        ):
            cue_end = c.idx + len(c.text)
    return cue_end


# ---------------------------------------------------------------- reports the parse left loose


def _as_report(text: str, v: Token, speakers: SpeakerResolver) -> Quote | None:
    """ "As Ortiz noted, the farmers will …", "The deal, as the minister said, is final": the
    clause the "as" report comments on is its content (around the aside when it stands inside)."""
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i), None)
    if v.dep_ == "advcl" and mark is not None:
        clause, first, who = v.head, mark, subject(v)
    elif v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "as" and v.head.head.dep_ == "prep":
        clause, first, who = v.head.head.head, v.head.head, v.head  # "As the newspaper reported in March, …"
    else:
        return None
    if who is None or clause.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("ccomp", "dobj") for c in v.children):
        return None
    last = max(first.i, v.right_edge.i)
    toks = [
        x
        for x in clause.subtree
        if not first.i <= x.i <= last and not (x.dep_ == "cc" and x.head.i == clause.i and x.i < first.i)
    ]
    return clause_quote(text, v, toks, speakers.make(who, text)) if toks else None


def _unparsed_report(doc: Doc, text: str, v: Token, speakers: SpeakerResolver) -> Quote | None:
    """A reporting verb the parser left without a clause: take the rest of the sentence
    ("experts say the cost it takes …") or, for a trailing cue, the part before "…, she said"."""
    if any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl")
        for c in v.children
        if (c.i > v.i and c.dep_ != "dobj") or (c.dep_ == "dobj" and c.pos_ == "PRON")
    ):
        return None
    subj = subject(v)
    if subj is None:
        return None
    sent = v.sent
    pa, pb = paragraph(text, v.idx)
    nxt = v.i + 1
    while nxt < sent.end and (
        (doc[nxt].dep_ in ("dobj", "dative", "prt", "advmod", "npadvmod") and doc[nxt].i <= v.i + 3)
        or doc[nxt].lower_ == "that"
    ):
        nxt += 1
    if subj.i < v.i and nxt < sent.end - 1 and not doc[nxt].is_punct:
        a, b = doc[nxt].idx, min(sent.end_char, pb)
    elif subj.i < v.i and subj.left_edge.i > sent.start + 3 and doc[subj.left_edge.i - 1].text == ",":
        a, b = max(sent.start_char, pa), doc[subj.left_edge.i - 1].idx
    else:
        return None
    a, b = trim(text, a, b)
    b = drop_stop(text, a, b)
    if count_words(text[a:b]) < 4:
        return None
    return Quote(
        speakers.make(speaker_of(v) or subj, text),
        text_span(text, v.idx, v.idx + len(v.text)),
        text_span(text, a, b),
        False,
    )


def _aside(v: Token, subj: Token) -> str | None:
    """Where a speech verb set off with its subject by a comma stands in its sentence: "trailing"
    ("…, the owner said, on condition of anonymity.": only phrases with no verb follow) or "mid"
    ("…, analysts said, for the firm to …": the sentence goes on after another comma)."""
    doc, sent = v.doc, v.sent
    k = subj.left_edge.i
    if not (subj.i < v.i and k > sent.start and doc[k - 1].text == ","):
        return None
    if not any(x.pos_ in ("VERB", "AUX") for x in doc[v.i + 1 : sent.end]):
        return "trailing" if k > sent.start + 3 else None
    if v.i + 2 < sent.end and doc[v.i + 1].text == "," and not doc[v.i + 2].is_punct:
        return "mid"
    return None


def _stranded_clause(v: Token) -> Token | None:
    """A that-clause the parser hung on a noun in the verb's phrase of place or means ("said in
    one of a series of messages that the truck …"): a relative clause never opens with the
    conjunction "that" and a subject of its own, so it is the verb's claim."""
    for p in v.children:
        if p.dep_ != "prep" or p.i < v.i:
            continue
        for x in p.subtree:
            if (
                x.dep_ in ("relcl", "acl")
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in x.children)
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children)
            ):
                return x
    return None
