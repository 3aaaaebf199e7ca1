"""What a source file may be before any parser sees it: size, and bytes that match its name.

A file that fails is refused by name with the reason; nothing of it is indexed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from assistant.errors import CorpusError

MAX_FILE_BYTES = {
    ".pdf": 30_000_000,
    ".docx": 20_000_000,
    ".html": 5_000_000,
    ".htm": 5_000_000,
}
MAX_TEXT_BYTES = 5_000_000  # Markdown and text
MAX_PDF_PAGES = 500

# A .docx is a zip: refuse archives that would unpack far beyond their size (zip bombs).
MAX_UNPACKED_BYTES = 100_000_000
MAX_ZIP_MEMBERS = 2_000
MAX_COMPRESSION_RATIO = 100


def read_limited(path: Path, source: str) -> bytes:
    limit = MAX_FILE_BYTES.get(path.suffix.lower(), MAX_TEXT_BYTES)
    try:
        size = path.stat().st_size
        if size > limit:
            raise CorpusError(
                f"{source}: too large ({size / 1e6:.1f} MB; the limit for "
                f"{path.suffix or 'text'} files is {limit / 1e6:.0f} MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{source}: cannot be read ({exc.strerror})") from None


def check_pdf_bytes(data: bytes, source: str) -> None:
    if not data.lstrip()[:5] == b"%PDF-":
        raise CorpusError(f"{source}: not a PDF (wrong extension?)")
    if b"%%EOF" not in data[-2048:]:
        raise CorpusError(f"{source}: the PDF is truncated (no end-of-file marker)")


def check_docx_archive(archive: zipfile.ZipFile, source: str) -> None:
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise CorpusError(f"{source}: refused, the Word file holds {len(members)} parts")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise CorpusError(
            f"{source}: refused, the Word file would unpack to {unpacked / 1e6:.0f} MB"
        )
    for member in members:
        if member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1_000):
            raise CorpusError(f"{source}: refused, {member.filename} is a zip bomb")
    if "word/document.xml" not in archive.namelist():
        raise CorpusError(f"{source}: not a Word document (no word/document.xml)")
