"""One evaluation run: CueMap and the baselines on the same labelled questions.

CueMap's answers come from `Explainer.ask`, so answer rate, abstention rate and citation
precision measure what a clinician would see. The baselines have no abstention: they always
return their nearest chunks, so they answer every question, in scope or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answers.models import Answer
from assistant.corpus.chunking import chunk_document
from assistant.corpus.models import SourceDocument
from assistant.engine import Engine
from assistant.evaluation.calibration import Calibration, calibrate
from assistant.evaluation.labels import LabelledQuestion, RetrievalSet
from assistant.evaluation.langchain_recipe import StockLangChainRanker
from assistant.evaluation.matching import PostMatcher
from assistant.evaluation.metrics import (
    QuestionScores,
    RankingSummary,
    score_question,
    summarise,
)
from assistant.evaluation.rankers import BM25Ranker, CueMapRanker, DenseRanker, Ranker

K = 5


@dataclass(frozen=True)
class AnswerSummary:
    answer_rate: float  # in-scope questions answered rather than declined
    abstention_rate: float  # out-of-scope questions declined
    citation_precision: float  # cited passages that hold a labelled post


@dataclass(frozen=True)
class SystemReport:
    name: str
    ranking: RankingSummary
    answers: AnswerSummary | None  # None: the system cannot decline (never abstains)
    by_style: dict[str, RankingSummary]  # the same metrics per question style (close, lay, ...)


@dataclass(frozen=True)
class RetrievalEvaluation:
    systems: list[SystemReport]
    calibration: Calibration
    in_scope: int
    out_of_scope: int

    def system(self, name: str) -> SystemReport:
        return next(s for s in self.systems if s.name == name)


def rank_all(
    ranker: Ranker, questions: Sequence[LabelledQuestion], matcher: PostMatcher
) -> RankingSummary:
    return summarise(_scores(ranker, questions, matcher))


def _scores(
    ranker: Ranker, questions: Sequence[LabelledQuestion], matcher: PostMatcher
) -> list[QuestionScores]:
    return [score_question(ranker.rank(q.question, K), q.answers, matcher) for q in questions]


def _report(
    ranker: Ranker,
    questions: Sequence[LabelledQuestion],
    matcher: PostMatcher,
    answers: AnswerSummary | None = None,
) -> SystemReport:
    scores = _scores(ranker, questions, matcher)
    styles: dict[str, list[QuestionScores]] = {}
    for question, score in zip(questions, scores, strict=True):
        styles.setdefault(question.style, []).append(score)
    by_style = {style: summarise(styles[style]) for style in sorted(styles)}
    return SystemReport(ranker.name, summarise(scores), answers, by_style)


def answer_summary(engine: Engine, questions: RetrievalSet, matcher: PostMatcher) -> AnswerSummary:
    answered: list[tuple[Answer, LabelledQuestion]] = [
        (answer, q)
        for q in questions.in_scope
        if not (answer := engine.explainer.ask(q.question)).abstained
    ]
    declined = sum(engine.explainer.ask(q.question).abstained for q in questions.out_of_scope)
    cited = [(c.text, q.answers) for answer, q in answered for c in answer.citations]
    precise = sum(bool(matcher.posts_in(text, labels)) for text, labels in cited)
    return AnswerSummary(
        answer_rate=len(answered) / len(questions.in_scope),
        abstention_rate=declined / len(questions.out_of_scope),
        citation_precision=precise / len(cited) if cited else 0.0,
    )


def calibrate_threshold(engine: Engine, questions: RetrievalSet) -> Calibration:
    search = engine.explainer.search
    return calibrate(
        [search(q.question) for q in questions.in_scope],
        [search(q.question) for q in questions.out_of_scope],
        current=engine.index.min_relevance,
    )


def evaluate_retrieval(
    engine: Engine,
    documents: list[SourceDocument],
    questions: RetrievalSet,
    corpus_dir: Path,
) -> RetrievalEvaluation:
    """Ranks every question with each system; `engine` must already hold the corpus."""
    matcher = PostMatcher(documents)
    chunks = [chunk for document in documents for chunk in chunk_document(document)]
    cuemap = _report(
        CueMapRanker(engine.index),
        questions.in_scope,
        matcher,
        answers=answer_summary(engine, questions, matcher),
    )
    baselines: list[Ranker] = [
        StockLangChainRanker(corpus_dir, engine.embedder, K),
        BM25Ranker(chunks),
        DenseRanker(chunks, engine.embedder),
    ]
    reports = [cuemap] + [_report(b, questions.in_scope, matcher) for b in baselines]
    return RetrievalEvaluation(
        systems=reports,
        calibration=calibrate_threshold(engine, questions),
        in_scope=len(questions.in_scope),
        out_of_scope=len(questions.out_of_scope),
    )
