"""The closed value sets of the triage slots.

Other parts of the system (actions, the batch triage output, the provider directory, the limits
rules) and its users rely on these exact strings, so they are defined once here and nowhere else.
"""

from typing import Dict, Tuple

TOPIC = "topic"
NEED_LEVEL = "need_level"
ASKER = "asker"
MUNICIPALITY = "municipality"
POSTAL_CODE = "postal_code"

TOPICS: Tuple[str, ...] = (
    "banking",
    "suomifi_messages",
    "identification",
    "authorizations",
    "e_services",
    "device",
    "communication",
    "security",
)

# Ordered by the AUTA model: level 1 first.
NEED_LEVELS: Tuple[str, ...] = (
    "self_service",
    "light_support",
    "demanding_support",
    "non_digital",
)

ASKERS: Tuple[str, ...] = ("self", "relative", "advisor")

LABEL_VALUES: Dict[str, Tuple[str, ...]] = {
    TOPIC: TOPICS,
    NEED_LEVEL: NEED_LEVELS,
    ASKER: ASKERS,
}
