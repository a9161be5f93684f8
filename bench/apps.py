"""bench/ as a Django app: only so that its measuring commands are found (bench/management/)."""

from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "bench"
    verbose_name = "Benchmarks"
