"""One join key for every spelling of a symbol; the archive's spelling of each."""

import pytest

from resolutions.catalogue.marc import read_record
from resolutions.catalogue.symbols import clean_symbol, split_symbol, symbol_key
from tests.catalogue.conftest import ALL_FILES, raw_records

SAME_DOCUMENT = [
    ("A/RES/73/187", "R/73/187"),
    ("A/RES/73/187", "a/res/73/187"),
    ("A/RES/73/187", " A / RES / 73 / 187 "),
    ("S/RES/2538 (2020)", "S/RES/2538(2020)"),
    ("S/RES/2538 (2020)", "S/RES/2538  ( 2020 )"),
    ("A/RES/54/260 B", "A/RES/54/260B"),
    ("A/C.3/63/L.13/Rev.1", "A/C.3/63/L.13/REV.1"),
    ("A/C.3/63/L.13/Rev.1", "A/C.3/63/L.13/Rev. 1"),
    ("SG/SM/283", "[ST/DPI/PRESS/]SG/SM/283"),
    ("E/CN.15/2019/L.3", "E/CN.15/2019/L.3"),
]

DIFFERENT_DOCUMENTS = [
    ("A/RES/7/31", "A/RES/73/1"),
    ("A/RES/54/260 A", "A/RES/54/260 B"),
    ("A/RES/54/260", "A/RES/54/260 B"),
    ("A/C.3/63/L.13", "A/C.3/63/L.13/Rev.1"),
    ("A/C.3/63/L.13/Rev.1", "A/C.3/63/L.13/Rev.2"),
    ("S/2008/10", "S/2008/10/Add.1"),
    ("S/2008/10/Corr.1", "S/2008/10/Add.1"),
    ("S/RES/2538 (2020)", "S/RES/2538 (2021)"),
]


@pytest.mark.parametrize(("one", "other"), SAME_DOCUMENT)
def test_spellings_of_one_document_share_a_key(one, other):
    assert symbol_key(one) == symbol_key(other) != ""


@pytest.mark.parametrize(("one", "other"), DIFFERENT_DOCUMENTS)
def test_different_documents_have_different_keys(one, other):
    assert symbol_key(one) != symbol_key(other)


@pytest.mark.parametrize(
    ("raw", "archive_spelling"),
    [
        ("S/RES/2538(2020)", "S/RES/2538 (2020)"),
        ("R/73/187", "A/RES/73/187"),
        ("A/RES/54/260B", "A/RES/54/260 B"),
        ("[ST/DPI/PRESS/]WOM/1552", "WOM/1552"),
        ("  E/CN.6/2005/L.3/Rev.1 ", "E/CN.6/2005/L.3/Rev.1"),
        ("***", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_clean_symbol_gives_the_archive_spelling(raw, archive_spelling):
    assert clean_symbol(raw) == archive_spelling


def test_suffixes_and_revisions_are_separate_parts():
    parts = split_symbol("A/C.3/78/L.15/Rev.1")
    assert (parts.base, parts.suffix, parts.amendments) == ("A/C.3/78/L.15", "", ("Rev.1",))
    parts = split_symbol("A/RES/59/284A")
    assert (parts.base, parts.suffix, parts.amendments) == ("A/RES/59/284", "A", ())
    parts = split_symbol("S/2008/10/Add.43/Corr.1")
    assert parts.amendments == ("Add.43", "Corr.1")


def test_every_symbol_in_the_fixtures_has_a_key_equal_to_its_791_or_993_spelling():

    keys: dict[str, str] = {}
    for raw in raw_records(*ALL_FILES):
        record, _ = read_record(raw)
        for field in record.get_fields("191", "791", "993"):
            for value in field.get_subfields("a"):
                if clean_symbol(value):
                    key = symbol_key(value)
                    assert key == symbol_key(clean_symbol(value))
                    keys.setdefault(key, value)
    # 791 writes S/RES/2538(2020), 191 S/RES/2538 (2020): one key.
    assert keys[symbol_key("S/RES/2538 (2020)")]
    assert len({k for k in keys if k.startswith("S/RES/2538")}) == 1
