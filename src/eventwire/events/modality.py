"""How sure the text is about an event: modality plus the reporting chain above the trigger.

Why: "claims are not facts" (ARCHITECTURE.md). An event under "officials said", "reportedly",
"will", "may", "if …", "did not …" must not be stored as an asserted fact, and the chain of who
says so (outlet → officials → claim) must survive for the analyst.

Modality precedence, most informative first (one value per event; the chain is kept whatever wins):

    negated > denied > conditional > hypothetical > future > question > reported > asserted

so "officials said Iran will attack" is ``future`` with the officials in ``attribution``, and
"X denied that Y attacked" is ``denied`` with X as a ``denied=True`` link.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from ..attribution import (
    according_to,
    is_anonymous,
    named_for,
    outlet_of_tell,
    passive_agent,
    quote_speaker_verb,
    reporting_verbs,
    sentence_index,
    sentence_of,
    speaker_of,
    speaker_span,
)
from ..model import Attribution
from ..tables import read_table
from .patterns import claims_act, direct_object, object_agent_verb

#: Higher wins.
PRECEDENCE = {
    "asserted": 0,
    "reported": 1,
    "question": 2,
    "future": 3,
    "hypothetical": 4,
    "conditional": 5,
    "denied": 6,
    "negated": 7,
}

#: Links through which a clause is the *content* of the verb above it.
_COMPLEMENT = {"ccomp", "xcomp", "parataxis"}
_FINITE = {"VBD", "VBZ", "VBP"}
_NONFINITE = {"VBG", "VB"}
_SUBJ = {"nsubj", "csubj"}
_COND_MARKS = {"if", "unless", "provided", "providing"}
_QUESTION_HEADS = {"ask", "wonder", "question", "know", "unclear", "uncertain", "see"}
_FUTURE_TIME = re.compile(r"^(tomorrow|next\b|later this\b|coming\b|this coming\b)", re.I)


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    """where (aux/head/amod/advmod/noun) → word → modality class."""
    out: dict[str, dict[str, str]] = {}
    for row in read_table("eventwire.events", "modality_cues.tsv"):
        out.setdefault(row["where"], {})[row["word"]] = row["class"]
    return out


@functools.lru_cache(maxsize=1)
def refusable_nouns() -> frozenset[str]:
    """Nouns whose denial is a refusal, not a dispute of fact ("denied a request", "denied entry")."""
    return frozenset(
        row["word"] for row in read_table("eventwire.events", "denial_words.tsv") if row["kind"] == "refusable"
    )


# ---------------------------------------------------------------- attribution links


def _attribution(head: Token | None, cue: str, actors, verb: Token | None = None, denied: bool = False) -> Attribution:
    """One link of the chain: the speaker's noun phrase and actor, or the bare cue word when no speaker is named."""
    if head is None:
        t = verb
        return Attribution(
            text=t.text if t is not None else cue,
            code=None,
            cue=cue,
            anonymous=True,
            denied=denied,
            start=t.idx if t is not None else None,
            end=(t.idx + len(t.text)) if t is not None else None,
        )
    head = named_for(head)  # "the official, who said": the official
    span = speaker_span(head)
    actor = actors.for_token(head) if actors is not None else None
    return Attribution(
        text=span.text,
        code=getattr(actor, "code", None),
        cue=cue,
        anonymous=is_anonymous(head, verb),
        denied=denied,
        start=span.start_char,
        end=span.end_char,
    )


# ---------------------------------------------------------------- local markers


def _aux_class(t: Token, under_report: bool) -> str | None:
    """The modality a modal auxiliary of ``t`` gives ("will" → future, "may" → hypothetical)."""
    aux = cues().get("aux", {})
    best = None
    for c in t.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in aux:
            w = c.lower_
            cls = aux[w]
            if w in ("would", "'d") and under_report:
                cls = "future"  # "said it would attack": future seen from the statement
            if best is None or PRECEDENCE[cls] > PRECEDENCE[best]:
                best = cls
    return best


def _has_neg(t: Token) -> bool:
    """ "did not attack", "never met", "no attack", "without an agreement", "no one was hurt"."""
    for c in t.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ == "det" and c.lower_ == "no" and t.pos_ in ("NOUN", "PROPN"):
            return True
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "without":
        return True
    if t.pos_ in ("VERB", "AUX"):  # "no one was killed", "nobody fired", "sent no troops"
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                c.lower_ in ("nobody", "none", "nothing", "noone", "no-one")
                or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
            ):
                return True
    return False


def _future_time(t: Token) -> bool:
    """Present-tense verb with "tomorrow", "next week" … attached: a scheduled future event."""
    if t.tag_ not in ("VBZ", "VBP", "VBG"):
        return False
    for c in t.children:
        cand = c
        if c.dep_ == "prep":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            cand = pobj
        elif c.dep_ not in ("npadvmod", "advmod", "tmod"):
            continue
        if cand.ent_type_ == "DATE" or cand.lower_ == "tomorrow":
            txt = cand.doc[cand.left_edge.i : cand.right_edge.i + 1].text
            if _FUTURE_TIME.match(txt):
                return True
    return False


def _is_question(t: Token) -> bool:
    """Does the trigger's sentence end in a question mark?"""
    _, questions = sentence_index(t.doc)
    k = sentence_of(t)
    return 0 <= k < len(questions) and questions[k]


# ---------------------------------------------------------------- main entry

#: Verbs whose *noun object* is the content of the report ("reported an attack", "denied the raid").
_DOBJ_REPORT = {
    "report",
    "claim",
    "allege",
    "confirm",
    "describe",
    "recount",
    "deny",
    "refute",
    "disown",
    "debunk",
    "reject",
    "dismiss",
    "dispute",
    "rebut",
    "contradict",
}
#: Preps through which a clause or noun is the content of the verb above ("accused X of …", "quoted as saying").
_CONTENT_PREPS = {"of", "as", "about", "for", "over"}


def _climb(trigger: Token) -> list[tuple[Token, str]]:
    path: list[tuple[Token, str]] = [(trigger, "")]
    cur = trigger
    for _ in range(16):
        if cur.head.i == cur.i:
            break
        head = cur.head
        if (
            cur.dep_ == "conj"
            and cur.tag_ in _FINITE
            and head.tag_ in _NONFINITE
            and head.dep_ in ("xcomp", "ccomp", "pcomp")
            and head.head.i != head.i
        ):
            # "denied carrying out X and accused Y": coordination joins like forms, so a finite
            # conjunct hung on a gerund belongs with the verb above it, not inside what was denied
            head = head.head
        if cur.dep_ == "prep" and head.pos_ != "VERB":
            verb = object_agent_verb(cur)
            if verb is not None:  # "accused [the rebels of shelling]": the phrase is the verb's content
                head = verb
        path.append((head, cur.dep_))
        cur = head
    return path


def _second_subject(verb: Token, first: Token) -> bool:
    """Is ``first`` an extra subject of ``verb`` with the real speaker nearer the verb, after a comma?"""
    others = [c for c in verb.children if c.dep_ in _SUBJ and c.i != first.i and first.i < c.i < verb.i]
    if not others:
        return False
    return any(t.text == "," for t in verb.doc[first.i : others[0].left_edge.i])


def _is_infinitive(t: Token) -> bool:
    """ "(wants Beijing) to stop": a to-infinitive clause, which behaves like an xcomp."""
    return t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _has_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in t.children)


class _Chain:
    """What the climb from one trigger has found so far: modality cues and attribution links."""

    def __init__(self, actors):
        self.actors = actors
        self.found: list[str] = []
        self.links: list[Attribution] = []  # innermost first; reversed at the end
        self.used: set[int] = set()  # speaker tokens already linked
        self.under_report = False
        self.last_report: Token | None = None  # the last reporting verb passed ("saying" under "was quoted as")

    def add(self, spk: Token | None, cue: str, verb: Token | None, denied: bool = False) -> None:
        if spk is not None and spk.i in self.used:
            return
        self.links.append(_attribution(spk, cue, self.actors, verb, denied))
        if spk is not None:
            self.used.add(spk.i)

    def hedge(self, word: Token) -> None:
        """ "reportedly", "the alleged attack": an unnamed source as a link."""
        self.links.append(
            Attribution(
                text=word.text,
                code=None,
                cue=word.lower_,
                anonymous=True,
                start=word.idx,
                end=word.idx + len(word.text),
            )
        )


def _effective_link(node: Token, via: str, prev: Token, kind: str | None) -> str:
    """The dependency link from ``prev`` up to ``node``, corrected for known mis-parses."""
    if via == "prep":  # reached through a preposition we did not step over: not content
        content = prev.lower_ in _CONTENT_PREPS or object_agent_verb(prev) is not None  # "charged X with"
        return "prep" if content and prev.pos_ == "ADP" else "adjunct"
    if via in ("nsubj", "nsubjpass") and kind == "report" and _second_subject(node, prev):
        return "ccomp"  # "X killed 23, medics said" parsed with X as a subject of "said"
    if via == "xcomp" and prev.pos_ not in ("VERB", "AUX"):
        return "adjunct"  # "said to applause": a noun is never the content through xcomp
    return via


def _report_link(ch: _Chain, node: Token, lemma: str, prev: Token | None = None) -> None:
    """A reporting verb above the event: its speaker (and outlet) join the chain."""
    if lemma == "quote" and any(c.i in ch.used for c in node.children if c.dep_ in ("dobj", "nsubjpass")):
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is None:  # "X was quoted as saying … by the Associated Press"
            subj = passive_agent(node) or (passive_agent(ch.last_report) if ch.last_report is not None else None)
        if subj is not None:  # "Reuters quoted X as saying": Reuters is the outer link
            ch.add(subj, "quote", node)
    else:
        ch.last_report = node
        # "Reuters reported, citing two sources …": the cited sources are the inner link (the parser may
        # hang "citing" on the reported clause instead of the reporting verb)
        for c in [*node.children, *(prev.children if prev is not None else ())]:
            if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_ in ("cite", "quote") and c.tag_ == "VBG":
                cited = next((g for g in c.children if g.dep_ == "dobj"), None)
                if cited is not None:
                    ch.add(cited, "cite", c)
        ch.add(speaker_of(node), lemma, node)
        if lemma == "quote" and any(c.dep_ == "nsubjpass" for c in node.children):
            outer = passive_agent(node)
            if outer is not None:
                ch.add(outer, "quote", node)
        outlet = outlet_of_tell(node) if lemma == "tell" else None
        if outlet is not None:  # "officials told the Wall Street Journal"
            ch.add(outlet, "report", None)  # (anonymity words near the verb describe the speaker)
    ch.found.append("reported")
    ch.under_report = True


def _noun_link(ch: _Chain, node: Token, lemma: str, cls: str) -> None:
    """ "reports that …", "plans to …", "Tehran's claim that …"."""
    ch.found.append(cls)
    if cls != "reported":
        return
    owner = next((c for c in node.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in node.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if owner is not None and owner.pos_ in ("PROPN", "NOUN", "PRON"):
        ch.add(owner, lemma, node)


def _head_cue(node: Token, lemma: str, prev: Token) -> str | None:
    """ "plans to", "is set to", "is to", "is going to", "asked X to", "refused to" … above the trigger."""
    cls = cues().get("head", {}).get(lemma)
    if lemma == "be" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children):
        return None  # only "is to meet"
    if lemma == "set" and not any(c.dep_ == "auxpass" for c in node.children):
        return None  # only "is set to"
    if lemma == "go" and node.tag_ != "VBG":
        return None  # only "is going to"
    return cls


def _step(ch: _Chain, node: Token, via: str, prev: Token, local: bool, first: bool) -> bool | None:
    """Judge the link from ``prev`` up to ``node``; return whether we are still in the trigger's own
    clause chain, or None to step over a content preposition."""
    lemma = node.lemma_.lower()
    noun_cues, light = cues().get("noun", {}), cues().get("light", {})
    if via in ("pcomp", "pobj") and node.pos_ == "ADP":
        if node.lower_ in ("against", "without") and first:
            # "warned Moscow against delivering …", "left without paying": not done
            ch.found.append("hypothetical" if node.lower_ == "against" else "negated")
        if node.lower_ in _CONTENT_PREPS or object_agent_verb(node) is not None:
            return None  # judge the link at the word the preposition hangs on
    kind = reporting_verbs().get(lemma) if node.pos_ in ("VERB", "AUX") else None
    link = _effective_link(node, via, prev, kind)
    if kind is None and link == "prep" and claims_act(node) and direct_object(node) is not None:
        # "held X responsible for the attack", "blamed X for it": only the speaker's claim ("who is
        # to blame for the attack", with no object, is the text's own statement)
        verb = object_agent_verb(prev)
        if verb is not None and verb.i == node.i:
            kind = "report"
    content = (
        link in _COMPLEMENT
        or link == "prep"
        or (
            link == "dobj"
            and prev.pos_ in ("NOUN", "PROPN")
            and lemma in _DOBJ_REPORT
            and prev.lemma_.lower() not in refusable_nouns()
        )
    )
    if kind == "reject" and not (link in _COMPLEMENT or noun_cues.get(prev.lemma_.lower()) == "reported"):
        kind = None
    if kind == "report" and content:
        _report_link(ch, node, lemma, prev)
    elif kind in ("deny", "reject") and content and (prev.i > node.i or link == "parataxis"):
        ch.add(speaker_of(node), lemma, node, denied=True)
        ch.found.append("denied")
    elif (
        node.pos_ in ("NOUN", "PROPN")
        and link in ("acl", "ccomp", "prep")
        and lemma in noun_cues
        and (noun_cues[lemma] == "reported" or link != "acl" or _is_infinitive(prev))
    ):
        _noun_link(ch, node, lemma, noun_cues[lemma])
    elif local and (link in ("xcomp", "acomp") or (link == "ccomp" and _is_infinitive(prev))):
        cls = _head_cue(node, lemma, prev)
        if cls:
            ch.found.append(cls)
    if link == "advcl" and any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in prev.children):
        ch.found.append("conditional")  # the event is itself the condition ("if X attacks, …")
    return local and (
        link == "xcomp"
        or (link == "ccomp" and _is_infinitive(prev))
        or (link == "conj" and not _has_subject(prev))
        or (link in ("dobj", "nsubj", "nsubjpass") and prev.pos_ in ("NOUN", "PROPN") and lemma in light)
    )


def _local_markers(ch: _Chain, node: Token, first: bool, prev: Token | None) -> None:
    """Negation, tense/time, conditions and questions marked on the trigger's own clause chain."""
    amod_cues = cues().get("amod", {})
    if _has_neg(node):
        ch.found.append("negated")
    if _future_time(node):
        ch.found.append("future")
    is_report = reporting_verbs().get(node.lemma_.lower()) == "report"
    for c in node.children:
        if c.dep_ == "amod" and first and node.pos_ in ("NOUN", "PROPN") and c.lower_ in amod_cues:
            ch.found.append(amod_cues[c.lower_])
            if amod_cues[c.lower_] == "reported":
                ch.hedge(c)
        elif c.dep_ == "mark" and c.lower_ in _COND_MARKS:
            if node.dep_ == "ccomp" and node.head.lemma_ in _QUESTION_HEADS:
                ch.found.append("question")  # "asked if X would attack"
            else:
                ch.found.append("conditional")
        elif c.dep_ == "mark" and c.lower_ == "whether":
            ch.found.append("question")
        elif (
            c.dep_ == "advcl"
            and (prev is None or c.i != prev.i)
            and any(m.dep_ == "mark" and m.lower_ in _COND_MARKS for m in c.children)
            and not (is_report and any(g.dep_ == "ccomp" for g in node.children))
        ):
            ch.found.append("conditional")  # "X will strike if Y …"


def _hedges(ch: _Chain, node: Token, prev: Token | None, local: bool) -> None:
    """ "reportedly", "allegedly", "possibly" and "according to X" anywhere up the chain."""
    adv_cues = cues().get("advmod", {})
    for c in node.children:
        if prev is not None and c.i == prev.i:
            continue
        if c.dep_ == "advmod" and c.lower_ in adv_cues:
            cls = adv_cues[c.lower_]
            if cls != "reported" and not local:
                continue
            ch.found.append(cls)
            if cls == "reported":
                ch.hedge(c)
        elif c.lower_ == "according":
            src = according_to(c)
            if src is not None:
                ch.add(src, "according to", c)
                ch.found.append("reported")


def _trailing_report(ch: _Chain, node: Token, prev: Token | None) -> None:
    """A reporting verb hanging *below* the event clause: "X attacked Y, residents said"."""
    rep = reporting_verbs()
    for c in node.children:
        if (
            ((c.dep_ in ("ccomp", "advcl") and c.i > node.i) or c.dep_ == "parataxis")
            and (prev is None or c.i != prev.i)
            and rep.get(c.lemma_.lower()) == "report"
            and not any(g.dep_ in ("ccomp", "dobj", "xcomp", "mark") for g in c.children)
        ):
            spk = speaker_of(c)
            if spk is not None:
                ch.add(spk, c.lemma_.lower(), c)
                ch.found.append("reported")
                ch.under_report = True


def assess(trigger: Token, actors) -> tuple[str, list[Attribution]]:
    """Modality of the event at ``trigger`` and its attribution chain, outermost first."""
    ch = _Chain(actors)
    local = True  # the node is in the trigger's own clause chain (auxiliaries and negation apply)
    prev: Token | None = None
    auxes: list[Token] = []
    for k, (node, via) in enumerate(_climb(trigger)):
        if k:
            assert prev is not None  # set at the end of the turn before
            step = _step(ch, node, via, prev, local, k == 1)
            if step is None:
                prev = node
                continue
            local = step
        if local:
            auxes.append(node)
            _local_markers(ch, node, k == 0, prev)
        _hedges(ch, node, prev, local)
        if node.pos_ in ("VERB", "AUX") and (local or k == 0):
            _trailing_report(ch, node, prev)
        prev = node
    if not ch.links:  # a sentence inside a longer quotation: "“… . We struck their depot,” the colonel said."
        verb = quote_speaker_verb(trigger)
        spk = speaker_of(verb) if verb is not None else None
        if verb is not None and spk is not None:
            ch.add(spk, verb.lemma_.lower(), verb)
            ch.found.append("reported")
            ch.under_report = True
    embedded_question = "question" in ch.found  # "asked whether X would …": the modal belongs to the question
    for node in auxes:  # after the climb, when we know whether a reporting verb is above
        aux = _aux_class(node, ch.under_report)
        if aux and not (embedded_question and (aux == "future" or (node.i == trigger.i and aux == "hypothetical"))):
            ch.found.append(aux)
    if _is_question(trigger):
        ch.found.append("question")
    modality = max(ch.found, key=lambda m: PRECEDENCE[m]) if ch.found else "asserted"
    ch.links.reverse()
    return modality, ch.links
