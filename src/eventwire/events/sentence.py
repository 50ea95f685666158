"""A sentence's events: candidates coded, their arguments read, each event scored and given evidence.

Why one order per sentence: frames settle before arguments are read, and every act is scored in
the same way, so that the act a sentence reports ranks first; the police heuristics only add
what the lexicon leaves out.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token

from ..actors.implied import implied_government, implied_police
from ..model import Actor, Attribution, Event, Place, TextSpan
from ..ontology import get as cameo_get
from ..ontology import lexicon, plover_type
from ..places import place_for
from ..times import event_dating
from . import patterns
from .arguments import choose_sources, choose_targets, definite_noun, mediated_parties, scene_target
from .candidates import (
    Candidate,
    clause_depth,
    find_candidates,
    intent_or_refusal,
    obligation_clause,
    resolve_frames,
    root_of,
)
from .fatalities import fatalities_for
from .modality import assess
from .police import implied_arrest, is_police, mobilised_police, police_activity

log = logging.getLogger(__name__)


def code_sentence(
    sent: Span,
    actors=None,
    places: list[Place] | None = None,
    published: str | None = None,
    country: str | None = None,
    text: str | None = None,
    memory: dict | None = None,
) -> list[Event]:
    """All events of one sentence, main act first (``text``: the doc's text, passed in to save
    rebuilding it per event; ``memory``: code → last source seen in the article, for "the firing")."""
    cands, by_anchor = find_candidates(sent)
    if not cands:
        return _police_events(sent, actors, places or [], published, country, text) if actors is not None else []
    resolve_frames(cands, by_anchor)
    live = [c for c in cands if not c.consumed]
    for c in live:
        intent_or_refusal(c)
    acts = [c for c in live if c.entry.role not in ("report", "topic")]
    coded = {c.anchor.i for c in live}
    events: list[Event] = []
    for c in acts:
        events.extend(
            _events_for(c, sent, actors, places or [], published, country, coded=coded, text=text, memory=memory)
        )
    for r in (c for c in live if c.entry.role == "report"):
        must = obligation_clause(r.anchor)
        if must is not None and not any(a.anchor.i == must.i for a in acts):
            # "the EU says the violence must end": a demand by the speaker
            r.code = "100"
            r.frame_target = patterns.embedded_subject(must)
            r.notes.append("demand")
            events.extend(_events_for(r, sent, actors, places or [], published, country, coded=coded, text=text))
            continue
        # a reporting verb is a statement event of its own; it ranks below any act it frames
        events.extend(
            _events_for(r, sent, actors, places or [], published, country, fallback=True, coded=coded, text=text)
        )
    if actors is not None and not any(is_police(e.source) for e in events):
        events.extend(_police_events(sent, actors, places or [], published, country, text))
    _share_fatalities(events)
    events.sort(key=lambda e: -e.confidence)
    # a statement by no one about no one ("..., it said in a statement") below the sentence's main
    # event says nothing more; as the only or main event it still tells what kind of sentence this is
    if not events or (events[0].source is None and events[0].target is None):
        return events  # no main event with a party: the partyless mentions are all there is
    return events[:1] + [e for e in events[1:] if not _idle(e, sent)]


def _idle(e: Event, sent: Span) -> bool:
    """An event with no party at all that is a statement or a bare act noun ("the attack", "tear
    gas"): below a main event that has a party it is a mention of an act, not news of one."""
    if e.source is not None or e.target is not None:
        return False
    if e.root == "01":
        return True
    span = sent.doc.char_span(e.trigger.start, e.trigger.end)
    return span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN")


def _share_fatalities(events: list[Event]) -> None:
    """ "Four were killed in police firing": the deaths counted on the killing belong to the
    firing by the same source in the same sentence too."""
    deaths: dict[str, int] = {}
    for e in events:
        if e.fatalities and e.source is not None and e.root in ("18", "19", "20"):
            deaths[e.source.code] = max(deaths.get(e.source.code, 0), e.fatalities)
    for e in events:
        if e.fatalities is None and e.source is not None and e.root in ("18", "19", "20") and e.source.code in deaths:
            e.fatalities = deaths[e.source.code]


def _events_for(
    c: Candidate,
    sent: Span,
    actors,
    places: list[Place],
    published: str | None,
    country: str | None,
    fallback: bool = False,
    coded: set[int] | None = None,
    text: str | None = None,
    memory: dict | None = None,
) -> list[Event]:
    """The events of one candidate: one per source and target pair (``fallback``: a statement or
    police activity ranked below the sentence's acts; ``coded``: anchors of its other triggers)."""
    coded = coded or set()
    sources, src_tok = choose_sources(c, actors, coded)
    targets, in_slot = choose_targets(c, src_tok, sources, actors, places)
    if not sources and not fallback:
        police = mobilised_police(c, actors, country)
        if police is not None:
            sources = [police]
            targets = [t for t in targets if not is_police(t)]
    if (
        c.code == "086"
        and sources
        and targets
        and sources[0].country
        and all(t.country == sources[0].country for t in targets)
    ):
        # "the court allowed the candidate to run": a permission at home eases a restriction (081);
        # 086 is letting foreign or international parties in
        c.code = "081"
    targets = targets or _implied_targets(c, actors, sources) or scene_target(c, sources, places)
    modality: str = "asserted"
    attribution: list[Attribution] = []
    try:
        modality, attribution = assess(c.anchor, actors)
    except Exception:  # a bug in one helper must not lose the event
        log.exception("modality.assess failed")
    if memory is not None:
        sources = _remembered(c, sources, modality, fallback, memory, src_tok)
    if not sources and implied_arrest(c, modality):
        sources = [implied_police(c.token, country)]
        c.notes.append("implied police")
    conf = event_confidence(c, bool(sources), bool(targets), fallback, coded)
    if "implied police" in c.notes:
        conf = round(conf - 0.1, 4)
    info = cameo_get(c.code)
    shared = dict(
        cameo=info.code if len(c.code) == len(info.code) else c.code,
        name=info.name,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=plover_type(c.code),
        modality=modality,
        evidence=_evidence(sent, c, text if text is not None else sent.doc.text),
        trigger=_span(sent.doc, c.first, c.last),
        confidence=conf,
        **_circumstances(c.anchor, published, modality, places),
    )
    return [
        Event(source=s, target=t, attribution=list(attribution), **shared)
        for s, t in _pairs(c, sources, targets, in_slot)
    ]


def _implied_targets(c: Candidate, actors, sources: list[Actor]) -> list[Actor]:
    """Targets the text implies when none is named: the parties a mediation is between, or a
    protest's own government."""
    if c.code.startswith("045"):
        parties = mediated_parties(c.anchor, actors, sources)
        if parties:
            return parties
    if root_of(c.code) == 14 and sources and sources[0].country:
        return [implied_government(sources[0])]
    return []


def _remembered(
    c: Candidate, sources: list[Actor], modality: str, fallback: bool, memory: dict, src_tok: Token | None = None
) -> list[Actor]:
    """Keep the source of a done act for later mentions; give "the firing" the source of the
    firing named earlier in the article ("one person was injured in the firing"), and a force
    whose subject is such a noun ("the attack killed 23") the last attacker named."""
    force = c.code[:2] in ("18", "19", "20")
    if sources and not fallback:
        if modality in ("asserted", "reported"):  # a denied or planned act is no antecedent for "the attack"
            memory[c.code] = sources[0]
            if force:
                memory["force"] = sources[0]
    elif not sources and definite_noun(c):
        prior = memory.get(c.code)
        if prior is not None:
            c.notes.append("anaphoric source")
            return [prior]
    elif not sources and force and src_tok is not None and _force_noun(src_tok):
        prior = memory.get("force")
        if prior is not None:
            c.notes.append("anaphoric source")
            return [prior]
    return sources


def _force_noun(tok: Token) -> bool:
    """ "The attack", "this assault": a definite noun for a use of force, naming an act told before."""
    e = lexicon.match(tok)
    return (
        tok.pos_ == "NOUN"
        and e is not None
        and e.code[:2] in ("18", "19", "20")
        and any(x.dep_ == "det" and x.lower_ in ("the", "this", "that") for x in tok.children)
    )


def _circumstances(anchor: Token, published: str | None, modality: str, places: list[Place]) -> dict:
    """The date, place and death toll of an event; a failing helper leaves its field at the default."""
    date, precision = published, "published" if published else None
    try:
        date, precision = event_dating(anchor, published, modality)
    except Exception:
        log.exception("times.event_dating failed")
    place = None
    if places:
        try:
            place = place_for(anchor, places)
        except Exception:
            log.exception("places.place_for failed")
    fatalities = None
    try:
        fatalities = fatalities_for(anchor)
    except Exception:
        log.exception("fatalities_for failed")
    return {"date": date, "date_precision": precision, "place": place, "fatalities": fatalities}


def _pairs(c: Candidate, sources: list[Actor], targets: list[Actor], in_slot: bool) -> list[tuple]:
    """The (source, target) pairs an act's parties make, never a party paired with itself."""
    no_party: list[Actor | None] = [None]
    pairs: list[tuple[Actor | None, Actor | None]] = [
        (s, t)
        for s in (sources or no_party)
        for t in (targets or no_party)
        if not (s is not None and t is not None and s.code == t.code and s.start == t.start)
    ]
    # a mutual act of coordinated parties ("X and Y met") with no other target: each is the
    # other's; so too when the only other party sits deeper in the clause ("X and Y signed a deal
    # mediated by Z": Z mediated, X and Y signed with each other)
    if len(sources) > 1 and lexicon.reciprocal(c.code) and (not targets or not in_slot):
        pairs = [(s, t) for s in sources for t in sources if s is not t]
    return pairs or [(sources[0] if sources else None, None)]


def _police_events(sent: Span, actors, places: list[Place], published, country, text) -> list[Event]:
    """The police activity of a sentence as at most one event with a police source."""
    c = police_activity(sent, actors)
    if c is None:
        return []
    evs = _events_for(c, sent, actors, places, published, country, fallback=True, text=text)
    return [e for e in evs if is_police(e.source)][:1]


def _background(tok: Token) -> bool:
    """Inside a relative or participle clause on a noun ("farmers killed in ..."): background."""
    t = tok
    for _ in range(12):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def event_confidence(c: Candidate, has_src: bool, has_tgt: bool, fallback: bool, coded: set[int]) -> float:
    """How likely the event is news the sentence reports: verbs over bare nouns, main clauses over
    embedded ones, earlier over later, parties found over none; a statement that frames acts is low."""
    if fallback:
        return round(0.2 + 0.05 * has_src, 3)
    conf = 0.6 + 0.02 * len(c.code)
    root = root_of(c.code)
    if root == 1:
        conf -= 0.1
    if c.anchor.pos_ not in ("VERB", "AUX", "ADJ") and "light" not in c.notes:
        conf -= 0.12  # a bare event noun is often background ("after the attack")
        gv = patterns.governing_verb(c.anchor)
        if gv is not None and gv.i in coded:
            conf -= 0.1  # an act named as the object of another ("condemned the attack")
    if _background(c.anchor):
        conf -= 0.1
    conf -= 0.1 * min(clause_depth(c.anchor), 3)
    conf += 0.05 * has_src + 0.03 * has_tgt
    conf -= 0.0005 * (c.token.i - c.token.sent.start)
    return round(max(0.05, min(0.99, conf)), 4)


_COLON_DATELINE = re.compile(r"[^\n:.!?]{1,40}:\s+")


def _evidence(sent: Span, c: Candidate, text: str) -> TextSpan:
    """The sentence of the trigger, less what a parser glued to it across a line break or a
    dateline ("ahmedabad: police arrested ..."): the evidence must be the sentence itself."""
    s0, s1 = sent.start_char, sent.end_char
    t0 = sent.doc[c.first].idx
    t1 = sent.doc[c.last].idx + len(sent.doc[c.last])
    nl = text.rfind("\n", s0, t0)
    if nl >= 0:
        s0 = nl + 1
    nl = text.find("\n", t1, s1)
    if nl >= 0:
        s1 = nl
    m = _COLON_DATELINE.match(text, s0, s1)
    if m and m.end() <= t0:
        s0 = m.end()
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return TextSpan(text[s0:s1], s0, s1)


def _span(doc: Doc, first: int, last: int) -> TextSpan:
    """The text of a token span, with its character offsets."""
    s = doc[first : last + 1]
    return TextSpan(s.text, s.start_char, s.end_char)
