"""Round 26 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 26)."""

from __future__ import annotations

from resolutions.parsing import parse


def texts(text: str) -> list[str]:
    """The paragraphs' texts of a parse, each on one line."""
    return [" ".join(p.text.split()) for p in parse(text).paragraphs]


def test_a_list_s_heading_over_a_written_out_note_stays_in_the_statement() -> None:
    # blind27 A_DEC_76_545: "Draft programme of work", then the note written out on its own
    # ("(Footnote: The final list of items ...)"), then "1. Information and ..." made the heading
    # and the programme a paragraph of their own.
    text = (
        "General Assembly decision 76/545\n\nDraft programme of work of the Second Committee\n\n"
        "Agenda item 122\n\n"
        "At its 54th plenary meeting, on 17 December 2021, the General Assembly, on the"
        " recommendation of the Second Committee:\n"
        "(a)\tApproved the draft programme of work of the Second Committee as set out below;\n"
        "(b)\tInvited the Bureau to take into account the provisional programme of work.\n\n"
        "\t\tDraft programme of work\n\n"
        "(Footnote: The final list of items and sub-items to be considered will be based on the"
        " resolutions and decisions adopted by the General Assembly.)\n\n"
        "1.\tInformation and communications technologies for sustainable development.\n"
        "2.\tMacroeconomic policy questions:\n"
        "\t(a)\tInternational trade and development;\n"
        "\t(b)\tExternal debt sustainability and development.\n"
        "3.\tProgramme planning.\n"
    )
    (only,) = texts(text)
    assert "as set out below; (b) Invited" in only
    assert "Draft programme of work 1. Information and communications" in only
    assert only.endswith("3. Programme planning.")
    assert "final list of items" not in only
    # A heading over a note and then no list is no part of the statement.
    text = text.split("1.\tInformation")[0] + "At its 55th plenary meeting, on the same date,"
    text += " the General Assembly decided to close the item.\n"
    assert texts(text)[0].endswith("the provisional programme of work.")
    assert texts(text)[1:] == [
        "Draft programme of work",
        "At its 55th plenary meeting, on the same date, the General Assembly decided to close the"
        " item.",
    ]


def test_a_list_announced_by_a_colon_goes_on_past_an_item_closed_by_a_semicolon() -> None:
    # blind27 A_DEC_78_555: "(a) Decided that the plenary meetings ... shall be held ... as
    # follows:" / "Sunday, 22 September 2024: ...;" / "Monday, 23 September 2024: ...;" / "(b)
    # Also decides ..." cut the statement at "Monday".
    text = (
        "General Assembly decision 78/555\n\nEstablishment of the list of speakers\n\n"
        "Agenda item 122\n\n"
        "At its 98th plenary meeting, on 10 July 2024, the General Assembly, on the proposal of"
        " its President, concerning the plenary meetings:\n\n"
        "(a)\tDecided that the plenary meetings of the Summit shall be held as follows:\n"
        "\tSunday, 22 September 2024: from 9 a.m. to 3 p.m. and from 3 to 9 p.m.;\n"
        "\tMonday, 23 September 2024: from 9 a.m. to 3 p.m. and from 3 to 9 p.m.;\n\n"
        "(b)\tAlso decides that the list of speakers shall be established in accordance with the"
        " procedure set forth in the annex to the present decision.\n"
    )
    (only,) = texts(text)
    assert "3 to 9 p.m.; Monday, 23 September 2024: from 9 a.m." in only
    assert only.endswith("annex to the present decision.")
    # A statement of its own after an item closed by a semicolon is a paragraph of its own.
    text = text.replace(
        "(b)\tAlso decides",
        "At its 99th plenary meeting, on 11 July 2024, the General Assembly decided",
    )
    assert len(texts(text)) == 2


def test_another_body_s_meeting_in_a_listed_document_does_not_end_the_statement() -> None:
    # Whole-corpus comparison, A_DEC_72_533 (and A_DEC_73_525): "(g) Note by the Secretary-General
    # transmitting the annual report of the Chairs of the human rights treaty bodies on their 29th
    # meeting;" was read as the meeting line that ends the statement, which was cut at "on their".
    statement = (
        "At its 73rd meeting, on 19 December 2017, the General Assembly, on the recommendation of"
        " the Third Committee, took note of the following documents:\n\n"
        "Under sub-item 72 (a):\n"
        "(a)\tNote by the Secretary-General transmitting the annual report of the Chairs of the"
        " human rights treaty bodies on their 29th meeting;\n"
        "(b)\tNote by the Secretariat on the Special Fund.\n"
    )
    text = (
        "General Assembly decision 72/533\n\nDocuments considered by the General Assembly\n\n"
        "Agenda item 72\n\n" + statement
    )
    (only,) = texts(text)
    assert only.endswith("on their 29th meeting; (b) Note by the Secretariat on the Special Fund.")
    # A meeting line after the statement still ends it.
    (only,) = texts(text + "\n73rd plenary meeting\n19 December 2017\n")
    assert only.endswith("on the Special Fund.")
