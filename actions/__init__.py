"""Rasa SDK custom actions, one module per subject."""
