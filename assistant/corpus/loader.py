"""Reads every file of the corpus folder; a bad file is reported by name and skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assistant.corpus.chunking import chunk_document
from assistant.corpus.markdown import parse_markdown
from assistant.corpus.models import Chunk, SourceDocument
from assistant.corpus.threadreader import looks_like_capture, parse_capture
from assistant.errors import CorpusError

SUFFIXES = {".txt", ".md", ".markdown"}


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
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise CorpusError(f"The corpus folder {corpus_dir} holds no .txt or .md files.")
    loaded = LoadedCorpus()
    for path in files:
        source = path.relative_to(corpus_dir).as_posix()
        try:
            loaded.documents.append(parse_file(path, source))
        except CorpusError as exc:
            loaded.problems.append(CorpusProblem(source, str(exc)))
    return loaded


def parse_file(path: Path, source: str) -> SourceDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CorpusError(f"{source}: not UTF-8 text") from None
    except OSError as exc:
        raise CorpusError(f"{source}: cannot be read ({exc.strerror})") from None
    if "\x00" in text:
        raise CorpusError(f"{source}: binary content, not text")
    if not text.strip():
        raise CorpusError(f"{source}: the file is empty")
    document = (
        parse_capture(text, source) if looks_like_capture(text) else parse_markdown(text, source)
    )
    if not document.threads:
        raise CorpusError(f"{source}: no readable text after removing page furniture")
    return document
