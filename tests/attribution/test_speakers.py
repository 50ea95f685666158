"""One speaker per cue verb, found once per Doc and shared by events and quotes."""

from __future__ import annotations

from eventwire.attribution import speaker_of


def _extract(nlp, text):
    from eventwire import actors, events, quotes

    doc = nlp(text)
    index = actors.find_actors(doc)
    return doc, events.find_events(doc, index, [], None), quotes.find_quotes(doc, index)


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
