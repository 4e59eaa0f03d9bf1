"""Load benchmarks: figures to read, never assertions (see benchmarks/README.md)."""
