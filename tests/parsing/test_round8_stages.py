"""Round 8 fixes, one kind each: PDFs built line by line the way the UN's own PDFs are laid out
(tests/parsing/blind9/ holds the real ones), and small texts."""

from __future__ import annotations

from pathlib import Path

from resolutions.parsing import parse, parse_file
from resolutions.parsing.clean import remove_furniture
from resolutions.parsing.extract import extract_text
from resolutions.parsing.references import cited_documents

from .test_pdf_layout import Item, make_pdf

BLIND9 = Path(__file__).resolve().parent / "blind9"


def pdf_text(name: str) -> str:
    return extract_text((BLIND9 / name).read_bytes(), filename=name)


def lines(top: float, left: float, texts: list[str], size: float = 10) -> list[Item]:
    """Lines of running text 12 points apart, all starting at `left`."""
    return [(left, top - 12 * index, size, text) for index, text in enumerate(texts)]


# The masthead and the job number stand left of the text column on a draft's first page.
DRAFT_FIRST_PAGE = [
    (60, 760, 14, "United Nations A/C.1/90/L.1"),
    (60, 736, 10, "Agenda item 9"),
    *lines(
        700,
        123,
        [
            "Albania, Australia, Belgium, Bosnia and Herzegovina, Bulgaria,",
            "Chile, China and Croatia: draft resolution",
        ],
    ),
    (123, 670, 10, "Objective information on military matters"),
    (123, 640, 10, "The General Assembly,"),
    (147, 610, 10, "Recalling its resolutions 53/72 of 4 December 1998, 54/43 of 1 December"),
    *lines(
        598,
        123,
        [
            "1999,",
            "56/14 of 29 November 2001 and 58/28 of 8 December 2003 on objective",
            "information on military matters, including transparency of military",
            "expenditures, and the reports of the Secretary-General on the matter",
            "submitted since then,",
        ],
    ),
    (147, 532, 10, "1. Decides to remain seized of the matter of the reports, which are"),
    *lines(520, 123, ["to be submitted annually by the Secretary-General to the Assembly."]),
    (60, 40, 10, "25-16550 (E) 211025"),
]


def test_indentation_is_measured_from_the_text_column_not_the_masthead() -> None:
    document = parse_file(make_pdf([DRAFT_FIRST_PAGE]), filename="draft.pdf")
    assert list(document.sponsors) == [
        "Albania",
        "Australia",
        "Belgium",
        "Bosnia and Herzegovina",
        "Bulgaria",
        "Chile",
        "China",
        "Croatia",
    ]
    shape = [(p.kind, p.number, p.verb) for p in document.paragraphs]
    assert shape == [("preambular", None, "recalling"), ("operative", "1", "decides")]
    assert {"53/72", "54/43", "56/14", "58/28"} <= {r.number for r in document.references}


def test_pieces_of_one_row_are_one_line_and_a_marker_alone_is_raised() -> None:
    # pdfium returns "expenditures,", the raised "3" and "as well as ... tool,4" as lines of
    # their own: one row, one paragraph, two markers.
    document = parse_file((BLIND9 / "A_C.1_80_L.28.pdf").read_bytes(), filename="L28.pdf")
    welcoming = next(p for p in document.paragraphs if p.verb == "welcoming")
    assert "military expenditures, as well as the new online reporting tool, both" in welcoming.text
    assert [note.marker for note in welcoming.footnotes] == ["3", "4"]


TITLE = "Reducing space threats through norms, rules and principles of"


def running_title(page: int, pages: int) -> list[Item]:
    """The small print over a page: symbol and a two-line title, the symbol after the title on
    odd pages; the job number and page counter below."""
    if page % 2 == 0:
        top = [(60, 760, 8.5, "A/RES/90/1"), (60, 750, 8.5, TITLE), (60, 740, 8.5, "responsible")]
    else:
        top = [(60, 760, 8.5, TITLE), (60, 750, 8.5, "responsible A/RES/90/1")]
    return [*top, (60, 40, 7, f"{page}/{pages} 25-00001")]


SPACE_RESOLUTION = make_pdf(
    [
        [
            (60, 760, 14, "United Nations A/RES/90/1"),
            (60, 740, 10, "Distr.: General 9 December 2035"),
            (123, 700, 10, "90/1. " + TITLE),
            (123, 688, 10, "responsible"),
            (123, 664, 10, "The General Assembly,"),
            (147, 640, 10, "Recalling its resolution 85/20 of 2 December 2030,"),
            (60, 40, 10, "25-00001 (E)"),
        ],
        [
            *running_title(2, 4),
            (147, 700, 10, "Noting the rapid advances of technologies in space systems, and"),
            (123, 688, 10, "encouraging further discussion among States of their impact,"),
        ],
        [
            *running_title(3, 4),
            (147, 700, 10, "Reiterating the common objective of preventing an arms race in"),
            (123, 688, 10, "outer space,"),
        ],
        [
            *running_title(4, 4),
            (147, 700, 10, "1. Decides to remain seized of the matter."),
        ],
    ]
)


def test_a_running_title_over_two_lines_is_neither_text_nor_cut_from_the_title() -> None:
    document = parse_file(SPACE_RESOLUTION, filename="r.pdf")
    assert document.title == TITLE + " responsible"
    assert [p.verb for p in document.paragraphs] == [
        "recalling",
        "noting",
        "reiterating",
        "decides",
    ]
    assert not any("responsible" in p.text for p in document.paragraphs)


DATED_RESOLUTION = make_pdf(
    [
        [
            (60, 760, 14, "United Nations A/RES/90/2"),
            (60, 740, 10, "Distr.: General"),
            (400, 728, 10, "6 December 2035"),
            *lines(700, 123, ["Resolution adopted by the General Assembly", "on 4 December 2035"]),
            (123, 664, 10, "90/2. Report of the Conference"),
            (123, 640, 10, "The General Assembly,"),
            (147, 616, 10, "Recalling its resolution 85/21 of 2 December 2030,"),
            (60, 40, 10, "25-00002 (E)"),
        ],
        [
            (60, 760, 8.5, "A/RES/90/2 Report of the Conference"),
            (
                147,
                700,
                10,
                "Noting the decision on the work adopted by the Conference on 29 May 2029,",
            ),
            # Far enough from the cover's "adopted by the General Assembly on 4 December".
            *lines(
                688, 123, ["the work of the Conference at its sessions held in Geneva and"] * 48
            ),
            (147, 100, 10, "1. Decides to remain seized of the matter."),
            (60, 40, 10, "2/3 25-00002"),
        ],
        [
            (60, 760, 8.5, "Report of the Conference A/RES/90/2"),
            (60, 40, 10, "25-00002 3/3"),
            (400, 700, 10, "42nd plenary meeting"),
            (412, 688, 10, "4 December 2035"),
        ],
    ]
)


def test_a_date_closing_the_last_page_is_no_repeat_of_the_first_pages_date() -> None:
    # Digits masked, "4 December 2035" at the foot of the last page looked like the first
    # page's "6 December 2035": page furniture, dropped with the adoption date it gives.
    text = extract_text(DATED_RESOLUTION, filename="r.pdf")
    assert "42nd plenary meeting\n4 December 2035" in text
    document = parse_file((BLIND9 / "A_RES_78_61.pdf").read_bytes(), filename="r.pdf")
    assert document.date == "2023-12-04"


def test_spaces_pdfium_puts_inside_justified_words_are_dropped() -> None:
    text = " ".join(pdf_text("A_RES_78_61.pdf").split())
    assert "the importance of effective multilateralism" in text
    assert "all relevant proposals, past, present and future" in text
    text = " ".join(pdf_text("A_RES_78_38.pdf").split())
    assert "confidence-building measures in the regional" in text
    # The space of a suspended hyphen is the text's own.
    assert "cost- and time-effective" in " ".join(pdf_text("A_RES_80_232.pdf").split())


def test_a_line_ending_in_pdfiums_hyphen_is_a_line_of_its_own() -> None:
    text = pdf_text("A_C.1_80_L.50.pdf")
    assert "\ufffe" not in text
    assert "Weapon-Free Zone\u00b3 on 27 March 1997" in text


def test_a_joint_symbol_with_a_five_digit_council_number_is_read_whole() -> None:
    text = "Principles on Interim Self-Government Arrangements (A/48/486-S/26560, annex)"
    assert [r.symbol for r in cited_documents(text)] == ["A/48/486-S/26560"]
    # Only the Council's series has them: a misprint "A/78423" is no symbol.
    assert cited_documents("(Fourth Committee) (A/78423, para. 8)") == []


DRAFT_DECISION = """A/C.4/90/L.12

Austria and Spain: draft decision

Increase in the membership of the Committee on the Peaceful Uses of Outer Space

The General Assembly, taking note of the application of Malta for membership in the Committee
on the Peaceful Uses of Outer Space, as noted in paragraph 306 of the report of the Committee,
decides to appoint Malta as a member of the Committee on the Peaceful Uses of Outer Space.
"""


def test_a_one_sentence_decisions_verb_is_not_in_a_participle_or_as_clause() -> None:
    assert [p.verb for p in parse(DRAFT_DECISION).paragraphs] == ["decides"]


def test_a_resolution_number_opening_a_line_is_no_page_counter() -> None:
    text = "59/87 of 3 December 2004,\n\n60/64 of 8 December 2005, 61/81 of 6 December 2006,"
    assert "60/64 of 8 December 2005" in remove_furniture(text)
    assert "2/3" not in remove_furniture("disarmament,\n\n2/3 23-24519\n\nConvinced")


# Found by the whole-corpus run of this round's parser.
DECISION_WITH_NUMBERED_ITEMS = """General Assembly decision 90/569

Question of equitable representation on the Security Council

At its 84th plenary meeting, on 22 June 2035, the General Assembly, on the proposal of its
President, by a recorded vote of 101 to 13 (see A/90/PV.84 for the result of the voting):

1. Decided to reaffirm the central role of the General Assembly, as mandated by its decisions;

2. Decided to continue the negotiations in informal plenary.
"""


def test_a_statements_verb_opens_a_numbered_item_and_follows_punctuation() -> None:
    assert [p.verb for p in parse(DECISION_WITH_NUMBERED_ITEMS).paragraphs] == ["decides"]


ENUMERATION_CUT_BY_A_PAGE_BREAK = """The General Assembly,

Recalling its resolutions 58/5 of 3 November 2003, 67/17 of 28 November 2012,

71/160 of 16 December 2016, 73/24 of 3 December 2018 and 75/18 of 1 December 2020,

1. Decides to proclaim 19 May as World Fair Play Day.
"""


def test_an_enumeration_of_resolutions_goes_on_after_a_page_break() -> None:
    document = parse(ENUMERATION_CUT_BY_A_PAGE_BREAK)
    assert [p.verb for p in document.paragraphs] == ["recalling", "decides"]
    assert {"73/24", "75/18"} <= {r.number for r in document.references}
