"""Round 15 fixes, one kind each, on texts written for them (the documents of
tests/parsing/blind16/ where each kind was found are named in docs/parsing.md)."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_range_or_compound_broken_after_its_dash_at_a_lines_end_runs_on() -> None:
    # "2015\u2013" / "2030" gave "2015\u2013 2030", which reads as two numbers.
    text = clean_text(
        "Recalling the Sendai Framework for Disaster Risk Reduction 2015\u2013\n2030 and an 18-\n"
        "month programme on COVID-19-\nrelated issues, and decision WT/MIN(15)/48-\nWT/L/982,"
    )
    assert "2015\u20132030 and" in text
    assert "18-month programme" in text and "COVID-19-related" in text
    assert "WT/MIN(15)/48-WT/L/982" in text
    # A dash between clauses has its spaces and keeps the line break's space.
    assert "in 2030 \u2013 and" in clean_text("in 2030 \u2013\nand")


def test_a_treaty_bodys_decision_printed_in_its_report_is_not_the_assemblys() -> None:
    # "CBD/COP/15/17, decision 15/4, annex": the Biodiversity Convention's decision, not the
    # General Assembly's "15/4"; the report is cited.
    text = (
        "The General Assembly,\n\nWelcoming the Kunming-Montreal Global Biodiversity Framework,"
        "11\n\n1. Decides to act.\n\n__________________\n11 United Nations Environment "
        "Programme, document CBD/COP/35/17, decision 35/4, annex.\n"
    )
    assert keys(text) == {"CBD/COP/35/17"}
    # One printed in a report of the Council's series stays the Council's.
    text = text.replace("CBD/COP/35/17, decision 35/4", "S/2035/17, resolution 3035 (2035)")
    assert keys(text) == {"S/2035/17", "SC 3035 (2035)"}


def test_the_council_named_short_in_the_assemblys_text_is_read_from_the_number() -> None:
    # "as endorsed by the Council in its resolution 1515 (2003)": the Security Council's
    # resolution, not the General Assembly's.
    text = (
        "The General Assembly,\n\nStressing the road map, as endorsed by the Council in its "
        "resolution 3515 (2035) and by the Council in its resolution 2035/33,\n\n"
        "1. Recalls the Assembly in its resolution 90/19.\n"
    )
    assert keys(text) == {"SC 3515 (2035)", "ECOSOC 2035/33", "GA 90/19"}


def test_a_number_after_a_word_is_no_second_marker_of_a_placed_note() -> None:
    # Note 3 marked "Agreement3" on its page; "action 3 of the Final Document" lost its 3 to
    # the last pass over the whole text, which took it for a second marker of the note.
    text = "\n".join(
        [
            "The General Assembly,",
            "",
            "Recalling the Treaty,1",
            "",
            "Recalling also the Protocol,2",
            "",
            "__________________",
            "",
            "1 United Nations, Treaty Series, vol. 634, No. 9068.",
            "",
            "2 Ibid., vol. 635, No. 9069.",
            "",
            "A/C.1/90/L.40",
            "",
            "2/2",
            "",
            "1. Encourages States Parties to the Agreement3 to review their declarations, in "
            "accordance with action 3 of the Final Document of the Conference;",
            "",
            "__________________",
            "",
            "3 Ibid., vol. 636, No. 9070.",
        ]
    )
    assert parse(text).paragraphs[-1].text == (
        "Encourages States Parties to the Agreement to review their declarations, in accordance "
        "with action 3 of the Final Document of the Conference;"
    )
    # A number's whole part after punctuation is no marker of a note placed on an earlier page
    # ("resolution 64/292, 2.1 billion people" lost its 2).
    decimal = parse(
        text.replace("with action 3 of", "with resolution 64/292, 2.1 billion people and")
    )
    assert "64/292, 2.1 billion people" in decimal.paragraphs[-1].text
    # A number after punctuation repeating a note's marker is still taken for it.
    repeated = parse(text.replace("with action 3 of", "with the Agreement, 3 and"))
    assert "Agreement, 3" not in repeated.paragraphs[-1].text


def test_a_decision_cited_in_a_decisions_title_does_not_cut_it() -> None:
    # "... under GA decision 74/544 entitled ..." was taken for the heading "Decision 74/544":
    # the title began at "entitled".
    title = (
        "Taking note of resolutions adopted through silence procedure under GA decision 94/544 "
        "entitled \u201cProcedure for taking decisions\u201d"
    )
    document = parse(
        f"General Assembly decision 94/571\n\n{title}\n\nAgenda item 7\n\n"
        "At its 62nd plenary meeting, on 3 September 2040, the General Assembly took note of "
        "the resolutions adopted.\n"
    )
    assert document.title == title
    # A heading's number before the title on one line still anchors it.
    document = parse(
        "Decision 2040/245 Extension of the session\n\nAt its 41st meeting, on 11 July 2040, "
        "the Economic and Social Council decided to extend the session.\n"
    )
    assert document.title == "Extension of the session"


def test_the_councils_text_cites_its_resolution_named_by_number_and_year_alone() -> None:
    # "the values set forth in 2367 (2017)": no "resolution" before the number.
    text = (
        "The Security Council,\n\nRecalling its resolution 3001 (2040), and the values set forth"
        " in 3067 (2041), and general recommendation No. 38 (2040),\n\n"
        "1. Decides that per 3004 (2040) the mission continues, as in paragraph 25 (2040);\n"
    )
    assert keys(text) == {"SC 3001 (2040)", "SC 3067 (2041)", "SC 3004 (2040)"}
    # In the Assembly's text a number with its year alone is no citation.
    assert keys(text.replace("The Security Council,", "The General Assembly,")) == {
        "GA 3001 (2040)"
    }
