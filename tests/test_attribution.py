"""The attribution layer: one cue table with two views, one speaker per cue verb, one set of quotation spans."""

from __future__ import annotations

from eventwire.attribution import (
    cue_lemma,
    cue_list,
    quotation_spans,
    quote_regions,
    reporting_cues,
    reporting_verbs,
    speaker_of,
)


def _extract(nlp, text):
    from eventwire import actors, events, quotes

    doc = nlp(text)
    index = actors.resolve(doc)
    return doc, events.extract_events(doc, index, [], None), quotes.extract_quotes(doc, index)


# ---------------------------------------------------------------- the table and its views


def test_events_and_quotes_read_views_of_one_table():
    from eventwire.quotes import words as W

    rows = reporting_cues()
    assert rows["say"] == ("report", frozenset({"speech", "bare_speech", "passive_view"}))
    assert reporting_verbs()["deny"] == "deny" and reporting_verbs()["dispute"] == "reject"
    assert W.SPEECH == cue_list("speech") and "say" in W.SPEECH
    # a quote cue that is an event or a modal head is no claim-maker for events
    assert "threaten" in W.SPEECH and "threaten" not in reporting_verbs()
    assert "refute" in reporting_verbs() and "refute" not in W.SPEECH
    assert set(reporting_verbs()) | W.SPEECH | W.NP_CUES | W.XCOMP_CUES <= set(rows)


def test_cue_lemma_mends_the_lemmatizer_on_verbs_only(nlp):
    doc = nlp("They hoped the talks would go on.")
    hoped = next(t for t in doc if t.lower_ == "hoped")
    assert cue_lemma(hoped) == "hope"
    from eventwire.quotes import verb_lemma

    assert verb_lemma(hoped) == "hope"


# ---------------------------------------------------------------- one speaker per verb


def test_speaker_of_prefers_the_subject_nearest_the_verb(nlp):
    doc = nlp("Rebels shelled the town overnight, two medics said.")
    said = next(t for t in doc if t.lower_ == "said")
    assert speaker_of(said).text == "medics"


def test_a_passive_cue_names_its_agent_not_its_subject(nlp):
    doc = nlp("The minister was criticised by opposition leaders for the raid.")
    verb = next(t for t in doc if t.lower_ == "criticised")
    assert speaker_of(verb).text == "leaders"
    doc = nlp("The colonel was accused of ordering the raid.")
    verb = next(t for t in doc if t.lower_ == "accused")
    assert speaker_of(verb) is None  # the accused is not the accuser


def test_quoted_as_saying_names_the_person_quoted(nlp):
    doc = nlp("The agency quoted two officers as saying the patrol was ambushed.")
    saying = next(t for t in doc if t.lower_ == "saying")
    assert speaker_of(saying).text == "officers"


def test_speaker_is_found_once_per_doc(nlp):
    doc = nlp("Mayor Ina Berg said the militia burned the market.")
    said = next(t for t in doc if t.lower_ == "said")
    first = speaker_of(said)
    assert speaker_of(said).i == first.i
    assert doc.user_data["eventwire.speakers"][said.i] == first.i


def test_a_quote_and_an_event_in_one_sentence_name_the_same_speaker(nlp):
    text = (
        "Colonel Tomas Vrba said on Monday that his troops attacked the rebel depot at dawn.\n\n"
        "\u201cWe shelled their positions for two hours,\u201d said Vrba, who commands the brigade."
    )
    _doc, found_events, found_quotes = _extract(nlp, text)
    assert found_quotes and found_events
    checked = 0
    for q in found_quotes:
        for e in found_events:
            if q.content.start <= e.trigger.start < q.content.end:
                assert e.attribution, e
                inner = e.attribution[-1]
                assert q.speaker["start"] <= inner.start < q.speaker["end"], (q.speaker, inner)
                checked += 1
    assert checked >= 2


# ---------------------------------------------------------------- one set of quotation spans


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
