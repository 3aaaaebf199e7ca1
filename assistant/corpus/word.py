"""Word handouts (.docx) through python-docx, cited by the heading each paragraph sits under.

The archive is checked first (size unpacked, parts, compression ratio) so a zip bomb is
refused before anything is unpacked; python-docx parses the XML without resolving entities.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import PurePath

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.text.paragraph import Paragraph

from assistant.corpus.limits import check_docx_archive
from assistant.corpus.models import SourceDocument, Thread
from assistant.corpus.pieces import located_posts
from assistant.errors import CorpusError

OPENING = "opening section"


def parse_docx(data: bytes, source: str) -> SourceDocument:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_docx_archive(archive, source)
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, EOFError):
        raise CorpusError(f"{source}: not a Word document, or a damaged one") from None
    except (KeyError, ValueError) as exc:  # a part missing, malformed XML
        raise CorpusError(f"{source}: a damaged Word document ({type(exc).__name__})") from None
    props = document.core_properties
    blocks = list(_blocks(document))
    posts = located_posts(blocks)
    title = props.title or _first_heading(document) or PurePath(source).stem
    thread = Thread(
        title=" ".join(title.split()),
        author=props.author or "",
        handle="",
        date=props.created.date().isoformat() if props.created else "",
        url="",
        total_posts=len(posts),
        posts=posts,
    )
    return SourceDocument(source=source, threads=(thread,) if posts else (), kind="Word")


def _blocks(document: docx.document.Document) -> Iterator[tuple[str, str]]:
    """(locator, paragraph) in order; a heading opens a section and also starts its text."""
    locator = OPENING
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        if _is_heading(paragraph):
            locator = f"section “{' '.join(text.split())}”"
        yield locator, text


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.startswith(("Heading", "Title"))


def _first_heading(document: docx.document.Document) -> str:
    return next((p.text for p in document.paragraphs if _is_heading(p) and p.text.strip()), "")
