"""The wire-story fixture end to end through modality, dates, casualties, denials and dedup."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events.denials import apply_denials, find_denials
from eventwire.events.fatalities import fatalities_for
from eventwire.events.merge import merge_within_article
from eventwire.events.modality import assess
from eventwire.model import Actor, Event, TextSpan
from eventwire.times import event_date

PUB = "2015-09-16"
STORY = (Path(__file__).parents[1] / "fixtures" / "wire_story.txt").read_text()


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(STORY)


def tok(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def make(doc, word, cameo, actors, src=None, tgt=None, nth=0) -> Event:
    t = tok(doc, word, nth)
    modality, links = assess(t, actors)
    s = t.sent

    def a(code):
        return Actor(code=code, country=code[:3], sectors=[], name=code, text=code, start=0, end=0) if code else None

    return Event(
        cameo=cameo,
        name="",
        root=cameo[:2],
        quad_class=1,
        goldstein=0.0,
        plover=None,
        source=a(src),
        target=a(tgt),
        modality=modality,
        evidence=TextSpan(s.text, s.start_char, s.end_char),
        trigger=TextSpan(t.text, t.idx, t.idx + len(t.text)),
        attribution=links,
        date=event_date(t, PUB, modality),
        fatalities=fatalities_for(t),
        confidence=0.5,
    )


def assessed(t, src: str, actors, evidence: TextSpan | None = None) -> Event:
    """A bare record of the act at token ``t`` by ``src``, with the modality and attribution chain
    the modality step gives it (evidence: its sentence unless given)."""
    m, links = assess(t, actors)
    s = t.sent
    return Event(
        cameo="0",
        name="",
        root="0",
        quad_class=1,
        goldstein=0.0,
        plover=None,
        source=Actor(code=src, country=src[:3], sectors=[], name=src, text=src, start=0, end=0),
        target=None,
        modality=m,
        evidence=evidence or TextSpan(s.text, s.start_char, s.end_char),
        trigger=TextSpan(t.text, t.idx, t.idx + len(t.text)),
        attribution=links,
    )


def test_request_is_reported_by_anonymous_officials(doc):
    m, links = assess(tok(doc, "asked"), None)
    assert m == "reported"
    assert links[0].cue == "according to" and links[0].anonymous


def test_second_mention_chain_outlet_then_officials(doc):
    m, links = assess(tok(doc, "request"), None)
    assert m == "reported"
    assert [(a.text, a.anonymous) for a in links] == [("the Financial Times", False), ("two officials", True)]
    assert event_date(tok(doc, "request"), PUB, m) == "2015-09-07"  # "last week"


def test_meeting_is_future_on_the_next_monday(doc):
    m, links = assess(tok(doc, "meet"), None)
    assert m == "future" and links[0].text == "the White House"
    assert event_date(tok(doc, "meet"), PUB, m) == "2015-09-21"


def test_strike_casualties_date_and_sources(doc):
    t = tok(doc, "killed")
    m, links = assess(t, None)
    assert m == "reported" and links[0].anonymous
    assert fatalities_for(t) == 23
    assert event_date(t, PUB, m) == "2015-09-13"


def test_conditional_question_negated(doc):
    assert assess(tok(doc, "close"), None)[0] == "conditional"
    assert assess(tok(doc, "approve"), None)[0] == "question"
    assert assess(tok(doc, "attack"), None)[0] == "negated"
    assert event_date(tok(doc, "attack"), PUB) == "2015-09-15"  # "overnight"


def test_denials_found(doc):
    found = find_denials(doc)
    assert any("ask" in d.lemmas and d.anaphoric for d in found)
    assert any(d.generic and d.denier is not None and d.denier.text == "spokesman" for d in found)


def test_embassy_denial_marks_both_mentions_of_the_request(doc, fake_actors):
    actors = fake_actors({"embassy": "RUSGOV", "spokesman": "RUSGOV"})
    evs = [
        make(doc, "asked", "0233", actors, "SYRGOV", "RUSGOV"),
        make(doc, "request", "0233", actors, "SYRGOV", "RUSGOV"),
        make(doc, "meet", "036", actors, "USAGOV", "RUSGOV"),
        make(doc, "killed", "190", actors),
    ]
    apply_denials(evs, doc, actors)
    asked, request, meet, killed = evs
    for e in (asked, request):
        assert e.modality == "denied"
        assert e.attribution[-1].denied and e.attribution[-1].code == "RUSGOV"
        assert e.attribution[-1].text == "The Russian embassy in Damascus"
        assert not e.attribution[0].denied  # the reporting chain is kept
    assert meet.modality == "future" and killed.modality == "reported"


def test_denial_without_actor_codes_needs_an_anaphor(doc):
    evs = [make(doc, "asked", "0233", None, "SYRGOV", "RUSGOV"), make(doc, "meet", "036", None, "USAGOV", "RUSGOV")]
    apply_denials(evs, doc, None)
    assert evs[0].modality == "denied" and evs[1].modality == "future"


def test_dedup_merges_the_two_request_mentions(doc, fake_actors):
    actors = fake_actors({"embassy": "RUSGOV"})
    evs = [
        make(doc, "asked", "0233", actors, "SYRGOV", "RUSGOV"),
        make(doc, "request", "0233", actors, "SYRGOV", "RUSGOV"),
    ]
    evs[1].date = evs[0].date
    apply_denials(evs, doc, actors)
    out = merge_within_article(evs)
    assert len(out) == 1 and len(out[0].mentions) == 1


def test_generic_denial_needs_actor_match(nlp, fake_actors):
    doc = nlp(
        "Sources said Oslo had sold rifles to Minsk. Officials in Oslo dismissed the report as false. "
        "Separately, Riga expelled a diplomat, according to state radio."
    )
    actors = fake_actors({"Officials": "NORGOV"})

    sold, expelled = (
        assessed(next(x for x in doc if x.text == w), src, actors)
        for w, src in (("sold", "NORGOV"), ("expelled", "LVAGOV"))
    )
    apply_denials([sold, expelled], doc, actors)
    assert sold.modality == "denied" and sold.attribution[-1].cue == "dismiss"
    assert expelled.modality == "reported"


def test_the_request_named_inside_the_denial_is_denied_once(doc, fake_actors):
    actors = fake_actors({"embassy": "RUSGOV"})
    e = make(doc, "request", "0233", actors, nth=1)  # "… never heard of any such request"
    assert e.modality == "reported"
    apply_denials([e], doc, actors)
    assert e.modality == "denied"
    assert [(a.text, a.denied) for a in e.attribution] == [("The Russian embassy in Damascus", True)]


def test_warning_against_an_act_is_not_the_act(doc):
    m, links = assess(tok(doc, "delivering"), None)
    assert m == "hypothetical" and links[0].text == "officials"


def test_non_denials_are_ignored(nlp):
    doc = nlp(
        "Officials said Oslo had sold rifles to Minsk. The ministry would neither confirm nor deny the report. "
        "Minsk said it would appeal the ruling on the grounds that the court has no jurisdiction over rifles."
    )
    assert find_denials(doc) == []


def test_statement_events_are_not_denied(nlp, fake_actors):
    doc = nlp("The council said Lisbon had expelled the envoy. Lisbon denied the report.")
    actors = fake_actors({"Lisbon": "PRTGOV", "council": "IGOCOE"})
    said = next(t for t in doc if t.text == "said")
    expelled = next(t for t in doc if t.text == "expelled")

    a, b = (
        assessed(said, "PRTGOV", actors, TextSpan("", 0, 0)),
        assessed(expelled, "PRTGOV", actors, TextSpan("", 0, 0)),
    )
    apply_denials([a, b], doc, actors)
    assert a.modality == "asserted" and b.modality == "denied"


@pytest.mark.parametrize(
    "denial",
    [
        "Later, Valletta denied any involvement in the raid.",
        "Valletta said there was no truth to the reports.",
        "Valletta rejected the allegations as baseless.",
    ],
)
def test_later_denials_by_the_accused_party(nlp, denial, fake_actors):
    doc = nlp("Witnesses said Maltese commandos carried out a raid on the port. " + denial)
    actors = fake_actors({"Valletta": "MLTGOV", "commandos": "MLTMIL"})
    t = next(x for x in doc if x.text == "raid")
    m, links = assess(t, actors)
    e = Event(
        cameo="190",
        name="",
        root="19",
        quad_class=4,
        goldstein=-10.0,
        plover=None,
        source=Actor(code="MLTMIL", country="MLT", sectors=["MIL"], name="", text="commandos", start=0, end=0),
        target=None,
        modality=m,
        evidence=TextSpan("", 0, 0),
        trigger=TextSpan(t.text, t.idx, t.idx + len(t.text)),
        attribution=links,
    )
    apply_denials([e], doc, actors)
    assert e.modality == "denied"
    assert e.attribution[-1].denied and e.attribution[-1].code == "MLTGOV"
