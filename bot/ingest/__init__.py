"""Filling the provider directory: run only by explicit commands, never by a lookup.

The ingest wing: `python -m bot providers import|remove-sample` and `bot run`'s start-up
(`prepare.prepare_directory`: migrate, and fill an empty directory) use it; the assistant's
actions never import it. It may read the directory wing's tables and values. Reading order:
- `migrate` (Alembic, scripts in `migrations/`), `prepare` (start-up: migrate and fill once;
  the ESIMERKKI sample only with DIGITUKI_PROVIDER_SAMPLE=1);
- `ptv_v11` (the only module that knows PTV v11 JSON) -> `records` (source-neutral values) ->
  `classify` (is it digital support, what kind; data/providers/curated.yml) -> `assemble`
  (complete provider records, national channels) -> `store` (batched writes);
- `pipeline` (items -> stored providers, in batches), `files` (PTV files), `shipped` (national
  channels and the sample), `sync` with `sync_state` (full and incremental API syncs; `http`:
  the polite client), `report` (counts), `importer` (one handle on all of them);
- `generate` (PTV-shaped test and benchmark data).
"""
