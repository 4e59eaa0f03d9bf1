"""How long the guard takes: typical messages and 100 kB adversarial inputs. Figures only.

    .venv/bin/python -m bot.guard.bench

Prints, for each input, the median and worst of a few runs of ``PersonalDataGuard.screen``
(with conversation memory, as the channels call it) measured with time.perf_counter. Nothing
here asserts on time; the test suite checks that the adversarial inputs are screened at all
(tests/guard/test_adversarial.py).
"""

from __future__ import annotations

import statistics
import time
from typing import Callable, Dict, List, Sequence

from bot.guard.adversarial import adversarial_inputs
from bot.guard.redactor import PersonalDataGuard, redact_text

TYPICAL = {
    "plain question": "äitini ei osaa käyttää verkkopankkia, hän asuu Hailuodossa",
    "identity code": "mun hetu on 131052-308T, voitteko auttaa",
    "card with details": "kortti 4111 1111 1111 1111 exp 12/27 cvc 123",
    "password, swedish": "mitt lösenord är hemligt1",
    "everyday values": "soita 040 123 4567 tai tule 12.3.2025 klo 14.30, asun 90100 oulu",
}


def _timings(function: Callable[[], object], runs: int) -> List[float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return timings


def _report(title: str, inputs: Dict[str, str], runs: int, unit: float, unit_name: str) -> None:
    print(f"\n{title}")
    print(f"{'input':32} {'chars':>8} {'screen median':>14} {'worst':>10} {'redact_text':>12}")
    guard = PersonalDataGuard()
    for name, text in inputs.items():
        screen = _timings(lambda text=text: guard.screen("bench", text), runs)
        stateless = _timings(lambda text=text: redact_text(text), runs)
        print(
            f"{name:32} {len(text):>8} {statistics.median(screen) / unit:>11.2f} {unit_name}"
            f" {max(screen) / unit:>7.2f} {unit_name} {statistics.median(stateless) / unit:>9.2f}"
            f" {unit_name}"
        )


def _scaling(lengths: Sequence[int] = (25_000, 50_000, 100_000, 200_000), runs: int = 3) -> None:
    """Median screening time per input as the input grows: linear means it doubles, no more."""
    print(f"\nScaling (median of {runs} runs, ms)")
    names = list(adversarial_inputs(1000))
    print(f"{'input':32} " + " ".join(f"{length:>9}" for length in lengths))
    by_length = {length: adversarial_inputs(length) for length in lengths}
    guard = PersonalDataGuard()
    for name in names:
        medians = [
            statistics.median(
                _timings(lambda text=by_length[length][name]: guard.screen("s", text), runs)
            )
            for length in lengths
        ]
        print(f"{name:32} " + " ".join(f"{median * 1e3:>9.1f}" for median in medians))


def main() -> None:
    _report("Typical messages (200 runs each)", TYPICAL, 200, 1e-6, "µs")
    _report("1,000-character adversarial inputs (20 runs each)", adversarial_inputs(1000), 20,
            1e-3, "ms")  # fmt: skip
    _report("100 kB adversarial inputs (5 runs each)", adversarial_inputs(), 5, 1e-3, "ms")
    _scaling()


if __name__ == "__main__":
    main()
