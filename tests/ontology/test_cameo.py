"""The CAMEO table shipped as package data: complete, consistent, and mapped to PLOVER."""

from eventwire.ontology import get, parent, plover_type
from eventwire.ontology.cameo import table


def test_all_codes_and_roots_present():
    t = table()
    assert len(t) >= 300
    roots = {c.root for c in t.values()}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_goldstein_and_quad_class_follow_gdelt():
    assert get("190").goldstein == -10.0
    assert get("0232").goldstein == 3.4
    assert get("0232").quad_class == 1 and get("073").quad_class == 2
    assert get("111").quad_class == 3 and get("1823").quad_class == 4


def test_parent_chain_and_fallback():
    assert parent("0232") == "023" and parent("023") == "02" and parent("02") is None
    assert get("0239").code == "023"  # an unlisted sub-code falls back to its listed parent


def test_plover_types():
    assert plover_type("173") == "COERCE"
    assert plover_type("0841") == "RETREAT"
    assert plover_type("163") == "COERCE"
    assert plover_type("1383") == "THREATEN"
    assert plover_type("010") is None
    assert plover_type("0232") == "REQUEST"
