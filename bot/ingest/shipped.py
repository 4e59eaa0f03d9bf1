"""The data the project ships: the curated national channels and the ESIMERKKI sample.

The national channels (data/providers/national_channels.yml, written by hand with cited
sources) are real and always loaded. The sample (data/providers/sample/) is made up for demos
and development; it is loaded only when asked for (`providers import --sample`, or
DIGITUKI_PROVIDER_SAMPLE=1 at start-up: bot/ingest/prepare.py), every record is marked as
sample, the bot says so, and `providers remove-sample` drops them.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.directory.models import ProviderLocation
from bot.ingest.assemble import CURATED_SOURCE, NATIONAL_CHANNELS_FILE, load_national_channels
from bot.ingest.classify import SAMPLE_DIR
from bot.ingest.files import import_file
from bot.ingest.pipeline import RecordPipeline
from bot.ingest.report import ImportReport
from bot.ingest.store import delete_providers, validate, write_batch

SAMPLE_FILES = (SAMPLE_DIR / "ptv_sample_services.json", SAMPLE_DIR / "ptv_sample_channels.json")


def import_national_channels(
    pipeline: RecordPipeline, path: Path = NATIONAL_CHANNELS_FILE
) -> ImportReport:
    """(Re)load the national channels; entries removed from the file are deleted."""
    report = ImportReport(mode="national")
    records = load_national_channels(path)
    for record in records:
        validate(record)
    session = pipeline.sessions()
    try:
        write_batch(session, records, report, now=pipeline.clock())
        keep = {record.channel.source_id for record in records}
        with session.begin():
            stale = [
                row_id
                for row_id, source_id in session.execute(
                    select(ProviderLocation.id, ProviderLocation.source_id).where(
                        ProviderLocation.source == CURATED_SOURCE
                    )
                )
                if source_id not in keep
            ]
            report.deleted += delete_providers(session, stale)
    finally:
        session.close()
    return report


def import_sample(pipeline: RecordPipeline, *, progress: bool = False) -> ImportReport:
    """The shipped sample (services first, then channels)."""
    report = ImportReport(mode="sample")
    for path in SAMPLE_FILES:
        report.merge_counts(import_file(pipeline, path, progress=progress))
    return report


def remove_sample(pipeline: RecordPipeline) -> int:
    """Delete every sample record; the number deleted."""
    session = pipeline.sessions()
    try:
        with session.begin():
            ids = list(
                session.scalars(select(ProviderLocation.id).where(ProviderLocation.is_sample))
            )
            return delete_providers(session, ids)
    finally:
        session.close()


def populate_if_empty(pipeline: RecordPipeline, *, with_sample: bool) -> bool:
    """On an empty directory, load the national channels (and the sample); True if loaded.

    A fresh deployment then answers with something honest at once: the national channels.
    """
    session = pipeline.sessions()
    try:
        count = session.scalar(select(func.count()).select_from(ProviderLocation))
    finally:
        session.close()
    if count:
        return False
    import_national_channels(pipeline)
    if with_sample:
        import_sample(pipeline)
    return True
