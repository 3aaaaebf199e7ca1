"""A missing or unreadable on-disk index is moved aside and rebuilt, not fatal."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from assistant.errors import IndexUnavailableError
from assistant.retrieval.chroma import make_chroma_client, open_collection
from assistant.settings import Settings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

log = logging.getLogger(__name__)


def open_chroma(settings: Settings) -> ClientAPI:
    """A chroma client whose collection can be read; a corrupt local index is quarantined."""
    try:
        client = make_chroma_client(settings)
        _probe(client, settings.collection)
        return client
    except Exception as exc:  # chromadb raises several unrelated types for a broken store
        if settings.chroma_host:
            raise IndexUnavailableError(
                f"The Chroma server at {settings.chroma_host}:{settings.chroma_port} "
                "cannot be used right now."
            ) from exc
        aside = settings.chroma_path.with_name(f"chroma.unreadable-{int(time.time())}")
        settings.chroma_path.rename(aside)
        log.warning(
            "The index at %s could not be read (%s); moved it to %s and starting a new one.",
            settings.chroma_path,
            type(exc).__name__,
            aside,
        )
        from chromadb.api.shared_system_client import SharedSystemClient  # chromadb is loaded

        SharedSystemClient.clear_system_cache()
        return make_chroma_client(settings)


def _probe(client: ClientAPI, name: str) -> None:
    collection = open_collection(client, name)
    if collection.count():
        sample = collection.get(limit=1, include=["embeddings"])["embeddings"]
        collection.query(query_embeddings=[sample[0]], n_results=1)
