"""Violence codes: a killing in armed conflict is conventional force (190), a killing outside it
keeps 1823, and bombings are coded by their means (CAMEO 183x)."""

from __future__ import annotations

import pytest

from eventwire.events import find_events


@pytest.fixture(scope="module")
def codes(nlp):
    from eventwire import actors, places

    def run(text: str) -> list[str]:
        doc = nlp(text)
        index = actors.find_actors(doc, None)
        return [e.cameo for e in find_events(doc, index, places.find_places(doc, index), None)]

    return run


def test_killing_in_fighting_is_conventional_force(codes):
    got = codes("Rebel fighters killed nine villagers near the border town on Sunday.")
    assert "190" in got and "1823" not in got


def test_killing_with_an_air_strike_in_the_sentence(codes):
    got = codes("Twelve people were killed when warplanes hit the market.")
    assert "1823" not in got


def test_killing_outside_combat_keeps_1823(codes):
    got = codes("A man was killed at his home in the capital on Friday.")
    assert "1823" in got


def test_beaten_to_death_is_physical_assault(codes):
    got = codes("A mob beat the shopkeeper to death after the rally.")
    assert any(c.startswith("182") for c in got)


def test_truck_bomb_is_a_vehicle_bombing(codes):
    got = codes("Militants detonated a truck bomb outside the ministry on Monday.")
    assert "1832" in got


def test_suicide_blast_is_a_suicide_bombing(codes):
    got = codes("A suicide blast ripped through the crowded market.")
    assert "1831" in got
