"""Vectors of the corpus's own texts, embedded once and kept for every later process.

The extractive composer embeds each post and sentence of the passages it answers from, about
35 texts a question: a second of a cold `cuemap ask` on two busy cores. Those texts come from
the corpus, so their vectors can be kept. At ingest the engine registers the texts the corpus
can give (a hash of each); `CorpusVectors` wraps the embedder, reads registered texts' vectors
from a SQLite file beside the index (named by the model's id) and keeps the ones it has to
embed. A text that was not registered (a question, anything a clinician typed) is embedded and
never written: nothing typed reaches the disk through this cache.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.retrieval.embedder import Embedder

if TYPE_CHECKING:  # numpy loads with the first vectors, not with the bot
    import numpy as np

log = logging.getLogger(__name__)

BATCH = 500  # keys a query at most
SCHEMA = "CREATE TABLE IF NOT EXISTS texts (key BLOB PRIMARY KEY, vector BLOB) WITHOUT ROWID"


class CorpusVectors:
    """An embedder that reads and keeps the vectors of registered corpus texts."""

    def __init__(self, embedder: Embedder, path: Path) -> None:
        self._embedder = embedder
        self.path = path
        self.dimension = embedder.dimension  # the ONNX embedder's is read at its load

    @classmethod
    def around(cls, embedder: Embedder, folder: Path) -> CorpusVectors | None:
        """The embedder wrapped, its file in `folder`; None for an embedder naming no model (a
        test's fake)."""
        model = getattr(embedder, "model_id", None)
        if not model:
            return None
        name = hashlib.sha256(model.encode()).hexdigest()[:16]
        return cls(embedder, folder / f"corpus-{name}.sqlite")

    @property
    def registered(self) -> bool:
        return self.path.exists()

    def register(self, texts: Iterable[str]) -> None:
        """These texts (and no others) may be kept; vectors of texts still registered stay."""
        keys = {_key(text) for text in texts}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path)) as db, db:
                db.execute(SCHEMA)
                stale = {row[0] for row in db.execute("SELECT key FROM texts")} - keys
                db.executemany("DELETE FROM texts WHERE key = ?", ((k,) for k in stale))
                db.executemany("INSERT OR IGNORE INTO texts (key) VALUES (?)", ((k,) for k in keys))
        except (OSError, sqlite3.Error) as exc:
            log.warning("Could not register corpus texts (%s); they are embedded each time.", exc)

    def embed(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        keys = [_key(text) for text in texts]
        kept = self._read(keys)
        missing = [i for i, key in enumerate(keys) if kept.get(key) is None]
        if not keys:
            return self._embedder.embed([])
        if not missing:
            return np.vstack([v for v in (kept[key] for key in keys) if v is not None])
        fresh = np.asarray(self._embedder.embed([texts[i] for i in missing]), dtype=np.float32)
        self.dimension = self._embedder.dimension
        vectors = np.empty((len(texts), fresh.shape[1]), dtype=np.float32)
        for i, key in enumerate(keys):
            if kept.get(key) is not None:
                vectors[i] = kept[key]
        vectors[missing] = fresh
        self._keep({keys[i]: fresh[n] for n, i in enumerate(missing) if keys[i] in kept})
        return vectors

    def _read(self, keys: list[bytes]) -> dict[bytes, np.ndarray | None]:
        """Registered keys among these -> their kept vector, or None when not embedded yet."""
        if not keys or not self.path.exists():
            return {}
        import numpy as np

        try:
            found: dict[bytes, np.ndarray | None] = {}
            unique = sorted(set(keys))
            with closing(sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)) as db:
                for start in range(0, len(unique), BATCH):
                    part = unique[start : start + BATCH]
                    marks = ",".join("?" * len(part))
                    rows = db.execute(f"SELECT key, vector FROM texts WHERE key IN ({marks})", part)
                    for key, blob in rows:
                        found[key] = None if blob is None else np.frombuffer(blob, np.float32)
            return found
        except sqlite3.Error as exc:
            log.warning("Could not read kept corpus vectors (%s); embedding them.", exc)
            return {}

    def _keep(self, vectors: dict[bytes, np.ndarray]) -> None:
        if not vectors:
            return
        try:
            with closing(sqlite3.connect(self.path, timeout=5)) as db, db:
                db.executemany(
                    "UPDATE texts SET vector = ? WHERE key = ?",
                    ((v.astype("float32").tobytes(), k) for k, v in vectors.items()),
                )
        except sqlite3.Error as exc:  # locked by another process, read-only: kept next time
            log.warning("Could not keep corpus vectors (%s).", exc)


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode()).digest()[:16]
