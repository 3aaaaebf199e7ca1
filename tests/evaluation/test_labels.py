"""The labelled questions: enough of them, phrased unlike the source, every label a real post."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.corpus.loader import load_corpus
from assistant.corpus.models import SourceDocument
from assistant.errors import EvaluationDataError
from assistant.evaluation.labels import load_retrieval_set
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def documents() -> list[SourceDocument]:
    return load_corpus(CORPUS).documents


def test_labelled_set_covers_the_corpus_in_clinicians_words(
    documents: list[SourceDocument],
) -> None:
    labelled = load_retrieval_set(documents)
    styles = Counter(q.style for q in labelled.in_scope)
    threads = {title for q in labelled.in_scope for title, _post in q.answers}

    assert len(labelled.in_scope) >= 60 and len(labelled.out_of_scope) >= 20
    assert styles["close"] < len(labelled.in_scope) / 4
    assert styles["story"] >= 10
    assert threads == {thread.title for d in documents for thread in d.threads}
    assert {q.kind for q in labelled.out_of_scope} == {
        "dose",
        "billing",
        "unrelated medicine",
        "trivia",
        "page furniture",
        "near-miss",
    }
    assert sum(q.near_miss for q in labelled.out_of_scope) >= 40


def test_labelled_set_holds_a_test_split_in_every_style(documents: list[SourceDocument]) -> None:
    test = load_retrieval_set(documents).split("test")
    assert len(test.in_scope) >= 40
    assert {q.style for q in test.in_scope} == {"close", "paraphrase", "lay", "story", "shorthand"}
    assert sum(q.near_miss for q in test.out_of_scope) >= 20


def test_a_label_naming_a_post_the_corpus_lacks_is_refused(
    documents: list[SourceDocument], tmp_path: Path
) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(
        "threads: {main: 'The drug may start the addiction.'}\n"
        "in_scope:\n"
        "  - {question: 'What does post 17 say?', style: close, answers: [[main, 17]]}\n"
        "out_of_scope: []\n"
    )
    with pytest.raises(EvaluationDataError, match="What does post 17 say.*lacks"):
        load_retrieval_set(documents, path)


def test_a_misspelt_field_is_named(documents: list[SourceDocument], tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(
        "threads: {}\nin_scope: []\nout_of_scope:\n  - {question: q, kind: dose, why: x}\n"
    )
    with pytest.raises(EvaluationDataError, match="out_of_scope.0.why"):
        load_retrieval_set(documents, path)
