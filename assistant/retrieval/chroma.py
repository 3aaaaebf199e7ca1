"""The chromadb client: on disk under the data dir, or a Chroma server when a host is set."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.retrieval.chroma_runtime import import_chromadb
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection


def make_chroma_client(settings: Settings) -> ClientAPI:
    chromadb = import_chromadb()
    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
        )
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def open_collection(client: ClientAPI, name: str) -> Collection:
    """The corpus collection: cosine space, vectors always supplied by CueMap's own embedder."""
    return client.get_or_create_collection(
        name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
    )
