"""Toponym candidates in a parsed article: which words may name a place, before any is resolved.

Why: the finder resolves each candidate by the whole article's context; finding them is its own
layer. Candidates come from spaCy's GPE/LOC/FAC entities, adjectival place forms ("Syrian
forces"), toponyms inside organisation names ("University of Washington"), wire datelines and a
gazetteer scan for names the tagger missed.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from ..nlp import WIRE_DATELINES
from .gazetteer import Gazetteer, gazetteer, norm

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_SCAN_MIN_CITY_PRIOR = 5.0
_MAX_NGRAM = 4
_NAME_GLUE = frozenset({"of", "de", "del", "la", "el", "al", "on", "upon", "-", "and"})


#: a candidate toponym: (start char, end char, text, how it was found)
Candidate = tuple[int, int, str, str]
#: records tokens ``a:b`` as a candidate found ``how`` (optionally at other char offsets ``s:e``)
Take = Callable[..., None]


def candidates(doc: Doc) -> list[Candidate]:
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
            if (
                len(ent) == 1
                and ent[0].tag_ in ("JJ", "NNP")
                and ent[0].dep_ in ("amod", "compound", "nmod")
                and g.adjective(ent.text) is not None
            ):
                take(ent.start, ent.end, "adj")
        elif ent.label_ in ("ORG", "PERSON", "NORP"):
            known = g.names.get(norm(ent.text))
            if (known and max(e.prior for e in known) >= PRIOR_COUNTRY_MIN and ent.label_ != "PERSON") or (
                known
                and ent.label_ == "PERSON"
                and (max(e.prior for e in known) >= 9.0 or norm(ent.text) in g.capitals)
            ):
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
            if head[:1].isupper() and (
                (g.primary(head) and max(e.prior for e in g.primary(head)) >= PRIOR_COUNTRY_MIN)
                or g.adjective(head) is not None
            ):
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
        span = toks[i : i + k]
        if (
            any(taken[i : i + k])
            or not all(x.is_title or x.is_upper or x.lower_ in _NAME_GLUE for x in span)
            or span[-1].lower_ in _NAME_GLUE
        ):
            continue
        ents = g.primary(body[t.idx : span[-1].idx + len(span[-1].text)])
        if not ents:
            continue
        top = max(e.prior for e in ents)
        if (
            top >= PRIOR_COUNTRY_MIN
            or (top >= _SCAN_MIN_CITY_PRIOR and (k > 1 or not _common_word(t)))
            or (top >= 6.0 and not t.is_stop and t.lower_ not in _COMMON_WORDS)
        ):
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
        if not any(taken[span.start : span.end]) and g.primary(span.text):
            take(span.start, span.end, "dateline")


def _join_dc(cands: list[Candidate], body: str) -> list[Candidate]:
    """ "Washington, D.C." is one name, not a city and a container."""
    out: list[Candidate] = []
    for c in cands:
        if (
            out
            and c[2] in ("D.C.", "DC")
            and out[-1][2].lower() == "washington"
            and body[out[-1][1] : c[0]].strip() == ","
        ):
            s, _, _, how = out[-1]
            out[-1] = (s, c[1], body[s : c[1]], how)
            continue
        out.append(c)
    return out


PRIOR_COUNTRY_MIN = 6.5
_EMBEDDED_MIN_PRIOR = 5.7  # a city of ~500,000 people or a country/state inside an organisation's name


def _common_word(t: Token) -> bool:
    """A single title-case word at a sentence start or that is a common English word."""
    return (t.is_sent_start and not t.is_upper) or t.is_stop or t.lower_ in _COMMON_WORDS


_COMMON_WORDS = frozenset(
    {
        "university",
        "state",
        "city",
        "county",
        "north",
        "south",
        "east",
        "west",
        "central",
        "march",
        "may",
        "june",
        "april",
        "august",
        "mobile",
        "reading",
        "bath",
        "ball",
        "nice",
        "orange",
        "victoria",
        "aurora",
        "florence",
        "charlotte",
        "jackson",
        "lincoln",
        "troy",
        "hope",
        "union",
        "independence",
        "liberty",
        "of",
        "and",
        "valley",
        "san",
        "island",
        "delta",
        "metro",
        "republic",
        "enterprise",
        "harvey",
        "man",
        "states",
        "roma",
    }
)


_PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "from",
        "to",
        "between",
        "of",
        "outside",
        "around",
        "across",
        "into",
        "via",
        "toward",
        "towards",
        "through",
        "throughout",
    }
)


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
FEATURE_HEADS = frozenset(
    """square quarter street st avenue ave road rd boulevard blvd lane drive park university
college school academy church cathedral chapel hospital airport station bridge coast township county hall center
centre stadium arena island islands beach bay harbor harbour port river lake mountain mountains hill hills valley
canyon forest base camp prison court market mall hotel theatre theater museum library tower building district
village heights estate gardens garden""".split()
)


def _named_feature(span: Span) -> bool:
    """A proper name of a street, building or local feature that merely contains a place name."""
    return len(span) > 1 and any(t.lower_ in FEATURE_HEADS for t in span[1:])


def _split_entity(doc: Doc, a: int, b: int, g: Gazetteer, take: Take) -> bool:
    """Known names inside an unknown entity: "Greece Italy", "Asia-Pacific", "Kabul province"."""
    found: list[tuple[int, int, int | None, int | None]] = []
    i = a
    while i < b:
        for k in range(min(_MAX_NGRAM, b - i), 0, -1):
            ents = g.primary(doc[i : i + k].text)
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
            span = ent.doc[i : i + k]
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
            rest = ent.doc[t.i + 1 : ent.end]
            rest_entries = g.names.get(norm(rest.text))
            if rest_entries and max(e.prior for e in rest_entries) >= PRIOR_COUNTRY_MIN:
                take(rest.start, rest.end, "emb")
            return
