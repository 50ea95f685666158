"""Death counts stated for an event: "killing 12 civilians", "at least 40 dead", "the death toll rose to 30".

Why: casualty figures are what conflict analysts filter on first, and GDELT has none. We only give a
number the text states for this event's clause; vague quantities give ``None``:

- "at least N", "more than N", "nearly N", "some N" → N (the stated figure; a lower bound at most);
- "a dozen" → 12, "a hundred" → 100; "dozens", "scores", "hundreds", "several", "many" → None;
- a single victim named or counted in the singular ("killed a police officer", "he died") → 1;
- "no one was killed", "nobody died" → 0;
- victims in a coordinated list with their own numbers are summed ("3 soldiers and 2 civilians" → 5);
- wounded/injured figures are never counted.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from ..attribution import reporting_verbs, sentence_of
from ..tables import read_table

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = {
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "several",
    "many",
    "some",
    "few",
    "numerous",
    "countless",
    "more",
    "most",
    "multiple",
    "tens",
}
_NOBODY = {"nobody", "none", "no-one", "noone"}
_NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
_VICTIM_SINGULAR_DET = {"a", "an", "the", "one", "his", "her", "their", "its", "this", "that"}
#: Prepositions through which a clause states its own outcome ("resulted in 12 deaths", "led to …").
_RESULT_PREPS = {"in", "to", "with", "of"}
_PHRASAL_NOT_DEATH = {"down", "out", "away", "off"}  # "the anger died down", "a custom died out"


def _is_reporting(t: Token) -> bool:
    """A reporting verb carries no deaths of its own ("claimed 15 lives" is not reporting)."""
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in reporting_verbs():
        return False
    return not (t.lemma_.lower() == "claim" and any(c.lower_ == "lives" for c in t.children))


@functools.lru_cache(maxsize=1)
def death_cues() -> dict[str, str]:
    """lemma → kill | todeath | die | dead | death | toll | life (package data)."""
    return {row["word"]: row["kind"] for row in read_table("eventwire.events", "death_cues.tsv")}


def words_to_int(words: list[str]) -> int | None:
    """ "2,300" → 2300, ["three", "hundred"] → 300, ["twenty", "five"] → 25, ["a", "dozen"] → 12."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower().strip()
        if not w or w in ("-", "and", "a", "an"):
            continue
        if _NUM_RE.match(w):
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("hundred",):
            current = (current or 1) * 100
        elif w in ("dozen",):
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return int(total + current)


def _number_phrase(num: Token) -> int | None:
    """The integer of a number token with its compound parts ("three hundred", "twenty-five", "1.2 million")."""
    if num.lower_ in _VAGUE:
        return None
    parts = [t for t in num.subtree if t.dep_ in ("compound", "nummod", "quantmod", "punct") or t.i == num.i]
    parts = [
        t
        for t in parts
        if t.like_num
        or (
            t.lower_ in ("hundred", "dozen", "thousand", "million", "-", "a", "an")
            and (t.i == num.i or t.head.i == num.i or t.head.head.i == num.i)
        )
    ]
    if not any(t.i == num.i for t in parts):
        parts.append(num)
    parts.sort(key=lambda t: t.i)
    words: list[str] = []
    for t in parts:
        words.extend(x for x in re.split(r"-", t.lower_) if x)
    if words and words[0] in ("a", "an") and len(words) == 1:
        return None
    return words_to_int(words)


def victims(noun: Token) -> int | None:
    """How many people the victim phrase headed by ``noun`` counts (None when not stated)."""
    low = noun.lower_
    if low in _NOBODY or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return 0
    if low in _VAGUE:
        return None
    if noun.like_num or low in ("dozen", "hundred"):
        n = _number_phrase(noun)
        if n is not None:
            return n
        if low == "dozen" and any(c.lower_ in ("a", "one") for c in noun.children):
            return 12
        return None
    count = None
    for c in noun.children:
        if c.dep_ == "nummod":
            if c.lower_ in _VAGUE:
                return None
            count = _number_phrase(c)
            if count is None and c.lower_ == "dozen" and any(g.lower_ in ("a", "one") for g in c.children):
                count = 12
            break
    if count is None:
        if noun.pos_ == "PRON" and noun.lower_ in ("he", "she", "him", "her", "himself", "herself"):
            count = 1
        elif noun.tag_ in ("NN", "NNP") and noun.lemma_.lower() not in ("people", "police", "family", "crowd", "group"):
            if noun.tag_ == "NNP" and noun.ent_type_ not in ("PERSON", ""):
                return None
            if noun.tag_ == "NNP" or any(
                (c.dep_ in ("det", "poss") and c.lower_ in _VICTIM_SINGULAR_DET) or c.dep_ == "poss"
                for c in noun.children
            ):
                count = 1
    if count is None:
        return None
    for c in noun.children:  # "3 soldiers and 2 civilians"
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            extra = victims(c)
            if extra:
                count += extra
    return count


def _to_death(v: Token) -> bool:
    for c in v.children:
        if c.lower_ == "dead" or (
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
        ):
            return True
    return False


def _count_killed(cue: Token) -> int | None:
    """ "killed 12", "12 were killed", "12 people killed in the raid", "beaten to death"."""
    if cue.pos_ not in ("VERB",):
        return None
    negated = any(c.dep_ == "neg" for c in cue.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    if (
        not passive
        and cue.tag_ == "VBN"
        and not any(c.dep_ == "dobj" for c in cue.children)
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in cue.children)
    ):
        subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subj is not None:  # "… and two killed in police firing": an elliptical passive
            return victims(subj)
    for c in cue.children:
        if (not passive and c.dep_ == "dobj") or (passive and c.dep_ == "nsubjpass"):
            n = victims(c)
            return 0 if negated and n is None else n
    if cue.dep_ == "acl" and cue.tag_ == "VBN":  # "12 people killed in the raid"
        return victims(cue.head)
    if passive and negated:
        return 0
    return None


def _count_died(cue: Token) -> int | None:
    """ "12 died", "nobody died" (but not "the anger died down")."""
    if any(c.dep_ == "prt" and c.lower_ in _PHRASAL_NOT_DEATH for c in cue.children):
        return None
    for c in cue.children:
        if c.dep_ == "nsubj":
            n = victims(c)
            return 0 if n is None and any(g.dep_ == "neg" for g in cue.children) else n
    if cue.dep_ == "acl":
        return victims(cue.head)
    return None


def _count_dead(cue: Token) -> int | None:
    """ "40 dead", "40 people dead", "left 12 people dead", "12 are dead"."""
    for c in cue.children:  # "40 dead" (not "left three dead and nine injured": that nine is hurt)
        if c.dep_ == "nummod" or (c.like_num and c.i < cue.i and c.dep_ != "conj"):
            return _number_phrase(c)
    h = cue.head
    if cue.dep_ == "amod" and (h.like_num or h.pos_ in ("NOUN", "PRON")):  # "40 people dead" parsed as amod
        return victims(h)
    if cue.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advmod"):  # "left 12 people dead", "12 are dead"
        for dep in ("dobj", "nsubj", "nsubjpass"):
            for c in h.children:
                if c.dep_ == dep and c.i != cue.i:
                    return victims(c)
    return None


def _victims_of(noun: Token) -> int | None:
    """The victims in "<noun> of 12 people", or None when the noun has no "of" object."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return victims(g)
    return None


def _count_deaths(cue: Token) -> int | None:
    """ "40 deaths", "12 fatalities", "no deaths", "the deaths of 12 people"."""
    if cue.lower_ in ("death",) and not any(c.dep_ == "nummod" for c in cue.children):
        return _victims_of(cue)  # "the death of 12 people"
    for c in cue.children:
        if c.dep_ == "nummod":
            return _number_phrase(c)
        if c.dep_ == "det" and c.lower_ == "no":
            return 0
    return _victims_of(cue)


def _count_toll(cue: Token) -> int | None:
    """ "a toll of 30", "the toll rose to 30", "stood at 30", "reached 30", "is 30"."""
    for c in cue.children:  # "a toll of 30"
        if c.dep_ == "prep" and c.lower_ in ("of", "at"):
            for g in c.children:
                if g.dep_ == "pobj" and g.like_num:
                    return _number_phrase(g)
    h = cue.head
    if cue.dep_ in ("nsubj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
        best = None
        for c in h.children:  # "rose to 30", "stood at 30", "reached 30", "is 30"
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.like_num:
                        best = _number_phrase(g)
            elif c.dep_ in ("dobj", "attr") and c.like_num:
                best = _number_phrase(c)
        return best
    return None


def _count_lives(cue: Token) -> int | None:
    """ "claimed 15 lives", "300 people lost their lives"."""
    if cue.lower_ != "lives":
        return None
    for c in cue.children:
        if c.dep_ == "nummod":
            return _number_phrase(c)
    h = cue.head
    if cue.dep_ == "dobj" and h.lemma_ in ("lose",):
        for c in h.children:
            if c.dep_ == "nsubj":
                return victims(c)
    return None


#: How each kind of death cue (data/death_cues.tsv) states its count.
_COUNTERS = {
    "kill": _count_killed,
    "todeath": _count_killed,
    "die": _count_died,
    "dead": _count_dead,
    "death": _count_deaths,
    "toll": _count_toll,
    "life": _count_lives,
}


def _count_at(cue: Token) -> int | None:
    """The death count a cue word states, or None."""
    kinds = death_cues()
    kind = kinds.get(cue.lemma_.lower()) or kinds.get(cue.lower_)
    if kind is None:
        return None
    if kind == "todeath" and not _to_death(cue):
        return None
    counter = _COUNTERS.get(kind)
    return counter(cue) if counter is not None else None


def _cues_in_clause(trigger: Token, skip: Token | None = None) -> list[Token]:
    """Death-cue words the trigger's clause governs, nearest first (relative clauses of its arguments skipped)."""
    kinds = death_cues()
    out: list[Token] = []
    seen = {trigger.i} | ({skip.i} if skip is not None else set())
    queue = [trigger]
    while queue:
        t = queue.pop(0)
        for c in t.children:
            if c.i in seen:
                continue
            seen.add(c.i)
            if c.dep_ in ("relcl", "acl") and t.i != trigger.i:
                continue  # "arrested men who had killed two": another event
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and t.i == trigger.i:
                continue  # "arrested 40 and shot dead 9": the coordinated verb is its own event
            if c.dep_ == "ccomp" and _is_reporting(t):
                continue
            if c.dep_ == "prep" and c.lower_ not in _RESULT_PREPS:
                continue  # "postponed the vote following the death of …": another event
            if c.lemma_.lower() in kinds or c.lower_ in kinds:
                out.append(c)
            queue.append(c)
    return out


_CUES_KEY = "eventwire.death_cues"


def _sentences_with_cues(doc) -> set[int]:
    """Sentences (by index) holding any death-cue word; once per Doc, so most events skip all work."""
    got = doc.user_data.get(_CUES_KEY)
    if got is None:
        import numpy as np
        from spacy.attrs import LEMMA, LOWER

        got = set()
        if len(doc):
            arr = doc.to_array([LEMMA, LOWER])
            cue = _cue_hashes()
            hits = np.nonzero(np.isin(arr[:, 0], cue) | np.isin(arr[:, 1], cue))[0].tolist()
            got = {sentence_of(doc[i]) for i in hits}
        doc.user_data[_CUES_KEY] = got
    return got


@functools.lru_cache(maxsize=1)
def _cue_hashes():
    import numpy as np
    from spacy.strings import hash_string

    return np.array(sorted(hash_string(w) for w in death_cues()), dtype="uint64")


def fatalities_for(trigger: Token) -> int | None:
    """Deaths the text states for the event at ``trigger`` (its own words, its clause, or the verb it is subject of)."""
    kinds = death_cues()
    if sentence_of(trigger) not in _sentences_with_cues(trigger.doc):
        return None
    if _is_reporting(trigger):
        return None
    if trigger.lemma_.lower() in kinds or trigger.lower_ in kinds:
        n = _count_at(trigger)
        if n is not None:
            return n
    for cue in _cues_in_clause(trigger):
        n = _count_at(cue)
        if n is not None:
            return n
    # An event noun that is the subject of its clause or hangs on its verb through a preposition:
    # "the blast killed 12", "the attack claimed 15 lives", "12 died in the attack", "40 are dead after the blast".
    prev = trigger.doc[trigger.i - 1] if trigger.i > 0 else trigger
    if (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "acl"
        and (trigger.head.i == prev.i or (prev.dep_ == "conj" and prev.head.i == trigger.head.i))
    ):
        h = trigger.head
        if h.dep_ == "conj" and h.head.dep_ in ("nsubj", "nsubjpass"):
            h = h.head  # "rioting and police firing left two dead": the coordinated subject
        if h.dep_ in ("nsubj", "nsubjpass"):
            trigger = h  # "[the police] [firing] left one dead": the parser split the noun phrase
    if trigger.pos_ in ("NOUN", "PROPN") or (trigger.tag_ == "VBG" and trigger.dep_ in ("pobj", "nsubj", "nsubjpass")):
        g = trigger.head  # (a gerund used as a noun counts: "killed in police firing")
        if trigger.dep_ == "pobj" and g.dep_ == "prep":
            g = g.head
            if g.pos_ == "NOUN" and (g.lemma_.lower() in kinds):  # "the death toll from the riots rose to 44"
                return _count_at(g)
        elif trigger.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if g.i == trigger.i or g.pos_ not in ("VERB", "AUX") or _is_reporting(g):
            return None
        if g.lemma_.lower() in kinds or g.lower_ in kinds:
            n = _count_at(g)
            if n is not None:
                return n
        comps = [
            c
            for c in g.children
            if c.i != trigger.i and c.dep_ in ("dobj", "oprd", "acomp", "xcomp", "advcl", "conj", "attr")
        ]
        comps += [
            p
            for c in g.children
            if c.dep_ == "prep" and c.lower_ in ("in", "to")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for c in comps:  # only the verb's own complements: "left 40 dead", "claimed 15 lives", "resulted in 14 deaths"
            if c.lemma_.lower() in kinds or c.lower_ in kinds:
                n = _count_at(c)
                if n is not None:
                    return n
    return None
