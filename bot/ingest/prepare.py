"""Make a directory database ready to serve: migrate it, and fill it once when it is empty.

Called explicitly, never by a lookup: by `bot run` at start-up (bot/runtime/dependencies.py)
and by `python -m bot providers import` before it imports. An empty directory gets the curated
national channels, which are real; the made-up ESIMERKKI sample only when it is asked for
with DIGITUKI_PROVIDER_SAMPLE=1, a demo and development setting (the README's `make run` and
`make test` set it). A deployment leaves it unset and imports PTV data instead.
"""

from __future__ import annotations

import os
from typing import Mapping, Optional

from sqlalchemy.engine import Engine

from bot.ingest.migrate import upgrade_to_head
from bot.ingest.pipeline import RecordPipeline
from bot.ingest.shipped import populate_if_empty

SAMPLE_ENV = "DIGITUKI_PROVIDER_SAMPLE"
_ON = frozenset({"1", "true", "yes", "on"})


def sample_wanted(environ: Optional[Mapping[str, str]] = None) -> bool:
    """Whether DIGITUKI_PROVIDER_SAMPLE asks for the sample (off unless set to 1/true/yes/on)."""
    value = (os.environ if environ is None else environ).get(SAMPLE_ENV, "")
    return value.strip().lower() in _ON


def prepare_directory(engine: Engine, *, with_sample: Optional[bool] = None) -> bool:
    """Migrate `engine`'s database and fill it if empty; True when it was filled now.

    `with_sample` None reads DIGITUKI_PROVIDER_SAMPLE.
    """
    upgrade_to_head(engine)
    sample = sample_wanted() if with_sample is None else with_sample
    return populate_if_empty(RecordPipeline(engine), with_sample=sample)
