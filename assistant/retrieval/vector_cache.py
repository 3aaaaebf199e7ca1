"""Vectors of a fixed list of texts, embedded once and kept on disk for every later process.

For texts that ship with CueMap and change only with a release (the cue lexicon's phrases):
the file is named by the embedder's model id (model fingerprint and backend) and a hash of
the texts, so a new model, backend or lexicon simply makes a new file. An embedder without a
`model_id` and `cache_dir` (a test's fake) is asked every time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.retrieval.embedder import Embedder

if TYPE_CHECKING:  # numpy: when vectors are read or made, not when a saved session is shown
    import numpy as np

log = logging.getLogger(__name__)


def embed_once(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """The texts' vectors: read from the cache when there, else embedded and stored."""
    import numpy as np

    path = cache_file(embedder, texts)
    if path is None:
        return embedder.embed(texts)
    try:
        vectors = np.load(path)
        if vectors.shape == (len(texts), embedder.dimension):
            return vectors
    except (OSError, ValueError):
        pass  # missing or damaged: made again below
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    _store(path, vectors)
    return vectors


def cache_file(embedder: Embedder, texts: list[str]) -> Path | None:
    model_id = getattr(embedder, "model_id", None)
    cache_dir = getattr(embedder, "cache_dir", None)
    if not model_id or cache_dir is None:
        return None
    digest = hashlib.sha256("\n".join([model_id, *texts]).encode()).hexdigest()[:24]
    return Path(cache_dir) / "vectors" / f"{digest}.npy"


def _store(path: Path, vectors: np.ndarray) -> None:
    """Write atomically; a read-only or full disk only costs the next process the embedding."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
        with os.fdopen(handle, "wb") as file:
            np.save(file, vectors)
        os.replace(temporary, path)
    except OSError as exc:
        log.warning("Could not keep cached vectors (%s); they will be embedded again.", exc)
