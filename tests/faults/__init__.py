"""Fault and load tests: crashes, concurrent writers, old and broken files, fuzzed input."""
