"""Round 14 fixes, one kind each, on texts and a PDF written for them (the documents of
tests/parsing/blind15/ where each kind was found are named in docs/parsing.md)."""

from __future__ import annotations

from bench.hostile_files import pdf_file
from resolutions.parsing import parse
from resolutions.parsing.clean import clean_text
from resolutions.parsing.extract import looks_like_markdown
from resolutions.parsing.pdf_layout import extract_pdf_layout


def italic_pdf(items: list[tuple[float, float, str]]) -> bytes:
    """A one-page PDF showing each text item (Times-Italic, 10 points) at its place."""
    stream = " ".join(f"BT /F1 10 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET" for x, y, text in items)
    return pdf_file(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>",
            f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        ]
    )


def test_a_word_space_before_an_italic_letter_reaching_back_over_it_is_kept() -> None:
    # "Recalling" ends its advance at 110.33 points; the italic "f" set 2.7 points further on
    # reaches back over the space with its box, which left 1.2 points: no word space.
    text = extract_pdf_layout(
        italic_pdf([(72, 700, "Recalling"), (113, 700, "further that the group met")])
    )
    assert text.startswith("Recalling further that")
    # A justification gap inside a word, a point wide, still closes.
    text = extract_pdf_layout(italic_pdf([(72, 680, "the importanc"), (128.83, 680, "e of it")]))
    assert text.startswith("the importance of it")


ELECTION_WITH_THE_COUNCIL = "\n".join(
    [
        "General Assembly decision 90/404 A and B",
        "",
        "Election of two members of the International Court of Justice",
        "",
        "\tThe General Assembly, at its 40th plenary meeting, on 8 November 2035, and the Security"
        " Council, at its 9990th meeting, on the same date, proceeded independently of one another"
        " to elect, in accordance with Articles 2 to 4 of the Statute of the Court, two members of"
        " the Court to fill the vacancies occurring on the expiration of the terms of office of"
        " Mr. A. Alpha (Chile) and Ms. B. Beta (Kenya).",
        "\tHaving obtained the required absolute majority of votes in both the General Assembly and"
        " the Security Council, Mr. C. Gamma (Fiji) was elected as a member of the Court.",
        "\tThe General Assembly, at its 44th plenary meeting, on 12 November 2035, and the Security"
        " Council, at its 9995th meeting, on the same date, continued independently of one another"
        " to elect one member of the Court to fill the remaining vacancy.",
        "\tAs a result, the International Court of Justice is composed as follows: Mr. C. GAMMA"
        " (Fiji),*** Ms. D. DELTA (Peru), ** Mr. E. EPSILON (Nepal),* and Ms. F. ZETA (Ghana).***",
        "___________________",
        "*\tTerm of office expires on 5 February 2036.",
        "**\tTerm of office expires on 5 February 2039.",
        "***\tTerm of office expires on 5 February 2042.",
        "",
        "(See A/90/PV.40 to 42, A/90/PV.44)",
        "",
    ]
)


def test_a_statement_of_an_election_held_with_the_council_is_not_cut_at_its_meeting() -> None:
    # "The General Assembly, at its 40th plenary meeting, ..." was the formula, and the meeting
    # the resolution's end: one paragraph "The General Assembly, at its".
    document = parse(ELECTION_WITH_THE_COUNCIL)
    shape = [(p.kind, p.number, p.verb, p.text[:28]) for p in document.paragraphs]
    assert shape == [
        ("operative", None, "elects", "The General Assembly, at its"),
        ("operative", None, None, "Having obtained the required"),
        ("operative", None, "elects", "The General Assembly, at its"),
        ("operative", None, None, "As a result, the Internation"),
    ]
    assert document.paragraphs[0].text.endswith("Ms. B. Beta (Kenya).")


def test_the_stars_of_a_list_of_members_leave_its_last_names_in_the_list() -> None:
    # "***" after a name read as Markdown bold, or cut down to " * " before the next name, and
    # " ** " set apart before a name, then opened a note of their own: the names after them were
    # lost from the list.
    assert not looks_like_markdown(ELECTION_WITH_THE_COUNCIL)
    assert "(Peru), Mr. E. EPSILON" in " ".join(clean_text(ELECTION_WITH_THE_COUNCIL).split())
    document = parse(ELECTION_WITH_THE_COUNCIL)
    assert document.paragraphs[-1].text.endswith("and Ms. F. ZETA (Ghana).")
    assert not any("Term of office" in p.text for p in document.paragraphs)
    # A note opening after a sentence's end, its line break lost, is still a note.
    one_line = parse(ELECTION_WITH_THE_COUNCIL.replace("\n***\t", " *** "))
    assert one_line.paragraphs[-1].text.endswith("and Ms. F. ZETA (Ghana).")
    assert not any("5 February 2042" in p.text for p in one_line.paragraphs)
    # A note marked with a dagger is no paragraph either.
    dagger = parse(
        ELECTION_WITH_THE_COUNCIL.replace(
            "(See", "\u2020\tDesignated as President for a period of three years.\n\n(See"
        )
    )
    assert [p.text[:12] for p in dagger.paragraphs] == [p.text[:12] for p in document.paragraphs]
    # Bold in Markdown is still Markdown.
    assert looks_like_markdown("**Recalling** its resolution 70/1,\n\n**Decides** to act;")


def test_a_range_of_meeting_records_and_an_addendum_cite_each_document() -> None:
    symbols = {r.symbol for r in parse(ELECTION_WITH_THE_COUNCIL).references if r.symbol}
    assert {"A/90/PV.40", "A/90/PV.41", "A/90/PV.42", "A/90/PV.44"} <= symbols
    assert "A/90/PV.43" not in symbols
    document = parse(
        "The Security Council,\n\nHaving considered the report of the Secretary-General "
        "(S/2035/558 and Add.1) and the letter (S/2035/560 and Corr.2),\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert {r.symbol for r in document.references} == {
        "S/2035/558",
        "S/2035/558/Add.1",
        "S/2035/560",
        "S/2035/560/Corr.2",
    }


def test_a_resolution_in_the_annex_of_a_letter_is_not_the_assemblys() -> None:
    # "A/56/1026-S/2002/932, annex II, resolution 14/221": the Arab summit's, not the General
    # Assembly's resolution "14/221"; the letter itself is cited.
    document = parse(
        "The General Assembly,\n\nRecalling the Arab Peace Initiative adopted at the summit "
        "in Beirut,10\n\n1. Decides to include the item in its agenda.\n\n"
        "__________________\n10 A/90/1026-S/2035/932, annex II, resolution 14/221.\n"
    )
    keys = {r.symbol or f"{r.body} {r.number}" for r in document.references}
    assert keys == {"A/90/1026-S/2035/932"}
    # A resolution in a chapter of a treaty conference's report is still that conference's.
    document = parse(
        "The General Assembly,\n\nRecalling the Conference's work,3\n\n1. Decides to act.\n\n"
        "__________________\n3 CTOC/COP/2035/10, chap. I, resolution 10/1.\n"
    )
    assert ("COP-UNTOC", "10/1") in {(r.body, r.number) for r in document.references}


def test_a_hyphen_glued_to_the_word_after_it_only_is_a_compounds() -> None:
    text = clean_text(
        "Supporting the fight against Al -Qaida and genuinely Iraqi -led elections, and the "
        "Deutscher Sparkassen- und Giroverband,"
    )
    assert "Al-Qaida" in text and "Iraqi-led" in text
    # One glued to the word before it may be suspended before a conjunction: it stays.
    assert "Sparkassen- und" in text
