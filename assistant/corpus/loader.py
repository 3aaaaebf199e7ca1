"""Reads every file of the corpus folder; a bad file is reported by name and skipped."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import import_module
from pathlib import Path

from assistant.corpus.chunking import chunk_document
from assistant.corpus.limits import read_limited
from assistant.corpus.markdown import parse_markdown
from assistant.corpus.models import Chunk, SourceDocument
from assistant.corpus.threadreader import looks_like_capture, parse_capture
from assistant.errors import CorpusError

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
# Imported when a file of that kind is met: pypdf, python-docx and BeautifulSoup stay out of
# the start-up of every command and of the Slack app when the library holds only text.
BINARY_PARSERS = {
    ".pdf": ("assistant.corpus.pdf", "parse_pdf"),
    ".docx": ("assistant.corpus.word", "parse_docx"),
    ".html": ("assistant.corpus.html_page", "parse_html_page"),
    ".htm": ("assistant.corpus.html_page", "parse_html_page"),
}
SUFFIXES = TEXT_SUFFIXES | BINARY_PARSERS.keys()


@dataclass(frozen=True)
class CorpusProblem:
    source: str
    reason: str


@dataclass
class LoadedCorpus:
    documents: list[SourceDocument] = field(default_factory=list)
    problems: list[CorpusProblem] = field(default_factory=list)

    @property
    def chunks(self) -> list[Chunk]:
        return [chunk for document in self.documents for chunk in chunk_document(document)]


def load_corpus(corpus_dir: Path) -> LoadedCorpus:
    if not corpus_dir.is_dir():
        raise CorpusError(f"The corpus folder {corpus_dir} does not exist.")
    files = sorted(p for p in corpus_dir.rglob("*") if is_source_file(p))
    if not files:
        raise CorpusError(f"The corpus folder {corpus_dir} holds no source files.")
    loaded = LoadedCorpus()
    for path in files:
        source = path.relative_to(corpus_dir).as_posix()
        try:
            loaded.documents.append(parse_file(path, source))
        except CorpusError as exc:
            loaded.problems.append(CorpusProblem(source, str(exc)))
    return loaded


def is_source_file(path: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.parts[-1:])
    return path.is_file() and not hidden and path.suffix.lower() in SUFFIXES


def parse_file(path: Path, source: str) -> SourceDocument:
    """One source file parsed whole, or a CorpusError naming it: never half a file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kinds = ", ".join(sorted(SUFFIXES))
        raise CorpusError(f"{source}: {suffix or 'no extension'} files are not read ({kinds})")
    data = read_limited(path, source)
    if suffix in BINARY_PARSERS:
        module, name = BINARY_PARSERS[suffix]
        document = getattr(import_module(module), name)(data, source)
    else:
        document = _parse_text(data, source, suffix)
    if not document.threads:
        raise CorpusError(f"{source}: no readable text after removing page furniture")
    return document


def _parse_text(data: bytes, source: str, suffix: str) -> SourceDocument:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorpusError(f"{source}: not UTF-8 text") from None
    if "\x00" in text:
        raise CorpusError(f"{source}: binary content, not text")
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty")
    if looks_like_capture(text):
        return parse_capture(text, source)
    document = parse_markdown(text, source)
    return replace(document, kind="text" if suffix == ".txt" else "Markdown")
