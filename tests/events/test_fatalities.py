"""Death counts in an event's clause, on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.events.fatalities import fatalities_for, words_to_int


@pytest.mark.parametrize(
    "words,want",
    [
        (["12"], 12),
        (["2,300"], 2300),
        (["twelve"], 12),
        (["three", "hundred"], 300),
        (["twenty", "five"], 25),
        (["a", "dozen"], 12),
        (["1.5", "million"], 1_500_000),
        (["dozens"], None),
        (["several"], None),
    ],
)
def test_words_to_int(words, want):
    assert words_to_int(words) == want


@pytest.mark.parametrize(
    "sentence,trigger,want",
    [
        ("The shelling killed 12 civilians in the market.", "shelling", 12),
        ("Troops opened fire on the march, killing at least 9 people.", "opened", 9),
        ("Twelve farmers were killed in the raid.", "raid", 12),
        ("Twenty-five guards were killed at the checkpoint.", "killed", 25),
        ("A dozen villagers were killed in the ambush.", "ambush", 12),
        ("The explosion left 14 people dead.", "explosion", 14),
        ("At least 31 people are dead after the bombing.", "bombing", 31),
        ("The avalanche of violence claimed 17 lives.", "avalanche", 17),
        ("The death toll from the riots rose to 44.", "riots", 44),
        ("The shelling of the town killed 3 soldiers and 2 nurses.", "shelling", 5),
        ("Police beat a shopkeeper to death.", "beat", 1),
        ("Police shot dead two robbers.", "shot", 2),
        ("No one was killed in the blast.", "blast", 0),
        ("The clashes left 40 dead and 100 injured.", "clashes", 40),
    ],
)
def test_counts(nlp, sentence, trigger, want):
    tok = next(t for t in nlp(sentence) if t.text == trigger)
    assert fatalities_for(tok) == want


def test_death_toll_on_the_toll_clause(nlp):
    doc = nlp("The death toll rose to 44 on Friday.")
    assert fatalities_for(next(t for t in doc if t.text == "rose")) == 44


@pytest.mark.parametrize(
    "sentence,trigger",
    [
        ("The blast killed dozens of shoppers.", "blast"),  # vague: no number invented
        ("Police opened fire, wounding 12 protesters.", "opened"),  # injured are not dead
        ("Police arrested two men who had killed a jeweller.", "arrested"),  # another event's victims
        ("Police beat the protesters.", "beat"),
        ("The army said 12 soldiers died.", "said"),  # a statement carries no deaths
    ],
)
def test_no_count(nlp, sentence, trigger):
    tok = next(t for t in nlp(sentence) if t.text == trigger)
    assert fatalities_for(tok) is None


def test_phrasal_die_is_not_a_death(nlp):
    tok = next(t for t in nlp("The protests died down after the curfew.") if t.text == "protests")
    assert fatalities_for(tok) is None


def test_an_unrelated_death_in_the_clause_is_not_counted(nlp):
    doc = nlp("The cabinet postponed the vote following the death of the speaker.")
    assert fatalities_for(next(t for t in doc if t.text == "cabinet")) is None


def test_a_death_in_an_adjunct_is_another_event(nlp):
    doc = nlp("The cabinet postponed the vote following the death of the speaker.")
    assert fatalities_for(next(t for t in doc if t.text == "postponed")) is None
    doc = nlp("The riots resulted in 14 deaths.")
    assert fatalities_for(next(t for t in doc if t.text == "riots")) == 14
    assert fatalities_for(next(t for t in doc if t.text == "resulted")) == 14


def test_gerund_event_and_elliptical_passive(nlp):
    doc = nlp("Officials say 14 people have been killed in police firing.")
    assert fatalities_for(next(t for t in doc if t.text == "firing")) == 14
    doc = nlp("Three shops were looted and two killed in the shooting.")
    assert fatalities_for(next(t for t in doc if t.text == "killed")) == 2
    doc = nlp("Police have killed three suspects.")
    assert fatalities_for(next(t for t in doc if t.text == "killed")) == 3


def test_coordinated_verb_is_its_own_event(nlp):
    doc = nlp("Police arrested 40 rioters and shot dead 9 others.")
    assert fatalities_for(next(t for t in doc if t.text == "arrested")) is None
    assert fatalities_for(next(t for t in doc if t.text == "shot")) == 9


@pytest.mark.parametrize(
    "sentence,trigger,want",
    [
        # the injured figure coordinated with "dead" is not a death count
        ("police firing in the old city left three dead and nine injured on friday.", "firing", 3),
        # a split "police firing" inside a coordinated subject
        (
            "rioting and subsequent police firing in the market area left two dead and five injured on tuesday.",
            "firing",
            2,
        ),
    ],
)
def test_counts_of_split_and_coordinated_subjects(nlp, sentence, trigger, want):
    tok = next(t for t in nlp(sentence) if t.text == trigger)
    assert fatalities_for(tok) == want
