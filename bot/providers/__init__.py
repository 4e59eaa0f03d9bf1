"""The provider directory: where people get digital support, near them, for their topic.

Reading order:
- `models` (tables; `get_provider_limits` for the limits actions), `db` (engine, Alembic
  migrations in `migrations/`, sessions), `vocab` (topics, forms, levels and their bit masks);
- import: `ptv_v11` (the only module that knows PTV v11 JSON) -> `records` (source-neutral
  values) -> `classify` (is it digital support, what kind; data/providers/curated.yml) ->
  `assemble` (complete provider records, national channels) -> `store` (batched writes);
  `importer` drives it from files or the API (`http`: polite client), `report` counts;
- answer: `geo`, `hours` (pure), `search` (`find_providers`), `service` (slots -> search),
  `present` (which domain responses to say);
- `cli` (`python -m bot providers ...`), `generate` (PTV-shaped test and benchmark data).
"""
