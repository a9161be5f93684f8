"""Round 5 fixes, one kind each, on small texts shaped like the corpus documents they came from."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.countries import canonical_country
from resolutions.parsing.references import SYMBOL_RE

RESOLUTION_UNDER_REPORT_ITEM = """United Nations
A/RES/79/500

General Assembly
Distr.: General
12 December 2024

Seventy-ninth session
Agenda item 77
Report of the United Nations Commission on International
Trade Law on the work of its fifty-seventh session

Resolution adopted by the General Assembly
on 4 December 2024

[on the report of the Sixth Committee (A/79/467, para. 11)]

79/500. Model Law on Something

The General Assembly,

Recalling its resolution 2205 (XXI) of 17 December 1966,

1.
Expresses its appreciation to the Commission;

2.
Requests the Secretary-General to publish the Model Law.

47th plenary meeting
4 December 2024
"""


def test_a_report_agenda_title_over_a_resolution_cover_leaves_it_a_resolution() -> None:
    document = parse(RESOLUTION_UNDER_REPORT_ITEM)
    assert (document.doc_type, document.number, document.title, document.date) == (
        "resolution",
        "79/500",
        "Model Law on Something",
        "2024-12-04",
    )
    assert [p.number for p in document.paragraphs if p.kind == "operative"] == ["1", "2"]


def test_a_council_text_with_nothing_showing_it_adopted_is_a_draft() -> None:
    document = parse(
        "The Security Council,\n"
        "Recalling its resolutions on the Democratic Republic of the Congo,\n"
        "Acting under Chapter VII of the Charter of the United Nations,\n"
        "1. Decides to extend the mandate of MONUC until 15 May 2007;\n"
        "2. Decides to remain actively seized of the matter.\n"
    )
    assert (document.doc_type, document.symbol, document.date) == ("draft_resolution", None, None)


def test_a_draft_is_dated_by_its_issue_not_by_an_adoption_it_cites() -> None:
    document = parse(
        "United Nations\nA/C.1/80/L.99\n\nGeneral Assembly\nDistr.: Limited\n16 October 2025\n\n"
        "Mexico: draft resolution\n\nReport of the Conference on Disarmament\n\n"
        "The General Assembly,\n\nRecalling its resolution 79/71,\n\n"
        "1. Calls upon the Conference, bearing in mind the decision on the programme of work "
        "adopted by the Conference on 29 May 2009, to intensify consultations.\n"
    )
    assert (document.doc_type, document.date) == ("draft_resolution", "2025-10-16")


def test_a_decision_verb_after_a_long_clause_and_a_having_participle() -> None:
    recalled = ", ".join(f"{60 + n}/{10 + n} of 2 December 20{10 + n}" for n in range(12))
    long_clause = (
        "At its 56th plenary meeting, on 30 December 2022, the General Assembly, recalling its "
        f"resolutions {recalled}, by which it had decided to establish a working group that "
        "would convene for two sessions, decided that the working group shall convene again."
    )
    having = (
        "At its 68th plenary meeting, on 23 December 2016, the General Assembly, having "
        "considered the letter from the Secretary-General, and taking note of the letter "
        "from the President of the Security Council:\n\t(a)\tReiterated its request to the "
        "Tribunal;\n\t(b)\tTook note of the commitment of the Tribunal."
    )
    for statement, verb in ((long_clause, "decides"), (having, "reiterates")):
        document = parse(
            f"General Assembly decision 77/900\n\nA title\n\nAgenda item 99\n\n{statement}\n"
        )
        assert [p.verb for p in document.paragraphs] == [verb]


def test_a_see_note_holding_brackets_is_no_paragraph_and_announced_is_a_verb() -> None:
    document = parse(
        "General Assembly decision 71/900\n\nElection of the Chairs\n\nAgenda item 5\n\n"
        "At its 84th plenary meeting, on 1 June 2017, the President of the General Assembly "
        "announced that the following persons had been elected as Chairs:\n\n"
        "First Committee:\t\tMr. A (Iraq)\nSecond Committee:\t\tMr. B (Estonia)\n\n"
        "(See A/71/PV.84;\nMr. A was subsequently replaced by Mr. C (Iraq) on 28 September 2017)\n"
    )
    assert [p.verb for p in document.paragraphs] == ["announces"]
    assert "Second Committee" in document.paragraphs[0].text
    assert {"type": "document", "symbol": "A/71/PV.84"} in [
        r.to_dict() for r in document.references
    ]


def test_symbols_with_bracketed_sessions_and_dotted_parts() -> None:
    text = "see ICCD/COP(13)/21, BWC/CONF.IX/9, sect. II.E, and A/71/P.V.84;"
    assert [m.group(0) for m in SYMBOL_RE.finditer(text)] == [
        "ICCD/COP(13)/21",
        "BWC/CONF.IX/9",
        "A/71/P.V.84",
    ]


def test_bodies_are_taken_when_a_marker_follows_a_numbering_word() -> None:
    document = parse(
        "The General Assembly,\n\nCognizant of the decision to review developments relevant "
        "to the Convention 1 and to provide States Parties with relevant advice,2\n\n"
        "1. Takes note of the report;\n\n2. Encourages the Board to continue its work;\n\n"
        "1 United Nations, Treaty Series, vol. 1015, No. 14860.\n\n2 BWC/CONF.IX/9, sect. II.E.\n\n"
        "3. Decides to include the item in its provisional agenda.\n"
    )
    assert [p.text for p in document.paragraphs[1:]] == [
        "Takes note of the report;",
        "Encourages the Board to continue its work;",
        "Decides to include the item in its provisional agenda.",
    ]
    assert {"type": "document", "symbol": "BWC/CONF.IX/9"} in [
        r.to_dict() for r in document.references
    ]


def test_a_lettered_item_shaped_like_an_enacting_formula_stays_in_its_paragraph() -> None:
    document = parse(
        "The General Assembly,\n\nRecalling its resolution 2099 (XX),\n\n"
        "1.\nAuthorizes the Secretary-General to carry out the following activities:\n\n"
        "(a)\nThe International Law Fellowship Programme, with a minimum of 20\nfellowships;\n\n"
        "(b)\nThe Regional Courses in International Law;\n\n"
        "2.\nDecides to include the item in its provisional agenda.\n"
    )
    assert [(p.kind, p.number) for p in document.paragraphs] == [
        ("preambular", None),
        ("operative", "1"),
        ("operative", "2"),
    ]
    assert "Fellowship Programme, with a minimum" in document.paragraphs[1].text


def test_an_inverted_article_in_a_sponsor_name() -> None:
    assert canonical_country("Bahamas (The)") == "Bahamas"
    assert canonical_country("Gambia (The)") == "Gambia"


AMENDMENT = """United Nations
A/80/L.99

General Assembly
Distr.: Limited
26 November 2025
Original: English

Eightieth session
Agenda item 72 (a)
Strengthening of the coordination of humanitarian assistance

Bahamas (The) and Russian Federation:* amendment to draft resolution A/80/L.98

Safety and security of humanitarian personnel

Delete the thirty-eighth preambular paragraph reading:

Recalling the inclusion of attacks against humanitarian personnel as a war crime,

After operative paragraph 3, insert a new operative paragraph, reading:

Notes with alarm the attacks on humanitarian personnel;

* Any changes to the list of sponsors will be reflected in the official record of the meeting.
"""


def test_an_amendment_is_its_own_type_with_its_instructions_and_the_draft_it_amends() -> None:
    document = parse(AMENDMENT)
    assert (document.doc_type, document.title, document.date) == (
        "amendment",
        "Safety and security of humanitarian personnel",
        "2025-11-26",
    )
    assert set(document.sponsors) == {"Bahamas", "Russian Federation"}
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "delete"),
        ("operative", None, "insert"),
    ]
    assert "Notes with alarm" in document.paragraphs[1].text
    assert [r.to_dict() for r in document.references] == [
        {"type": "document", "symbol": "A/80/L.98"}
    ]


def test_a_compound_hyphenated_across_page_furniture_is_whole_again() -> None:
    document = parse(
        "United Nations\nA/C.6/80/L.99\n\nGeneral Assembly\nDistr.: Limited\n12 November 2025\n\n"
        "Draft resolution\n\nA title\n\nThe General Assembly,\n\nRecalling its resolution "
        "2099 (XX),\n\n1. Recognizes the importance of the legal publications, and once again "
        "requests the Secretary-\n\nA/C.6/80/L.99\n\n25-18359\n4/5\n\nGeneral to issue the "
        "publications;\n\n2. Decides to include the item in its provisional agenda.\n"
    )
    assert "requests the Secretary-General to issue" in document.paragraphs[1].text


def test_numbered_instructions_and_a_lower_case_instruction_verb() -> None:
    heading = "Japan: amendment to draft resolution A/C.3/80/L.20\n\nRights of the child\n\n"
    numbered = parse(
        f"{heading}1. In operative paragraph 13, delete “sexual”.\n\n"
        "2. After operative paragraph 3, insert a new operative paragraph, reading:\n\n"
        "Notes with alarm the attacks;\n"
    )
    assert [(p.kind, p.number, p.verb) for p in numbered.paragraphs] == [
        ("operative", "1", "delete"),
        ("operative", "2", "insert"),
    ]
    unnumbered = parse(
        f"{heading}In operative paragraph 68, after “including health”, insert “in accordance "
        "with the Programme of Action”.\n"
    )
    assert [(p.number, p.verb) for p in unnumbered.paragraphs] == [(None, "insert")]
