"""Benchmarks of nnlit: `make bench` or `python -m benchmarks`."""
