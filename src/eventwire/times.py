"""Event dates: the date expression in an event's own clause, resolved against the publication date.

Why: GDELT stamps every event with the publication day; an analyst counting strikes per day needs
the date the text gives the event itself ("on Monday", "last March", "the 2014 annexation"), how
precise that date is, and no date at all for background the text does not date. Reading the
expressions is :mod:`eventwire.date_expressions`; this module finds the expression that belongs to
an event and decides what an event without one gets.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from .date_expressions import Dated, pub_date, resolve, resolve_dated

__all__ = [
    "Dated",
    "clause_tense",
    "date_phrases",
    "event_date",
    "event_dating",
    "is_background",
    "resolve",
    "resolve_dated",
]


_FUTURE_AUX = {
    "will",
    "shall",
    "'ll",
    "wo",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
}  # forward-looking: dates read ahead
_FUTURE_HEADS = {
    "plan",
    "intend",
    "set",
    "due",
    "schedule",
    "expect",
    "aim",
    "prepare",
    "go",
    "vow",
    "pledge",
    "promise",
    "agree",
    "decide",
    "hope",
    "want",
    "seek",
    "threaten",
    "propose",
    "ask",
    "urge",
}


def clause_tense(trigger: Token) -> str:
    """ "past", "future" or "present" for the clause of ``trigger`` (a noun takes its verb's tense)."""
    t = trigger
    for _ in range(3):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if (words & _FUTURE_AUX or "would" in words) and not words & {"have", "'ve"}:
        return "future"  # ("could have struck on Friday" is past)
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    if t.i != trigger.i and t.lemma_.lower() in _FUTURE_HEADS and trigger.dep_ in ("nsubj", "nsubjpass"):
        return "future"  # "the summit is scheduled for …"
    if any(c.morph.get("Tense", []) == ["Past"] for c in auxes) or t.tag_ == "VBD":
        return "past"
    if t.tag_ == "VBN":
        if words & {"has", "have", "'s", "'ve"} or not auxes:
            return "past"
        return "present"
    if t.tag_ in ("VBG", "VBZ", "VBP") or any(c.morph.get("Tense", []) == ["Pres"] for c in auxes):
        return "present"
    return "past"


_DATE_LABELS = ("DATE", "TIME")


def _entity_text(tok: Token) -> tuple[int, str]:
    """The DATE/TIME entity around ``tok`` (start index, text), from the IOB tags: no ``doc.ents`` scan."""
    doc = tok.doc
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return lo, doc[lo:hi].text


#: Links from a word to the modifiers that can carry its date ("on Monday", "last week", "the 1998 bombings").
_DATE_DEPS = {
    "prep",
    "npadvmod",
    "advmod",
    "tmod",
    "nummod",
    "compound",
    "amod",
    "nmod",
    "appos",
    "pobj",
    "pcomp",
    "poss",
}


def date_phrases(trigger: Token) -> list[tuple[int, str]]:
    """DATE/TIME entities modifying the trigger's own clause, nearest in the tree first.

    Walks down from the trigger through modifier links only (never into its subject or object, nor into
    another clause), so "officials said on Tuesday that rebels had attacked" gives nothing for
    "attacked", and "visited the site of the 2005 earthquake" gives nothing for "visited". An event
    noun also takes the date modifiers of the verb it is the subject or object of; a verb also takes
    those the parser hung on its auxiliary ("had since March met") or on its subject ("the council
    on Friday condemned"), the last only when nothing nearer dates it.
    """
    roots = [(trigger, 4)]
    if (
        trigger.pos_ not in ("VERB", "AUX")
        and trigger.head.i != trigger.i
        and trigger.head.pos_ in ("VERB", "AUX")
        and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
    ):
        roots.append((trigger.head, 2))  # "the summit is scheduled for October 12"
    verb = roots[-1][0]
    roots += [(c, 2) for c in verb.children if c.dep_ in ("aux", "auxpass")]
    seen: set[int] = {trigger.i}
    out = _walk(roots, trigger, seen)
    if not out and verb.pos_ in ("VERB", "AUX"):  # "opened Thursday's summit": the object's own day
        out = [(c.i, c.text) for o in verb.children if o.dep_ == "dobj" for c in o.children if _possessive_day(c)]
    if not out and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        out = _walk([(verb.head, 2)], trigger, seen)  # "on Friday claimed ... and threatened": shared
    if not out and verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in seen]
        preps = [p for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ in _SUBJECT_DATE_PREPS]
        out = _walk([(p, 1) for p in preps], trigger, seen)
    return out


#: Prepositions whose date, hung on the subject by the parser, still dates the verb ("X on Friday condemned").
_SUBJECT_DATE_PREPS = {"on", "since", "last", "earlier", "late"}


def _possessive_day(tok: Token) -> bool:
    """A date in the possessive ("Thursday's summit", "last week's raid")."""
    return tok.dep_ == "poss" and tok.ent_type_ in _DATE_LABELS


def _walk(roots: list[tuple[Token, int]], trigger: Token, seen: set[int]) -> list[tuple[int, str]]:
    """The DATE/TIME entities reached from each root through date-carrying links, to its depth limit."""
    out: list[tuple[int, str]] = []
    for root, limit in roots:
        queue = [root]
        depth = 0
        while queue and depth < limit:
            nxt = []
            for t in queue:
                for c in t.children:
                    if c.i in seen:
                        continue
                    if not (c.dep_ in _DATE_DEPS or (c.dep_ == "acl" and t.i == trigger.i and c.pos_ == "VERB")):
                        continue
                    if c.dep_ == "pobj" and t.dep_ != "prep":
                        continue
                    seen.add(c.i)
                    if c.ent_type_ in _DATE_LABELS:
                        start, text = _entity_text(c)
                        if all(s != start for s, _ in out):
                            out.append((start, text))
                    nxt.append(c)
            queue = nxt
            depth += 1
    return out


def event_date(trigger: Token, published: str | None, modality: str | None = None) -> str | None:
    """The event's date from a date phrase in its own clause, else the publication date (see
    :func:`event_dating`, which also says how precise the date is)."""
    return event_dating(trigger, published, modality)[0]


def event_dating(trigger: Token, published: str | None, modality: str | None = None) -> tuple[str | None, str | None]:
    """(date, precision) of the event whose trigger this is.

    From a date phrase in its own clause: precision "day", "week", "month" or "year", the date the
    first day of that period ("the 2014 annexation" → ("2014-01-01", "year")). Without one, the
    story's day (:func:`story_day`, precision "story") for an event that is not future, else the
    publication date with precision "published" — most news reports what happened that day or the
    day before, and a reader binning events by day needs a date. But background the text places
    before the story without saying when (a past perfect, "since", "years ago", "previously") gets
    (None, None): dating it to the article's week is the error an analyst cannot see.
    ``modality`` (optional) lets a future/hypothetical event read "on Monday" forwards.
    """
    found = date_phrases(trigger)
    if found:
        tense = "future" if modality in ("future", "hypothetical", "conditional") else clause_tense(trigger)
        doc = trigger.doc
        for start, text in found:
            if start > 0 and doc[start - 1].lower_ in ("last", "next", "this", "on", "in", "since", "early", "late"):
                text = doc[start - 1].text + " " + text
            got = resolve_dated(text, published, tense)
            if got:
                return got
    if is_background(trigger):
        return None, None
    if modality not in ("future", "hypothetical", "conditional") and clause_tense(trigger) != "future":
        story = story_day(trigger.doc, published)
        if story and story[1] != trigger.sent.start:  # in its own sentence the day is another clause's
            return story[0], "story"
    pub = pub_date(published)
    return (pub.isoformat(), "published") if pub else (None, None)


#: How many opening sentences may date the story, and how many days before publication that day may be.
_LEAD_SENTENCES = 5
_NIGHT = re.compile(r"(?i)\b(overnight|night|tonight)\b")
_STORY_DAYS = 7


def story_day(doc, published: str | None) -> tuple[str, int] | None:
    """The day the article's lead dates its story ("... raided the town on Tuesday"): the first day
    named in the opening sentences that falls in the week up to publication. News tells the rest
    of the story without repeating the day ("Police detained dozens"), so an undated event of the
    story is that day's rather than the publication day's. Cached on the Doc."""
    key = ("eventwire.story_day", published)
    if key in doc.user_data:
        return doc.user_data[key]
    pub = pub_date(published)
    found: tuple[str, int] | None = None
    if pub is not None:
        for sent in list(doc.sents)[:_LEAD_SENTENCES]:
            for ent in sent.ents:
                if ent.label_ not in _DATE_LABELS or _NIGHT.search(ent.text):
                    continue  # a night straddles two days: it cannot tell which is the story's
                got = resolve_dated(ent.text, published, "past")
                if got and got[1] == "day" and 0 <= (pub - dt.date.fromisoformat(got[0])).days <= _STORY_DAYS:
                    found = got[0], sent.start
                    break
            if found:
                break
    doc.user_data[key] = found
    return found


#: Adverbs that put an undated event before the story ("had previously met", "once ruled").
_BACKGROUND_ADVS = {"previously", "formerly", "once", "ago", "earlier"}


def is_background(trigger: Token) -> bool:
    """Whether the trigger's clause tells of something before the story without a date: a past
    perfect ("had seized"), "years ago" / "previously", or a "since ..." frame.

    A past perfect under a reporting verb is the report's backshift ("officials said the rebels had
    withdrawn" tells what the rebels did, likely that day), not background.
    """
    verb = trigger
    if trigger.pos_ not in ("VERB", "AUX") and trigger.head.pos_ in ("VERB", "AUX"):
        verb = trigger.head
    kids = list(verb.children)
    if any(c.lower_ in _BACKGROUND_ADVS and c.dep_ in ("advmod", "npadvmod") for c in kids):
        return True
    if any(c.dep_ in ("advmod", "npadvmod") and any(g.lower_ == "ago" for g in c.children) for c in kids):
        return True
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:  # "had begun marching"
        if any(c.dep_ == "aux" for c in verb.children):
            break
        verb = verb.head
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    return perfect and verb.dep_ not in ("ccomp", "parataxis")
