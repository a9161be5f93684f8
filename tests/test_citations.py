"""Citation keys: a reference and the document it cites share one key."""

import pytest

from resolutions.citations import document_key, reference_key
from resolutions.parsing.types import ParsedReference


@pytest.mark.parametrize(
    ("ref", "key"),
    [
        (ParsedReference("resolution", body="GA", number="66/128"), "A/RES/66/128"),
        (ParsedReference("resolution", body="ECOSOC", number="2014/23"), "E/RES/2014/23"),
        (ParsedReference("resolution", body="SC", number="2242(2015)"), "S/RES/2242 (2015)"),
        (ParsedReference("resolution", body="SC", number="2242 (2015)"), "S/RES/2242 (2015)"),
        (ParsedReference("resolution", body="HRC", number="17/1"), "A/HRC/RES/17/1"),
        (ParsedReference("resolution", body="COP-UNTOC", number="5/3"), "COP-UNTOC 5/3"),
        (ParsedReference("resolution", body="COSP-UNCAC", number="4/3"), "COSP-UNCAC 4/3"),
        (ParsedReference("resolution", body="CCPCJ", number="22/2"), "CCPCJ 22/2"),
        (
            ParsedReference("resolution", body="GA", number="66/555", cited_text="decision 66/555"),
            "A/DEC/66/555",
        ),
        (
            ParsedReference(
                "resolution", body="ECOSOC", number="2014/245", cited_text="Council decision"
            ),
            "E/DEC/2014/245",
        ),
        (
            ParsedReference("resolution", body="CND", number="58/1", cited_text="decision 58/1"),
            "CND decision 58/1",
        ),
        (ParsedReference("document", symbol=" A / RES / 66/128 "), "A/RES/66/128"),
        (ParsedReference("document", symbol="E/2002/68/Add.1"), "E/2002/68/Add.1"),
        (ParsedReference("resolution", body="GA", number=None), ""),
        (ParsedReference("document", symbol=None), ""),
    ],
    ids=lambda value: getattr(value, "cited_text", "") or str(value)[:40],
)
def test_reference_key(ref, key):
    assert reference_key(ref) == key


@pytest.mark.parametrize(
    ("symbol", "body", "doc_type", "number", "key"),
    [
        ("A/RES/66/128", "GA", "resolution", "66/128", "A/RES/66/128"),
        (None, "GA", "resolution", "66/128", "A/RES/66/128"),
        (None, "SC", "resolution", "2242 (2015)", "S/RES/2242 (2015)"),
        (None, "HRC", "decision", "5/1", "A/HRC/DEC/5/1"),
        (None, "COP-UNTOC", "resolution", "6/3", "COP-UNTOC 6/3"),
        (None, "CND", "decision", "58/1", "CND decision 58/1"),
        ("CTOC/COP/WG.7/2013/5", "COP-UNTOC", "report", None, "CTOC/COP/WG.7/2013/5"),
        (None, "CCPCJ", "draft_resolution", None, ""),
        (None, "CCPCJ", "report", "3", ""),
    ],
)
def test_document_key(symbol, body, doc_type, number, key):
    assert document_key(symbol, body, doc_type, number) == key


def test_a_reference_and_the_document_it_cites_share_a_key():
    cited = ParsedReference("resolution", body="GA", number="66/128")
    assert reference_key(cited) == document_key("A/RES/66/128", "GA", "resolution", "66/128")
    assert reference_key(cited) == document_key(None, "GA", "resolution", "66/128")
