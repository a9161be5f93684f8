"""Round 20 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 20)."""

from __future__ import annotations

from resolutions.parsing import parse

ASSEMBLY = "The General Assembly,\n\n"


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_list_of_resolutions_each_with_its_section_and_paragraphs() -> None:
    # blind21 A_C.6_80_L.10: "Resolutions 52/214, sect. C, para. 3; 55/222, ..." gave the first
    # number only, the list ending at its section.
    text = ASSEMBLY + (
        "1.\tReiterates its request, in conformity with its resolutions on documentation "
        "(footnote: Resolutions 52/214, sect. B, 57/283 B, sect. III, and 58/250, sect. III.) "
        "and on websites (footnote: Resolutions 52/215, sect. C, para. 3; 55/222, sect. III, "
        "para. 12; 56/64 B, sect. X; 58/101 B, sect. V, paras. 61\u201376; and 61/121 B, sect. "
        "IV, paras. 65\u201377.);\n"
    )
    assert keys(text) == {
        "GA 52/214",
        "GA 57/283 B",
        "GA 58/250",
        "GA 52/215",
        "GA 55/222",
        "GA 56/64 B",
        "GA 58/101 B",
        "GA 61/121 B",
    }
    # A semicolon still ends a list whose next words are no place of the number before.
    other = ASSEMBLY + (
        "1.\tRecalls its resolution 70/1; 2015/33 is the Council's, recalled elsewhere;\n"
    )
    assert keys(other) == {"GA 70/1"}


def test_a_part_in_square_brackets_before_a_corrigendum() -> None:
    # blind21 A_RES_72_39 (Word): a note holding brackets twice is written out with square ones,
    # "NPT/CONF.1995/32 [Part I]/Corr.2", and the corrigendum was lost.
    text = ASSEMBLY + (
        "Recalling the decisions of the 1995 Review and Extension Conference, (footnote: See "
        "1995 Review and Extension Conference, Final Document, Part I [NPT/CONF.1995/32 [Part I] "
        "and NPT/CONF.1995/32 [Part I]/Corr.2], annex.)\n\n1.\tDecides to act;\n"
    )
    assert keys(text) == {"NPT/CONF.1995/32", "NPT/CONF.1995/32/Corr.2"}
    # A part alone names no further document.
    alone = ASSEMBLY + "Recalling the report (footnote: A/72/6 [Part II].)\n\n1.\tDecides;\n"
    assert keys(alone) == {"A/72/6"}


def test_another_organizations_symbol_printed_with_a_space_after_document() -> None:
    # blind21 A_RES_72_215, blind4 A_RES_78_169: "document CL 144/9 (C 2013/20)", "document EB
    # 136/8", "document CFS 2017/44/INF/16" were not read.
    text = ASSEMBLY + (
        "Recalling the Principles, (footnote: Food and Agriculture Organization of the United "
        "Nations, document CL 144/9 (C 2013/20), appendix D.) the Framework (footnote: World "
        "Health Organization, document EB 136/8, annex I.) and the outcome (footnote: See "
        "Committee on World Food Security, document CFS 2017/44/Report.)\n\n"
        "1.\tTakes note of the report of the Conference (document C 2005/REP);\n"
    )
    assert keys(text) == {"CL 144/9", "C 2013/20", "EB 136/8", "CFS 2017/44/Report", "C 2005/REP"}
    # A number after "document" with no series is no symbol.
    plain = ASSEMBLY + "1.\tTakes note of the document 12 of the meeting;\n"
    assert keys(plain) == set()


def test_a_marker_after_a_comma_before_a_counted_noun() -> None:
    # blind21 A_C.6_80_L.10: "the Fourth International Conference on Financing for Development,
    # 38 States expressed": the marker of note 38, marked nowhere else, was kept in the text.
    text = ASSEMBLY + (
        "1.\tRecalls the Agenda, 1 and requests a report;\n\n"
        "2.\tAlso recalls that, in the Sevilla Commitment of the Fourth International Conference "
        "on Financing for Development, 2 States expressed their resolve to act.\n\n"
        "__________________\n\n1  Resolution 70/1.\n\n2  Resolution 79/323, annex.\n"
    )
    parsed = parse(text)
    assert parsed.paragraphs[1].text == (
        "Also recalls that, in the Sevilla Commitment of the Fourth International Conference on "
        "Financing for Development, States expressed their resolve to act."
    )
    assert {r.number for r in parsed.references} == {"70/1", "79/323"}
    # A count stays where its number is no note's: "by 38 States" with no note 38.
    count = ASSEMBLY + (
        "1.\tRecalls the Agenda, 1 and requests a report;\n\n"
        "2.\tNotes that, by the end of the year, 3 States had acted.\n\n"
        "__________________\n\n1  Resolution 70/1.\n"
    )
    assert "3 States had acted" in parse(count).paragraphs[1].text
