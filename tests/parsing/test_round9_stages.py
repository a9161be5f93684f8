"""Round 9 fixes, one kind each: the real PDFs of tests/parsing/blind10/ where a kind shows only
in a UN PDF's own layout, and small texts for the rest."""

from __future__ import annotations

from pathlib import Path

from resolutions.parsing import parse, parse_file
from resolutions.parsing.extract import extract_text

BLIND10 = Path(__file__).resolve().parent / "blind10"


def pdf_text(name: str) -> str:
    return " ".join(extract_text((BLIND10 / name).read_bytes(), filename=name).split())


def test_a_one_page_amendments_blocks_are_measured_against_its_lines_not_its_masthead() -> None:
    # On a page of a few lines the masthead's wide gaps outnumbered the lines' own, so the
    # gaps around the amended draft's title looked like line spacing: no title, no paragraph.
    document = parse_file((BLIND10 / "A_80_L.20.pdf").read_bytes(), filename="A_80_L.20.pdf")
    assert document.title == (
        "Safety and security of humanitarian personnel and protection of United Nations personnel"
    )
    shape = [(p.kind, p.number, p.verb, p.text) for p in document.paragraphs]
    assert shape == [("operative", None, "delete", "Delete operative paragraph 9.")]


def test_notes_under_the_rule_are_no_furniture_however_alike() -> None:
    # "4 A/78/322." closing one page and "8 A/78/320." another differ only in their digits.
    text = pdf_text("A_RES_78_6.pdf")
    assert "A/78/322." in text and "A/78/320." in text
    assert "vol. 2187, No. 38544" in text and "vol. 2271, No. 40446" in text
    document = parse_file((BLIND10 / "A_RES_78_6.pdf").read_bytes(), filename="r.pdf")
    assert {"A/78/320", "A/78/322"} <= {r.symbol for r in document.references}


def test_a_word_space_after_a_letter_that_overhangs_it_is_kept() -> None:
    # The box of the "f" of "of" reaches over the space after it; the space is measured from
    # where the letter's advance ends, so a word space stays and a justification gap goes.
    text = pdf_text("A_RES_78_230.pdf")
    assert "Taking note of the report of the Secretary-General" in text
    assert "inequalities and the" in text


ENUMERATION_CUT_BEFORE_A_DATE = """The General Assembly,

Recalling its resolutions 47/19 of 24 November 1992, 66/6 of 25 October 2011, 67/4 of

13 November 2012, 68/8 of 29 October 2013 and its decision 76/563 of 11 May 2022,

1. Decides to include the item in the provisional agenda of its next session.
"""


def test_an_enumeration_cut_by_a_page_break_before_a_date_goes_on() -> None:
    document = parse(ENUMERATION_CUT_BEFORE_A_DATE)
    assert [p.verb for p in document.paragraphs] == ["recalling", "decides"]
    assert {"67/4", "68/8"} <= {r.number for r in document.references}
    # A note's number and text left in the running text is no part of the paragraph before it.
    with_note = ENUMERATION_CUT_BEFORE_A_DATE.replace(
        "\n\n13 November", "\n\n4 Adopted under the Convention, decision 1/CP.21.\n\n13 November"
    )
    assert "Adopted under" not in parse(with_note).paragraphs[0].text


SHORT_PARAGRAPH_CUT_BY_A_PAGE_BREAK = """The General Assembly,

Noting with satisfaction the work undertaken to implement the Convention on the Prohibition of
Anti-Personnel

Mines and on Their Destruction and the substantial progress made towards addressing the problem,

1. Invites all States to accede to the Convention without delay.
"""


def test_a_short_paragraph_cut_by_a_page_break_is_no_heading() -> None:
    # Short and without closing punctuation, the paragraph's first part looked like a heading;
    # a heading never opens with a known opener ("Noting with satisfaction").
    document = parse(SHORT_PARAGRAPH_CUT_BY_A_PAGE_BREAK)
    assert [p.verb for p in document.paragraphs] == ["noting", "invites"]
    assert "Anti-Personnel Mines and on Their Destruction" in document.paragraphs[0].text


PLACE_NAMED_LIKE_A_FORMULA = """The General Assembly,

Recalling its resolution 77/6 of 2 November 2022,

1. Also takes note of the decision of the Assembly of States Parties to hold its twenty-third
session in The Hague, looks forward to the twenty-third session, and requests the
Secretary-General to provide the necessary services;

2. Invites the Court to submit its report.

II

The General Assembly,

1. Decides to remain seized of the matter.
"""


def test_a_place_named_like_an_enacting_formula_in_mid_sentence_opens_no_part() -> None:
    document = parse(PLACE_NAMED_LIKE_A_FORMULA)
    shape = [(p.kind, p.number, p.verb) for p in document.paragraphs]
    assert shape == [
        ("preambular", None, "recalling"),
        ("operative", "1", "takes note"),
        ("operative", "2", "invites"),
        ("operative", "1", "decides"),  # a part of its own after a heading: restarts at 1
    ]
    assert "in The Hague, looks forward to" in document.paragraphs[1].text


def test_the_operative_forms_of_fixed_preambular_phrases_are_whole_verbs() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 77/6,\n\n"
        "1. Takes into account the 2030 Agenda for Sustainable Development;\n\n"
        "2. Bears in mind the needs of the Territory."
    )
    assert [p.verb for p in parse(text).paragraphs] == [
        "recalling",
        "takes into account",
        "bears in mind",
    ]


def test_a_special_sessions_roman_numeral_is_a_resolution_number() -> None:
    text = (
        "The General Assembly,\n\nReaffirming the general principles underlying the financing "
        "of peacekeeping operations, as stated in its resolutions 1874 (S-IV) of 27 June 1963, "
        "3101 (XXVIII) of 11 December 1973 and 55/235 of 23 December 2000,\n\n"
        "1. Decides to remain seized of the matter."
    )
    references = {(r.body, r.number) for r in parse(text).references}
    assert {("GA", "1874 (S-IV)"), ("GA", "3101 (XXVIII)"), ("GA", "55/235")} <= references


def test_a_decision_of_a_treaty_conference_named_after_its_number_is_no_reference() -> None:
    text = (
        "The General Assembly,\n\nWelcoming the Kunming-Montreal Global Biodiversity Framework "
        "adopted in decision 15/4 at the fifteenth meeting of the Conference of the Parties to "
        "the Convention on Biological Diversity,\n\nWelcoming also resolution 10/1 adopted at "
        "the tenth session of the Conference of the Parties to the United Nations Convention "
        "against Transnational Organized Crime,\n\n1. Decides to remain seized of the matter."
    )
    references = {(r.body, r.number) for r in parse(text).references}
    assert ("COP-UNTOC", "10/1") in references
    assert not any(number == "15/4" for _, number in references)
    # In the Conference's own resolution "the Conference of the Parties" is itself.
    own = (
        "Resolution 11/2\n\nThe Conference of the Parties to the United Nations Convention "
        "against Transnational Organized Crime,\n\nRecalling resolution 10/1 adopted at the "
        "tenth session of the Conference of the Parties,\n\n1. Decides to remain seized."
    )
    assert ("COP-UNTOC", "10/1") in {(r.body, r.number) for r in parse(own).references}
