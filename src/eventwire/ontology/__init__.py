"""The CAMEO event ontology (codes, Goldstein, quad class) and its PLOVER mapping."""

from .cameo import CameoCode, describe, get, is_code, parent
from .plover import plover_type

__all__ = ["CameoCode", "describe", "get", "is_code", "parent", "plover_type"]
