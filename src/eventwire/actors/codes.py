"""CAMEO actor codes from their parts (country or body prefix + sectors), and one actor completed
with what another mention of it says."""

from __future__ import annotations

from ..model import Actor


def actor_code(country: str | None, prefix: str | None, sectors: list[str]) -> str:
    """CAMEO code: country or body prefix + sectors ("USA"+"GOV"; "IGOUNO"+"MIL"; officials of a
    body are the body itself, so "IGOUNO" takes no GOV, nor a rebel or opposition group's code)."""
    base = prefix or country or ""
    # a body's officials and a group's leaders are the body or group ("Taliban leaders": AFGREBTAL)
    igo = base.startswith(("IGO", "NGO")) or base[3:6] in ("REB", "OPP")
    return base + "".join(
        s for s in sectors if (s not in base[3:] or not base) and not (igo and s in ("GOV", base[:3]))
    )


def body_prefix(a: Actor) -> str | None:
    """The body code an actor without a country carries ("IGOUNO", "NGO"), for reuse."""
    if a.country:
        return None
    if a.code == "".join(a.sectors):
        return None  # sectors only ("COP"): no body to carry over, or the code doubles ("COPCOP")
    return a.code[:6] if a.code.startswith(("IGO", "NGO")) else (a.code or None)


def merge(a: Actor, b: Actor) -> Actor:
    """``a`` completed with what ``b`` knows (country, sectors, person), keeping a's evidence."""
    if (a.country or a.code.startswith(("IGO", "NGO"))) and a.sectors and (a.person or not b.person):
        return a
    country = a.country or b.country
    igo = not a.country and b.code.startswith(("IGO", "NGO")) and not country
    sectors = a.sectors or b.sectors
    person = a.person or b.person
    if not (country or igo) and sectors == a.sectors and person == a.person:
        return a
    if a.country and b.country and a.country != b.country:
        return a
    prefix = b.code[:6] if igo else None
    code = actor_code(country, prefix, list(sectors))
    kind = "person" if (a.kind == "person" or b.kind == "person") else a.kind
    return Actor(
        code, country, list(sectors), a.name if a.person or a.country else b.name, a.text, a.start, a.end, kind, person
    )
