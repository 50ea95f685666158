"""Police mobilisation, forced acts, deaths in a police clause and property damage, on sentences
written for these tests."""

import pytest


def police(e):
    return e.source is not None and "COP" in e.source.sectors


@pytest.mark.parametrize(
    "text,cameo",
    [
        ("cops were put on high alert across the district on tuesday.", "151"),  # the alerted force is police
        ("the convoy crossed the bridge amid tight security.", "151"),  # 151 is a police act by definition
        ("two companies of reserve police have been rushed to the village.", "153"),
        ("armed constables have been posted outside every shrine.", "153"),
        ("extra policemen were stationed near the market gate.", "153"),
        ("a heavy police presence was visible near the bus depot.", "151"),
        ("officers kept a strict vigil on the highway all night.", "151"),
    ],
)
def test_police_mobilisation_is_a_police_act(code, text, cameo):
    evs = [e for e in code(text) if police(e)]
    assert evs and evs[0].cameo == cameo


def test_deployed_police_are_a_police_act_but_deployed_army_is_not(code):
    assert any(police(e) for e in code("more constables were rushed to the town on friday."))
    evs = code("the army was deployed in four towns on friday.")
    assert evs and not any(police(e) for e in evs)


def test_teargas_lobbed_without_agent_is_police_force(code):
    evs = [e for e in code("nine tear gas shells were lobbed at the stone throwers.") if police(e)]
    assert evs and evs[0].cameo == "175"


def test_a_strict_vigil_is_surveillance_but_a_candlelight_vigil_is_not(code):
    assert any(e.cameo == "151" for e in code("the guards maintained a strict vigil at the gate."))
    evs = code("students held a candlelight vigil outside the college.")
    assert not any(e.cameo == "151" for e in evs)


def test_paramilitary_forces_are_police_and_military(code):
    evs = code("paramilitary forces marched through the lanes of the old town.")
    assert any(police(e) and "MIL" in e.source.sectors for e in evs)


def test_forced_act_happens_and_is_done_by_the_forced_party(code):
    evs = code("the rioters pelted stones for an hour, forcing the police to open fire.")
    fire = [e for e in evs if e.root == "19"]
    assert fire and police(fire[0]) and fire[0].modality == "asserted"


def test_an_attempt_to_force_stays_hypothetical(code):
    evs = code("the rebels tried to force the garrison to withdraw from the fort.")
    withdraw = [e for e in evs if e.trigger.text == "withdraw"]
    assert withdraw and all(e.modality != "asserted" for e in evs)


def test_death_when_police_fired_is_a_police_killing(code):
    evs = code("four villagers died when the police resorted to firing on the crowd.")
    died = [e for e in evs if e.cameo == "1823"]
    assert died and police(died[0]) and died[0].fatalities == 4
    assert not any(police(e) for e in code("four villagers died when the bridge collapsed."))


@pytest.mark.parametrize(
    "text",
    [
        "the militia torched a dozen shops in the market.",
        "settlers set fire to the olive groves overnight.",
        "bulldozers demolished the school building on monday.",
    ],
)
def test_property_destruction_is_seize_or_damage_property(code, text):
    assert any(e.cameo == "171" for e in code(text))


def test_relative_pronoun_subject_is_its_antecedent(code):
    evs = code("the union demanded action against the constables who on monday killed a farmer near the dam.")
    kill = [e for e in evs if e.cameo == "1823"]
    assert kill and police(kill[0])


def test_death_in_police_firing_read_as_a_clause_is_a_police_killing(code):
    evs = code(
        "officials said 45 people have died in police firing while over 1,200 have been arrested in the district."
    )
    died = [e for e in evs if e.cameo == "1823"]
    assert died and police(died[0]) and died[0].fatalities == 45


def test_domestic_permission_eases_a_restriction_but_letting_foreigners_in_is_086(code):
    evs = code("The Kenyan interior minister allowed the opposition leader to hold a rally in Nairobi.")
    assert evs[0].cameo == "081"
    assert code("Egypt allowed Gaza residents to cross the border.")[0].cameo == "086"


def test_plural_arms_is_a_weapons_word(code):
    # the model lemmatises "arms" to "arm"
    evs = code("Norway continued to send arms to Kenya last year.")
    assert evs and evs[0].cameo == "072"


def test_denying_an_allocation_is_a_rejection_not_a_denial_of_a_claim(code):
    evs = code("The district council has denied land allocation for the new stadium.")
    assert evs and evs[0].cameo == "120"


def test_victims_killed_in_police_firing_were_killed_by_police(code):
    evs = code(
        "according to the figures, 60 per cent (12 out of 20) of the people killed in the police firing "
        "belong to the minority community."
    )
    kill = [e for e in evs if e.cameo == "1823"]
    assert kill and police(kill[0])


def test_an_agentless_arrest_noun_is_a_police_arrest_but_an_arrest_warrant_is_not(code):
    evs = code("the arrest of a 40-year-old waiter in the city has exposed the network.")
    assert any(police(e) and e.cameo == "173" for e in evs)
    evs = code("The court issued an arrest warrant for the former minister.")
    assert not any(police(e) for e in evs)
    evs = code("the meeting also demanded a ban on the party and arrest of its leaders.")  # asked for, not done
    assert not any(police(e) for e in evs)
    evs = code("the statue was kept in safe custody.")  # things are kept in custody too
    assert not any(police(e) for e in evs)


def test_booked_under_a_law_is_an_arrest(code):
    evs = [e for e in code("so far, the police have booked 62 people in the town under the new law.") if police(e)]
    assert evs and evs[0].cameo == "173"
