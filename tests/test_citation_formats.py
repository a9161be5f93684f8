"""RIS, BibTeX, OSCOLA, Bluebook and contract JSON of a document, without the web layer."""

from __future__ import annotations

import datetime as dt

import pytest

from resolutions.citation_formats import (
    bibtex_escape,
    bibtex_for_document,
    bluebook_for_document,
    contract_dict,
    download_filename,
    oscola_for_document,
    ris_for_document,
)

pytestmark = pytest.mark.django_db


def test_download_filename_is_safe(make_document):
    assert (
        download_filename(make_document(symbol="E/CN.15/2014/L.5"), "ris") == "E_CN.15_2014_L.5.ris"
    )
    odd = make_document(symbol='X/"a b"\n/..')
    assert download_filename(odd, "bib") == "X_a_b_...bib"
    nosym = make_document(symbol=None, number="6/3", body_code="COP-UNTOC")
    assert download_filename(nosym, "ris") == "COP-UNTOC_resolution_6_3.ris"


def test_ris_record_lines(make_document):
    document = make_document(
        symbol="E/RES/2014/23", title="Title\nwith  break", date=dt.date(2014, 7, 16), year=2014
    )
    text = ris_for_document(document, url="https://x/documents/E/RES/2014/23/", topics=["A"])
    lines = text.split("\r\n")
    assert lines[0] == "TY  - GOVDOC"
    assert "TI  - Title with break" in lines
    assert "PY  - 2014" in lines and "DA  - 2014/07/16" in lines
    assert "KW  - A" in lines and "LA  - en" in lines
    assert lines[-2:] == ["ER  -", ""]


def test_bibtex_escapes_special_characters(make_document):
    assert bibtex_escape("50% & {x}_#1 $~^\\") == (
        r"50\% \& \{x\}\_\#1 \$\textasciitilde{}\textasciicircum{}\textbackslash{}"
    )
    document = make_document(symbol="A/RES/66/128", title="Cost {of} 100%", year=2011)
    text = bibtex_for_document(document, url="https://x/")
    assert text.startswith("@misc{A_RES_66_128,\n")
    assert "  title = {{Cost \\{of\\} 100\\%}},\n" in text
    assert text.endswith("}\n")


def test_contract_dict_matches_a_gold_file_shape(make_document, make_paragraph):
    document = make_document(symbol=None, number="", body_code="CCPCJ", title="T")
    paragraph = make_paragraph(document, "Decides.", verb="decides")
    data = contract_dict(document, paragraphs=[paragraph], references=[], sponsors=["Italy"])
    assert data == {
        "symbol": None,
        "body": "CCPCJ",
        "doc_type": "resolution",
        "number": None,
        "title": "T",
        "date": None,
        "year": None,
        "sponsors": ["Italy"],
        "paragraphs": [{"kind": "operative", "number": "1", "verb": "decides", "text": "Decides."}],
        "references": [],
    }


@pytest.mark.parametrize(
    ("fields", "oscola", "bluebook"),
    [
        (
            {"body_code": "GA", "symbol": "A/RES/68/193", "number": "68/193",
             "date": dt.date(2013, 12, 18), "year": 2013},
            "UNGA Res 68/193 (18 December 2013) UN Doc A/RES/68/193",
            "G.A. Res. 68/193, U.N. Doc. A/RES/68/193 (Dec. 18, 2013).",
        ),
        (
            {"body_code": "ECOSOC", "symbol": "E/RES/2014/23", "number": "2014/23",
             "date": dt.date(2014, 7, 16), "year": 2014},
            "ECOSOC Res 2014/23 (16 July 2014) UN Doc E/RES/2014/23",
            "E.S.C. Res. 2014/23, U.N. Doc. E/RES/2014/23 (July 16, 2014).",
        ),
        (
            {"body_code": "SC", "symbol": "S/RES/2242 (2015)", "number": "2242 (2015)",
             "date": dt.date(2015, 10, 13), "year": 2015},
            "UNSC Res 2242 (2015) (13 October 2015) UN Doc S/RES/2242 (2015)",
            "S.C. Res. 2242 (2015), U.N. Doc. S/RES/2242 (2015) (Oct. 13, 2015).",
        ),
        (
            {"body_code": "CND", "symbol": None, "number": "58/1", "doc_type": "decision",
             "date": dt.date(2015, 9, 1), "year": 2015},
            "CND Dec 58/1 (1 September 2015)",
            "Comm'n on Narcotic Drugs Dec. 58/1 (Sept. 1, 2015).",
        ),
        (
            {"body_code": "CCPCJ", "symbol": "E/CN.15/2019/2", "number": "",
             "doc_type": "report", "title": "Report of the\nExecutive Director", "year": 2019},
            "Commission on Crime Prevention and Criminal Justice, 'Report of the Executive "
            "Director' (2019) UN Doc E/CN.15/2019/2",
            "Commission on Crime Prevention and Criminal Justice, Report of the Executive "
            "Director, U.N. Doc. E/CN.15/2019/2 (2019).",
        ),
    ],
)  # fmt: skip
def test_oscola_and_bluebook(make_document, fields, oscola, bluebook):
    document = make_document(**fields)
    assert oscola_for_document(document) == oscola
    assert bluebook_for_document(document) == bluebook
