"""The candidate readings offered to the ranker beside the rules' records."""

from __future__ import annotations


def test_view_held_by_nobody_is_the_whole_clause(readings):
    assert ("extra", "seems", "The ceasefire seems likely to collapse within days", None) in readings(
        "The ceasefire seems likely to collapse within days."
    )
    assert ("extra", "projected", "The deficit is projected to reach four percent next year", None) in readings(
        "The deficit is projected to reach four percent next year."
    )
    # with its holder named it is an ordinary report, not a view held by nobody
    assert not any(
        c == "projected" and s is None
        for _, c, _, s in readings("The deficit is projected by the treasury to reach four percent next year.")
    )


def test_stance_adjective_with_its_topic(readings):
    assert ("extra", "critical of", "the new border deal", "The opposition leader") in readings(
        "The opposition leader was sharply critical of the new border deal."
    )
    # a measure is no topic ("late by two hours")
    assert not any(c and c.startswith("late") for _, c, _, _ in readings("The convoy was late by two hours."))


def test_claim_pronoun_object(readings):
    assert ("extra", "denied", "it", "the minister") in readings(
        "Asked about the report, the minister denied it on Friday."
    )


def test_shorter_readings_of_long_contents(readings):
    got = readings("The governor said the worst was over in April, when the floods receded.")
    assert ("rule", "said", "the worst was over in April, when the floods receded", "The governor") in got
    assert ("rule:cut", "said", "the worst was over", "The governor") in got
    got = readings('"We are ready to sign," the envoy said. "The talks begin now and will run all week."')
    assert ("rule:first", "said", '"We are ready to sign,"', "the envoy") in got


def test_content_never_straddles_its_own_cue(readings):
    text = "What Farmers Need To Know Now"
    for _, cue, content, _ in readings(text):
        a = text.index(content)
        assert not (cue and a < text.index(cue) < a + len(content))


def test_stance_noun_readings(readings):
    assert ("extra", "critic", "the dam", "The mayor") in readings("The mayor has been a fierce critic of the dam.")
    # a claim noun with no holder still names its topic; an ordinary noun does not
    assert ("extra", "Concerns", "the dam", None) in readings("Concerns about the dam grew over the summer.")
    assert readings("The city of Lyon is large.") == []


def test_clause_around_a_quotation_is_offered_beside_the_quotation(readings):
    got = readings(
        'The engineer described the ground under the old city as "Swiss cheese full of abandoned mine tunnels."'
    )
    assert ("rule", "described", '"Swiss cheese full of abandoned mine tunnels."', "The engineer") in got
    assert (
        "extra",
        "described",
        'the ground under the old city as "Swiss cheese full of abandoned mine tunnels."',
        "The engineer",
    ) in got
