"""Places: toponyms → gazetteer entries (lat/lon, country), and the place of an event.

``find_places(doc, actors)`` is called once per article by the pipeline; the event coder calls
``place_for(trigger, places)`` for each event it keeps.
"""

from __future__ import annotations

from .finder import find_places
from .locate import place_for

__all__ = ["find_places", "place_for"]
