"""Hostile and broken uploads built in code, for the upload tests and `benchmark_uploads`.

Each builder returns the bytes of one file: zip bombs named `.docx`, Word XML declaring
entities (XXE, billion laughs), a Word file of a great many paragraphs, encrypted, truncated and
many-page PDFs. Real files from the libraries that read them (python-docx, pypdf), not stubs.
"""

from __future__ import annotations

import io
import zipfile

MEGABYTE = 1024 * 1024
WORD_NAMESPACE = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XXE = b'<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE w:document [<!ENTITY l0 "lol">'
    + b"".join(
        b'<!ENTITY l%d "%s">' % (n, b"".join(b"&l%d;" % (n - 1) for _ in range(10)))
        for n in range(1, 10)
    )
    + b'<!ENTITY e "&l9;">]>'
)


def word_file(lines: list[str], *, parts: dict[str, bytes] | None = None) -> bytes:
    """A real Word file (python-docx), one paragraph per line; `parts` replace or add parts."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    if not parts:
        return buffer.getvalue()
    base = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in base.infolist():
            if item.filename not in parts:
                archive.writestr(item, base.read(item))
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def word_xml(body: bytes, *, doctype: bytes = b"") -> bytes:
    """A Word document part around `body`."""
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + doctype
        + b'<w:document xmlns:w="'
        + WORD_NAMESPACE
        + b'"><w:body>'
        + body
        + b"</w:body></w:document>"
    )


def zip_bomb(lines: list[str], *, unpacked: int) -> bytes:
    """A `.docx` whose document part unpacks to `unpacked` bytes of one repeated byte."""
    base = zipfile.ZipFile(io.BytesIO(word_file(lines)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in base.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item, base.read(item))
        with archive.open("word/document.xml", "w", force_zip64=True) as xml:
            piece = b"a" * MEGABYTE
            for _ in range(unpacked // MEGABYTE):
                xml.write(piece)
    return buffer.getvalue()


def many_paragraphs_docx(lines: list[str], *, count: int) -> bytes:
    """The measured attack: a small Word file of `count` one-letter paragraphs."""
    body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * count
    return word_file(lines, parts={"word/document.xml": word_xml(body)})


def entity_docx(lines: list[str], *, doctype: bytes) -> bytes:
    """A Word file whose document part declares entities (XXE or billion laughs) and uses one."""
    body = b"<w:p><w:r><w:t>Economic and Social Council &e;</w:t></w:r></w:p>"
    return word_file(lines, parts={"word/document.xml": word_xml(body, doctype=doctype)})


def text_pdf(lines: list[str]) -> bytes:
    """A real one-page PDF with the lines as text (Helvetica), built by hand."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 9 Tf", "11 TL", "40 800 Td"]
    ops += [f"({escape(line)}) Tj T*" for line in lines]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects)


def pdf_file(objects: list[str | bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalogue), with its
    cross-reference table and trailer; text objects are written in Latin-1."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        content = body.encode("latin-1") if isinstance(body, str) else body
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def encrypted_pdf(lines: list[str]) -> bytes:
    """A PDF that opens only with a password (RC4, which pypdf writes without extra packages)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(text_pdf(lines)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_of_pages(pages: int) -> bytes:
    """A PDF of `pages` blank pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
