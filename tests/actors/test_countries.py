"""The one country table: actors (names, demonyms) and places (coordinates) read the same rows."""

from __future__ import annotations

from eventwire.actors.countries import country_names, phrase_table
from eventwire.places.gazetteer import country_rows, small_tables


def test_every_news_named_country_is_also_a_place():
    places = small_tables().countries
    named = [r["iso3"] for r in country_rows() if r["news_names"] or r["news_demonyms"]]
    assert len(named) > 150
    assert all(iso in places for iso in named)


def test_a_row_gives_the_actor_its_names_and_the_place_its_point():
    row = next(r for r in country_rows() if r["iso3"] == "ARE")
    assert country_names()["ARE"] == row["news_names"].split("|")[0]
    demonyms = {p: e for cands in phrase_table().values() for p, e in cands if e.kind == "demonym"}
    assert all(demonyms[d].country == "ARE" for d in row["news_demonyms"].split("|"))
    place = small_tables().countries["ARE"]
    assert (place.lat, place.lon) == (float(row["lat"]), float(row["lon"]))


def test_emirati_officials_are_coded_from_the_table(nlp):
    from eventwire.actors import find_actors

    doc = nlp("Emirati officials met the envoy in Abu Dhabi.")
    codes = {m.code for m in find_actors(doc).mentions}
    assert "AREGOV" in codes
