"""Toponyms in a parsed article → ``Place`` records with coordinates.

Why: analysts map events, so every place name needs a point and a country, and the same name
("Paris", "Georgia") must resolve differently by article. Candidates come from spaCy's
GPE/LOC/FAC entities, adjectival place forms ("Syrian forces"), toponyms inside organisation
names ("University of Washington") and a gazetteer scan for names the tagger missed
(:mod:`.candidates` finds them); each is resolved by prominence, the countries the article
already names, and "X, State" patterns.

A street, church or other named local feature the gazetteer cannot know is placed at the town
the article is about (named at least twice, more than any other) with ``feature="local"`` and no
GeoNames id: an approximate point, marked as such.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..model import Place
from .candidates import FEATURE_HEADS, PRIOR_COUNTRY_MIN, candidates
from .gazetteer import PRIOR_REGION, Entry, Gazetteer, gazetteer, norm

#: verbs whose subject is an agent, not a location ("Ankara said", "Russia denied")
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "into",
        "from",
        "to",
        "within",
        "toward",
        "towards",
        "through",
        "between",
        "on",
        "off",
    }
)
#: capitalised words the gazetteer scan must not take for towns (cities named like common words)
_SMALL_TOWN = 4.18  # log10(15,000)
_ALT_MIN_PRIOR = 5.5


def _context(doc: Doc, cands, g: Gazetteer) -> tuple[Counter, Counter, Counter]:
    """Countries named outright, countries of sub-national places, and US states named."""
    named: Counter[str | None] = Counter()  # an entry's country may be unknown
    sub: Counter[str | None] = Counter()
    states: Counter[str] = Counter()
    for _, _, text, how in cands:
        if how in ("adj", "emb", "hyph"):
            e = g.adjective(text)
            if e is not None and e.feature == "country":
                named[e.country] += 1
            continue
        ents = g.names.get(norm(text), [])
        if not ents:
            continue
        best = max(ents, key=lambda e: e.prior)
        if best.feature == "country":
            named[best.country] += 1
        elif len(ents) == 1 or best.prior >= 6.5:
            sub[best.country] += 1
            if best.admin1 and (best.feature == "admin1" or len(ents) == 1):
                states[best.admin1] += 1
    return named, sub, states


def _score(e: Entry, key: str, named: Counter, sub: Counter, states: Counter) -> float:
    """Prominence plus article context; context nudges, it cannot turn a town into a capital.

    The country bonus grows with that country's share of the article's places, so a British
    story that mentions Washington once still reads "Cambridge" as the English one.
    """
    s = e.prior + (0.5 if norm(e.name) == key else 0.0)
    if e.feature == "country" or not e.country:
        return s
    total = sum(named.values()) + sum(sub.values())
    share = (named.get(e.country, 0) + sub.get(e.country, 0)) / total if total else 0.0
    s += (2.0 if e.feature == "city" else 3.0) * share
    if e.admin1 and e.feature == "city" and states.get(e.admin1):
        s += 1.5
    if e.feature == "admin1" and sum(sub.values()) >= 2 and sub.get(e.country, 0) * 2 >= sum(sub.values()):
        s += 1.5
    if e.feature == "admin1" and e.admin1 and states.get(e.admin1):
        s += 3.0  # its own towns are named: "Washington" in an article about Seattle and Spokane
    return s


def _container(text: str, end: int, g: Gazetteer) -> list[Entry]:
    """Entries named right after "X, " (the Y of "X, Y")."""
    if end + 2 >= len(text) or text[end] != ",":
        return []
    rest = text[end + 1 : end + 40].lstrip()
    out: list[Entry] = []
    words = rest.split()
    for k in range(min(3, len(words)), 0, -1):
        key = norm(" ".join(words[:k]))
        for e in g.names.get(key, []):
            if e.feature in ("country", "admin1"):
                out.append(e)
        if out:
            break
    if not out and words:
        ab = g.abbrev(words[0].rstrip(",;:)"))
        code = words[0].strip(".,;:)").upper().replace(".", "")
        if ab is not None:
            out.append(ab)
        elif len(code) == 2 and code in g.states:
            out.append(g.states[code])
    return out


def _resolve(body: str, s: int, e: int, text: str, how: str, g: Gazetteer, ctx) -> Entry | None:
    if how in ("adj", "emb", "hyph"):
        hit = g.adjective(text)
        if hit is not None:
            return hit
    if how == "abbr" or (text.endswith(".") and g.abbrev(text) is not None):
        return g.abbrev(text)
    ents = g.names.get(norm(text), [])
    if not ents:
        low = norm(text)
        for pre in ("northern ", "southern ", "eastern ", "western ", "central ", "north ", "south ", "east ", "west "):
            if low.startswith(pre) and g.names.get(low[len(pre) :]):
                ents = g.names[low[len(pre) :]]
                break
    if not ents:
        return None
    if how != "ent" and not g.primary(text):
        return None
    if (
        not any(norm(c.name) == norm(text) or c.prior >= PRIOR_COUNTRY_MIN for c in ents)
        and max(c.prior for c in ents) < _ALT_MIN_PRIOR
    ):
        return None  # only a small town's alternate name: more often wrong than right
    if len(ents) == 1:
        return ents[0]
    within = _container(body, e, g)
    key = norm(text)
    own = any(norm(c.name) == key for c in ents)  # some candidate is really called this
    best, best_s = None, float("-inf")
    for c in ents:
        sc = _score(c, key, *ctx)
        if own and norm(c.name) != key and c.prior < PRIOR_REGION:
            sc -= 2.0  # "Salisbury" is the English town before it is Harare's colonial name
        for w in within:
            if (w.feature == "country" and c.country == w.country and c.feature != "country") or (
                w.feature == "admin1" and c.admin1 and c.admin1 == w.admin1 and c is not w
            ):
                sc += 10.0
        if sc > best_s:
            best, best_s = c, sc
    if (
        best is not None
        and best.feature == "city"
        and best.prior < _SMALL_TOWN
        and not within
        and not (ctx[0].get(best.country) or ctx[1].get(best.country))
    ):
        return None  # a small town in a country the article never mentions: more likely a namesake
    if best is not None and best.feature == "admin1":
        # "New York": a big city named like its own state is what news means by the bare name
        big = [c for c in ents if c.feature == "city" and c.admin1 == best.admin1 and c.prior >= 6.0]
        if big and not any(w is best for w in within) and not _says_state(body, e):
            return max(big, key=lambda c: c.prior)
    return best


def _says_state(text: str, end: int) -> bool:
    """ "New York State", "New York state" right after the name."""
    return text[end : end + 6].lower() in (" state", "-state")


def _metonymic(doc: Doc, s: int, e: int, how: str, actors) -> bool:
    """A place standing for its government or people: "Ankara said", "Russia denied"."""
    if how in ("adj", "emb", "hyph"):
        return False
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if span.text.isupper() and (span.start == 0 or "\n" in doc[span.start - 1].text_with_ws):
        return False  # a dateline: "KABUL (Reuters) -"
    if root.dep_ in _SUBJ_DEPS and root.head.lemma_ != "be":
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS:
        return False
    if actors is not None and root.dep_ in ("dobj", "pobj", "appos", "conj", "poss"):
        try:
            act = actors.for_token(root)
        except Exception:  # a partial actor index must not cost us the places
            act = None
        return act is not None and root.dep_ != "poss"
    return False


def find_places(doc: Doc, actors) -> list[Place]:
    """Every toponym in ``doc`` with its gazetteer entry, in text order."""
    g = gazetteer()
    cands = candidates(doc)
    body = doc.text
    ctx = _context(doc, cands, g)
    out: list[Place] = []
    unresolved: list[tuple[int, int, str]] = []
    towns: Counter = Counter()
    for s, e, text, how in cands:
        hit = _resolve(body, s, e, text, how, g, ctx)
        if hit is None:
            if how == "ent" and _local_feature(doc, s, e):
                unresolved.append((s, e, text))
            continue
        if hit.feature == "city" and hit.prior >= _SMALL_TOWN:
            towns[hit] += 1
        out.append(
            Place(
                text=text,
                start=s,
                end=e,
                name=hit.name,
                country=hit.country,
                lat=hit.lat,
                lon=hit.lon,
                geonameid=hit.geonameid,
                feature=hit.feature,
                metonymic=_metonymic(doc, s, e, how, actors),
            )
        )
    focus = _focus(towns)
    if focus is not None and unresolved:
        # a street or building the gazetteer cannot know lies in the town the article is about
        for s, e, text in unresolved:
            out.append(
                Place(
                    text=text,
                    start=s,
                    end=e,
                    name=text,
                    country=focus.country,
                    lat=focus.lat,
                    lon=focus.lon,
                    geonameid=None,
                    feature="local",
                    metonymic=False,
                )
            )
        out.sort(key=lambda p: p.start)
    return out


def _focus(towns: Counter) -> Entry | None:
    """The town an article is about: named at least twice and more than any other."""
    if not towns:
        return None
    (top, n), *rest = towns.most_common(2) + [(None, 0)]
    return top if n >= 2 and n > rest[0][1] else None


def _local_feature(doc: Doc, s: int, e: int) -> bool:
    """An unresolved FAC/LOC entity that names a local feature (street, church, park …)."""
    span = doc.char_span(s, e, alignment_mode="expand")
    return (
        span is not None
        and span[0].ent_type_ in ("FAC", "LOC", "GPE")
        and (span[0].ent_type_ == "FAC" or any(t.lower_ in FEATURE_HEADS for t in span))
    )
