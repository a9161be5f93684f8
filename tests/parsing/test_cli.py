"""`python -m resolutions.parsing`: the parse command's output without loading Django."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "004_b04d59c231a2e721.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "resolutions.parsing", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_json_of_one_file_matches_its_gold_shape() -> None:
    result = run(str(SAMPLE), "--json")
    assert result.returncode == 0
    parsed = json.loads(result.stdout)
    gold = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    assert [p["verb"] for p in parsed["paragraphs"]] == [p["verb"] for p in gold["paragraphs"]]


def test_a_bad_file_gives_one_line_and_exit_status_1(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run(str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and str(bad) in result.stderr


def test_django_is_not_loaded() -> None:
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, resolutions.parsing.cli; print('django' in sys.modules)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.strip() == "False"


def test_manage_py_parse_answers_without_loading_django() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "manage.py", "parse", str(SAMPLE), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["number"] == "6/3"
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not any(name == "django" or name.startswith("django.") for name in imported)
