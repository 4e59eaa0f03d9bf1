"""Finnish municipalities and postal codes (reference data in ``data/reference``)."""

from bot.places.index import MunicipalityIndex, get_index
from bot.places.model import Municipality, PlaceMatch, PostalArea

__all__ = ["Municipality", "MunicipalityIndex", "PlaceMatch", "PostalArea", "get_index"]
