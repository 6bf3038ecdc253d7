"""Benchmark of the production server (`make bench`): prints figures, asserts nothing."""
