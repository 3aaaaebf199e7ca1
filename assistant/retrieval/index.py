"""The corpus index: incremental ingest into chromadb and BM25, and hybrid search."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.corpus.models import Chunk
from assistant.errors import IndexNotBuiltError, InvalidQuestionError
from assistant.retrieval import shorthand
from assistant.retrieval.coverage import assess
from assistant.retrieval.coverage import warm_up as warm_coverage
from assistant.retrieval.embedder import Embedder, ingest_embedder
from assistant.retrieval.fusion import dense_led_fusion
from assistant.retrieval.models import Hit, SearchResult, SourceSummary

if TYPE_CHECKING:  # chromadb and bm25s are imported when the index is first used (~0.6 s)
    import numpy as np
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from assistant.retrieval.lexical import LexicalIndex

BATCH = 256
CANDIDATES = 20  # per ranker, before fusion
MAX_QUERY_CHARS = 2000

Progress = Callable[[int, int], None]  # (chunks just embedded, chunks to embed in all)


@dataclass(frozen=True)
class IngestReport:
    added: int
    removed: int
    unchanged: int
    seconds: float

    @property
    def total(self) -> int:
        return self.added + self.unchanged


def fingerprint(ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]


class CorpusIndex:
    """Chunks stored once in chromadb (vectors, text, provenance), ranked by dense + BM25.

    `client` may be a function that opens the chromadb client: it is then called on first use,
    so a process that never searches (listing interviews, say) never imports chromadb.
    """

    def __init__(
        self,
        client: ClientAPI | Callable[[], ClientAPI],
        embedder: Embedder,
        collection: str,
        lexical_dir: Path,
        min_relevance: float,
    ) -> None:
        self._client: ClientAPI | None = None if callable(client) else client
        self._open_client = client if callable(client) else None
        self._embedder = embedder
        self._collection_name = collection
        self._lexical_dir = lexical_dir / collection
        self.min_relevance = min_relevance
        self._lexical: LexicalIndex | None = None
        self._lock = threading.Lock()
        self._client_lock = threading.Lock()

    # -- ingest -----------------------------------------------------------------------------

    def ingest(
        self, chunks: list[Chunk], progress: Progress | None = None, bulk: bool = False
    ) -> IngestReport:
        """Embed only new chunks, drop chunks whose source is gone or changed. Safe to repeat.

        `bulk`: the embedder may take its ingest route for many new chunks (`cuemap ingest`
        does; an index built on start in a bot or `ask` process does not, and loads no torch).
        """
        started = time.perf_counter()
        collection = self._collection()
        current = {chunk.id: chunk for chunk in chunks}
        stored = set(collection.get(include=[])["ids"])
        stale = sorted(stored - current.keys())
        fresh = [chunk for chunk in chunks if chunk.id not in stored]
        for start in range(0, len(stale), BATCH * 16):
            collection.delete(ids=stale[start : start + BATCH * 16])
        added = date.today().isoformat()
        embedder = ingest_embedder(self._embedder, len(fresh)) if bulk else self._embedder
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start : start + BATCH]
            collection.add(
                ids=[c.id for c in batch],
                embeddings=embedder.embed([c.embedding_text for c in batch]),
                documents=[c.text for c in batch],
                metadatas=[{**c.to_metadata(), "added": added} for c in batch],
            )
            if progress:
                progress(len(batch), len(fresh))
        new_fingerprint = fingerprint(current)
        if stale or fresh or collection.metadata.get("fingerprint") != new_fingerprint:
            collection.modify(metadata={"fingerprint": new_fingerprint})
        with self._lock:
            self._lexical = self._fresh_lexical(collection, new_fingerprint, list(current.values()))
        return IngestReport(
            added=len(fresh),
            removed=len(stale),
            unchanged=len(current) - len(fresh),
            seconds=time.perf_counter() - started,
        )

    # -- search -----------------------------------------------------------------------------

    def search(self, query: str, k: int = 5) -> SearchResult:
        query = " ".join(query.split())[:MAX_QUERY_CHARS]
        if not query:
            raise InvalidQuestionError("Please type a question.")
        collection = self._collection()
        size = collection.count()
        if size == 0:
            raise IndexNotBuiltError("The index is empty: run `cuemap ingest` first.")
        lexical = self._lexical_for(collection)
        from assistant.retrieval.lexical import stems

        vocabulary = lexical.vocabulary()
        query = shorthand.expand(query, lambda word: all(s in vocabulary for s in stems(word)))
        vector = self._embedder.embed([query])[0]
        dense = collection.query(
            query_embeddings=[vector],
            n_results=min(max(CANDIDATES, k * 4), size),
            include=["documents", "metadatas", "distances"],
        )
        dense_ids = dense["ids"][0]
        lexical_scores = dict(lexical.scored(query, max(CANDIDATES, k * 4)))
        lexical_ids = list(lexical_scores)
        found = {
            chunk_id: (Chunk.from_stored(chunk_id, text, meta), 1.0 - distance)
            for chunk_id, text, meta, distance in zip(
                dense_ids,
                dense["documents"][0],
                dense["metadatas"][0],
                dense["distances"][0],
                strict=True,
            )
        }
        found.update(self._fetch([i for i in lexical_ids if i not in found], vector))
        fused = dense_led_fusion({i: sim for i, (_, sim) in found.items()}, lexical_scores)
        top = sorted(fused, key=lambda i: fused[i], reverse=True)[:k]
        hits = [
            Hit(
                chunk=found[chunk_id][0],
                score=fused[chunk_id],
                similarity=found[chunk_id][1],
                dense_rank=_rank(dense_ids, chunk_id),
                lexical_rank=_rank(lexical_ids, chunk_id),
            )
            for chunk_id in top
        ]
        coverage = assess(query, hits, self.min_relevance, vocabulary, stems)
        return SearchResult(
            query=query,
            hits=hits,
            abstained=coverage.level == "none",
            reason=coverage.reason,
            coverage=coverage,
        )

    def topics(self) -> list[str]:
        """Titles of the indexed threads, in corpus order."""
        stored = self._collection().get(include=["metadatas"])
        seen: dict[tuple[str, int], str] = {}
        for meta in stored["metadatas"] or []:
            seen.setdefault(
                (str(meta["source"]), int(meta["thread_index"])), str(meta["thread_title"])
            )
        return [seen[key] for key in sorted(seen)]

    def sources(self) -> list[SourceSummary]:
        """What the library holds, one line per source file (read from the index, no model)."""
        stored = self._collection().get(include=["metadatas"])
        by_source: dict[str, list[dict]] = {}
        for meta in stored["metadatas"] or []:
            by_source.setdefault(str(meta["source"]), []).append(dict(meta))
        return [_summary(source, metas) for source, metas in sorted(by_source.items())]

    def vocabulary(self) -> frozenset[str]:
        """The corpus's stemmed words, as coverage compares a question's terms with them."""
        return self._lexical_for(self._collection()).vocabulary()

    def count(self) -> int:
        return self._collection().count()

    def holds(self, chunks: list[Chunk]) -> bool:
        """Whether the index holds exactly these chunks (compared by fingerprint, not read)."""
        stored = (self._collection().metadata or {}).get("fingerprint")
        return stored == fingerprint(chunk.id for chunk in chunks)

    def warm_up(self) -> None:
        """Load the model and the BM25 index now rather than on the first question."""
        self._embedder.embed(["warm up"])
        self._lexical_for(self._collection())
        warm_coverage()

    # -- internals --------------------------------------------------------------------------

    def _collection(self) -> Collection:
        from assistant.retrieval.chroma import open_collection

        with self._client_lock:
            if self._client is None:
                assert self._open_client is not None
                self._client = self._open_client()
        return open_collection(self._client, self._collection_name)

    def _lexical_for(self, collection: Collection) -> LexicalIndex:
        wanted = (collection.metadata or {}).get("fingerprint", "")
        with self._lock:
            if self._lexical is None or self._lexical.fingerprint != wanted:
                self._lexical = self._fresh_lexical(collection, wanted, None)
            return self._lexical

    def _fresh_lexical(
        self, collection: Collection, wanted: str, chunks: list[Chunk] | None
    ) -> LexicalIndex:
        """The saved BM25 index when it matches the collection, else one rebuilt and saved."""
        from assistant.retrieval.lexical import LexicalIndex

        saved = LexicalIndex.load(self._lexical_dir)
        if saved is not None and saved.fingerprint == wanted:
            return saved
        if chunks is None:
            stored = collection.get(include=["documents", "metadatas"])
            chunks = [
                Chunk.from_stored(i, t, m)
                for i, t, m in zip(
                    stored["ids"], stored["documents"], stored["metadatas"], strict=True
                )
            ]
        built = LexicalIndex.build(
            [c.id for c in chunks], [c.embedding_text for c in chunks], wanted
        )
        built.save(self._lexical_dir)
        return built

    def _fetch(self, ids: list[str], vector: np.ndarray) -> dict[str, tuple[Chunk, float]]:
        if not ids:
            return {}
        got = self._collection().get(ids=ids, include=["documents", "metadatas", "embeddings"])
        return {
            chunk_id: (Chunk.from_stored(chunk_id, text, meta), float(vector @ emb))
            for chunk_id, text, meta, emb in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        }


def _summary(source: str, metas: list[dict]) -> SourceSummary:
    first = min(metas, key=lambda m: (int(m["thread_index"]), int(m["post_start"])))
    return SourceSummary(
        source=source,
        title=str(first["thread_title"]),
        kind=str(first.get("kind") or "thread capture"),
        author=str(first.get("author") or ""),
        date=str(first.get("date") or ""),
        url=str(first.get("url") or ""),
        added=min((str(m["added"]) for m in metas if m.get("added")), default=""),
        passages=len(metas),
        threads=len({int(m["thread_index"]) for m in metas}),
    )


def _rank(ranking: list[str], chunk_id: str) -> int | None:
    return ranking.index(chunk_id) + 1 if chunk_id in ranking else None
