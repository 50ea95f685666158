"""The learned ranker: which candidates it keeps, its shipped weights and group thresholds,
and the features it sees."""

from __future__ import annotations

from eventwire.quotes import find_quotes


def _cands(nlp, text):
    from eventwire.quotes import candidates

    return [
        (q.cue.text if q.cue else None, q.content.text, origin) for q, origin in candidates(nlp(text), None, extra=True)
    ]


def test_ranker_accepts_a_stance_verb_outside_the_rules(nlp, quotes, one):
    from eventwire import quotes as Q

    text = "The city council lashed out at the transit agency over the delays."
    assert "lash" not in Q.SPEECH | Q.NP_CUES | Q.XCOMP_CUES
    # the rules alone give nothing; the looser candidate is there and the ranker keeps it
    from eventwire.quotes import candidates

    assert [q for q, o in candidates(nlp(text), None, extra=False)] == []
    q = one(quotes(text), "transit agency")
    assert q.cue.text == "lashed out" and q.speaker["text"] == "The city council" and not q.direct


def test_ranker_refuses_a_plain_deed(nlp, quotes):
    text = "The farmers unloaded the trucks before noon."
    assert ("unloaded", "the trucks", "extra") in _cands(nlp, text)  # a candidate ...
    assert quotes(text) == []  # ... that the ranker turns down


def test_shorter_readings_of_an_object_are_candidates(nlp):
    got = _cands(nlp, "Pat Lee cited the figure at the forum viewed by millions of people.")
    assert ("cited", "the figure at the forum viewed by millions of people", "rule") in got
    assert ("cited", "the figure", "rule:head") in got
    got = _cands(nlp, "Several governors have voiced doubts about the new highway budget.")
    assert ("voiced doubts about", "the new highway budget", "rule:nounprep") in got


def test_overlapping_readings_give_one_record(quotes):
    qs = quotes("Several governors have voiced doubts about the new highway budget.")
    assert len([q for q in qs if "highway" in q.content.text]) == 1


def test_passive_without_agent_is_a_candidate(nlp):
    assert ("released", "The report", "extra") in _cands(nlp, "The report was released on Monday.")


def test_without_ranker_weights_the_rules_decide(nlp, monkeypatch):
    from eventwire.quotes import rank

    monkeypatch.setattr(rank, "_model", lambda: None)
    assert find_quotes(nlp("The city council lashed out at the transit agency over the delays."), None) == []
    qs = find_quotes(nlp("The mayor said the bridge would reopen in May."), None)
    assert [q.content.text for q in qs] == ["the bridge would reopen in May"]


def test_ranker_ships_weights_only():
    import json

    from eventwire.quotes import rank

    path = rank.RANKER_FILE
    assert path.stat().st_size < 2_000_000
    m = json.loads(path.read_text())
    assert 0 < m["threshold"] < 1 and 0 <= m["overlap"] <= 1 and len(m["weights"]) > 100
    # feature names are labels and single lemmas, never phrases from the corpus
    assert not any(any(ch.isspace() for ch in k) for k in m["weights"])
    assert all(isinstance(v, float) for v in m["weights"].values())


def test_group_thresholds_by_finder_and_cue_kind():
    from eventwire.quotes.rank import group

    assert group(["bias", "k=rule_direct"]) == "rule_sure"
    assert group(["bias", "k=rule_verb"]) == "rule_verb"
    assert group(["bias", "k=extra_noun"]) == "extra_noun"
    assert group(["bias", "k=rule:head_verb"]) == "rule_variant_verb"
    assert group(["bias", "k=extra:nounprep_verb"]) == "extra_variant_verb"


def test_a_group_threshold_overrides_the_global_one(nlp, monkeypatch):
    import json

    from eventwire.quotes import rank

    m = json.loads(rank.RANKER_FILE.read_text())
    text = "The mayor said the bridge would reopen in May."
    assert [q.content.text for q in find_quotes(nlp(text), None)] == ["the bridge would reopen in May"]
    m["thresholds"] = {**m.get("thresholds", {}), "rule_verb": 0.999}
    monkeypatch.setattr(rank, "_model", lambda: m)
    assert find_quotes(nlp(text), None) == []  # its group's cut is out of reach


def test_choose_takes_one_threshold_per_candidate():
    from eventwire.model import Quote, TextSpan
    from eventwire.quotes.rank import choose

    qs = [Quote(None, None, TextSpan("x" * 10, 0, 10), False), Quote(None, None, TextSpan("y" * 10, 20, 30), False)]
    assert [q.content.start for q in choose(qs, [0.4, 0.4], 0.5, 0.5)] == []
    assert [q.content.start for q in choose(qs, [0.4, 0.4], [0.3, 0.5], 0.5)] == [0]


def test_shipped_group_thresholds_are_probabilities():
    import json

    from eventwire.quotes import rank

    th = json.loads(rank.RANKER_FILE.read_text())["thresholds"]
    assert {"rule_sure", "rule_verb", "extra_verb", "extra_noun"} <= set(th)
    assert all(0 < v < 1 for v in th.values())


def _feats(nlp, text):
    from eventwire.quotes import candidates
    from eventwire.quotes.rank import featurize

    doc = nlp(text)
    cands = candidates(doc, None, extra=True)
    return [(q.content.text, origin, set(fs)) for (q, origin), fs in zip(cands, featurize(doc, cands))]


def test_ranker_sees_the_readings_that_share_a_cue(nlp):
    got = _feats(nlp, "Pat Lee cited the figure at the forum viewed by millions of people.")
    full = next(fs for c, o, fs in got if o == "rule")
    head = next(fs for c, o, fs in got if o == "rule:head")
    assert "k_size=rule_verb_long" in full and "k_size=rule:head_verb_short" in head
    assert "k_ncue=rule_verb_1" in full  # two readings of one cue (bucket "2")
    assert "k_srule=rule:head_verb_False" in head  # no other rule record in the sentence


def test_ranker_sees_a_rule_record_beside_a_loose_reading(nlp):
    got = _feats(nlp, "The mayor said the bridge would reopen in May, and the crews repaired the deck.")
    deed = next(fs for c, o, fs in got if o == "extra" and "deck" in c)
    assert "k_srule=extra_verb_True" in deed and "x_over_rule" not in deed  # beside it, not inside it
    got = _feats(nlp, "The mayor said the crews had repaired the deck of the old bridge.")
    deed = next(fs for c, o, fs in got if o == "extra" and c.startswith("the deck"))
    assert "k_srule=extra_verb_True" in deed and "x_over_rule" in deed  # inside the mayor's claim
    said = next(fs for c, o, fs in got if o == "rule")
    assert "k_srule=rule_verb_False" in said and "x_over_rule" not in said


def test_ranker_sees_title_case_and_a_speaker_inside_the_content(nlp):
    got = _feats(nlp, "Storm Season: Officials Urge Farmers To Protect Their Crops Now\n\nRain is due.")
    fs = next(fs for c, o, fs in got if "Farmers" in c)
    assert "k_title=rule_colon" in fs
    got = _feats(nlp, "The old steel plant, the manager said, will close in the spring.")
    fs = next(fs for c, o, fs in got if o == "rule")
    assert "k_spkin=rule_verb" in fs
    got = _feats(nlp, "The mayor said the bridge would reopen in May.")
    fs = next(fs for c, o, fs in got if "bridge" in c)
    assert not any(x.startswith(("k_title", "k_spkin")) for x in fs)
