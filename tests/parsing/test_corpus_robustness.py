"""The corpus robustness run (`manage.py parse_corpus`) on a fixed sample of the shared corpus."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from resolutions.parsing.robustness import check_corpus, read_manifest, same_symbol

SAMPLE = Path(__file__).parent / "corpus_sample"
MANIFEST = SAMPLE / "MANIFEST.tsv"


@pytest.fixture(scope="module")
def report():
    return check_corpus(SAMPLE, manifest=MANIFEST, limit=10.0, jobs=2)


def test_every_sample_document_parses_within_the_limit(report) -> None:
    assert len(report.outcomes) == len(read_manifest(MANIFEST)) == 16
    assert report.failed == []


def test_resolutions_and_drafts_keep_the_manifest_symbol_body_and_year(report) -> None:
    manifest = read_manifest(MANIFEST)
    for outcome in report.parsed():
        entry = manifest[outcome.file]
        if entry.kind in ("resolution", "draft"):
            assert (outcome.symbol, outcome.body) == (entry.symbol, entry.body), outcome.file


def test_resolutions_have_operative_paragraphs_with_known_verbs(report) -> None:
    manifest = read_manifest(MANIFEST)
    resolutions = [o for o in report.parsed() if manifest[o.file].kind == "resolution"]
    assert len(resolutions) == 5
    assert all("operative" in o.kinds for o in resolutions)
    hits, total = report.verb_coverage()
    assert total > 50 and hits / total > 0.9


def test_ga_decisions_in_prose_have_their_paragraph_and_symbol(report) -> None:
    manifest = read_manifest(MANIFEST)
    decisions = [o for o in report.parsed() if manifest[o.file].kind == "decision"]
    assert len(decisions) == 5
    for outcome in decisions:
        assert "operative" in outcome.kinds, outcome.file
        assert same_symbol(outcome.symbol, manifest[outcome.file].symbol), outcome.file


def test_a_document_over_the_time_limit_is_reported_not_waited_for(tmp_path) -> None:
    # A limit far below one parse makes every document time out: the run still ends and says so.
    (tmp_path / "MANIFEST.tsv").write_text(MANIFEST.read_text(encoding="utf-8"), encoding="utf-8")
    big = SAMPLE / "A_RES_80_204.txt"
    (tmp_path / big.name).write_text(big.read_text(encoding="utf-8") * 30, encoding="utf-8")
    result = check_corpus(
        tmp_path, manifest=tmp_path / "MANIFEST.tsv", limit=0.001, jobs=1, files=[big.name]
    )
    assert [(o.file, o.status) for o in result.outcomes] == [(big.name, "timeout")]


def test_the_command_prints_the_figures() -> None:
    out = StringIO()
    call_command("parse_corpus", str(SAMPLE), "--jobs", "1", stdout=out)
    text = out.getvalue()
    assert "failed or timed out: 0" in text
    assert "symbol matches manifest:" in text and "most frequent warnings:" in text
