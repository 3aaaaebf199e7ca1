"""Fitting the query adapter on labelled questions, and what cross-validation says of it.

`cuemap fit-adapter` fits on the dev split only and writes assistant/answers/data/; the test
split is never seen. Before writing, the same fit is cross-validated on dev: each fold's
questions are answered by an adapter fitted on the other folds, and the answer metrics of
`cuemap eval` are computed on those held-out answers, beside the model's own vectors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answers.extractive import ExtractiveComposer
from assistant.answers.query_adapter import QueryAdapter, fit_matrix, post_hash
from assistant.evaluation.labels import LabelledQuestion, RetrievalSet
from assistant.evaluation.matching import PostMatcher
from assistant.evaluation.retrieval_eval import first_cited
from assistant.privacy import redact

if TYPE_CHECKING:
    import numpy as np

    from assistant.answers.models import Answer
    from assistant.corpus.loader import LoadedCorpus
    from assistant.engine import Engine

FOLDS = 5


@dataclass(frozen=True)
class TrainingSet:
    questions: list[LabelledQuestion]
    vectors: np.ndarray  # each question as the composer embeds it (redacted, shorthand expanded)
    answers: list[list[int]]  # indexes into `posts`
    posts: np.ndarray  # every post of the corpus, as the composer embeds it
    post_texts: list[str]


@dataclass(frozen=True)
class HeldOutScores:
    """The answer metrics of `cuemap eval` on answers to questions the fit did not see."""

    cited_right: float
    citation_precision: float
    first_cited_right: float


def training_set(engine: Engine, corpus: LoadedCorpus, questions: RetrievalSet) -> TrainingSet:
    """The labelled in-scope questions whose answer posts are in the corpus, with vectors."""
    import numpy as np

    posts = {
        (post.thread_title, post.post_start): post
        for chunk in corpus.chunks
        for post in chunk.posts()
    }
    refs = list(posts)
    kept, queries, answers = [], [], []
    for question in questions.in_scope:
        indexes = [i for i, ref in enumerate(refs) if ref in question.answers]
        if indexes:
            kept.append(question)
            queries.append(engine.explainer.search(redact(question.question).text).query)
            answers.append(indexes)
    texts = [posts[ref].text for ref in refs]
    return TrainingSet(
        questions=kept,
        vectors=engine.embedder.embed(queries) if queries else np.zeros((0, 0)),
        answers=answers,
        posts=engine.embedder.embed([posts[ref].embedding_text for ref in refs]),
        post_texts=texts,
    )


def fit(data: TrainingSet, model: str, rows: list[int] | None = None) -> QueryAdapter:
    """The adapter fitted on `rows` of the training set (all of it by default)."""
    rows = list(range(len(data.questions))) if rows is None else rows
    matrix = fit_matrix(data.vectors[rows], [data.answers[i] for i in rows], data.posts)
    return QueryAdapter(
        matrix=matrix,
        model=model,
        posts=frozenset(post_hash(text) for text in data.post_texts),
        questions=fingerprint([data.questions[i] for i in rows]),
    )


def fingerprint(questions: list[LabelledQuestion]) -> str:
    """Which labelled questions (and labels) an adapter was fitted on."""
    digest = hashlib.sha256()
    for question in questions:
        digest.update(question.question.encode())
        digest.update(repr(sorted(question.answers)).encode())
    return digest.hexdigest()[:16]


def cross_validate(
    engine: Engine, corpus: LoadedCorpus, data: TrainingSet, model: str
) -> dict[str, HeldOutScores]:
    """Held-out answer metrics on dev: the model's own vectors, and the adapter by folds."""
    matcher = PostMatcher(corpus.documents)
    plain = ExtractiveComposer(engine.embedder)
    own = [_answer(engine, plain, q) for q in data.questions]
    adapted: list[Answer | None] = [None] * len(data.questions)
    for fold in range(FOLDS):
        held = [i for i in range(len(data.questions)) if i % FOLDS == fold]
        rest = [i for i in range(len(data.questions)) if i % FOLDS != fold]
        composer = ExtractiveComposer(engine.embedder, fit(data, model, rest))
        for i in held:
            adapted[i] = _answer(engine, composer, data.questions[i])
    return {
        "model's own vectors": _scores(matcher, data.questions, own),
        f"query adapter ({FOLDS}-fold)": _scores(
            matcher, data.questions, [a for a in adapted if a is not None]
        ),
    }


def _answer(engine: Engine, composer: ExtractiveComposer, question: LabelledQuestion) -> Answer:
    return composer.compose(engine.explainer.search(redact(question.question).text))


def _scores(
    matcher: PostMatcher, questions: list[LabelledQuestion], answers: list[Answer]
) -> HeldOutScores:
    answered = [(q, a) for q, a in zip(questions, answers, strict=True) if a.citations]
    right = [[bool(matcher.posts_in(c.text, q.answers)) for c in a.citations] for q, a in answered]
    cited = [flag for flags in right for flag in flags]
    return HeldOutScores(
        cited_right=sum(any(flags) for flags in right) / max(len(questions), 1),
        citation_precision=sum(cited) / max(len(cited), 1),
        first_cited_right=sum(
            bool(matcher.posts_in(first_cited(a).text, q.answers)) for q, a in answered
        )
        / max(len(answered), 1),
    )
