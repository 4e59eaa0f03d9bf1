"""Write a PTV v11-shaped JSON Lines file of generated (ESIMERKKI) providers.

    .venv/bin/python scripts/generate_ptv_file.py --count 50000 --out data/local/ptv_50000.jsonl

The file starts with the generated services (with PTV service classes) and then `--count`
channels spread over every municipality; ids are stable for a given --seed, so importing a
regenerated file again is idempotent. See bot/ingest/generate.py.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest.generate import (
    generate_channels,
    generated_services,
    municipality_points,
    write_jsonl,
)
from bot.paths import ensure_local_dir


def generate_file(path: Path, count: int, seed: int = 2024) -> int:
    """Write the file; returns the number of channels."""
    items = itertools.chain(
        generated_services(), generate_channels(count, municipality_points(), seed=seed)
    )
    return write_jsonl(path, items) - len(generated_services())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or ensure_local_dir() / f"ptv_{args.count}.jsonl"
    started = time.perf_counter()
    written = generate_file(out, args.count, args.seed)
    size = out.stat().st_size / 1e6
    print(
        f"wrote {written} channels to {out} ({size:.0f} MB, {time.perf_counter() - started:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
