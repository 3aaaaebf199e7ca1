"""The clinic handouts' own questions: answered from the handouts, with the threads indexed too.

`cuemap eval --handouts eval/handouts` indexes the handouts beside the corpus; the labelled
questions of eval/handout_questions.yaml (each handout's sections as posts) are then asked as
every surface asks them, and scored like the threads' questions, split by split.
"""

from __future__ import annotations

from dataclasses import asdict

from assistant.corpus.loader import LoadedCorpus
from assistant.engine import Engine
from assistant.evaluation.labels import EVAL_DIR, load_retrieval_set
from assistant.evaluation.matching import PostMatcher
from assistant.evaluation.retrieval_eval import SPLITS, AnswerSummary, answer_summary

HANDOUT_SET = EVAL_DIR / "handout_questions.yaml"
HANDOUT_COLUMNS = [
    "split",
    "in scope",
    "answered",
    "cited right",
    "cite prec.",
    "1st cite right",
    "out of scope",
    "declined/partial",
]


def evaluate_handouts(engine: Engine, handouts: LoadedCorpus) -> dict[str, AnswerSummary]:
    """Answer quality on the handout questions, per split; `engine` holds the handouts."""
    questions = load_retrieval_set(handouts.documents, HANDOUT_SET)
    matcher = PostMatcher(handouts.documents)
    return {
        name: answer_summary(engine, part, matcher)
        for name in SPLITS
        if (part := questions.split(name)).in_scope
    }


def handout_rows(results: dict[str, AnswerSummary], handouts: LoadedCorpus) -> list[list[str]]:
    questions = load_retrieval_set(handouts.documents, HANDOUT_SET)
    rows = []
    for name, summary in results.items():
        part = questions.split(name)
        rows.append(
            [
                name,
                str(len(part.in_scope)),
                f"{summary.answer_rate:.3f}",
                f"{summary.cited_right:.3f}",
                f"{summary.citation_precision:.3f}",
                f"{summary.first_cited_right:.3f}",
                str(len(part.out_of_scope)),
                f"{summary.abstention_rate:.3f}",
            ]
        )
    return rows


def handout_json(results: dict[str, AnswerSummary]) -> dict:
    return {name: asdict(summary) for name, summary in results.items()}
