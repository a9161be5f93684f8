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
