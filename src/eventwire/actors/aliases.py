"""In-document reference: later mentions ("Macron", "the president", "he", "they") pointing back to
an actor introduced earlier, so an event coded from a later sentence keeps its full actor code.

Why here and not a coreference model: a small-model pipeline has none, and news style (full name
with title first, surname or title after) makes these few rules right most of the time, in O(1) per
lookup.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor

PERSON_PRONOUNS = {"he", "him", "she", "her"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS

#: How far back (in mentions) a pronoun may look for its antecedent.
PRONOUN_WINDOW = 12

#: Name parts that are no surname, and Arabic articles news writes with or without.
NAME_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
ARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "az-", "ar-")


def name_keys(full: str) -> list[str]:
    """Keys a person is later called by: the full name and the surname ("Lowell Reed Jr." → Reed;
    "Bashar al-Assad" → al-Assad and Assad, as news writes both)."""
    words = [w for w in full.replace(",", " ").split() if w not in NAME_SUFFIXES]
    keys = [full]
    if len(words) > 1:
        last = words[-1]
        keys.append(last)
        low = last.lower()
        for art in ARTICLES:
            if low.startswith(art) and len(last) > len(art) + 1:
                keys.append(last[len(art) :])
    return keys


class AliasBook:
    """Actors met so far in one document, by surname/full name and by title word."""

    def __init__(self) -> None:
        self.by_name: dict[str, Actor] = {}
        self.by_title: dict[str, Actor] = {}

    def add_person(self, actor: Actor, names: list[str], title: str | None) -> None:
        """Remember an informative person actor under its full name, its surname and its title."""
        if not (actor.country or actor.sectors or actor.code):
            return
        for n in names:
            if n:
                self.by_name.setdefault(n, actor)
        if title:
            self.by_title[title] = actor

    def person(self, name: str) -> Actor | None:
        return self.by_name.get(name)

    def titled(self, title: str) -> Actor | None:
        return self.by_title.get(title)


def compatible(pronoun: str, actor: Actor, plural: bool = False) -> bool:
    """Whether a pronoun can point at this actor (he/she: people; it: countries, bodies, groups;
    they: groups and countries, and also people when the text speaks of a group of them)."""
    p = pronoun.lower()
    if p in PERSON_PRONOUNS:
        return actor.kind == "person"
    if p in THING_PRONOUNS:
        return actor.kind in ("country", "igo", "group") and not plural
    return actor.kind in ("group", "country", "igo") or plural


def antecedent(pronoun: str, earlier: list[tuple[Actor, int, bool, bool]], sent: int) -> Actor | None:
    """The nearest earlier compatible actor, preferring a subject of this or the previous sentence.

    ``earlier`` holds (actor, sentence number, was-subject, plural head) in text order."""
    window = earlier[-PRONOUN_WINDOW:]
    fallback = None
    for actor, s, subj, plural in reversed(window):
        if sent - s > 2:
            break
        if not compatible(pronoun, actor, plural):
            continue
        if subj and sent - s <= 1:
            return actor
        if fallback is None:
            fallback = actor
    return fallback


def as_mention(actor: Actor, text: str, start: int, end: int) -> Actor:
    """The same actor, with the evidence of a later mention."""
    return replace(actor, text=text, start=start, end=end, sectors=list(actor.sectors))
