"""Extraction from real files: PDF with or without text layer, .docx, HTML with debris, charsets."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfWriter

from bench.hostile_files import pdf_file
from resolutions.parsing import parse_file
from resolutions.parsing.extract import detect_format, extract_text
from resolutions.parsing.types import ParseError

RESOLUTION = (
    "The Economic and Social Council,",
    "Recalling its resolution 2013/40,",
    "1. Urges Member States to act;",
    "2. Requests the Secretary-General to report.",
)


def make_pdf(lines: tuple[str, ...]) -> bytes:
    """A one-page PDF whose text layer holds `lines`."""
    stream = "BT /F1 11 Tf 50 750 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects)


def make_blank_pdf() -> bytes:
    """A PDF with one blank page, as a scan without OCR looks to a text extractor."""
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(lines: tuple[str, ...]) -> bytes:
    """A Word document with one paragraph per line."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_pdf_text_layer_is_parsed() -> None:
    document = parse_file(make_pdf(RESOLUTION), filename="r.pdf")
    assert [(p.kind, p.number, p.verb) for p in document.paragraphs] == [
        ("preambular", None, "recalling"),
        ("operative", "1", "urges"),
        ("operative", "2", "requests"),
    ]


def test_pdf_without_text_layer_asks_for_ocr() -> None:
    with pytest.raises(ParseError, match=r"no text layer \(scanned\?\): run OCR first"):
        parse_file(make_blank_pdf(), filename="scan.pdf")


def test_docx_is_parsed() -> None:
    document = parse_file(make_docx(RESOLUTION), filename="r.docx")
    assert document.body == "ECOSOC"
    assert [p.verb for p in document.paragraphs] == ["recalling", "urges", "requests"]


def test_html_page_with_debris() -> None:
    html = (
        "<html><head><title>x</title><script>var a = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/docs'>Documents</a></nav>"
        "<h2>Similar documents</h2>"
        "<ul><li>Resolution adopted by the General Assembly (A/69/489)</li></ul>"
        "<p>Transcription:</p>"
        + "".join(f"<p>{line}</p>" for line in RESOLUTION)
        + "<footer>Copyright</footer></body></html>"
    )
    document = parse_file(html.encode("utf-8"), filename="page.txt")
    assert [p.verb for p in document.paragraphs] == ["recalling", "urges", "requests"]
    assert "A/69/489" not in document.text and "Copyright" not in document.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252", "latin-1"])
def test_text_in_common_encodings(encoding: str) -> None:
    text = "\n\n".join(RESOLUTION).replace("Member States", "Member States of Côte d\u2019Ivoire")
    if encoding == "latin-1":
        text = text.replace("\u2019", "'")
    assert "Côte" in extract_text(text.encode(encoding), filename="r.txt")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", bytes(range(256)) * 40, b"PK\x03\x04" + b"\x00" * 100, b"%PDF-1.4 garbage"],
)
def test_bad_files_give_one_line_errors(data: bytes) -> None:
    with pytest.raises(ParseError) as error:
        parse_file(data, filename="bad.bin")
    assert "\n" not in str(error.value) and str(error.value)


def test_markdown_is_stripped() -> None:
    markdown = (
        b"# Heading\n\nThe General Assembly,\n\n*Recalling* its resolution 60/1,\n\n"
        b"1. **Decides** to act."
    )
    document = parse_file(markdown, filename="r.md")
    assert [p.verb for p in document.paragraphs] == ["recalling", "decides"]
    assert "*" not in document.paragraphs[1].text


def test_format_is_detected_by_content() -> None:
    assert detect_format(make_pdf(RESOLUTION), filename="r.txt") == "pdf"
    assert detect_format(make_docx(RESOLUTION), filename="r.pdf") == "docx"


def test_docx_tables_are_read_in_document_order() -> None:
    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    document.add_paragraph("Noting the contributions listed below,")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Austria", "10,000"
    document.add_paragraph("1. Decides to act.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = extract_text(buffer.getvalue(), filename="t.docx")
    assert text.index("listed below") < text.index("Austria 10,000") < text.index("Decides")
