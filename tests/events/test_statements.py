"""Bare statements ("X said", CAMEO 010) are no records by default; specific 01x acts stay; blame
lays an act at someone's door as their claim."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events.article import drop_bare_statements
from eventwire.model import Event, TextSpan

STORY = (
    "Soldiers arrested four smugglers near the border town of Tamanrasset on Friday, the defence "
    "ministry said. The ministry declined to comment on the identity of the men."
)


def _event(cameo: str) -> Event:
    span = TextSpan("x", 0, 1)
    return Event(
        cameo=cameo,
        name="",
        root=cameo[:2],
        quad_class=1,
        goldstein=0.0,
        plover=None,
        source=None,
        target=None,
        modality="asserted",
        evidence=span,
        trigger=span,
    )


def test_drop_bare_statements_keeps_specific_01x_codes():
    kept = drop_bare_statements([_event("010"), _event("011"), _event("016"), _event("173")])
    assert [e.cameo for e in kept] == ["011", "016", "173"]


@pytest.mark.usefixtures("nlp")
def test_no_bare_said_record_by_default():
    codes = [e.cameo for e in eventwire.extract(STORY).events]
    assert "010" not in codes
    assert any(c.startswith("17") for c in codes)  # the arrest is still there


@pytest.mark.usefixtures("nlp")
def test_statements_option_keeps_every_said():
    codes = [e.cameo for e in eventwire.extract(STORY, statements=True).events]
    assert "010" in codes
    batch = list(eventwire.extract_batch([STORY], statements=True))
    assert "010" in [e.cameo for e in batch[0].events]


@pytest.mark.usefixtures("nlp")
def test_the_act_a_relative_clause_blames_is_reported_by_the_blamer():
    text = "The shelling of the market in Kharkiv, which the army attributed to separatists, wounded six."
    (shelling,) = [e for e in eventwire.extract(text).events if e.trigger.text == "shelling"]
    assert shelling.modality == "reported"
    assert [a.cue for a in shelling.attribution] == ["attribute"]
    assert shelling.attribution[0].text.endswith("army")


@pytest.mark.usefixtures("nlp")
def test_blaming_someone_for_nothing_leaves_acts_alone():
    text = "Rebels ambushed a patrol near Gao on Sunday. The governor blamed the government for the poor roads."
    (ambush,) = [e for e in eventwire.extract(text).events if e.trigger.text == "ambushed"]
    assert ambush.modality == "asserted"
