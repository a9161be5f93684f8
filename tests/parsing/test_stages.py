"""The stages on small texts: tables of (text, expected)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text
from resolutions.parsing.countries import COUNTRIES, canonical_country
from resolutions.parsing.references import find_references
from resolutions.parsing.types import ParseError
from resolutions.parsing.verbs import extract_verb


@pytest.mark.parametrize(
    ("text", "kind", "verb"),
    [
        ("Notes with appreciation the work", "operative", "notes"),
        ("Also notes the report", "operative", "notes"),
        ("Calls upon Member States", "operative", "calls upon"),
        ("Calls Upon Member States", "operative", "calls upon"),
        ("Further calls for action", "operative", "calls for"),
        ("Takes note with appreciation of", "operative", "takes note"),
        ("Looks forward to the report", "operative", "looks forward"),
        ("Encourage Member States", "operative", "encourages"),
        ("Strongly condemns all acts", "operative", "condemns"),
        ("Expressing its deepest concern", "preambular", "expressing"),
        ("Deeply concerned at", "preambular", "concerned"),
        ("Profoundly alarmed by", "preambular", "alarmed"),
        ("Bearing in mind the need", "preambular", "bearing in mind"),
        ("Taking note also of", "preambular", "taking note"),
        ("Taking into account the", "preambular", "taking into account"),
        ("Having considered the report", "preambular", "having considered"),
        ("Recognising the role", "preambular", "recognizing"),
        ("Gravely concerned", "preambular", "concerned"),
        ("Zorbling the unknown", "preambular", "zorbling"),
        ("The Working Group adopted", "other", None),
    ],
)
def test_verbs(text: str, kind: str, verb: str | None) -> None:
    assert extract_verb(text, kind=kind) == verb


@pytest.mark.parametrize(
    ("raw", "absent", "present"),
    [
        (
            "law; 14-58509 (E) *1458509* Please recycle",
            ("14-58509", "1458509", "recycle"),
            ("law;",),
        ),
        ("the text.\n2/5\n\nNext page", ("2/5",), ("the text.", "Next page")),
        ("proceeds of crime; 2 V.13-87865\n\n(d) Smuggling", ("V.13-87865",), ("(d) Smuggling",)),
        (
            # A word split at a line's end: the document writes it whole elsewhere.
            "informa-\ntion sharing\nacross lines and information",
            ("informa-",),
            ("information sharing across lines",),
        ),
        (
            "Similar documents\nA list item\nTranscription:\nUnited Nations E/RES/1",
            ("list item",),
            ("E/RES/1",),
        ),
    ],
)
def test_cleaning(raw: str, absent: tuple[str, ...], present: tuple[str, ...]) -> None:
    cleaned = clean_text(raw)
    assert all(text not in cleaned for text in absent)
    assert all(text in cleaned for text in present)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        (
            "Recalling General Assembly resolutions 66/128 of 19 December 2011, entitled Violence "
            "against women migrant workers, and 67/185 of 20 December 2012,",
            {"GA 66/128", "GA 67/185"},
        ),
        ("Economic and Social Council resolution 2014/23", {"ECOSOC 2014/23"}),
        ("Recalling its resolution 5/3 of 22 October 2010,", {"COP-UNTOC 5/3"}),
        (
            "Security Council resolutions 2242 (2015) and 1325 (2000)",
            {"SC 2242 (2015)", "SC 1325 (2000)"},
        ),
        ("General Assembly resolution 72/266 A", {"GA 72/266 A"}),
        ("General Assembly resolution 1898 (XVIII)", {"GA 1898 (XVIII)"}),
        ("see E/2014/30 and CTOC/COP/WG.7/2012/6.", {"E/2014/30", "CTOC/COP/WG.7/2012/6"}),
        ("World Health Assembly resolution 58/3 and AG/RES. 2014", set()),
        ("United Nations, Treaty Series, vol. 2241, No. 39574.", set()),
    ],
)
def test_references(text: str, keys: set[str]) -> None:
    found = find_references([(text, 0)], own_body="COP-UNTOC", own_symbol=None, own_number=None)
    assert {reference.key for reference in found} == keys


def test_own_symbol_is_not_a_reference() -> None:
    found = find_references(
        [("E/RES/2014/23 and E/2014/30", None)],
        own_body="ECOSOC",
        own_symbol="E/RES/2014/23",
        own_number="2014/23",
    )
    assert {reference.key for reference in found} == {"E/2014/30"}


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("United States", "United States of America"),
        ("Turkey", "Türkiye"),
        ("Türkiye", "Türkiye"),
        ("Russian Federation", "Russian Federation"),
        ("Bolivia", "Bolivia (Plurinational State of)"),
        ("the Netherlands", "Netherlands"),
        ("Atlantis", None),
    ],
)
def test_canonical_country(name: str, canonical: str | None) -> None:
    assert canonical_country(name) == canonical


def test_country_codes_are_unique_iso3() -> None:
    codes = [country.iso3 for country in COUNTRIES]
    assert len(codes) == len(set(codes)) and all(
        len(code) == 3 and code.isupper() for code in codes
    )
    assert len(COUNTRIES) >= 193


ONE_LINE = (
    "United Nations A/RES/70/1 General Assembly Distr.: General 2 March 2015 Resolution adopted by "
    "the General Assembly on 1 March 2015 70/1. Testing the parser The General Assembly, Recalling "
    "its resolution 69/9, Deeply concerned about things, 1. Decides to act; 2. Requests the "
    "Secretary-General to report; 4. Also requests a study; 99th plenary meeting 1 March 2015"
)


def test_one_long_line_resolution() -> None:
    document = parse(ONE_LINE)
    assert (document.symbol, document.body, document.number, document.date) == (
        "A/RES/70/1",
        "GA",
        "70/1",
        "2015-03-01",
    )
    assert document.title == "Testing the parser"
    shape = [(p.kind, p.number, p.verb) for p in document.paragraphs]
    assert shape == [
        ("preambular", None, "recalling"),
        ("preambular", None, "concerned"),
        ("operative", "1", "decides"),
        ("operative", "2", "requests"),
        ("operative", "4", "requests"),
    ]
    assert "operative numbering jumps from 2 to 4" in document.warnings
    assert [r.key for r in document.references] == ["GA 69/9"]
    assert document.references[0].paragraph_index == 0


def test_same_resolution_with_line_breaks() -> None:
    text = ONE_LINE.replace(", ", ",\n\n").replace("; ", ";\n\n")
    assert [p.verb for p in parse(text).paragraphs] == [p.verb for p in parse(ONE_LINE).paragraphs]


def test_sponsors_of_a_draft() -> None:
    text = (
        "Bosnia and Herzegovina, Turkey and the United States: revised draft resolution\n\n"
        "A title\n\nThe Commission on Narcotic Drugs,\n\nNoting the report,\n\n1. Decides to act."
    )
    document = parse(text)
    assert document.doc_type == "draft_resolution" and document.body == "CND"
    assert document.sponsors == ("Bosnia and Herzegovina", "Türkiye", "United States of America")


def test_footnote_linked_to_its_paragraph() -> None:
    text = (
        "The General Assembly,\n\nRecalling the Convention,\u00b9\n\n"
        "\u00b9 General Assembly resolution 55/25, annex I.\n\n"
        "1. Decides to act."
    )
    document = parse(text)
    first = document.paragraphs[0]
    assert first.text == "Recalling the Convention,"
    assert [(f.marker, f.text) for f in first.footnotes] == [
        ("1", "General Assembly resolution 55/25, annex I.")
    ]
    assert document.references[0].paragraph_index == 0


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_text_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)


def test_parsing_package_does_not_load_django() -> None:
    code = (
        "import sys, resolutions.parsing; "
        "assert not any(m.startswith('django') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_slash_footnotes_of_1990s_documents() -> None:
    from resolutions.parsing.footnotes import separate_footnotes, strip_sentinels

    text = (
        "Taking note of the report on its second session, 1/ and of resolution 1993/32,\n\n"
        "Bearing in mind the recommendations of the Eighth Congress, 2/\n\n"
        "1/ Official Records of the Economic and Social Council, 1993, Supplement No. 10.\n\n"
        "2/ See A/CONF.144/28/Rev.1."
    )
    marked, bodies = separate_footnotes(text)
    assert bodies == {
        "1": "Official Records of the Economic and Social Council, 1993, Supplement No. 10.",
        "2": "See A/CONF.144/28/Rev.1.",
    }
    assert strip_sentinels(marked) == (
        "Taking note of the report on its second session, and of resolution 1993/32,\n\n"
        "Bearing in mind the recommendations of the Eighth Congress,"
    )


def test_a_resolution_cited_by_its_reports_symbol_is_the_reports_bodys() -> None:
    from resolutions.parsing.references import find_references

    def cited(text: str) -> set[tuple[str | None, str | None]]:
        found = find_references([(text, None)], own_body="CCPCJ", own_symbol=None, own_number=None)
        return {(r.body, r.number) for r in found if r.type == "resolution"}

    assert cited("2 CTOC/COP/2020/10, chap. I, resolution 10/1.") == {("COP-UNTOC", "10/1")}
    assert cited("See CAC/COSP/2021/17, sect. I.A, resolution 9/4.") == {("COSP-UNCAC", "9/4")}
    assert cited("E/CN.7/2019/15, chap. I, resolution 62/4") == {("CND", "62/4")}
    assert cited("E/2018/30, chap. I, sect. D, resolution 27/1") == {("CCPCJ", "27/1")}


REPORT_WITH_DRAFT = """E/2030/30
E/CN.15/2030/14

Chapter I

Matters calling for action by the Economic and Social Council

A. Draft resolution for adoption by the General Assembly

1. The Commission recommends to the Economic and Social Council the approval of the following
draft resolution for adoption by the General Assembly:

Draft resolution

Strengthening cooperation

The General Assembly,

Recalling its resolution 77/233 and the resolutions of the Conference of the Parties to the
United Nations Convention against Transnational Organized Crime, in particular resolution 10/1,

1. Urges Member States to cooperate;

2. Requests the Secretary-General to report.

B. Matters brought to the attention of the Council

2. The Commission decided to bring to the attention of the Council document E/CN.15/2030/1.
"""


def test_a_report_embedding_a_draft_keeps_the_drafts_structure_in_place() -> None:
    from resolutions.parsing import parse

    parsed = parse(REPORT_WITH_DRAFT)
    assert (parsed.doc_type, parsed.body, parsed.symbol) == ("report", "CCPCJ", "E/2030/30")
    assert [(p.kind, p.number, p.verb) for p in parsed.paragraphs] == [
        ("other", "1", None),
        ("preambular", None, "recalling"),
        ("operative", "1", "urges"),
        ("operative", "2", "requests"),
        ("other", "2", None),
    ]
    assert parsed.paragraphs[3].text == "Requests the Secretary-General to report."
    cited = {(r.body, r.number) if r.type == "resolution" else r.symbol for r in parsed.references}
    assert cited == {("GA", "77/233"), ("COP-UNTOC", "10/1"), "E/CN.15/2030/1"}


def test_a_declarations_subject_line_stands_for_the_enacting_formula() -> None:
    from resolutions.parsing import parse

    parsed = parse(
        "Fifteenth United Nations Congress on Crime Prevention and Criminal Justice\n"
        "Abu Dhabi, 18-25 April 2026\n"
        "Abu Dhabi Declaration on Crime Prevention\n"
        "We, the Heads of State and Government, ministers and representatives of Member States,\n"
        "1. Reaffirm our commitment to the 2030 Agenda;\n"
        "2. Encourage Member States to cooperate;\n"
    )
    assert [(p.kind, p.number, p.verb) for p in parsed.paragraphs] == [
        ("operative", "1", "reaffirm"),
        ("operative", "2", "encourage"),
    ]
    assert (parsed.title, parsed.year) == ("Abu Dhabi Declaration on Crime Prevention", 2026)


def test_chapter_vii_in_a_head_is_no_report_chapter() -> None:
    from resolutions.parsing.metadata import is_report_head

    assert not is_report_head("Resolution 2368 (2017) Acting under Chapter VII of the Charter")
    assert is_report_head("E/2019/30\n\nChapter I\n\nMatters calling for action")
