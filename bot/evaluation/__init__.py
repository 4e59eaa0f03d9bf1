"""Held-out evaluation of the NLU (against a baseline) and of the whole triage."""
