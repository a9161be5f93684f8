"""Round 12 fixes, one kind each, on small texts written for the test (not the blind set's own
documents, tests/parsing/blind13/). Each fails with the parser of the round's start (690baf7);
the guards (a running title after a colon, a section's numbering restarting, and the guards
inside the other tests) pass with both."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text

DRAFT_DECISION_STATED = """United Nations
A/C.4/81/L.9

General Assembly
Distr.: Limited
5 November 2026
Original: English

26-01234 (E)    101126
*2601234*

Eighty-first session
Fourth Committee
Agenda item 120
Revitalization of the work of the General Assembly

Draft decision submitted by the Bureau

 Proposed programme of work of the Fourth Committee for the eighty-second
session of the General Assembly

The General Assembly approves the proposed programme of work of the Fourth
Committee for the eighty-second session of the Assembly as set out below:

Proposed programme of work of the Fourth Committee for the eighty-second
session of the General Assembly

Date/time
Programme
Thursday, 1 October

10 a.m.
Organization of work
General debate

A/C.4/81/L.9

26-01234
2/3

Date/time
Programme
Monday, 5 October

3 p.m.
Questions relating to information
6 p.m.
Closure of the list of speakers

A/C.4/81/L.9

3/3
26-01234

Date/time
Programme
Tuesday, 6 October

3 p.m.
Action on proposals
"""


def test_a_draft_decision_stated_without_the_formulas_comma_is_its_paragraph() -> None:
    document = parse(DRAFT_DECISION_STATED)
    assert document.title == (
        "Proposed programme of work of the Fourth Committee for the eighty-second session of "
        "the General Assembly"
    )
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "approves")
    ]
    text = document.paragraphs[0].text
    # The table it announces stays in it, with its own heading (the title again) once.
    assert text.startswith("The General Assembly approves the proposed programme")
    assert "as set out below: Proposed programme of work of the Fourth Committee" in text
    assert text.endswith("3 p.m. Action on proposals")


def test_column_headings_repeated_at_page_tops_are_furniture() -> None:
    cleaned = clean_text(DRAFT_DECISION_STATED)
    # Printed again under each page's furniture: taken out there, kept where the table opens.
    assert cleaned.count("Date/time Programme") == 1
    assert "General Assembly\n\nDate/time Programme Thursday, 1 October" in cleaned
    assert "General debate Monday, 5 October" in cleaned.replace("\n\n", " ")
    # A line found under the furniture of fewer than half the pages is the page's own text.
    assert "6 p.m. Closure of the list of speakers" in cleaned.replace("\n\n", " ")


DECISION_LIST_AFTER_ITEMS = """General Assembly decision 81/545

Draft programme of work of the Second Committee

Agenda item 121

At its 54th plenary meeting, on 18 December 2026, the General Assembly, on the recommendation \
of the Second Committee (A/81/446, para. 8):
(a)\tApproved the draft programme of work of the Second Committee as set out below;
(b)\tInvited the Bureau to take into account the provisional programme of work.

\t\tDraft programme of work  (Footnote: The final list of items will be based on the \
resolutions adopted.)

1.\tInformation and communications technologies for sustainable development.
2.\tMacroeconomic policy questions:
\t(a)\tInternational trade and development;
\t(b)\tCommodities.
3.\tProgramme planning.
"""


def test_a_list_set_out_after_a_decisions_items_stays_in_the_statement() -> None:
    document = parse(DECISION_LIST_AFTER_ITEMS)
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "approves")
    ]
    text = document.paragraphs[0].text
    assert "programme of work. Draft programme of work 1. Information" in text
    assert text.endswith("3. Programme planning.")


DECISION_PARTS_BY_LETTER = """General Assembly decision 81/516 A and B

Increase in the membership of the Committee on the Peaceful Uses of Outer Space

Agenda item 48

A
\tAt its 55th plenary meeting, on 4 December 2026, the General Assembly, on the recommendation \
of the Fourth Committee,  (Footnote: A/81/537, para. 16, Draft decision 1.) decided to appoint \
Malta as a member of the Committee.
B
\tAt its 55th plenary meeting, on 4 December 2026, the General Assembly, on the recommendation \
of the Fourth Committee,  (Footnote: A/81/537, para. 16, Draft decision 2.) decided to appoint \
the Gambia as a member of the Committee.

The final text of this decision will be contained in document A/81/49 (Vol. II) after \
editorial review.
"""


def test_a_decisions_parts_headed_by_a_bare_letter_are_a_paragraph_each() -> None:
    document = parse(DECISION_PARTS_BY_LETTER)
    assert [(p.verb, p.text[:12], p.text[-24:]) for p in document.paragraphs] == [
        ("decides", "At its 55th ", "member of the Committee."),
        ("decides", "At its 55th ", "member of the Committee."),
    ]
    assert "Malta" in document.paragraphs[0].text and "Gambia" in document.paragraphs[1].text


DECISION_PARTS_WITH_ANNEXES = """General Assembly decision 80/548 A and B

Participation of non-governmental organizations in the Conference

Agenda item 17

A

At its 54th plenary meeting, on 18 December 2025, the General Assembly, on the proposal of its \
President,  (Footnote: A/80/L.44.) decided to approve the participation of the organizations \
listed in the annex to the present decision, pursuant to resolution 79/271.
Annex

Africa-Europe Foundation
Alliance for Development

B
[Footnote: Decision 80/548, in section B.1 of the Official Records of the General Assembly, \
Eightieth Session, Supplement No. 49 (A/80/49), vol. II, becomes decision 80/548 A.]

\tAt its 64th plenary meeting, on 15 April 2026, the General Assembly, on the proposal of its \
President,  (Footnote: A/80/L.72.), decided to approve the participation of the organizations \
listed in the annex to the present decision, pursuant to resolution 79/231.
Annex

Bread for the World Institute
Children's Investment Fund Foundation

The final version of decisions adopted during the main part of the session will be contained \
in document A/80/49 (Vol. II) after editorial review.
"""


def test_a_decisions_part_after_the_annex_of_the_part_before_is_read() -> None:
    document = parse(DECISION_PARTS_WITH_ANNEXES)
    assert [(p.verb, p.text[:20]) for p in document.paragraphs] == [
        ("decides", "At its 54th plenary "),
        ("decides", "At its 64th plenary "),
    ]
    assert document.paragraphs[1].text.endswith("pursuant to resolution 79/231.")
    numbers = {r.number or r.symbol for r in document.references}
    assert {"79/271", "79/231", "A/80/L.44", "A/80/L.72"} <= numbers
    assert "A/80/49" not in numbers  # the volume that will publish it


COUNCIL_DRAFT = """The Security Council,
Recalling its resolution 2255 (2015),
Acting under Chapter VII of the Charter of the United Nations,
Measures

1. Decides that all States shall continue to take the measures;
2. Decides to remain actively seized of the matter.
In accordance with paragraph 1 of this resolution, the Monitoring Team shall have the following \
responsibilities:
(a) To submit a report to the Committee, as referred to in resolution 2160 (2014);
(b) Any other responsibility identified by the Committee.
"""


def test_a_heading_after_the_last_preambular_paragraph_is_no_text() -> None:
    document = parse(COUNCIL_DRAFT)
    assert document.paragraphs[1].text == (
        "Acting under Chapter VII of the Charter of the United Nations,"
    )


def test_a_council_text_ends_with_remaining_seized_of_the_matter() -> None:
    document = parse(COUNCIL_DRAFT)
    assert [(p.number, p.text) for p in document.paragraphs[2:]] == [
        ("1", "Decides that all States shall continue to take the measures;"),
        ("2", "Decides to remain actively seized of the matter."),
    ]
    # What follows (an annex whose heading was lost) still cites.
    assert "2160 (2014)" in {r.number for r in document.references}


def test_a_paragraph_number_printed_twice_opens_two_paragraphs() -> None:
    text = (
        "The Security Council,\n\nRecalling its resolution 940 (1994),\n\n"
        "1. Welcomes with great satisfaction the return of the President;\n"
        "1. Welcomes the restoration of constitutional government;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    document = parse(text)
    assert [(p.number, p.text[:20]) for p in document.paragraphs[1:]] == [
        ("1", "Welcomes with great "),
        ("1", "Welcomes the restora"),
        ("2", "Decides to remain se"),
    ]
    # A number printed again before words that open no paragraph is an item of a list.
    listed = parse(
        "The General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Decides to include the following item; 1. Programme planning.\n\n"
        "2. Requests a report.\n"
    )
    assert [p.number for p in listed.paragraphs] == [None, "1", "2"]


def test_a_hyphen_spaced_between_words_in_lower_case_is_closed() -> None:
    cleaned = clean_text(
        "Welcoming progress, in particular in conflict - affected areas, and the non -state "
        "actors, low- and middle-income countries, country-owned and -driven mechanisms, a "
        "one- to two-day meeting and ICLEI - Local Governments for Sustainability,\n"
    )
    assert "conflict-affected areas" in cleaned and "non-state actors" in cleaned
    # Suspended hyphens and a dash beside a name stay.
    assert "low- and middle-income" in cleaned and "and -driven" in cleaned
    assert "one- to two-day" in cleaned and "ICLEI - Local" in cleaned


def test_a_list_of_items_after_a_statements_heading_stays_in_it() -> None:
    text = (
        "United Nations\nA/C.3/81/L.60\n\nGeneral Assembly\nDistr.: Limited\n16 November 2026\n\n"
        "Draft decision submitted by the Chair\n\n"
        " Draft programme of work of the Third Committee\n\n"
        "The General Assembly approves the draft programme of work of the Third Committee as "
        "set out below.\n\n Draft programme of work\n\nItem 1.\nSocial development.\n"
        "Item 2.\nAdvancement of women.\n"
    )
    document = parse(text)
    assert [p.text[-45:] for p in document.paragraphs] == [
        "Item 1. Social development. Item 2. Advancement of women."[-45:]
    ]


RUNNING_TITLE = """United Nations
A/RES/81/182

General Assembly
Distr.: General
20 December 2026

Resolution adopted by the General Assembly on 18 December 2026

81/182. Follow-up to the Fourth World Conference on Women

The General Assembly,

Recalling its resolutions 80/151 and 79/152,

1. Calls upon States to accelerate the implementation of the Platform for Action, including by:

A/RES/81/182
Follow-up to the Fourth World Conference on Women

26-01234
2/3

(a) Eliminating all discriminatory laws;

(b) Ensuring access to justice;

2. Requests a report on the implementation of the
Follow-up to the Fourth World Conference on Women
A/RES/81/182

3/3
26-01234

present resolution.
"""


def test_a_running_title_after_a_colon_is_still_a_running_header() -> None:
    document = parse(RUNNING_TITLE)
    assert document.title == "Follow-up to the Fourth World Conference on Women"
    assert document.paragraphs[1].text == (
        "Calls upon States to accelerate the implementation of the Platform for Action, "
        "including by: (a) Eliminating all discriminatory laws; (b) Ensuring access to justice;"
    )


def test_a_sections_numbering_restarting_is_no_number_printed_twice() -> None:
    text = (
        "The General Assembly,\n\nI\n\nFirst section\n\n1. Takes note of the report;\n\n"
        "2. Endorses the conclusions;\n\n3. Requests a report;\n\nII\n\nSecond section\n\n"
        "1. Takes note of the other report;\n\n2. Endorses its conclusions;\n\n"
        "3. Reaffirms the priority;\n"
    )
    document = parse(text)
    # The second section's "3." follows its "2.", not the first section's "3.": it is not
    # taken for a number printed twice; since round 21 the section's own numbering restarts
    # after its heading (blind22 `A_RES_72_262`), where it had been a known limit.
    assert [p.number for p in document.paragraphs] == ["1", "2", "3", "1", "2", "3"]
    assert document.paragraphs[5].text == "Reaffirms the priority;"


def test_a_tables_first_row_under_repeated_headings_stays() -> None:
    page = "Agenda item/symbol\nTitle or description\n{row}\nReport of the Advisory Committee\n"
    text = (
        "The General Assembly takes note of the following documents, as listed below, "
        + "recalling its earlier decisions on the documentation of the Committee, " * 10
        + "and as follows:\n\n"
        + page.format(row="A/81/100")
        + "\nA/C.5/81/L.1\n\n26-01234\n2/3\n\n"
        + page.format(row="A/81/396")
        + "\nA/C.5/81/L.1\n\n3/3\n26-01234\n\n"
        + page.format(row="A/81/7/Add.1")
    )
    cleaned = clean_text(text)
    # The headings printed again are taken out; the symbol opening the page's first row is
    # text (a cited document), not a running header beside the furniture.
    assert cleaned.count("Agenda item/symbol") == 1
    assert "A/81/396" in cleaned and "A/81/7/Add.1" in cleaned
