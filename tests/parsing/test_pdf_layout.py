"""PDF extraction with layout (pypdfium2) on PDFs built here line by line: fonts, positions.

The PDFs are made with a few lines of PDF syntax so that each layout feature is present for
certain: running headers and footers, footnote bodies in small print at the foot of a page,
raised small digits as markers, paragraph gaps and first-line indents.
"""

from __future__ import annotations

import pytest

from bench.hostile_files import pdf_file
from resolutions.parsing import ParseError, parse_file
from resolutions.parsing.pdf_layout import extract_pdf_layout

Item = tuple[float, float, float, str]  # x, y, font size, text


def make_pdf(pages: list[list[Item]]) -> bytes:
    """A PDF whose pages show the given text items (Helvetica) at the given places."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  # the page tree, written once the pages are known
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for items in pages:
        stream = " ".join(
            f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET" for x, y, size, text in items
        )
        page_number = len(objects) + 1
        kids.append(f"{page_number} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_number + 1} 0 R"
            " /Resources << /Font << /F1 3 0 R >> >> >>"
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>"
    return pdf_file(objects)


def page(number: int, body: list[Item], notes: list[Item] = ()) -> list[Item]:
    """A page with its running header and footer around `body` and `notes`."""
    return [
        (72, 760, 9, "A/RES/78/118"),
        (72, 748, 9, "Safety and security of humanitarian personnel"),
        *body,
        *notes,
        (72, 40, 9, "23-24985"),
        (500, 40, 9, f"{number}/2"),
    ]


RESOLUTION = make_pdf(
    [
        page(
            1,
            [
                (72, 700, 11, "The General Assembly,"),
                (90, 672, 11, "Recalling the Convention on the Safety of United Nations"),
                (72, 658, 11, "and Associated Personnel,"),
                (200, 662, 7, "1"),
                (212, 658, 11, " and its Optional Protocol,"),
                (90, 630, 11, "Noting with concern that, in 2022, 1,614 persons were"),
                (72, 616, 11, "affected by security incidents,"),
            ],
            [
                (72, 120, 9, "1 United Nations, Treaty Series, vol. 2051, No. 35457; see also"),
                (72, 109, 9, "A/78/369, annexes I and III."),
            ],
        ),
        page(
            2,
            [
                (72, 700, 11, "1. Urges all States to ensure the safety of personnel;"),
                (72, 672, 11, "2. Requests the Secretary-General to report."),
            ],
        ),
    ]
)


def test_layout_gives_blocks_markers_and_footnote_bodies() -> None:
    text = extract_pdf_layout(RESOLUTION)
    assert "A/RES/78/118" not in text and "23-24985" not in text and "/2" not in text
    # The marker and the words after it sit on the row of "Personnel,": one line.
    assert "Personnel,\u00b9 and its Optional Protocol," in text
    assert "\u00b9 United Nations, Treaty Series" in text


def test_a_laid_out_pdf_parses_to_its_structure() -> None:
    document = parse_file(RESOLUTION, filename="r.pdf")
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("preambular", None, "recalling"),
        ("preambular", None, "noting"),
        ("operative", "1", "urges"),
        ("operative", "2", "requests"),
    ]
    first = document.paragraphs[0]
    assert first.text.endswith("Personnel, and its Optional Protocol,")
    assert [note.marker for note in first.footnotes] == ["1"]
    assert "2022, 1,614 persons" in document.paragraphs[1].text
    assert {r.key for r in document.references} == {"A/78/369"}


def test_a_pdf_with_no_text_asks_for_ocr() -> None:
    with pytest.raises(ParseError, match="run OCR first"):
        extract_pdf_layout(make_pdf([[]]))


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%%EOF", b"%PDF-1.7\n" + b"\x00" * 64])
def test_damaged_pdfs_give_one_line_errors(data: bytes) -> None:
    with pytest.raises(ParseError) as error:
        parse_file(data, filename="bad.pdf")
    assert "\n" not in str(error.value)


def test_a_pdf_over_500_pages_is_refused_quickly() -> None:
    with pytest.raises(ParseError, match="501 pages: over the 500-page limit"):
        extract_pdf_layout(make_pdf([[(72, 700, 11, "x")]] * 501))
