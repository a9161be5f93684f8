"""Round 6 fixes, one kind each, on small texts shaped like the corpus documents they came from."""

from __future__ import annotations

from resolutions.parsing import parse

DRAFT_HEAD = """United Nations
A/C.1/80/L.99

General Assembly
Distr.: Limited
15 October 2025
Original: English

Eightieth session
First Committee
Agenda item 105
Nuclear testing

Australia and Austria: draft resolution

 Nuclear testing

The General Assembly,
"""

BODY_OPENING_WITH_A_YEAR = (
    DRAFT_HEAD
    + """
Recalling the conclusions of the 2010 Review Conference of the Parties to the Treaty on the
Non-Proliferation of Nuclear Weapons,1 in which the Conference reaffirmed the importance of
the Treaty,

1.
Stresses the vital importance of the entry into force of the Treaty;2
__________________

1  2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear
Weapons, Final Document, vol. I (NPT/CONF.2010/50 (Vol. I)), part I.

2  See resolution 50/245 and A/50/1027.

A/C.1/80/L.99

2/2
25-16697

2.
Decides to remain seized of the matter.
"""
)


def test_a_footnote_body_opening_with_a_year_is_taken_out_with_its_marker() -> None:
    document = parse(BODY_OPENING_WITH_A_YEAR)
    texts = [p.text for p in document.paragraphs]
    assert texts[0].endswith(
        "Nuclear Weapons, in which the Conference reaffirmed the importance of the Treaty,"
    )
    assert texts[1] == "Stresses the vital importance of the entry into force of the Treaty;"
    assert [f.marker for f in document.paragraphs[0].footnotes] == ["1"]


CONTINUATION_AFTER_NOTES = """United Nations
A/RES/79/999

General Assembly
Distr.: General
12 December 2024

Seventy-ninth session
Agenda item 125
Cooperation with an organization

 Resolution adopted by the General Assembly
on 6 December 2024

 79/999. Cooperation with an organization

The General Assembly,

Recalling its resolution 77/272 of 20 February 2023,

1. Recalls decision C-25/DEC.9 of the Conference, entitled “Addressing the possession of
chemical weapons”, 1  and takes note of
_______________

1 See A/75/871-S/2021/425, annex.

Cooperation with an organization
A/RES/79/999

2/2
24-23450

decision C-28/DEC.12, dated 30 November 2023, entitled “Addressing the threat of future use”; 2

2. Decides to include the item in its provisional agenda.

48th plenary meeting
6 December 2024
_______________

2 See A/78/710.
"""


def test_a_lower_case_continuation_after_the_notes_and_running_header_stays_in_its_paragraph() -> (
    None
):
    document = parse(CONTINUATION_AFTER_NOTES)
    first = document.paragraphs[1]
    assert first.number == "1"
    assert first.text.endswith(
        "and takes note of decision C-28/DEC.12, dated 30 November 2023, entitled "
        "“Addressing the threat of future use”;"
    )


DECISION_WITH_A_TABLE = """General Assembly decision 80/999

Provisional programme of work of the Sixth Committee

Agenda item 121

At its 64th plenary meeting, on 15 December 2025, the General Assembly, on the recommendation \
of the Sixth Committee, (A/80/459, para.6.) noted that the Committee had decided to adopt the \
following provisional programme of work, as proposed by the Bureau:

Provisional programme of work (footnote: Indicating provisional dates in 2026.)

5 October\tOrganization of work of the Sixth Committee
\tRevitalization of the work of the General Assembly
6 October\tMeasures to eliminate international terrorism

The final text of this decision will be contained in document A/80/49 (Vol. II) after \
editorial review.
"""


def test_a_table_announced_by_a_decisions_colon_stays_in_its_paragraph() -> None:
    document = parse(DECISION_WITH_A_TABLE)
    assert len(document.paragraphs) == 1
    paragraph = document.paragraphs[0]
    assert paragraph.verb == "notes"
    assert paragraph.text.endswith("6 October Measures to eliminate international terrorism")


def test_a_bracketed_symbol_after_a_comma_is_a_note_and_still_a_reference() -> None:
    document = parse(DECISION_WITH_A_TABLE)
    assert "A/80/459" not in document.paragraphs[0].text
    assert "Sixth Committee, noted that" in document.paragraphs[0].text
    symbols = {r.symbol for r in document.references if r.type == "document"}
    assert symbols == {"A/80/459"}


DECISION_IN_PARTS = """General Assembly decision 77/999 A and B

Revitalization of the work of the Second Committee

Agenda item 124

A

At its 53rd plenary meeting, on 14 December 2022, the General Assembly decided that the Bureau \
would convene informal dialogues in 2023.

B

[Footnote: Decision 77/999, in section B.4 of the Official Records of the General Assembly, \
Seventy-seventh Session, Supplement No. 49 (A/77/49), vol. II, becomes decision 77/999 A.]

At its 93rd plenary meeting, on 24 July 2023, the General Assembly took note of the updated \
conference room paper A/C.2/77/CRP.3.

The final version of decision A is contained in document A/77/49 (Vol.II).
"""


def test_a_bracketed_footnote_between_a_decisions_parts_is_a_note_not_a_paragraph() -> None:
    document = parse(DECISION_IN_PARTS)
    assert [p.verb for p in document.paragraphs] == ["decides", "takes note"]
    symbols = {r.symbol for r in document.references if r.type == "document"}
    assert symbols == {"A/C.2/77/CRP.3"}


def references_of(text: str) -> set[str]:
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_review_conference_and_special_session_supplement_symbols_are_references() -> None:
    found = references_of(
        DRAFT_HEAD
        + "\nRecalling the Final Document (NPT/CONF.2010/50 (Vol. I)) and the Official Records "
        "of the General Assembly, Twelfth Special Session, Supplement No. 2 (A/S-12/2),\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert {"NPT/CONF.2010/50", "A/S-12/2"} <= found


def test_resolutions_with_roman_sessions_enumerated_with_containing_clauses() -> None:
    found = references_of(
        DRAFT_HEAD
        + "\nRecalling its resolutions 1514 (XV) of 14 December 1960, containing the Declaration "
        "on the Granting of Independence, 1541 (XV) of 15 December 1960, containing the principles "
        "which should guide Members, and 2625 (XXV) of 24 October 1970, containing the "
        "Declaration on Principles of International Law,\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert {"GA 1514 (XV)", "GA 1541 (XV)", "GA 2625 (XXV)"} <= found


def test_another_organizations_assembly_and_documents_are_not_cited() -> None:
    found = references_of(
        DRAFT_HEAD
        + "\nRecalling United Nations Habitat Assembly resolution 2/3 of 9 June 2023 and the note "
        "by the Technical Secretariat of 18 November 2024,1 and its resolution 77/161,\n\n"
        "1. Decides to remain seized of the matter.\n"
        "__________________\n\n"
        "1 See Organisation for the Prohibition of Chemical Weapons, document S/2338/2024.\n"
    )
    assert found == {"GA 77/161"}


def test_a_starred_sponsor_before_the_closing_and_keeps_the_whole_list() -> None:
    document = parse(
        DRAFT_HEAD.replace(
            "Australia and Austria: draft resolution",
            "Australia, Mongolia, Netherlands (Kingdom of the), Nigeria,* and Thailand: "
            "draft resolution",
        )
        + "\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
    )
    assert document.sponsors == (
        "Australia",
        "Mongolia",
        "Netherlands",
        "Nigeria",
        "Thailand",
    )


def test_spaces_inside_a_titles_brackets_are_dropped() -> None:
    document = parse(
        "General Assembly decision 78/999\n\nProgramme planning (First Committee )\n\n"
        "Agenda item 135\n\nAt its 42nd plenary meeting, on 4 December 2023, the General "
        "Assembly took note of the report of the First Committee.\n"
    )
    assert document.title == "Programme planning (First Committee)"


DRAFT_DECISION_LETTERED = """United Nations
A/80/L.99

General Assembly
Distr.: Limited
9 September 2025
Original: English

Eightieth session
Item 35 of the provisional agenda*
Question of Palestine

France, Guinea and State of
Palestine:** draft decision

 Endorsement of the New York Declaration

The General Assembly,

Recalling its resolution ES-10/24 of 18 September 2024,

Recalling also its decision 79/573 B of 5 September 2025, to resume the Conference:

(a)
Expresses its profound gratitude to France and Saudi Arabia for their work;1
__________________

* A/80/150.

** Any changes to the list of sponsors will be reflected in the official record of the meeting.

1  A/CONF.243/2025/1, annex.

A/80/L.99

2/2

(b)
Endorses the New York Declaration.
"""


def test_a_draft_decisions_lettered_paragraphs_after_its_preamble_are_operative() -> None:
    document = parse(DRAFT_DECISION_LETTERED)
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("preambular", None, "recalling"),
        ("preambular", None, "recalling"),
        ("operative", "a", "expresses"),
        ("operative", "b", "endorses"),
    ]
    assert document.paragraphs[3].text == "Endorses the New York Declaration."


def test_a_draft_decision_has_its_title_and_its_double_star_note_is_no_paragraph() -> None:
    document = parse(DRAFT_DECISION_LETTERED)
    assert document.title == "Endorsement of the New York Declaration"
    assert document.sponsors == ("France", "Guinea", "State of Palestine")
    assert not any("Any changes" in p.text for p in document.paragraphs)


def test_a_formula_with_a_colon_before_lettered_paragraphs() -> None:
    document = parse(
        "Draft decision submitted by the Bureau\n\n Draft programme of work\n\n"
        "The General Assembly:\n\n(a)\nApproves the draft programme of work as set out below;\n\n"
        "(b)\nInvites the Bureau to take into account the provisional programme.\n"
    )
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", "a", "approves"),
        ("operative", "b", "invites"),
    ]


COP_BODY = (
    "\n\nThe Conference of the Parties to the United Nations Convention against Transnational "
    "Organized Crime,\n\nRecalling its resolution 9/1,\n\n1. Decides to continue its work.\n"
)


def test_a_place_and_date_line_is_no_title_but_gives_the_date() -> None:
    alone = parse("Resolution 10/1\n\nThe Hague, 12 May 2023" + COP_BODY)
    assert (alone.title, alone.date, alone.number) == (None, "2023-05-12", "10/1")
    under_title = parse(
        "Resolution 10/1\n\nStrengthening cooperation\n\nVienna, Austria, 16 October 2020"
        + COP_BODY
    )
    assert (under_title.title, under_title.date) == ("Strengthening cooperation", "2020-10-16")


def test_yaml_front_matter_gives_the_metadata_and_is_not_text() -> None:
    document = parse(
        "---\nsymbol: A/RES/78/999\nbody: General Assembly\ndate: 2023-12-19\n"
        'title: "World Cleanup Day"\nsponsors:\n  - Estonia\n  - Chile\n---\n\n'
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
        "1. Decides to proclaim 20 September as World Cleanup Day.\n"
    )
    assert (document.symbol, document.doc_type, document.title, document.date) == (
        "A/RES/78/999",
        "resolution",
        "World Cleanup Day",
        "2023-12-19",
    )
    assert "symbol" not in document.text


def test_labelled_header_lines_give_the_metadata_and_are_not_the_title() -> None:
    document = parse(
        "Draft resolution\nSymbol: A/C.3/80/L.99\nDate: 3 November 2025\n"
        "Sponsors: Chile, Estonia and\nJapan\nAgenda item: 70 (b)\nTitle: Rights of the child\n\n"
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to continue.\n"
    )
    assert (document.symbol, document.title, document.date, document.agenda_item) == (
        "A/C.3/80/L.99",
        "Rights of the child",
        "2025-11-03",
        "70 (b)",
    )
    assert document.sponsors == ("Chile", "Estonia", "Japan")
    authors = parse(
        "Authors: Chile and Japan\nDraft resolution\n\nRights of the child\n\n"
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Decides to continue.\n"
    )
    assert authors.sponsors == ("Chile", "Japan")


def test_a_later_joined_in_sponsoring_note_adds_sponsors_and_is_no_paragraph() -> None:
    document = parse(
        DRAFT_HEAD + "\nRecalling its resolution 70/1,\n\n1. Decides to continue.\n\n"
        "Subsequently, Estonia and Peru joined in sponsoring the draft resolution.\n"
    )
    assert document.sponsors == ("Australia", "Austria", "Estonia", "Peru")
    assert document.paragraphs[-1].text == "Decides to continue."


def test_placeholder_symbols_and_numbers_are_not_read_as_symbols() -> None:
    draft = parse(DRAFT_HEAD.replace("A/C.1/80/L.99", "A/C.1/80/L.__") + "\n1. Decides.\n")
    assert draft.symbol is None
    resolution = parse(
        "United Nations\nA/RES/80/___\n\nGeneral Assembly\nDistr.: General\n3 December 2025\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/___. Rights of the child\n\nThe General Assembly,\n\nRecalling its resolution 70/1,"
        "\n\n1. Decides to continue.\n\n50th plenary meeting\n1 December 2025\n"
    )
    assert (resolution.symbol, resolution.number, resolution.title) == (
        None,
        None,
        "Rights of the child",
    )
