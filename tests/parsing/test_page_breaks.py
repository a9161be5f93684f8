"""Page breaks in PDF text extracted without blank lines (pypdf): furniture, running headers,
words hyphenated across the break, notes at the foot of the last page."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text

HEAD = (
    "Resolution adopted by the General Assembly on 17 December 2018\n"
    "[on the report of the Third Committee (A/73/581)]\n"
    "73/999. Strengthening the programme\n"
    "The General Assembly,\n"
)
FILLER = (
    "Recalling its resolution 70/1 of 25 September 2015 on the Sustainable Development Goals,\n" * 8
)


def test_furniture_and_header_symbols_between_two_lines_are_deleted() -> None:
    text = (
        FILLER + "Concerned that traffickers increasingly use information\n"
        "18-08747\n4/43\nE/2018/30\nE/CN.15/2018/15\n"
        "and communications technologies,\n"
    )
    cleaned = clean_text(text)
    assert "information and communications technologies," in cleaned
    assert "E/2018/30" not in cleaned


def test_symbol_lines_above_the_running_text_are_kept() -> None:
    cleaned = clean_text("United Nations\nA/RES/73/186\n18-22455 (E)\nGeneral Assembly\n" + FILLER)
    assert "A/RES/73/186" in cleaned


def test_word_hyphenated_across_a_page_break_with_a_footnote() -> None:
    text = (
        HEAD + "Recalling the Declaration,1 adopted at the Thirte-\n"
        "1 Resolution 70/174, annex.\n18-22455 (E) 100119\n*1822455*\nPlease recycle\n"
        "enth United Nations Congress on Crime Prevention and Criminal Justice,\n"
        "1. Requests the Secretary-General to report.\n"
    )
    parsed = parse(text)
    assert parsed.paragraphs[0].text.endswith(
        "adopted at the Thirteenth United Nations Congress "
        "on Crime Prevention and Criminal Justice,"
    )
    assert parsed.paragraphs[0].footnotes[0].text == "Resolution 70/174, annex."


def test_a_note_repeated_at_the_foot_of_the_last_page_leaves_the_last_paragraph() -> None:
    text = (
        HEAD + "Noting the report,1\n1 A/73/118.\n"
        "1. Requests the Secretary-General to report on possible responses.\n"
        "1 A/73/118.\n4/5\n18-22455\n55th plenary meeting\n17 December 2018\n"
    )
    parsed = parse(text)
    assert parsed.paragraphs[-1].text.endswith("possible responses.")


def test_the_next_resolutions_heading_ends_the_text() -> None:
    text = (
        HEAD + "Noting the report,\n"
        "1. Invites Member States to provide resources.\n"
        "Resolution 27/2\nPreventing and combating trafficking in organs\n"
    )
    parsed = parse(text)
    assert parsed.paragraphs[-1].text == "Invites Member States to provide resources."
    assert all(reference.number != "27/2" for reference in parsed.references)
