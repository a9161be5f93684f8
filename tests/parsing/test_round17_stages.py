"""Round 17 fixes, one kind each, on short excerpts of the documents of tests/parsing/blind18/
where each kind was found (named in docs/parsing.md, round 17)."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.pdf_layout import Line, PageParts, notes, with_notes_carried_over


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


DECISION_HEAD = (
    "General Assembly decision 72/405 A and B\n\nAppointment of members of the Advisory "
    "Committee on Administrative and Budgetary Questions\n\nAgenda item 115 (a)\n\n"
)


def test_a_paragraph_indented_by_a_space_and_a_tab_opens_a_paragraph() -> None:
    # A_DEC_72_405_A_and_B: " \tAs a result, ..." was run into the appointment before it.
    text = DECISION_HEAD + (
        "\tAt its 55th plenary meeting, on 17 November 2017, the General Assembly, on the "
        "recommendation of the Fifth Committee, appointed the following persons as members of "
        "the Advisory Committee: Mr. Cihan Terzi and Mr. David Traystman.\n"
        " \tAs a result, as of 1 January 2018, the Advisory Committee on Administrative and "
        "Budgetary Questions is composed as follows: Mr. Cihan TERZI (Turkey) and Mr. YE "
        "Xuenong (China).\n"
    )
    paragraphs = parse(text).paragraphs
    assert [p.text.split(",")[0] for p in paragraphs] == [
        "At its 55th plenary meeting",
        "As a result",
    ]
    assert paragraphs[0].text.endswith("Mr. David Traystman.")


def test_a_written_out_note_without_the_labels_colon_is_taken_out_of_the_text() -> None:
    # A_DEC_77_506: "(footnote A/77/L.1; see also A/77/PV.3)" stayed in the paragraph.
    text = (
        "General Assembly decision 77/506\n\nGeneral debate of the seventy-seventh session\n\n"
        "Agenda item 7\n\nAt its 3rd plenary meeting, on 16 September 2022, the General Assembly, "
        "on the proposal of Albania and United States of America (footnote A/77/L.1; see also "
        "A/77/PV.3) , by recorded vote of 101 to 7, with 19 abstentions, decided that Ukraine "
        "might submit a pre-recorded statement.\n"
    )
    parsed = parse(text)
    assert "footnote" not in parsed.paragraphs[0].text
    assert "America , by recorded vote" in parsed.paragraphs[0].text.replace("  ", " ")
    assert {"A/77/L.1", "A/77/PV.3"} <= keys(text)
    # A word after "footnote" in the text is no note ("see (footnote three) below" keeps it).
    kept = parse(
        "The General Assembly,\n\n1. Decides to consider the matter (footnote three) later.\n"
    )
    assert "(footnote three)" in kept.paragraphs[0].text


def test_a_date_written_with_of_between_its_parts_keeps_a_list_of_resolutions_going() -> None:
    # A_C.3_80_L.17: "77/203 of 15 of December of 2022 and 78/189 of 19 December 2023, 79/159 of
    # 17 December 2024, and 79/315 of 30 June 2025" ended the list at 77/203.
    text = (
        "The General Assembly,\n\nRecalling its resolutions 76/148 of 16 December 2021, 77/203 of "
        "15 of December of 2022 and 78/189 of 19 December 2023, 79/159 of 17 December 2024, and "
        "79/315 of 30 June 2025,\n\n1. Decides to act.\n"
    )
    assert keys(text) == {"GA 76/148", "GA 77/203", "GA 78/189", "GA 79/159", "GA 79/315"}
    # A list ended by words, not a date, stays ended.
    ended = (
        "The General Assembly,\n\nRecalling its resolution 77/203 of 15 of December of 2022 and "
        "the report 78/189 pages,\n\n1. Decides to act.\n"
    )
    assert keys(ended) == {"GA 77/203"}


def small_print(*texts: str) -> list[Line]:
    """Lines of a page's foot as the layout reads them (small print)."""
    return [Line(chars=[(char, 8.0, 0.0) for char in text]) for text in texts]


def test_a_notes_end_printed_under_the_next_pages_rule_goes_back_to_its_note() -> None:
    # A_C.3_80_L.17, pages 12 and 13: note 42 runs over the page; its end, first under page 13's
    # rule without a number, was read as running text inside paragraph 42.
    carried, blocks = notes(
        small_print(
            "__________________",
            "corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D.",
            "43 Ibid., 2012, Supplement No. 7 and corrigendum (E/2012/27 and E/2012/27/Corr.1).",
        )
    )
    assert carried == "corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D."
    assert [block[:2] for block in blocks] == ["\u2074\u00b3"]
    before = PageParts(
        "42. Invites Member States to consider establishing national mechanisms",
        "",
        [
            "\u2074\u00b2 See Official Records of the Economic and Social Council, 2005, "
            "Supplement No. 7 and"
        ],
    )
    page = PageParts("appropriate measures for the International Decade", carried, blocks)
    with_notes_carried_over([before, page])
    assert before.notes[-1].endswith(
        "No. 7 and\ncorrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D."
    )
    assert page.carried == ""
    # Small print above the rule (a table of posts, A_RES_78_253; a table's note "a See sect.
    # E.", A_C.3_80_L.8) is no note's end; nor is a starred note; and without a note on the page
    # before, the lines stay where they are.
    carried, blocks = notes(
        small_print("Action Title of post Category/Level Number", "New post Information P-4 1")
    )
    assert carried == "" and blocks == [
        "Action Title of post Category/Level Number\nNew post Information P-4 1"
    ]
    assert notes(small_print("__________________", "* Reissued for technical reasons."))[0] == ""
    alone = PageParts("more", "a note's end", [])
    with_notes_carried_over([PageParts("text", "", []), alone])
    assert alone.carried == "a note's end"
