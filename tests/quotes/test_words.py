"""The finder's vocabulary: word lists as package data, the learned cue table and its frames."""

from __future__ import annotations


def test_word_lists_are_package_data():
    from eventwire.quotes import words as W

    assert {"say", "tell", "warn"} <= W.SPEECH and "seem" in W.NOT_CUES and ("agree", "with") not in W.VERB_PREPS
    assert ("with", "agree") in W.VERB_PREPS
    # the learned table ships counts only: six columns, numbers where numbers belong
    rows = (W.DATA_DIR / "learned_cues.tsv").read_text().splitlines()[2:]
    assert len(rows) > 100
    for r in rows:
        lemma, pos, frame, n, cue, rate = r.split("\t")
        assert pos in ("VERB", "NOUN") and frame in ("ccomp", "xcomp", "dobj", "prep", "none", "-")
        assert int(cue) <= int(n) and abs(int(cue) / int(n) - float(rate)) < 1e-3 and " " not in lemma


def test_learned_cue_outside_the_hand_lists(quotes, one):
    from eventwire.quotes import words as W

    # "disavow" is in none of the hand lists; it is a cue through the learned table
    assert "disavow" not in W.SPEECH | W.NP_CUES | W.XCOMP_CUES and ("disavow", "dobj") in W.learned_verb_frames()
    q = one(quotes("The mayor disavowed the closure of the northern clinic."), "closure")
    assert q.cue.text == "disavowed" and q.speaker["text"] == "The mayor" and not q.direct
    assert q.content.text == "the closure of the northern clinic"


def test_learned_rates_respect_the_frame():
    from eventwire.quotes import words as W

    learned = W.learned_verb_frames()
    # a verb of speech with a clause is learned; the same verb with nothing after it is rarer
    assert ("argue", "ccomp") in learned and ("look", "none") not in learned


def test_lemmatizer_slip_on_hope_is_mended(nlp, quotes, one):
    from eventwire.attribution import cue_lemma

    doc = nlp("The envoy hoped that the talks would resume in the spring.")
    assert cue_lemma(doc[2]) == "hope"
    q = one(quotes(doc.text), "talks would resume")
    assert q.cue.text == "hoped" and q.speaker["text"] == "The envoy"
