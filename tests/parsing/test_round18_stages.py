"""Round 18 fixes, one kind each, on the documents of tests/parsing/blind19/ where each kind was
found or on short excerpts of them (named in docs/parsing.md, round 18)."""

from __future__ import annotations

from pathlib import Path

from resolutions.parsing import parse, parse_file
from resolutions.parsing.extract import extract_text

BLIND19 = Path(__file__).resolve().parent / "blind19"


def word_text(name: str) -> str:
    return extract_text((BLIND19 / name).read_bytes(), filename=name)


def keys(text: str) -> set[str]:
    """The references of a parse as "BODY number" or symbol."""
    return {r.symbol or f"{r.body} {r.number}" for r in parse(text).references}


def test_a_word_files_notes_are_written_out_where_their_markers_stand() -> None:
    # E_RES_2018_27: the notes of word/footnotes.xml were not read, their citations lost.
    text = word_text("E_RES_2018_27.docx")
    assert "(footnote: General Assembly resolution 70/294, annex.)" in text
    assert "Supplement No. 13 (E/2018/33)" in text
    document = parse_file((BLIND19 / "E_RES_2018_27.docx").read_bytes(), filename="r.docx")
    cited = {r.symbol or f"{r.body} {r.number}" for r in document.references}
    assert {"GA 70/294", "E/2018/33", "A/CONF.219/7"} <= cited
    assert not any("footnote" in p.text for p in document.paragraphs)


def test_a_note_marker_typed_as_raised_digits_is_left_out() -> None:
    # E_RES_2018_10 and E_RES_2018_11: a note repeated as a raised digit typed into the text
    # ("Rights6", "2015\u201320305") stayed glued to the word.
    text = word_text("E_RES_2018_10.docx")
    assert "Cultural Rights and the Convention" in text
    assert "Rights6" not in text
    assert "Reduction 2015\u20132030 through" in word_text("E_RES_2018_11.docx")
    # A number printed in the running text is kept ("51 years have passed").
    assert "that 51 years have passed" in text


COUNCIL = "The Economic and Social Council,\n\n"


def test_its_resolution_names_the_subject_that_follows_the_clause() -> None:
    # E_RES_2018_27: "in its resolution 59/209, the General Assembly decided" gave ECOSOC 59/209.
    text = COUNCIL + (
        "Recalling also that, in its resolution 59/209, the General Assembly decided that "
        "graduation would become effective three years later, and that, in its resolution "
        "67/221, the Assembly decided to take note of the decisions of the Council,\n\n"
        "1.\tTakes note of the report;\n"
    )
    assert keys(text) == {"GA 59/209", "GA 67/221"}
    # A further citation after the comma is no subject; "its" stays the citing body's.
    listed = COUNCIL + (
        "Recalling its resolution 2011/20, General Assembly resolution 65/280 and its "
        "resolution 2016/15,\n\n1.\tTakes note of the report;\n"
    )
    assert keys(listed) == {"ECOSOC 2011/20", "GA 65/280", "ECOSOC 2016/15"}


def test_a_bare_number_of_a_session_is_not_the_councils() -> None:
    # E_RES_2018_3: "General Assembly resolution 50/81, annex, and resolution 62/126, annex."
    # gave ECOSOC 62/126; the Council numbers its resolutions by year.
    text = COUNCIL + (
        "Recalling the World Programme of Action for Youth, adopted in General Assembly "
        "resolution 50/81, annex, and resolution 62/126, annex, and its resolution 2016/6,\n\n"
        "1.\tTakes note of the report;\n"
    )
    assert keys(text) == {"GA 50/81", "GA 62/126", "ECOSOC 2016/6"}


def test_notes_listed_without_markers_after_a_decisions_rule_are_no_paragraph() -> None:
    # A_DEC_74_413: the notes after the rule ("See decision 73/413 A." / "See S/2020/76." / ...)
    # were read as a paragraph, and the volume in the publication note at their end was cited.
    text = (
        "General Assembly decision 74/413\n\nElection of members of the Organizational Committee "
        "of the Peacebuilding Commission\n\nAgenda item 114(b)\n\nAt its 51st plenary meeting, "
        "on 18 December 2019, the General Assembly, pursuant to its resolutions 60/180 of 20 "
        "December 2005, elected PERU and SLOVAKIA as members of the Organizational Committee of "
        "the Peacebuilding Commission.\n__________________\n*\tPermanent members of the Security "
        "Council.\n\nSee decision 73/413 A.\nSee S/2020/76.\n See A/73/663.\n As Romania\u2019s "
        "membership ended, one vacancy remains to be filled. The final version of decisions "
        "adopted during the main part of the session will be contained in document A/74/49 "
        "(Vol. II) after editorial review.\n"
    )
    document = parse(text)
    assert [p.text.split(",")[0] for p in document.paragraphs] == ["At its 51st plenary meeting"]
    assert keys(text) == {"GA 60/180", "GA 73/413 A", "S/2020/76", "A/73/663"}


RECOMMENDING = (
    "2018/16.\tFollow-up to the Thirteenth United Nations Congress on Crime Prevention and "
    "Criminal Justice\n\nThe Economic and Social Council\n\nRecommends to the General Assembly "
    "the adoption of the following draft resolution:\n\nThe General Assembly,\n\nRecalling its "
    "resolution 56/119 of 19 December 2001 on the role of the congresses,\n\nHaving considered "
    "the report of the Secretary-General,\n\n1.\tDecides to hold the Fourteenth Congress in "
    "Kyoto, in accordance with its resolution 72/192;\n\n2.\tRequests the Secretary-General to "
    "report thereon.\n\n42nd plenary meeting\n2 July 2018\n"
)


def test_a_councils_formula_without_its_comma_opens_a_recommended_draft() -> None:
    # E_RES_2018_16: "The Economic and Social Council" (no comma) over "Recommends ..." was not
    # taken for the formula: the draft's "The General Assembly," made it a GA draft, and the
    # draft's formula stood as a paragraph once the Council's was read.
    document = parse(RECOMMENDING)
    assert (document.body, document.doc_type, document.number) == (
        "ECOSOC",
        "resolution",
        "2018/16",
    )
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("operative", None, "recommends"),
        ("preambular", None, "recalling"),
        ("preambular", None, "having considered"),
        ("operative", "1", "decides"),
        ("operative", "2", "requests"),
    ]
    # The draft's "its" is the Assembly's.
    assert keys(RECOMMENDING) == {"GA 56/119", "GA 72/192"}


def test_numbered_paragraphs_after_the_meeting_line_and_annex_are_the_annexs() -> None:
    # Found in the whole-corpus comparison (A_RES_78_3): once "The General Assembly" without its
    # comma was read, "Adopts the political declaration ..." ran over the meeting line and
    # "Annex" into the declaration, whose numbered paragraphs stood as the resolution's.
    text = (
        "78/3.\tPolitical declaration of the high-level meeting on pandemic prevention\n\n"
        "The General Assembly\n\nAdopts the political declaration of the high-level meeting, "
        "as contained in the annex to the present resolution.\n\n16th plenary meeting\n"
        "5 October 2023\n\nAnnex\n\nPolitical declaration\n\nWe, Heads of State and "
        "Government, assembled at the United Nations on 20 September 2023:\n\n1.\tReaffirm the "
        "right of every human being to health;\n\n2.\tRecognize that health is a precondition "
        "of sustainable development;\n"
    )
    assert [(p.kind, p.number, p.verb) for p in parse(text).paragraphs] == [
        ("operative", None, "adopts"),
        ("other", "1", None),
        ("other", "2", None),
    ]


def test_a_resumed_meeting_line_ends_the_text() -> None:
    # Found in the whole-corpus comparison (A_RES_79_233, A_RES_80_242): "55th (resumed)
    # plenary meeting" was no end marker; the line stayed in the last paragraph.
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/252,\n\n1.\tDecides to approve "
        "the budget of the Office.45\n\n2.\tDecides to increase the interest income by\n"
        "3,000,000 dollars.\n\n69th (resumed) plenary meeting\n30 December 2025\n\n"
        "_______________\n\n45 A/80/7/Add.9.\n"
    )
    assert parse(text).paragraphs[-1].text.rstrip().endswith("3,000,000 dollars.")


def test_the_title_of_a_text_adopted_after_a_colon_is_no_paragraph() -> None:
    # Found in the whole-corpus comparison (A_80_L.41, A_RES_80_173): once the formula without
    # its comma was read, the adopted outcome document's title (170 characters, longer than a
    # heading) stood as a preambular paragraph.
    text = (
        "The General Assembly\n\nAdopts the following outcome document of the high-level "
        "meeting of the General Assembly on the overall review of the implementation of the "
        "outcomes of the World Summit on the Information Society at its eightieth session:\n\n"
        "Outcome document of the high-level meeting of the General Assembly on the overall "
        "review of the implementation of the outcomes of the World Summit on the Information "
        "Society\n\nRecalling the outcome document of the high-level meeting of 2015,\n\n"
        "1.\tWe reaffirm our commitment to the vision of the World Summit;\n"
    )
    # The adopted text's numbered paragraphs are the text's (round 24: blind25 A_RES_72_1).
    assert [(p.kind, p.verb) for p in parse(text).paragraphs] == [
        ("operative", "adopts"),
        ("preambular", "recalling"),
        ("other", None),
    ]
