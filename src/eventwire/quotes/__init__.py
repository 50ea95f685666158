"""Quotations: who said what, with the cue word and the exact content span.

Why: an analyst weighing a claim needs to see whose claim it is. Direct quotes (straight, curly
and single-quote styles, several sentences or paragraphs long, split around their cue) and
indirect speech ("X said (that) …", "according to X, …", "X told reporters …", transcript lines
"NAME: …", testimonial dashes "“…” ― Name") become ``Quote`` records whose speaker is the
mention in the text, resolved to its actor (pronouns and descriptions such as "the spokeswoman"
are linked back to the person named earlier: ``speaker["name"]`` and ``speaker["resolved"]``).

A quote split around its cue (“We are ready,” the minister said, “but not under threat.”) is
ONE record: its content runs from the first part's opening mark to the last part's closing mark
(the cue and speaker sit inside that span, and are also given separately).
Nested reports inside a quotation (“I think …” within a quote) are not separate records.

Word lists live in ``data/words.tsv`` (one ``list<TAB>word`` per line) and ``data/verb_preps.tsv``.
Beyond the hand lists, ``data/learned_cues.tsv`` holds how often each (lemma, frame) — a verb with
a clause, an infinitive, an object, a prepositional object or nothing, or a noun — was an
attribution cue in PolNeAR's train split (counts only, made by ``benchmarks/build_quote_cues.py``);
a verb at ``CUE_RATE`` or more in its frame, or a noun at ``NOUN_RATE``, is a cue here too.

The rules' records and looser candidates (any other verb or claim noun with a speaker and a
complement, shorter readings of an object) then go through ``rank.select``: a logistic model
(``data/ranker.json``, weights only, trained by ``scripts/train_quote_ranker.py`` on PolNeAR
train) keeps the likely attributions and, where two overlap, the better one.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Quote, TextSpan
from ..nlp import DATELINE

_DATA = Path(__file__).with_name("data")


@functools.lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The word lists of ``data/words.tsv`` (list name → words), read once: data, not code."""
    out: dict[str, set[str]] = {}
    for line in (_DATA / "words.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, word = line.split("\t")
            out.setdefault(name, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _verb_preps() -> frozenset[tuple[str, str]]:
    rows = (line.split("\t") for line in (_DATA / "verb_preps.tsv").read_text(encoding="utf-8").splitlines()[2:] if line)
    return frozenset((prep, verb) for verb, prep in rows)


#: a verb outside the hand lists is a cue when annotators marked it so in at least this share of
#: its uses with the same frame in PolNeAR train (tuned on train: benchmarks/build_quote_cues.py)
CUE_RATE = 0.3
#: ... and it was seen at least this often there
CUE_MIN_N = 5


@functools.lru_cache(maxsize=1)
def _learned() -> frozenset[tuple[str, str]]:
    """(lemma, frame) pairs that are attribution cues often enough (``data/learned_cues.tsv``)."""
    out = set()
    for line in (_DATA / "learned_cues.tsv").read_text(encoding="utf-8").splitlines()[2:]:
        lemma, pos, frame, n, _cue, rate = line.split("\t")
        if pos == "VERB" and int(n) >= CUE_MIN_N and float(rate) >= CUE_RATE:
            out.add((lemma, frame))
    return frozenset(out)


#: a noun is a claim ("doubts about", "criticism of") at this learned cue rate
NOUN_RATE = 0.25


@functools.lru_cache(maxsize=1)
def _learned_nouns() -> frozenset[str]:
    """Nouns that are attribution cues often enough (``data/learned_cues.tsv``)."""
    out = set()
    for line in (_DATA / "learned_cues.tsv").read_text(encoding="utf-8").splitlines()[2:]:
        lemma, pos, _frame, n, _cue, rate = line.split("\t")
        if pos == "NOUN" and int(n) >= CUE_MIN_N and float(rate) >= NOUN_RATE:
            out.add(lemma)
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    rows = (line.split("\t") for line in (_DATA / "lemma_fixes.tsv").read_text(encoding="utf-8").splitlines()[2:] if line)
    return {wrong: right for wrong, right in rows}


def verb_lemma(t: Token) -> str:
    """The token's lemma, lower case, with the lemmatizer's known slips on verbs mended
    ("hoped" → "hop" would miss every hope)."""
    lemma = t.lemma_.lower()
    return _lemma_fixes().get(lemma, lemma) if t.tag_.startswith("VB") else lemma


@functools.lru_cache(maxsize=1)
def _learned_lemmas() -> frozenset[str]:
    """The lemmas of ``_learned()``: most verbs are in none, and need no frame."""
    return frozenset(lemma for lemma, _frame in _learned())


def verb_frame(t: Token) -> str:
    """What a verb governs: a clause (ccomp), an infinitive (xcomp), an object (dobj), a
    prepositional object (prep) or none; the context in which a cue rate was learned."""
    deps = {c.dep_ for c in t.children}
    if deps & {"ccomp", "parataxis"}:
        return "ccomp"
    right = {c.dep_ for c in t.rights}
    for d in ("xcomp", "dobj", "prep"):
        if d in right:
            return d
    return "none"


_L = _lists()
#: reporting verbs (lemmas) that introduce speech with a clause or a quotation
SPEECH = _L["speech"]
#: verbs that take a content clause only when it is a real clause (not "know him")
CLAUSE_ONLY = _L["clause_only"]
#: verbs whose object clause is an infinitive: "called for X", "urged Y to Z", "wants to"
XCOMP_CUES = _L["xcomp"]
#: verbs that report a stance toward a noun phrase: "attacked Smith for his vote", "called the plan a sham"
NP_CUES = _L["np"]
#: either list, made once (a set union per call cost more than the lookup)
_SPEECH_OR_NP = SPEECH | NP_CUES
#: stance verbs that are also deeds of war ("attacked the base"): a stance only against a person,
#: or with its reason ("for …") or label ("as …")
PHYSICAL = _L["physical"]
#: verbs that state a view only with "as": "critics see the law as a threat"
AS_CUES = _L["as"]
#: verbs whose clause complement is not somebody's claim ("make sure", "seem")
NOT_CUES = _L["not_cue"]
#: nouns that carry someone's claim in a clause: "Smith's claim that …", "the ministry's call to …"
NOUN_CUES = _L["noun"]
#: reporting verbs whose bare object is not a claim ("said nothing", "told him", "asked them")
_BARE_SPEECH = _L["bare_speech"]
#: prepositions that introduce what a stance is about: "warned against", "complained about"
_ABOUT_PREPS = _L["about_prep"]
#: what follows "spoke on" as the terms or channel of a telling, never its topic ("condition of anonymity")
_NOT_TOPIC = _L["not_topic"]
#: prepositions that carry the content for one verb only: "respond to …", "agree with …"
_VERB_PREPS = _verb_preps()
PRONOUNS = _L["pronoun"]
#: verbs whose "if"/"whether" clause is the question asked ("asked if he was bullied")
QUESTION_VERBS = _L["question_verb"]
#: nouns for an audience: "told reporters", "asked voters"
HEARERS = _L["hearer"]
#: what a finding is reported in: "In a poll released Monday, 50 percent …"
SOURCE_DOCS = _L["source_doc"]
#: nouns that describe a person by role: "the spokeswoman said" refers to someone named earlier
ROLE_NOUNS = _L["role"]
#: verbs of appearance: the whole clause is a view ("X seems ready to …")
SEEMING = _L["seeming"]
#: passives of a view with its holder left out ("X is expected to …")
PASSIVE_VIEW = _L["passive_view"]
#: prepositions that take the topic of a stance adjective ("critical of …")
ADJ_PREPS = _L["adj_prep"]

_QUOTE_CHARS = "\"“”‘’'«»„"
_DASHES = ("―", "—", "–")
_WORD = re.compile(r"\w+")
#: capitalised line labels that are not people talking
_NOT_SPEAKERS = _L["not_speaker"]
_HEADLINE = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*\s){0,7}[A-Z][\w.'’-]+)\s*:\s*(?=[^\n]{10,})")
_TRANSCRIPT = re.compile(r"(?m)^[ \t\"“]*((?:[A-Z][A-Za-z.'’-]*\s){0,3}[A-Z][A-Z.'’-]+)\s*:\s*(?=\S)")


# ---------------------------------------------------------------- quotation marks


_MARKS = re.compile(r"''|[\"“”]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation, marks included, in text order.

    Double quotes (straight, curly, or two apostrophes as some archives write them) pair up
    within a paragraph; a paragraph that opens a quote and does not close it continues into the
    next paragraph when that opens with a quote mark (the newspaper convention for
    multi-paragraph quotes). A closing curly mark at the start of a paragraph opens, and an
    opening one glued to the word before it and followed by a space closes (common typos). Single
    curly quotes count when they hold at least three words and are not apostrophes.
    """
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # start of a quote running on from the previous paragraph
    for pm in re.finditer(r"[^\n]+", text):
        ps, pe = pm.span()
        para = pm.group()
        lead = para.lstrip()
        if carry is not None and not lead.startswith(("\"", "“", "”", "''")):
            spans.append((carry, _last_nonspace(text, ps)))
            carry = None
        open_at: int | None = None
        depth = 0  # curly quotes nest: “… he calls “hell” than …”
        for m in _MARKS.finditer(text, ps, pe):
            mark, i = m.group(), m.start()
            at_start = i == ps or text[i - 1] in " \t(\n—―-"
            if open_at is None:
                if mark == "“" or ((mark in ('"', "''") or (mark == "”" and i - ps <= 2)) and at_start):
                    open_at = i if carry is None else carry
                    carry = None
                    depth = 1
                continue
            if mark == "“" and not (text[i - 1].isspace() or text[i - 1] in "(—―-") and \
                    (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in ".,;:!?)"):
                mark = "”"  # an opening mark where a closing one belongs ('… by winter,“ said Ross'): a typo
            elif mark == "“":
                depth += 1
                continue
            if mark == "”" and depth > 1:
                depth -= 1
                continue
            if mark in ("”", '"', "''"):
                spans.append((open_at, m.end()))
                open_at = None
                depth = 0
        if open_at is not None:
            carry = open_at  # runs on if the next paragraph opens with a quote
    if carry is not None:
        spans.append((carry, len(text.rstrip())))
    spans += _single_quotes(text, spans)
    spans.sort()
    return spans


def _last_nonspace(text: str, before: int) -> int:
    j = before
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def _single_quotes(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for m in _SINGLE.finditer(text):
        inner = m.group(1) or m.group(2) or ""
        if len(_WORD.findall(inner)) >= 3 and not any(a <= m.start() < b for a, b in doubles + out):
            out.append((m.start(), m.end()))
    return out


#: ‘curly’ or 'straight' single quotes: opened after a space or bracket, closed before a
#: space or punctuation, so that apostrophes (don't, farmers') never pair up
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[:]))(?:‘([^‘’\n]{3,400}?)’|'(?!')([^'\n]{3,300}?(?:'[a-z][^'\n]*?)*)')"
                     r"(?=[\s.,;:!?)\]]|$)")


# ---------------------------------------------------------------- helpers on the parse


def _span_chars(tokens: Iterable[Token]) -> tuple[int, int]:
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop surrounding spaces, a leading dateline (the wire's "KYIV (Reuters) - " is nobody's
    words), and edge punctuation (not quote marks)."""
    while a < b and (text[a].isspace() or text[a] in ",;:-–—"):
        a += 1
    m = DATELINE.match(text, a, b)
    if m:
        a = m.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-–—"):
        b -= 1
    return a, b


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding ``pos``: a report never runs over a paragraph break."""
    pb = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if pb < 0 else pb


def _drop_stop(text: str, a: int, b: int) -> int:
    """The end of a content without its sentence's own full stop (kept when it closes a quotation)."""
    if b > a and text[b - 1] in ".!?" and not text[a:b].endswith(("”", '"')):
        return b - 1
    return b


def _tspan(text: str, a: int, b: int) -> TextSpan:
    return TextSpan(text[a:b], a, b)


def _subject(v: Token) -> Token | None:
    """The subject of a reporting verb, looking through conjunctions ("paused and added")."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return c
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and any(c.dep_ == "ccomp" for c in v.children):
            v = v.head.head  # "said A was safe and said B …": the second report hangs on the first one's clause
            continue
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i or v.dep_ == "acomp" and v.pos_ == "ADJ":
            v = v.head  # "voters are more likely to say …": through the adjective to its copula
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            v = v.head.head  # "she began by describing …", "he ended the speech after thanking …"
            continue
        if v.dep_ == "relcl":  # "the official, who said …"
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.ent_type_ in _MEASURES and v.head.head.i != v.head.i:
            v = v.head.head  # "the union spent weeks pushing back …": the time is nobody
            continue
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "a statement saying …", "a tweet attacking …"
        return None
    return None


def _np_right(head: Token, names: bool = True) -> int:
    """The last token of a noun phrase without the clauses and asides trailing it; a name in
    apposition stays ("the governor's spokeswoman, Ana Ruiz"), without its own clauses."""
    right = head.i
    rights = list(head.rights)
    for k, c in enumerate(rights):
        if names and c.dep_ == "punct" and c.text == "," and k + 1 < len(rights) and rights[k + 1].dep_ == "appos" \
                and (rights[k + 1].ent_type_ == "PERSON" or rights[k + 1].pos_ == "PROPN"):
            continue
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj"):
            break
        right = _np_right(c, False) if c.dep_ == "appos" else c.right_edge.i
    return right


def _np_span(head: Token) -> tuple[int, int]:
    """The noun phrase of a speaker: its subtree, without relative clauses trailing it."""
    left = head.left_edge.i
    right = _np_right(head)
    doc = head.doc
    for i in range(head.i - 1, left - 1, -1):  # a subject never reaches back over a line break
        if "\n" in doc[i].text_with_ws:
            left = i + 1
            break
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _bare_definite(head: Token) -> bool:
    """ "the spokeswoman", "the officials": a definite role with no name or affiliation of its own
    (unlike "Ukrainian officials" or "the ministry's spokeswoman")."""
    kids = list(head.children)
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in kids) and \
        not any(c.dep_ in ("amod", "compound", "poss", "nmod", "appos") and (c.ent_type_ or c.pos_ == "PROPN")
                for c in kids) and not any(t.ent_type_ == "PERSON" for t in head.subtree)


class _Speakers:
    """Turns a subject token into the speaker dict, resolving pronouns and role descriptions."""

    def __init__(self, doc: Doc, actors):
        self.doc = doc
        self.actors = actors
        self.people = [e for e in doc.ents if e.label_ == "PERSON"]
        self.groups = [e for e in doc.ents if e.label_ in ("ORG", "NORP", "GPE")]

    def _actor(self, tok: Token, span: Span | None):
        if self.actors is None:
            return None
        try:
            act = self.actors.for_token(tok)
            if act is None and span is not None:
                found = self.actors.for_span(span)
                act = found[0] if found else None
            return act
        except Exception:  # the actor index is another module's work; never lose the quote over it
            return None

    def _antecedent(self, tok: Token, kinds: list[Span]) -> Span | None:
        """The nearest fitting mention before ``tok``, not inside its own noun phrase."""
        best = None
        for e in kinds:
            if e.end <= tok.left_edge.i:
                best = e
            else:
                break
        return best

    def _role_antecedent(self, head: Token) -> Span | None:
        """ "the spokeswoman" → the person introduced with that role earlier ("Ann Lee, a spokeswoman").

        Only a definite description points back: "a spokesperson" is somebody new."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            return None
        lemma = head.lemma_.lower()
        for e in reversed(self.people):
            if e.end > head.i:
                continue
            sent = e.sent
            if any(t.lemma_.lower() == lemma for t in sent):
                return e
        return None

    def make(self, tok: Token, text: str, *, span: tuple[int, int] | None = None) -> dict:
        a, b = span if span else _np_span(tok)
        sp = self.doc.char_span(a, b, alignment_mode="expand")
        act = self._actor(tok, sp)
        out = {"text": text[a:b], "start": a, "end": b, "code": getattr(act, "code", None)}
        low = tok.lower_
        ante = None
        if low in PRONOUNS and tok.pos_ == "PRON":
            pool = self.people if low in ("he", "she", "him", "her") else self.groups
            ante = self._antecedent(tok, pool)
        elif tok.tag_ in ("WDT", "WP") and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.head.i:
            head = tok.head.head  # "the senator, who said …": the relative pronoun stands for the senator
            a2, b2 = _np_span(head)
            ante = self.doc.char_span(a2, b2, alignment_mode="expand")
        elif tok.lemma_.lower() in ROLE_NOUNS and _bare_definite(tok):
            ante = self._role_antecedent(tok) if tok.tag_ == "NN" else self._antecedent(tok, self.groups)
        person = getattr(act, "person", None) if act is not None else None
        if person or ante is not None:
            # the person (or body) behind a pronoun, relative or description; never just a country name
            out["name"] = person or ante.text
        if ante is not None:
            out["resolved"] = {"text": ante.text, "start": ante.start_char, "end": ante.end_char}
            if out["code"] is None:
                act2 = self._actor(ante.root, ante)
                out["code"] = getattr(act2, "code", None)
        return out


# ---------------------------------------------------------------- the finder


_ENDS_SENTENCE = re.compile(r"[.!?]['\"”’]*\s")


def text_ends_open(text: str, qa: int, qb: int) -> bool:
    """The sentence goes on after the quotation: '“…,” she said', '“Why?” he asked'."""
    inner = text[qa:qb].rstrip(_QUOTE_CHARS + " ")
    if not inner.endswith((".", "!", "?")):
        return True
    after = text[qb:qb + 3].lstrip(" \u00a0")
    return inner.endswith(("!", "?")) and after[:1].islower()


def _cue_for_quote(doc: Doc, text: str, qa: int, qb: int, inside, sent_of) -> Token | None:
    """The reporting verb attached to a direct quote: in the sentences it touches, outside it."""
    first = doc.char_span(qa, min(qa + 1, len(text)), alignment_mode="expand")
    last = doc.char_span(max(qb - 1, 0), qb, alignment_mode="expand")
    if first is None or last is None:
        return None
    s_start = sent_of(first[0].i)[0]
    s_end = sent_of(last[-1].i)[1]
    # a cue after the quote often lands in the next "sentence" ('…,” he said.')
    if s_end < len(doc) and doc[s_end - 1].idx + len(doc[s_end - 1].text) <= qb + 2:
        s_end = sent_of(s_end)[1]
    best, best_d = None, 10**9
    for t in doc[s_start:s_end]:
        if verb_lemma(t) not in SPEECH or t.pos_ not in ("VERB", "AUX") or inside(t.idx):
            continue
        # '“…,” said Dana Reyes, who runs Fix the Vote': a finite verb right after the
        # closing mark of a real quotation (not a title) tags it, whatever clause the parser hung on it
        right_after = t.idx >= qb and not text[qb:t.idx].strip(" ,") and t.tag_ != "VBG"
        if not (right_after and len(_WORD.findall(text[qa:qb])) >= 4) and _own_clause(t, text, qa, qb, inside):
            continue
        if t.idx < qa and "\n" in text[t.idx:qa] and not text[t.idx:qa].rstrip().endswith(":"):
            continue  # a paragraph break between: that verb told something else
        tagged = t.idx >= qb and _speech_tag(text, t, qb)
        if t.idx >= qb and not tagged and (
                t.idx - qb > 60 or _ENDS_SENTENCE.search(text, max(qa, qb - 4), t.idx) and
                not text_ends_open(text, qa, qb)):
            continue  # a verb after a finished quoted sentence belongs to what follows it
        d = qa - t.idx if t.idx < qa else 1 if tagged else t.idx - qb
        # a verb whose clause is the quote itself is the right one whatever the distance
        if any(qa <= c.idx < qb for c in t.children if c.dep_ in ("ccomp", "dobj", "xcomp", "parataxis")):
            d = min(d, 1)
        if d < best_d and d < 120:
            best, best_d = t, d
    return best


def _quote_speaker(cue: Token, qa: int, qb: int) -> Token | None:
    """The speaker of a quotation's cue. Why not only the verb's subject: the parser takes a word
    inside the marks for it ('“That, frankly,” he said, “is …”' → "That"), or reads an inverted
    speaker as the object ('“…,” added a Maine Republican').

    A subject inside the quotation gives way to another one outside it. A verb right after the
    closing mark without a subject of its own takes the noun phrase right after it ('“…,” said
    Dana Reyes, who runs Fix the Vote', where the parser can make Reyes the subject of "Fix")."""
    subj = _subject(cue)
    if subj is None or qa <= subj.idx < qb:
        subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and not qa <= c.idx < qb), None)
    if subj is not None or cue.idx < qb or cue.doc.text[qb:cue.idx].strip(" ,") or cue.i + 1 >= len(cue.doc):
        return subj
    doc = cue.doc
    k = cue.i + 1  # the head of the noun phrase right after the verb, however the parser hung it
    while k < min(len(doc), cue.i + 8) and doc[k].pos_ not in ("PRON", "PROPN", "NOUN") or \
            k + 1 < len(doc) and doc[k].dep_ == "compound" and doc[k + 1].pos_ in ("PROPN", "NOUN"):
        if doc[k].dep_ not in ("det", "amod", "compound", "poss", "case", "nummod", "punct", "advmod"):
            return None
        k += 1
    return doc[k] if k < len(doc) and doc[k].pos_ in ("PRON", "PROPN", "NOUN") else None


def _speech_tag(text: str, t: Token, qb: int) -> bool:
    """ '“Who knows?” Trump told reporters', '“…,” Maria Lopez, head of the institute and a
    lecturer at …, said': the verb's subject opens right after the closing mark, and its
    description holds no sentence end or paragraph break. Then the verb tags the quotation
    however far it stands (a finished question or exclamation included). After a full stop only a
    bare tag counts ('“… hidden now.” Mayor Lund said.'), not a verb with a claim of its own."""
    end = text[qb - 2:qb - 1] + text[qb - 3:qb - 2]
    if t.idx - qb > 300 or not any(m in end for m in ",?!."):
        return False
    if "." in end and any(c.i > t.i and (c.dep_ in ("ccomp", "dobj", "xcomp", "conj", "advcl", "parataxis") or
                                         c.dep_ == "prep" and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree))
                          for c in t.children):
        return False
    subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i), None)
    if subj is None or not 0 <= subj.left_edge.idx - qb <= 2 or "\n" in text[qb:t.idx]:
        return False
    return not any(x.text in (".", "!", "?", ";") for x in t.doc[subj.left_edge.i:t.i])


def _own_clause(t: Token, text: str, qa: int, qb: int, inside) -> bool:
    """The verb reports a clause of its own outside the quotation ('“Wow!” … She said that the
    campaign would go on'): it is not that quotation's cue."""
    for c in t.children:
        if c.dep_ == "ccomp" and c.i > t.i and any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            ca, cb = _span_chars(c.subtree)
            if (cb <= qa or ca >= qb) and not inside_marks(text, ca) and not inside(ca + 1):
                return True
    return False


def inside_marks(text: str, pos: int) -> bool:
    """The clause opens with a quotation mark (then it is the quotation's own words)."""
    return text[pos:pos + 1] in _QUOTE_CHARS


class _Article:
    """What the three finders share for one document: text, quotation spans, what is taken."""

    def __init__(self, doc: Doc, actors, text: str):
        self.doc = doc
        self.text = text
        self.speakers = _Speakers(doc, actors)
        self.qspans = quote_spans(self.text)
        self.n_words = [len(_WORD.findall(self.text[a:b])) for a, b in self.qspans]
        self.covered: list[tuple[int, int]] = []  # content spans already given to a quote
        self.used_cues: set[int] = set()  # token indices of cues already used
        self._sents: list[tuple[int, int]] | None = None

    def inside(self, pos: int) -> bool:
        """``pos`` lies within a quotation (between its marks)."""
        for a, b in self.qspans:
            if a < pos < b - 1:
                return True
            if a > pos:
                break
        return False

    def in_covered(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.covered)

    def sent_of(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of token ``i``'s sentence; ``Token.sent`` rescans the doc
        on every call, which costs more than the whole finder on a long article."""
        if self._sents is None:
            self._sents = []
            for sent in self.doc.sents:
                self._sents += [(sent.start, sent.end)] * (sent.end - sent.start)
        return self._sents[i]

    def covered_index(self):
        """A fast ``in_covered`` for the current spans: merged intervals searched by bisection."""
        merged: list[list[int]] = []
        for a, b in sorted(self.covered):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        starts = [m[0] for m in merged]

        def taken(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and pos < merged[k][1]
        return taken


def extract_quotes(doc: Doc, actors) -> list[Quote]:
    """Every direct and indirect quotation in ``doc``, in text order."""
    text = doc.text  # Doc.text joins every token: read it once
    if not text:
        return []
    cands = candidates(doc, actors, text)
    from .rank import select  # the learned ranker (data/ranker.json); without it, every rule output

    return select(doc, cands, text)


def candidates(doc: Doc, actors, text: str | None = None, extra: bool | None = None) -> list[tuple[Quote, str]]:
    """Every quotation the rules find, each with the finder that made it, plus the looser
    "extra" reports (any verb or claim noun with a speaker and a complement) for the ranker to
    accept or refuse. Why: the rules are precise on the reporting verbs they know; the corpus
    marks many more stances ("blasted the plan", "has made no secret of …") that only a
    learned score can tell from plain deeds."""
    text = doc.text if text is None else text
    art = _Article(doc, actors, text)
    if extra is None:
        from .rank import has_model

        extra = has_model()
    out: list[Quote] = []
    more: list[Quote] | None = [] if extra else None
    _transcripts(art, out)
    _direct_quotes(art, out)
    _reported(art, out, more)
    out.sort(key=lambda q: q.content.start)
    kept = _dedupe(out)
    more = _unique(more) if more else []
    extra_ids = {id(q) for q in more}
    both = sorted(kept + more, key=lambda q: q.content.start)
    out2 = [(q, "extra" if id(q) in extra_ids else "rule") for q in both]
    if extra:
        out2 += [v for q, origin in out2 for v in
                 (_direct_variants(doc, text, q, origin, art) if q.direct else _variants(doc, text, q, origin))]
    return out2


def _variants(doc: Doc, text: str, q: Quote, origin: str) -> list[tuple[Quote, str]]:
    """Shorter readings of an object-like content, for the ranker to weigh against the long one:
    the object without what trails it ("cited [the figure] at the forum …"), and the object of a
    stance noun ("expressed misgivings about [the plan]", cue "expressed misgivings about")."""
    span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    if root.dep_ not in ("dobj", "pobj") or root.pos_ not in ("NOUN", "PROPN", "PRON"):
        return _clause_cuts(doc, text, q, origin, span)
    out = []
    # the object alone, without what trails it or the verb's phrases after it ("introduced
    # [Trump] at a number of rallies")
    a = max(root.left_edge.idx, q.content.start)
    b = root.idx + len(root.text)
    if b > a and len(_WORD.findall(text[a:b])) < len(_WORD.findall(q.content.text)):
        out.append((Quote(q.speaker, q.cue, _tspan(text, a, b), False), origin + ":head"))
    if root.dep_ == "dobj" and root.pos_ == "NOUN" and q.cue is not None:
        prep = next((c for c in root.rights if c.dep_ == "prep" and c.i == root.i + 1 and c.lower_ in _NOUN_PREPS), None)
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if pobj is not None:
            a, b = _trim(text, *_span_chars([x for x in prep.subtree if x.i != prep.i]))
            if b > a:
                cue = _tspan(text, q.cue.start, prep.idx + len(prep.text))
                out.append((Quote(q.speaker, cue, _tspan(text, a, b), False), origin + ":nounprep"))
    return out


#: what may trail a clause without being part of the claim ("the worst was over [in April, when …]",
#: "he meets families [in a city that …]", "joined the race[, saying …]")
_CLAUSE_TAILS = frozenset({"advcl", "conj", "npadvmod", "relcl", "acl"})
#: prepositions that open the scene or the reason of a telling, not its claim
_CUT_PREPS = frozenset({"at", "on", "amid", "despite", "because"})


def _clause_cuts(doc: Doc, text: str, q: Quote, origin: str, span) -> list[tuple[Quote, str]]:
    """Shorter readings of a clause content: cut before the first trailing phrase of time or
    place, clause or conjoined verb hanging on its head. Why: the corpus marks the claim, and
    the parse hangs the scene of the telling on the claim's verb."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or root.dep_ in ("dobj", "pobj"):
        return []
    for c in root.rights:
        if c.i >= span.end or c.i <= root.i:
            continue
        scene = c.dep_ == "prep" and (c.lower_ in _SCENE_PREPS or c.lower_ in _CUT_PREPS)
        if c.dep_ not in _CLAUSE_TAILS and not scene:
            continue
        k = c.left_edge.i
        while k > root.i and (doc[k - 1].is_punct or doc[k - 1].dep_ == "cc"):
            k -= 1
        if k <= span.start:
            continue
        a, b = _trim(text, q.content.start, doc[k - 1].idx + len(doc[k - 1].text))
        if b > a and 2 <= len(_WORD.findall(text[a:b])) < len(_WORD.findall(q.content.text)):
            return [(Quote(q.speaker, q.cue, _tspan(text, a, b), False), origin + ":cut")]
    return []


def _direct_variants(doc: Doc, text: str, q: Quote, origin: str, art: _Article) -> list[tuple[Quote, str]]:
    """Other readings of a quotation in marks, for the ranker: the sentence that embeds a short
    quotation before its cue (a mixed quotation: "X plans to … "a phrase," Y said"), and the
    first part alone of two quotations joined across a sentence-final cue ("A," he said. "B")."""
    if q.cue is None or not q.cue.text[:1].isalpha():
        return []
    out: list[tuple[Quote, str]] = []
    ca, cb = q.content.start, q.content.end
    inner = [(a, b) for a, b in art.qspans if ca <= a and b <= cb]
    first = doc.char_span(ca, ca + 1, alignment_mode="expand")
    if first is not None and len(first) and inner and q.cue.start >= cb:
        s0, _ = art.sent_of(first[0].i)
        a = doc[s0].idx
        pa = text.rfind("\n", 0, ca) + 1
        a = max(a, pa)
        if len(_WORD.findall(text[a:ca])) >= 3:
            a, b = _trim(text, a, cb)
            out.append((Quote(q.speaker, q.cue, _tspan(text, a, b), False), origin + ":mixed"))
    if len(inner) >= 2 and inner[0][1] <= q.cue.start < inner[1][0]:
        gap = text[inner[0][1]:inner[1][0]].rstrip()
        if gap.endswith("."):
            a, b = inner[0]
            out.append((Quote(q.speaker, q.cue, _tspan(text, a, b), True), origin + ":first"))
    return out


def _transcripts(art: _Article, out: list[Quote]) -> None:
    """Transcript turns "NAME: …" (interviews, debates) and a headline "Name: …"."""
    doc, text, speakers, covered = art.doc, art.text, art.speakers, art.covered
    turns = [m for m in _TRANSCRIPT.finditer(text)
             if m.end(1) - m.start(1) >= 2 and text[m.start(1):m.end(1)].upper() == text[m.start(1):m.end(1)]
             and text[m.start(1):m.end(1)].lower().strip(".") not in _NOT_SPEAKERS]
    head = _HEADLINE.match(text)
    if head and not any(m.start() == 0 for m in turns) and head.group(1).lower().strip(".") not in _NOT_SPEAKERS \
            and _names_someone(doc, *head.span(1)):
        turns.insert(0, head)
    turn_starts = [m.start() for m in turns]
    for k, m in enumerate(turns):
        name_a, name_b = m.span(1)
        c_a = m.end()
        c_b = text.find("\n", c_a)
        c_b = len(text) if c_b < 0 else c_b
        if m is not head:  # a turn runs on over quoted paragraphs until the next speaker
            nxt = turn_starts[k + 1] if k + 1 < len(turn_starts) else len(text)
            while c_b < nxt:
                p_a = c_b + 1
                while p_a < len(text) and text[p_a] == "\n":
                    p_a += 1
                if p_a >= nxt or not text.startswith(("\"", "“"), p_a) or p_a - c_b > 3:
                    break
                p_b = text.find("\n", p_a)
                c_b = min(nxt, len(text) if p_b < 0 else p_b)
        c_a, c_b = _trim(text, c_a, c_b)
        if len(_WORD.findall(text[c_a:c_b])) < 2:
            continue
        tok = doc.char_span(name_a, name_b, alignment_mode="expand")
        spk = speakers.make(tok.root, text, span=(name_a, name_b)) if tok is not None and len(tok) else \
            {"text": text[name_a:name_b], "start": name_a, "end": name_b, "code": None}
        colon = text.index(":", name_b)
        out.append(Quote(spk, _tspan(text, colon, colon + 1), _tspan(text, c_a, c_b), True))
        covered.append((c_a, c_b))



def _direct_quotes(art: _Article, out: list[Quote]) -> None:
    """Quotations in marks with their cue, merging a quotation split around its cue."""
    doc, text, speakers, covered, used_cues = art.doc, art.text, art.speakers, art.covered, art.used_cues
    qspans, n_words, inside = art.qspans, art.n_words, art.inside
    i = 0
    pending: int | None = None  # start of an uncued quote that the next quote's cue may claim
    while i < len(qspans):
        qa, qb = qspans[i]
        if (n_words[i] < 4 and not (n_words[i] >= 2 and _sentence_like(text, qa, qb))) or \
                any(a <= qa < b for a, b in covered):
            i += 1
            pending = None
            continue
        cue = _cue_for_quote(doc, text, qa, qb, inside, art.sent_of)
        if cue is None and i + 1 < len(qspans):
            gap = text[qb:qspans[i + 1][0]]
            if "\n" not in gap and len(gap) < 40:
                pending = qa if pending is None else pending
                i += 1
                continue
        if pending is not None:
            if cue is not None:
                qa = pending
            pending = None
        spk_tok = _quote_speaker(cue, qa, qb) if cue is not None else None
        dash_spk = None
        if cue is None:
            dash_spk = _dash_speaker(doc, text, qb)
        end = qb
        # "A," he said, "B."  and  "A," he said. "B."  → one quote (same paragraph, no cue of its own)
        if cue is not None:
            while i + 1 < len(qspans):
                na, nb = qspans[i + 1]
                gap = text[end:na]
                if "\n" in gap or len(gap) > 300 or n_words[i + 1] < 2 or gap.rstrip().endswith(":") or \
                        len(_WORD.findall(gap)) > 1.0 * (len(_WORD.findall(text[qa:end])) + n_words[i + 1]):
                    break  # a long narrative gap: the second quotation is its own record
                other = _cue_for_quote(doc, text, na, nb, inside, art.sent_of)
                if other is not None and other.i != cue.i:
                    break
                end = nb
                i += 1
        if cue is None and dash_spk is None:
            # a paragraph that is all quotation, right after a cued quote, goes on with the same voice
            prev = out[-1] if out else None
            if prev is not None and prev.direct and _whole_paragraph(text, qa, qb) and \
                    text.count("\n", prev.content.end, qa) <= 2 and text[prev.content.end:qa].strip().count("\n") == 0 \
                    and qa - prev.content.end < 150:
                out[-1] = Quote(prev.speaker, prev.cue, _tspan(text, prev.content.start, qb), True)
                covered[-1] = (prev.content.start, qb)
            elif n_words[i] >= 4:
                colon = _colon_before(doc, text, qa, art.sent_of)
                if colon is not None:
                    at, who = colon
                    spk = speakers.make(who, text) if who is not None else None
                    out.append(Quote(spk, _tspan(text, at, at + 1), _tspan(text, qa, qb), True))
                    covered.append((qa, qb))
            i += 1
            continue
        if cue is not None and end == qb:
            # a short quote inside the cue's clause: the clause is the content ("says X was “unhinged.”")
            for c in cue.children:
                if c.dep_ == "ccomp":
                    ca, cb = _span_chars(c.subtree)
                    if ca <= qa and qb <= cb + 1 and len(_WORD.findall(text[ca:cb])) - n_words[i] >= 3:
                        qa, end, direct = ca, max(cb, qb), False
                        break
            else:
                direct = True
            if direct and n_words[i] < 6 and not _sentence_like(text, qa, qb):
                i += 1
                continue
        else:
            direct = True
        if cue is not None:
            used_cues.add(cue.i)
            cue_span = _tspan(text, cue.idx, cue.idx + len(cue.text))
            spk = None
            if spk_tok is not None:
                a, b = _np_span(spk_tok)
                if spk_tok.i > cue.i:  # an inverted speaker never takes in its verb ("tweeted a campaign aide …")
                    a = max(a, cue.idx + len(cue.text) + 1)
                spk = speakers.make(spk_tok, text, span=(a, b))
        else:
            dash, (sa, sb) = dash_spk
            cue_span = _tspan(text, dash, dash + 1)
            st = doc.char_span(sa, sb, alignment_mode="expand")
            spk = speakers.make(st.root, text, span=(sa, sb)) if st is not None and len(st) else None
        out.append(Quote(spk, cue_span, _tspan(text, qa, end), direct))
        covered.append((qa, end))
        i += 1


def _reported(art: _Article, out: list[Quote], extra: list[Quote] | None = None) -> None:
    """Indirect speech, stances, "according to" and claim nouns outside the quotations.

    With ``extra``, every other verb and noun is also tried as if it were a learned cue, in the
    same pass over the tokens: candidates for the ranker (into ``extra``), not records yet."""
    doc, text, speakers, used_cues, inside, in_covered = (art.doc, art.text, art.speakers, art.used_cues,
                                                          art.inside, art.in_covered)
    taken = art.covered_index()
    for t in doc:
        if t.i in used_cues or taken(t.idx):
            if extra is not None and t.i in used_cues and not taken(t.idx) and t.pos_ == "VERB":
                # the clause around a short quotation ("said that … “we are still counting”"):
                # another reading of the cue a quotation took, for the ranker to weigh
                q = _indirect(doc, text, t, verb_lemma(t), speakers, lambda pos: False)
                if q is not None and any(a < q.content.end and q.content.start < b and
                                         len(_WORD.findall(q.content.text)) >= len(_WORD.findall(text[a:b])) + 3
                                         for a, b in art.covered):
                    extra.append(q)
            continue
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" or low == "in" and t.dep_ == "prep":
            q = _according(doc, text, t, speakers) if low == "according" else _in_source(text, t, speakers)
            if q is not None and not in_covered(q.content.start):
                out.append(q)
            continue
        pos = t.pos_
        if pos == "ADJ" and extra is not None:
            q = _adj_cue(doc, text, t, speakers)
            if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                extra.append(q)
            continue
        if pos != "VERB" and pos != "NOUN":
            continue
        lemma = verb_lemma(t)
        if extra is not None and (lemma in SEEMING or lemma in PASSIVE_VIEW):
            q = _seeming(doc, text, t, lemma)
            if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                extra.append(q)
        q = None
        if pos == "NOUN":
            claim = lemma in NOUN_CUES or lemma in _learned_nouns()
            if claim:
                q = _noun_cue(doc, text, t, speakers)
                if q is not None and not in_covered(q.content.start):
                    out.append(q)
                    continue
            if extra is not None:
                q = _noun_cue(doc, text, t, speakers, relaxed=True, claim=claim)
                if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                    extra.append(q)
            continue
        if lemma in NOT_CUES and lemma not in AS_CUES:
            continue
        q = _indirect(doc, text, t, lemma, speakers, inside)
        if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
            out.append(q)
            continue
        if extra is not None and lemma not in NOT_CUES:
            q = _indirect(doc, text, t, lemma, speakers, inside, relaxed=True)
            if q is not None and not in_covered(q.content.start) and not in_covered(q.content.end - 1):
                extra.append(q)
            q = _pronoun_object(text, t, speakers)
            if q is not None and not in_covered(q.content.start):
                extra.append(q)


#: pronouns that stand for a claim made earlier ("doesn't believe it", "would say so")
_CLAIM_PRONOUNS = frozenset({"it", "this", "that", "so", "them"})


def _pronoun_object(text: str, v: Token, speakers: _Speakers) -> Quote | None:
    """ "denied it", "would say so": the claim is the pronoun (the corpus marks it so); a
    candidate for the ranker only."""
    kids = list(v.children)
    subj = _subject(v)
    if subj is None or any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids):
        return None
    obj = next((c for c in kids if c.i > v.i and c.lower_ in _CLAIM_PRONOUNS and
                (c.dep_ == "dobj" or c.lower_ == "so" and c.dep_ == "advmod" and c.i == v.i + 1)), None)
    if obj is None:
        return None
    return Quote(speakers.make(subj, text), _tspan(text, v.idx, v.idx + len(v.text)),
                 _tspan(text, obj.idx, obj.idx + len(obj.text)), False)


def _seeming(doc: Doc, text: str, v: Token, lemma: str) -> Quote | None:
    """A view held by nobody named: the whole clause of "the plan seems doomed", "X appears to
    have declined", "the deficit is projected to reach …" (the corpus marks these without a
    source). A candidate for the ranker only."""
    kids = list(v.children)
    if lemma in SEEMING:
        if not any(c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp") or
                   (c.dep_ == "prep" and c.lower_ in ("like", "as")) for c in kids if c.i > v.i):
            return None
        if not any(c.dep_ in ("nsubj", "expl") for c in kids):
            return None
    elif not (any(c.dep_ == "nsubjpass" for c in kids) and any(c.dep_ == "xcomp" for c in kids if c.i > v.i)) \
            or any(c.dep_ == "agent" for c in kids):
        return None
    toks = [x for x in v.subtree if not (x.dep_ in ("cc", "mark") and x.head.i == v.i and x.i < v.i)]
    return _clause_quote(text, v, toks, None)


def _clause_quote(text: str, v: Token, toks: list[Token], speaker: dict | None) -> Quote | None:
    """A report whose content is a clause's tokens, kept within the cue's paragraph, without its
    full stop, and at least four words long; the cue is the one token ``v`` (a verb, or "In")."""
    a, b = _span_chars(toks)
    pa, pb = _paragraph(text, v.idx)
    a, b = _trim(text, max(a, pa), min(b, pb))
    b = _drop_stop(text, a, b)
    if len(_WORD.findall(text[a:b])) < 4:
        return None
    return Quote(speaker, _tspan(text, v.idx, v.idx + len(v.text)), _tspan(text, a, b), False)


def _adj_cue(doc: Doc, text: str, adj: Token, speakers: _Speakers) -> Quote | None:
    """A stance adjective after a copula with its topic ("was critical of the deal", "is
    confident that …"): the subject holds the view. A candidate for the ranker only."""
    if adj.dep_ not in ("acomp", "oprd") or adj.head.pos_ not in ("AUX", "VERB"):
        return None
    subj = _subject(adj.head)
    if subj is None:
        return None
    comp = next((c for c in adj.children if c.i > adj.i and (c.dep_ == "ccomp" or
                 c.dep_ == "prep" and c.lower_ in ADJ_PREPS and
                 any(x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in _MEASURES for x in c.children))), None)
    if comp is None:
        return None
    toks = [x for x in comp.subtree if x.i != comp.i] if comp.dep_ == "prep" else list(comp.subtree)
    if not toks:
        return None
    a, b = _trim(text, *_span_chars(toks))
    b = _drop_stop(text, a, b)
    if b <= a or "\n" in text[a:b]:
        return None
    cue_end = comp.idx + len(comp.text) if comp.dep_ == "prep" else adj.idx + len(adj.text)
    return Quote(speakers.make(subj, text), _tspan(text, adj.idx, cue_end), _tspan(text, a, b), False)


def _names_someone(doc: Doc, a: int, b: int) -> bool:
    """A headline's "X:" is a speaker when X is one word ("Poll:") or holds a name ("Pat Lee:")."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    return len(span) == 1 or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)


def _whole_paragraph(text: str, a: int, b: int) -> bool:
    """The quotation is the whole paragraph (newspaper continuation of a speaker's words)."""
    return (a == 0 or text[a - 1] == "\n") and (b >= len(text) or text[b:b + 1] == "\n")


def _sentence_like(text: str, a: int, b: int) -> bool:
    """A quotation that is a statement on its own: starts a sentence or ends one inside the marks."""
    inner = text[a:b].strip(_QUOTE_CHARS + " ")
    before = text[max(0, a - 3):a].strip()
    return bool(inner) and (inner[-1:] in ".?!," or not before or before[-1:] in ".:\n") and inner[:1].isupper()


def _colon_before(doc: Doc, text: str, qa: int, sent_of) -> tuple[int, Token | None] | None:
    """ 'The minister put it this way: “…”', 'In a letter, the union wrote:\n“…”': a colon right
    before a quotation introduces it; the speaker is the subject of the clause before the colon."""
    j = qa
    while j > 0 and text[j - 1] in " \t\n\u00a0" and qa - j < 4:
        j -= 1
    if j == 0 or text[j - 1] != ":":
        return None
    at = j - 1
    tok = doc.char_span(at, at + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return at, None
    start = sent_of(tok[0].i)[0]
    verbs = [t for t in doc[start:tok[0].i] if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp")]
    subj = _subject(verbs[-1]) if verbs else None
    if subj is not None and subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        subj = None
    return at, subj


def _dash_speaker(doc: Doc, text: str, qb: int) -> tuple[int, tuple[int, int]] | None:
    """ '“…” ― Jane Doe' : the dash and the name after a closing quote."""
    j = qb
    while j < len(text) and text[j].isspace() and j - qb < 4:
        j += 1
    if j >= len(text) or text[j] not in _DASHES:
        return None
    k = j + 1
    while k < len(text) and text[k].isspace() and text[k] != "\n":  # NBSP after the dash is common
        k += 1
    m = re.match(r"(?:[A-Z][\w.'’-]*\s?){1,4}", text[k:k + 60])
    if not m:
        return None
    name = m.group().rstrip()
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):  # a closing full stop, not "Jr." / "J."
        name = name[:-1] if not name.endswith(("Jr.", "Sr.")) else name
    return j, (k, k + len(name))


def _according(doc: Doc, text: str, t: Token, speakers: _Speakers) -> Quote | None:
    to = doc[t.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    src = objs[0]
    sent = t.sent
    pa, pb = t.idx, src.right_edge.idx + len(src.right_edge.text)
    s_a, s_b = sent.start_char, sent.end_char
    left = _trim(text, s_a, pa)
    right = _trim(text, pb, s_b)
    right = (right[0], right[1] - (1 if right[1] > right[0] and text[right[1] - 1] in ".!?" else 0))
    # the claim is the side holding the sentence's main verb ("X rose, according to Y, more than …")
    ca, cb = left if sent.root.idx < pa and left[1] > left[0] else right
    if len(_WORD.findall(text[ca:cb])) < 3:
        return None
    cue = _tspan(text, t.idx, to.idx + len(to.text))
    return Quote(speakers.make(src, text), cue, _tspan(text, ca, cb), False)


def _indirect(doc: Doc, text: str, v: Token, lemma: str, speakers: _Speakers, inside,
              relaxed: bool = False) -> Quote | None:
    comp = None
    kids = list(v.children)  # each pass over Token.children makes new Token objects
    learned = relaxed or lemma in _learned_lemmas() and (lemma, verb_frame(v)) in _learned()
    # a clause after the verb first: "…” Pence said in a statement that the report …" (the clause
    # before it may be a quotation or a misparse of the sentence before)
    for c in sorted(kids, key=lambda c: c.i < v.i):
        if c.dep_ == "ccomp" and (lemma in SPEECH or learned or _claim_clause(v, c)) or \
                (c.dep_ == "parataxis" and (lemma in SPEECH or learned)) \
                or (c.dep_ == "advcl" and lemma in SPEECH and c.i > v.i and (c.left_edge.lower_ == "that" or
                    c.left_edge.lower_ in ("if", "whether") and lemma in QUESTION_VERBS)):
            comp = c
            break
    if comp is None and lemma in SPEECH:
        comp = _stranded_clause(v)
    if comp is None and (lemma in XCOMP_CUES or learned):
        for c in kids:
            if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for" and lemma == "call") or \
                    (c.dep_ == "advcl" and c.i > v.i and c.left_edge.lower_ == "for"):  # "called for the board to reopen …"
                comp = c
                break
    if comp is None and lemma in _SPEECH_OR_NP:
        for c in kids:  # "admitted using …", "suggested looking at …"
            if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i > v.i:
                comp = c
                break
    np_tail: list[Token] = []
    as_view = lemma in AS_CUES and any(c.dep_ == "prep" and c.lower_ == "as" for c in kids)
    if comp is None and (lemma in NP_CUES or as_view or learned or (lemma in SPEECH and lemma not in _BARE_SPEECH)):
        oprd = any(x.dep_ == "oprd" for x in kids)  # "called it a sham": the pronoun is the topic
        for c in kids:
            if c.dep_ == "dobj" and lemma in _BARE_SPEECH and _hearer(c):
                break  # "told reporters", "asked the minister": who hears it, not what is said
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON") and (oprd or c.lower_ not in ("it", "this", "that", "them")):
                comp = c
                np_tail = [x for x in kids if x.i > c.i and (x.dep_ in ("oprd", "ccomp", "xcomp") or
                           (x.dep_ == "prep" and x.lower_ in ("for", "as", "over", "to", "of")))]
                break
    if comp is None and lemma in NP_CUES:  # "called her “third-rate”" parsed without an object
        comp = next((c for c in kids if c.dep_ == "oprd" and c.i > v.i), None)
    if comp is None and (lemma in _SPEECH_OR_NP or learned) and lemma not in ("say", "tell"):
        for c in kids:  # "warned against …", "complained about …", "accused her of …"
            if c.dep_ == "prep" and c.i > v.i and (c.lower_ in _ABOUT_PREPS or (c.lower_, lemma) in _VERB_PREPS or
                                                   relaxed and c.i <= v.i + 2 and c.lower_ not in _SCENE_PREPS) \
                    and any(x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in _MEASURES for x in c.children) \
                    and not any(x.dep_ == "pobj" and x.lemma_.lower() in _NOT_TOPIC for x in c.children):
                comp = c  # (not "spoke for 40 minutes", "spoke on condition of anonymity")
                break
    if inside(v.idx):
        return None
    subj = _subject(v)
    if subj is None and comp is not None and comp.dep_ == "ccomp" and lemma in SPEECH and v.dep_ in ("dep", "ROOT"):
        subj = _orphan_subject(v)
    if comp is None and (lemma in NP_CUES or lemma in SPEECH):
        # passive: "the plan was criticised by the opposition" → the opposition says so about the plan
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None and subj is not None and subj.dep_ == "nsubjpass" and \
                (lemma not in PHYSICAL or subj.ent_type_ == "PERSON"):  # "the base was attacked by rebels" is a deed
            a, b = _np_span(subj)
            cue_end = agent.idx + len(agent.text)
            return Quote(speakers.make(pobj, text), _tspan(text, v.idx, cue_end), _tspan(text, a, b), False)
    aside = _aside(v, subj) if comp is None and v.dep_ == "parataxis" and subj is not None and v.head.i < v.i else None
    if comp is None and v.dep_ == "parataxis" and lemma in SPEECH and subj is not None and (v.head.i > v.i or aside):
        # "The museum, Mr. Bush said, celebrated …", "So it pays, analysts said, for the firm
        # to …": the sentence around the aside is the content; "The mill drew no bid, the owner
        # said, on condition of anonymity": the sentence before it
        sent = v.sent
        end = doc[subj.left_edge.i - 1].idx if aside == "trailing" else sent.end_char
        a, b = _trim(text, max(sent.start_char, text.rfind("\n", 0, v.idx) + 1), end)
        if b > a and text[b - 1] in ".!?":
            b -= 1
        if len(_WORD.findall(text[a:b])) >= 6:
            return Quote(speakers.make(subj, text), _tspan(text, v.idx, v.idx + len(v.text)), _tspan(text, a, b), False)
    if comp is None and relaxed and subj is not None and subj.dep_ == "nsubjpass" and \
            not any(c.dep_ == "agent" for c in kids):
        # "the report was released", "the protester was identified as …": what is reported on, by nobody named
        a, b = _np_span(subj)
        return Quote(None, _tspan(text, v.idx, v.idx + len(v.text)), _tspan(text, a, b), False)
    if comp is None and lemma in SPEECH:
        q = _as_report(text, v, speakers)
        if q is not None:
            return q
    if comp is None and lemma in _BARE_SPEECH | {"claim", "argue", "insist", "warn", "note", "explain", "predict"}:
        return _unparsed_report(doc, text, v, speakers)
    if comp is None or subj is None and not (v.dep_ in _SUBJECTLESS and (lemma in SPEECH or learned)):
        return None
    if lemma in PHYSICAL and comp.dep_ == "dobj" and not _aimed_at_person(comp, np_tail):
        return None  # a deed of war in conflict news, whatever a political corpus would say
    if comp.dep_ == "prep":
        toks = [x for x in comp.subtree if x.i != comp.i]
    elif comp.dep_ == "dobj":
        toks = _np_content(comp)
    else:
        toks = list(comp.subtree)
    if comp.dep_ == "xcomp":  # "urged both sides to talk": the addressee belongs to the demand
        toks += [x for c in kids if c.dep_ == "dobj" and c.i < comp.i for x in c.subtree]
    for x in np_tail:
        toks += list(x.subtree)
    if comp.dep_ in ("dobj", "prep"):
        toks += [x for c in _right_complements(v, comp, lemma in XCOMP_CUES) for x in c.subtree]
    toks = sorted(set(toks) - _next_reports(comp), key=lambda x: x.i)
    if comp.dep_ == "advcl" and toks and toks[0].dep_ == "mark" and toks[0].lower_ == "for":
        toks = toks[1:]  # "called for …": the preposition belongs to the cue
    if not toks:
        return None
    a, b = _span_chars(toks)
    if relaxed and a < v.idx < b:
        return None  # an object before the verb and a phrase after it ("What Farmers Need To Know"): no claim
    # a report never runs over a paragraph break ('…” \n\n Lenox was …, Mr. Clarke said')
    pa, pb = _paragraph(text, v.idx)
    a, b = max(a, pa), min(b, pb)
    if b <= a:
        return None
    if b < len(text) and text[b] in _QUOTE_CHARS and text.count(text[b], a, b) % 2 == 1 or \
            text[b:b + 2] in (',"', ",”", ".”", '."'):  # keep the closing mark of a quotation it contains
        b = b + (1 if text[b] in _QUOTE_CHARS else 2)
    semi = text.find(";", a, b)
    if semi > 0 and v.idx < a:  # "X said the timing was chance; they only learned of it later"
        b = semi
    # "The plant, she said, will close": the content is interrupted by its cue; keep it whole
    a, b = _trim(text, a, b)
    b = _drop_stop(text, a, b)
    n = len(_WORD.findall(text[a:b]))
    if n < (1 if comp.dep_ == "dobj" and (comp.pos_ == "PROPN" or learned) else 2 if lemma in SPEECH or learned or comp.dep_ == "xcomp" else 3):
        return None
    if lemma in CLAUSE_ONLY and not relaxed and not any(x.pos_ in ("VERB", "AUX") for x in toks):
        return None
    cue_end = v.idx + len(v.text)
    for c in kids:  # "called for", "pointed to" (not "said on Tuesday")
        if comp.dep_ == "advcl" and comp.left_edge.i == v.i + 1 and comp.left_edge.lower_ == "for":
            cue_end = comp.left_edge.idx + 3
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == v.i + 1 and c.lower_ in ("for", "to", "on", "out")
                               and not any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree)):
            cue_end = c.idx + len(c.text)
    spk = speakers.make(subj, text) if subj is not None else None
    return Quote(spk, _tspan(text, v.idx, cue_end), _tspan(text, a, b), False)


def _as_report(text: str, v: Token, speakers: _Speakers) -> Quote | None:
    """ "As Ortiz noted, the farmers will …", "The deal, as the minister said, is final": the
    clause the "as" report comments on is its content (around the aside when it stands inside)."""
    mark = next((c for c in v.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < v.i), None)
    if v.dep_ == "advcl" and mark is not None:
        clause, first, who = v.head, mark, _subject(v)
    elif v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "as" and v.head.head.dep_ == "prep":
        clause, first, who = v.head.head.head, v.head.head, v.head  # "As the newspaper reported in March, …"
    else:
        return None
    if who is None or clause.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("ccomp", "dobj") for c in v.children):
        return None
    last = max(first.i, v.right_edge.i)
    toks = [x for x in clause.subtree if not first.i <= x.i <= last and not (x.dep_ == "cc" and x.head.i == clause.i and x.i < first.i)]
    return _clause_quote(text, v, toks, speakers.make(who, text)) if toks else None


def _in_source(text: str, t: Token, speakers: _Speakers) -> Quote | None:
    """ "In a poll released Monday, 50 percent chose …": a clause opened by "in" and a poll,
    report or study is that source's finding (the cue is "In"), unless its verb reports speech
    itself ("In a report, the panel said …" is the panel's record)."""
    src = next((c for c in t.children if c.dep_ == "pobj"), None)
    clause = t.head
    if src is None or src.lemma_.lower() not in SOURCE_DOCS or clause.pos_ not in ("VERB", "AUX") or \
            verb_lemma(clause) in SPEECH or clause.i < t.i or t.i != t.sent.start and t.doc[t.i - 1].text != ",":
        return None
    toks = [x for x in clause.subtree if x.i > t.right_edge.i]
    if not toks or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return None
    return _clause_quote(text, t, toks, speakers.make(src, text))


def _orphan_subject(v: Token) -> Token | None:
    """ "…, the finance chief, Ruth Okafor, calmly suggested that …", parsed with no subject: the
    noun phrase right before the verb (past its adverbs and a comma) speaks; a name in apposition
    gives way to the phrase it describes, which keeps the name."""
    doc = v.doc
    k = v.i - 1
    while k > v.sent.start and (doc[k].dep_ == "advmod" or doc[k].text == ","):
        k -= 1
    tok = doc[k]
    if k < v.sent.start or tok.pos_ not in ("PROPN", "NOUN", "PRON") or tok.head.i > v.i:
        return None
    if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
        tok = tok.head  # one step only: the parser may hang the description itself on anything
    return tok


def _aside(v: Token, subj: Token) -> str | None:
    """Where a speech verb set off with its subject by a comma stands in its sentence: "trailing"
    ("…, the owner said, on condition of anonymity.": only phrases with no verb follow) or "mid"
    ("…, analysts said, for the firm to …": the sentence goes on after another comma)."""
    doc, sent = v.doc, v.sent
    k = subj.left_edge.i
    if not (subj.i < v.i and k > sent.start and doc[k - 1].text == ","):
        return None
    if not any(x.pos_ in ("VERB", "AUX") for x in doc[v.i + 1:sent.end]):
        return "trailing" if k > sent.start + 3 else None
    if v.i + 2 < sent.end and doc[v.i + 1].text == "," and not doc[v.i + 2].is_punct:
        return "mid"
    return None


def _stranded_clause(v: Token) -> Token | None:
    """A that-clause the parser hung on a noun in the verb's phrase of place or means ("said in
    one of a series of messages that the truck …"): a relative clause never opens with the
    conjunction "that" and a subject of its own, so it is the verb's claim."""
    for p in v.children:
        if p.dep_ != "prep" or p.i < v.i:
            continue
        for x in p.subtree:
            if x.dep_ in ("relcl", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in x.children) \
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in x.children):
                return x
    return None


def _is_report(t: Token) -> bool:
    """A verb that reports speech with a clause of its own ("… and said that B")."""
    return t.pos_ == "VERB" and (verb_lemma(t) in SPEECH or (verb_lemma(t), "ccomp") in _learned()) and \
        any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children)


def _next_reports(comp: Token) -> set[Token]:
    """Tokens of a second report conjoined inside a claim ("said A and said that B", "noting A
    and saying B"): that report is its own record, not part of the first one's content."""
    out: set[Token] = set()
    for t in comp.subtree:
        if t.dep_ == "conj" and t.i > comp.i and t not in out and _is_report(t):
            out.update(t.subtree)
            out.update(c for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i and c.i > t.head.i)
    return out


#: right-hand dependents of a cue that go on with what it says about its object
_GOES_ON = frozenset({"prep", "oprd", "xcomp", "ccomp", "dative", "dobj", "acomp"})


def _np_content(obj: Token) -> list[Token]:
    """An object as a claim: its phrase without an apposition or aside after a comma ("Cruz, a
    pastor from …", "the plan, which he later dropped")."""
    cut: set[int] = set()
    for c in obj.rights:
        comma = c.i > 0 and obj.doc[c.left_edge.i - 1].text == ","
        if c.dep_ == "appos" or (c.dep_ in ("relcl", "acl") and comma):
            cut.update(x.i for x in c.subtree)
            if comma:
                cut.add(c.left_edge.i - 1)
    toks = [x for x in obj.subtree if x.i not in cut]
    last = max((x.i for x in toks), default=obj.i)
    return [x for x in toks if x.i <= last and (x.i < min(cut, default=len(obj.doc)) or x.i < obj.i)]


def _right_complements(v: Token, comp: Token, demand: bool = False) -> list[Token]:
    """The verb's dependents after ``comp`` that continue the claim ("described the show as a
    farce", "called for contestants to wear …", "mentioned remarks he had made about her"),
    up to the first one that does not (a date, a conjoined verb, a clause of time or reason).
    With ``demand`` (a verb of asking), an infinitive the parser hung on the verb as a clause of
    purpose is what was asked ("called on both sides [to protect civilians]")."""
    out = []
    for c in v.rights:
        if c.i <= comp.i:
            continue
        if c.dep_ in ("punct",) and c.i == c.head.i + 1:
            continue
        if demand and c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux" \
                and c.left_edge.i == comp.right_edge.i + 1:
            out.append(c)
            continue
        if c.dep_ not in _GOES_ON or any(x.ent_type_ in ("DATE", "TIME") for x in c.subtree if x.dep_ == "pobj"):
            break
        out.append(c)
    return out


#: clauses whose reporting verb has no subject of its own ("a memo, widely described as …",
#: "those known to oppose …"): the claim stands, its speaker is unnamed
_SUBJECTLESS = frozenset({"acl", "advcl", "pcomp", "xcomp", "relcl"})


#: prepositions of time and place after a verb ("voted in Ohio", "spoke after the vote"): never
#: what a looser candidate is about
_SCENE_PREPS = frozenset({"in", "during", "after", "before", "since", "until", "within", "by", "near", "inside"})


#: entity types of a duration or amount, never what a statement is about
_MEASURES = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL", "MONEY", "PERCENT"})


def _hearer(obj: Token) -> bool:
    """The object of "tell" or "ask" that is an audience: a person, a body, a pronoun or a role."""
    return obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or \
        obj.lemma_.lower() in HEARERS or obj.lemma_.lower() in ROLE_NOUNS


def _aimed_at_person(obj: Token, tail: list[Token]) -> bool:
    """ "attacked Smith", "blasted her for …", "pounded Trump as a con artist" — not "attacked the base"."""
    return obj.ent_type_ == "PERSON" or obj.lower_ in ("him", "her", "them") or \
        any(x.dep_ == "oprd" or (x.dep_ == "prep" and x.lower_ in ("for", "as", "over")) for x in tail)


def _claim_clause(v: Token, c: Token) -> bool:
    """For a verb outside the lexicon, only a following that-clause with its own subject is a
    claim ("we recognise that the risk is real"); a clause before it is usually a misparse."""
    if c.i < v.i:
        return False
    kids = list(c.children)
    return any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids) and \
        (any(k.dep_ == "mark" and k.lower_ in ("that", "whether", "if") for k in kids) or c.i <= v.i + 3)


def _unparsed_report(doc: Doc, text: str, v: Token, speakers: _Speakers) -> Quote | None:
    """A reporting verb the parser left without a clause: take the rest of the sentence
    ("experts say the cost it takes …") or, for a trailing cue, the part before "…, she said"."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "advcl") for c in v.children if c.i > v.i and
           c.dep_ != "dobj" or c.dep_ == "dobj" and c.pos_ == "PRON"):
        return None
    subj = _subject(v)
    if subj is None:
        return None
    sent = v.sent
    pa, pb = _paragraph(text, v.idx)
    nxt = v.i + 1
    while nxt < sent.end and (doc[nxt].dep_ in ("dobj", "dative", "prt", "advmod", "npadvmod") and doc[nxt].i <= v.i + 3
                              or doc[nxt].lower_ == "that"):
        nxt += 1
    if subj.i < v.i and nxt < sent.end - 1 and not doc[nxt].is_punct:
        a, b = doc[nxt].idx, min(sent.end_char, pb)
    elif subj.i < v.i and subj.left_edge.i > sent.start + 3 and doc[subj.left_edge.i - 1].text == ",":
        a, b = max(sent.start_char, pa), doc[subj.left_edge.i - 1].idx
    else:
        return None
    a, b = _trim(text, a, b)
    b = _drop_stop(text, a, b)
    if len(_WORD.findall(text[a:b])) < 4:
        return None
    return Quote(speakers.make(subj, text), _tspan(text, v.idx, v.idx + len(v.text)), _tspan(text, a, b), False)


def _noun_cue(doc: Doc, text: str, n: Token, speakers: _Speakers, relaxed: bool = False,
              claim: bool = False) -> Quote | None:
    """ "Smith's claim that the vote was rigged", "Smith raised doubts about the count": the
    possessor, or the subject of the verb that has the noun as its object, says the clause or
    what the noun is about. ``relaxed`` (a candidate for the ranker): also the subject of "is a
    critic of", a one-word topic, and no holder at all for a known claim noun ("concerns about")."""
    owner = next((c for c in n.children if c.dep_ == "poss"), None)
    if owner is None:  # "claims by outside auditors that …", "the suggestion by a senator that …"
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > n.i), None)
        owner = next((x for x in by.children if x.dep_ == "pobj" and x.pos_ in ("NOUN", "PROPN", "PRON")), None) \
            if by is not None else None
    if owner is None and (n.dep_ == "dobj" and n.head.pos_ == "VERB" or
                          relaxed and n.dep_ == "attr" and n.head.lemma_ == "be"):
        owner = _subject(n.head)
        if owner is not None and owner.dep_ == "nsubjpass":
            owner = None
    if owner is None and not (relaxed and claim):
        return None
    clause = next((c for c in n.children if c.dep_ in ("acl", "ccomp") and c.i > n.i), None)
    if clause is not None:
        toks = list(clause.subtree)
    else:
        prep = next((c for c in n.children if c.dep_ == "prep" and c.i > n.i and c.lower_ in _NOUN_PREPS
                     and any(x.dep_ in ("pobj", "pcomp") for x in c.children)), None)
        if prep is None:
            return None
        toks = [x for x in prep.subtree if x.i != prep.i]
    a, b = _trim(text, *_span_chars(toks))
    if b > a and text[b - 1] in ".!?":
        b -= 1
    if len(_WORD.findall(text[a:b])) < (1 if relaxed else 2):
        return None
    spk = speakers.make(owner, text) if owner is not None else None
    return Quote(spk, _tspan(text, n.idx, n.idx + len(n.text)), _tspan(text, a, b), False)


#: prepositions that say what a claim noun is about: "doubts about", "criticism of", "a case against"
_NOUN_PREPS = frozenset({"about", "of", "on", "against", "for", "over", "toward", "towards", "with"})


def _dedupe(qs: list[Quote]) -> list[Quote]:
    """Drop repeats: the same content twice, or a report nested in another with the same cue.

    A report inside an indirect one ("X said Y claimed Z") is kept: both are claims an
    analyst may need, each with its own speaker.
    """
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in sorted(qs, key=lambda q: (q.content.start, -(q.content.end - q.content.start))):
        key = (q.content.start, q.content.end)
        if key in seen:
            continue
        if q.cue is not None and any(p.cue is not None and p.cue.start == q.cue.start for p in out):
            continue
        if any(p.content.start <= q.content.start and q.content.end <= p.content.end and
               (p.direct or q.cue is None or p.content.start <= q.cue.start < p.content.end) for p in out):
            continue  # nested in a quotation, or its cue is part of another report's content
        seen.add(key)
        out.append(q)
    return out


def _unique(qs: list[Quote]) -> list[Quote]:
    """One candidate per content span (the ranker sees nesting among them as a feature, so a
    report inside another one's words is kept for it to judge)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for q in qs:
        key = (q.content.start, q.content.end)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out
