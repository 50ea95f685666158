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

import bisect
import functools
import re
from importlib import resources

from spacy.tokens import Span, Token

from ..model import Attribution
from .patterns import claims_act, direct_object, object_agent_verb

#: Higher wins.
PRECEDENCE = {"asserted": 0, "reported": 1, "question": 2, "future": 3, "hypothetical": 4,
              "conditional": 5, "denied": 6, "negated": 7}

#: Links through which a clause is the *content* of the verb above it.
_COMPLEMENT = {"ccomp", "xcomp", "parataxis"}
_FINITE = {"VBD", "VBZ", "VBP"}
_NONFINITE = {"VBG", "VB"}
_SUBJ = {"nsubj", "csubj"}
_COND_MARKS = {"if", "unless", "provided", "providing"}
_QUESTION_HEADS = {"ask", "wonder", "question", "know", "unclear", "uncertain", "see"}
_FUTURE_TIME = re.compile(r"^(tomorrow|next\b|later this\b|coming\b|this coming\b)", re.I)
_ANON_PHRASE = re.compile(r"\bnot (to )?(be )?(named|identified)\b|\bnot authori[sz]ed to\b|\bcondition of anonymity\b", re.I)
_SPEAKER_KEEP = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "prep", "pobj",
                 "cc", "conj", "punct", "npadvmod", "predet"}


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("eventwire.events").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """lemma → report | deny | reject."""
    return {row[0]: row[1] for row in _data_lines("modality_reporting.tsv")}


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, str]]:
    """where (aux/head/amod/advmod/noun) → word → modality class."""
    out: dict[str, dict[str, str]] = {}
    for word, cls, where in _data_lines("modality_cues.tsv"):
        out.setdefault(where, {})[word] = cls
    return out


@functools.lru_cache(maxsize=1)
def anonymous_words() -> tuple[frozenset[str], frozenset[str]]:
    """(speaker head nouns that are unnamed sources, words that mark anonymity)."""
    rows = _data_lines("modality_anonymous.tsv")
    return (frozenset(w for w, k in rows if k == "noun"), frozenset(w for w, k in rows if k == "marker"))


@functools.lru_cache(maxsize=1)
def refusable_nouns() -> frozenset[str]:
    """Nouns whose denial is a refusal, not a dispute of fact ("denied a request", "denied entry")."""
    return frozenset(row[0] for row in _data_lines("modality_denials.tsv") if len(row) > 1 and row[1] == "refusable")


@functools.lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    return frozenset(row[0] for row in _data_lines("modality_outlets.tsv"))


# ---------------------------------------------------------------- speakers


def speaker_span(head: Token) -> Span:
    """The noun phrase of a speaker, without relative clauses, appositions or trailing clauses."""
    lo = hi = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _SPEAKER_KEEP and not (c.dep_ == "punct" and (c.i < lo or c.i > hi)):
                lo, hi = min(lo, c.i), max(hi, c.i)
                stack.append(c)
    doc = head.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].pos_ == "ADP"):  # "neighbours [of burning …]"
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi + 1]


def is_outlet(span: Span) -> bool:
    """A news outlet named as a source ("the Wall Street Journal", "Reuters")."""
    if not any(t.ent_type_ in ("ORG", "WORK_OF_ART", "PERSON", "NORP", "GPE") or t.pos_ == "PROPN" for t in span):
        return False
    words = outlet_words()
    return any(t.lower_.strip(".") in words for t in span)


_QUANTIFIERS = {"some", "several", "many", "few", "both", "all", "most", "none", "one", "two", "three", "four", "five"}


def is_anonymous(head: Token, verb: Token | None = None) -> bool:
    """An unnamed source: "officials", "a senior diplomat", "sources familiar with …", "who spoke on condition of anonymity"."""
    nouns, markers = anonymous_words()
    sub = list(head.subtree)
    named = any(t.ent_type_ == "PERSON" for t in sub) or (head.pos_ == "PROPN")
    if any(t.lower_ in markers for t in sub):
        return True
    texts = [head.doc[sub[0].i:sub[-1].i + 1].text] if sub else []
    if verb is not None:  # "..., speaking on condition of anonymity, said" / "said on condition of anonymity"
        for c in verb.children:
            if c.dep_ in ("advcl", "prep", "npadvmod", "advmod") and c.i != head.i and c.lemma_ not in ("cite", "quote"):
                st = list(c.subtree)
                if any(t.lower_ in markers for t in st):
                    return True
                texts.append(head.doc[st[0].i:st[-1].i + 1].text)
    if any(_ANON_PHRASE.search(x) for x in texts):
        return True
    if named:
        return False
    if head.like_num or head.lower_ in _QUANTIFIERS:  # "two of the officials", "some of the diplomats"
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if inner is not None:
            head = inner
    if head.lemma_.lower() in nouns or head.lower_ in nouns:
        return True
    return head.lower_ in ("sources", "someone", "somebody") or (head.lemma_ == "source")


#: Verbs whose object is the person spoken to, never the speaker.
_ADDRESSEE_VERBS = {"tell", "inform", "brief", "quote", "warn", "accuse", "charge", "remind", "assure", "ask", "urge"}


def _find_speaker(v: Token) -> Token | None:
    """The speaker of reporting verb ``v``: its subject, a quoted person, an agent, or the subject of the verb it hangs on."""
    cur = v
    for _ in range(4):
        subjs = [c for c in cur.children if c.dep_ in _SUBJ]
        # nearest subject: a mis-parse can hang the content clause on the verb as a second subject
        subj = min(subjs, key=lambda c: abs(cur.i - c.i)) if subjs else None
        if cur.i != v.i and cur.lemma_ == "quote":  # "X was quoted as saying" / "R quoted X as saying"
            for c in cur.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c
        if subj is not None and subj.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
            return cur.head  # "the report, which found that …"
        if subj is not None and not (subj.lower_ in ("it", "there") and any(c.dep_ == "auxpass" for c in cur.children)):
            return subj
        if cur.i == v.i:  # '"…," added al-Zawahiri': the speaker after the verb, parsed as its object
            inv = next((c for c in cur.children if c.dep_ in ("dobj", "attr") and c.i > cur.i
                        and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
                        and c.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")), None)
            if inv is not None and cur.lemma_.lower() not in _ADDRESSEE_VERBS:
                return inv
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ != "VBN":
            return cur.head  # "a document stating that …" (but "a man suspected of …" is the suspect)
        for c in cur.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
            if c.dep_ == "nsubjpass" and cur.lemma_ == "quote":
                return c
        if (cur.dep_ in ("advcl", "xcomp", "pcomp", "prep", "conj", "acl") or (cur.dep_ == "ccomp" and cur.tag_ == "VBG")) \
                and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _agent(v: Token) -> Token | None:
    """X in a passive "… by X" (also "quoted as saying by X", where the parser hangs "by" on "saying")."""
    for c in v.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            got = next((g for g in c.children if g.dep_ == "pobj"), None)
            if got is not None:
                return got
        if c.dep_ == "prep" and c.lower_ == "as":
            for g in c.children:
                if g.dep_ == "pcomp" and g.lemma_ == "say":
                    got = _agent(g)
                    if got is not None:
                        return got
    return None


def _attribution(head: Token | None, cue: str, actors, verb: Token | None = None, denied: bool = False) -> Attribution:
    if head is None:
        t = verb
        return Attribution(text=t.text if t is not None else cue, code=None, cue=cue, anonymous=True, denied=denied,
                           start=t.idx if t is not None else None, end=(t.idx + len(t.text)) if t is not None else None)
    span = speaker_span(head)
    actor = actors.for_token(head) if actors is not None else None
    return Attribution(text=span.text, code=getattr(actor, "code", None), cue=cue,
                       anonymous=is_anonymous(head, verb), denied=denied,
                       start=span.start_char, end=span.end_char)


def _outlet_of_tell(v: Token) -> Token | None:
    """"… told the Wall Street Journal": the outlet that carried the speaker's words."""
    for c in v.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            if is_outlet(speaker_span(c)):
                return c
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pobj" and is_outlet(speaker_span(g)):
                    return g
    return None


def _according_to(t: Token) -> Token | None:
    """If ``t`` is "according" in "according to X", X."""
    if t.lower_ != "according":
        return None
    for c in t.children:
        if c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


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
    """"did not attack", "never met", "no attack", "without an agreement", "no one was hurt"."""
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
                    or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
                return True
    return False


def _future_time(t: Token) -> bool:
    """Present-tense verb with "tomorrow", "next week" … attached: a scheduled future event."""
    if t.tag_ not in ("VBZ", "VBP", "VBG"):
        return False
    for c in t.children:
        cand = c
        if c.dep_ == "prep":
            cand = next((g for g in c.children if g.dep_ == "pobj"), None)
            if cand is None:
                continue
        elif c.dep_ not in ("npadvmod", "advmod", "tmod"):
            continue
        if cand.ent_type_ == "DATE" or cand.lower_ == "tomorrow":
            txt = cand.doc[cand.left_edge.i:cand.right_edge.i + 1].text
            if _FUTURE_TIME.match(txt):
                return True
    return False


_SENTS_KEY = "eventwire.sentences"


def sentence_index(doc) -> tuple[list[int], list[bool]]:
    """Sentence start indices and, per sentence, whether it ends in "?"; computed once per Doc.

    Why: ``Token.sent`` rescans the document on every call; events of one article share this.
    """
    got = doc.user_data.get(_SENTS_KEY)
    if got is None:
        starts, questions = [], []
        for sent in doc.sents:
            starts.append(sent.start)
            end = sent.end - 1
            while end > sent.start and (doc[end].is_space or (doc[end].is_quote and doc[end - 1].text == "?")):
                end -= 1
            questions.append(doc[end].text == "?")
        got = (starts, questions)
        doc.user_data[_SENTS_KEY] = got
    return got


def sentence_of(t: Token) -> int:
    """Index of the sentence holding ``t``."""
    starts, _ = sentence_index(t.doc)
    return bisect.bisect_right(starts, t.i) - 1


def _is_question(t: Token) -> bool:
    """Does the trigger's sentence end in a question mark?"""
    _, questions = sentence_index(t.doc)
    k = sentence_of(t)
    return 0 <= k < len(questions) and questions[k]


# ---------------------------------------------------------------- quotations over several sentences

_QUOTES_KEY = "eventwire.quote_regions"
_OPEN = {"\u201c", "``", "\u2018"}
_CLOSE = {"\u201d", "''", "\u2019"}
_AMBI = {'"'}


def _quote_regions(doc) -> list[tuple[int, int, int | None]]:
    """(first token, last token, reporting verb index or None) of each quotation; once per Doc."""
    got = doc.user_data.get(_QUOTES_KEY)
    if got is not None:
        return got
    rep = reporting_verbs()
    regions: list[tuple[int, int, int | None]] = []
    open_at: int | None = None
    for t in doc:
        txt = t.text
        if t.is_space and "\n" in txt:
            open_at = None  # a quotation does not run over a paragraph break without reopening
            continue
        if txt in _OPEN or (txt in _AMBI and open_at is None):
            if txt == "\u2019" or txt == "\u2018" and t.i + 1 < len(doc) and not doc[t.i + 1].is_alpha:
                continue
            open_at = t.i
        elif (txt in _CLOSE or txt in _AMBI) and open_at is not None:
            if txt == "\u2019" and t.i > 0 and doc[t.i - 1].is_alpha and t.i + 1 < len(doc) and doc[t.i + 1].is_alpha:
                continue  # an apostrophe
            verb = None
            for j in range(t.i + 1, min(t.i + 8, len(doc))):  # "…,” the colonel said / said the colonel
                w = doc[j]
                if w.is_sent_start and j > t.i + 1 or w.text in _OPEN or w.text in _AMBI:
                    break
                if w.pos_ == "VERB" and rep.get(w.lemma_.lower()) == "report" and w.dep_ not in ("amod", "acl", "relcl"):
                    verb = j
                    break
            if verb is None:  # 'the colonel said: "…"' / 'he told reporters, "…'
                for j in range(open_at - 1, max(open_at - 8, -1), -1):
                    w = doc[j]
                    if w.pos_ == "VERB" and rep.get(w.lemma_.lower()) == "report" and w.dep_ not in ("amod", "acl", "relcl"):
                        verb = j
                        break
                    if w.is_sent_start and not w.is_punct:
                        break
            if t.i - open_at > 1:
                regions.append((open_at, t.i, verb))
            open_at = None
    doc.user_data[_QUOTES_KEY] = regions
    return regions


def quote_speaker_verb(t: Token) -> Token | None:
    """The reporting verb of the quotation ``t`` stands in, when the quotation is attributed."""
    regions = _quote_regions(t.doc)
    k = bisect.bisect_right(regions, (t.i, len(t.doc), None)) - 1 if regions else -1
    if k >= 0:
        lo, hi, verb = regions[k]
        if lo < t.i < hi and verb is not None:
            return t.doc[verb]
    return None


# ---------------------------------------------------------------- main entry

#: Verbs whose *noun object* is the content of the report ("reported an attack", "denied the raid").
_DOBJ_REPORT = {"report", "claim", "allege", "confirm", "describe", "recount", "deny", "refute", "disown", "debunk",
                "reject", "dismiss", "dispute", "rebut", "contradict"}
#: Preps through which a clause or noun is the content of the verb above ("accused X of …", "quoted as saying").
_CONTENT_PREPS = {"of", "as", "about", "for", "over"}


def _climb(trigger: Token) -> list[tuple[Token, str]]:
    path: list[tuple[Token, str]] = [(trigger, "")]
    cur = trigger
    for _ in range(16):
        if cur.head.i == cur.i:
            break
        head = cur.head
        if cur.dep_ == "conj" and cur.tag_ in _FINITE and head.tag_ in _NONFINITE \
                and head.dep_ in ("xcomp", "ccomp", "pcomp") and head.head.i != head.i:
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
    return any(t.text == "," for t in verb.doc[first.i:others[0].left_edge.i])


def _is_infinitive(t: Token) -> bool:
    """"(wants Beijing) to stop": a to-infinitive clause, which behaves like an xcomp."""
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
        """"reportedly", "the alleged attack": an unnamed source as a link."""
        self.links.append(Attribution(text=word.text, code=None, cue=word.lower_, anonymous=True,
                                      start=word.idx, end=word.idx + len(word.text)))


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
            subj = _agent(node) or (_agent(ch.last_report) if ch.last_report is not None else None)
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
        ch.add(_find_speaker(node), lemma, node)
        if lemma == "quote" and any(c.dep_ == "nsubjpass" for c in node.children):
            outer = _agent(node)
            if outer is not None:
                ch.add(outer, "quote", node)
        outlet = _outlet_of_tell(node) if lemma == "tell" else None
        if outlet is not None:  # "officials told the Wall Street Journal"
            ch.add(outlet, "report", None)  # (anonymity words near the verb describe the speaker)
    ch.found.append("reported")
    ch.under_report = True


def _noun_link(ch: _Chain, node: Token, lemma: str, cls: str) -> None:
    """"reports that …", "plans to …", "Tehran's claim that …"."""
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
    """"plans to", "is set to", "is to", "is going to", "asked X to", "refused to" … above the trigger."""
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
    content = (link in _COMPLEMENT or link == "prep"
               or (link == "dobj" and prev.pos_ in ("NOUN", "PROPN") and lemma in _DOBJ_REPORT
                   and prev.lemma_.lower() not in refusable_nouns()))
    if kind == "reject" and not (link in _COMPLEMENT or noun_cues.get(prev.lemma_.lower()) == "reported"):
        kind = None
    if kind == "report" and content:
        _report_link(ch, node, lemma, prev)
    elif kind in ("deny", "reject") and content and (prev.i > node.i or link == "parataxis"):
        ch.add(_find_speaker(node), lemma, node, denied=True)
        ch.found.append("denied")
    elif node.pos_ in ("NOUN", "PROPN") and link in ("acl", "ccomp", "prep") and lemma in noun_cues and (
            noun_cues[lemma] == "reported" or link != "acl" or _is_infinitive(prev)):
        _noun_link(ch, node, lemma, noun_cues[lemma])
    elif local and (link in ("xcomp", "acomp") or (link == "ccomp" and _is_infinitive(prev))):
        cls = _head_cue(node, lemma, prev)
        if cls:
            ch.found.append(cls)
    if link == "advcl" and any(c.dep_ == "mark" and c.lower_ in _COND_MARKS for c in prev.children):
        ch.found.append("conditional")  # the event is itself the condition ("if X attacks, …")
    return local and (
        link == "xcomp" or (link == "ccomp" and _is_infinitive(prev))
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
        elif c.dep_ == "advcl" and (prev is None or c.i != prev.i) and any(
                m.dep_ == "mark" and m.lower_ in _COND_MARKS for m in c.children) and not (
                is_report and any(g.dep_ == "ccomp" for g in node.children)):
            ch.found.append("conditional")  # "X will strike if Y …"


def _hedges(ch: _Chain, node: Token, prev: Token | None, local: bool) -> None:
    """"reportedly", "allegedly", "possibly" and "according to X" anywhere up the chain."""
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
            src = _according_to(c)
            if src is not None:
                ch.add(src, "according to", c)
                ch.found.append("reported")


def _trailing_report(ch: _Chain, node: Token, prev: Token | None) -> None:
    """A reporting verb hanging *below* the event clause: "X attacked Y, residents said"."""
    rep = reporting_verbs()
    for c in node.children:
        if (((c.dep_ in ("ccomp", "advcl") and c.i > node.i) or c.dep_ == "parataxis") and (prev is None or c.i != prev.i)
                and rep.get(c.lemma_.lower()) == "report"
                and not any(g.dep_ in ("ccomp", "dobj", "xcomp", "mark") for g in c.children)):
            spk = _find_speaker(c)
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
        spk = _find_speaker(verb) if verb is not None else None
        if spk is not None:
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
