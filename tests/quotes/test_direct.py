"""Direct quotations: marks, the cue before or after them, split and running quotations,
transcripts, headlines and testimonial dashes."""

from __future__ import annotations

from eventwire.attribution import quote_spans


def test_testimonial_dash_speaker(quotes, one):
    qs = quotes("“The clinic saved my daughter and I will never forget it.”\n― Rosa Delgado")
    q = one(qs, "clinic")
    assert q.speaker["text"] == "Rosa Delgado" and q.cue.text == "―" and q.direct


def test_question_quote_with_cue_after(quotes, one):
    qs = quotes("“Who will pay for the repairs now?” the mayor asked. The council did not answer.")
    q = one(qs, "repairs")
    assert q.cue.text == "asked" and q.speaker["text"] == "the mayor" and q.direct


def test_dash_speaker_after_no_break_space(quotes, one):
    qs = quotes("“We only want the road reopened before winter.” ―\u00a0Tomas Weber.\n")
    assert one(qs, "road").speaker["text"] == "Tomas Weber"


def test_straight_quote_cue_after(quotes, one):
    qs = quotes('"We will not withdraw our troops from the border," the defence minister said on Sunday.')
    q = one(qs, "withdraw")
    assert q.direct and q.cue.text == "said"
    assert q.speaker["text"] == "the defence minister"


def test_curly_quote_cue_before(quotes, one):
    qs = quotes("Ana Varga told reporters: “The ceasefire has collapsed and the shelling resumed at dawn.”")
    q = one(qs, "ceasefire")
    assert q.direct and q.cue.text == "told" and q.speaker["text"] == "Ana Varga"


def test_split_quote_is_one_record(quotes):
    text = "“We are ready to negotiate,” the envoy said, “but we will not do it under threat of force.”"
    qs = quotes(text)
    assert len(qs) == 1
    q = qs[0]
    assert q.content.start == 0 and q.content.end == len(text)
    assert q.cue.text == "said" and q.speaker["text"] == "the envoy"


def test_quote_over_several_sentences(quotes, one):
    qs = quotes("“The convoy was hit twice. Nobody came to help us. We walked for nine hours,” the driver said.")
    q = one(qs, "convoy")
    assert "nine hours" in q.content.text and q.speaker["text"] == "the driver"


def test_next_paragraph_of_quotation_continues_the_speaker(quotes):
    text = "“The water came in the night,” the farmer said.\n“By morning the whole field was gone.”"
    qs = quotes(text)
    assert len(qs) == 1 and qs[0].content.end == len(text) and qs[0].speaker["text"] == "the farmer"


def test_transcript_lines(quotes, one):
    text = "HOST: Will you run again next year?\nBARTON: I have not decided, and I will not decide today."
    qs = quotes(text)
    q = one(qs, "decided")
    assert q.speaker["text"] == "BARTON" and q.cue.text == ":" and q.direct


def test_headline_speaker_colon(quotes, one):
    qs = quotes("Senator Ana Ruiz: The Budget Deal Is Dead On Arrival\n\nLawmakers met on Tuesday.")
    q = one(qs, "Budget Deal")
    assert q.speaker["text"] == "Senator Ana Ruiz" and q.cue.text == ":"
    assert quotes("Storm Season: What Farmers Need To Know Now\n\nRain is due.") == []
    # a poll reports its finding; a label such as "Update:" speaks for nobody
    q = one(quotes("Poll: Lopez and Ruiz hold narrow leads in Ohio.\n\nThe race is close."), "narrow leads")
    assert q.speaker["text"] == "Poll" and q.cue.text == ":"
    assert quotes("Update: The bridge reopened on Friday after repairs.\n\nTraffic is light.") == []
    # nor does a tabloid kicker, in capitals or not
    for kicker in ("BOOM", "WOW", "Busted"):
        assert not any(
            q.cue is not None and q.cue.text == ":"
            for q in quotes(f"{kicker}: Mayor Quits After Secret Recording Airs\n\nThe mayor resigned on Friday.")
        )


def test_nested_thinking_inside_a_quote_is_not_a_record(quotes):
    qs = quotes("“I think the vote will be delayed again,” the senator said.")
    assert len(qs) == 1 and qs[0].direct


def test_a_verb_with_its_own_clause_is_not_a_quotes_cue(quotes, one):
    text = "“We will finish the count tonight,” Ms. Osei wrote. Later she said that the recount would start by noon."
    qs = quotes(text)
    report = one(qs, "recount would start")
    assert report.cue.text == "said" and not report.direct
    direct = one(qs, "finish the count")
    assert direct.cue.text == "wrote"


def test_colon_introduces_a_quotation(quotes, one):
    text = "The minister put it in plain words: “We will not sign this treaty while the border is closed.”"
    q = one(quotes(text), "sign this treaty")
    assert q.direct and q.cue.text == ":" and q.speaker["text"] == "The minister"
    assert q.content.text.startswith("“We") and q.content.text.endswith("closed.”")
    # a colon that does not touch the quotation introduces nothing
    assert (
        quotes("Three things matter: roads, water and schools. “We will not sign this treaty,” they said.")[0].cue.text
        == "said"
    )


def test_question_tagged_by_a_speaker_after_it(quotes, one):
    q = one(quotes("“Who knows what happens next?” Ms. Tran told reporters after the vote."), "Who knows")
    assert q.direct and q.cue.text == "told" and q.speaker["text"] == "Ms. Tran"
    # a new sentence after the question is not its tag
    qs = quotes("“Who knows what happens next?” The crowd went quiet. Later the vote was counted.")
    assert not any(q.cue is not None and q.cue.text == "went" for q in qs)


def test_long_speaker_description_after_quote_tags_it(quotes, one):
    text = (
        "The budget office estimated the cost at four billion dollars over ten years.\n\n"
        "“The plan has the rare merit of paying for itself,” Maria Lopez, head of the independent "
        "Fiscal Policy Institute and a lecturer at the state university in Albany, said of the proposal."
    )
    q = one(quotes(text), "rare merit")
    assert q.direct and q.cue.text == "said" and q.speaker["text"] == "Maria Lopez"
    # the verb of the paragraph before keeps its own object and tags nothing across the break
    assert one(quotes(text), "four billion").cue.text == "estimated"


def test_bare_tag_after_a_finished_quotation(quotes, one):
    q = one(
        quotes("Officials met.\n\n“Find the missing ledgers, wherever they are hidden now.” Mayor Lund said."),
        "ledgers",
    )
    assert q.direct and q.cue.text == "said" and q.speaker["text"] == "Mayor Lund"
    # a verb with a claim of its own after the full stop tags nothing
    qs = quotes("“We have won this fight for good.” Lee said the team would now rest for a week.")
    assert one(qs, "team would").cue.text == "said"
    assert not any("won this fight" in q.content.text for q in qs)


def test_typo_marks_and_glued_marks(quotes, one):
    # an opening curly mark where the closing one belongs, then a straight one opening the next
    text = (
        "“The bridge will not open before the winter,“ said Jim Ross, a county engineer.\n\n"
        '"We should wait for the report,” said Ann Berg, a member of the board.'
    )
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "“The bridge will not open before the winter,“",
        '"We should wait for the report,”',
    ]
    assert one(quotes(text), "bridge").speaker["text"] == "Jim Ross"
    # a mark glued to the cue's comma
    q = one(quotes("Ortega said,“Look, the roads are open again and the buses are running.”"), "buses")
    assert q.direct and q.cue.text == "said" and q.speaker["text"] == "Ortega"


def test_verb_right_after_the_marks_tags_the_quotation(quotes, one):
    # the parser hangs "asked about her ruling" on "said" as a clause of its own
    text = (
        '"I will never call that ruling a failure, so drop the subject," said retired judge Ann Cole, '
        "asked about her ruling."
    )
    q = one(quotes(text), "drop the subject")
    assert q.direct and q.cue.text == "said" and q.speaker["text"] == "retired judge Ann Cole"
