"""Who says so: the speaker of a reporting verb, its noun phrase, and whether it is an outlet or unnamed.

Why: one speaker finder for every claim in a sentence, so that an event and a quotation under the
same verb name the same speaker, and "officials told the Wall Street Journal" keeps both links.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .cues import anonymous_words, outlet_words

_SUBJECT_DEPS = {"nsubj", "csubj"}
_ANON_PHRASE = re.compile(r"\bnot (to )?(be )?(named|identified)\b|\bnot authori[sz]ed to\b|\bcondition of anonymity\b", re.I)
_SPEAKER_KEEP = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "prep", "pobj",
                 "cc", "conj", "punct", "npadvmod", "predet"}
_QUANTIFIERS = {"some", "several", "many", "few", "both", "all", "most", "none", "one", "two", "three", "four", "five"}
#: Verbs whose object is the person spoken to, never the speaker.
_ADDRESSEE_VERBS = {"tell", "inform", "brief", "quote", "warn", "accuse", "charge", "remind", "assure", "ask", "urge"}


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


def find_speaker(verb: Token) -> Token | None:
    """The speaker of reporting verb ``verb``: its subject, a quoted person, an agent, or the subject of the verb it hangs on."""
    cur = verb
    for _ in range(4):
        subjs = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        # nearest subject: a mis-parse can hang the content clause on the verb as a second subject
        subj = min(subjs, key=lambda c: abs(cur.i - c.i)) if subjs else None
        if cur.i != verb.i and cur.lemma_ == "quote":  # "X was quoted as saying" / "R quoted X as saying"
            for c in cur.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c
        if subj is not None and subj.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
            return cur.head  # "the report, which found that …"
        if subj is not None and not (subj.lower_ in ("it", "there") and any(c.dep_ == "auxpass" for c in cur.children)):
            return subj
        if cur.i == verb.i:  # '"…," added al-Zawahiri': the speaker after the verb, parsed as its object
            inverted = _inverted_speaker(cur)
            if inverted is not None:
                return inverted
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.tag_ != "VBN":
            return cur.head  # "a document stating that …" (but "a man suspected of …" is the suspect)
        by_agent = _agent_or_quoted(cur)
        if by_agent is not None:
            return by_agent
        if (cur.dep_ in ("advcl", "xcomp", "pcomp", "prep", "conj", "acl") or (cur.dep_ == "ccomp" and cur.tag_ == "VBG")) \
                and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """A named speaker after its verb, parsed as the verb's object ('"…," added al-Zawahiri')."""
    inverted = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i
                     and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
                     and c.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")), None)
    if inverted is not None and verb.lemma_.lower() not in _ADDRESSEE_VERBS:
        return inverted
    return None


def _agent_or_quoted(verb: Token) -> Token | None:
    """The "by X" agent of a passive verb, or X in "X was quoted"."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        if c.dep_ == "nsubjpass" and verb.lemma_ == "quote":
            return c
    return None


def passive_agent(verb: Token) -> Token | None:
    """X in a passive "… by X" (also "quoted as saying by X", where the parser hangs "by" on "saying")."""
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            got = next((g for g in c.children if g.dep_ == "pobj"), None)
            if got is not None:
                return got
        if c.dep_ == "prep" and c.lower_ == "as":
            for g in c.children:
                if g.dep_ == "pcomp" and g.lemma_ == "say":
                    got = passive_agent(g)
                    if got is not None:
                        return got
    return None


def outlet_of_tell(verb: Token) -> Token | None:
    """"… told the Wall Street Journal": the outlet that carried the speaker's words."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            if is_outlet(speaker_span(c)):
                return c
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pobj" and is_outlet(speaker_span(g)):
                    return g
    return None


def according_to(word: Token) -> Token | None:
    """If ``word`` is "according" in "according to X", X."""
    if word.lower_ != "according":
        return None
    for c in word.children:
        if c.lower_ == "to":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None
