"""An actor code composed from what a head and its words say: a lexicon entry named as a head,
or a person, organisation or role noun given its country and sectors by its modifiers, its
possessor, its "of/for/in" phrase, earlier mentions, and last the article's country."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..model import Actor
from . import aliases
from .codes import actor_code, body_prefix
from .countries import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    LEADER,
    ORG,
    SEAT,
    Entry,
    country_names,
)
from .mentions import PLURAL_TAGS, fallback_country, poss_country, same_body
from .metonymy import is_ethnic, is_location, place_mention, residence
from .modifiers import ModInfo, modifier_info, origin_of
from .roles import Role
from .spans import MOD_DEPS, ent_text, span_start
from .state import DocState, actor_at

#: Nouns that, with "the", point back at the organisation last named ("the group said").
BODY_NOUNS = {"group", "organization", "organisation", "movement"}
#: Nouns that stand for a country when the text says which ("his country", "the nation").
COUNTRY_NOUNS = {"country", "nation", "homeland", "motherland", "fatherland"}
#: Words in an organisation's name that say it belongs to no one country.
TRANSNATIONAL = {
    "International",
    "World",
    "Global",
    "Transnational",
    "Worldwide",
    "Inter-Parliamentary",
    "Intergovernmental",
}
#: Modifiers that say a role belongs to no one country, or to others than the article's.
FOREIGN_MODS = {"western", "foreign", "international", "overseas", "allied", "multinational", "coalition"}
#: Entity types that are never actors even with a country modifier ("the Iraqi year", "U.S. dollars").
NON_ACTOR_ENTS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORDINAL",
    "LANGUAGE",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
}


@dataclass
class Draft:
    """The parts of an actor being composed, filled in step by step."""

    sectors: list[str] = field(default_factory=list)
    kind: str = "group"
    title: str | None = None
    country: str | None = None
    prefix: str | None = None
    name: str = ""
    person: str | None = None

    @property
    def unplaced(self) -> bool:
        """Whether neither a country nor a body has been found yet."""
        return self.country is None and self.prefix is None


# -- lexicon entries named as heads -------------------------------------------------------------
def from_entry(state: DocState, tok: Token, e: Entry, text: str, start: int, end: int, depth: int) -> Actor | None:
    """The actor a lexicon entry names when it is the head itself ("Moscow said", "the Chinese",
    "Hamas", "Macron")."""
    if e.kind in (COUNTRY, CAPITAL, SEAT):
        return place_mention(state, tok, e, text, start, end)
    if e.kind == DEMONYM:
        # a demonym as a head: "the Chinese", "two Americans", "Israelis"; an ethnic group is
        # coded by where it lives ("ethnic Albanians in Serbia", "the Albanians of Serbia")
        country = residence(state, tok, e.country, depth)
        name = country_names().get(country, e.name) if country is not None and country != e.country else e.name
        return Actor(country or e.code, country, [], name, text, start, end, "group")  # "Europeans": EUR
    if e.kind == LEADER:
        a = Actor(
            e.code + "".join(s for s in e.sectors if s not in e.code[3:]) if e.country else e.code,
            e.country,
            list(e.sectors),
            e.name,
            text,
            start,
            end,
            "person",
            e.name,
        )
        state.book.add_person(a, aliases.name_keys(e.name) + [tok.text], None)
        return a
    if e.kind == ORG:
        sectors = list(e.sectors)
        country = e.country
        code = e.code
        if not code:  # a sector-only body ("Maoists"): country from the modifiers or the article
            mod_entry = modifier_info(state, tok).entry
            country = (mod_entry.country if mod_entry else None) or fallback_country(state, sectors)
            code = actor_code(country, None, sectors)
        return Actor(code, country, sectors, e.name, text, start, end, e.actor_kind)
    return None


# -- parts and wholes, and nouns that are no role --------------------------------------------------
def partitive(state: DocState, tok: Token, depth: int) -> Actor | None:
    """ "dozens of protesters", "one third of the rebels", "some of them": the part is the whole's."""
    if depth > 3:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    a = actor_at(state, p.i, depth + 1)
                    if a is not None:
                        start = state.toks[span_start(state, tok)]
                        last = state.toks[p.right_edge.i]
                        return aliases.as_mention(
                            a, state.text[start.idx : last.idx + len(last)], start.idx, last.idx + len(last)
                        )
    return None


def owned_role(tok: Token, info: ModInfo) -> Role | None:
    """ "police vehicles", "army convoy", "(killed in) police firing": a sector's own things."""
    if info.role is not None and not info.adj_role and tok.pos_ in ("NOUN", "PROPN"):
        return info.role
    return None


def _attributive(e: Entry, text: str, start: int, end: int) -> Actor:
    """A noun owned or qualified by a country or body: "Iraqi towns", "Israel's decision",
    "the Danish embassy's cars". The actor is the country (or body) itself, without a sector."""
    sectors = list(e.sectors) if e.kind in (ORG, SEAT) else []
    code = e.code + ("".join(e.sectors) if e.kind == SEAT else "")
    kind = e.actor_kind if e.kind in (ORG, SEAT) else "group"
    return Actor(code, e.country, sectors, e.name, text, start, end, kind, e.name if e.kind == LEADER else None)


def nameless(state: DocState, tok: Token, info: ModInfo, text: str, cstart: int, end: int) -> Actor | None:
    """A noun that is no role or name: "his country", "the nation", "Iraqi towns", or nothing."""
    if tok.tag_ == "NN" and tok.lower_ in COUNTRY_NOUNS and info.entry is None and not is_location(tok):
        iso = poss_country(state, tok)
        if (
            iso is None
            and any(c.lower_ in ("the", "this") for c in tok.children)
            and not any(c.dep_ in ("amod", "compound") for c in tok.children)
        ):
            iso = state.dominant  # "the country" is the one the article is about
        if iso:
            return Actor(iso, iso, [], country_names().get(iso, iso), text, cstart, end, "country")
    if (
        info.entry is not None
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.ent_type_ not in NON_ACTOR_ENTS
        and info.countries < 2
        and not is_location(tok)
    ):
        a = _attributive(info.entry, text, cstart, end)
        if tok.lemma_.lower() == "counterpart" and not a.sectors:
            _counterpart_sectors(state, tok, a)
        return a
    return None


def _counterpart_sectors(state: DocState, tok: Token, a: Actor) -> None:
    """ "the Ugandan minister and her Kenyan counterpart": the counterpart is Kenyan and holds
    the office of the person it is coordinated with (or owned by), so it takes that one's sectors."""
    other = tok.head if tok.dep_ == "conj" else None
    if other is None:
        other = next((c for c in tok.children if c.dep_ == "poss"), None)
    if other is None or other.i == tok.i:
        return
    o = actor_at(state, other.i, 1)
    if o is not None and o.sectors:
        a.sectors = list(o.sectors)
        a.code = (a.code or "") + "".join(o.sectors)


# -- people, organisations and role nouns ----------------------------------------------------------
def _transnational(state: DocState, tok: Token) -> bool:
    """An organisation whose name says it is not national ("International Crisis Group")."""
    words = set(ent_text(state, tok).split())
    return bool(words & TRANSNATIONAL)


def _coordinated(state: DocState, tok: Token, actor: Actor) -> None:
    """ "US and British forces": one more actor per further coordinated country modifier, with
    the head's sectors, so that ``for_span`` splits the phrase."""
    seen = {actor.country}
    for c in tok.children:
        if c.dep_ not in MOD_DEPS:
            continue
        for g in c.conjuncts:
            m = state.match[g.i]
            if m is None or not m[2].country or m[2].country in seen or m[2].kind not in (COUNTRY, DEMONYM):
                continue
            e = m[2]
            seen.add(e.country)
            t0, t1 = state.toks[m[0]], state.toks[m[1] - 1]
            extra = Actor(
                actor_code(e.country, None, actor.sectors),
                e.country,
                list(actor.sectors),
                e.name,
                state.text[t0.idx : t1.idx + len(t1)],
                t0.idx,
                t1.idx + len(t1),
                actor.kind,
            )
            state.extra.setdefault(tok.i, []).append(extra)


def _draft(tok: Token, role: Role | None, info: ModInfo, is_person: bool) -> Draft:
    """Sectors, kind and title from the head's own role and its modifiers' role."""
    d = Draft(title=info.title)
    if role is not None:
        d.sectors = list(role.sectors)
        d.kind = role.kind
        if role.kind == "person":
            d.title = d.title or tok.lemma_.lower()
    mod_role = info.role
    if mod_role is not None and (role is None or role.generic or not d.sectors or is_person):
        d.sectors = list(mod_role.sectors)
        if is_person and mod_role.kind == "person":
            d.kind = "person"
    return d


def _take_entry(state: DocState, tok: Token, d: Draft, entry: Entry, depth: int) -> None:
    """Country or body from a modifier's lexicon entry ("Iraqi soldiers", "UN peacekeepers")."""
    d.country, d.name = entry.country, entry.name
    # a body or leader gives its own code; so does a region ("European governments": EURGOV)
    d.prefix = entry.code if entry.kind in (ORG, LEADER) or not entry.country else None
    if entry.kind == DEMONYM and is_ethnic(tok):
        d.country = residence(state, tok, entry.country, depth, force=True)
    if entry.kind in (ORG, SEAT) and not d.sectors:
        d.sectors = list(entry.sectors)
    if entry.actor_kind == "igo" or (entry.code and not entry.country):
        d.country = None


def _take_origin(d: Draft, origin: Actor, role: Role | None) -> None:
    """Country, body and (for a generic role) sectors from the head's "of/for/in" phrase."""
    d.country, d.name = origin.country, origin.name
    d.prefix = origin.code if origin.kind == "igo" or (origin.code and not origin.country) else None
    if (role is None or role.generic) and origin.sectors and (not d.sectors or (role is not None and role.generic)):
        d.sectors = list(origin.sectors)


def _take_person(state: DocState, tok: Token, d: Draft, leader_name: str | None) -> None:
    """A named person: the name, and what an earlier mention of the same name said."""
    d.kind = "person"
    name = ent_text(state, tok)
    d.person = leader_name or name
    if d.unplaced:
        known = state.book.person(name) or state.book.person(tok.text)
        if known is not None:
            d.country, d.prefix, d.sectors, d.person = (
                known.country,
                body_prefix(known),
                list(known.sectors),
                known.person or d.person,
            )
            d.title = d.title or None


def _finish(
    state: DocState,
    tok: Token,
    d: Draft,
    role: Role | None,
    info: ModInfo,
    is_person: bool,
    text: str,
    cstart: int,
    end: int,
) -> Actor:
    """The composed actor, remembered for later mentions of its name or title."""
    if d.country and not d.name:
        d.name = country_names().get(d.country, d.country)
    if is_person:
        d.name = d.person or d.name
    code = actor_code(d.country, d.prefix, d.sectors)
    if d.kind == "person" and not is_person and tok.tag_ in PLURAL_TAGS:
        d.kind = "group"  # "rebels", "officials": people, but a group of them
    actor = Actor(code, d.country, d.sectors, d.name or text, text, cstart, end, d.kind, d.person)
    if info.entry is not None and not is_person:
        _coordinated(state, tok, actor)
    if is_person:
        names = aliases.name_keys(ent_text(state, tok)) + [tok.text]
        state.book.add_person(actor, names, d.title)
    elif role is not None and role.kind == "person" and d.title and (d.country or d.prefix):
        state.book.by_title.setdefault(d.title, actor)
    return actor


def compose(
    state: DocState,
    tok: Token,
    depth: int,
    role: Role | None,
    info: ModInfo,
    is_person: bool,
    is_org: bool,
    text: str,
    cstart: int,
    end: int,
) -> Actor | None:
    """A person, organisation or role noun: country and sectors from its own words, modifiers,
    possessor, "of/for/in" phrase, earlier mentions, and last the article's country."""
    d = _draft(tok, role, info, is_person)
    if info.entry is not None:
        _take_entry(state, tok, d, info.entry, depth)
    origin = None
    if d.unplaced and role is not None:
        d.country = poss_country(state, tok)  # "his government", "their army"
    if d.unplaced:
        origin = origin_of(state, tok, depth)
        if origin is not None:
            _take_origin(d, origin, role)
    if is_person:
        _take_person(state, tok, d, info.person)
    elif is_org and role is None:
        d.name = d.name or ent_text(state, tok)
    if role is not None and role.generic and not d.sectors and d.unplaced and not is_org:
        if (
            tok.lemma_.lower() in BODY_NOUNS
            and state.last_body is not None
            and any(c.lower_ == "the" for c in tok.children)
        ):
            return aliases.as_mention(state.last_body, text, cstart, end)  # "the group" = the body just named
        return None  # "observers", "a group": nothing to code them with
    if (
        role is not None
        and role.kind == "person"
        and not is_person
        and d.unplaced
        and info.entry is None
        and origin is None
        and d.title
        and tok.tag_ not in PLURAL_TAGS
    ):
        known = state.book.titled(d.title)  # "the president" after "President X": the same actor
        if known is not None:
            return aliases.as_mention(known, text, cstart, end)
    if d.unplaced and d.sectors == ["NGO"]:
        d.prefix = "NGO"  # a non-governmental body named without a country is transnational (CAMEO)
    if (
        d.unplaced
        and state.dominant
        and (role is not None or is_person or (is_org and not _transnational(state, tok)))
        and not any(c.lower_ in FOREIGN_MODS for c in tok.children if c.dep_ in ("amod", "compound"))
    ):
        d.country = same_body(state, tok, d.sectors)
        if d.country is None:
            d.country = fallback_country(
                state, d.sectors
            )  # ("Western officials", "foreign diplomats" are not the article's country)
            state.guessed.add(tok.i)
    return _finish(state, tok, d, role, info, is_person, text, cstart, end)
