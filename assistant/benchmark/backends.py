"""What each embedding backend costs and whether they agree: the light-runtime measurements.

- cold `cuemap ask` (process start to answer, peak RSS) with each backend;
- ingest throughput with each backend (a synthetic corpus, model already loaded), and of the
  ONNX backend's route for a large ingest (bf16 batches on torch) where the CPU has native bf16;
- vector parity: the ONNX export against the torch pipeline on every shipped passage and
  every labelled question;
- start-up of the commands that need no model (`--help`, `interview list`, `purge`...).
"""

from __future__ import annotations

import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.benchmark.processes import ColdStart, child_env, cold_start, cuemap_command
from assistant.benchmark.synthetic import write_synthetic_corpus
from assistant.engine import Engine
from assistant.retrieval.embedder import (
    Backend,
    Embedder,
    bf16_wanted,
    ingest_embedder,
    make_embedder,
)
from assistant.settings import Settings

BACKENDS: tuple[Backend, ...] = ("onnx", "torch")
INGEST_SAMPLE = 512  # synthetic passages embedded per backend
STARTUP_RUNS = 7  # the median of these is reported (of 3, one slow start could be it)
NO_MODEL_COMMANDS = (
    ("--help",),
    ("--version",),
    ("interview", "list", "--all"),
    ("interview", "delete", "0000000000000000", "--yes"),  # no such session: a clean error
    ("compare", "Pt-A"),  # nothing to compare: a clean error
    ("purge",),
)


@dataclass(frozen=True)
class BackendRun:
    backend: str
    cold: ColdStart
    ingest_chunks: int
    ingest_seconds: float

    @property
    def ingest_chunks_per_s(self) -> float:
        return self.ingest_chunks / self.ingest_seconds


@dataclass(frozen=True)
class IngestSpeed:
    route: str
    chunks: int
    seconds: float

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.seconds


@dataclass(frozen=True)
class Parity:
    texts: int
    min_cosine: float
    mean_cosine: float


def backend_settings(settings: Settings, backend: str, data_dir: Path) -> Settings:
    """The settings with this backend and data dir; the model's derived files stay shared."""
    return settings.model_copy(
        update={
            "embedding_backend": backend,
            "data_dir": data_dir,
            "model_cache_dir": settings.model_cache_path,
        }
    )


def backend_run(
    settings: Settings, backend: str, shipped: Path, root: Path, question: str
) -> BackendRun:
    cache = str(settings.model_cache_path)
    cold = cold_start(
        shipped,
        settings.corpus_dir,
        question,
        CUEMAP_EMBEDDING_BACKEND=backend,
        CUEMAP_MODEL_CACHE_DIR=cache,
    )
    speed = _ingest_speed(settings, backend, root / f"ingest-{backend}", large=False)
    return BackendRun(backend, cold, speed.chunks, speed.seconds)


def large_ingest_run(settings: Settings, root: Path) -> IngestSpeed | None:
    """The ONNX backend's route for a large ingest, on the same sample; None where it is ONNX
    itself (no native bf16, or bf16 off)."""
    if not bf16_wanted(settings.embedding_bf16):
        return None
    return _ingest_speed(settings, "onnx", root / "ingest-onnx-large", large=True)


def _ingest_speed(settings: Settings, backend: str, folder: Path, large: bool) -> IngestSpeed:
    corpus_dir = folder / "corpus"
    write_synthetic_corpus(corpus_dir, INGEST_SAMPLE)
    scratch = backend_settings(settings, backend, folder / "data").model_copy(
        update={"corpus_dir": corpus_dir, "collection": "bench"}
    )
    if large:  # as an ingest of embedding_bf16_min_passages passages or more
        scratch = scratch.model_copy(update={"embedding_bf16_min_passages": 0})
    engine = Engine.from_settings(scratch)
    ingest_embedder(engine.embedder, INGEST_SAMPLE).embed(["load the model first"])
    started = time.perf_counter()
    added = engine.ingest()[0].added
    route = "onnx, large ingest (bf16 batches on torch)" if large else backend
    return IngestSpeed(route, added, time.perf_counter() - started)


def parity(onnx: Embedder, torch: Embedder, texts: list[str]) -> Parity:
    cosines = np.sum(onnx.embed(texts) * torch.embed(texts), axis=1)
    return Parity(len(texts), float(cosines.min()), float(cosines.mean()))


def parity_embedders(settings: Settings) -> tuple[Embedder, Embedder]:
    """ONNX and torch, the torch side in float32: the exact pipeline the export reproduces."""
    exact = settings.model_copy(update={"embedding_bf16": "off"})
    return tuple(  # type: ignore[return-value]
        make_embedder(backend_settings(exact, b, settings.data_dir)) for b in BACKENDS
    )


def no_model_startup(data_dir: Path, corpus_dir: Path, **extra: str) -> dict[str, float]:
    """Median wall seconds of each command that needs no model, as a new process."""
    env = child_env(data_dir, corpus_dir, **extra)
    medians = {}
    for args in NO_MODEL_COMMANDS:
        runs = []
        for _ in range(STARTUP_RUNS):
            started = time.perf_counter()
            subprocess.run(
                [*cuemap_command(), *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                stdin=subprocess.DEVNULL,
                env=env,
            )
            runs.append(time.perf_counter() - started)
        medians[" ".join(args)] = statistics.median(runs)
    return medians
