"""Parse every text of a corpus under a time limit and report failures and agreement with its
manifest; no database is touched."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from resolutions.parsing.robustness import Report, check_corpus


class Command(BaseCommand):
    help = (
        "Parse every file of a corpus folder (with its MANIFEST.tsv) under a per-document time "
        "limit; print failures, documents without operative paragraphs, symbol, body and year "
        "agreement with the manifest, verb coverage and the most frequent warnings."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder of the corpus files")
        parser.add_argument(
            "--manifest",
            default="",
            help="MANIFEST.tsv (default: in the folder, else in its parent)",
        )
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="seconds allowed per document"
        )
        parser.add_argument(
            "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes"
        )
        parser.add_argument(
            "--brief",
            action="store_true",
            help="count documents without operative paragraphs by kind instead of listing each",
        )

    def handle(
        self,
        *args: object,
        directory: str,
        manifest: str,
        timeout: float,
        jobs: int,
        brief: bool,
        **options: object,
    ) -> None:
        folder = Path(directory)
        manifest_path = Path(manifest) if manifest else find_manifest(folder)
        if not folder.is_dir() or manifest_path is None or not manifest_path.is_file():
            raise CommandError(f"need a folder with a MANIFEST.tsv: {directory}")
        report = check_corpus(folder, manifest=manifest_path, limit=timeout, jobs=max(1, jobs))
        self.stdout.write("\n".join(render(report, brief=brief)))


def find_manifest(folder: Path) -> Path | None:
    """The manifest beside the files or one folder up (as the corpus archive unpacks)."""
    for candidate in (folder / "MANIFEST.tsv", folder.parent / "MANIFEST.tsv"):
        if candidate.is_file():
            return candidate
    return None


def share(pair: tuple[int, int]) -> str:
    hits, total = pair
    return f"{hits}/{total} = {hits / total:.3f}" if total else "0/0"


def render(report: Report, *, brief: bool) -> list[str]:
    """The report as lines of text."""
    parsed = report.parsed()
    lines = [
        f"documents: {len(report.outcomes)} in {report.seconds:.1f} s with {report.jobs} "
        f"worker(s): {len(report.outcomes) / max(report.seconds, 1e-9):.1f} documents/s",
        f"failed or timed out: {len(report.failed)}",
        *(f"  {o.status:8s} {o.file}: {o.error}" for o in report.failed),
        f"symbol matches manifest: {share(report.symbol_share())}",
        f"body and year match manifest: {share(report.body_year_share())}",
        f"operative verbs in the vocabulary: {share(report.verb_coverage())}",
        f"without an operative paragraph: {len(report.no_operative)} of {len(parsed)}",
    ]
    by_kind: dict[str, int] = {}
    for outcome, _ in report.no_operative:
        kind = report.manifest[outcome.file].kind
        by_kind[kind] = by_kind.get(kind, 0) + 1
    lines.extend(f"  {kind}: {count}" for kind, count in sorted(by_kind.items()))
    if not brief:
        lines.extend(
            f"  {report.manifest[o.file].kind:10s} {o.file}: {why}"
            for o, why in report.no_operative
        )
    lines.append("most frequent warnings:")
    lines.extend(f"  {count:6d}  {warning}" for warning, count in report.top_warnings())
    return lines
