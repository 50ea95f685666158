"""Build the ActorIndex of one parsed article: lexicon matches + noun-phrase heads → Actors.

The flow, one way: :func:`scan` (pass 1: lexicon matches, the article's countries), then every
nominal head in text order through :func:`find_actor` (pass 2: entries, aliases, pronouns, names
and role nouns, composed by the layers below), then appositives and modifiers joined to their
heads. Each head is resolved once and memoised by token index (:func:`~eventwire.actors.state.actor_at`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Actor, Article
from ..ontology import lexicon
from . import aliases
from .codes import merge
from .composition import compose, from_entry, nameless, owned_role, partitive
from .countries import CAPITAL, COUNTRY, DEMONYM, ORG, SEAT
from .index import ActorIndex
from .mentions import pair_nouns, pronoun_referent, two_sides
from .metonymy import is_location
from .modifiers import modifier_info, title_words
from .roles import Role, bare_and_abstract, office_of, pair_role, role_of
from .scan import scan
from .spans import MOD_DEPS, clean_name, ent_bounds, entry_root, names_body, span_start
from .state import DocState, actor_at

#: Honorifics that make a person of the name they precede even when the tagger misses it.
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "mme", "mme."}
#: Words for a part of a group: "dozens of protesters" act as the protesters.
PARTITIVES = {
    "half",
    "third",
    "quarter",
    "some",
    "many",
    "most",
    "all",
    "several",
    "few",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "tens",
    "number",
    "majority",
    "minority",
    "rest",
    "part",
    "each",
    "both",
    "none",
    "one",
    "two",
    "three",
    "handful",
    "group",
    "crowd",
    "members",
    "member",
    # units of a force: "four companies of the reserve police", "a column of the army"
    "company",
    "companies",
    "column",
    "columns",
    "contingent",
    "contingents",
    "platoon",
    "platoons",
    "battalion",
    "battalions",
    "unit",
    "units",
    "detachment",
    "detachments",
    "team",
    "teams",
    "squad",
    "squads",
}
#: Parts of speech a mention's head can have.
NOMINAL = {"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"}

#: A person titled inside an organisation's name: the title word and its role.
Titled = tuple[Token, Role]


def _name_kind(state: DocState, tok: Token) -> tuple[bool, bool, Titled | None]:
    """Whether a head names a person or an organisation, and the title word of a person tagged
    as an organisation ("Indian National Security Adviser Ajit Doval" as one ORG)."""
    is_person = (
        (tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and any(c.lower_ in HONORIFICS for c in tok.children)))
        and clean_name(state, tok)
        and not is_location(tok)
    )
    titled = None
    if not is_person and tok.ent_type_ == "ORG" and tok.pos_ == "PROPN" and office_of(tok) is None:
        in_title = title_words(state, tok)
        titled = next(
            (
                (c, r)
                for c in reversed(list(tok.children))
                if c.dep_ == "compound"
                and c.i < tok.i
                and c.i not in in_title
                and (r := office_of(c) or role_of(c.lemma_, c.text)) is not None
                and r.kind == "person"
            ),
            None,
        )
        is_person = titled is not None
    is_org = (
        not is_person
        and tok.ent_type_ in ("ORG", "NORP")
        and tok.pos_ == "PROPN"
        and clean_name(state, tok)
        and not is_location(tok)
    )
    return is_person, is_org, titled


def _head_role(tok: Token, is_person: bool, titled: Titled | None) -> Role | None:
    """The role a head noun names itself ("police", "deputy inspector", "the army")."""
    role = None
    if tok.pos_ in ("NOUN", "PROPN") and not is_person:
        role = next((r2 for c in tok.children if c.dep_ in MOD_DEPS and (r2 := pair_role(c, tok)) is not None), None)
        role = role or role_of(tok.lemma_, tok.text)
        if role is not None and bare_and_abstract(tok):
            role = None
    if titled is not None:
        role = titled[1]  # the title gives the sector (adviser → GOV), the words after it the name
    return role


def _referring(state: DocState, tok: Token, depth: int) -> tuple[bool, Actor | None]:
    """Heads that take their actor from others: parts of a whole, "the two sides", pronouns.
    Returns (decided, actor); when not decided the head is resolved by its own words."""
    if tok.lower_ in PARTITIVES or tok.pos_ == "NUM":
        part = partitive(state, tok, depth)
        if part is not None or tok.pos_ in ("DET", "NUM"):
            return True, part
    if tok.pos_ == "DET":
        return True, None
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in pair_nouns():
        pair = two_sides(state, tok)
        if pair is not None:
            return True, pair
    return False, None


def find_actor(state: DocState, tok: Token, depth: int) -> Actor | None:
    """The actor a token heads, if any: lexicon entries first, then aliases, then names and
    role nouns with what their modifiers and phrases say."""
    if tok.pos_ not in NOMINAL and tok.pos_ != "DET":
        return None
    decided, actor = _referring(state, tok, depth)
    if decided:
        return actor
    m = state.match[tok.i]
    entry = entry_root(state, tok.i) if m is not None else None
    if m is not None and entry is None:
        return None  # a non-root token of a matched phrase: the phrase root speaks for it
    if tok.pos_ == "PRON":
        return pronoun_referent(state, tok) if tok.lower_ in aliases.PRONOUNS else None
    g = tok
    while g.dep_ == "conj" and g.head.i != g.i:  # "French and Egyptian warships": Egyptian modifies too
        g = g.head
    if tok.dep_ == "compound" or (
        g.dep_ in ("amod", "poss", "nmod", "compound")
        and entry is not None
        and entry.kind in (DEMONYM, COUNTRY, CAPITAL)
        and g.head.pos_ in ("NOUN", "PROPN")
    ):
        return None  # a modifier: its head carries the actor
    end = tok.idx + len(tok)
    cstart = state.toks[span_start(state, tok)].idx
    text = state.text[cstart:end]

    if entry is not None:
        return from_entry(state, tok, entry, text, cstart, end, depth)
    if tok.ent_type_ == "ORG":
        a, b = ent_bounds(state, tok)
        if a <= tok.head.i < b and tok.head.i != tok.i:
            return None  # a word inside an organisation's name ("Ministry of Civilian Household")

    if (
        (tok.pos_ == "PROPN" or tok.is_title)
        and tok.ent_type_ != "PERSON"
        and state.book.by_name
        and tok.dep_ != "compound"
    ):
        # a surname seen before with a full name, whatever the tagger calls it now
        known = state.book.person(tok.text)
        if known is not None and (tok.i + 1 >= state.n or state.toks[tok.i + 1].pos_ != "PROPN"):
            return aliases.as_mention(known, text, cstart, end)
    is_person, is_org, titled = _name_kind(state, tok)
    role = _head_role(tok, is_person, titled)
    info = modifier_info(state, tok)
    if not (is_person or is_org or role):
        role = owned_role(tok, info)
        if role is None:
            return nameless(state, tok, info, text, cstart, end)
    actor = compose(state, tok, depth, role, info, is_person, is_org, text, cstart, end)
    if titled is not None and actor is not None:
        actor.person = actor.name = state.text[state.toks[titled[0].i + 1].idx : end]
    return actor


def _collect_heads(state: DocState, by_token: dict[int, Actor], heads: dict[int, Actor]) -> None:
    """Pass 2: every nominal head in text order, remembered as an earlier mention for later ones."""
    for tok in state.toks:
        if tok.pos_ not in NOMINAL:
            continue
        a = actor_at(state, tok.i)
        if a is None:
            continue
        heads[tok.i] = a
        by_token[tok.i] = a
        if a.kind in ("group", "igo") and any(names_body(state, t) for t in (tok, *tok.children)):
            state.last_body = a
        subj = tok.dep_ in ("nsubj", "nsubjpass")
        state.earlier.append((a, state.sent_of[tok.i], subj, tok.i))


def _share_appositives(state: DocState, by_token: dict[int, Actor], heads: dict[int, Actor]) -> None:
    """Appositives share what they know: "Antony Blinken, the U.S. secretary of state"."""
    for i, a in list(heads.items()):
        tok = state.toks[i]
        if tok.dep_ == "appos" and tok.head.i in heads and "person" in (a.kind, heads[tok.head.i].kind):
            h = heads[tok.head.i]
            merged = merge(h, a)
            if merged is not h:
                heads[tok.head.i] = by_token[tok.head.i] = merged
                if merged.person:
                    state.book.add_person(merged, aliases.name_keys(merged.person), None)
            merged_a = merge(a, h)
            heads[i] = by_token[i] = merged_a


def _attach_modifiers(state: DocState, by_token: dict[int, Actor], heads: dict[int, Actor]) -> None:
    """Modifiers point at their head's actor; attributive demonyms of non-actors are actors."""
    for tok in state.toks:
        if tok.i in by_token:
            continue
        m = state.match[tok.i]
        g = tok
        while g.dep_ == "conj" and g.head.i != g.i:  # "US and British forces": British → forces
            g = g.head
        h = g.head
        while h.dep_ == "compound" and h.head.i != h.i and h.i not in heads:
            h = h.head
        if h.i in heads and g.dep_ in MOD_DEPS | {"det"} and tok.i < h.i:
            own = [x for x in state.extra.get(h.i, ()) if m is not None and x.country == m[2].country]
            by_token[tok.i] = own[0] if own else heads[h.i]
            continue
        if m is not None and m[2].kind in (DEMONYM, COUNTRY, ORG, SEAT, CAPITAL) and g.dep_ in MOD_DEPS:
            if h.i in heads or (is_location(h) and not _act_noun(h)) or tok.i in state.places:
                continue
            e = m[2]
            if e.kind == CAPITAL:
                continue
            a, b, _ = m
            t0, t1 = state.toks[a], state.toks[b - 1]
            act = Actor(
                e.code + ("".join(e.sectors) if e.kind == SEAT else ""),
                e.country,
                list(e.sectors) if e.kind in (SEAT, ORG) else [],
                e.name,
                state.text[t0.idx : t1.idx + len(t1)],
                t0.idx,
                t1.idx + len(t1),
                e.actor_kind if e.kind in (ORG, SEAT) else "country",
            )
            for k in range(a, b):
                by_token[k] = act
            heads[b - 1] = act


def _act_noun(tok: Token) -> bool:
    """An event noun ("wounded in Israeli raids"): its nationality word names the party that
    acted, not a place, even where the noun sits in a place's slot ("in ...")."""
    return tok.pos_ == "NOUN" and lexicon.match(tok) is not None


def find_actors(doc: Doc, article: Article | None = None) -> ActorIndex:
    """Every actor mention of a parsed article, with lookups by token and span."""
    state = DocState(doc, article, find_actor)
    scan(state)
    by_token: dict[int, Actor] = {}
    heads: dict[int, Actor] = {}
    _collect_heads(state, by_token, heads)
    _share_appositives(state, by_token, heads)
    _attach_modifiers(state, by_token, heads)
    mentions = [heads[i] for i in sorted(heads)]
    mentions.sort(key=lambda x: (x.start, x.end))
    for extras in state.extra.values():
        mentions.extend(extras)
    mentions.sort(key=lambda x: (x.start, x.end))
    return ActorIndex(doc, mentions, by_token, heads, state.places, state.dominant, state.extra, state.pairs)
