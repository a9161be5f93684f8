"""The sample documents shipped in `samples/`: its `.txt` files, and the seeds among them."""

from __future__ import annotations

from pathlib import Path


def sample_documents(folder: Path) -> list[Path]:
    """The sample documents: the folder's `.txt` files (not its README or provenance list)."""
    return sorted(folder.glob("*.txt"))


def seed_documents(folder: Path) -> list[Path]:
    """The seeds: the samples with a hand-made `.gold.json`. The benchmarks are built from them,
    so that their figures stay comparable when samples are added."""
    return [path for path in sample_documents(folder) if path.with_suffix(".gold.json").exists()]
