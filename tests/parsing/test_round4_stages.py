"""Round 4 fixes, one kind each, on small texts shaped like the corpus documents they came from."""

from __future__ import annotations

from resolutions.parsing import parse

GA_DECISION = """General Assembly decision 72/414 A and B

Election of two members of the Organizational Committee

Agenda item 114 (c)

A
\tAt its 75th plenary meeting, on 22 December 2017, the General Assembly, pursuant to its \
resolutions 60/180 of 20 December 2005 and 63/145 of 18 December 2008, elected the CZECH \
REPUBLIC and EL SALVADOR as members of the Organizational Committee.
\tAs a result, from January 2018, the Organizational Committee is composed of the following \
Member States: BANGLADESH,** CHINA* and ZAMBIA.**
__________________
*\tPermanent members of the Security Council.
**\tTerm of office expires on 31 December 2018.

(See A/72/PV.75)

The text of this decision is available in all languages in document A/72/49 (Vol. II).

B

On 12 February 2018, the Economic and Social Council elected ITALY as a member of the \
Organizational Committee pursuant to resolution 60/180.

The final version of part B of this decision will be contained in document A/72/49 (Vol. III) \
after editorial review.
"""


def test_ga_decision_in_prose_takes_its_heading_number_symbol_title_and_first_date() -> None:
    document = parse(GA_DECISION)
    assert (document.symbol, document.number, document.doc_type, document.body) == (
        "A/DEC/72/414 A and B",
        "72/414 A and B",
        "decision",
        "GA",
    )
    assert document.title == "Election of two members of the Organizational Committee"
    assert document.date == "2017-12-22"


def test_ga_decision_blocks_are_paragraphs_and_notes_are_not() -> None:
    document = parse(GA_DECISION)
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "elects"),
        ("operative", None, None),  # "As a result, ... is composed": no decision of its own
        ("operative", None, "elects"),
    ]
    keys = {reference.key for reference in document.references}
    assert keys == {"GA 60/180", "GA 63/145", "A/72/PV.75"}  # not the volume A/72/49
    assert not any(
        "A/72/49" in p.text or "Permanent members" in p.text for p in document.paragraphs
    )


def test_decision_verb_after_a_long_clause_skips_participles_and_pluperfects() -> None:
    document = parse(
        "General Assembly decision 78/541\n\nOpen-ended working group\n\nAgenda item 94\n\n"
        "At its 50th (resumed) plenary meeting, on 22 December 2023, the General Assembly, "
        "recalling its resolution 75/240, noting that the working group established pursuant to "
        "resolution 75/240 had held its sessions and had decided to include the outcome in its "
        "report:\n\n(a)\tDecided to endorse the second annual progress report;\n\n"
        "(b)\tAlso decided to include the item in the provisional agenda.\n"
    )
    assert document.date == "2023-12-22"
    assert [(p.kind, p.verb) for p in document.paragraphs] == [("operative", "decides")]
    assert "(b)" in document.paragraphs[0].text


def test_a_note_written_out_in_parentheses_is_a_footnote() -> None:
    document = parse(
        "General Assembly decision 79/560\n\nAccreditation of organizations\n\nAgenda item 17\n\n"
        "At the 67th plenary meeting, on 29 April 2025, the General Assembly, on the proposal of "
        "its President,14 (footnote: A/79/L.78.) taking note of the note by the Secretariat,15 "
        "(footnote: A/79/858.) decided to accredit the organizations identified in the note.\n"
    )
    paragraph = document.paragraphs[0]
    assert paragraph.verb == "decides"
    assert "footnote" not in paragraph.text and "President, taking" in paragraph.text
    assert [note.text for note in paragraph.footnotes] == ["A/79/L.78.", "A/79/858."]
    assert {r.key for r in document.references} == {"A/79/L.78", "A/79/858"}


DRAFT_HEAD = """United Nations A/80/L.10

General Assembly Distr.: Limited
5 November 2025
Original: English

Eightieth session
Agenda item 11

Italy and Turkmenistan:* draft resolution

Building a peaceful and better world through sport

The General Assembly,

Recalling its resolution 78/10 of 5 December 2023,

1. Calls on Member States to promote sport;

2. Requests the Secretary-General to report.

__________________

* Any changes to the list of sponsors will be reflected in the official record of the meeting.
"""


def test_sponsors_before_a_starred_draft_resolution_and_the_star_note_is_no_paragraph() -> None:
    document = parse(DRAFT_HEAD)
    assert document.sponsors == ("Italy", "Turkmenistan")
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("preambular", None, "recalling"),
        ("operative", "1", "calls upon"),
        ("operative", "2", "requests"),
    ]


PDF_LAYOUT = """The General Assembly,

Recalling the Sendai Framework for Disaster Risk Reduction 2015-20301 and the
Convention on the Safety of United Nations and Associated Personnel,2

Welcoming the ministerial decision3 adopted at the Thirteenth Ministerial Conference,

Noting the work of the Office of Counter-
Terrorism and of the Secretary-
General,4
__________________

1  Resolution 69/283, annex II.

2  United Nations, Treaty Series, vol. 2051, No. 35457. These include, notably, the \
Convention on the Privileges and Immunities of the United Nations of 13 February 1946, the \
Convention on the Privileges and Immunities of the Specialized Agencies of 21 November 1947, \
the Convention on the Safety of United Nations and Associated Personnel of 9 December 1994, \
the Optional Protocol to that Convention of 8 December 2005, the Geneva Convention relative to \
the Protection of Civilian Persons in Time of War of 12 August 1949 and the Additional \
Protocols thereto of 8 June 1977.

3  World Trade Organization, document WT/MIN(24)/34.

4  See A/79/615.

5  See A/60/980.

A/RES/78/1

2/3

1. Encourages Member States to act;

2. Requests the Secretary-General to report.
"""


def test_page_footnotes_glued_to_years_and_words_long_and_with_a_lost_marker() -> None:
    document = parse(PDF_LAYOUT)
    assert [(p.kind, p.number) for p in document.paragraphs] == [
        ("preambular", None),
        ("preambular", None),
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
    ]
    first, second, third = document.paragraphs[:3]
    assert "2015-2030 and" in first.text
    assert [note.marker for note in first.footnotes] == ["1", "2"]
    assert "decision adopted" in second.text and second.footnotes[0].marker == "3"
    assert "Office of Counter-Terrorism" in third.text and "Secretary-General" in third.text
    assert not any("Treaty Series" in p.text or "A/60/980" in p.text for p in document.paragraphs)


def test_one_paragraph_a_line_cut_at_an_opener_after_a_full_stop() -> None:
    document = parse(
        "The Security Council,\nRecalling its resolutions on the situation.\n"
        "Condemning in the strongest terms all violations of the agreement,\n"
        "Acting under Chapter VII of the Charter of the United Nations,\n"
        "1. Decides to extend the mandate until 15 November 2025;\nReporting\n"
        "2. Requests the Secretary-General to report;\n3. Decides to remain seized of the matter.\n"
    )
    assert [p.verb for p in document.paragraphs] == [
        "recalling",
        "condemning",
        "acting",
        "decides",
        "requests",
        "decides",
    ]
    assert document.paragraphs[3].text.endswith("15 November 2025;")


def test_a_security_council_draft_dated_beside_its_symbol() -> None:
    document = parse(
        "S/2021/523\n3 June 2021\nDraft Resolution\n\nThe Security Council,\n"
        "Recalling its resolution 1970 (2011),\n1. Decides to extend the authorizations;\n"
    )
    assert (document.symbol, document.doc_type, document.date) == (
        "S/2021/523",
        "draft_resolution",
        "2021-06-03",
    )


def test_joint_symbols_and_a_bodys_decision_followed_by_its_resolutions() -> None:
    document = parse(
        "The General Assembly,\n\nRecalling Human Rights Council decision 18/120 of 30 September "
        "2011 and resolutions 24/14 of 27 September 2013 and 58/3 of 2 April 2025, and the "
        "report of the Secretary-General (A/65/896-S/2011/407),\n\n1. Decides to act.\n"
    )
    assert {r.key for r in document.references} == {
        "HRC 18/120",
        "HRC 24/14",
        "HRC 58/3",
        "A/65/896-S/2011/407",
    }


def test_real_numbers_beside_markers_stay() -> None:
    document = parse(
        "The General Assembly,\n\nNoting with concern that, in 2022, 1,614 persons were affected, "
        "with 26 fatalities, of which 11 resulted from violence, and 185 kidnapped,1 and that "
        "2 staff members were detained,\n__________________\n\n1  See A/78/369.\n\n"
        "1. Decides to act.\n"
    )
    text = document.paragraphs[0].text
    assert "in 2022, 1,614 persons" in text and "of which 11 resulted" in text
    assert "kidnapped, and" in text and document.paragraphs[0].footnotes[0].text == "See A/78/369."


def test_a_draft_decision_in_one_sentence_after_the_formula() -> None:
    document = parse(
        "United Nations A/C.1/80/L.35\n\nGeneral Assembly Distr.: Limited\n14 October 2025\n\n"
        "United Kingdom of Great Britain and Northern Ireland: draft decision\n\n"
        "Reducing space threats\n\nThe General Assembly, recalling its resolution 79/22 of "
        "2 December 2024, decides to include in the provisional agenda of its eighty-first "
        "session the sub-item entitled \u201cReducing space threats\u201d.\n"
    )
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "decides")
    ]
    assert document.paragraphs[0].text.startswith("The General Assembly, recalling")
    assert document.sponsors == ("United Kingdom of Great Britain and Northern Ireland",)
