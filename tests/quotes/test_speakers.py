"""Speakers: the mention that speaks, and the person or body a pronoun, relative or
description stands for."""

from __future__ import annotations

from eventwire.quotes import find_quotes


def test_pronoun_speaker_resolved_to_person(quotes, one):
    qs = quotes("Maria Keller arrived in the capital on Monday. She said the talks had failed.")
    q = one(qs, "talks")
    assert q.speaker["text"] == "She"
    assert q.speaker["name"] == "Maria Keller"
    assert q.speaker["resolved"]["text"] == "Maria Keller"


def test_description_speaker_linked_to_named_person(quotes, one):
    qs = quotes(
        "Lena Novak, a spokeswoman for the ministry, declined to give figures. "
        "The spokeswoman said the inquiry would take months."
    )
    q = one(qs, "inquiry")
    assert q.speaker["text"] == "The spokeswoman"
    assert q.speaker.get("name") == "Lena Novak"


def test_speaker_name_prefers_the_person_over_the_country(nlp, one):
    from eventwire.actors import find_actors

    text = "Defence Minister Olga Brandt visited the troops. “We will hold the line,” the minister told reporters."
    doc = nlp(text)
    q = one(find_quotes(doc, find_actors(doc)), "hold the line")
    assert q.speaker["name"] == "Olga Brandt"


def test_possessor_of_a_claim_noun(quotes, one):
    qs = quotes("The governor's claim that the dam was safe angered residents.")
    q = one(qs, "dam was safe")
    assert q.cue.text == "claim"
    assert q.speaker["text"].startswith("The governor")


def test_relative_pronoun_speaker_points_at_its_noun(quotes, one):
    qs = quotes("The bill was drafted by Senator Ruth Ames, who said the cuts were reckless.")
    q = one(qs, "cuts were reckless")
    assert q.speaker["text"] == "who" and q.speaker["name"] == "Senator Ruth Ames"


def test_affiliated_or_indefinite_roles_are_not_linked_back(quotes, one):
    text = (
        "Maria Keller met the envoy on Monday. Ukrainian officials said the talks had stalled. "
        "A spokesperson said the next round would be in May."
    )
    qs = quotes(text)
    assert "name" not in one(qs, "stalled").speaker
    assert "name" not in one(qs, "next round").speaker


def test_subject_through_a_gerund_after_a_preposition(quotes, one):
    q = one(quotes("The minister opened the session by describing the budget as a fair compromise."), "budget")
    assert q.cue.text == "describing" and q.speaker["text"] == "The minister"


def test_speaker_of_a_quote_is_outside_its_marks(quotes, one):
    # the parser takes "That" inside the marks for the subject of "said"
    q = one(quotes("''That, unhappily,'' he said, ''is the cost of trading on a world scale.''"), "unhappily")
    assert q.speaker["text"] == "he"
    # an inverted speaker the parser reads as the object of the verb
    text = "Officials spoke.\n\n“I suppose you never know, but the lead is very wide,” added a Maine Republican."
    assert one(quotes(text), "lead is very wide").speaker["text"] == "a Maine Republican"
    # a name in apposition belongs to the speaker; a description does not
    q = one(quotes("“We will appeal the ruling,” said the governor’s spokeswoman, Ana Ruiz."), "appeal")
    assert q.speaker["text"] == "the governor’s spokeswoman, Ana Ruiz"
    q = one(quotes("“We will appeal the ruling,” said her friend at college, Bruce Tan, who moved west."), "appeal")
    assert q.speaker["text"] == "her friend at college, Bruce Tan"
    q = one(quotes("The minister, a former general, said talks would resume."), "talks")
    assert q.speaker["text"] == "The minister"


def test_holder_of_a_claim_noun_by_agent(quotes, one):
    q = one(
        quotes("Claims by outside auditors that the accounts were false have angered the agency."),
        "accounts were false",
    )
    assert q.cue.text == "Claims" and q.speaker["text"] == "outside auditors"


def test_speaker_of_a_verb_the_parser_left_without_subject(quotes, one):
    text = (
        "Meeting lenders deeply wary about the bank's merger, the finance chief, Ruth Okafor, "
        "calmly suggested that the firm's recent losses were a blip."
    )
    q = one(quotes(text), "recent losses")
    assert q.cue.text == "suggested" and q.speaker["text"] == "the finance chief, Ruth Okafor"
