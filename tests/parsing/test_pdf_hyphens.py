"""Hyphens at a line's end in UN PDFs (tests/parsing/blind9/, blind10/): pdfium marks the
hyphen of a compound broken there as its own line-end hyphen (U+FFFE), or leaves a printed
hyphen after a justification gap; both are the compound's hyphen and stay ("seventy-ninth",
not "seventyninth"), whichever case the next line opens with."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.hostile_files import pdf_file
from resolutions.parsing import parse, parse_file
from resolutions.parsing.clean import clean_text, with_compound_hyphens
from resolutions.parsing.pdf_layout import extract_pdf_layout

HERE = Path(__file__).resolve().parent


def paragraph_texts(name: str) -> list[str]:
    document = parse_file((HERE / name).read_bytes(), filename=name)
    return [paragraph.text for paragraph in document.paragraphs]


@pytest.mark.parametrize(
    ("name", "compounds"),
    [
        # U+FFFE at the line's end, the next line lower-case
        (
            "blind10/A_RES_78_93.pdf",
            ["self-determination", "case-by-case", "forward-looking event"],
        ),
        ("blind10/A_RES_78_97.pdf", ["seventy-ninth session", "resilience-building"]),
        ("blind10/A_RES_78_6.pdf", ["post-conflict societies", "seventy-ninth session"]),
        ("blind10/A_80_L.21.pdf", ["well-balanced and healthy"]),
        ("blind10/A_RES_78_269.pdf", ["in the high-level meeting"]),
        # a printed hyphen after a justification gap ("tax -" / "related", "seventy -" / "ninth")
        ("blind10/A_RES_78_230.pdf", ["tax-related illicit", "its seventy-ninth session, under"]),
    ],
)
def test_a_compound_broken_at_a_line_end_keeps_its_hyphen(name: str, compounds: list[str]) -> None:
    texts = " ".join(paragraph_texts(name))
    for compound in compounds:
        assert compound in texts
        assert compound.replace("-", "") not in texts


def test_a_compound_broken_before_a_capital_keeps_its_hyphen_as_before() -> None:
    assert "submitted to the Secretary-General by Costa Rica" in " ".join(
        paragraph_texts("blind9/A_RES_78_33.pdf")
    )
    assert "the Non-Self-Governing Territories" in " ".join(
        paragraph_texts("blind10/A_RES_78_93.pdf")
    )
    # "Southeast" is written whole elsewhere in the draft; before a capital that changes nothing.
    text = " ".join(paragraph_texts("blind9/A_C.1_80_L.50.pdf"))
    assert "Association of Southeast Asian Nations" in text
    assert "the South-East Asia Nuclear-Weapon-Free Zone" in text


def test_a_word_the_document_writes_whole_elsewhere_is_rejoined_without_the_hyphen() -> None:
    # "resolu-" / "tion" beside "resolution": the layout hyphenates words, so each break is the
    # line-end rule's, but a compound written elsewhere with its hyphen.
    text = (
        "Recalling its resolu-\ntion 78/1 and its resolution 78/2 on self-determination, the self-"
        "\ndetermination and the Trans-\nnational Organized Crime"
    )
    assert with_compound_hyphens(text) == (
        "Recalling its resolu-\ntion 78/1 and its resolution 78/2 on self-determination, the "
        "self-determination and the Trans-\nnational Organized Crime"
    )
    # The cleaning stage then drops the hyphen that split the word.
    joined = parse(f"The General Assembly,\n\n1. Decides that its {with_compound_hyphens(text)}.")
    assert (
        "its resolution 78/1 and its resolution 78/2 on self-determination, the "
        + ("self-determination and the Transnational Organized Crime")
        in joined.paragraphs[0].text
    )
    # Without such a break, each is a compound's, a suspended one's before "and".
    text = "the self-\ndetermination of low-\nand middle-income countries"
    assert (
        with_compound_hyphens(text) == "the self-determination of low- and middle-income countries"
    )


# A font whose "~" stands for U+1D400 (outside the BMP): pdfium's page text then counts one
# character fewer than its characters, and the layout reads them one by one, where pdfium gives
# its line-end hyphen as U+0002 instead of U+FFFE.
OUTSIDE_BMP_CMAP = (
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS"
    " def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange"
    " 1 beginbfchar <7E> <D835DC00> endbfchar endcmap"
    " CMapName currentdict /CMap defineresource pop end end"
)


def pdf_with_outside_bmp_character(lines: list[str]) -> bytes:
    """A one-page PDF of the given lines (Helvetica, 11 points, 14 apart) in that font."""
    stream = " ".join(
        f"BT /F1 11 Tf 1 0 0 1 72 {700 - 14 * index} Tm ({line}) Tj ET"
        for index, line in enumerate(lines)
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        " /Resources << /Font << /F1 3 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        f"<< /Length {len(OUTSIDE_BMP_CMAP)} >>\nstream\n{OUTSIDE_BMP_CMAP}\nendstream",
    ]
    return pdf_file(objects)


def test_the_line_end_hyphen_read_character_by_character_is_a_hyphen_too() -> None:
    data = pdf_with_outside_bmp_character(
        ["The General Assembly decides to consider at its seventy-", "ninth session the ~ item."]
    )
    # The layout ends the line with a hyphen; the cleaning stage runs the compound on.
    assert "at its seventy-\nninth session the" in extract_pdf_layout(data)
    assert "at its seventy-ninth session the" in clean_text(extract_pdf_layout(data))


def test_a_character_outside_the_bmp_is_one_character_that_can_be_stored() -> None:
    data = pdf_with_outside_bmp_character(["The General Assembly decides on the ~ item."])
    text = extract_pdf_layout(data)
    assert "the \U0001d400 item" in text
    assert text.encode("utf-8")  # two lone UTF-16 halves would raise here, and in the database
