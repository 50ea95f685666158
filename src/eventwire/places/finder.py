"""Toponyms in a parsed article → ``Place`` records with coordinates.

Why: analysts map events, so every place name needs a point and a country, and the same name
("Paris", "Georgia") must resolve differently by article. Candidates come from spaCy's
GPE/LOC/FAC entities, adjectival place forms ("Syrian forces"), toponyms inside organisation
names ("University of Washington") and a gazetteer scan for names the tagger missed; each is
resolved by prominence, the countries the article already names, and "X, State" patterns.

A street, church or other named local feature the gazetteer cannot know is placed at the town
the article is about (named at least twice, more than any other) with ``feature="local"`` and no
GeoNames id: an approximate point, marked as such.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..model import Place
from ..nlp import WIRE_DATELINES
from .gazetteer import PRIOR_REGION, Entry, Gazetteer, gazetteer, norm

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: verbs whose subject is an agent, not a location ("Ankara said", "Russia denied")
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "into",
                             "from", "to", "within", "toward", "towards", "through", "between", "on", "off"})
#: capitalised words the gazetteer scan must not take for towns (cities named like common words)
_SCAN_MIN_CITY_PRIOR = 5.0
_MAX_NGRAM = 4
_NAME_GLUE = frozenset({"of", "de", "del", "la", "el", "al", "on", "upon", "-", "and"})


#: a candidate toponym: (start char, end char, text, how it was found)
Candidate = tuple[int, int, str, str]
#: records tokens ``a:b`` as a candidate found ``how`` (optionally at other char offsets ``s:e``)
Take = Callable[..., None]


def _candidates(doc: Doc) -> list[Candidate]:
    """(start char, end char, text, how) for every possible toponym, without overlaps."""
    g = gazetteer()
    out: list[Candidate] = []
    taken = [False] * len(doc)
    body = doc.text  # built by joining tokens: once, not per candidate

    def take(a: int, b: int, how: str, s: int | None = None, e: int | None = None) -> None:
        for i in range(a, b):
            taken[i] = True
        cs = doc[a].idx if s is None else s
        ce = doc[b - 1].idx + len(doc[b - 1].text) if e is None else e
        out.append((cs, ce, body[cs:ce], how))

    _entity_candidates(doc, g, take)
    _wire_datelines(doc, g, taken, take)
    _scan_candidates(doc, g, body, taken, take)
    out.sort()
    return _join_dc(out, body)


def _entity_candidates(doc: Doc, g: Gazetteer, take: Take) -> None:
    """Candidates from the tagger's entities: places, adjectival forms of them, and places the
    tagger took for an organisation or a person (or that sit inside an organisation's name)."""
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            a, b = ent.start, ent.end
            while a < b and doc[a].lower_ in ("the",):
                a += 1
            while b > a and (doc[b - 1].is_punct or doc[b - 1].tag_ == "POS"):
                b -= 1
            if b - a == 1 and doc[a].lower_ in _COMMON_WORDS:
                continue
            if a < b:
                whole = doc[a:b].text
                if g.adjective(whole) is not None and not g.names.get(norm(whole)):
                    take(a, b, "adj")  # "Central American": one adjective, not "Central" + "American"
                elif g.names.get(norm(whole)) or _named_feature(doc[a:b]) or not _split_entity(doc, a, b, g, take):
                    take(a, b, "ent")
        elif ent.label_ == "NORP":
            if len(ent) == 1 and ent[0].tag_ in ("JJ", "NNP") and ent[0].dep_ in ("amod", "compound", "nmod") \
                    and g.adjective(ent.text) is not None:
                take(ent.start, ent.end, "adj")
        elif ent.label_ in ("ORG", "PERSON", "NORP"):
            known = g.names.get(norm(ent.text))
            if (known and max(e.prior for e in known) >= PRIOR_COUNTRY_MIN and ent.label_ != "PERSON") or \
                    (known and ent.label_ == "PERSON" and (max(e.prior for e in known) >= 9.0 or
                                                          norm(ent.text) in g.capitals)):
                a = ent.start + (1 if ent[0].lower_ == "the" else 0)
                take(a, ent.end, "ent")  # a place the tagger took for an organisation: "EU", "DPRK"
            elif _mislabelled_city(ent, g):
                take(ent.start, ent.end, "ent")  # "flights between Harare and London": a city, whatever the tag
            elif ent.label_ == "ORG":
                _embedded(ent, g, take)


def _scan_candidates(doc: Doc, g: Gazetteer, body: str, taken: list[bool], take: Take) -> None:
    """Gazetteer scan for what the tagger missed: all-caps datelines, untagged countries, hyphenated
    and adjectival forms, state abbreviations after a comma."""
    i, n = 0, len(doc)
    toks = list(doc)  # one Token object per position: doc[i] builds a new one on every call
    ent_iob = [t.ent_type_ for t in toks]
    while i < n:
        t = toks[i]
        if not taken[i] and "-" in t.text and not t.is_title and len(t.text) > 3:  # "U.S.-backed", "Syrian-led"
            head = t.text.split("-", 1)[0]
            if head[:1].isupper() and ((g.primary(head) and max(e.prior for e in g.primary(head)) >= PRIOR_COUNTRY_MIN)
                                       or g.adjective(head) is not None):
                take(i, i + 1, "hyph", t.idx, t.idx + len(head))
            i += 1
            continue
        if taken[i] or not (t.is_title or t.is_upper) or (not t.is_alpha and "." not in t.text and "-" not in t.text):
            i += 1
            continue
        if ent_iob[i] in ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"):
            i += 1
            continue
        k = _gazetteer_name_at(toks, i, g, body, taken) if t.lower_ != "the" else 0
        if k:
            take(i, i + k, "scan")
            i += k
            continue
        if g.abbrev(t.text) is not None and i > 0 and toks[i - 1].text == ",":  # "Trenton, N.J."
            take(i, i + 1, "abbr")
            i += 1
            continue
        if t.tag_ in ("JJ", "NNP", "NNPS") and t.dep_ in ("amod", "compound") and g.adjective(t.text) is not None:
            take(i, i + 1, "adj")
        i += 1


def _gazetteer_name_at(toks: list[Token], i: int, g: Gazetteer, body: str, taken: list[bool]) -> int:
    """Length in tokens of the longest capitalised gazetteer name starting at token ``i`` that is
    prominent enough to take without the tagger (0 when there is none)."""
    t = toks[i]
    for k in range(min(_MAX_NGRAM, len(toks) - i), 0, -1):
        span = toks[i:i + k]
        if any(taken[i:i + k]) or not all(x.is_title or x.is_upper or x.lower_ in _NAME_GLUE for x in span) \
                or span[-1].lower_ in _NAME_GLUE:
            continue
        ents = g.primary(body[t.idx:span[-1].idx + len(span[-1].text)])
        if not ents:
            continue
        top = max(e.prior for e in ents)
        if top >= PRIOR_COUNTRY_MIN or (top >= _SCAN_MIN_CITY_PRIOR and (k > 1 or not _common_word(t))) or \
                (top >= 6.0 and not t.is_stop and t.lower_ not in _COMMON_WORDS):
            return k
    return 0


def _wire_datelines(doc: Doc, g: Gazetteer, taken: list[bool], take: Take) -> None:
    """The place of a wire dateline that opens a paragraph ("TULSA - …", "Mexico City (AFP) – …";
    the parse found them, :data:`eventwire.nlp.WIRE_DATELINES`), whatever the tagger called it. Why:
    the tagger often reads a capitalised city before a dash as an organisation, and the scan
    leaves organisations alone."""
    if WIRE_DATELINES not in doc.spans:
        return
    for span in doc.spans[WIRE_DATELINES]:
        if not any(taken[span.start:span.end]) and g.primary(span.text):
            take(span.start, span.end, "dateline")


def _join_dc(cands: list[Candidate], body: str) -> list[Candidate]:
    """ "Washington, D.C." is one name, not a city and a container."""
    out: list[Candidate] = []
    for c in cands:
        if out and c[2] in ("D.C.", "DC") and out[-1][2].lower() == "washington" and body[out[-1][1]:c[0]].strip() == ",":
            s, _, _, how = out[-1]
            out[-1] = (s, c[1], body[s:c[1]], how)
            continue
        out.append(c)
    return out


PRIOR_COUNTRY_MIN = 6.5
_EMBEDDED_MIN_PRIOR = 5.7  # a city of ~500,000 people or a country/state inside an organisation's name
_SMALL_TOWN = 4.18  # log10(15,000)
_ALT_MIN_PRIOR = 5.5


def _common_word(t: Token) -> bool:
    """A single title-case word at a sentence start or that is a common English word."""
    return (t.is_sent_start and not t.is_upper) or t.is_stop or t.lower_ in _COMMON_WORDS


_COMMON_WORDS = frozenset({"university", "state", "city", "county", "north", "south", "east", "west", "central",
                           "march", "may", "june", "april", "august", "mobile", "reading", "bath", "ball", "nice",
                           "orange", "victoria", "aurora", "florence", "charlotte", "jackson", "lincoln", "troy",
                           "hope", "union", "independence", "liberty", "of", "and", "valley", "san", "island", "delta", "metro",
                           "republic", "enterprise", "harvey", "man", "states", "roma"})


_PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "between", "of", "outside", "around", "across", "into",
                          "via", "toward", "towards", "through", "throughout"})


def _mislabelled_city(ent: Span, g: Gazetteer) -> bool:
    """A city the tagger called an organisation or a person, told apart by its preposition."""
    if ent.label_ not in ("ORG", "PERSON") or len(ent) > 3:
        return False
    ents = g.primary(ent.text)
    if not ents:
        return False
    top = max(e.prior for e in ents)
    root = ent.root
    t = root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    locative = t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS
    if ent.label_ == "ORG":
        return top >= 5.0 and (locative or top >= 6.0 or root.dep_ in ("compound", "poss", "appos"))
    return top >= 5.0 and locative


#: head words of a named feature: "Washington Square" is not Washington, "French Quarter" not France
_FEATURE_HEADS = frozenset("""square quarter street st avenue ave road rd boulevard blvd lane drive park university
college school academy church cathedral chapel hospital airport station bridge coast township county hall center
centre stadium arena island islands beach bay harbor harbour port river lake mountain mountains hill hills valley
canyon forest base camp prison court market mall hotel theatre theater museum library tower building district
village heights estate gardens garden""".split())


def _named_feature(span: Span) -> bool:
    """A proper name of a street, building or local feature that merely contains a place name."""
    return len(span) > 1 and any(t.lower_ in _FEATURE_HEADS for t in span[1:])


def _split_entity(doc: Doc, a: int, b: int, g: Gazetteer, take: Take) -> bool:
    """Known names inside an unknown entity: "Greece Italy", "Asia-Pacific", "Kabul province"."""
    found: list[tuple[int, int, int | None, int | None]] = []
    i = a
    while i < b:
        for k in range(min(_MAX_NGRAM, b - i), 0, -1):
            ents = g.primary(doc[i:i + k].text)
            if ents and max(e.prior for e in ents) >= _SCAN_MIN_CITY_PRIOR and (k > 1 or not _common_word(doc[i])):
                found.append((i, i + k, None, None))
                i += k
                break
        else:
            t = doc[i]
            if "-" in t.text:
                off = t.idx
                for part in t.text.split("-"):
                    if part and part[0].isupper() and g.primary(part):
                        found.append((i, i + 1, off, off + len(part)))
                    off += len(part) + 1
            i += 1
    if not found or (len(found) == 1 and found[0][1] - found[0][0] == b - a and found[0][2] is None):
        return False
    for x, y, s, e in found:
        take(x, y, "part", s, e)
    return True


def _embedded(ent: Span, g: Gazetteer, take: Take) -> None:
    """A toponym inside an organisation name: "Syrian Observatory …", "University of Washington"."""
    toks = [t for t in ent if t.lower_ != "the"]
    if not toks:
        return
    first = toks[0]
    if g.adjective(first.text) is not None and first.i + 1 < ent.end:
        take(first.i, first.i + 1, "emb")
        return
    # "Zimbabwe Electoral Commission", "Air Zimbabwe", "HSBC Bank Malta", "the Toronto Police Board"
    i = first.i
    while i < ent.end:
        for k in range(min(3, ent.end - i), 0, -1):
            span = ent.doc[i:i + k]
            if span.end - span.start == ent.end - first.i:
                continue  # the whole name is handled by the caller
            ents = g.primary(span.text)
            if ents and span[0].is_title | span[0].is_upper and max(e.prior for e in ents) >= _EMBEDDED_MIN_PRIOR:
                take(span.start, span.end, "emb_name")
                i += k
                break
        else:
            i += 1
    for t in ent:
        if t.lower_ == "of" and t.i + 1 < ent.end:
            rest = ent.doc[t.i + 1:ent.end]
            rest_entries = g.names.get(norm(rest.text))
            if rest_entries and max(e.prior for e in rest_entries) >= PRIOR_COUNTRY_MIN:
                take(rest.start, rest.end, "emb")
            return


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
    rest = text[end + 1:end + 40].lstrip()
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
            if low.startswith(pre) and g.names.get(low[len(pre):]):
                ents = g.names[low[len(pre):]]
                break
    if not ents:
        return None
    if how != "ent" and not g.primary(text):
        return None
    if not any(norm(c.name) == norm(text) or c.prior >= PRIOR_COUNTRY_MIN for c in ents) and \
            max(c.prior for c in ents) < _ALT_MIN_PRIOR:
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
            if (w.feature == "country" and c.country == w.country and c.feature != "country") or \
                    (w.feature == "admin1" and c.admin1 and c.admin1 == w.admin1 and c is not w):
                sc += 10.0
        if sc > best_s:
            best, best_s = c, sc
    if best is not None and best.feature == "city" and best.prior < _SMALL_TOWN and not within and \
            not (ctx[0].get(best.country) or ctx[1].get(best.country)):
        return None  # a small town in a country the article never mentions: more likely a namesake
    if best is not None and best.feature == "admin1":
        # "New York": a big city named like its own state is what news means by the bare name
        big = [c for c in ents if c.feature == "city" and c.admin1 == best.admin1 and c.prior >= 6.0]
        if big and not any(w is best for w in within) and not _says_state(body, e):
            return max(big, key=lambda c: c.prior)
    return best


def _says_state(text: str, end: int) -> bool:
    """ "New York State", "New York state" right after the name."""
    return text[end:end + 6].lower() in (" state", "-state")


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
    cands = _candidates(doc)
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
        out.append(Place(text=text, start=s, end=e, name=hit.name, country=hit.country, lat=hit.lat, lon=hit.lon,
                         geonameid=hit.geonameid, feature=hit.feature, metonymic=_metonymic(doc, s, e, how, actors)))
    focus = _focus(towns)
    if focus is not None and unresolved:
        # a street or building the gazetteer cannot know lies in the town the article is about
        for s, e, text in unresolved:
            out.append(Place(text=text, start=s, end=e, name=text, country=focus.country, lat=focus.lat, lon=focus.lon,
                             geonameid=None, feature="local", metonymic=False))
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
    return span is not None and span[0].ent_type_ in ("FAC", "LOC", "GPE") and (
        span[0].ent_type_ == "FAC" or any(t.lower_ in _FEATURE_HEADS for t in span))
