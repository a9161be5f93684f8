"""The pure mapping from MARC to the parse contract's metadata, field by field, on real records."""

import lzma

import pytest

from resolutions.catalogue.mapping import (
    CatalogueEntry,
    VotingEntry,
    iso_date,
    kind_from_symbol,
    map_record,
)
from resolutions.catalogue.marc import RawRecord, RecordError, read_record, split_page
from tests.catalogue.conftest import ALL_FILES, FIXTURES, page_bytes, raw_records


def entry(name: str) -> CatalogueEntry | VotingEntry:
    (raw,) = raw_records(name)
    record, notes = read_record(raw)
    return map_record(record, notes=tuple(notes))


def test_a_general_assembly_resolution():
    e = entry("A_RES_63_156.xml")
    assert (e.record_id, e.symbol, e.body, e.doc_type, e.number) == (
        644016,
        "A/RES/63/156",
        "GA",
        "resolution",
        "63/156",
    )
    assert e.title == "Trafficking in women and girls"  # 245 $a without " :"
    assert e.date == "2008-12-18"  # 992, the adoption date, not 269 (2009-01-27)
    assert e.publication_date == "2009-01-27"
    assert (e.session, e.agenda_item) == ("63", "56a")  # 191 $c, 991 $b
    assert e.vote_note == "Adopted without vote, 70th plenary meeting"
    assert e.outcome == "without_vote"
    assert [f.language for f in e.files] == ["ar", "zh", "en", "fr", "ru", "es", "de"]
    english = next(f for f in e.files if f.language == "en")
    assert english.size == 51626
    assert english.url.endswith("/record/644016/files/A_RES_63_156-EN.pdf")
    assert [(link.kind, link.symbol) for link in e.links] == [
        ("draft", "A/C.3/63/L.13/Rev.1"),
        ("committee_report", "A/63/425"),
        ("meeting_record", "A/63/PV.70"),
    ]
    unbis = [s.label for s in e.subjects if s.unbis]
    assert unbis[:2] == ["TRAFFICKING IN PERSONS", "WOMEN"]
    assert {s.tag for s in e.subjects} == {"650", "610", "630"}
    assert e.sponsors == ()  # sponsors belong to drafts


def test_a_draft_names_its_sponsors_from_710_and_245c():
    e = entry("A_HRC_11_L.6.xml")
    assert (e.doc_type, e.body, e.number) == ("draft_resolution", "HRC", None)
    # 710 $9 ms is missing on two of them (Czech Republic, the former Yugoslav Republic...).
    assert len(e.sponsors) == 59
    assert e.sponsors[:2] == ("Armenia", "Austria")
    assert e.links[0].kind == "resolution" and e.links[0].symbol == "A/HRC/RES/11/3"


def test_blank_993_indicators_take_their_kind_from_the_symbol():
    e = entry("A_HRC_RES_11_3.xml")
    kinds = {link.symbol: (link.kind, link.inferred) for link in e.links}
    assert kinds["A/HRC/11/L.6"] == ("draft", False)
    assert kinds["A/HRC/11/37"] == ("committee_report", True)
    assert kind_from_symbol("A/63/PV.70") == "meeting_record"
    assert kind_from_symbol("E/RES/1998/12") == "resolution"
    assert kind_from_symbol("A/C.3/63/L.13/Rev.1") == "draft"


def test_a_year_only_269_gives_a_year_and_992_the_date():
    e = entry("E_RES_1998_12.xml")
    assert (e.date, e.year, e.publication_date) == ("1998-07-28", 1998, None)
    assert e.files == ()
    assert iso_date("2000") == (None, 2000)
    assert iso_date("2021-12") == (None, 2021)
    assert iso_date("2008-02-30") == (None, 2008)
    assert iso_date("n.d.") == (None, None)


def test_security_council_resolution_and_draft():
    resolution = entry("S_RES_2538_2020.xml")
    assert (resolution.symbol, resolution.number, resolution.body) == (
        "S/RES/2538 (2020)",
        "2538 (2020)",
        "SC",
    )
    # "Adopted unanimously" is a vote taken, not one dispensed with.
    assert resolution.outcome == "recorded_vote"
    draft = entry("S_2020_838.xml")
    assert draft.doc_type == "draft_resolution"  # 989: Draft Resolutions and Decisions
    assert draft.links[0].symbol == "S/RES/2538 (2020)"


def test_a_voting_record_is_built_from_967():
    e = entry("S_RES_2538_2020_vote.xml")
    assert isinstance(e, VotingEntry)
    assert (e.resolution_symbol, e.meeting, e.draft) == (
        "S/RES/2538 (2020)",
        "S/2020/851",
        "S/2020/838",
    )
    assert (e.yes, e.no, e.abstain, e.non_voting, e.total) == (15, 0, 0, 0, 15)
    assert e.counted() == (15, 0, 0, 0, 15)
    china = e.votes[1]
    assert (china.iso3, china.vote, china.membership, china.name) == ("CHN", "Y", "P", "CHINA")
    assert sum(v.membership == "P" for v in e.votes) == 5


def test_mojibake_is_repaired_and_reported():
    raw = raw_records("ga-c3-78-drafts-74.xml.xz")[0]
    assert "Ã" in raw.data.decode("utf-8")
    record, notes = read_record(raw)
    assert notes == ["repaired mojibake (UTF-8 read as Latin-1)"]
    e = map_record(record)
    assert {f.label for f in e.files} >= {"Français", "Español", "Русский", "中文", "العربية"}
    assert not any("Ã" in f.label for f in e.files)
    assert e.sponsors and "Republic of Moldova" in e.sponsors


def test_one_language_in_two_unicode_forms_is_one_language():
    decomposed = "Franc\u0327ais"
    raw = raw_records("A_RES_63_156.xml")[0]
    data = raw.data.replace("Français".encode(), decomposed.encode())
    record, notes = read_record(RawRecord(raw.record_id, data))
    assert "normalised text to Unicode NFC" in notes
    assert "fr" in [f.language for f in map_record(record).files]


def test_every_fixture_record_maps_or_is_refused_for_a_stated_reason():
    mapped, refused = 0, {}
    for raw in raw_records(*ALL_FILES):
        record, notes = read_record(raw)
        try:
            map_record(record, notes=tuple(notes))
            mapped += 1
        except RecordError as exc:
            refused[raw.record_id] = str(exc)
    assert mapped + len(refused) == 269
    assert set(refused.values()) == {"no document symbol (191 $a)"}
    assert len(refused) == 9  # books, practice notes: no symbol


def test_bad_bytes_are_refused_with_the_offset():
    raw = raw_records("A_RES_63_156.xml")[0]
    broken = RawRecord(raw.record_id, raw.data.replace(b"Trafficking", b"Traffic\xffking", 1))
    with pytest.raises(RecordError, match="not UTF-8: byte 0xff at offset"):
        read_record(broken)


def test_a_cut_off_page_keeps_its_whole_records_and_reports_the_tail():
    page = lzma.decompress((FIXTURES / "marc" / "undl-mixed-184.xml.xz").read_bytes())
    split = split_page(page[: len(page) // 2])
    assert 80 < len(split.records) < 100
    assert len(split.problems) == 1 and split.problems[0].startswith("truncated page: ")
    assert split_page(page_bytes("A_RES_63_156.xml")).problems == []
