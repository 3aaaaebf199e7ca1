"""Ingest speed per format: the same kind of text as saved pages, PDFs, Word files, Markdown.

Each format gets its own folder of generated files holding about `passages` passages; the
time to parse them (reading and chunking) and to index them (embedding included) is
reported per passage, so the cost of each parser shows beside the embedding it feeds.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assistant.benchmark.format_samples import (
    write_docx,
    write_markdown,
    write_pdf,
    write_threadreader_html,
)
from assistant.benchmark.synthetic import _paragraph
from assistant.corpus.loader import load_corpus
from assistant.engine import Engine
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings

PARAGRAPHS_PER_FILE = 20


@dataclass(frozen=True)
class FormatRun:
    kind: str
    files: int
    passages: int
    parse_seconds: float  # read and chunk every file
    index_seconds: float  # embed and store the passages

    @property
    def parse_ms_per_passage(self) -> float:
        return 1000 * self.parse_seconds / max(self.passages, 1)

    @property
    def passages_per_s(self) -> float:
        """End to end: parse and index."""
        return self.passages / max(self.parse_seconds + self.index_seconds, 1e-9)


def _thread(path: Path, paragraphs: list[str]) -> None:
    write_threadreader_html(path.with_suffix(".html"), paragraphs)


def _pdf(path: Path, paragraphs: list[str]) -> None:
    pages = ["\n\n".join(paragraphs[i : i + 2]) for i in range(0, len(paragraphs), 2)]
    write_pdf(path.with_suffix(".pdf"), pages, title=path.stem, author="bench")


def _docx(path: Path, paragraphs: list[str]) -> None:
    sections = [
        (f"Section {i // 2 + 1}", paragraphs[i : i + 2]) for i in range(0, len(paragraphs), 2)
    ]
    write_docx(path.with_suffix(".docx"), sections, title=path.stem, author="bench")


def _markdown(path: Path, paragraphs: list[str]) -> None:
    sections = [(f"Section {i + 1}", [p]) for i, p in enumerate(paragraphs)]
    write_markdown(path.with_suffix(".md"), sections, title=path.stem)


WRITERS: dict[str, Callable[[Path, list[str]], None]] = {
    "thread page (HTML)": _thread,
    "PDF": _pdf,
    "Word (.docx)": _docx,
    "Markdown": _markdown,
}


def measure_formats(
    settings: Settings, embedder: Embedder, root: Path, passages: int = 100
) -> list[FormatRun]:
    runs = []
    for number, (kind, write) in enumerate(WRITERS.items()):
        rng = random.Random(11)
        folder = root / f"format-{number}"
        corpus_dir = folder / "corpus"
        corpus_dir.mkdir(parents=True)
        files = max(1, passages // PARAGRAPHS_PER_FILE)
        for index in range(files):
            write(
                corpus_dir / f"sample-{index}",
                [_paragraph(rng) for _ in range(PARAGRAPHS_PER_FILE)],
            )
        started = time.perf_counter()
        chunks = load_corpus(corpus_dir).chunks
        parsed = time.perf_counter()
        scoped = settings.model_copy(
            update={"data_dir": folder / "data", "corpus_dir": corpus_dir, "collection": "formats"}
        )
        Engine.from_settings(scoped, embedder=embedder).index.ingest(chunks)
        runs.append(
            FormatRun(kind, files, len(chunks), parsed - started, time.perf_counter() - parsed)
        )
    return runs
