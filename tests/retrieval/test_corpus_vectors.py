"""The composer's post and sentence vectors are embedded once and kept; nothing typed is kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np

from assistant.engine import Engine
from assistant.retrieval.corpus_vectors import CorpusVectors
from assistant.settings import Settings
from tests.fakes import HashingEmbedder

POSTS = ["Cues come to predict the drug.", "Stress brings back drug-seeking."]


class NamedEmbedder(HashingEmbedder):
    """The hashing embedder with a model id, counting the texts it is asked to embed."""

    model_id = "hashing-test/fake"

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        return super().embed(texts)


def kept_rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT count(*) FROM texts WHERE vector IS NOT NULL").fetchone()[0]


def test_corpus_vectors_registered_posts_are_embedded_once_across_processes(
    tmp_path: Path,
) -> None:
    first_model = NamedEmbedder()
    first = CorpusVectors.around(first_model, tmp_path)
    assert first is not None
    first.register(POSTS)
    made = first.embed(POSTS)

    later_model = NamedEmbedder()  # a new process: a new embedder over the same file
    later = CorpusVectors.around(later_model, tmp_path)
    assert later is not None
    np.testing.assert_allclose(later.embed(POSTS), made)
    assert first_model.asked == POSTS and later_model.asked == []


def test_corpus_vectors_question_is_embedded_and_never_kept(tmp_path: Path) -> None:
    model = NamedEmbedder()
    vectors = CorpusVectors.around(model, tmp_path)
    assert vectors is not None
    vectors.register(POSTS)
    question = "my patient Siobhán relapsed after the funeral, why?"

    got = vectors.embed([question, POSTS[0]])

    np.testing.assert_allclose(got, HashingEmbedder().embed([question, POSTS[0]]))
    assert kept_rows(vectors.path) == 1
    vectors.embed([question])
    assert model.asked == [question, POSTS[0], question]  # asked again: it was not kept
    assert b"Siobh" not in vectors.path.read_bytes()


def test_corpus_vectors_new_corpus_drops_texts_no_longer_in_it(tmp_path: Path) -> None:
    model = NamedEmbedder()
    vectors = CorpusVectors.around(model, tmp_path)
    assert vectors is not None
    vectors.register(POSTS)
    vectors.embed(POSTS)

    vectors.register(POSTS[1:])

    assert kept_rows(vectors.path) == 1
    vectors.embed(POSTS)
    assert model.asked == [*POSTS, POSTS[0]]


def test_corpus_vectors_fake_embedder_without_a_model_is_not_wrapped(tmp_path: Path) -> None:
    assert CorpusVectors.around(HashingEmbedder(), tmp_path) is None


def test_corpus_vectors_ingest_registers_what_the_composer_embeds(settings: Settings) -> None:
    model = NamedEmbedder()
    engine = Engine.from_settings(settings, embedder=model)
    engine.ingest()
    first = engine.explainer.ask("why does the cue take over from the drug?")
    asked_first = len(model.asked)

    later = Engine.from_settings(settings, embedder=model)
    again = later.explainer.ask("why does the cue take over from the drug?")

    assert again == first
    # the later process embeds only the question (in search and in the composer)
    assert model.asked[asked_first:] == ["why does the cue take over from the drug?"] * 2
    corpus = engine.corpus_vectors
    assert corpus is not None and kept_rows(corpus.path) > 0
