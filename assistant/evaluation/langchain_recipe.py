"""Baseline (a): the retrieval a LangChain user reaches for first, over the raw page files.

`RecursiveCharacterTextSplitter` (the tutorials' 1,000 characters with 200 overlap) over each
corpus file as it is, furniture and all; `Chroma.from_documents` in an in-memory chromadb
client; `as_retriever()`. It embeds with the same local sentence-transformers model as CueMap
(through a LangChain `Embeddings` wrapper), so the comparison is about chunking and ranking,
not the model. The one change from the defaults: `k=5` instead of 4, so @5 metrics compare.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings
from langchain_core.vectorstores import VectorStoreRetriever
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.corpus.loader import SUFFIXES
from assistant.retrieval.embedder import Embedder

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200


class LocalEmbeddings(Embeddings):
    """LangChain's embeddings interface over CueMap's local embedder: no download, no API."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._embedder.embed([text])[0].tolist()


def stock_retriever(corpus_dir: Path, embedder: Embedder, k: int = 5) -> VectorStoreRetriever:
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    files = sorted(p for p in corpus_dir.rglob("*") if p.suffix.lower() in SUFFIXES)
    documents = splitter.create_documents(
        [path.read_text(encoding="utf-8") for path in files],
        metadatas=[{"source": path.name} for path in files],
    )
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    store = Chroma.from_documents(
        documents,
        embedding=LocalEmbeddings(embedder),
        client=client,
        collection_name=f"langchain-{uuid.uuid4().hex[:8]}",
    )
    return store.as_retriever(search_kwargs={"k": k})


class StockLangChainRanker:
    name = "LangChain stock recipe"

    def __init__(self, corpus_dir: Path, embedder: Embedder, k: int = 5) -> None:
        self.retriever = stock_retriever(corpus_dir, embedder, k)

    def rank(self, question: str, k: int) -> list[str]:
        return [doc.page_content for doc in self.retriever.invoke(question)][:k]
