"""Who says so: the speaker of a reporting verb, its noun phrase, and whether it is an outlet or unnamed.

Why: one speaker finder for every claim in a sentence, so that an event and a quotation under the
same verb name the same speaker, and "officials told the Wall Street Journal" keeps both links.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .cues import anonymous_words, cue_lemma, outlet_words
from .regions import quote_regions

_SUBJECT_DEPS = {"nsubj", "csubj"}
_SPEAKERS_KEY = "eventwire.speakers"
#: entity types of a duration or amount, never what a statement is about
MEASURES = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL", "MONEY", "PERCENT"})
_ANON_PHRASE = re.compile(
    r"\bnot (to )?(be )?(named|identified)\b|\bnot authori[sz]ed to\b|\bcondition of anonymity\b", re.I
)
_SPEAKER_KEEP = {
    "det",
    "amod",
    "compound",
    "poss",
    "nummod",
    "nmod",
    "quantmod",
    "advmod",
    "prep",
    "pobj",
    "cc",
    "conj",
    "punct",
    "npadvmod",
    "predet",
}
_QUANTIFIERS = {"some", "several", "many", "few", "both", "all", "most", "none", "one", "two", "three", "four", "five"}
#: Verbs whose object is the person spoken to, never the speaker.
_ADDRESSEE_VERBS = {"tell", "inform", "brief", "quote", "warn", "accuse", "charge", "remind", "assure", "ask", "urge"}


# ---------------------------------------------------------------- the one speaker of a cue verb


def speaker_of(verb: Token) -> Token | None:
    """THE speaker of cue verb ``verb``: the token every layer names for it, found once per Doc.

    Why one: a quotation and an event under the same verb must name the same speaker, so the
    quote finder, event modality, denials and death counts all ask here (cached in ``doc.user_data``).
    """
    cache: dict[int, int | None] = verb.doc.user_data.setdefault(_SPEAKERS_KEY, {})
    if verb.i not in cache:
        found = _find_speaker_of(verb)
        cache[verb.i] = found.i if found is not None else None
    got = cache[verb.i]
    return verb.doc[got] if got is not None else None


def _find_speaker_of(verb: Token) -> Token | None:
    """The grammatical subject (quotes' rules), unless it is passive, an extra subject or inside a
    quotation; then the "by X" agent, the name after a closing quotation mark, the events' climb
    (inverted speakers, "X was quoted", the verb a clause hangs on), or the phrase right before the verb."""
    quoted = quoted_person(verb)
    if quoted is not None:
        return quoted
    subj = subject(verb)
    if subj is not None and subj.dep_ in ("nsubj", "nsubjpass", "csubj"):
        subj = _clean_subject(subj, verb)
    if subj is not None:
        return subj
    after = name_after_quotation(verb)
    if after is not None:
        return after
    found = find_speaker(verb)
    if found is not None:
        return found
    if verb.dep_ in ("dep", "ROOT") and any(c.dep_ == "ccomp" for c in verb.children):
        return orphan_subject(verb)
    return None


def _clean_subject(subj: Token, verb: Token) -> Token | None:
    """The speaker a grammatical subject stands for: the nearest of two subjects, one outside the quotation the verb introduces, the agent of a passive cue verb (None
    when it has none: "Iran was accused of …" names the accused, not the accuser)."""
    holder = subj.head
    subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    quoted = [(lo, hi) for lo, hi, cue in quote_regions(holder.doc) if cue in (verb.i, holder.i)]
    # '“That, frankly,” he said': not a word the parser took from the quotation the verb introduces
    subjects = [c for c in subjects if not any(lo <= c.i <= hi for lo, hi in quoted)]
    if not subjects:
        return None
    # the nearest: "X killed 23, medics said" is a mis-parse that hangs the claim on the verb as a second subject
    subj = subjects[0] if len(subjects) == 1 else min(subjects, key=lambda c: abs(holder.i - c.i))
    if subj.dep_ == "nsubjpass" and holder.i == verb.i and cue_lemma(verb) != "quote":
        return _agent_or_quoted(verb)
    return subj


def name_after_quotation(verb: Token) -> Token | None:
    """'“…,” said Dana Reyes, who runs Fix the Vote': a verb right after the closing mark of the
    quotation it introduces, with no subject of its own, takes the noun phrase right after it,
    however the parser hung it."""
    doc = verb.doc
    if not any(
        cue == verb.i and hi < verb.i and not doc[hi + 1 : verb.i].text.strip(" ,")
        for _lo, hi, cue in quote_regions(doc)
    ) or verb.i + 1 >= len(doc):
        return None
    k = verb.i + 1
    while (k < min(len(doc), verb.i + 8) and doc[k].pos_ not in ("PRON", "PROPN", "NOUN")) or (
        k + 1 < len(doc) and doc[k].dep_ == "compound" and doc[k + 1].pos_ in ("PROPN", "NOUN")
    ):
        if doc[k].dep_ not in ("det", "amod", "compound", "poss", "case", "nummod", "punct", "advmod"):
            return None
        k += 1
    return doc[k] if k < len(doc) and doc[k].pos_ in ("PRON", "PROPN", "NOUN") else None


def quoted_person(verb: Token) -> Token | None:
    """X in "Reuters quoted X as saying …" / "cited X as saying …": the words are X's, not Reuters'."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("pcomp", "advcl", "xcomp", "prep") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and cue_lemma(cur) in ("quote", "cite"):
            return next((c for c in cur.children if c.dep_ == "dobj"), None)
    return None


def named_for(speaker: Token) -> Token:
    """The token whose noun phrase names a speaker: a relative pronoun's noun ("the official, who
    said …" is named by "the official"), else the speaker itself. The speaker token stays the
    relative pronoun (the quote finder resolves it to the same noun)."""
    holder = speaker.head
    if speaker.tag_ in ("WDT", "WP") and holder.dep_ == "relcl" and holder.head.pos_ in ("NOUN", "PROPN"):
        return holder.head
    return speaker


def speakers_cached(doc: Doc) -> dict[int, int | None]:
    """cue verb index → speaker index, for the verbs asked so far (tests and benchmarks)."""
    return doc.user_data.get(_SPEAKERS_KEY, {})


# ---------------------------------------------------------------- subjects


def subject(v: Token) -> Token | None:
    """The subject of a reporting verb, looking through conjunctions ("paused and added")."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and any(c.dep_ == "ccomp" for c in v.children):
            v = v.head.head  # "said A was safe and said B …": the second report hangs on the first one's clause
            continue
        if (v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i) or (v.dep_ == "acomp" and v.pos_ == "ADJ"):
            v = v.head  # "voters are more likely to say …": through the adjective to its copula
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head  # "she began by describing …", "he ended the speech after thanking …"
            continue
        if v.dep_ == "relcl":  # "the official, who said …"
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.ent_type_ in MEASURES and v.head.head.i != v.head.i:
            v = v.head.head  # "the union spent weeks pushing back …": the time is nobody
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "a statement saying …", "a tweet attacking …"
        return None
    return None


def orphan_subject(v: Token) -> Token | None:
    """ "…, the finance chief, Ruth Okafor, calmly suggested that …", parsed with no subject: the
    noun phrase right before the verb (past its adverbs and a comma) speaks; a name in apposition
    gives way to the phrase it describes, which keeps the name."""
    doc = v.doc
    k = v.i - 1
    while k > v.sent.start and (doc[k].dep_ == "advmod" or doc[k].text == ","):
        k -= 1
    tok = doc[k]
    if k < v.sent.start or tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.head.i > v.i:
        return None
    if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
        tok = tok.head  # one step only: the parser may hang the description itself on anything
    return tok


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
    return doc[lo : hi + 1]


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
    texts = [head.doc[sub[0].i : sub[-1].i + 1].text] if sub else []
    if verb is not None:  # "..., speaking on condition of anonymity, said" / "said on condition of anonymity"
        for c in verb.children:
            if (
                c.dep_ in ("advcl", "prep", "npadvmod", "advmod")
                and c.i != head.i
                and c.lemma_ not in ("cite", "quote")
            ):
                st = list(c.subtree)
                if any(t.lower_ in markers for t in st):
                    return True
                texts.append(head.doc[st[0].i : st[-1].i + 1].text)
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
        if (
            cur.dep_ in ("advcl", "xcomp", "pcomp", "prep", "conj", "acl")
            or (cur.dep_ == "ccomp" and cur.tag_ == "VBG")
        ) and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """A named speaker after its verb, parsed as the verb's object ('"…," added al-Zawahiri')."""
    inverted = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "attr")
            and c.i > verb.i
            and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")
            and c.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")
        ),
        None,
    )
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
    """ "… told the Wall Street Journal": the outlet that carried the speaker's words."""
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
