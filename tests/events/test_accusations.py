"""Accusations and judgements: "X accused Y of shelling Z" is Y's shelling as X tells it, plus X's accusation of Y."""

from __future__ import annotations

from eventwire.events import find_events


def _by_root(events, *roots):
    found = [e for e in events if e.root in roots]
    assert found, f"no event of root {roots} in {[(e.cameo, e.trigger.text) for e in events]}"
    return found[0]


def _country(actor):
    return None if actor is None else actor.country


def test_accused_act_is_the_objects_and_only_reported(code_sentences):
    evs = code_sentences("The Malian army accused Tuareg rebels of shelling the garrison at Kidal.")
    acc = _by_root(evs, "11")
    assert acc.cameo.startswith("112") and acc.modality == "asserted"
    assert acc.source.sectors == ["MIL"] and acc.target.sectors == ["REB"]
    shell = _by_root(evs, "19")
    assert shell.source is not None and shell.source.sectors == ["REB"]  # not the accusing army
    assert shell.modality == "reported"
    assert [a.cue for a in shell.attribution] == ["accuse"]
    assert "army" in shell.attribution[0].text


def test_blamed_for_an_event_noun(code_sentences):
    evs = code_sentences("The Somali government blamed Kenyan troops for the air strike on the market.")
    acc = _by_root(evs, "11")
    assert _country(acc.source) == "SOM" and _country(acc.target) == "KEN"
    strike = _by_root(evs, "19")
    assert strike.source is not None and strike.source.code == "KENMIL"
    assert strike.modality == "reported" and strike.attribution[0].cue == "blame"


def test_held_responsible_is_an_accusation(code_sentences):
    evs = code_sentences("The Nigerian police held the separatist militia responsible for the bombing of the depot.")
    acc = _by_root(evs, "11")
    assert acc.trigger.text == "held" and acc.target is not None and acc.target.sectors == ["REB"]
    bomb = _by_root(evs, "18")
    assert bomb.source is not None and bomb.source.sectors == ["REB"] and bomb.modality == "reported"


def test_accused_party_is_the_target_even_from_the_same_country(code_sentences):
    # the bare "ministry" takes the article's country (Chad): the accused is still the target, not Sudan
    evs = code_sentences("The ministry accused Chad of bombing Arab villages in Sudan.")
    acc = _by_root(evs, "11")
    assert acc.target is not None and acc.target.code == "TCD"


def test_judged_act_is_the_objects_and_stays_asserted(code_sentences):
    # a condemnation takes the act as given: the object did it, and it is not the speaker's claim
    evs = code_sentences("Chad condemned Libya for bombing the oasis town.")
    bomb = _by_root(evs, "19", "18")
    assert _country(bomb.source) == "LBY" and bomb.modality == "asserted"


def test_to_blame_without_an_object_reports_nothing(code_sentences):
    evs = code_sentences("A panel will find out who is to blame for the attacks on the ferry.")
    att = _by_root(evs, "19")
    assert not any(a.cue == "blame" for a in att.attribution)


def test_of_phrase_hung_on_the_object(pinned_doc):
    """The parser may hang "of shelling" on the accused rather than on the verb; pinned parse."""
    from eventwire import actors

    doc = pinned_doc(
        [
            ("Ghana", 1, "nsubj", "NNP", "PROPN", "Ghana", "B-GPE"),
            ("accused", 1, "ROOT", "VBD", "VERB", "accuse", "O"),
            ("Togo", 1, "dobj", "NNP", "PROPN", "Togo", "B-GPE"),
            ("of", 2, "prep", "IN", "ADP", "of", "O"),
            ("shelling", 3, "pcomp", "VBG", "VERB", "shell", "O"),
            ("the", 6, "det", "DT", "DET", "the", "O"),
            ("border", 4, "dobj", "NN", "NOUN", "border", "O"),
            (".", 1, "punct", ".", "PUNCT", ".", "O"),
        ]
    )
    evs = find_events(doc, actors.find_actors(doc, None), [], None)
    shell = _by_root(evs, "19")
    assert _country(shell.source) == "TGO"
    assert shell.modality == "reported" and [a.cue for a in shell.attribution] == ["accuse"]
    assert _by_root(evs, "11").target.country == "TGO"
