"""PDF handouts through pypdf: text per page, cited by page number.

pypdf is pure Python (no system library to install), reads the document information
(title, author, creation date) and extracts a text layer page by page. A PDF with no text
layer on any page is a scan: it is refused by name (run OCR first), never indexed empty.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import PurePath

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from assistant.corpus.limits import MAX_PDF_PAGES, check_pdf_bytes
from assistant.corpus.models import SourceDocument, Thread
from assistant.corpus.pieces import located_posts
from assistant.errors import CorpusError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported by name below

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|(?<=[.!?:])\n(?=[A-Z•\-])")


def parse_pdf(data: bytes, source: str) -> SourceDocument:
    check_pdf_bytes(data, source)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise CorpusError(f"{source}: the PDF is encrypted; save an unprotected copy")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise CorpusError(f"{source}: {len(reader.pages)} pages (limit {MAX_PDF_PAGES})")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except PyPdfError as exc:
        raise CorpusError(f"{source}: the PDF cannot be read ({type(exc).__name__})") from None
    except (ValueError, KeyError, TypeError, OSError) as exc:  # damaged object streams
        raise CorpusError(f"{source}: the PDF is damaged ({type(exc).__name__})") from None
    if not any(text.strip() for text in pages):
        raise CorpusError(f"{source}: a scanned PDF with no text layer (run OCR on it first)")
    blocks = [
        (f"page {number}", paragraph)
        for number, text in enumerate(pages, start=1)
        for paragraph in _PARAGRAPH_BREAK.split(text)
        if paragraph.strip()
    ]
    posts = located_posts(blocks)
    title = _info(info, "title") or _first_line(pages) or PurePath(source).stem
    thread = Thread(
        title=title,
        author=_info(info, "author"),
        handle="",
        date=_date(info),
        url="",
        total_posts=len(posts),
        posts=posts,
    )
    return SourceDocument(source=source, threads=(thread,), kind="PDF")


def _info(info: object, name: str) -> str:
    value = getattr(info, name, None) if info is not None else None
    return " ".join(str(value).split()) if value else ""


def _date(info: object) -> str:
    try:
        created = getattr(info, "creation_date", None) if info is not None else None
    except (ValueError, TypeError):  # a malformed /CreationDate string
        return ""
    return created.date().isoformat() if created else ""


def _first_line(pages: list[str]) -> str:
    for text in pages:
        for line in text.splitlines():
            if line.strip():
                return line.strip()[:120]
    return ""
