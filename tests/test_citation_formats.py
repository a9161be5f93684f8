"""RIS, BibTeX and contract JSON of a document, without the web layer."""

from __future__ import annotations

import datetime as dt

import pytest

from resolutions.citation_formats import (
    bibtex_escape,
    bibtex_for_document,
    contract_dict,
    download_filename,
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
