"""Event coding on sentences written for these tests: codes, ranking and arguments."""

import pytest

from eventwire.events import code_sentence, find_events
from eventwire.ontology.lexicon import family_code, lexicon, topic_of


def first(events):
    assert events, "no event coded"
    return events[0]


def country(actor):
    return None if actor is None else (actor.country or actor.code[:3])


# ------------------------------------------------------------------ lexicon data


def test_lexicon_covers_every_root():
    roots = {e.code[:2] for rows in lexicon().values() for e in rows if e.code != "-"}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}


def test_every_lexicon_and_frame_code_is_in_the_ontology():
    from eventwire.ontology.cameo import table
    from eventwire.ontology.lexicon import frame_tables

    codes = {e.code for rows in lexicon().values() for e in rows if e.code != "-"} | set(frame_tables()[1].values())
    assert codes <= set(table())


def test_frame_tables():
    assert topic_of("072") == "MILAID"
    assert family_code("02", "MILAID") == "0232"
    assert family_code("12", "RELEASE") == "1243"
    assert family_code("13", "SANCTIONS") == "1312"


# ------------------------------------------------------------------ one code per root


@pytest.mark.parametrize(
    "text,prefix",
    [
        ("The minister said the economy was recovering.", "01"),
        ("Kenya appealed to donors for food assistance.", "02"),
        ("Chile promised to share intelligence with Peru.", "03"),
        ("The Japanese premier visited Canberra on Friday.", "04"),
        ("The Swedish foreign minister praised Ghana for its elections.", "05"),
        ("Norway and Finland extradited the smuggler to Poland.", "06"),
        ("Germany sent medicine and tents to Nepal.", "07"),
        ("The junta released forty political prisoners.", "08"),
        ("Prosecutors opened an investigation into the bank's corruption.", "09"),
        ("The opposition demanded the resignation of the prime minister.", "10"),
        ("Brazil accused Venezuela of massing troops on the border.", "11"),
        ("Turkey rejected the proposal for a ceasefire.", "12"),
        ("Iran warned Israel that it would strike back.", "13"),
        ("Thousands of students demonstrated in the capital.", "14"),
        ("Pakistan mobilized its troops along the frontier.", "15"),
        ("Canada expelled two Russian diplomats.", "16"),
        ("Police arrested twelve protesters in Lagos.", "17"),
        ("Gunmen kidnapped three aid workers near Kandahar.", "18"),
        ("Rebels shelled the northern town for a second day.", "19"),
        ("The militia massacred hundreds of villagers.", "20"),
    ],
)
def test_each_root(code, text, prefix):
    assert first(code(text)).cameo.startswith(prefix), [e.cameo for e in code(text)]


# ------------------------------------------------------------------ specific before parent


def test_appeal_for_military_aid_is_specific(code):
    assert first(code("Kiev appealed for weapons and military aid from its allies.")).cameo == "0232"
    assert first(code("Haiti appealed for aid after the storm.")).cameo == "023"
    assert first(code("The mayor appealed for calm.")).cameo.startswith("02")


def test_threat_refined_by_embedded_act(code):
    assert first(code("Moscow threatened to impose sanctions on Latvia.")).cameo == "1312"
    assert first(code("The rebels threatened to attack the capital.")).cameo.startswith("138")


def test_refusal_refined(code):
    assert first(code("The government refused to release the detained journalists.")).cameo == "1243"


def test_light_verbs(code):
    assert first(code("Sudan and Chad held talks in Doha.")).cameo == "046"
    assert first(code("Insurgents carried out an attack on the army base.")).cameo.startswith("19")
    assert first(code("The army imposed a curfew on the city.")).cameo == "1723"
    assert first(code("Police opened fire on the crowd.")).cameo == "193"


def test_lift_reverses_the_noun(code):
    assert first(code("The council lifted the curfew in the old town.")).cameo == "0813"
    assert first(code("Washington lifted sanctions on Belarus.")).cameo == "085"


# ------------------------------------------------------------------ ranking


def test_reported_act_outranks_reporting_verb(code):
    ev = code("Officials said Syrian troops attacked the rebel town of Idlib.")
    assert first(ev).cameo.startswith("19")
    assert any(e.cameo == "010" for e in ev[1:])


def test_future_cooperation_is_intent(code):
    assert first(code("Egypt will host the Sudanese president next month.")).cameo == "036"


def test_negated_cooperation_is_rejection(code):
    assert first(code("Hungary will not accept any more refugees.")).cameo.startswith("12")


# ------------------------------------------------------------------ arguments


def test_active_source_and_target(code):
    e = first(code("Russia attacked Georgia in August."))
    assert country(e.source) == "RUS" and country(e.target) == "GEO"


def test_passive_with_agent(code):
    e = first(code("Georgia was attacked by Russia in August."))
    assert e.cameo.startswith("19")
    assert country(e.source) == "RUS" and country(e.target) == "GEO"


def test_coordination_gives_one_event_per_actor(code):
    ev = [e for e in code("France and Germany condemned Belarus.") if e.cameo.startswith("11")]
    assert {country(e.source) for e in ev} == {"FRA", "DEU"}
    assert all(country(e.target) == "BLR" for e in ev)


def test_xcomp_chain_inherits_subject(code):
    ev = code("The Greek foreign minister is due to fly to Ankara next week to hold talks with Turkish officials.")
    talks = [e for e in ev if e.cameo.startswith(("04", "03"))]
    assert talks and country(talks[0].source) == "GRC"


def test_object_control(code):
    e = first(code("Britain urged Iran to release the sailors."))
    assert e.cameo == "0253"
    assert country(e.source) == "GBR" and country(e.target) == "IRN"


def test_nominal_event_with_target(code):
    ev = code("An airstrike on the Yemeni port killed nine people.")
    assert any(e.cameo == "195" for e in ev)


def test_agentless_arrest_gets_implied_police(code):
    e = first(code("Five men were arrested after the riot."))
    assert e.cameo == "173"
    assert e.source is not None and "COP" in e.source.sectors
    assert "implied" in e.source.name


def test_evidence_offsets_point_into_text(nlp):
    text = "Kabul: Police detained two reporters.\nLater the army shelled the hills."
    doc = nlp(text)
    for e in find_events(doc, None, [], None):
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert "\n" not in e.evidence.text and not e.evidence.text.startswith("Kabul")
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_code_sentence_without_actor_index(nlp):
    sent = next(nlp("The union called off the strike.").sents)
    assert code_sentence(sent)[0].cameo == "082"


# ------------------------------------------------------------------ CAMEO conventions


def test_obligation_under_reporting_verb_is_demand(code):
    e = first(code("Ottawa said Ankara must release the detained pilots."))
    assert e.cameo == "1053"
    assert country(e.source) == "CAN" and country(e.target) == "TUR"


def test_order_codes_the_ordered_act(code):
    assert first(code("The governor ordered police patrols in the old quarter.")).cameo.startswith("15")


def test_fighting_a_disease_is_not_violence(code):
    assert not any(
        e.cameo.startswith(("18", "19", "20")) for e in code("Norway pledged money to fight malaria in Chad.")
    )


def test_killed_in_police_firing_has_police_source(code):
    ev = [e for e in code("Two villagers were killed in police firing near the market.") if e.cameo == "1823"]
    assert ev and ev[0].source is not None and "COP" in ev[0].source.sectors


def test_consider_keeps_the_option_unexecuted(code):
    assert first(code("Austria is considering sending aid to Malawi.")).cameo == "014"


def test_claim_of_responsibility_outranks_the_attack(code):
    assert first(code("The militia claimed responsibility for the bombing of the bridge.")).cameo == "015"


def test_definite_event_noun_takes_earlier_source(code):
    ev = code("Soldiers opened fire on the convoy near the bridge. Three drivers were hurt in the shooting.")
    later = [e for e in ev if e.trigger.text == "shooting"]
    assert later and later[0].source is not None and "MIL" in later[0].source.sectors


def test_preposition_after_a_date_is_not_a_phrasal_verb(code):
    ev = code("The Kenyan president called on Monday for calm in Nairobi.")
    assert first(ev).cameo.startswith("02")
    ev = code("The Kenyan president called the Ugandan leader on Monday to congratulate him.")
    assert not first(ev).cameo.startswith("02")


def test_stance_adjective_frames_the_act(code):
    assert first(code("The ministry said it is skeptical that the rebels will meet the deadline.")).cameo == "012"


def test_deaths_shared_with_the_firing_of_the_same_source(code):
    ev = code("Three protesters were killed in police firing near the bridge.")
    firing = [e for e in ev if e.cameo.startswith("19")]
    assert firing and firing[0].fatalities == 3


# ------------------------------------------------------------------ targets (follow-up)


def test_complaint_targets_what_is_complained_about(code):
    e = first(code("Chile complained to the United Nations over Peruvian border raids."))
    assert e.cameo.startswith("11") and country(e.target) == "PER"


def test_future_event_reads_weekday_forwards(nlp):
    from eventwire import actors

    doc = nlp("The ministers will meet in Oslo on Monday.")
    evs = find_events(doc, actors.find_actors(doc, None), [], "2024-05-08")  # a Wednesday
    assert evs and evs[0].date == "2024-05-13"


def test_a_weapon_strike_is_force_and_a_labour_strike_a_protest(code):
    codes = {e.trigger.text: e.cameo for e in code("A drone strike hit a fuel depot near the coast on Friday.")}
    assert codes.get("strike") == "195"
    codes = {e.trigger.text: e.cameo for e in code("An artillery strike destroyed the bridge.")}
    assert codes.get("strike") == "194"
    assert first(code("Dock workers went on strike over unpaid wages.")).cameo.startswith("14")


def test_a_denied_act_is_no_antecedent_for_a_later_definite_mention(code):
    events = code("The navy denied shelling the harbour. Aid groups condemned the shelling on Tuesday.")
    later = [e for e in events if e.trigger.text == "shelling" and e.evidence.start > 30]
    assert all(e.source is None or e.modality != "asserted" for e in later)
    events = code("The navy shelled the harbour on Monday. Aid groups condemned the shelling on Tuesday.")
    later = [e for e in events if e.trigger.text == "shelling" and e.evidence.start > 30]
    assert later and later[0].source is not None and "MIL" in later[0].source.code
