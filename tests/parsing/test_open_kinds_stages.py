"""Open kinds of earlier rounds closed, one kind each, on texts written for them (the documents
where each kind was found are named in docs/parsing.md, "Open kinds closed after round 15")."""

from __future__ import annotations

from resolutions.parsing import parse

RULE = "__________________"


def page(*lines: str) -> list[str]:
    """Lines of one page, blank lines between its blocks."""
    return [line for text in lines for line in (text, "")]


def test_a_number_outside_its_notes_place_is_no_second_marker() -> None:
    # Note 1 is marked on its page ("Forum,1"); a count after a comma two pages on, after the
    # markers of notes 2 and 3, is no second marker of it ("available, 8 have" with note 8).
    text = "\n".join(
        [
            *page("The General Assembly,", "Recalling the Forum,1", "Recalling also the Summit,2"),
            *page(RULE, "1  A/90/336.", "2  E/HLS/2035/1.", "A/C.2/90/L.6", "2/3"),
            *page("1. Welcomes the Programme of Action;3", RULE, "3  Resolution 89/233."),
            *page("A/C.2/90/L.6", "3/3"),
            "2. Notes with concern that of the 22 countries for which an analysis is available, 1 "
            "have a high risk of distress;",
        ]
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[-1].text == (
        "Notes with concern that of the 22 countries for which an analysis is available, 1 "
        "have a high risk of distress;"
    )
    assert [note.marker for note in paragraphs[0].footnotes] == ["1"]
    # Nor is one before the previous note's marker ("24 abductions, 16 sexual assaults", note 15
    # marked further on, note 16 after it).
    counts = parse(
        text.replace("Recalling the Forum,1", "Noting 24 abductions, 2 sexual assaults,").replace(
            "Recalling also the Summit,2", "Recalling the Forum,1 and the Summit,2"
        )
    ).paragraphs
    assert counts[0].text == "Noting 24 abductions, 2 sexual assaults,"
    assert counts[0].footnotes == ()
    # A note marked again after the name it marked first is marked there too, out of its place
    # ("the Convention against Transnational Organized Crime, 1" each time it is named).
    again = parse(text.replace("an analysis is available, 1 have", "the Forum, 1 have"))
    assert "the Forum, have" in again.paragraphs[-1].text


def test_a_number_before_the_previous_notes_marker_is_not_the_next_notes() -> None:
    # Note 4's marker follows a word on the page of its body ("Development 4 and"); "the annual
    # 4 trillion dollar gap", pages before, ahead of note 3's marker, is a number.
    text = "\n".join(
        [
            *page("The General Assembly,", "Recalling the Agenda,1"),
            *page(RULE, "1  Resolution 83/291, annex.", "A/C.2/90/L.21", "2/3"),
            *page("Determined to close the estimated annual 4 trillion dollar financing gap,"),
            *page("Recalling the Framework,2", RULE, "2  Resolution 80/1.", "A/C.2/90/L.21", "3/3"),
            *page(
                "1. Welcomes the Commitment,3 and recalls the Agenda of the Conference on "
                "Financing for Development 4 and its outcome;"
            ),
            *page(RULE, "3  Resolution 89/323, annex.", "4  Resolution 79/313, annex."),
        ]
    )
    paragraphs = parse(text).paragraphs
    assert [p.text for p in paragraphs if "trillion" in p.text] == [
        "Determined to close the estimated annual 4 trillion dollar financing gap,"
    ]
    assert paragraphs[-1].text == (
        "Welcomes the Commitment, and recalls the Agenda of the Conference on Financing for "
        "Development and its outcome;"
    )
    assert [note.marker for note in paragraphs[-1].footnotes] == ["3", "4"]


def test_a_marker_after_a_numbering_name_between_its_neighbours_is_taken() -> None:
    # "the Convention 1 and" reads like a numbered convention, but note 1's body is on the
    # page, no other number marks it, and note 2's marker follows.
    text = "\n".join(
        [
            *page(
                "The General Assembly,",
                "Cognizant of the decision to review developments relevant to the Convention 1 "
                "and to provide States Parties with relevant advice,2",
                "1. Decides to act.",
            ),
            *page(RULE, "1  United Nations, Treaty Series, vol. 1015, No. 14860."),
            "2  BWC/CONF.X/9, sect. II.E.",
        ]
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[0].text == (
        "Cognizant of the decision to review developments relevant to the Convention and to "
        "provide States Parties with relevant advice,"
    )
    assert [note.marker for note in paragraphs[0].footnotes] == ["1", "2"]
    # A numbered convention with no note of its number on the page stays.
    numbered = parse(text.replace("the Convention 1 and", "the Convention 3 and"))
    assert "the Convention 3 and" in numbered.paragraphs[0].text
    # Two such numbers between the neighbours: neither is taken.
    twice = parse(text.replace("to provide States", "to Protocol 1 of States"))
    assert "Convention 1 and" in twice.paragraphs[0].text


def test_a_number_inside_a_list_of_numbers_is_no_marker() -> None:
    # Note 2 is marked "above, 2 and"; "paragraphs 1, 2, 3 and 4", on the same page, lost its 2
    # to the note as well.
    text = "\n".join(
        [
            *page(
                "The General Assembly,",
                "Recalling the report,1",
                "1. Takes note of the report on the allegations referred to in paragraphs 3 and "
                "4 above, 2 and requests updates;",
                "2. Requests a report on paragraphs 1, 2, 3 and 4 above;",
            ),
            *page(RULE, "1  A/90/239.", "2  A/90/270."),
        ]
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[-1].text == "Requests a report on paragraphs 1, 2, 3 and 4 above;"
    assert paragraphs[-2].text == (
        "Takes note of the report on the allegations referred to in paragraphs 3 and 4 above, "
        "and requests updates;"
    )
    # A marker glued to the comma after a year, before the list goes on, is a marker
    # ("57/15 of 10 October 2024,11 and 60/13").
    glued = parse(text.replace("4 above, 2 and requests", "4 of 2034,2 and 60/13 requests"))
    assert "of 2034, and 60/13 requests" in glued.paragraphs[-2].text


def test_a_number_in_the_text_is_no_body_of_a_note_printed_further_on() -> None:
    # "schedules 1 (A) and 1, respectively, of the Annex" read as note 1's body, its text cut
    # at "schedules", while note 1's body opens a block of its own at the page's foot.
    text = "\n".join(
        [
            *page(
                "The General Assembly,",
                "Recalling the Convention,1",
                "Recalling decisions C-94/DEC.4 and C-94/DEC.5 introducing changes to schedules "
                "1 (A) and 1, respectively, of the Annex on Chemicals to the Convention,",
                "1. Decides to act.",
            ),
            *page(RULE, "1  United Nations, Treaty Series, vol. 1974, No. 33757."),
        ]
    )
    paragraphs = parse(text).paragraphs
    assert paragraphs[1].text == (
        "Recalling decisions C-94/DEC.4 and C-94/DEC.5 introducing changes to schedules 1 (A) "
        "and 1, respectively, of the Annex on Chemicals to the Convention,"
    )
    assert [note.text for note in paragraphs[0].footnotes] == [
        "United Nations, Treaty Series, vol. 1974, No. 33757."
    ]
