"""Office titles: the words before "Minister", "Secretary" or "Adviser" name the portfolio, not a sector."""

from __future__ import annotations

from eventwire.actors import find_actors


def _actor(nlp, text, word):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    return find_actors(doc).for_token(tok)


def test_titled_name_tagged_as_one_org_is_a_government_person(pinned_doc):
    """ "National" inside a security adviser's title is no citizen ("a national"); pinned parse."""
    doc = pinned_doc(
        [
            ("Ghanaian", 5, "amod", "JJ", "ADJ", "ghanaian", "B-ORG"),
            ("National", 3, "compound", "NNP", "PROPN", "National", "I-ORG"),
            ("Security", 3, "compound", "NNP", "PROPN", "Security", "I-ORG"),
            ("Adviser", 5, "compound", "NNP", "PROPN", "Adviser", "I-ORG"),
            ("Kwame", 5, "compound", "NNP", "PROPN", "Kwame", "I-ORG"),
            ("Asante", 6, "nsubj", "NNP", "PROPN", "Asante", "I-ORG"),
            ("flew", 6, "ROOT", "VBD", "VERB", "fly", "O"),
            ("home", 6, "advmod", "RB", "ADV", "home", "O"),
            (".", 6, "punct", ".", "PUNCT", ".", "O"),
            ("Asante", 10, "nsubj", "NNP", "PROPN", "Asante", "B-PERSON"),
            ("spoke", 10, "ROOT", "VBD", "VERB", "speak", "O"),
            (".", 10, "punct", ".", "PUNCT", ".", "O"),
        ]
    )
    index = find_actors(doc, None)
    first, later = index.for_token(doc[5]), index.for_token(doc[9])
    assert first is not None and first.code == "GHAGOV" and first.kind == "person"
    assert first.person == "Kwame Asante"
    assert later is not None and later.code == "GHAGOV"


def test_office_tagged_as_org_without_a_name_is_government(pinned_doc):
    doc = pinned_doc(
        [
            ("The", 3, "det", "DT", "DET", "the", "B-ORG"),
            ("National", 3, "compound", "NNP", "PROPN", "National", "I-ORG"),
            ("Security", 3, "compound", "NNP", "PROPN", "Security", "I-ORG"),
            ("Adviser", 4, "nsubj", "NNP", "PROPN", "Adviser", "I-ORG"),
            ("resigned", 4, "ROOT", "VBD", "VERB", "resign", "O"),
            (".", 4, "punct", ".", "PUNCT", ".", "O"),
        ]
    )
    a = find_actors(doc, None).for_token(doc[3])
    assert a is not None and a.sectors == ["GOV"] and a.kind == "person"


def test_portfolio_words_do_not_give_their_own_sector(nlp):
    # "justice" alone is a judge and "defense" a military word; in an office title they are portfolios
    assert _actor(nlp, "Peruvian Justice Minister Ana Quispe signed the decree on Friday.", "Quispe").code == "PERGOV"
    assert _actor(nlp, "Chilean Defense Secretary Tomas Rojas toured the base.", "Rojas").code == "CHLGOV"
    assert _actor(nlp, "Peru's justice minister signed the decree on Friday.", "minister").code == "PERGOV"


def test_sector_pairs_and_other_titles_keep_their_sector(nlp):
    assert _actor(nlp, "A Peruvian military adviser was seen at the base.", "adviser").code == "PERMIL"
    assert _actor(nlp, "Peruvian opposition leader Ana Quispe led the march.", "Quispe").code == "PEROPP"
    assert _actor(nlp, "Peruvian police officers blocked the road.", "officers").code == "PERCOP"
