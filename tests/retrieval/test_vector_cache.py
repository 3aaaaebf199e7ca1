"""The cue lexicon's phrase vectors: embedded by the first process, read by every later one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.interview.cues import CueExtractor
from assistant.interview.lexicon import Lexicon, load_lexicon
from assistant.interview.template import load_template
from assistant.retrieval.vector_cache import cache_file, embed_once
from assistant.settings import PROJECT_ROOT
from tests.fakes import HashingEmbedder

PROMPTS = PROJECT_ROOT / "prompts"


class CachingHashingEmbedder(HashingEmbedder):
    """The hashing fake with what a real embedder has for caching: a model id and a folder."""

    def __init__(self, cache_dir: Path, model_id: str = "hashing-fake-v1/test") -> None:
        super().__init__()
        self.cache_dir = cache_dir
        self.model_id = model_id


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(PROMPTS, load_template(PROMPTS).situation_ids())


def test_vector_cache_lexicon_prototypes_are_embedded_once_across_processes(
    lexicon: Lexicon, tmp_path: Path
) -> None:
    first = CachingHashingEmbedder(tmp_path)
    made = CueExtractor(lexicon, first).prototypes()
    assert first.calls == 1 and first.texts_embedded == len(made.categories)

    later = CachingHashingEmbedder(tmp_path)  # a new process: a new extractor and embedder
    read = CueExtractor(lexicon, later).prototypes()

    assert later.calls == 0
    np.testing.assert_array_equal(read.vectors, made.vectors)
    assert read.categories == made.categories


def test_vector_cache_another_model_or_other_texts_embed_again(tmp_path: Path) -> None:
    texts = ["pub", "payday", "old mates"]
    embed_once(CachingHashingEmbedder(tmp_path), texts)

    other_model = CachingHashingEmbedder(tmp_path, model_id="another-model/onnx")
    embed_once(other_model, texts)
    other_texts = CachingHashingEmbedder(tmp_path)
    embed_once(other_texts, [*texts, "the bottle shop"])

    assert other_model.calls == 1 and other_texts.calls == 1
    assert len(list((tmp_path / "vectors").glob("*.npy"))) == 3


def test_vector_cache_damaged_file_is_embedded_again_and_replaced(tmp_path: Path) -> None:
    texts = ["lonely", "shaky"]
    embedder = CachingHashingEmbedder(tmp_path)
    expected = embed_once(embedder, texts)
    path = cache_file(embedder, texts)
    assert path is not None
    path.write_bytes(b"not an array")

    again = CachingHashingEmbedder(tmp_path)
    np.testing.assert_array_equal(embed_once(again, texts), expected)
    assert again.calls == 1
    np.testing.assert_array_equal(np.load(path), expected)


def test_vector_cache_embedder_without_a_model_id_is_asked_every_time() -> None:
    plain = HashingEmbedder()
    embed_once(plain, ["pub"])
    embed_once(plain, ["pub"])

    assert plain.calls == 2
