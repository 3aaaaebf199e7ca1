"""Adding material to corpus/ and taking it out: the operator's side of `cuemap add/remove`.

A file is parsed whole before it is copied in, and copied by a rename, so corpus/ never
holds a file the index could only half read. Indexing is the caller's next step (ingest).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import httpx

from assistant.corpus.fetch import fetch_page
from assistant.corpus.loader import is_source_file, parse_file
from assistant.corpus.models import SourceDocument
from assistant.errors import CorpusError


@dataclass(frozen=True)
class Added:
    name: str  # file name in corpus/
    status: str  # "new", "unchanged", "replaced", "in place"
    document: SourceDocument
    url: str = ""


def is_url(argument: str) -> bool:
    return argument.startswith(("http://", "https://"))


def add(
    argument: str, corpus_dir: Path, *, replace: bool = False, client: httpx.Client | None = None
) -> Added:
    if is_url(argument):
        page = fetch_page(argument, client)
        status = _store(page.html, corpus_dir / page.file_name, replace)
        return Added(page.file_name, status, page.document, page.url)
    path = Path(argument).expanduser()
    if not path.is_file():
        raise CorpusError(f"{argument}: no such file")
    inside = _inside(path, corpus_dir)
    name = inside.as_posix() if inside else path.name
    document = parse_file(path, name)
    if inside:
        return Added(name, "in place", document)
    status = _store(path.read_bytes(), corpus_dir / name, replace)
    return Added(name, status, document)


def remove(name: str, corpus_dir: Path) -> Path:
    target = (corpus_dir / name).resolve()
    if _inside(target, corpus_dir) is None or not is_source_file(target):
        raise CorpusError(f"{name}: not a source file in {corpus_dir}")
    target.unlink()
    return target


def _store(data: bytes, target: Path, replace: bool) -> str:
    if target.exists():
        if target.read_bytes() == data:
            return "unchanged"
        if not replace:
            raise CorpusError(
                f"{target.name}: corpus/ already holds a different file of that name "
                "(--replace to update it)"
            )
    status = "replaced" if target.exists() else "new"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".adding-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return status


def _inside(path: Path, corpus_dir: Path) -> Path | None:
    try:
        return path.resolve().relative_to(corpus_dir.resolve())
    except ValueError:
        return None
