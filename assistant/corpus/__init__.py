"""Source texts: page captures, saved Thread Reader pages, PDF, Word and Markdown parsed into
threads, posts and chunks; adding and removing files (library)."""

from typing import TYPE_CHECKING

from assistant.corpus.models import Chunk, Post, SourceDocument, Thread

if TYPE_CHECKING:
    from assistant.corpus.chunking import chunk_document
    from assistant.corpus.loader import CorpusProblem, LoadedCorpus, load_corpus

__all__ = [
    "Chunk",
    "CorpusProblem",
    "LoadedCorpus",
    "Post",
    "SourceDocument",
    "Thread",
    "chunk_document",
    "load_corpus",
]

_PARSING = {
    "chunk_document": "assistant.corpus.chunking",
    "CorpusProblem": "assistant.corpus.loader",
    "LoadedCorpus": "assistant.corpus.loader",
    "load_corpus": "assistant.corpus.loader",
}


def __getattr__(name: str) -> object:
    """The parsers (HTML, PDF, Word, Markdown) are imported on first use: a citation or a saved
    session needs only the models."""
    if name in _PARSING:
        from importlib import import_module

        return getattr(import_module(_PARSING[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
