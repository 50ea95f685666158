"""Actor resolution: our own sentences, one feature per test."""

from __future__ import annotations

import pytest

from eventwire.actors import find_actors


def _idx(nlp, text):
    doc = nlp(text)
    return doc, find_actors(doc)


def _tok(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def test_title_person_gets_country_and_sector(nlp):
    doc, idx = _idx(nlp, "Kenyan President William Ruto visited the port yesterday.")
    a = idx.for_token(_tok(doc, "Ruto"))
    assert a is not None and a.code == "KENGOV" and a.kind == "person"
    assert a.person == "William Ruto"
    assert doc.text[a.start : a.end] == a.text


def test_demonym_and_sector_noun(nlp):
    doc, idx = _idx(nlp, "Turkish soldiers shelled the village while Greek police watched.")
    assert idx.for_token(_tok(doc, "soldiers")).code == "TURMIL"
    assert idx.for_token(_tok(doc, "police")).code == "GRCCOP"


def test_spokeswoman_for_ministry(nlp):
    doc, idx = _idx(nlp, "A spokesman for the Japanese defence ministry denied the report.")
    assert idx.for_token(_tok(doc, "spokesman")).code == "JPNGOV"


def test_capital_acts_but_location_does_not(nlp):
    doc, idx = _idx(nlp, "Tehran warned London after a bomb exploded in Kabul.")
    assert idx.for_token(_tok(doc, "Tehran")).code == "IRNGOV"
    assert idx.for_token(_tok(doc, "London")).code == "GBRGOV"
    assert idx.for_token(_tok(doc, "Kabul")) is None
    assert idx.for_token(_tok(doc, "Kabul"), locations=True).country == "AFG"


def test_country_in_location_phrase_is_not_an_actor(nlp):
    doc, idx = _idx(nlp, "Rebels attacked a convoy in Mali and in Niger.")
    assert idx.for_token(_tok(doc, "Mali")) is None
    assert idx.for_token(_tok(doc, "Niger")) is None


def test_igo_codes_have_no_country(nlp):
    doc, idx = _idx(nlp, "NATO criticised the United Nations.")
    nato, un = idx.for_token(_tok(doc, "NATO")), idx.for_token(_tok(doc, "Nations"))
    assert nato.code == "IGOWSTNAT" and nato.country is None and nato.kind == "igo"
    assert un.code == "IGOUNO"


def test_seat_of_power_metonymy(nlp):
    doc, idx = _idx(nlp, "The Pentagon and the White House rejected the offer.")
    assert idx.for_token(_tok(doc, "Pentagon")).code == "USAMIL"
    assert idx.for_token(_tok(doc, "House")).code == "USAGOV"


def test_compound_actor_split(nlp):
    doc, idx = _idx(nlp, "Brazil and Argentina signed a trade pact.")
    subj = _tok(doc, "Brazil")
    span = doc[subj.left_edge.i : subj.right_edge.i + 1]
    assert [a.code for a in idx.for_span(span)] == ["BRA", "ARG"]


def test_surname_alias_and_pronoun(nlp):
    doc, idx = _idx(nlp, "Chilean Foreign Minister Alberto Vargas landed in Lima. Vargas said he would stay.")
    assert idx.for_token(_tok(doc, "Vargas", 1)).code == "CHLGOV"
    assert idx.for_token(_tok(doc, "he")).code == "CHLGOV"


def test_appositive_gives_person_a_code(nlp):
    doc, idx = _idx(nlp, "Maria Lopes, the Portuguese ambassador, met the mayor.")
    a = idx.for_token(_tok(doc, "Lopes"))
    assert a.country == "PRT" and a.person == "Maria Lopes"


def test_bare_agent_takes_dominant_country(nlp):
    doc, idx = _idx(nlp, "Police in Bangladesh detained dozens. Later, police fired tear gas at students in Dhaka.")
    assert idx.for_token(_tok(doc, "police", 0)).code == "BGDCOP"
    assert idx.for_token(_tok(doc, "students")).code == "BGDEDU"


def test_no_actor_for_plain_nouns(nlp):
    _doc, idx = _idx(nlp, "The weather was cold and the road was closed.")
    assert idx.mentions == []


def test_us_is_not_a_pronoun_country(nlp):
    doc, idx = _idx(nlp, "They told us the US would pay.")
    assert idx.for_token(_tok(doc, "us")) is None
    assert idx.for_token(_tok(doc, "US")).code == "USA"


def test_mentions_in_text_order_with_offsets(nlp):
    doc, idx = _idx(nlp, "Russian troops entered the town as Ukrainian forces withdrew.")
    assert [m.code for m in idx.mentions] == ["RUSMIL", "UKRMIL"]
    for m in idx.mentions:
        assert doc.text[m.start : m.end] == m.text


def test_country_owned_noun_is_the_country(nlp):
    doc, idx = _idx(nlp, "Artillery shelled Syrian villages and hit Jordan's embassy.")
    assert idx.for_token(_tok(doc, "villages")).country == "SYR"
    assert idx.for_token(_tok(doc, "embassy")).code == "JORDIP"


def test_group_based_in_a_place(nlp):
    doc, idx = _idx(nlp, "A militant group based in Kenya threatened the ministers.")
    assert idx.for_token(_tok(doc, "group")).country == "KEN"


def test_leader_by_surname_but_not_inside_other_names(nlp):
    doc, idx = _idx(nlp, "Putin spoke with the envoy while Carlos Putin Rivera watched.")
    assert idx.for_token(_tok(doc, "Putin")).code == "RUSGOV"
    other = idx.for_token(_tok(doc, "Rivera"))
    assert other is not None and other.person == "Carlos Putin Rivera"
    assert "GOV" not in other.sectors


def test_unknown_organisation_takes_article_country(nlp):
    doc, idx = _idx(nlp, "In Peru, the Andean Farmers Federation blocked roads near Cusco.")
    a = idx.for_token(_tok(doc, "Federation"))
    assert a is not None and a.country == "PER"


def test_international_organisation_gets_no_country(nlp):
    doc, idx = _idx(nlp, "In Peru, the International Water Alliance criticised the mayor.")
    a = idx.for_token(_tok(doc, "Alliance"))
    assert a is None or a.country is None


def test_security_forces_are_police_and_lowercase_acronyms(nlp):
    doc, idx = _idx(nlp, "Security forces in Guatemala dispersed the crowd.")
    assert idx.for_token(_tok(doc, "forces")).code == "GTMCOP"
    doc, idx = _idx(nlp, "the crpf men and the local constables chased the rioters.")
    assert idx.for_token(_tok(doc, "constables")).sectors == ["COP"]


def test_role_owned_things_keep_the_sector(nlp):
    doc, idx = _idx(nlp, "Egyptian police vehicles blocked the road.")
    a = idx.for_token(_tok(doc, "vehicles"))
    assert a is not None and a.code == "EGYCOP"


def test_they_points_back_to_a_plural_group_of_people(nlp):
    doc, idx = _idx(nlp, "Kurdish party leaders in Iraq said they would boycott the vote.")
    a = idx.for_token(_tok(doc, "they"))
    assert a is not None and a.country == "IRQ"


def test_it_does_not_point_at_a_coargument(nlp):
    doc, idx = _idx(nlp, "The ministry in Chile denied it.")
    assert idx.for_token(_tok(doc, "it")) is None


def test_adjective_sector_on_generic_role(nlp):
    doc, idx = _idx(nlp, "Nepalese military officials met the villagers.")
    assert idx.for_token(_tok(doc, "officials")).code == "NPLMIL"


def test_surname_after_name_with_suffix(nlp):
    doc, idx = _idx(nlp, "Brazilian Senator Paulo Mendes Jr. opened the hearing. Mendes then left.")
    a = idx.for_token(_tok(doc, "Mendes", 1))
    assert a is not None and a.code == "BRALEG" and a.person and "Mendes" in a.person


def test_dyad_description_is_not_an_actor(nlp):
    doc, idx = _idx(nlp, "Ministers discussed the India-Pakistan dispute.")
    assert idx.for_token(_tok(doc, "dispute")) is None


def test_igo_officials_are_the_body(nlp):
    doc, idx = _idx(nlp, "NATO officials visited the base.")
    assert idx.for_token(_tok(doc, "officials")).code == "IGOWSTNAT"


def test_coordinated_country_modifiers_split(nlp):
    doc, idx = _idx(nlp, "Dutch and Belgian police raided the warehouse.")
    subj = _tok(doc, "police")
    span = doc[subj.left_edge.i : subj.i + 1]
    assert sorted(a.code for a in idx.for_span(span)) == ["BELCOP", "NLDCOP"]
    assert idx.for_token(_tok(doc, "Belgian")).code == "BELCOP"


def test_town_is_a_location_with_a_country_on_request(nlp):
    doc, idx = _idx(nlp, "Protesters gathered in Mombasa on Friday.")
    town = _tok(doc, "Mombasa")
    assert idx.for_token(town) is None
    assert idx.for_token(town, locations=True).country == "KEN"


def test_ethnic_group_coded_by_residence(nlp):
    doc, idx = _idx(nlp, "Ethnic Hungarian activists rallied in Romania.")
    assert idx.for_token(_tok(doc, "activists")).country == "ROU"
    doc, idx = _idx(nlp, "The Armenians of Georgia asked for schools.")
    assert idx.for_token(_tok(doc, "Armenians")).country == "GEO"


def test_rights_group_without_country_is_transnational(nlp):
    doc, idx = _idx(nlp, "In Chad, a human rights group condemned the arrests.")
    a = idx.for_token(_tok(doc, "group"))
    assert a.code == "NGO" and a.country is None


def test_more_igos(nlp):
    doc, idx = _idx(nlp, "The ILO and the African Union criticised Togo.")
    assert idx.for_token(_tok(doc, "ILO")).code == "IGOUNOLABILO"
    assert idx.for_token(_tok(doc, "Union")).code == "IGOAFRAU"


def test_lower_case_text_still_finds_countries(nlp):
    text = (
        "the pakistani army said on monday that its troops had repulsed an attack near the border. "
        "officials in islamabad said the situation was calm and that talks with afghanistan would go on. "
        "local residents said they had heard shelling through the night and many had fled their homes."
    )
    doc, idx = _idx(nlp, text)
    assert idx.for_token(_tok(doc, "army")).code == "PAKMIL"
    assert idx.dominant == "PAK"


def test_mojibake_is_no_actor(nlp):
    _doc, idx = _idx(nlp, "Police in Lagos said â€ the suspects fled.")
    assert all("€" not in m.text for m in idx.mentions)


def test_his_country_and_the_country(nlp):
    doc, idx = _idx(nlp, "The Ghanaian envoy said his country would not sign. The country has refused before.")
    assert idx.for_token(_tok(doc, "country", 0)).code == "GHA"
    assert idx.for_token(_tok(doc, "country", 1)).code == "GHA"


def test_his_government_takes_the_speaker_country(nlp):
    doc, idx = _idx(nlp, "Peruvian Foreign Minister Ana Rojas said her government would protest.")
    assert idx.for_token(_tok(doc, "government")).code == "PERGOV"


def test_surname_without_arabic_article(nlp):
    doc, idx = _idx(nlp, "Syrian President Bashar al-Assad met envoys. Assad then left for Moscow.")
    assert idx.for_token(_tok(doc, "Assad", 1)).code == "SYRGOV"


def test_place_of_phrase_and_tagged_town_are_locations(nlp):
    doc, idx = _idx(nlp, "Shelling hit the town of Kobani as the SDF advanced.")
    assert idx.for_token(_tok(doc, "Kobani")) is None
    assert idx.for_token(_tok(doc, "SDF")).code == "SYRREB"


def test_the_group_points_back_at_the_named_body(nlp):
    doc, idx = _idx(nlp, "Al-Shabaab attacked a base on Monday. The group later released a statement.")
    assert idx.for_token(_tok(doc, "group")).code == "SOMREBSHB"


def test_headline_country_counts_for_bare_agents(nlp):
    from eventwire.model import Article

    doc = nlp("Police fired tear gas at protesters on Sunday.")
    idx = find_actors(doc, Article(id="t", body=doc.text, title="Unrest spreads across Zambia"))
    assert idx.for_token(doc[0]).code == "ZMBCOP"
    assert find_actors(doc, None).for_token(doc[0]).country is None


def test_congress_belongs_to_the_article_country(nlp):
    doc, idx = _idx(nlp, "Protests grew in Manila. Congress rejected the budget of the Philippine government.")
    assert idx.for_token(_tok(doc, "Congress")).code == "PHLLEG"
    doc, idx = _idx(nlp, "The U.S. Congress passed the bill.")
    assert idx.for_token(_tok(doc, "Congress")).code == "USALEG"


def test_possessor_role_does_not_make_an_event_noun_an_actor(nlp):
    doc, idx = _idx(nlp, "The governor's resignation surprised Nairobi residents.")
    assert idx.for_token(_tok(doc, "resignation")) is None


def test_bare_abstract_role_words_are_no_actors(nlp):
    doc, idx = _idx(nlp, "The treaty came into force after the press reported it.")
    assert idx.for_token(_tok(doc, "force")) is None
    assert idx.for_token(_tok(doc, "press")) is not None


def test_us_agencies_and_military_bases(nlp):
    doc, idx = _idx(nlp, "ICE agents detained him near a military base.")
    assert idx.for_token(_tok(doc, "agents")).code == "USACOP"
    assert idx.for_token(_tok(doc, "base")).sectors == ["MIL"]


def test_kinds(nlp):
    doc, idx = _idx(nlp, "A Nepali soldier and Nepali rebels met UN envoys in Kathmandu while Nepal watched.")
    assert idx.for_token(_tok(doc, "soldier")).kind == "person"
    assert idx.for_token(_tok(doc, "rebels")).kind == "group"
    assert idx.for_token(_tok(doc, "Nepal")).kind == "country"
    assert idx.for_token(_tok(doc, "envoys")).code.startswith("IGOUNO")


def test_partitive_subject_acts_as_the_group(nlp):
    doc, idx = _idx(nlp, "Dozens of Tunisian students were detained. Some of the Tunisian police refused.")
    assert idx.for_token(_tok(doc, "Dozens")).code == "TUNEDU"
    assert idx.for_token(_tok(doc, "Some")).code == "TUNCOP"
    doc, idx = _idx(nlp, "Hamas fighters fired rockets. The group said the strikes were revenge.")
    assert idx.for_token(_tok(doc, "group")).code.startswith("PSEREB")


def test_capital_after_motion_verb_is_a_place(nlp):
    doc, idx = _idx(nlp, "The envoy flew to Ankara and sent a letter to Tehran.")
    assert idx.for_token(_tok(doc, "Ankara")) is None
    assert idx.for_token(_tok(doc, "Tehran")).code == "IRNGOV"


def test_honorific_makes_a_person(nlp):
    doc, idx = _idx(nlp, "In Ghana, Mrs. Boateng condemned the ruling.")
    a = idx.for_token(_tok(doc, "Boateng"))
    assert a is not None and a.kind == "person" and a.country == "GHA"


def test_western_officials_do_not_take_the_articles_country(nlp):
    from eventwire import actors

    doc = nlp(
        "Russian troops shelled the port again. Western officials said the Kremlin had lost ground. Russian officials denied it."
    )
    ms = {m.text: m for m in actors.find_actors(doc, None).mentions}
    assert ms["Western officials"].country is None
    assert ms["Russian officials"].country == "RUS"


def test_news_outlet_is_media_of_its_own_country(nlp):
    from eventwire import actors

    doc = nlp("Russian troops shelled the port, the Financial Times reported.")
    ms = {m.text: m for m in actors.find_actors(doc, None).mentions}
    assert ms["the Financial Times"].code == "GBRMED"


def test_a_titled_name_tagged_as_an_organisation_is_a_person(pinned_doc):
    """The tagger sometimes takes "<Nationality> <title> <name>" for one ORG; pinned parse."""
    from eventwire.actors import find_actors

    doc = pinned_doc(
        [
            ("Kenyan", 4, "amod", "JJ", "ADJ", "kenyan", "B-ORG"),
            ("Defence", 2, "compound", "NNP", "PROPN", "Defence", "I-ORG"),
            ("Adviser", 4, "compound", "NNP", "PROPN", "adviser", "I-ORG"),
            ("Amina", 4, "compound", "NNP", "PROPN", "Amina", "I-ORG"),
            ("Otieno", 5, "nsubj", "NNP", "PROPN", "Otieno", "I-ORG"),
            ("met", 5, "ROOT", "VBD", "VERB", "meet", "O"),
            ("reporters", 5, "dobj", "NNS", "NOUN", "reporter", "O"),
            (".", 5, "punct", ".", "PUNCT", ".", "O"),
            ("Otieno", 9, "nsubj", "NNP", "PROPN", "Otieno", "B-PERSON"),
            ("left", 9, "ROOT", "VBD", "VERB", "leave", "O"),
            (".", 9, "punct", ".", "PUNCT", ".", "O"),
        ]
    )
    index = find_actors(doc, None)
    first, later = index.for_token(doc[4]), index.for_token(doc[8])
    assert first is not None and first.kind == "person" and first.country == "KEN"
    assert first.code in ("KENGOV", "KENMIL")  # the title gives a state sector
    assert first.person == first.name == "Amina Otieno"
    assert later is not None and later.code == first.code  # the surname alone is the same person


@pytest.mark.parametrize(
    "text,word,sector",
    [
        ("Four companies of the reserve police reached the town.", "companies", "COP"),
        ("A column of the army reached the bridge.", "column", "MIL"),
    ],
)
def test_a_unit_of_a_force_is_that_force(nlp, text, word, sector):
    doc, idx = _idx(nlp, text)
    a = idx.for_token(_tok(doc, word))
    assert a is not None and a.sectors == [sector]


def test_legislators_named_without_a_country_are_the_datelines(nlp):
    # a Washington story about another country: its senators and Congress are still American
    text = (
        "WASHINGTON (AP) — Sen. Ruth Vale said Congress would vote on more aid to Ukraine.\n\n"
        "Ukraine asked for air defences after strikes on Kharkiv and Odesa. Ukrainian officials "
        "said Ukraine needed them before winter."
    )
    doc, idx = _idx(nlp, text)
    assert idx.for_token(_tok(doc, "Vale")).code == "USALEG"
    assert idx.for_token(_tok(doc, "Congress")).code == "USALEG"
    assert idx.for_token(_tok(doc, "officials")).code == "UKRGOV"  # the rest keeps the article's country
    # without a dateline, the article's country stands
    doc, idx = _idx(nlp, text.split("— ", 1)[1])
    assert idx.for_token(_tok(doc, "Congress")).code == "UKRLEG"


def test_the_army_is_the_army_just_named_not_the_articles_country(nlp):
    text = (
        "Indian army chief General Rao warned Pakistan on Monday. Pakistan's foreign office called "
        "the warning reckless, and Pakistan's prime minister met envoys in Islamabad. Gunmen attacked "
        "a checkpoint overnight, the army said."
    )
    doc, idx = _idx(nlp, text)
    assert idx.dominant == "PAK"
    assert idx.for_token(_tok(doc, "army", 1)).code == "INDMIL"
    # with no army named before it, the article's country stands
    doc, idx = _idx(
        nlp, "Pakistan's prime minister met envoys in Islamabad. Gunmen attacked a checkpoint, the army said."
    )
    assert idx.for_token(_tok(doc, "army")).code == "PAKMIL"
