"""Nothing the guard returns or keeps holds a removed value once the redaction is over.

Checked on the live objects of the process: after screening, every dict, list, tuple and set
the garbage collector knows (the guard's memory, Screened and Finding objects, caches of the
scanners, redacted metadata and events) is searched for a string holding the value.
"""

import gc
import random
import uuid
from typing import Any, List, Tuple

import pytest
from rasa.shared.core.events import UserUttered
from stdnum.exceptions import ValidationError
from stdnum.fi import hetu as stdnum_hetu

from bot.guard import PersonalDataGuard
from bot.guard.identity_codes import hetu_check_char
from bot.guard.redactor import redact_alongside
from bot.guard.tracker_store import redact_event_dicts

GUARD = PersonalDataGuard()


def _containers_holding(fragment: str) -> List[str]:
    holders = []
    for obj in gc.get_objects():
        if isinstance(obj, dict):
            items: Any = [*obj.keys(), *obj.values()]
        elif isinstance(obj, (list, tuple, set, frozenset)):
            items = obj
        else:
            continue
        if any(
            isinstance(item, str) and item is not fragment and fragment in item for item in items
        ):
            holders.append(type(obj).__name__)
    return holders


def _screen_a_fresh_value() -> Tuple[Tuple[str, str], List[Any]]:
    """Screen messages holding values made up here; return fragments of them and the results."""
    individual = f"{random.randint(100, 899)}"
    code = "290870-" + individual + hetu_check_char("290870", individual)
    password = f"Zq{uuid.uuid4().hex[:12]}!"
    text = f"hetu {code}, salasana on {password}"
    screened = GUARD.screen("retention", text)
    metadata = redact_alongside({"typed": text, "copy": [text]}, text, screened.findings)
    events = redact_event_dicts([UserUttered(text, metadata={"raw": text}).as_dict()])
    half = GUARD.screen("retention", "syntymäaika 290870")  # the memory notes a half code
    return (code, password[2:14]), [screened, metadata, events, half, GUARD]


def test_no_live_object_holds_a_removed_value() -> None:
    fragments, results = _screen_a_fresh_value()
    gc.collect()
    for fragment in fragments:
        assert _containers_holding(fragment) == []
        assert fragment not in repr(results)


def test_stdnum_validation_errors_carry_no_number() -> None:
    # The guard calls is_valid, which swallows these; should one ever escape into a log line,
    # its message must not quote the code.
    with pytest.raises(ValidationError) as error:
        stdnum_hetu.validate("131052-308U")
    assert "131052" not in str(error.value) and "308" not in str(error.value)
