"""The provider directory: where people get digital support, near them, for their topic.

Modules: `models` (tables), `db` (engine, migrations, sessions), `ptv_v11` (the only place that
knows PTV v11 JSON), `geo`, `hours`, `classify` (is a channel digital support, and what kind),
`importer` (API and file import), `search` (nearest providers), `present` (what the bot says),
`cli` (`python -m bot providers ...`), `generate` (PTV-shaped test data).
"""
