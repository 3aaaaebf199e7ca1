"""Sentence embeddings through ONNX Runtime: the packaged model's own pipeline, without torch.

The model is exported once (see onnx_export.py) into the data dir, under a name holding the
model's fingerprint, and reused by every later process: a question is embedded after about
0.3 s of loading instead of the 5-6 s and 430 MB that importing torch costs.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ModelUnavailableError
from assistant.retrieval.embedder import (
    PACKAGED_MODEL,
    Bf16,
    Embedder,
    SentenceTransformerEmbedder,
    bf16_wanted,
    model_id,
    resolve_model_path,
)
from assistant.retrieval.onnx_export import EXPORT_FORMAT

if TYPE_CHECKING:  # numpy loads with the model, not with the bot
    import numpy as np

log = logging.getLogger(__name__)


class OnnxSession:
    """One exported model: its tokenizer and an ONNX Runtime session on the CPU."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        manifest = json.loads((folder / "export.json").read_text())
        self.inputs: list[str] = manifest["inputs"]
        self.dimension: int = manifest["dimension"]
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # warnings about unused initialisers are not news
        options.enable_cpu_mem_arena = False  # memory of a large batch goes back after it
        # Threads wait without spinning: on two cores shared with other processes (bot workers,
        # an ingest) spinning burnt 15-25% more CPU for the same vectors, no faster.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """L2-normalised vectors, in the order of `texts`; similar lengths batched together."""
        import numpy as np

        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            vectors[batch] = self._run([texts[i] for i in batch])
        return vectors

    def _run(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        encoded = self._tokenizer.encode_batch(texts)
        columns = {
            "input_ids": [e.ids for e in encoded],
            "attention_mask": [e.attention_mask for e in encoded],
            "token_type_ids": [e.type_ids for e in encoded],
        }
        feed = {name: np.asarray(columns[name], dtype=np.int64) for name in self.inputs}
        return self._session.run(None, feed)[0]


class OnnxEmbedder:
    """all-MiniLM-L6-v2 (or another local model) through ONNX Runtime, loaded once, thread-safe.

    Vectors agree with the torch backend to cosine 0.9999 or better (checked at export).

    A large ingest (`bf16_min_passages` new passages or more) on a CPU with native bfloat16 is
    embedded by sentence-transformers on torch with bf16 batches instead: ONNX Runtime has no
    bf16 matrix kernels for x86, and float32 work is the bound (about 23 ms of one core per
    113-token passage). Measured here, bf16 batches take 15-16 ms of CPU a passage, vectors
    within cosine 0.9999 of float32; torch takes about 6 s to load, so a small ingest stays on
    ONNX. Only an ingest asks for the route (`for_ingest`): questions never load torch.
    """

    dimension = 384

    def __init__(
        self,
        cache_dir: Path,
        model: str = PACKAGED_MODEL,
        batch_size: int = 16,
        bf16: Bf16 = "auto",
        bf16_min_passages: int = 2000,
    ) -> None:
        self._model = model
        self._path = resolve_model_path(model)
        self.model_id = model_id(self._path, "onnx")
        self.cache_dir = cache_dir
        self.export_dir = cache_dir / "onnx" / f"{model_id(self._path)}-v{EXPORT_FORMAT}"
        self._batch_size = batch_size
        self._bf16 = bf16
        self._bf16_min_passages = bf16_min_passages
        self._bf16_route: SentenceTransformerEmbedder | None = None
        self._session: OnnxSession | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._session is not None

    @property
    def exported(self) -> bool:
        return (self.export_dir / "export.json").is_file()

    def load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            if not self.exported:
                self._export()
            self._session = OnnxSession(self.export_dir)
            self.dimension = self._session.dimension

    def embed(self, texts: list[str]) -> np.ndarray:
        self.load()
        assert self._session is not None
        return self._session.embed(texts, self._batch_size)

    def for_ingest(self, passages: int) -> Embedder:
        """The embedder for an ingest of this many new passages (see the class)."""
        if passages < self._bf16_min_passages or self._bf16 == "off":
            return self
        with self._lock:
            if self._bf16_route is None:
                if not bf16_wanted(self._bf16):
                    return self
                self._bf16_route = SentenceTransformerEmbedder(
                    self._model, bf16="on", cache_dir=self.cache_dir
                )
            return self._bf16_route

    def _export(self) -> None:
        """Export the model in a child process, so this one never imports torch."""
        log.warning("Preparing the embedding model for ONNX Runtime (once, about 20 s).")
        command = [sys.executable, "-m", "assistant.retrieval.onnx_export"]
        done = subprocess.run(
            [*command, str(self._path), str(self.export_dir)], capture_output=True, text=True
        )
        if done.returncode != 0 or not self.exported:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise ModelUnavailableError(f"The embedding model could not be exported: {last}")
