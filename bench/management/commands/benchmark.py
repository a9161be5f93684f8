"""`manage.py benchmark`: the search benchmark of the top-level `bench` package.

See `bench/command.py` for the options and docs/performance.md for the figures.
"""

from bench.command import BenchmarkCommand as Command

__all__ = ["Command"]
