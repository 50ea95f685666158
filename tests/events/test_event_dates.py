"""Each event's date from its own clause, with its precision (2015-09-16, publication, is a Wednesday)."""

from __future__ import annotations

import pytest

from eventwire.times import event_dating, is_background

PUB = "2015-09-16"


def _tok(nlp, sentence, word):
    return next(t for t in nlp(sentence) if t.text == word)


@pytest.mark.parametrize(
    "sentence,word,want",
    [
        ("Rebels shelled the border town on Monday.", "shelled", ("2015-09-14", "day")),
        ("The 2009 blockade of the port ruined the fishermen.", "blockade", ("2009-01-01", "year")),
        ("The envoy visited Cairo in June last year.", "visited", ("2014-06-01", "month")),
        ("Troops entered the valley last March.", "entered", ("2015-03-01", "month")),
        ("The ministers met last week in Oslo.", "met", ("2015-09-07", "week")),
        ("Farmers blocked the motorway a month ago.", "blocked", ("2015-08-01", "month")),
    ],
)
def test_a_cue_in_the_clause_gives_date_and_precision(nlp, sentence, word, want):
    assert event_dating(_tok(nlp, sentence, word), PUB) == want


def test_reporting_verb_date_does_not_date_the_reported_event(nlp):
    tok = _tok(nlp, "The mayor said on Monday that gunmen had kidnapped two engineers.", "kidnapped")
    assert event_dating(tok, PUB)[0] != "2015-09-14"


def test_own_cue_wins_over_the_report_date(nlp):
    tok = _tok(nlp, "Officials said on Monday that militias looted the depot in 2012.", "looted")
    assert event_dating(tok, PUB) == ("2012-01-01", "year")


def test_date_hung_on_the_subject_dates_the_verb(nlp):
    tok = _tok(nlp, "The relief agency on Tuesday accused the militia of blocking convoys.", "accused")
    assert event_dating(tok, PUB) == ("2015-09-15", "day")


def test_date_hung_on_the_auxiliary_dates_the_verb(nlp):
    tok = _tok(nlp, "The two agents had since March 2014 shared documents with a foreign service.", "shared")
    assert event_dating(tok, PUB) == ("2014-03-01", "month")


def test_no_cue_gives_the_publication_date_marked_published(nlp):
    tok = _tok(nlp, "Students occupied the rector's office.", "occupied")
    assert event_dating(tok, PUB) == (PUB, "published")
    assert event_dating(tok, None) == (None, None)


def test_undated_event_of_the_story_takes_the_lead_day(nlp):
    doc = nlp("Police raided the camp on Tuesday. Dozens of residents were detained. The council will debate it.")
    detained = next(t for t in doc if t.text == "detained")
    assert event_dating(detained, PUB) == ("2015-09-15", "story")
    debate = next(t for t in doc if t.text == "debate")
    assert event_dating(debate, PUB) == (PUB, "published")


def test_a_night_sets_no_story_day(nlp):
    doc = nlp("Drones struck the depot overnight. Firefighters fought the blaze.")
    fought = next(t for t in doc if t.text == "fought")
    assert event_dating(fought, PUB) == (PUB, "published")


def test_possessive_day_and_shared_coordination_date(nlp):
    tok = _tok(nlp, "The ministers opened Monday's summit in Lima.", "opened")
    assert event_dating(tok, PUB) == ("2015-09-14", "day")
    tok = _tok(nlp, "On Tuesday the militia seized the bridge and shelled the village.", "shelled")
    assert event_dating(tok, PUB) == ("2015-09-15", "day")


@pytest.mark.parametrize(
    "sentence,word",
    [
        ("The guerrillas had seized the dam before the ceasefire.", "seized"),
        ("The navy previously detained fishing crews near the atoll.", "detained"),
        ("Vandals burned the chapel years ago.", "burned"),
    ],
)
def test_undated_background_gets_no_date(nlp, sentence, word):
    tok = _tok(nlp, sentence, word)
    assert is_background(tok)
    assert event_dating(tok, PUB) == (None, None)


def test_reported_past_perfect_is_backshift_not_background(nlp):
    tok = _tok(nlp, "The governor said the insurgents had abducted the nurses.", "abducted")
    assert not is_background(tok)
    assert event_dating(tok, PUB) == (PUB, "published")


def test_dated_past_perfect_keeps_its_date(nlp):
    tok = _tok(nlp, "The guerrillas had seized the dam in 2011.", "seized")
    assert event_dating(tok, PUB) == ("2011-01-01", "year")


def test_every_event_record_carries_its_precision():
    from eventwire.pipeline import extract

    res = extract("Police arrested the opposition leader in Nairobi on Monday.", published=PUB, clean=False)
    assert res.events
    ev = res.events[0]
    assert (ev.date, ev.date_precision) == ("2015-09-14", "day")
