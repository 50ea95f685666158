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
    """Merge repeated mentions of one event; best confidence kept; output sorted by confidence (desc)."""
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
