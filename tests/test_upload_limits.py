"""The parse limits as pure functions (resolutions/parsing/limits.py): no database, no worker."""

from __future__ import annotations

import io

import pytest
from test_upload import RESOLUTION_LINES

from bench.hostile_files import many_paragraphs_docx, word_file, word_xml
from resolutions.parsing import limits
from resolutions.parsing.limits import LimitExceeded, ParseLimits, parse_within_limits
from resolutions.parsing.types import ParseError


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 7, 64, 1024 * 1024])
def test_paragraphs_are_counted_exactly_whatever_the_piece_size(monkeypatch, chunk):
    monkeypatch.setattr(limits, "XML_CHUNK", chunk)
    body = b"<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p w:rsidR='1'/><w:pPr/><w:p/>" * 50
    xml = io.BytesIO(word_xml(body))

    assert limits.scan_word_xml(xml, count=True) == 150


@pytest.mark.parametrize("chunk", [1, 4, 8, 9, 1024])
def test_a_doctype_cut_between_pieces_is_still_found(monkeypatch, chunk):
    monkeypatch.setattr(limits, "XML_CHUNK", chunk)
    xml = io.BytesIO(word_xml(b"<w:p/>", doctype=b'<!DOCTYPE w:document [<!ENTITY e "x">]>'))

    with pytest.raises(ParseError, match="declares XML entities"):
        limits.scan_word_xml(xml, count=False)


def test_each_limit_is_its_own_setting():
    data = many_paragraphs_docx(RESOLUTION_LINES, count=500)

    with pytest.raises(LimitExceeded, match="500 paragraphs; at most 100"):
        parse_within_limits(data, filename="x.docx", limits=ParseLimits(max_paragraphs=100))
    with pytest.raises(LimitExceeded, match="unpacks to"):
        parse_within_limits(data, filename="x.docx", limits=ParseLimits(max_unzipped_bytes=1000))


def test_a_normal_word_file_is_read_within_the_default_limits():
    parsed = parse_within_limits(
        word_file(RESOLUTION_LINES), filename="x.docx", limits=ParseLimits()
    )

    assert [p.verb for p in parsed.paragraphs if p.kind == "operative"] == ["urges", "requests"]


def test_a_word_file_missing_a_part_is_damaged():
    broken = word_file(RESOLUTION_LINES).replace(b"[Content_Types].xml", b"[Content_Typez].xml")

    with pytest.raises(ParseError, match="damaged Word file"):
        parse_within_limits(broken, filename="x.docx", limits=ParseLimits())
