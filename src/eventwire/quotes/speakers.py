"""Who speaks, as a record: the noun phrase of a speaker, and the resolver that turns a speaker's
token into the speaker record (pronouns, relatives and role descriptions linked back to the
mention they stand for, and the actor behind it). The speaker token itself (the subject of a
reporting verb) is found by ``attribution.speakers``.

Why a layer of its own: every finder names its speaker the same way, and the resolver needs only
the parse and the actor index, not the quotations.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .words import PRONOUNS, ROLE_NOUNS


def _np_right(head: Token, names: bool = True) -> int:
    """The last token of a noun phrase without the clauses and asides trailing it; a name in
    apposition stays ("the governor's spokeswoman, Ana Ruiz"), without its own clauses."""
    right = head.i
    rights = list(head.rights)
    for k, c in enumerate(rights):
        if (
            names
            and c.dep_ == "punct"
            and c.text == ","
            and k + 1 < len(rights)
            and rights[k + 1].dep_ == "appos"
            and (rights[k + 1].ent_type_ == "PERSON" or rights[k + 1].pos_ == "PROPN")
        ):
            continue
        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj"):
            break
        right = _np_right(c, False) if c.dep_ == "appos" else c.right_edge.i
    return right


def np_span(head: Token) -> tuple[int, int]:
    """The noun phrase of a speaker (characters): its subtree, without relative clauses trailing it."""
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
    return (
        any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in kids)
        and not any(
            c.dep_ in ("amod", "compound", "poss", "nmod", "appos") and (c.ent_type_ or c.pos_ == "PROPN") for c in kids
        )
        and not any(t.ent_type_ == "PERSON" for t in head.subtree)
    )


class SpeakerResolver:
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
        """The speaker record of ``tok`` (its noun phrase, or ``span``): text, offsets, actor
        code, and the name and mention it resolves to."""
        a, b = span if span else np_span(tok)
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
            a2, b2 = np_span(head)
            ante = self.doc.char_span(a2, b2, alignment_mode="expand")
        elif tok.lemma_.lower() in ROLE_NOUNS and _bare_definite(tok):
            ante = self._role_antecedent(tok) if tok.tag_ == "NN" else self._antecedent(tok, self.groups)
        person = getattr(act, "person", None) if act is not None else None
        # the person (or body) behind a pronoun, relative or description; never just a country name
        if person:
            out["name"] = person
        elif ante is not None:
            out["name"] = ante.text
        if ante is not None:
            out["resolved"] = {"text": ante.text, "start": ante.start_char, "end": ante.end_char}
            if out["code"] is None:
                act2 = self._actor(ante.root, ante)
                out["code"] = getattr(act2, "code", None)
        return out
