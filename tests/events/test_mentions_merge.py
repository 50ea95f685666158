"""One record per act: restatements in other sentences become mentions of one record."""

from __future__ import annotations

from eventwire.events.merge import merge_restatements, restates
from eventwire.model import Actor, Event, TextSpan


def actor(code: str, text: str | None = None) -> Actor:
    return Actor(code=code, country=code[:3], sectors=[code[3:]], name=code, text=text or code, start=0, end=3)


def event(start: int, conf: float, src="MLIREB", tgt="MLIMIL", cameo="190", modality="asserted", date=None) -> Event:
    return Event(
        cameo=cameo,
        name="",
        root=cameo[:2],
        quad_class=4,
        goldstein=-10.0,
        plover="ASSAULT",
        source=actor(src) if src else None,
        target=actor(tgt) if tgt else None,
        modality=modality,
        evidence=TextSpan("s" * 10, start, start + 10),
        trigger=TextSpan("attack", start, start + 6),
        date=date,
        confidence=conf,
    )


def test_the_lede_and_its_restatement_are_one_record_with_both_mentions():
    lede, later = event(0, 0.9), event(100, 0.6, tgt=None, cameo="193")
    (one,) = merge_restatements([lede, later])
    assert one is lede
    assert [(m.start, m.end) for m in one.mentions] == [(100, 110)]


def test_a_side_only_the_restatement_names_is_filled_in():
    lede, later = event(0, 0.9, tgt=None), event(100, 0.6)
    (one,) = merge_restatements([lede, later])
    assert one.target is not None and one.target.code == "MLIMIL"


def test_different_parties_dates_roots_or_standing_stay_apart():
    base = event(0, 0.9, date="2024-05-01")
    assert not restates(base, event(100, 0.5, tgt="MLICVL"))
    assert not restates(base, event(100, 0.5, date="2024-05-03"))
    assert not restates(base, event(100, 0.5, cameo="180"))
    assert not restates(base, event(100, 0.5, modality="reported"))  # someone's word is not the text's
    assert not restates(base, event(100, 0.5, modality="denied"))


def test_nothing_shared_means_no_merge():
    assert not restates(event(0, 0.9, src=None), event(100, 0.5, tgt=None))
    assert not restates(event(0, 0.9, src=None, tgt=None), event(100, 0.5, src=None, tgt=None))


def test_a_party_named_only_by_its_role_ties_nothing():
    police = event(0, 0.9, src="MLICOP", tgt=None, cameo="173")
    police.source = actor("MLICOP", "police")
    other = event(100, 0.5, src="MLICOP", tgt=None, cameo="173")
    other.source = actor("MLICOP", "the police")
    assert not restates(police, other)


def test_two_acts_of_one_sentence_stay_two_records():
    a, b = event(0, 0.9, tgt=None), event(0, 0.5, tgt="MLIMIL")
    b.trigger = TextSpan("shelled", 5, 12)
    assert len(merge_restatements([a, b])) == 2
