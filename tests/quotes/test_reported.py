"""Reported speech without marks: "X said (that) …", asides, "according to", stances,
claim nouns, and what is not a report."""

from __future__ import annotations

import pytest


def test_indirect_said_that(quotes, one):
    qs = quotes("The interior minister said that the curfew would be lifted on Friday.")
    q = one(qs, "curfew")
    assert not q.direct and q.cue.text == "said"
    assert "minister" not in q.content.text and "said" not in q.content.text
    assert q.speaker["text"] == "The interior minister"


def test_indirect_content_before_cue(quotes, one):
    qs = quotes("The factory will reopen next month, a company spokesman said.")
    q = one(qs, "factory")
    assert q.content.text == "The factory will reopen next month"
    assert q.speaker["text"] == "a company spokesman"


def test_warned_and_told(quotes, one):
    qs = quotes(
        "The general warned that any incursion would be met with force. He told reporters the army was on high alert."
    )
    assert one(qs, "incursion").cue.text == "warned"
    assert one(qs, "high alert").cue.text == "told"


def test_passive_stance_with_agent(quotes, one):
    qs = quotes("The new border law was condemned by the opposition leader.")
    q = one(qs, "border law")
    assert q.speaker["text"] == "the opposition leader" and q.cue.text.startswith("condemned")


def test_dateline_is_not_content(quotes, one):
    qs = quotes("KABUL (Reuters) - Fighting resumed near the border overnight, local officials said on Tuesday.")
    q = one(qs, "Fighting")
    assert q.content.text.startswith("Fighting") and q.cue.text == "said"


def test_short_scare_quote_inside_indirect_speech(quotes, one):
    qs = quotes("The mayor said the new rules were “a disaster for small shops.”")
    q = one(qs, "rules")
    assert not q.direct and q.content.text.startswith("the new rules")


def test_deeds_of_war_are_not_stances(quotes, one):
    for text in (
        "Rebels attacked the army base near the border.",
        "The convoy was hit by a roadside bomb.",
        "Jets pounded the city overnight.",
        "Russia backed the offensive in the east.",
    ):
        assert quotes(text) == [], text
    q = one(quotes("The senator attacked the governor for his silence."), "governor")
    assert q.cue.text == "attacked" and q.speaker["text"] == "The senator"


def test_no_quotes_in_plain_narration(quotes):
    assert quotes("Rain fell over the valley and the river rose by two metres.") == []


def test_stance_runs_on_over_later_complements(quotes, one):
    q = one(quotes("The council described the new tax as a burden on small farms."), "tax")
    assert q.content.text == "the new tax as a burden on small farms"
    q = one(quotes("The union called for the board to reopen the talks."), "board")
    assert q.content.text.startswith("the board") and q.content.text.endswith("reopen the talks")


def test_conjoined_second_report_is_its_own_record(quotes, one):
    qs = quotes("The chairwoman praised the volunteers and said that the shelter would stay open all winter.")
    first = one(qs, "volunteers")
    assert "shelter" not in first.content.text
    second = one(qs, "shelter")
    assert second.cue.text == "said" and second.speaker["text"] == "The chairwoman"


def test_claim_noun_as_object_of_a_light_verb(quotes, one):
    q = one(quotes("The auditor raised doubts about the accounts of the port authority."), "accounts")
    # the cue is the claim noun, alone or with its light verb and preposition (same content)
    assert q.cue.text in ("doubts", "raised doubts about") and q.speaker["text"] == "The auditor"
    assert q.content.text == "the accounts of the port authority"


def test_clause_after_the_verb_is_preferred(quotes, one):
    text = (
        "“This is a disgrace to the city.” The mayor said in a statement on Friday that the report should be withdrawn."
    )
    q = one(quotes(text), "report should be withdrawn")
    assert q.cue.text == "said" and q.speaker["text"] == "The mayor"
    assert q.content.text == "that the report should be withdrawn"


def test_object_without_its_apposition(quotes, one):
    q = one(quotes("The senator condemned Mr. Varga, a lobbyist from the coast."), "Varga")
    assert q.content.text == "Mr. Varga" and q.cue.text == "condemned"


def test_trailing_aside_with_a_phrase_after_it(quotes, one):
    q = one(quotes("The mill could not attract one serious bid, the owner said, on condition of anonymity."), "bid")
    assert q.content.text == "The mill could not attract one serious bid" and q.speaker["text"] == "the owner"


def test_aside_inside_a_sentence_that_goes_on(quotes, one):
    text = "So it pays, analysts said, for the firm to cut its prices before the holidays."
    q = one(quotes(text), "pays")
    assert q.content.text == text[:-1] and q.speaker["text"] == "analysts"


def test_the_terms_or_channel_of_a_telling_are_not_its_topic(quotes):
    qs = quotes(
        "The fleet will sail on Monday, according to two officers who spoke on condition of anonymity.\n\n"
        "The minister spoke on state television on Friday."
    )
    assert [q.cue.text for q in qs] == ["according to"]


@pytest.mark.parametrize(
    "text, needle, cue, speaker, content",
    [
        # an aside inside the claim: the sentence around it
        (
            "The new bridge, the engineer said, will carry twice as many trucks as the old one.",
            "trucks",
            "said",
            "the engineer",
            "The new bridge, the engineer said, will carry twice as many trucks as the old one",
        ),
        (
            "According to the local health office, at least twelve people were taken to hospital.",
            "twelve",
            "According to",
            "the local health office",
            "at least twelve people were taken to hospital",
        ),
        # a second report conjoined inside the first keeps its speaker
        (
            "The colonel said the base was safe and said the rescue was always a priority.",
            "rescue",
            "said",
            "The colonel",
            "the rescue was always a priority",
        ),
        # a that-clause the parser hung on a noun in the verb's phrase is the claim
        (
            "The mayor said in one of a series of messages that the truck was carrying arms.",
            "truck",
            "said",
            "The mayor",
            "that the truck was carrying arms",
        ),
        # an "as" report comments on the clause it hangs on
        (
            "But as Ortiz noted, the farmers will back the plan once the rains return.",
            "farmers",
            "noted",
            "Ortiz",
            "the farmers will back the plan once the rains return",
        ),
        (
            "As the newspaper reported in March, the port had lost half of its trade.",
            "port",
            "reported",
            "the newspaper",
            "the port had lost half of its trade",
        ),
        # a finding reported in a poll; a speech verb in the clause makes its own record
        (
            "In a poll released Monday, 50 percent of voters chose Lopez while 40 percent chose Ruiz.",
            "percent",
            "In",
            "a poll",
            "50 percent of voters chose Lopez while 40 percent chose Ruiz",
        ),
        ("In a report, the panel said the dam was safe.", "dam", "said", "the panel", "the dam was safe"),
    ],
)
def test_cue_speaker_and_content(quotes, text, needle, cue, speaker, content, one):
    q = one(quotes(text), needle)
    assert (q.cue.text, q.speaker["text"], q.content.text) == (cue, speaker, content)


@pytest.mark.parametrize(
    "text", ["He left the hall as the crowd cheered.", "In Ohio, the race between the two senators is close."]
)
def test_no_source_around_a_clause(quotes, text):
    assert quotes(text) == []


def test_audience_of_tell_is_not_the_content(quotes):
    assert quotes("Officials told reporters after the vote.") == []
    assert quotes("The mayor asked the minister during the meeting.") == []


def test_a_duration_is_not_what_was_said(quotes, one):
    assert quotes("Mrs. Lee spoke for about thirty minutes and took questions.") == []
    q = one(quotes("Mrs. Lee spoke about the flooding in the lower town."), "flooding")
    assert q.cue.text == "spoke" and q.content.text == "the flooding in the lower town"


def test_question_asked_with_if(quotes, one):
    q = one(quotes("Asked if the plant would close, the manager said nothing."), "plant would close")
    assert q.cue.text == "Asked" and q.content.text == "if the plant would close"
    # after "said", "if …" is a condition inside the claim, which is the whole clause
    q = one(quotes("She said if elected she would cut the tax."), "cut the tax")
    assert q.cue.text == "said" and q.content.text == "if elected she would cut the tax"


def test_label_without_an_object_in_the_parse(quotes, one):
    q = one(quotes("The senator, who called her “third-rate,” left early."), "third")
    assert q.cue.text == "called"


def test_demand_keeps_what_was_asked_when_parsed_as_purpose(quotes, one):
    qs = quotes("The United Nations condemned the attack and called on both sides to protect civilians.")
    q = one(qs, "both sides")
    assert q.content.text == "both sides to protect civilians" and q.cue.text == "called on"
    assert q.speaker["text"] == "The United Nations"
