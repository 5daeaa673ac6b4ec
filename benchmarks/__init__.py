"""Benchmarks: a generator of realistic training histories and the timing runs behind
BENCHMARKS.md (`make bench`, i.e. `python -m benchmarks.run`)."""
