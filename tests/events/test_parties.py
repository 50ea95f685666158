"""Who is the other party: no event aimed at its own source, mutual acts of coordinated parties
coded each toward the other, "the two sides", regions and named armed groups (issue 4)."""

from __future__ import annotations

from eventwire.events import find_events


def _pairs(events, prefix: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.cameo.startswith(prefix)
    }


def _codes(actor) -> str | None:
    return None if actor is None else actor.code


# -- pronouns and the source's own state ----------------------------------------------------------


def test_object_pronoun_is_not_the_subject_of_its_own_clause(code_sentences):
    evs = code_sentences(
        "Hundreds of farmers blocked the highway near Lahore on Friday, and riot police "
        "fired rubber bullets to scatter them."
    )
    fired = [e for e in evs if e.trigger.text == "fired"]
    assert fired and fired[0].source is not None and "COP" in fired[0].source.sectors
    assert fired[0].target is not None and fired[0].target.text == "them"
    assert "COP" not in fired[0].target.sectors  # them = the farmers, not the police


def test_a_speaker_warning_about_itself_has_no_self_target(code_sentences):
    evs = code_sentences("The Egyptian foreign ministry warned that it would expel foreign observers.")
    warn = [e for e in evs if e.trigger.text == "warned"]
    assert warn and _codes(warn[0].source) == "EGYGOV"
    assert warn[0].target is None or warn[0].target.code != "EGYGOV"


def test_own_capital_deep_in_the_clause_is_no_target(code_sentences):
    evs = code_sentences("Turkey condemned the raid, saying Ankara had not been warned.")
    cond = [e for e in evs if e.cameo.startswith("11")]
    assert cond and _codes(cond[0].source) == "TUR"
    assert cond[0].target is None or cond[0].target.country != "TUR"


def test_region_adjective_gives_a_region_code_not_the_article_country(code_sentences):
    evs = code_sentences("Japan's defence ministry promised to expand its exercises with Asian governments.")
    assert ("JPNGOV", "ASAGOV") in _pairs(evs, "03")


# -- mutual acts ----------------------------------------------------------------------------------


def test_coordinated_signatories_sign_with_each_other_not_the_mediator(code_sentences):
    evs = code_sentences(
        "Peru and Chile signed a fisheries accord on Monday, ending years of talks mediated by Norway."
    )
    assert _pairs(evs, "057") == {("PER", "CHL"), ("CHL", "PER")}
    assert _pairs(evs, "045") == {("NOR", "PER"), ("NOR", "CHL")}
    assert not [e for e in evs if e.target is not None and e.target.code == "NOR"]  # the mediator is no party


def test_talks_in_a_city_are_between_the_coordinated_parties(code_sentences):
    evs = code_sentences("Venezuela and Colombia held talks in Caracas.")
    assert _pairs(evs, "046") == {("VEN", "COL"), ("COL", "VEN")}


def test_praise_by_two_countries_is_not_mutual(code_sentences):
    evs = code_sentences("Norway and Sweden welcomed the verdict.")
    assert ("NOR", "SWE") not in _pairs(evs, "05")


def test_the_two_leaders_are_the_two_just_named(code_sentences):
    evs = code_sentences(
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi, "
        "and the two leaders agreed to reopen the border."
    )
    agreed = [e for e in evs if e.trigger.text == "agreed"]
    assert {(_codes(e.source), _codes(e.target)) for e in agreed} == {("KENGOV", "ETHGOV"), ("ETHGOV", "KENGOV")}


def test_the_two_sides_need_two_parties(code_sentences):
    evs = code_sentences("The mayor said the two sides agreed to resume talks.")
    agreed = [e for e in evs if e.trigger.text == "agreed"]
    assert agreed and not any(e.target is not None for e in agreed)  # one party named: no pair to point at


# -- named armed groups ---------------------------------------------------------------------------


def test_named_armed_group_is_not_the_national_army(code_sentences):
    evs = code_sentences("The Sudanese army accused the Rapid Support Forces of looting the market.")
    acc = [e for e in evs if e.cameo.startswith("112")]
    assert acc and _codes(acc[0].source) == "SDNMIL" and _codes(acc[0].target) == "SDNREB"


def test_armed_group_table_has_aliases_and_rebel_codes():
    from eventwire.actors.countries import ORG, phrase_table

    table = phrase_table()
    found = {p: e.code for cands in table.values() for p, e in cands if e.kind == ORG}
    assert found["RSF"].startswith("SDNREB")
    assert found["Houthis"].startswith("YEMREB")
    assert found["March 23 Movement"].startswith("CODREB")
    assert found["al-Shabaab"].startswith("SOMREB")
    assert found["Islamic State"].startswith("IMG")


# -- statements, second subjects, coordinated acts, denials -----------------------------------------


def test_actorless_statement_noun_below_the_main_event_is_dropped(code_sentences):
    evs = code_sentences("The rebels attacked the town, the army said in a statement.")
    assert not [e for e in evs if e.root == "01" and e.source is None and e.target is None]
    assert [e for e in evs if e.trigger.text == "said" and e.source is not None]


def test_second_subject_speaks_when_the_first_is_no_actor(pinned_doc):
    from eventwire import actors

    # "A blast killed 12 on Sunday, officials said." parsed with two subjects on "said"
    doc = pinned_doc(
        [
            ("A", 1, "det", "DT", "DET", "a"),
            ("blast", 8, "nsubj", "NN", "NOUN", "blast"),
            ("killed", 1, "acl", "VBD", "VERB", "kill"),
            ("12", 2, "dobj", "CD", "NUM", "12"),
            ("on", 2, "prep", "IN", "ADP", "on"),
            ("Sunday", 4, "pobj", "NNP", "PROPN", "Sunday"),
            (",", 8, "punct", ",", "PUNCT", ","),
            ("officials", 8, "nsubj", "NNS", "NOUN", "official"),
            ("said", 8, "ROOT", "VBD", "VERB", "say"),
            (".", 8, "punct", ".", "PUNCT", "."),
        ]
    )
    evs = find_events(doc, actors.find_actors(doc, None), [], None)
    said = [e for e in evs if e.trigger.text == "said"]
    assert said and said[0].source is not None and said[0].source.text == "officials"
    killed = [e for e in evs if e.trigger.text == "killed"]
    assert killed and killed[0].source is None  # the speakers did not do it


def test_coordinated_act_of_another_kind_keeps_its_target(code_sentences):
    evs = code_sentences("Canada and Mexico praised the ruling and urged Cuba to free the prisoners.")
    assert not [e for e in evs if e.cameo.startswith("05") and e.target is not None and e.target.country == "CUB"]
    assert [e for e in evs if e.cameo.startswith("02") and e.target is not None and e.target.country == "CUB"]


def test_a_quote_about_the_sanctions_does_not_deny_them(code_sentences):
    evs = code_sentences(
        'The European Union imposed sanctions on Belarus on Monday. "These sanctions will not change '
        'our course," a Belarusian official told reporters.'
    )
    assert not [e for e in evs if e.cameo.startswith("16") and e.modality == "denied"]


def test_witnesses_are_civilians_and_group_leaders_are_the_group(code_sentences):
    evs = code_sentences("Witnesses said soldiers shot two men.")
    said = [e for e in evs if e.trigger.text == "said"]
    assert said and said[0].source is not None and said[0].source.sectors == ["CVL"]
    evs = code_sentences("Hezbollah leaders rejected the plan.")
    assert [e.source.code for e in evs if e.source is not None][:1] == ["LBNREBHEZ"]


def test_partyless_act_noun_below_the_main_event_is_dropped(code_sentences):
    evs = code_sentences("Riot police fired tear gas at the crowd in Quito on Tuesday.")
    assert evs and evs[0].source is not None
    assert not [e for e in evs[1:] if e.source is None and e.target is None]


def test_act_named_by_the_compound_of_a_light_verb_object(code_sentences):
    evs = code_sentences(
        "The Norwegian foreign minister undertook a mediation mission between Colombia and the rebels."
    )
    med = [e for e in evs if e.cameo.startswith("045")]
    assert med and med[0].source is not None and med[0].source.code == "NORGOV"
    assert med[0].target is not None and med[0].target.country == "COL"
