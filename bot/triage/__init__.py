"""Triage vocabulary and logic: topic, need level and asker."""
