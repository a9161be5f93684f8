"""Round 25 fixes, one kind each, on short excerpts of the documents where each kind was found
(named in docs/parsing.md, round 25)."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text

ASSEMBLY_HEAD = (
    "Resolution adopted by the General Assembly on 13 August 2024\n\n"
    "78/324.\tConsideration of decision 14/1 of the Open-ended Working Group on Ageing\n\n"
    "The General Assembly,\n\n"
)


def cited(text: str) -> set[str]:
    """The resolutions a text cites, as "body number", and the documents, as their symbols."""
    return {f"{r.body} {r.number}" if r.number else str(r.symbol) for r in parse(text).references}


def test_a_day_glued_to_its_preposition_is_read_apart() -> None:
    # blind26 A_DEC_77_559: "decisions 62/557 of 15 September 2008, ..., 67/561 of29 August 2013,
    # 68/557 of 8 September 2014, ..." ended the enumeration at 67/561 (nine decisions lost) and
    # kept "of29" in the paragraph.
    text = (
        "General Assembly decision 77/559\n\nQuestion of equitable representation\n\n"
        "At its 85th plenary meeting, on 29 June 2023, the General Assembly decided to continue"
        " as mandated by Assembly decisions 66/566 of 13 September 2012, 67/561 of29 August 2013,"
        " 68/557 of 8 September 2014 and 69/560 of 14 September 2015.\n"
    )
    parsed = parse(text)
    assert {"GA 66/566", "GA 67/561", "GA 68/557", "GA 69/560"} <= cited(text)
    assert "67/561 of 29 August 2013" in parsed.paragraphs[0].text
    # Only a preposition is read apart from a day: another word glued to a number stays.
    assert clean_text("the Agenda21 May session") == "the Agenda21 May session"


def test_a_bracketed_marker_after_a_word_belongs_to_the_note() -> None:
    # blind26 A_DEC_78_556: "on the proposal of its President[1] (Footnote: A/78/L.89), as
    # amended ..." kept "[1]" in the paragraph.
    text = (
        "General Assembly decision 78/556\n\nParticipation in the Summit of the Future\n\n"
        "At its 99th plenary meeting, on 11 July 2024, the General Assembly, on the proposal of its"
        " President[1] (Footnote: A/78/L.89), as amended, decided to approve the participation"
        " of the organizations listed.\n"
    )
    parsed = parse(text)
    assert parsed.paragraphs[0].text.startswith(
        "At its 99th plenary meeting, on 11 July 2024, the General Assembly, on the proposal of"
        " its President, as amended, decided"
    )
    assert "A/78/L.89" in cited(text)
    # A bracketed number with no note after it is no marker.
    text = ASSEMBLY_HEAD + "1. Takes note of the list [1] of organizations;\n"
    assert "[1]" in parse(text).paragraphs[0].text


def test_a_working_group_s_own_decision_is_no_reference() -> None:
    # blind26 A_RES_78_324: "the recommendations as adopted by the Open-ended Working Group on
    # Ageing in its decision 14/1" gave the Assembly a decision 14/1.
    text = ASSEMBLY_HEAD + (
        "1. Urges relevant United Nations bodies to further consider the recommendations as"
        " adopted by the Open-ended Working Group on Ageing in its decision 14/1;\n"
    )
    assert "GA 14/1" not in cited(text)
    # "its" after the Assembly named is still the Assembly's.
    text = ASSEMBLY_HEAD + (
        "1. Recalls the working group established by the General Assembly in its resolution"
        " 65/182;\n"
    )
    assert "GA 65/182" in cited(text)


def test_a_note_between_two_commas_leaves_one() -> None:
    # blind26 A_DEC_78_528_A and A_DEC_78_556: "on the proposal of its President, (Footnote:
    # A/78/L.23.), recalling ..." kept both commas (punctuation, which the scores do not weigh).
    text = (
        "General Assembly decision 78/528 A\n\nParticipation in the Conference\n\n"
        "At its 45th plenary meeting, on 7 December 2023, the General Assembly, on the proposal of"
        " its President, (Footnote: A/78/L.23.), recalling its resolution 77/246, decided to"
        " approve the participation of the organizations listed.\n"
    )
    parsed = parse(text)
    assert "its President, recalling its resolution" in parsed.paragraphs[0].text
    assert [note.text for note in parsed.paragraphs[0].footnotes] == ["A/78/L.23."]
    # A note with one comma, after it, leaves that comma.
    text = text.replace(
        "President, (Footnote: A/78/L.23.), recalling",
        "President (Footnote: A/78/L.23.), recalling",
    )
    assert "its President, recalling its resolution" in parse(text).paragraphs[0].text
