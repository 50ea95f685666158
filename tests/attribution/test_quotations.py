"""Quotation spans: the character spans of quotations in every style the wires use, read once per Doc
and seen by the events as token regions."""

from __future__ import annotations

from eventwire.attribution import quotation_spans, quote_regions, quote_spans


def test_quote_marks_styles():
    text = (
        'He said "the road is shut" today. She said “the bridge is open” later. '
        "An outlet wrote ''the port is closed again'' and ‘the ferry will not sail tonight’ too."
    )
    got = [text[a:b] for a, b in quote_spans(text)]
    assert got == [
        '"the road is shut"',
        "“the bridge is open”",
        "''the port is closed again''",
        "‘the ferry will not sail tonight’",
    ]


def test_curly_quotes_nest():
    text = "“I would rather live in what he calls “chaos” than under his rule,” she wrote."
    assert [text[a:b] for a, b in quote_spans(text)] == [text[: text.index(" she wrote")]]


def test_apostrophes_are_not_quotes():
    assert quote_spans("The farmers’ union said the minister’s plan won’t work.") == []
    assert quote_spans("Rock 'n' roll fans' night out was the farmers' best.") == []


def test_straight_single_quotes_around_words_with_apostrophes():
    text = "The union said 'we don't accept this offer at all' on Friday."
    assert [text[a:b] for a, b in quote_spans(text)] == ["'we don't accept this offer at all'"]


def test_multi_paragraph_quote_runs_on():
    text = "“The first paragraph of the statement goes here.\n\n“And the second one closes it,” she said."
    assert [text[a:b] for a, b in quote_spans(text)] == [text[: text.index(" she said")]]


def test_events_regions_are_a_view_of_the_quotation_spans(nlp):
    text = (
        "The governor spoke at the plant.\n\n\u201cThe strike has gone on for weeks.\n\n"
        "\u201cWe will not negotiate under threat,\u201d she said."
    )
    doc = nlp(text)
    spans = quotation_spans(doc)
    assert spans and spans[0][0] == text.index("\u201cThe strike")  # one quotation over two paragraphs
    regions = quote_regions(doc)
    assert len(regions) == len(spans)
    assert all(doc[lo].idx == a for (lo, _hi, _v), (a, _b) in zip(regions, spans))
    assert doc[regions[-1][2]].lower_ == "said"
