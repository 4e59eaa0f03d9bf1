"""Finnish language layer over Voikko (no Rasa imports here)."""

from bot.language.voikko import FinnishAnalyzer, get_analyzer

__all__ = ["FinnishAnalyzer", "get_analyzer"]
