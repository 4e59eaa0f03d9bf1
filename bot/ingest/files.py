"""Import PTV files: a page object, a JSON list, one object, or JSON Lines.

A page object is {pageNumber, pageSize, pageCount, itemList}; JSON Lines holds one object per
line (page objects too). Items are streamed into the pipeline in batches, so a 50 000-location
file is never held twice in memory and costs no quadratic work.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, Iterator

from tqdm import tqdm

from bot.ingest import ptv_v11 as ptv
from bot.ingest.pipeline import RecordPipeline
from bot.ingest.report import ImportReport


def import_file(pipeline: RecordPipeline, path: Path, *, progress: bool = False) -> ImportReport:
    """Import every item of `path`; the report counts what happened to each."""
    report = ImportReport(mode="file")
    started = time.perf_counter()
    path = Path(path)
    with tqdm(desc=path.name, unit=" records", disable=not progress, leave=False) as bar:
        pipeline.import_items(iter_file(path, report), report, bar=bar)
    pipeline.refresh_statistics(report)
    report.seconds = time.perf_counter() - started
    return report


def iter_file(path: Path, report: ImportReport) -> Iterator[Any]:
    """Items of a JSON / JSON Lines file (page objects are unwrapped)."""
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except ValueError as error:
                    report.error(f"{path.name}:{number}", f"not valid JSON: {error}")
                    continue
                yield from _unwrap(value)
        return
    with path.open(encoding="utf-8-sig") as handle:
        yield from _unwrap(json.load(handle))


def _unwrap(value: Any) -> Iterator[Any]:
    if ptv.is_page(value) or isinstance(value, list):
        yield from ptv.page_items(value)
    else:
        yield value
