"""One evaluation run: CueMap and the baselines on the same labelled questions.

CueMap's answers come from `Explainer.ask` on the question with identifiers taken out, as
`cuemap ask`, the console and Slack ask it, so answer rate, abstention rate and citation
precision measure what a clinician would see. The baselines have no abstention: they always
return their nearest chunks, so they answer every question, in scope or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.answers.extractive import ANAPHOR
from assistant.answers.models import Answer, Citation
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
from assistant.privacy import redact

K = 5
SPLITS = ("dev", "test")


@dataclass(frozen=True)
class AnswerSummary:
    """What a clinician would read, judged against the labelled answer posts.

    - answer_rate: in-scope questions answered (fully or partly) rather than declined;
    - cited_right: in-scope questions whose answer cites at least one labelled post;
    - citation_precision: cited posts that are labelled answer posts (over answered ones);
    - first_cited_right: answered questions whose first citation is a labelled post;
    - first_sentence_answers: in-scope questions whose first quoted sentence comes from a
      labelled post and does not open on an anaphor or connective ("That...", "But...");
    - abstention_rate: out-of-scope questions declined or answered as partial;
    - near_miss_rate: the same, near-miss questions alone (None when there are none).
    """

    answer_rate: float
    cited_right: float
    citation_precision: float
    first_cited_right: float
    first_sentence_answers: float
    abstention_rate: float
    near_miss_rate: float | None
    first_sentence_by_style: dict[str, float]


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
    near_miss: int = 0

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
    def ask(question: str) -> Answer:  # as every surface asks: identifiers out first
        return engine.explainer.ask(redact(question).text)

    in_scope = [(q, ask(q.question)) for q in questions.in_scope]
    out_scope = [(q, ask(q.question)) for q in questions.out_of_scope]
    answered = [(q, a) for q, a in in_scope if not a.abstained]
    cited = [matcher.posts_in(c.text, q.answers) for q, a in answered for c in a.citations]

    def first_right(q: LabelledQuestion, a: Answer) -> bool:
        return bool(a.citations) and bool(matcher.posts_in(first_cited(a).text, q.answers))

    def first_sentence(q: LabelledQuestion, a: Answer) -> bool:
        return not a.abstained and first_right(q, a) and not ANAPHOR.match(a.statements[0].text)

    def held(answer: Answer) -> bool:
        return answer.abstained or answer.coverage == "partial"

    near = [a for q, a in out_scope if q.near_miss]
    styles: dict[str, list[bool]] = {}
    for q, a in in_scope:
        styles.setdefault(q.style, []).append(first_sentence(q, a))
    return AnswerSummary(
        answer_rate=_share(len(answered), len(in_scope)),
        cited_right=_share(
            sum(any(matcher.posts_in(c.text, q.answers) for c in a.citations) for q, a in answered),
            len(in_scope),
        ),
        citation_precision=_share(sum(bool(found) for found in cited), len(cited)),
        first_cited_right=_share(sum(first_right(q, a) for q, a in answered), len(answered)),
        first_sentence_answers=_share(
            sum(first_sentence(q, a) for q, a in in_scope), len(in_scope)
        ),
        abstention_rate=_share(sum(held(a) for _, a in out_scope), len(out_scope)),
        near_miss_rate=_share(sum(held(a) for a in near), len(near)) if near else None,
        first_sentence_by_style={s: sum(v) / len(v) for s, v in sorted(styles.items())},
    )


def first_cited(answer: Answer) -> Citation:
    """The citation the answer's first statement names."""
    first = answer.statements[0].citation if answer.statements else 1
    return next(c for c in answer.citations if c.n == first)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def calibrate_threshold(engine: Engine, questions: RetrievalSet) -> Calibration:
    search = engine.explainer.search
    return calibrate(
        [search(q.question) for q in questions.in_scope],
        [search(q.question) for q in questions.out_of_scope],
        current=engine.index.min_relevance,
        vocabulary=engine.index.vocabulary(),
    )


def evaluate_retrieval(
    engine: Engine,
    documents: list[SourceDocument],
    questions: RetrievalSet,
    corpus_dir: Path,
) -> dict[str, RetrievalEvaluation]:
    """Each split (dev, test) scored apart with every system; `engine` must hold the corpus.

    The threshold is calibrated on dev only: test is reported, never tuned on.
    """
    matcher = PostMatcher(documents)
    chunks = [chunk for document in documents for chunk in chunk_document(document)]
    baselines: list[Ranker] = [
        StockLangChainRanker(corpus_dir, engine.embedder, K),
        BM25Ranker(chunks),
        DenseRanker(chunks, engine.embedder),
    ]
    calibration = calibrate_threshold(engine, questions.split("dev"))
    evaluations: dict[str, RetrievalEvaluation] = {}
    for name in SPLITS:
        part = questions.split(name)
        if not part.in_scope:
            continue
        cuemap = _report(
            CueMapRanker(engine.index),
            part.in_scope,
            matcher,
            answers=answer_summary(engine, part, matcher),
        )
        reports = [cuemap] + [_report(b, part.in_scope, matcher) for b in baselines]
        evaluations[name] = RetrievalEvaluation(
            systems=reports,
            calibration=calibration,
            in_scope=len(part.in_scope),
            out_of_scope=len(part.out_of_scope),
            near_miss=sum(q.near_miss for q in part.out_of_scope),
        )
    return evaluations
