"""The sample documents in `samples/`: what `make run` loads.

Each is a real UN text listed in `samples/PROVENANCE.tsv` with where it came from. Every sample
parses with nothing a reader would call an error, the list matches the folder byte for byte, and
once loaded the samples' citations of each other and their drafts link up.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command

from resolutions.models import Document, Reference
from resolutions.parsing import ParsedDocument, parse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROVENANCE = SAMPLES / "PROVENANCE.tsv"
COLUMNS = [
    "file",
    "symbol",
    "doc_type",
    "body",
    "session_or_year",
    "date",
    "title",
    "source_repo",
    "source_path",
    "sha256",
]
# Besides the documents: their gold files (seeds), this README and the provenance list.
OTHER_FILES = {"README.md", "PROVENANCE.tsv"}

# Openers the parser's verb vocabulary lacks, each read in its paragraph: the paragraph is whole
# and its verb right ("Honouring the heroic work ...", "Recommits to preventing ..."), so the
# parser's "unknown opening word" warning is no error there. Any other warning is one: a lost or
# doubled operative number, no paragraphs, or an "opening word" such as "ibid", "see" or "the",
# which is a footnote or half a sentence taken for a paragraph.
REAL_OPENERS = frozenset({"honouring", "praising", "commemorating", "asserting", "refers"})
UNKNOWN_OPENER_RE = re.compile(r"unknown opening word (['\"])(?P<word>.+?)\1 in ")
# A draft whose heading names its sponsors: "Honduras and Mexico: draft resolution".
SPONSOR_LINE_RE = re.compile(r":[ ]*(?:revised[ ]+)?draft[ ]+resolution", re.IGNORECASE)
# A General Assembly resolution number as printed in another document: "resolution 79/186".
GA_NUMBER_RE = re.compile(r"^A/RES/(\d+/\d+)$")


def provenance() -> list[dict[str, str]]:
    """The rows of samples/PROVENANCE.tsv."""
    with PROVENANCE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = provenance()


def sample_text(row: dict[str, str]) -> str:
    """A sample's text as it is stored."""
    return (SAMPLES / row["file"]).read_text(encoding="utf-8")


def errors_in(parsed: ParsedDocument, row: dict[str, str], text: str) -> list[str]:
    """What a reader would call wrong in a parsed sample, checked against its provenance row."""
    found = [
        warning
        for warning in parsed.warnings
        if not (
            (opener := UNKNOWN_OPENER_RE.match(warning)) and opener.group("word") in REAL_OPENERS
        )
    ]
    expected = {
        "symbol": row["symbol"] or None,
        "doc_type": row["doc_type"],
        "body": row["body"],
        "date": row["date"] or None,
    }
    found += [
        f"{field} is {getattr(parsed, field)!r}, not {value!r}"
        for field, value in expected.items()
        if getattr(parsed, field) != value
    ]
    if normalized(parsed.title) != normalized(row["title"]):
        found.append(f"title is {parsed.title!r}")
    if not parsed.paragraphs:
        found.append("no paragraphs")
    if row["doc_type"] in ("resolution", "draft_resolution"):
        found += structure_errors(parsed)
    if (
        row["doc_type"] == "draft_resolution"
        and SPONSOR_LINE_RE.search(text[:3000])
        and not parsed.sponsors
    ):
        found.append("the heading names sponsors, the parse has none")
    return found


def structure_errors(parsed: ParsedDocument) -> list[str]:
    """A resolution's or draft's paragraphs: operatives numbered 1, 2, 3 ... after the preamble."""
    kinds = [paragraph.kind for paragraph in parsed.paragraphs]
    numbers = [p.number for p in parsed.paragraphs if p.kind == "operative"]
    found = []
    if not numbers:
        found.append("no operative paragraph")
    elif numbers != [str(n) for n in range(1, len(numbers) + 1)]:
        found.append(f"operative numbers {numbers}")
    if "operative" in kinds and "preambular" in kinds[kinds.index("operative") :]:
        found.append("a preambular paragraph after an operative one")
    return found


def normalized(title: str | None) -> str:
    """A title without case, spacing and punctuation differences."""
    return re.sub(r"\W+", "", (title or "").lower())


def cross_citations() -> Iterator[tuple[str, str]]:
    """(citing file, cited symbol): each GA resolution of the samples whose number another
    sample prints, found by plain text search, independently of the parser."""
    numbers = {
        match.group(1): row["symbol"]
        for row in ROWS
        if (match := GA_NUMBER_RE.match(row["symbol"]))
    }
    for row in ROWS:
        text = sample_text(row)
        for number, symbol in numbers.items():
            if symbol != row["symbol"] and re.search(rf"(?<![\d/.]){number}(?![\d/])", text):
                yield row["file"], symbol


# --- the provenance list and the folder ---------------------------------------------------


def test_the_provenance_list_names_every_document_once_and_nothing_else():
    listed = [row["file"] for row in ROWS]
    assert list(ROWS[0]) == COLUMNS
    assert len(listed) == len(set(listed))
    assert set(listed) == {path.name for path in SAMPLES.glob("*.txt")}
    gold = {f"{Path(name).stem}.gold.json" for name in listed}
    others = {path.name for path in SAMPLES.iterdir()} - set(listed)
    assert others - gold == OTHER_FILES


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_each_document_is_the_file_its_source_published(row):
    assert hashlib.sha256((SAMPLES / row["file"]).read_bytes()).hexdigest() == row["sha256"]
    assert all(row[column] for column in ("file", "doc_type", "body", "source_repo"))


def test_the_samples_cover_the_archive_s_kinds_bodies_and_years():
    assert len(ROWS) >= 60
    assert {"resolution", "draft_resolution", "report"} <= {row["doc_type"] for row in ROWS}
    assert len({row["body"] for row in ROWS}) >= 4
    assert len({row["date"][:4] for row in ROWS if row["date"]}) >= 5
    sponsored_drafts = [
        row
        for row in ROWS
        if row["doc_type"] == "draft_resolution" and SPONSOR_LINE_RE.search(sample_text(row))
    ]
    assert len(sponsored_drafts) >= 5


# --- parsing (no database) ----------------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_each_document_parses_without_an_error(row):
    text = sample_text(row)
    parsed = parse(text, source_name=row["file"])
    assert errors_in(parsed, row, text) == []


def test_a_footnote_taken_for_a_paragraph_counts_as_an_error():
    row = next(row for row in ROWS if row["symbol"] == "A/RES/80/225")
    text = sample_text(row)
    footnote = "Recalling its resolution 79/186,\n\n12 Ibid., annex.\n\nNoting also"
    spliced = text.replace("The General Assembly,\n", f"The General Assembly,\n\n{footnote}\n", 1)
    assert any("'ibid'" in error for error in errors_in(parse(spliced), row, spliced))


# --- loading (database) -------------------------------------------------------------------


@pytest.fixture
def loaded(db) -> dict[str, Document]:
    """The samples loaded as `make run` loads them, by file name."""
    call_command("load_samples")
    return {document.original_filename: document for document in Document.objects.all()}


def linked_pairs() -> set[tuple[str, str]]:
    """(citing file, cited document's key) for every reference linked to an archived document."""
    return set(
        Reference.objects.filter(cited_document__isnull=False).values_list(
            "citing_document__original_filename", "cited_document__citation_key"
        )
    )


def test_every_sample_is_loaded_with_its_symbol(loaded):
    assert {name: loaded[name].symbol or "" for name in loaded} == {
        row["file"]: row["symbol"] for row in ROWS
    }


def test_every_citation_found_in_the_texts_links_to_the_cited_sample(loaded):
    expected = set(cross_citations())
    assert len(expected) >= len(ROWS) // 3  # the series cite their earlier resolutions
    assert expected <= linked_pairs()


# Each read in its text: "Recalling further its resolution 79/186 of 17 December 2024", "Reaffirming
# Economic and Social Council resolution 2014/23 on ...", "In its resolution 6/3, entitled ..." (the
# Conference's own resolution, in a report of its working group).
CITATIONS_READ_BY_HAND = {
    ("A_RES_80_225.txt", "A/RES/79/186"),
    ("A_RES_80_126.txt", "A/RES/78/140"),
    ("A_C.3_80_L.42.txt", "A/RES/79/162"),
    ("A_C.6_80_L.23.txt", "A/RES/78/102"),
    ("003_45a9d6b8d03db242.txt", "E/RES/2014/23"),
    ("001_795374b84c7acb59.txt", "COP-UNTOC 6/3"),
}


def test_citations_read_by_hand_link_up(loaded):
    assert linked_pairs() >= CITATIONS_READ_BY_HAND


def test_drafts_link_to_the_resolutions_adopted_from_them(loaded):
    adopted = {
        document.draft.symbol: document.symbol
        for document in Document.objects.filter(draft__isnull=False).select_related("draft")
    }
    assert adopted == {
        "A/C.1/80/L.9": "A/RES/80/46",
        "A/C.3/80/L.7": "A/RES/80/225",
        "A/C.3/80/L.8": "A/RES/80/226",
        "A/C.3/80/L.30": "A/RES/80/222",
        "A/C.3/80/L.31": "A/RES/80/224",
        "A/C.3/80/L.42": "A/RES/80/194",
        "A/C.3/80/L.52": "A/RES/80/218",
        "A/C.5/80/L.13": "A/RES/80/239",
        "A/C.5/80/L.16": "A/RES/80/238",
    }
    assert loaded["A_C.3_80_L.52.txt"].adopted_version == loaded["A_RES_80_218.txt"]
