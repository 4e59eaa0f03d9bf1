"""Shared pytest configuration. Helpers may append fixtures here."""

import os

# Rasa phones home on import unless told not to; tests must never touch the network.
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
