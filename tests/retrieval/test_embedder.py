"""Ingest batches are embedded in bfloat16 where the CPU has it; questions in float32."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.corpus.loader import load_corpus
from assistant.retrieval import embedder as embedder_module
from assistant.retrieval.embedder import SentenceTransformerEmbedder
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def posts() -> list[str]:
    return [chunk.embedding_text for chunk in load_corpus(CORPUS).chunks][:24]


def test_embedder_bf16_batch_vectors_rank_like_float32(posts: list[str]) -> None:
    exact = SentenceTransformerEmbedder(bf16="off").embed(posts)
    fast = SentenceTransformerEmbedder(bf16="on").embed(posts)

    agreement = np.sum(exact * fast, axis=1)
    assert agreement.min() > 0.999
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    question = exact[0]
    assert set(np.argsort(exact @ question)[-5:]) == set(np.argsort(fast @ question)[-5:])


def test_embedder_question_stays_float32_when_batches_use_bf16() -> None:
    question = ["why does the cue take over from the drug?"]

    fast = SentenceTransformerEmbedder(bf16="on")
    exact = SentenceTransformerEmbedder(bf16="off")

    assert fast.bf16_batches and not exact.bf16_batches
    np.testing.assert_allclose(fast.embed(question), exact.embed(question), atol=1e-6)


def test_embedder_auto_stays_float32_on_a_cpu_without_native_bf16(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedder_module, "cpu_has_native_bf16", lambda: False)

    assert not SentenceTransformerEmbedder(bf16="auto").bf16_batches
