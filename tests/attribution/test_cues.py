"""The one reporting-cue table and its two views (events and quotes), and the cue lemma."""

from __future__ import annotations

from eventwire.attribution import cue_lemma, cue_list, reporting_cues, reporting_verbs


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
