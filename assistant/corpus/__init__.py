"""Source texts: page captures, saved Thread Reader pages, PDF, Word and Markdown parsed into
threads, posts and chunks; adding and removing files (library)."""

from assistant.corpus.chunking import chunk_document
from assistant.corpus.loader import CorpusProblem, LoadedCorpus, load_corpus
from assistant.corpus.models import Chunk, Post, SourceDocument, Thread

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
