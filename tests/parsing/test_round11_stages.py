"""Round 11 fixes, one kind each, on small texts written for the test (not the blind set's own
documents, tests/parsing/blind12/). Each fails with the parser of the round's start (c7a47ae),
but for the guard that text hyphenated by its layout keeps the line-end rule."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.metadata import find_sponsors

DECISION_IN_PARTS = """General Assembly decision 76/561 A and B

Questions deferred for future consideration

Agenda item 140

DECISION A (Decision 76/561, in section B.7 of the Official Records of the General Assembly, \
Seventy-sixth Session, Supplement No. 49 (A/76/49), vol. II, becomes decision 76/561 A)

At its 50th plenary meeting, on 23 December 2021, the General Assembly, on the recommendation \
of the Fifth Committee (A/76/610, para. 8),

Section A

Decided to defer until its seventy-seventh session consideration of the following documents:

Item 142
Human resources management

Report of the Secretary-General on the activities of the Ethics Office (A/76/75)
Related report of the Advisory Committee on Administrative and Budgetary Questions

Section B

Decided to defer until the first part of its resumed session consideration of the following \
documents:

Item 145
Joint Inspection Unit

Note by the Secretary-General on the report of the Joint Inspection Unit (A/76/300)

DECISION B

At its 70th plenary meeting, on 7 April 2022, the General Assembly, on the recommendation of \
the Fifth Committee (A/76/610/Add.1), decided to defer until its seventy-seventh session \
consideration of the following documents:

Item 146
Report of the Secretary-General on the budget of the Office (A/76/711)

The final text of decision B will be contained in document A/76/49 (Vol. III) after editorial \
review.
"""


def test_a_decision_in_parts_with_headings_is_one_paragraph_a_part() -> None:
    document = parse(DECISION_IN_PARTS)
    # "DECISION A (...)" closes the head: a part's heading and its publication note, no title.
    assert document.title == "Questions deferred for future consideration"
    assert [(p.verb, p.text[:22]) for p in document.paragraphs] == [
        ("decides", "At its 50th plenary me"),
        ("decides", "At its 70th plenary me"),
    ]
    first = document.paragraphs[0].text
    assert "Section B Decided to defer" in first and "(A/76/300)" in first
    assert "DECISION B" not in first
    # The notes naming the volume of the Official Records are no citations.
    cited = {r.symbol for r in document.references}
    assert {"A/76/610", "A/76/75", "A/76/300", "A/76/711"} <= cited
    assert "A/76/49" not in cited


DECISION_WITH_NOTES = (
    """General Assembly decision 78/505

Adoption of the agenda

Agenda item 7

At its 50th plenary meeting, on 4 December 2023, the General Assembly decided to consider \
directly in plenary meeting agenda item 27, and to proceed with the consideration of a draft \
resolution.12 (footnote: A/78/L.21.)

At the same meeting, the General Assembly decided to consider directly in plenary meeting \
agenda item 28, and to proceed with the consideration of a draft resolution. [2] \
(footnote: A/78/L.22.).

"""
    + "".join(
        f"""At its {51 + n}st plenary meeting, on 5 December 2023, the General Assembly decided to \
reopen consideration of agenda item {30 + n}, and to proceed with the consideration of a draft \
decision. (Footnote: A/78/L.{30 + n}.)

"""
        for n in range(12)
    )
    + """At its 70th plenary meeting, on 9 January 2024, the General Assembly decided to reopen \
consideration of agenda item 118, and to proceed with the report of the Fifth Committee4. \
(Footnote: A/78/568/Add.1.)
"""
)


def test_notes_written_out_keep_each_its_citation_and_lose_their_markers() -> None:
    document = parse(DECISION_WITH_NOTES)
    cited = {r.symbol for r in document.references}
    # The printed marker "12" is also the twelfth note's count: both notes keep their body.
    assert {"A/78/L.21", "A/78/L.22", "A/78/568/Add.1"} <= cited
    assert {f"A/78/L.{30 + n}" for n in range(12)} <= cited
    texts = [p.text for p in document.paragraphs]
    assert texts[1].endswith("consideration of a draft resolution.")
    assert "[2]" not in texts[1]
    assert texts[-1].endswith("report of the Fifth Committee.")


DRAFT_WITH_WEB_NOTES = """A/C.6/79/L.9

The General Assembly,

Recalling its resolution 78/108 of 7 December 2023,

1. Takes note of the report of the Special Committee;

2. Requests the Secretariat to keep the information posted on the website of the Special \
Committee;1

3. Encourages the updating of the websites for the Repertory2 and for the Repertoire;3

__________________

1 http://legal.un.org/committees/charter.

2 http://legal.un.org/repertory.

3 www.un.org/securitycouncil/content/repertoire/structure.
"""


def test_footnotes_opening_with_a_web_address_are_notes_and_their_markers_go() -> None:
    document = parse(DRAFT_WITH_WEB_NOTES)
    texts = [p.text for p in document.paragraphs]
    assert texts[2].endswith("website of the Special Committee;")
    assert texts[3] == "Encourages the updating of the websites for the Repertory and for the " + (
        "Repertoire;"
    )
    notes = [f.text for p in document.paragraphs for f in p.footnotes]
    assert notes == [
        "http://legal.un.org/committees/charter.",
        "http://legal.un.org/repertory.",
        "www.un.org/securitycouncil/content/repertoire/structure.",
    ]


def test_the_first_sponsor_after_the_date_line_is_kept_in_an_and_pair() -> None:
    head = (
        "S/2023/427 14 June 2023 United Arab Emirates and United Kingdom of Great Britain and "
        "Northern Ireland: draft resolution"
    )
    assert find_sponsors(head) == (
        "United Arab Emirates",
        "United Kingdom of Great Britain and Northern Ireland",
    )
    # A State whose name holds "and" stays whole.
    assert find_sponsors("S/2023/1 14 June 2023 Trinidad and Tobago: draft resolution") == (
        "Trinidad and Tobago",
    )


def test_an_enumeration_whose_numbers_carry_their_date_and_subject_is_read_whole() -> None:
    document = parse(
        "A/RES/80/5\n\nThe General Assembly,\n\nRecalling its resolutions 75/311 of 31 July 2021 "
        "and 77/325 of 25 August 2023 on tackling illicit trafficking in wildlife and 76/185 of "
        "16 December 2021 on preventing and combating crimes that affect the environment,\n\n"
        "Recalling also its resolutions 77/158 of 14 December 2022, by which it declared 2025 "
        "the International Year of Glaciers' Preservation, to be observed starting in 2025, "
        "77/326 of 25 August 2023 on the International Decade of Sciences, 2024-2033, and 78/321 "
        "of 13 August 2024,\n\n1. Decides to remain seized of the matter."
    )
    cited = {r.number for r in document.references}
    assert {"75/311", "77/325", "76/185", "77/158", "77/326", "78/321"} <= cited


def test_a_document_of_the_convention_on_biological_diversity_is_cited() -> None:
    document = parse(
        "A/RES/80/6\n\nThe General Assembly,\n\nRecalling the Kunming-Montreal Global "
        "Biodiversity Framework,1\n\n1. Decides to remain seized of the matter.\n\n"
        "1 United Nations Environment Programme, document CBD/COP/15/17, decision 15/4, annex."
    )
    assert "CBD/COP/15/17" in {r.symbol for r in document.references}


def test_plain_text_keeps_a_compounds_hyphen_at_a_lines_end() -> None:
    document = parse(
        "A/RES/80/7\n\nThe General Assembly,\n\nReaffirming the right of peoples to self-\n"
        "determination and the needs of low-\nand middle-income countries,\n\n"
        "1. Decides to hold a high-level meeting at its eighty-\nfirst session."
    )
    assert [p.text for p in document.paragraphs] == [
        "Reaffirming the right of peoples to self-determination and the needs of low- and "
        "middle-income countries,",
        "Decides to hold a high-level meeting at its eighty-first session.",
    ]


def test_plain_text_hyphenated_by_its_layout_keeps_the_line_end_rule() -> None:
    # "resolu-" / "tion" beside "resolution": words are split at lines' ends, "Trans-" too.
    document = parse(
        "A/RES/80/8\n\nThe General Assembly,\n\nRecalling its resolution 79/1 and its resolu-\n"
        "tion 79/2 on the Convention against Trans-\nnational Organized Crime,\n\n"
        "1. Decides to remain seized of the matter."
    )
    assert document.paragraphs[0].text == (
        "Recalling its resolution 79/1 and its resolution 79/2 on the Convention against "
        "Transnational Organized Crime,"
    )


def test_a_part_letters_note_naming_the_volume_is_no_citation() -> None:
    document = parse(
        "General Assembly decision 77/408 A and B\n\nAppointment of members of the Advisory "
        "Committee\n\nAgenda item 119 (a)\n\nA\n\nAt its 30th plenary meeting, on 14 November "
        "2022, the General Assembly appointed Ms. X as a member of the Advisory Committee.\n\n"
        "B1\n(Footnote: Decision 77/408, in section A of the Official Records of the General "
        "Assembly, Seventy-seventh Session, Supplement No. 49 (A/77/49), vol. II, becomes "
        "decision 77/408 A.)\n\nAt its 87th plenary meeting, on 30 June 2023, the General "
        "Assembly, on the recommendation of the Fifth Committee (A/77/567/Add.1, para. 4), "
        "appointed Mr. Y as a member of the Advisory Committee.\n"
    )
    cited = {r.symbol or r.number for r in document.references}
    assert "A/77/567/Add.1" in cited
    assert "A/77/49" not in cited and "77/408 A" not in cited
