"""The evaluation as a table (rows of strings) and as JSON."""

from __future__ import annotations

from assistant.evaluation.cue_scoring import CategoryScore
from assistant.evaluation.langchain_recipe import StockLangChainRanker
from assistant.evaluation.metrics import RECALL_AT
from assistant.evaluation.retrieval_eval import RetrievalEvaluation, SystemReport

COLUMNS = [
    *(f"R@{k}" for k in RECALL_AT),
    "MRR",
    "read@500",
    "answered (in)",
    "cited right",
    "cite prec.",
    "1st cite right",
    "1st sentence",
    "declined/partial (out)",
    "near-miss",
]
NEVER_ABSTAINS = (
    "baselines never abstain: they answer every question, in scope or not; their 'answer' is "
    "their top 5 passages (cited right: a labelled post among them; cite prec.: passages "
    "holding one; 1st cite right: the first passage holds one)"
)


def _values(report: SystemReport) -> list[float | None]:
    ranking, answers = report.ranking, report.answers
    if answers is None:
        answer_values: list[float | None] = [
            1.0,
            ranking.hit_rate,
            ranking.precision,
            ranking.first_hit_rate,
            None,
            0.0,
            0.0,
        ]
    else:
        answer_values = [
            answers.answer_rate,
            answers.cited_right,
            answers.citation_precision,
            answers.first_cited_right,
            answers.first_sentence_answers,
            answers.abstention_rate,
            answers.near_miss_rate,
        ]
    return [
        *(ranking.recall[k] for k in RECALL_AT),
        ranking.mrr,
        ranking.budget_hit_rate,
        *answer_values,
    ]


def _cell(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def quality_rows(evaluation: RetrievalEvaluation) -> list[list[str]]:
    """One row per system, then CueMap's difference from the stock LangChain recipe."""
    rows = [[s.name, *(_cell(v) for v in _values(s))] for s in evaluation.systems]
    cuemap = _values(evaluation.systems[0])
    stock = _values(evaluation.system(StockLangChainRanker.name))
    deltas = [None if a is None or b is None else a - b for a, b in zip(cuemap, stock, strict=True)]
    rows.append(["CueMap − LangChain", *(_cell(d, signed=True) for d in deltas)])
    return rows


def style_table(evaluation: RetrievalEvaluation) -> tuple[list[str], list[list[str]]]:
    """Per question style (header names each style and its count): MRR and read@500 of every
    system, then how often CueMap's first sentence answers."""
    styles = evaluation.systems[0].by_style
    header = ["by style", *(f"{style} ({s.questions})" for style, s in styles.items())]
    rows = []
    for metric, value in (("MRR", "mrr"), ("read@500", "budget_hit_rate")):
        rows += [
            [
                f"{system.name} {metric}",
                *(_cell(getattr(system.by_style[style], value)) for style in styles),
            ]
            for system in evaluation.systems
        ]
    answers = evaluation.systems[0].answers
    if answers is not None:
        first = answers.first_sentence_by_style
        rows.append(
            [
                f"{evaluation.systems[0].name} 1st sentence answers",
                *(_cell(first.get(style)) for style in styles),
            ]
        )
    return header, rows


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A pipe table: readable in a terminal of any width, and pasted as is into the README."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def calibration_lines(evaluation: RetrievalEvaluation) -> list[str]:
    c = evaluation.calibration
    return [
        f"min_relevance now {c.current.threshold:.3f}: answers {c.current.answer_rate:.1%} "
        f"in scope, declines or answers partly {c.current.abstention_rate:.1%} out of scope "
        "(dev)",
        f"calibrated on dev {c.chosen.threshold:.3f}: answers {c.chosen.answer_rate:.1%} in scope, "
        f"declines {c.chosen.abstention_rate:.1%} out of scope "
        "(best sum of both, averaged with its neighbours; midpoint of the widest best run)",
    ]


def evaluation_json(evaluation: RetrievalEvaluation) -> dict:
    answers = evaluation.systems[0].answers
    return {
        "questions": {
            "in_scope": evaluation.in_scope,
            "out_of_scope": evaluation.out_of_scope,
            "near_miss": evaluation.near_miss,
        },
        "columns": COLUMNS,
        "systems": {
            s.name: dict(zip(COLUMNS, _values(s), strict=True)) for s in evaluation.systems
        },
        "mrr_by_style": {
            s.name: {style: r.mrr for style, r in s.by_style.items()} for s in evaluation.systems
        },
        "read500_by_style": {
            s.name: {style: r.budget_hit_rate for style, r in s.by_style.items()}
            for s in evaluation.systems
        },
        "first_sentence_by_style": answers.first_sentence_by_style if answers else {},
        "note": NEVER_ABSTAINS,
        "calibration": {
            "current": vars(evaluation.calibration.current),
            "chosen": vars(evaluation.calibration.chosen),
        },
    }


CUE_COLUMNS = ["category", "P", "R", "F1", "cues", "P (lexicon only)", "R", "F1"]


def cue_rows(with_model: list[CategoryScore], lexicon_only: list[CategoryScore]) -> list[list[str]]:
    """Per category: the extractor as the interview runs it, and its lexicon alone."""
    rows = []
    for full, lexical in zip(with_model, lexicon_only, strict=True):
        labelled = full.true_positives + full.false_negatives
        rows.append(
            [
                full.category,
                *(_cell(v) for v in (full.precision, full.recall, full.f1)),
                str(labelled),
                *(_cell(v) for v in (lexical.precision, lexical.recall, lexical.f1)),
            ]
        )
    return rows


def cue_json(scores: list[CategoryScore]) -> dict:
    return {
        s.category: {
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
            "tp": s.true_positives,
            "fp": s.false_positives,
            "fn": s.false_negatives,
        }
        for s in scores
    }
