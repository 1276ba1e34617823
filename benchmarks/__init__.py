"""Benchmarks for DESIGN.md §5's targets; `make bench` runs them all."""
