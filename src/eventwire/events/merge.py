"""One event per happening within an article: repeated mentions become evidence, not extra events.

Why: a wire story restates its lead two or three times ("…, the ministry said." … "The strike, which
…"); counting each restatement as an event inflates GDELT-style counts. We keep the best-supported
record and append the other sentences to its ``mentions`` so nothing is lost.

Key: (source code, target code, CAMEO code, date, modality class), where the modality classes are

- ``claimed``: asserted, reported (the text says it happened);
- ``negative``: negated, denied;
- ``irrealis``: future, hypothetical, conditional, question.

Events missing a source or a target code, or with a side named only by a role word ("the police",
"a mob"), are merged only within one sentence and when their trigger
word is the same too: without both actors nothing says that "arrested" in two sentences (or two
statements by one speaker) is one happening, and merging them would lose an event.
"""

from __future__ import annotations

from ..actors.roles import role_of
from ..model import Event, TextSpan

#: Whether restatements in other sentences are merged too (:func:`merge_restatements`). Off for
#: now: on, news f1 rose (0.170 -> 0.173) but the police task, which reads only ``evidence``,
#: lost arrest sentences (arrest_f1 0.761 -> 0.712) before the merge asked for named parties.
#: With named parties (this version) news is flat (f1 0.170, 416 records for 421) and police
#: unchanged, so it stays off until it buys something.
RESTATEMENTS = False

MODALITY_CLASS = {
    "asserted": "claimed",
    "reported": "claimed",
    "negated": "negative",
    "denied": "negative",
    "future": "irrealis",
    "hypothetical": "irrealis",
    "conditional": "irrealis",
    "question": "irrealis",
}


def _code(actor) -> str | None:
    return getattr(actor, "code", None) if actor is not None else None


def dedup_key(e: Event) -> tuple:
    """What makes two event records the same happening."""
    src, tgt = _code(e.source), _code(e.target)
    key: tuple = (src, tgt, e.cameo, e.date, MODALITY_CLASS.get(e.modality, e.modality))
    if src is None or tgt is None or _generic(e.source) or _generic(e.target):
        # one-sided, or a side named only by its role ("police fired on the mob" twice in a riot
        # story): only the same word in the same sentence is safely one happening
        key += ((e.trigger.text or "").lower(), e.evidence.start)
    return key


def _generic(actor) -> bool:
    """An actor named by a role word alone ("the police", "a mob", "security forces"), no name."""
    words = (actor.text or "").split()
    return (
        actor.kind != "country"
        and actor.person is None
        and bool(words)
        and role_of(words[-1].lower(), words[-1]) is not None
    )


def _same_span(a: TextSpan, b: TextSpan) -> bool:
    return a.start == b.start and a.end == b.end


def _absorb(keep: Event, other: Event) -> None:
    """Fold ``other`` into ``keep``: its evidence and mentions become mentions; gaps are filled."""
    for span in [other.evidence, *other.mentions]:
        if _same_span(span, keep.evidence) or any(_same_span(span, m) for m in keep.mentions):
            continue
        keep.mentions.append(TextSpan(span.text, span.start, span.end))
    if other.fatalities is not None and (keep.fatalities is None or other.fatalities > keep.fatalities):
        keep.fatalities = other.fatalities  # a later, higher toll updates the count
    if keep.place is None and other.place is not None:
        keep.place = other.place
    if other.modality == keep.modality:
        have = {(a.text, a.cue, a.denied) for a in keep.attribution}
        for a in other.attribution:
            if (a.text, a.cue, a.denied) not in have:
                keep.attribution.append(a)
                have.add((a.text, a.cue, a.denied))


def merge_within_article(events: list[Event]) -> list[Event]:
    """Merge repeated mentions of one event; best confidence kept; output sorted by confidence (desc).

    Two passes: records with the same key (above) first, then, where ``RESTATEMENTS`` is on,
    restatements of one act (:func:`merge_restatements`)."""
    merged = _merge_same_key(events)
    return merge_restatements(merged) if RESTATEMENTS else merged


def _merge_same_key(events: list[Event]) -> list[Event]:
    """Merge records whose :func:`dedup_key` is the same."""
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        groups.setdefault(dedup_key(e), []).append(e)
    out: list[Event] = []
    for group in groups.values():
        group.sort(key=lambda e: (-e.confidence, e.evidence.start))
        keep = group[0]
        for other in sorted(group[1:], key=lambda e: e.evidence.start):
            _absorb(keep, other)
        keep.mentions.sort(key=lambda m: m.start)
        out.append(keep)
    out.sort(key=lambda e: (-e.confidence, e.evidence.start, e.trigger.start))
    return out


def _compatible(a, b) -> bool:
    """Two sides of two records can be one party: the same code, or one side unknown."""
    ca, cb = _code(a), _code(b)
    return ca is None or cb is None or ca == cb


def _same_place(a: Event, b: Event) -> bool:
    if a.place is None or b.place is None:
        return True
    return (a.place.geonameid, a.place.name) == (b.place.geonameid, b.place.name)


def restates(keep: Event, other: Event) -> bool:
    """Is ``other`` a restatement of the act ``keep`` records ("Rebels attacked a convoy on
    Monday" … "The attack on the convoy", "Twelve soldiers were killed in the attack")?

    Same CAMEO root, same modality, each side the same party or unknown on one of them, and
    no conflicting date or place. At least one side must be a known party they share, or the
    records say nothing that ties them to one act; a side named only by a role word ("police")
    ties nothing either (one riot story has many police actions), and one of the two must name
    both sides (two one-sided "jets struck" may be two strikes).
    """
    if keep.root != other.root or keep.root == "01":
        return False
    if any(_same_span(other.evidence, m) for m in [keep.evidence, *keep.mentions]):
        return False  # two acts of one sentence ("attacked A and shelled B") are two records
    if keep.modality != other.modality:
        return False  # "the army said it struck" and the text's own "the strike" keep their own standing
    if not (_compatible(keep.source, other.source) and _compatible(keep.target, other.target)):
        return False
    if keep.date is not None and other.date is not None and keep.date != other.date:
        return False
    if not _same_place(keep, other):
        return False
    if not any(_code(x.source) is not None and _code(x.target) is not None for x in (keep, other)):
        return False  # two one-sided records ("Israeli jets struck", twice) may be two strikes
    return any(
        _code(x) is not None and _code(x) == _code(y) and _named(x) and _named(y)
        for x, y in ((keep.source, other.source), (keep.target, other.target))
    )


def _named(actor) -> bool:
    """A party named by a name (a country, a person, a capitalised name), not by a description
    ("two men", "the accused", "police"): only a name says two sentences speak of one party."""
    if actor.kind == "country" or actor.person is not None:
        return True
    words = (actor.text or "").split()
    if not words or _generic(actor) or words[0].lower() in ("the", "a", "an"):
        return False
    return any(w[:1].isupper() for w in words[1:] or words)


def _fill_sides(keep: Event, other: Event) -> None:
    """A side the kept record lacks is taken from the restatement that names it."""
    if keep.source is None and other.source is not None:
        keep.source = other.source
    if keep.target is None and other.target is not None:
        keep.target = other.target


def merge_restatements(events: list[Event]) -> list[Event]:
    """One record per act: each record joins the best-confidence earlier kept record it restates,
    its evidence becoming one of that record's ``mentions``."""
    kept: list[Event] = []
    for e in sorted(events, key=lambda e: (-e.confidence, e.evidence.start)):
        home = next((k for k in kept if restates(k, e)), None)
        if home is None:
            kept.append(e)
            continue
        _absorb(home, e)
        _fill_sides(home, e)
        home.mentions.sort(key=lambda m: m.start)
    kept.sort(key=lambda e: (-e.confidence, e.evidence.start, e.trigger.start))
    return kept
