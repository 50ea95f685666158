"""Within-article merging of repeated event mentions."""

from __future__ import annotations

import functools

from eventwire.events.merge import merge_restatements, merge_within_article, restates
from eventwire.model import Actor, Event, TextSpan


def actor(code: str, text: str | None = None) -> Actor:
    return Actor(code=code, country=code[:3], sectors=[code[3:]], name=code, text=text or code, start=0, end=3)


def event(
    start: int,
    conf: float,
    cameo="190",
    src="ISRMIL",
    tgt="LBN",
    modality="asserted",
    date="2015-09-14",
    trigger="struck",
    fatalities=None,
) -> Event:
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
        trigger=TextSpan(trigger, start, start + len(trigger)),
        date=date,
        fatalities=fatalities,
        confidence=conf,
    )


def test_repeated_mentions_merge_into_best():
    a, b, c = event(0, 0.6), event(100, 0.9, fatalities=12), event(200, 0.5, modality="reported", fatalities=15)
    out = merge_within_article([a, b, c])
    assert len(out) == 1
    keep = out[0]
    assert keep is b
    assert [m.start for m in keep.mentions] == [0, 200]
    assert keep.fatalities == 15  # the higher, later toll


def test_different_keys_stay_apart_and_sorted():
    evs = [
        event(0, 0.4),
        event(50, 0.8, tgt="SYR"),
        event(90, 0.7, modality="future"),
        event(120, 0.6, date="2015-09-10"),
        event(150, 0.5, cameo="173"),
    ]
    out = merge_within_article(evs)
    assert len(out) == 5
    assert [e.confidence for e in out] == sorted((e.confidence for e in out), reverse=True)


def test_negated_does_not_merge_with_claimed():
    out = merge_within_article([event(0, 0.5), event(40, 0.6, modality="negated")])
    assert len(out) == 2
    out = merge_within_article([event(0, 0.5, modality="denied"), event(40, 0.6, modality="negated")])
    assert len(out) == 1


def in_sentence(e: Event, sentence_start: int) -> Event:
    """Put ``e``'s evidence on the sentence starting at ``sentence_start`` (its trigger stays where it is)."""
    e.evidence = TextSpan("s" * 200, sentence_start, sentence_start + 200)
    return e


def test_actorless_events_merge_only_same_trigger_in_same_sentence():
    evs = [
        in_sentence(event(0, 0.5, src=None, tgt=None, trigger="attack"), 0),
        in_sentence(event(40, 0.6, src=None, tgt=None, trigger="bombing"), 0),
        in_sentence(event(80, 0.7, src=None, tgt=None, trigger="attack"), 0),
    ]
    out = merge_within_article(evs)
    assert len(out) == 2
    assert out[0].confidence == 0.7 and len(out[0].mentions) == 0  # same sentence: nothing new to add


def test_actorless_events_in_different_sentences_stay_apart():
    # Without both actors nothing says two "arrested" sentences are one happening.
    evs = [
        event(0, 0.5, src=None, tgt=None, trigger="arrested"),
        event(300, 0.7, src=None, tgt=None, trigger="arrested"),
    ]
    assert len(merge_within_article(evs)) == 2


def test_empty():
    assert merge_within_article([]) == []


def test_one_sided_events_need_same_trigger_and_sentence():
    evs = [
        in_sentence(event(0, 0.5, tgt=None, trigger="said"), 0),
        in_sentence(event(40, 0.6, tgt=None, trigger="wrote"), 0),
        in_sentence(event(80, 0.7, tgt=None, trigger="said"), 0),
        event(300, 0.4, tgt=None, trigger="said"),
    ]
    out = merge_within_article(evs)
    assert len(out) == 3
    assert sorted(e.trigger.start for e in out) == [40, 80, 300]


def test_role_named_sides_merge_only_within_a_sentence():
    def ev(start, conf):
        e = event(start, conf, cameo="193", src=None, tgt=None)
        e.source = Actor(
            code="INDCOP", country="IND", sectors=["COP"], name="India", text="the police", start=start, end=start + 10
        )
        e.target = Actor(
            code="INDCVL", country="IND", sectors=["CVL"], name="India", text="a mob", start=start + 20, end=start + 25
        )
        return e

    assert len(merge_within_article([ev(0, 0.6), ev(100, 0.7)])) == 2  # two firings, two sentences
    named = [event(0, 0.6, src="ISRMIL"), event(100, 0.7, src="ISRMIL")]
    assert len(merge_within_article(named)) == 1


# -- restatements in other sentences (merge_restatements): one record per act, each mention kept

#: a record of the restatement tests: a Malian rebel attack on the army, undated unless a test says so
restated = functools.partial(event, src="MLIREB", tgt="MLIMIL", date=None, trigger="attack")


def test_the_lede_and_its_restatement_are_one_record_with_both_mentions():
    lede, later = restated(0, 0.9), restated(100, 0.6, tgt=None, cameo="193")
    (one,) = merge_restatements([lede, later])
    assert one is lede
    assert [(m.start, m.end) for m in one.mentions] == [(100, 110)]


def test_a_side_only_the_restatement_names_is_filled_in():
    lede, later = restated(0, 0.9, tgt=None), restated(100, 0.6)
    (one,) = merge_restatements([lede, later])
    assert one.target is not None and one.target.code == "MLIMIL"


def test_different_parties_dates_roots_or_standing_stay_apart():
    base = restated(0, 0.9, date="2024-05-01")
    assert not restates(base, restated(100, 0.5, tgt="MLICVL"))
    assert not restates(base, restated(100, 0.5, date="2024-05-03"))
    assert not restates(base, restated(100, 0.5, cameo="180"))
    assert not restates(base, restated(100, 0.5, modality="reported"))  # someone's word is not the text's
    assert not restates(base, restated(100, 0.5, modality="denied"))


def test_nothing_shared_means_no_merge():
    assert not restates(restated(0, 0.9, src=None), restated(100, 0.5, tgt=None))
    assert not restates(restated(0, 0.9, src=None, tgt=None), restated(100, 0.5, src=None, tgt=None))


def test_a_party_named_only_by_its_role_ties_nothing():
    police = restated(0, 0.9, src="MLICOP", tgt=None, cameo="173")
    police.source = actor("MLICOP", "police")
    other = restated(100, 0.5, src="MLICOP", tgt=None, cameo="173")
    other.source = actor("MLICOP", "the police")
    assert not restates(police, other)


def test_two_acts_of_one_sentence_stay_two_records():
    a, b = restated(0, 0.9, tgt=None), restated(0, 0.5, tgt="MLIMIL")
    b.trigger = TextSpan("shelled", 5, 12)
    assert len(merge_restatements([a, b])) == 2
