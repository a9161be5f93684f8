"""Round 3 misses: a report chapter's one-line running header, and a marker glued to a year."""

from __future__ import annotations

from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text
from resolutions.parsing.footnotes import replace_inline_markers, sentinel, strip_sentinels

HEADER = "Chapter I. Matters calling for action by the Economic and Social Council"
FILLER = (
    "Recalling its resolution 70/1 of 25 September 2015 on the Sustainable Development Goals,\n" * 8
)
HEAD = "Resolution 61/99\n\nStrengthening the programme\n\nThe Commission on Narcotic Drugs,\n\n"


def test_a_repeated_chapter_header_is_furniture() -> None:
    text = (
        FILLER + "Concerned that traffickers increasingly use information\n"
        f"{HEADER}\nand communications technologies,\n"
        "Noting the report of the Secretary-General,\n"
        f"{HEADER}\nWelcoming the work done,\n"
    )
    cleaned = clean_text(text)
    assert "information and communications technologies," in cleaned
    assert "Chapter I" not in cleaned


def test_a_chapter_header_beside_page_furniture_is_furniture() -> None:
    text = (
        FILLER + "5. Invites Member States and other donors to provide extrabudgetary\n\n"
        f"32        18-04526\n        {HEADER}\n\n"
        "resources for the purposes described in the present resolution.\n"
    )
    cleaned = clean_text(text)
    assert "Chapter I" not in cleaned
    assert "Matters calling" not in cleaned


def test_a_chapter_heading_printed_once_at_the_top_is_kept() -> None:
    cleaned = clean_text(f"{HEADER}\n\n" + FILLER)
    assert cleaned.startswith(HEADER)


def test_a_chapter_heading_printed_once_in_the_text_is_kept() -> None:
    cleaned = clean_text(FILLER + "\n" + HEADER + "\n\n" + FILLER)
    assert HEADER in cleaned


def test_the_running_header_does_not_split_an_operative_paragraph() -> None:
    text = (
        HEAD
        + FILLER
        + "1. Encourages Member States to promote non-stigmatizing attitudes;\n"
        + "2. Invites Member States and other donors to provide extrabudgetary\n\n"
        + f"32        18-04526\n        {HEADER}\n\n"
        + "resources for the purposes described in the present resolution.\n\n"
        + "18-04526        33\n"
    )
    paragraphs = parse(text).paragraphs
    assert all("Chapter" not in paragraph.text for paragraph in paragraphs)
    assert paragraphs[-1].text == (
        "Invites Member States and other donors to provide extrabudgetary resources for the "
        "purposes described in the present resolution."
    )


TREATIES = (
    HEAD + "Reaffirming the commitments made in the Single Convention on Narcotic Drugs of 1961\n"
    "as amended by the 1972 Protocol,1 the Convention on Psychotropic Substances of 19712 and\n"
    "the United Nations Convention against Illicit Traffic of 1988,3\n"
    "Concerned that stigmatizing attitudes may have an impact on services,\n\n"
    "__________________\n"
    "1 United Nations, Treaty Series, vol. 976, No. 14152.\n"
    "2 Ibid., vol. 1019, No. 14956.\n"
    "3 Ibid., vol. 1582, No. 27627.\n\n"
    "18-04526        31\n\n"
    "1. Encourages Member States to promote non-stigmatizing attitudes.\n"
)


def test_a_marker_glued_to_a_year_is_taken_off() -> None:
    first = parse(TREATIES).paragraphs[0]
    assert "Psychotropic Substances of 1971 and" in first.text
    assert [note.marker for note in first.footnotes] == ["1", "2", "3"]


def test_a_glued_year_without_a_matching_footnote_stays() -> None:
    text = TREATIES.replace("2 Ibid., vol. 1019, No. 14956.\n3", "2")
    text = text.replace("Traffic of 1988,3", "Traffic of 1988,2").replace("of 19712", "of 19719")
    first = parse(text).paragraphs[0]
    assert "Substances of 19719 and" in first.text


def test_glued_year_rule_needs_year_shape_context_and_a_known_marker() -> None:
    keys = {"2": "2", "12": "12"}
    assert replace_inline_markers("of 19712 and", keys=keys) == f"of 1971{sentinel('2')} and"
    assert replace_inline_markers("in May 200512,", keys=keys) == f"in May 2005{sentinel('12')},"
    for kept in (
        "of 19713 and",  # no footnote 3
        "of 12342 and",  # not a year
        "of 18992 and",  # not a year of these documents
        "a total of 19712 persons",  # a count
        "No. 19712 and",  # not after of/in/a month
        "of 197122 and",  # six digits
    ):
        assert strip_sentinels(replace_inline_markers(kept, keys=keys)) == kept, kept
