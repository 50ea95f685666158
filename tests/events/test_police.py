"""Police actions in lower-cased Indian crime/riot reporting, on sentences written for these tests."""

import pytest


def police(e):
    return e.source is not None and "COP" in e.source.sectors


def test_police_as_agent_of_an_uncoded_verb_is_a_police_operation(code):
    evs = [e for e in code("the police collected the bodies from the ward and informed the families.") if police(e)]
    assert evs and evs[0].cameo == "150" and evs[0].trigger.text == "collected"
    assert evs[0].confidence < 0.4  # a fallback, ranked below any coded act


def test_passive_agent_police_is_a_police_operation(code):
    assert any(police(e) for e in code("the minister was escorted by the police to the relief camp."))


@pytest.mark.parametrize(
    "text",
    [
        "the police looked the other way.",  # idle verb
        "the police did not move an inch.",  # negated
        "the police may intervene later.",  # hypothetical
        "they watched the crowd from the gate.",  # a pronoun is no reason on its own
    ],
)
def test_no_police_operation_without_an_act(code, text):
    assert not any(police(e) and e.cameo == "150" for e in code(text))


def test_flat_compound_rank_is_police(nlp):
    from eventwire import actors

    doc = nlp("deputy sp r k verma said the area was calm.")
    idx = actors.find_actors(doc, None)
    assert any("COP" in m.sectors for m in idx.mentions)
    assert not any("LEG" in m.sectors for m in idx.mentions)


def test_divisional_commissioner_is_administration_not_police(nlp):
    from eventwire import actors

    doc = nlp("the divisional commissioner visited the camp on monday.")
    ms = actors.find_actors(doc, None).mentions
    assert ms and "GOV" in ms[0].sectors and "COP" not in ms[0].sectors


def test_reduced_passive_victims_are_not_the_shooters(code):
    evs = code("a clash broke out near the market, where three were burnt alive and two killed in police firing.")
    kill = [e for e in evs if e.cameo == "1823"]
    assert kill and police(kill[0])


def test_left_one_dead_counts_a_death(code):
    evs = code("the police firing left one dead and four injured.")
    assert any(police(e) and (e.fatalities or 0) >= 1 for e in evs)


def test_according_to_the_police_is_their_statement(code):
    evs = code("according to the city police commissioner, notices were sent to all shopkeepers.")
    assert any(police(e) and e.cameo == "010" for e in evs)
    assert not any(
        e.cameo == "010" and e.trigger.text.startswith("according")
        for e in code("according to the farmers, the crop failed.")
    )


def test_police_conjunct_of_the_subject_is_an_agent(code):
    evs = code("the army and the police conducted a march through the old city.")
    assert any(police(e) for e in evs)
