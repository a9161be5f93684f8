"""Format detection and text extraction: bytes of any supported format in, plain text out."""

from __future__ import annotations

import io
import re
import zipfile

from .types import ParseError
from .word import extract_docx

HTML_SNIFF_RE = re.compile(
    rb"<(?:!doctype html|html|head|body|div|p|table|article)\b", re.IGNORECASE
)
MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
MARKDOWN_EMPHASIS_RE = re.compile(
    r"(\*{1,3}|_{2,3})(?=[^\s\d*])((?:[^*\n]|\n(?!\n)){1,400}?)(?<=\S)\1"
)
MARKDOWN_UNDERSCORE_RE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")
MARKDOWN_LINK_RE = re.compile(r"!?\[([^\]\n]{0,400})\]\([^)\n]{0,800}\)")
MARKDOWN_BULLET_RE = re.compile(r"^[ \t]{0,3}[-+][ \t]+", re.MULTILINE)
MARKDOWN_RULE_RE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE)
MARKDOWN_QUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)
MARKDOWN_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
# Signs of Markdown: a heading, bold ("**Recalling"; not the notes' "***" of a list of members:
# "UKRAINE,*** UNITED STATES"), emphasis ("*Recalling*"), a link.
MARKDOWN_SIGNS_RE = re.compile(
    r"^#{1,6}[ \t]|\*\*[^\s*]|\*[A-Z][a-z]+[a-z ]{0,30}\*"
    r"|(?<![\w_])_[A-Z][a-z]+[a-z ]{0,30}_(?![\w_])|\]\(",
    re.MULTILINE,
)
HTML_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "iframe",
)
HTML_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "main",
)
MIN_TEXT_CHARS = 20
WESTERN_PUNCTUATION = (
    "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u00ab\u00bb\u00b0\u00a7"
)


def extract_text(data: bytes, *, filename: str = "") -> str:
    """Turn a file's bytes into plain text, choosing the format by content (extension as a hint)."""
    if not data or not data.strip():
        raise ParseError("empty file")
    kind = detect_format(data, filename=filename)
    if kind == "pdf":
        text = extract_pdf(data)
    elif kind == "docx":
        text = extract_docx(data)
    else:
        text = decode_text(data)
        if kind == "html" or looks_like_html(text):
            text = extract_html(text)
        elif looks_like_markdown(text):
            text = strip_markdown(text)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise ParseError("no readable text in file")
    return text


def detect_format(data: bytes, *, filename: str = "") -> str:
    """Name the format of `data`: pdf, docx, html or text (the bytes decide, not the extension)."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if is_docx(data):
            return "docx"
        raise ParseError("unsupported archive format (not a Word .docx file)")
    if HTML_SNIFF_RE.search(data[:4096]) or filename.lower().endswith((".html", ".htm")):
        return "html"
    return "text"


def is_docx(data: bytes) -> bool:
    """Whether a zip archive is a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding; binary content is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    sample = data[:8192]
    # UTF-16 without BOM shows up as every other byte NUL in mostly-ASCII text.
    if sample.count(b"\x00") > len(sample) // 4:
        for codec in ("utf-16-le", "utf-16-be"):
            text = data.decode(codec, errors="replace")
            if is_readable(text):
                return text
        raise ParseError("binary file, not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_with_detection(data)
    if not is_readable(text):
        raise ParseError("binary file, not a text document")
    return text


def decode_with_detection(data: bytes) -> str:
    """Decode Western text as cp1252, anything else with charset-normalizer's best guess."""
    from charset_normalizer import from_bytes

    # Short Western texts fool statistical detection; cp1252 that reads as Latin letters wins.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = ""
    extra = [ch for ch in western if ord(ch) > 127]
    if extra and sum(ch.isalpha() or ch in WESTERN_PUNCTUATION for ch in extra) >= 0.9 * len(extra):
        latin = sum(ch.isalpha() and ord(ch) < 0x250 for ch in extra)
        if latin >= 0.5 * sum(ch.isalpha() for ch in extra):
            return western

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def is_readable(text: str) -> bool:
    """Whether decoded text is mostly printable characters (not binary noise)."""
    sample = text[:8192]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad / len(sample) < 0.05


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page."""
    return bool(HTML_SNIFF_RE.search(text[:4096].encode("utf-8", errors="ignore")))


def looks_like_markdown(text: str) -> bool:
    """Whether text carries Markdown markup worth stripping."""
    return len(MARKDOWN_SIGNS_RE.findall(text[:20000])) >= 2


def strip_markdown(text: str) -> str:
    """Remove Markdown markup (headings, emphasis, links, bullets) and keep the words."""
    text = MARKDOWN_RULE_RE.sub("", text)
    text = MARKDOWN_HEADING_RE.sub("", text)
    text = MARKDOWN_QUOTE_RE.sub("", text)
    text = MARKDOWN_BULLET_RE.sub("", text)
    text = MARKDOWN_LINK_RE.sub(r"\1", text)
    for _ in range(2):
        text = MARKDOWN_EMPHASIS_RE.sub(r"\2", text)
    text = MARKDOWN_UNDERSCORE_RE.sub(r"\1", text)
    return MARKDOWN_ESCAPE_RE.sub(r"\1", text)


def extract_html(html: str) -> str:
    """Text of an HTML page, one block element per line, without scripts and navigation."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(HTML_DROP_TAGS):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all("sup"):
        tag.replace_with(f"{to_superscript(tag.get_text(strip=True))}")
    for tag in root.find_all(HTML_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    return root.get_text()


def to_superscript(marker: str) -> str:
    """A footnote marker in superscript digits, as printed (other markers unchanged)."""
    if marker.isdigit():
        return marker.translate(
            str.maketrans(
                "0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
            )
        )
    return marker


def extract_pdf(data: bytes) -> str:
    """Text of a PDF with its layout read (see pdf_layout.py); scanned PDFs are refused."""
    from .pdf_layout import extract_pdf_layout

    return extract_pdf_layout(data)


def first_line(message: str) -> str:
    """The first line of an error message."""
    return message.strip().splitlines()[0] if message.strip() else ""
