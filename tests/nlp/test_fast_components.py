"""The indexed attribute ruler and memo lemmatizer set exactly what spaCy's own components set."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from eventwire.nlp import (
    MODEL_NAMES,
    WIRE_DATELINES,
    IndexedAttributeRuler,
    MemoLemmatizer,
    for_news,
    speed_up,
)

# Sentences written for this test: each rule kind of the model's ruler (tag map, word + tag
# exceptions, dependency conditions, two-token patterns, regex forms, whitespace tokens).
TEXTS = [
    "The envoys were meeting in Ankara on Monday, but they did not agree.",
    "Y'all ain't gonna believe it: we gotta leave, let's go, c'mon now, nothin' is left.",
    "I told you it was over. You saw me and it saw you; give it to me.",
    "There is a ceasefire and there were talks, which the ministers had welcomed.",
    "She has done what he did, and does he have it?  The rebels  \n\n  withdrew.",
    "Whether or not the talks resume, that decision was theirs; those who left were few.",
    "It is n't clear whether troops will've moved by then, but it's likely.",
    "",
]


pytestmark = pytest.mark.slow


def _model() -> spacy.language.Language:
    """A fresh copy of the model with spaCy's own components: the session's ``nlp`` has ours."""
    return spacy.load(next(n for n in MODEL_NAMES if spacy.util.is_package(n)))


@pytest.fixture(scope="module")
def plain():
    """spaCy's own components, with the same tokens and paragraph sentence starts as ``load_nlp``."""
    return for_news(_model())


def test_same_tags_morphology_and_lemmas_as_spacy(plain, nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    cols = [TAG, POS, MORPH, LEMMA, DEP]
    for _ in range(2):  # second round: from the memo
        for text in TEXTS:
            want, got = plain(text), nlp(text)
            assert [t.text for t in got] == [t.text for t in want]
            assert got.to_array(cols).tolist() == want.to_array(cols).tolist(), text


def test_exception_rules_are_applied(nlp):
    doc = nlp("They ain't gonna stop.")
    by_text = {t.text: t for t in doc}
    assert by_text["ai"].lemma_ == "be"
    assert (by_text["gon"].lemma_, by_text["na"].lemma_) == ("go", "to")
    assert by_text["n't"].pos_ == "PART" and by_text["n't"].lemma_ == "not"


def test_spacys_own_memo_is_not_kept_beside_ours():
    fast = speed_up(_model())
    lemmatizer = fast.get_pipe("lemmatizer")
    fast("Negotiators walked out and sanctions were lifted.")
    assert lemmatizer.cache  # the memo fills
    assert not lemmatizer.lemmatizer.cache  # spaCy's own memo is not kept beside it


def test_sentences_stop_at_paragraph_breaks(nlp):
    text = (
        "“In Lyon we have the Front, and here we have the mayor.”\n\n"
        "Groups of that kind show little interest in rebuilding the old alliances, she said.\n\n"
        "''These groups are a danger,'' she added."
    )
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == [
        "“In Lyon we have the Front, and here we have the mayor.”",
        "Groups of that kind show little interest in rebuilding the old alliances, she said.",
        "''These groups are a danger,'' she added.",
    ]  # the opening mark starts its sentence
    # a hard-wrapped line inside a sentence is no break
    assert len(list(nlp("The talks, which began\nin Geneva, ended on Friday.").sents)) == 1


@pytest.mark.parametrize(
    "dateline, place, rest",
    [
        ("KYIV (Reuters) - ", "KYIV", "Ukraine accused Russia of shelling a well-run clinic."),
        ("GREEN BAY, Wis. — ", "GREEN BAY", "Gov. Ann Rudd criticized the plan on Tuesday."),
        ("ST. LOUIS -- ", "ST. LOUIS", "Officials said the river rose overnight."),
        ("Mexico City (AFP) – ", "Mexico City", "Farmers blocked the main highway on Monday."),
    ],
)
def test_a_dateline_is_not_the_subject(nlp, dateline, place, rest):
    # the words after a wire dateline start a sentence: the parser had made the city the subject
    doc = nlp("Lede paragraph.\n\n" + dateline + rest)
    first = next(t for t in doc if t.idx == len("Lede paragraph.\n\n") + len(dateline))
    assert first.is_sent_start
    root = first.sent.root
    assert not any(c.dep_ == "nsubj" and c.idx < first.idx for c in root.children)
    assert [s.text for s in doc.spans[WIRE_DATELINES]] == [place]  # left for the places and actors stages


def test_capitals_without_a_dash_are_no_dateline(nlp):
    doc = nlp("NATO - the alliance - met today.\n\nUS officials said the talks went well.")
    assert not any(t.is_sent_start for t in doc if t.text in ("officials", "the"))
    assert not len(doc.spans[WIRE_DATELINES])
    doc = nlp("Lede paragraph.\n\nMr. Lund (R) - a former judge - won the seat.")
    assert not any(t.is_sent_start for t in doc if t.text == "a")
