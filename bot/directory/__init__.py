"""The provider directory as the assistant reads it: where people get digital support, near them.

The read-only wing. It never migrates, imports or writes (a lookup runs in a session that is
rolled back) and imports nothing of the ingest wing (bot.ingest); tests/providers/test_wings.py
walks the imports to keep it so. Reading order:
- `models` (tables; `get_provider_limits` for the limits actions), `db` (engine and sessions),
  `vocab` (topics, forms, levels and their bit masks);
- `geo`, `hours` (pure), `search` (`find_providers`; what fits a level is bot.auta's),
  `service` (slots -> search, the actions' and the CLI's entry point);
- `forms` (the order of forms for one person), `present` (which domain responses to say),
  `speech`, `cards` and `nlg` (how a provider's message and card are said through the domain's
  responses).
"""
