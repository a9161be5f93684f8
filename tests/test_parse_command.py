"""The parse and benchmark_parse commands, run without a database."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIRST = SAMPLES / "000_8fb7f1ffc4a6eb9c.txt"
SECOND = SAMPLES / "004_b04d59c231a2e721.txt"


def run(*args: str) -> tuple[str, str]:
    """Run `parse` and return its stdout and stderr."""
    out, err = StringIO(), StringIO()
    call_command("parse", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_path_prints_the_gold_shape() -> None:
    out, _ = run(str(FIRST), "--json")
    gold = json.loads(FIRST.with_suffix(".gold.json").read_text(encoding="utf-8"))
    parsed = json.loads(out)
    as_set = lambda refs: {json.dumps(ref, sort_keys=True) for ref in refs}  # noqa: E731
    assert as_set(parsed.pop("references")) == as_set(gold.pop("references"))
    assert parsed == gold


def test_several_paths_print_one_object_per_line() -> None:
    out, _ = run(str(FIRST), str(SECOND), "--json")
    lines = out.strip().splitlines()
    assert [json.loads(line)["number"] for line in lines] == ["2014/23", "6/3"]


def test_summary_lists_metadata_paragraphs_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "jump.txt"
    path.write_text(
        "The General Assembly,\n\nNoting the report,\n\n1. Decides to act;\n\n3. Requests a report."
    )
    out, _ = run(str(path))
    assert "body:      GA" in out
    assert "operative" in out and "decides" in out
    assert "warning: operative numbering jumps from 1 to 3" in out


def test_failures_exit_non_zero_with_one_line_each(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "parse", str(empty), str(missing), str(FIRST), "--json", stdout=out, stderr=err
        )
    assert exit_info.value.code != 0
    assert err.getvalue().strip().splitlines() == [
        f"{empty}: empty file",
        f"{missing}: No such file or directory",
    ]
    assert json.loads(out.getvalue())["symbol"] == "E/RES/2014/23"


def test_benchmark_prints_throughput_and_median() -> None:
    out = StringIO()
    call_command("benchmark_parse", "--repeat", "1", stdout=out)
    assert "documents/s" in out.getvalue() and "median" in out.getvalue()
