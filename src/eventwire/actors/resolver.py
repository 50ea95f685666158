"""Build the ActorIndex of one parsed article: lexicon matches + noun-phrase heads → Actors.

Why one forward pass over tokens with dict lookups: actor resolution runs on every article after
parsing and must cost a small fraction of the parse (see the ``speed`` task). Each token is looked
up once in the phrase table, each candidate head looks only at its own children, and every result
is memoised by token index.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article
from ..nlp import DATELINES
from . import aliases
from .countries import CAPITAL, COUNTRY, DEMONYM, LEADER, ORG, SEAT, Entry, city_countries, country_names, lowercase_table, phrase_key, phrase_table
from .roles import Role, bare_and_abstract, office_of, pair_role, role_of

#: Prepositions whose object is a place where something happens, not a party to it.
LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "into",
             "through", "along", "off", "beyond", "via", "onto", "en"}
#: Dependencies in which a capital or seat of power acts for its government (metonymy).
ACT_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "appos", "poss", "attr", "npadvmod"}
#: Prepositions whose object, when a capital, is a party: "talks with Moscow", "pressure on Beijing".
ACT_PREPS = {"by", "with", "against", "on", "toward", "towards", "between", "upon", "among"}
#: Verbs of going: "to Moscow" after them is a destination, after others a party ("wrote to Moscow").
MOTION_VERBS = {"go", "travel", "return", "fly", "come", "move", "flee", "arrive", "head", "sail", "drive", "walk"}
#: Prepositions that give a role noun its country or body: "the government of India",
#: "a spokeswoman for the ministry", "soldiers from Chad", "police in Cairo".
ORIGIN_PREPS = {"of", "for", "from", "in", "at", "with"}
BASED_VERBS = {"base", "headquarter", "locate", "station", "operate"}
#: What a name's head word looks like (mojibake such as "â€" and markup residue are no names).
NAME_SHAPE = re.compile(r"[A-Za-z\u00C0-\u024F][\w.'’\-]*")
#: Honorifics that make a person of the name they precede even when the tagger misses it.
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "mme."}
#: Words for a part of a group: "dozens of protesters" act as the protesters.
PARTITIVES = {"half", "third", "quarter", "some", "many", "most", "all", "several", "few", "dozen", "dozens",
              "hundreds", "thousands", "scores", "tens", "number", "majority", "minority", "rest", "part", "each",
              "both", "none", "one", "two", "three", "handful", "group", "crowd", "members", "member",
              # units of a force: "four companies of the reserve police", "a column of the army"
              "company", "companies", "column", "columns", "contingent", "contingents", "platoon", "platoons",
              "battalion", "battalions", "unit", "units", "detachment", "detachments", "team", "teams",
              "squad", "squads"}
#: Nouns that, with "the", point back at the organisation last named ("the group said").
BODY_NOUNS = {"group", "organization", "organisation", "movement"}
#: Nouns whose "of" phrase names a place, not a party ("the city of Aleppo").
PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "capital", "port", "area", "state",
               "suburb", "outskirts", "centre", "center", "county", "governorate", "neighbourhood", "neighborhood",
               "part", "north", "south", "east", "west", "border", "territory", "soil", "heart", "interior", "coast",
               "countryside", "corner", "edge", "zone", "island", "mainland", "airspace", "waters"}
#: Nouns that stand for a country when the text says which ("his country", "the nation").
COUNTRY_NOUNS = {"country", "nation", "homeland", "motherland", "fatherland"}
#: Possessive pronouns and the subject pronoun whose antecedent they share.
POSS_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
PLURAL_TAGS = {"NNS", "NNPS"}
#: Adjectives that carry a sector when they modify a role noun ("military officials").
ADJ_ROLES = {"military", "civilian", "paramilitary"}
MOD_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}
NOMINAL = {"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"}
PLACE_KINDS = {COUNTRY, CAPITAL, SEAT}
#: Words in an organisation's name that say it belongs to no one country.
TRANSNATIONAL = {"International", "World", "Global", "Transnational", "Worldwide", "Inter-Parliamentary", "Intergovernmental"}
#: Modifiers that say a role belongs to no one country, or to others than the article's.
FOREIGN_MODS = {"western", "foreign", "international", "overseas", "allied", "multinational", "coalition"}
#: Entity types that are never actors even with a country modifier ("the Iraqi year", "U.S. dollars").
NON_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "LANGUAGE", "EVENT", "LAW", "WORK_OF_ART"}


class ModInfo(NamedTuple):
    """What a head's modifiers say: a country/body entry, a role, a title word, a leader's name,
    whether the role came from anything but a noun compound, and how many distinct countries were named."""

    entry: Entry | None
    role: Role | None
    title: str | None
    person: str | None
    adj_role: bool
    countries: int


class ActorIndex:
    """All actor mentions of one article, looked up by token or span."""

    def __init__(self, doc: Doc, mentions: list[Actor], by_token: dict[int, Actor], heads: dict[int, Actor],
                 places: dict[int, Actor] | None = None, dominant: str | None = None,
                 extra: dict[int, list[Actor]] | None = None, pairs: dict[int, list[Actor]] | None = None):
        self.doc = doc
        self._extra = extra or {}
        self.mentions = mentions
        self._by_token = by_token
        self._heads = heads
        self._places = places or {}
        self.dominant = dominant  #: the ISO3 the article is mostly about, if the text says so
        self._pairs = pairs or {}

    def for_token(self, token: Token, locations: bool = False) -> Actor | None:
        """The actor a token refers to (None for a non-actor or a place that is only a location).

        With ``locations=True`` a place used as a location ("in Kabul") gives its country as an
        actor too, for callers that want a fallback target."""
        a = self._by_token.get(token.i)
        if a is None and locations:
            a = self._places.get(token.i)
        return a

    def also_for_token(self, token: Token) -> list[Actor]:
        """The other party a head stands for besides ``for_token``'s ("the two sides": the second side)."""
        return self._pairs.get(token.i, []) if token.i in self._by_token else []

    def mentions_of_sector(self, sector: str, start: int, end: int) -> bool:
        """Whether some mention with ``sector`` starts in [start, end) (sorted starts, cached per sector)."""
        cache = self.__dict__.setdefault("_sector_starts", {})
        starts = cache.get(sector)
        if starts is None:
            starts = cache[sector] = sorted(m.start for m in self.mentions if sector in (m.sectors or ()))
        k = bisect.bisect_left(starts, start)
        return k < len(starts) and starts[k] < end

    def for_span(self, span: Span) -> list[Actor]:
        """The top-level actors inside a span, coordinations split ("France and Germany" → 2)."""
        out = []
        lo, hi = span.start, span.end
        heads = self._heads
        for i in range(lo, hi):
            if i not in heads:
                continue
            cur, nested = self.doc[i], False
            # nested when some non-coordination link climbs to another actor inside the span
            while cur.head.i != cur.i and lo <= cur.head.i < hi:
                if cur.dep_ != "conj" and cur.head.i in heads:
                    nested = True
                    break
                cur = cur.head
            if not nested:
                out.append(heads[i])
                out.extend(self._extra.get(i, ()))
        return out


def _lower_cased(texts: list[str]) -> bool:
    """Whether a text is written (nearly) all in lower case, so names lose their capitals."""
    alpha = caps = 0
    for t in texts[:400]:
        if t[:1].isalpha():
            alpha += 1
            caps += t[:1].isupper()
    return alpha >= 20 and caps <= alpha * 0.02


_WORD = re.compile(r"[^\W_]+")


def _dateline_country(doc: Doc, text: str) -> str | None:
    """The country of the place a wire story is filed from ("WASHINGTON (AP) — ", "GREEN BAY,
    Wis. — "): the parse's dateline (:data:`eventwire.nlp.DATELINES`) opening one of the first
    three paragraphs. Why: a legislator named without a country is the dateline's, even when the
    story is about another country."""
    if DATELINES not in doc.spans or not len(doc.spans[DATELINES]):
        return None
    span = doc.spans[DATELINES][0]
    if text.count("\n\n", 0, span.start_char) > 2:
        return None
    name = " ".join(w if len(w) <= 2 else w.capitalize() for w in span.text.split())  # "NEW YORK" → "New York"
    return city_countries()(name)


def _title_countries(title: str) -> list[str]:
    """Countries named in a headline (not parsed: phrases at word starts, ending at a word end)."""
    if not title:
        return []
    table = phrase_table()
    out = []
    for m in _WORD.finditer(title):
        for phrase, entry in table.get(m.group(0), ()):
            end = m.start() + len(phrase)
            if entry.country and title.startswith(phrase, m.start()) and (end == len(title) or not title[end].isalnum()):
                out.append(entry.country)
                break
    return out


def _code(country: str | None, prefix: str | None, sectors: list[str]) -> str:
    """CAMEO code: country or body prefix + sectors ("USA"+"GOV"; "IGOUNO"+"MIL"; officials of a
    body are the body itself, so "IGOUNO" takes no GOV, nor a rebel or opposition group's code)."""
    base = prefix or country or ""
    # a body's officials and a group's leaders are the body or group ("Taliban leaders": AFGREBTAL)
    igo = base.startswith(("IGO", "NGO")) or base[3:6] in ("REB", "OPP")
    return base + "".join(s for s in sectors if (s not in base[3:] or not base) and not (igo and s in ("GOV", base[:3])))


class _Builder:
    """One article's resolution state (kept out of ActorIndex so the index stays a plain lookup)."""

    def __init__(self, doc: Doc, article: Article | None):
        self.doc = doc
        self.text = doc.text
        self.toks = list(doc)
        self.n = len(self.toks)
        self.match: list[tuple[int, int, Entry] | None] = [None] * self.n
        self.memo: dict[int, Actor | None] = {}
        self.title = (article.title or "") if article is not None else ""
        self.book = aliases.AliasBook()
        self.earlier: list[tuple[Actor, int, bool, int]] = []
        self.sent_of = [0] * self.n
        self.places: dict[int, Actor] = {}
        self.extra: dict[int, list[Actor]] = {}
        self.pairs: dict[int, list[Actor]] = {}  # "the two sides": the second party
        self.counts: Counter[str] = Counter()
        self.home: str | None = None  #: the country of the story's dateline ("WASHINGTON (AP) —")
        self.guessed: set[int] = set()  #: heads whose country is only the article's or the dateline's
        self.last_body: Actor | None = None
        self.dominant: str | None = None

    # -- pass 1: lexicon matches and what the article is about -----------------------------
    def scan(self) -> None:
        doc, n = self.doc, self.n
        toks = self.toks
        texts = [t.text for t in toks]
        idxs = [t.idx for t in toks]
        text = self.text
        table = phrase_table()
        if _lower_cased(texts):
            table, text = lowercase_table(), text.lower()
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        i = 0
        while i < n:
            cands = table.get(phrase_key(texts[i]))
            hit = None
            if cands:
                start = idxs[i]
                for phrase, entry in cands:
                    if not text.startswith(phrase, start):
                        continue
                    end = start + len(phrase)
                    j = i
                    while j < n and idxs[j] + len(texts[j]) < end:
                        j += 1
                    if j < n and idxs[j] + len(texts[j]) == end:
                        hit = (i, j + 1, entry)
                        break
            if hit is None:
                i += 1
                continue
            a, b, entry = hit
            # A country word inside a person's name ("Jordan Smith") is no country.
            if entry.kind in (COUNTRY, CAPITAL, DEMONYM, LEADER) and self._inside_person(a, b):
                i += 1
                continue
            for k in range(a, b):
                self.match[k] = hit
            if entry.country and not (a > 0 and texts[a - 1].lower() == "ethnic"):  # an ethnicity says nothing of where
                counts[entry.country] += 1.0
                first.setdefault(entry.country, a)
            i = b
        cities = None
        for ent in doc.ents:
            if ent.label_ == "GPE" and self.match[ent.start] is None:
                cities = cities if cities is not None else city_countries()
                iso = cities(ent.text)
                if iso:
                    counts[iso] += 1
                    first.setdefault(iso, ent.start)
                    # a town is never an actor by itself, but callers may want its country
                    last = ent[-1]
                    self.places[ent.root.i] = Actor(iso, iso, [], country_names().get(iso, iso), ent.text,
                                                    ent[0].idx, last.idx + len(last), "country")
        for iso in _title_countries(self.title):  # the headline says what the story is about
            counts[iso] += 1.0
            first.setdefault(iso, -1)
        self.counts = counts
        if counts:
            best = max(counts.items(), key=lambda kv: (kv[1], -first[kv[0]]))
            self.dominant = best[0]
        self.home = _dateline_country(doc, self.text)
        for s, sent in enumerate(doc.sents):
            for k in range(sent.start, sent.end):
                self.sent_of[k] = s

    # -- helpers ------------------------------------------------------------------------------
    def _inside_person(self, a: int, b: int) -> bool:
        """Whether tokens a..b sit inside a longer PERSON name ("Jordan Smith", "Ahmed Ben Bella");
        a PERSON entity that is exactly the match is a tagging slip ("Sri Lanka") and is ignored."""
        doc = self.toks
        if not any(doc[k].ent_type_ == "PERSON" for k in range(a, b)):
            return False
        before = a > 0 and doc[a].ent_iob_ == "I" and doc[a - 1].ent_type_ == "PERSON"
        after = b < self.n and doc[b].ent_iob_ == "I" and doc[b].ent_type_ == "PERSON"
        return before or after

    def entry_root(self, i: int) -> Entry | None:
        """The entry of a match when token i is the syntactic root of the matched phrase."""
        m = self.match[i]
        if m is None:
            return None
        a, b, entry = m
        tok = self.toks[i]
        if b - a == 1:
            return entry
        if a <= tok.head.i < b and tok.head.i != i:
            return None
        # the first token whose head leaves the phrase
        for k in range(a, b):
            h = self.toks[k].head.i
            if not (a <= h < b) or h == k:
                return entry if k == i else None
        return entry if i == b - 1 else None

    def effective_dep(self, tok: Token) -> tuple[str, Token]:
        """The dependency of a token, looking through coordination ("in Syria and Iraq")."""
        cur = tok
        for _ in range(8):
            if cur.dep_ != "conj" or cur.head.i == cur.i:
                break
            cur = cur.head
        return cur.dep_, cur.head

    def is_location(self, tok: Token) -> bool:
        """A place where something happens: "in Kabul", "the city of Aleppo"."""
        dep, head = self.effective_dep(tok)
        if dep != "pobj":
            return False
        if head.lower_ in LOC_PREPS:
            return True
        return head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS

    def acts(self, tok: Token) -> bool:
        """Whether a capital stands in a party's slot (subject, object, "with/against/by" X)."""
        dep, head = self.effective_dep(tok)
        if dep in ACT_DEPS:
            return True
        if dep != "pobj":
            return False
        if head.lower_ in ACT_PREPS:
            return True
        return head.lower_ == "to" and head.head.pos_ == "VERB" and head.head.lemma_ not in MOTION_VERBS

    def span_start(self, tok: Token) -> int:
        """Leftmost token of the head's own modifiers (titles, demonyms, compounds, possessors)."""
        left = tok.i
        if tok.ent_iob_ != "O":
            a, b = self._ent_bounds(tok)
            if not (a <= tok.head.i < b) or tok.head.i == tok.i:
                left = a  # the head of a name speaks for the whole name
        m = self.match[tok.i]
        if m:
            left = min(left, m[0])
        stack = [c for c in tok.children if c.dep_ in MOD_DEPS and c.i < tok.i]
        while stack:
            c = stack.pop()
            left = min(left, c.i)
            stack.extend(cc for cc in c.children if cc.dep_ in MOD_DEPS | {"case", "det", "prep", "pobj"} and cc.i < c.i)
        return left

    # -- pass 2: heads → actors ----------------------------------------------------------------
    def actor_at(self, i: int, depth: int = 0) -> Actor | None:
        """Memoised ``_actor`` by token index (heads are looked at from several places)."""
        if i in self.memo:
            return self.memo[i]
        self.memo[i] = None  # guards against cycles
        a = self._actor(self.toks[i], depth)
        self.memo[i] = a
        return a

    def _modifier_info(self, tok: Token) -> ModInfo:
        """Country/body entry, role and title word found among a head's modifiers (two levels)."""
        entry = role = title = None
        person = None
        adj_role = False
        countries: set[str] = set()
        in_title = self._title_words(tok)
        stack = [(c, 0) for c in tok.children if c.dep_ in MOD_DEPS]
        while stack:
            c, lvl = stack.pop()
            m = self.match[c.i]
            if m is not None:
                e = m[2]
                if e.kind == LEADER:
                    person = e.name
                if e.country:
                    countries.add(e.country)
                if entry is None or (e.kind == ORG and entry.kind != ORG):
                    entry = e
            elif c.i not in in_title and (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "ADJ" and c.lower_ in ADJ_ROLES)):
                office = office_of(c)
                r = office or role_of(c.lemma_, c.text)
                if r is not None:
                    sub = next((r2 for g in c.children if g.dep_ in MOD_DEPS and (r2 := pair_role(g, c)) is not None), None)
                    if sub is None and c.i + 1 < tok.i and c.dep_ == "compound":
                        # flat compounds: "deputy sp X", "sub inspector X" hang side by side on the name
                        sub = pair_role(c, self.toks[c.i + 1])
                    r = sub or r
                    if role is None or not r.generic:
                        role = r
                        adj_role = c.pos_ == "ADJ" or c.dep_ != "compound"
                        if r.kind == "person":
                            title = c.lemma_.lower()
            if lvl < 2:
                stack.extend((g, lvl + 1) for g in c.children if g.dep_ in MOD_DEPS)
        return ModInfo(entry, role, title, person, adj_role, len(countries))

    def _title_words(self, tok: Token) -> set[int]:
        """Tokens that name the portfolio of an office title on this head ("National Security" in
        "National Security Adviser Ajit Doval"): they are part of the title, not role words."""
        offices = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and office_of(c) is not None]
        if tok.pos_ in ("NOUN", "PROPN") and office_of(tok) is not None:
            offices.append(tok)
        out: set[int] = set()
        for o in offices:
            owners = {o.i, tok.i}
            for j in range(o.i - 1, max(o.i - 6, -1), -1):  # the words just before the office, down its own subtree
                t = self.toks[j]
                if t.dep_ not in ("compound", "amod") or t.head.i not in owners | out or self.match[j] is not None \
                        or t.lower_ in ADJ_ROLES:  # "civilian advisers", "military adviser": a sector, not a portfolio
                    break
                out.add(j)
        return out

    def _origin(self, tok: Token, depth: int) -> Actor | None:
        """The actor behind an "of/for/from/in" phrase on a role noun."""
        if depth > 3:
            return None
        kids = list(tok.children)
        for c in tok.children:  # "a group based in Trinidad": the participle's place
            if c.dep_ == "acl" and c.lemma_ in BASED_VERBS:
                kids.extend(g for g in c.children if g.dep_ == "prep" and g.lower_ in ("in", "at"))
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        m = self.match[p.i]
                        if m is not None and m[2].kind in PLACE_KINDS | {DEMONYM}:
                            e = m[2]
                            return Actor(e.code, e.country, [], e.name, p.text, p.idx, p.idx + len(p), "country")
                        a = self.actor_at(p.i, depth + 1)
                        if a is not None:
                            return a
        return None

    def _actor(self, tok: Token, depth: int) -> Actor | None:
        """The actor a token heads, if any: lexicon entries first, then aliases, then names and
        role nouns with what their modifiers and phrases say."""
        if tok.pos_ not in NOMINAL and tok.pos_ != "DET":
            return None
        if tok.lower_ in PARTITIVES or tok.pos_ == "NUM":
            part = self._partitive(tok, depth)
            if part is not None or tok.pos_ in ("DET", "NUM"):
                return part
        if tok.pos_ == "DET":
            return None
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in pair_nouns():
            pair = self._pair(tok)
            if pair is not None:
                return pair
        m = self.match[tok.i]
        entry = self.entry_root(tok.i) if m is not None else None
        if m is not None and entry is None:
            return None  # a non-root token of a matched phrase: the phrase root speaks for it
        lower = tok.lower_
        if tok.pos_ == "PRON":
            return self._pronoun(tok) if lower in aliases.PRONOUNS else None
        g = tok
        while g.dep_ == "conj" and g.head.i != g.i:  # "French and Egyptian warships": Egyptian modifies too
            g = g.head
        if tok.dep_ == "compound" or (g.dep_ in ("amod", "poss", "nmod", "compound") and entry is not None
                                      and entry.kind in (DEMONYM, COUNTRY, CAPITAL) and g.head.pos_ in ("NOUN", "PROPN")):
            return None  # a modifier: its head carries the actor
        start = self.span_start(tok)
        end = tok.idx + len(tok)
        cstart = self.toks[start].idx
        text = self.text[cstart:end]

        if entry is not None:
            return self._from_entry(tok, entry, text, cstart, end, depth)
        if tok.ent_type_ == "ORG":
            a, b = self._ent_bounds(tok)
            if a <= tok.head.i < b and tok.head.i != tok.i:
                return None  # a word inside an organisation's name ("Ministry of Civilian Household")

        if (tok.pos_ == "PROPN" or tok.is_title) and tok.ent_type_ != "PERSON" and self.book.by_name and tok.dep_ != "compound":
            # a surname seen before with a full name, whatever the tagger calls it now
            known = self.book.person(tok.text)
            if known is not None and (tok.i + 1 >= self.n or self.toks[tok.i + 1].pos_ != "PROPN"):
                return aliases.as_mention(known, text, cstart, end)
        is_person = (tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and any(c.lower_ in HONORIFICS for c in tok.children))) \
            and self._clean_name(tok) and not self.is_location(tok)
        titled = None  # "Indian National Security Adviser Ajit Doval" tagged as one ORG: a titled person
        if not is_person and tok.ent_type_ == "ORG" and tok.pos_ == "PROPN" and office_of(tok) is None:
            in_title = self._title_words(tok)
            titled = next(((c, r) for c in reversed(list(tok.children)) if c.dep_ == "compound" and c.i < tok.i
                           and c.i not in in_title
                           and (r := office_of(c) or role_of(c.lemma_, c.text)) is not None and r.kind == "person"), None)
            is_person = titled is not None
        is_org = not is_person and tok.ent_type_ in ("ORG", "NORP") and tok.pos_ == "PROPN" and self._clean_name(tok) \
            and not self.is_location(tok)
        role = None
        if tok.pos_ in ("NOUN", "PROPN") and not is_person:
            role = next((r2 for c in tok.children if c.dep_ in MOD_DEPS and (r2 := pair_role(c, tok)) is not None), None)
            role = role or role_of(tok.lemma_, tok.text)
            if role is not None and bare_and_abstract(tok):
                role = None
        if titled is not None:
            role = titled[1]  # the title gives the sector (adviser → GOV), the words after it the name
        info = self._modifier_info(tok)
        if not (is_person or is_org or role):
            role = self._owned_role(tok, info)
            if role is None:
                return self._nameless(tok, info, text, cstart, end)
        actor = self._compose(tok, depth, role, info, is_person, is_org, text, cstart, end)
        if titled is not None and actor is not None:
            actor.person = actor.name = self.text[self.toks[titled[0].i + 1].idx:end]
        return actor

    def _partitive(self, tok: Token, depth: int) -> Actor | None:
        """"dozens of protesters", "one third of the rebels", "some of them": the part is the whole's."""
        if depth > 3:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        a = self.actor_at(p.i, depth + 1)
                        if a is not None:
                            start = self.toks[self.span_start(tok)]
                            last = self.toks[p.right_edge.i]
                            return aliases.as_mention(a, self.text[start.idx:last.idx + len(last)], start.idx,
                                                      last.idx + len(last))
        return None

    def _owned_role(self, tok: Token, info: ModInfo) -> Role | None:
        """"police vehicles", "army convoy", "(killed in) police firing": a sector's own things."""
        if info.role is not None and not info.adj_role and tok.pos_ in ("NOUN", "PROPN"):
            return info.role
        return None

    def _nameless(self, tok: Token, info: ModInfo, text: str, cstart: int, end: int) -> Actor | None:
        """A noun that is no role or name: "his country", "the nation", "Iraqi towns", or nothing."""
        if tok.tag_ == "NN" and tok.lower_ in COUNTRY_NOUNS and info.entry is None and not self.is_location(tok):
            iso = self._poss_country(tok)
            if iso is None and any(c.lower_ in ("the", "this") for c in tok.children) \
                    and not any(c.dep_ in ("amod", "compound") for c in tok.children):
                iso = self.dominant  # "the country" is the one the article is about
            if iso:
                return Actor(iso, iso, [], country_names().get(iso, iso), text, cstart, end, "country")
        if info.entry is not None and tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in NON_ACTOR_ENTS \
                and info.countries < 2 and not self.is_location(tok):
            return self._attributive(tok, info.entry, text, cstart, end)
        return None

    def _compose(self, tok: Token, depth: int, role: Role | None, info: ModInfo, is_person: bool, is_org: bool,
                 text: str, cstart: int, end: int) -> Actor | None:
        """A person, organisation or role noun: country and sectors from its own words, modifiers,
        possessor, "of/for/in" phrase, earlier mentions, and last the article's country."""
        mod_entry, mod_role, title, leader_name = info.entry, info.role, info.title, info.person
        sectors: list[str] = []
        kind = "group"
        country = prefix = None
        name = ""
        person = None
        if role is not None:
            sectors = list(role.sectors)
            kind = role.kind
            if role.kind == "person":
                title = title or tok.lemma_.lower()
        if mod_role is not None and (role is None or role.generic or not sectors or is_person):
            sectors = list(mod_role.sectors)
            if is_person and mod_role.kind == "person":
                kind = "person"
        if mod_entry is not None:
            country, name = mod_entry.country, mod_entry.name
            # a body or leader gives its own code; so does a region ("European governments": EURGOV)
            prefix = mod_entry.code if mod_entry.kind in (ORG, LEADER) or not mod_entry.country else None
            if mod_entry.kind == DEMONYM and self._ethnic(tok):
                country = self._residence(tok, mod_entry.country, depth, force=True)
            if mod_entry.kind in (ORG, SEAT) and not sectors:
                sectors = list(mod_entry.sectors)
            if mod_entry.actor_kind == "igo" or (mod_entry.code and not mod_entry.country):
                country = None
        origin = None
        if country is None and prefix is None and role is not None:
            country = self._poss_country(tok)  # "his government", "their army"
        if country is None and prefix is None:
            origin = self._origin(tok, depth)
            if origin is not None:
                country, name = origin.country, origin.name
                prefix = origin.code if origin.kind == "igo" or (origin.code and not origin.country) else None
                if (role is None or role.generic) and origin.sectors and (not sectors or (role is not None and role.generic)):
                    sectors = list(origin.sectors)
                if origin.person and not is_person:
                    person = None
        if is_person:
            kind = "person"
            ent_text = self._ent_text(tok)
            person = leader_name or ent_text
            if country is None and prefix is None:
                known = self.book.person(ent_text) or self.book.person(tok.text)
                if known is not None:
                    country, prefix, sectors, person = known.country, self._prefix(known), list(known.sectors), known.person or person
                    title = title or None
        elif is_org and role is None:
            name = name or self._ent_text(tok)
        if role is not None and role.generic and not sectors and country is None and prefix is None and not is_org:
            if tok.lemma_.lower() in BODY_NOUNS and self.last_body is not None \
                    and any(c.lower_ == "the" for c in tok.children):
                return aliases.as_mention(self.last_body, text, cstart, end)  # "the group" = the body just named
            return None  # "observers", "a group": nothing to code them with
        if role is not None and not is_person and country is None and prefix is None and mod_entry is None and origin is None:
            # "the president" after "President X": the same actor
            if role.kind == "person" and title and tok.tag_ not in PLURAL_TAGS:
                known = self.book.titled(title)
                if known is not None:
                    return aliases.as_mention(known, text, cstart, end)
        if country is None and prefix is None and sectors == ["NGO"]:
            prefix = "NGO"  # a non-governmental body named without a country is transnational (CAMEO)
        if country is None and prefix is None and self.dominant and (role is not None or is_person or (is_org and not self._transnational(tok))) \
                and not any(c.lower_ in FOREIGN_MODS for c in tok.children if c.dep_ in ("amod", "compound")):
            country = self._same_body(tok, sectors)
            if country is None:
                country = self._fallback(sectors)  # ("Western officials", "foreign diplomats" are not the article's country)
                self.guessed.add(tok.i)
        if country and not name:
            name = country_names().get(country, country)
        if is_person:
            name = person or name
        code = _code(country, prefix, sectors)
        if kind == "person" and not is_person and tok.tag_ in PLURAL_TAGS:
            kind = "group"  # "rebels", "officials": people, but a group of them
        actor = Actor(code, country, sectors, name or text, text, cstart, end, kind, person)
        if mod_entry is not None and not is_person:
            self._coordinated(tok, actor)
        if is_person:
            names = aliases.name_keys(self._ent_text(tok)) + [tok.text]
            self.book.add_person(actor, names, title)
        elif role is not None and role.kind == "person" and title and (country or prefix):
            self.book.by_title.setdefault(title, actor)
        return actor

    def _prefix(self, a: Actor) -> str | None:
        """The body code an actor without a country carries ("IGOUNO", "NGO"), for reuse."""
        if a.country:
            return None
        if a.code == "".join(a.sectors):
            return None  # sectors only ("COP"): no body to carry over, or the code doubles ("COPCOP")
        return a.code[:6] if a.code.startswith(("IGO", "NGO")) else (a.code or None)

    def _ent_bounds(self, tok: Token) -> tuple[int, int]:
        """Token range of the named entity around a token (the token alone outside entities)."""
        if tok.ent_iob_ == "O":
            return tok.i, tok.i + 1
        a = tok.i
        while a > 0 and self.toks[a].ent_iob_ == "I":
            a -= 1
        b = tok.i + 1
        while b < self.n and self.toks[b].ent_iob_ == "I":
            b += 1
        return a, b

    def _ent_text(self, tok: Token) -> str:
        a, b = self._ent_bounds(tok)
        last = self.toks[b - 1]
        return self.text[self.toks[a].idx:last.idx + len(last)]

    def _from_entry(self, tok: Token, e: Entry, text: str, start: int, end: int, depth: int) -> Actor | None:
        if e.kind in (COUNTRY, CAPITAL, SEAT):
            place = Actor(e.code + "".join(e.sectors) if e.kind != COUNTRY else e.code, e.country, list(e.sectors),
                          e.name, text, start, end, e.actor_kind if e.kind == SEAT else "country")
            if self.is_location(tok):
                self.places[tok.i] = place
                return None
            if e.kind == CAPITAL and not self.acts(tok):
                self.places[tok.i] = place
                return None
            return place
        if e.kind == DEMONYM:
            # a demonym as a head: "the Chinese", "two Americans", "Israelis"; an ethnic group is
            # coded by where it lives ("ethnic Albanians in Serbia", "the Albanians of Serbia")
            country = self._residence(tok, e.country, depth)
            name = country_names().get(country, e.name) if country != e.country else e.name
            return Actor(country or e.code, country, [], name, text, start, end, "group")  # "Europeans": EUR
        if e.kind == LEADER:
            a = Actor(e.code + "".join(s for s in e.sectors if s not in e.code[3:]) if e.country else e.code,
                      e.country, list(e.sectors), e.name, text, start, end, "person", e.name)
            self.book.add_person(a, aliases.name_keys(e.name) + [tok.text], None)
            return a
        if e.kind == ORG:
            sectors = list(e.sectors)
            country = e.country
            code = e.code
            if not code:  # a sector-only body ("Maoists"): country from the modifiers or the article
                mod_entry = self._modifier_info(tok).entry
                country = (mod_entry.country if mod_entry else None) or self._fallback(sectors)
                code = _code(country, None, sectors)
            return Actor(code, country, sectors, e.name, text, start, end, e.actor_kind)
        return None

    def _same_body(self, tok: Token, sectors: list[str]) -> str | None:
        """The country of "the military", "the government" (a bare definite body): that of the
        latest actor of the same sector in this sentence or the three before whose country the
        text gave ("Pakistan's army chief warned … Militants attacked a post, the military said":
        Pakistan's), not the article's."""
        if tok.tag_ in PLURAL_TAGS or not sectors or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children) \
                or any(c.dep_ in MOD_DEPS or c.dep_ == "poss" for c in tok.children):
            return None
        here = self.sent_of[tok.i]
        for a, s, _, j in reversed(self.earlier):
            if here - s > 3:
                break
            if j < tok.i and j not in self.guessed and a.country and sectors[0] in a.sectors:
                return a.country
        return None

    def _fallback(self, sectors: list[str]) -> str | None:
        """The country of an actor the text names without one: the article's, except that a
        legislature or legislator is the dateline's ("WASHINGTON (AP) — Sen. Ames …" on aid to
        Ukraine: a US senator, and Congress the US one)."""
        if self.home and "LEG" in sectors:
            return self.home
        return self.dominant

    def _poss_country(self, tok: Token) -> str | None:
        """The country behind a possessive pronoun on this head ("his country", "their army")."""
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ in POSS_PRONOUNS:
                verb = tok.head.i
                earlier = [(a, s, subj, self.toks[j].tag_ in PLURAL_TAGS) for a, s, subj, j in self.earlier
                           if self.toks[j].head.i != verb or j < tok.i]
                a = aliases.antecedent(POSS_PRONOUNS[c.lower_], earlier, self.sent_of[tok.i])
                return a.country if a is not None else None
        return None

    def _ethnic(self, tok: Token) -> bool:
        """Whether "ethnic" qualifies this head or one of its modifiers ("ethnic Albanian rebels")."""
        for c in tok.children:
            if c.lower_ == "ethnic":
                return True
            if c.dep_ in MOD_DEPS and any(g.lower_ == "ethnic" for g in c.children):
                return True
        return False

    def _residence(self, tok: Token, own: str | None, depth: int, force: bool = False) -> str | None:
        """Where an ethnic group lives: the place in its own "of/in" phrase, else (for a group
        called ethnic) the article's most-named other country; else its own country."""
        origin = self._origin(tok, depth)
        if origin is not None and origin.country and origin.country != own:
            return origin.country
        if force or self._ethnic(tok):
            others = [(n, c) for c, n in self.counts.items() if c != own]
            if others:
                return max(others)[1]
        return own

    def _coordinated(self, tok: Token, actor: Actor) -> None:
        """"US and British forces": one more actor per further coordinated country modifier, with
        the head's sectors, so that ``for_span`` splits the phrase."""
        seen = {actor.country}
        for c in tok.children:
            if c.dep_ not in MOD_DEPS:
                continue
            for g in c.conjuncts:
                m = self.match[g.i]
                if m is None or not m[2].country or m[2].country in seen or m[2].kind not in (COUNTRY, DEMONYM):
                    continue
                e = m[2]
                seen.add(e.country)
                t0, t1 = self.toks[m[0]], self.toks[m[1] - 1]
                extra = Actor(_code(e.country, None, actor.sectors), e.country, list(actor.sectors), e.name,
                              self.text[t0.idx:t1.idx + len(t1)], t0.idx, t1.idx + len(t1), actor.kind)
                self.extra.setdefault(tok.i, []).append(extra)

    def _clean_name(self, tok: Token) -> bool:
        """Whether the entity around a token looks like a name (no verbs, no markup residue)."""
        a, b = self._ent_bounds(tok)
        if not NAME_SHAPE.fullmatch(tok.text):
            return False
        return not any(self.toks[k].pos_ in ("VERB", "AUX") or "&" in self.toks[k].text and len(self.toks[k]) > 1
                       for k in range(a, b))

    def _names_body(self, tok: Token) -> bool:
        """Whether a token is (part of) an organisation's name ("Hamas", "the Red Cross")."""
        m = self.match[tok.i]
        return tok.ent_type_ == "ORG" or (m is not None and m[2].kind == ORG)

    def _transnational(self, tok: Token) -> bool:
        """An organisation whose name says it is not national ("International Crisis Group")."""
        words = set(self._ent_text(tok).split())
        return bool(words & TRANSNATIONAL)

    def _attributive(self, tok: Token, e: Entry, text: str, start: int, end: int) -> Actor:
        """A noun owned or qualified by a country or body: "Iraqi towns", "Israel's decision",
        "the Danish embassy's cars". The actor is the country (or body) itself, without a sector."""
        sectors = list(e.sectors) if e.kind in (ORG, SEAT) else []
        code = e.code + ("".join(e.sectors) if e.kind == SEAT else "")
        kind = e.actor_kind if e.kind in (ORG, SEAT) else "group"
        return Actor(code, e.country, sectors, e.name, text, start, end, kind, e.name if e.kind == LEADER else None)

    def _pair(self, tok: Token) -> Actor | None:
        """"the two sides", "both countries": the two parties of the latest clause (this sentence
        or the three before) that set one against or beside the other: a subject and its verb's
        object, or two coordinated names. The second party goes to ``extra`` so that the mention
        splits like "France and Germany"."""
        if not any((c.dep_ == "nummod" and c.lower_ == "two") or (c.lower_ == "both" and c.dep_ in ("det", "predet", "preconj"))
                   for c in tok.children):
            return None
        sector = pair_nouns()[tok.lemma_.lower()]
        seen = {j: a for a, _, _, j in self.earlier}
        own = _clause_subjects(tok) | {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        here = self.sent_of[tok.i]
        for a, s, _, j in reversed(self.earlier):
            if here - s > 3:
                break
            if j in own:
                continue
            other = _partner(self.toks[j], seen)
            if other is None or other in own:
                continue
            b = seen[other]
            if a.code == b.code or "CVL" in a.sectors or "CVL" in b.sectors:
                continue
            first, second = (b, a) if other < j else (a, b)
            text, start, end = tok.text, tok.idx, tok.idx + len(tok)
            left = self.toks[self.span_start(tok)]
            for c in tok.children:
                if c.i < tok.i and c.dep_ in ("det", "predet", "nummod", "preconj"):
                    left = min(left, c, key=lambda t: t.i)
            text, start = self.text[left.idx:end], left.idx
            out = [_as_party(x, sector, text, start, end) for x in (first, second)]
            self.extra[tok.i] = self.pairs[tok.i] = out[1:]
            return out[0]
        return None

    def _pronoun(self, tok: Token) -> Actor | None:
        verb = tok.head.i
        own = _clause_subjects(tok)  # "police fired tear gas to disperse them": them is not the police
        earlier = [(a, s, subj, self.toks[j].tag_ in PLURAL_TAGS) for a, s, subj, j in self.earlier
                   if self.toks[j].head.i != verb and j not in own]
        a = aliases.antecedent(tok.lower_, earlier, self.sent_of[tok.i])
        if a is None:
            return None
        return aliases.as_mention(a, tok.text, tok.idx, tok.idx + len(tok))

    # -- assemble -------------------------------------------------------------------------------
    def build(self) -> ActorIndex:
        self.scan()
        doc = self.doc
        mentions: list[Actor] = []
        by_token: dict[int, Actor] = {}
        heads: dict[int, Actor] = {}
        for tok in self.toks:
            if tok.pos_ not in NOMINAL:
                continue
            a = self.actor_at(tok.i)
            if a is None:
                continue
            heads[tok.i] = a
            by_token[tok.i] = a
            if a.kind in ("group", "igo") and any(self._names_body(t) for t in (tok, *tok.children)):
                self.last_body = a
            subj = tok.dep_ in ("nsubj", "nsubjpass")
            self.earlier.append((a, self.sent_of[tok.i], subj, tok.i))
        # appositives share what they know: "Antony Blinken, the U.S. secretary of state"
        for i, a in list(heads.items()):
            tok = self.toks[i]
            if tok.dep_ == "appos" and tok.head.i in heads and "person" in (a.kind, heads[tok.head.i].kind):
                h = heads[tok.head.i]
                merged = _merge(h, a)
                if merged is not h:
                    heads[tok.head.i] = by_token[tok.head.i] = merged
                    if merged.person:
                        self.book.add_person(merged, aliases.name_keys(merged.person), None)
                merged_a = _merge(a, h)
                heads[i] = by_token[i] = merged_a
        # modifiers point at their head's actor; attributive demonyms of non-actors are actors
        for tok in self.toks:
            if tok.i in by_token:
                continue
            m = self.match[tok.i]
            g = tok
            while g.dep_ == "conj" and g.head.i != g.i:  # "US and British forces": British → forces
                g = g.head
            h = g.head
            while h.dep_ == "compound" and h.head.i != h.i and h.i not in heads:
                h = h.head
            if h.i in heads and g.dep_ in MOD_DEPS | {"det"} and tok.i < h.i:
                own = [x for x in self.extra.get(h.i, ()) if m is not None and x.country == m[2].country]
                by_token[tok.i] = own[0] if own else heads[h.i]
                continue
            if m is not None and m[2].kind in (DEMONYM, COUNTRY, ORG, SEAT, CAPITAL) and g.dep_ in MOD_DEPS:
                if h.i in heads or self.is_location(h) or tok.i in self.places:
                    continue
                e = m[2]
                if e.kind == CAPITAL:
                    continue
                a, b, _ = m
                t0, t1 = self.toks[a], self.toks[b - 1]
                act = Actor(e.code + ("".join(e.sectors) if e.kind == SEAT else ""), e.country,
                            list(e.sectors) if e.kind in (SEAT, ORG) else [], e.name,
                            self.text[t0.idx:t1.idx + len(t1)], t0.idx, t1.idx + len(t1),
                            e.actor_kind if e.kind in (ORG, SEAT) else "country")
                for k in range(a, b):
                    by_token[k] = act
                heads[b - 1] = act
        for i in sorted(heads):
            mentions.append(heads[i])
        mentions.sort(key=lambda x: (x.start, x.end))
        for extras in self.extra.values():
            mentions.extend(extras)
        mentions.sort(key=lambda x: (x.start, x.end))
        return ActorIndex(doc, mentions, by_token, heads, self.places, self.dominant, self.extra, self.pairs)


#: Dependencies of an object pronoun, which never points back at the subject of its own clause.
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj", "pobj"}
#: Clause links through which a subjectless verb takes the subject (or object) of the verb above.
CONTROL_DEPS = {"xcomp", "advcl", "conj"}


def _clause_subjects(tok: Token) -> set[int]:
    """Token indices of the subject of an object pronoun's clause, inherited through control
    ("police fired tear gas to disperse them": police; "urged Tehran to stop them": Tehran).

    Why: an object pronoun does not refer to its own clause's subject (that would be "themselves");
    without this rule the nearest subject, the agent itself, wins and events target their source."""
    if tok.dep_ not in OBJECT_DEPS:
        return set()
    v = tok.head
    if tok.dep_ == "pobj" and v.dep_ in ("prep", "agent", "dative"):
        v = v.head
    out: set[int] = set()
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            for s in subj:
                out.update(x.i for x in (s, *s.conjuncts))
            return out
        if v.dep_ not in CONTROL_DEPS or v.head.i == v.i:
            return out
        if v.dep_ == "xcomp":  # object control: the head's object does the act, not its subject
            objs = [c for c in v.head.children if c.dep_ in ("dobj", "obj")]
            if objs:
                return {x.i for o in objs for x in (o, *o.conjuncts)}
        v = v.head
    return out


@functools.lru_cache(maxsize=1)
def pair_nouns() -> dict[str, str]:
    """Lemma → sector of the parties, from ``data/pair_nouns.tsv`` ("the two sides", "both countries")."""
    text = resources.files("eventwire.actors").joinpath("data", "pair_nouns.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {r[0].strip(): (r[1].strip() if len(r) > 1 else "-") for r in rows}


def _partner(tok: Token, seen: dict[int, Actor]) -> int | None:
    """The other party of a clause a mention takes part in: its coordinated name, or the subject
    of the verb it is the object of (inherited through "and"), as a token index in ``seen``."""
    for c in (*tok.children, tok.head):
        if (c.dep_ == "conj" and c.head.i == tok.i or tok.dep_ == "conj" and c.i == tok.head.i) and c.i in seen:
            return c.i
    if tok.dep_ not in ("dobj", "obj", "pobj", "dative"):
        return None
    v = tok.head.head if tok.dep_ == "pobj" else tok.head
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.i if subj.i in seen else None
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _as_party(a: Actor, sector: str, text: str, start: int, end: int) -> Actor:
    """One of "the two sides": the party as named, or its country, or a sector of its country."""
    if sector == "-" or not a.country:
        return aliases.as_mention(a, text, start, end)
    sectors = [] if sector == "country" else [sector]
    return Actor(_code(a.country, None, sectors), a.country, sectors, country_names().get(a.country, a.country),
                 text, start, end, "country" if not sectors else "group")


def _merge(a: Actor, b: Actor) -> Actor:
    """``a`` completed with what ``b`` knows (country, sectors, person), keeping a's evidence."""
    if (a.country or a.code.startswith(("IGO", "NGO"))) and a.sectors and (a.person or not b.person):
        return a
    country = a.country or b.country
    igo = not a.country and b.code.startswith(("IGO", "NGO")) and not country
    sectors = a.sectors or b.sectors
    person = a.person or b.person
    if not (country or igo) and sectors == a.sectors and person == a.person:
        return a
    if a.country and b.country and a.country != b.country:
        return a
    prefix = b.code[:6] if igo else None
    code = _code(country, prefix, list(sectors))
    kind = "person" if (a.kind == "person" or b.kind == "person") else a.kind
    return Actor(code, country, list(sectors), a.name if a.person or a.country else b.name, a.text, a.start, a.end, kind, person)


def resolve(doc: Doc, article: Article | None = None) -> ActorIndex:
    """Every actor mention of a parsed article, with lookups by token and span."""
    return _Builder(doc, article).build()
