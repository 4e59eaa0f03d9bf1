"""100 kB inputs built against each scanner are screened, and a value typed after them is found.

No time is asserted here (the machine is shared); ``python -m bot.guard.bench`` prints the
figures, including how the time grows with the input (linearly).
"""

import pytest

from bot.guard import PLACEHOLDER_IDENTITY_CODE, PersonalDataGuard
from bot.guard.adversarial import ADVERSARIAL_LENGTH, adversarial_inputs

INPUTS = adversarial_inputs()


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_adversarial_input_is_screened_and_still_finds_a_value(name: str) -> None:
    text = INPUTS[name] + "\nhetu 131052-308T."
    assert len(INPUTS[name]) == ADVERSARIAL_LENGTH
    screened = PersonalDataGuard().screen("adversary", text)
    assert "131052-308T" not in screened.text
    assert screened.text.endswith(f"hetu {PLACEHOLDER_IDENTITY_CODE}.")
