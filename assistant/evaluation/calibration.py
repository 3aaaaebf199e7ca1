"""Choosing `min_relevance` from the labelled questions.

Every threshold on a grid is replayed through the same abstention rule the index uses
(coverage.assess) on the hits already retrieved. A threshold's score is answer
rate on in-scope questions plus abstention rate on out-of-scope ones, averaged with its two
grid neighbours, so that a threshold one step away from letting an out-of-scope question
through is not chosen; of equally good thresholds, the midpoint of the widest run is taken.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from assistant.retrieval.coverage import assess
from assistant.retrieval.lexical import stems
from assistant.retrieval.models import SearchResult

GRID = [round(step / 100, 2) for step in range(0, 91)]


@dataclass(frozen=True)
class ThresholdPoint:
    threshold: float
    answer_rate: float  # in-scope questions answered
    abstention_rate: float  # out-of-scope questions declined or answered as partial

    @property
    def score(self) -> float:
        return self.answer_rate + self.abstention_rate


@dataclass(frozen=True)
class Calibration:
    chosen: ThresholdPoint
    current: ThresholdPoint
    curve: list[ThresholdPoint]


def rates_at(
    threshold: float,
    in_scope: Sequence[SearchResult],
    out_of_scope: Sequence[SearchResult],
    vocabulary: Collection[str],
) -> ThresholdPoint:
    def level(result: SearchResult) -> str:
        return assess(result.query, result.hits, threshold, vocabulary, stems).level

    return ThresholdPoint(
        threshold=threshold,
        answer_rate=sum(level(r) != "none" for r in in_scope) / len(in_scope),
        abstention_rate=sum(level(r) != "full" for r in out_of_scope) / len(out_of_scope),
    )


def calibrate(
    in_scope: Sequence[SearchResult],
    out_of_scope: Sequence[SearchResult],
    current: float,
    vocabulary: Collection[str],
) -> Calibration:
    curve = [rates_at(t, in_scope, out_of_scope, vocabulary) for t in GRID]
    smoothed = _smoothed([point.score for point in curve])
    best = max(smoothed)
    runs: list[list[ThresholdPoint]] = []
    in_run = False
    for point, score in zip(curve, smoothed, strict=True):
        if score == best:
            if not in_run:
                runs.append([])
            runs[-1].append(point)
        in_run = score == best
    widest = max(runs, key=len)
    middle = round((widest[0].threshold + widest[-1].threshold) / 2, 3)
    return Calibration(
        chosen=rates_at(middle, in_scope, out_of_scope, vocabulary),
        current=rates_at(current, in_scope, out_of_scope, vocabulary),
        curve=curve,
    )


def _smoothed(scores: list[float]) -> list[float]:
    """Each score averaged with its grid neighbours (rounded, so that equal runs compare equal)."""
    return [
        round(sum(window) / len(window), 9)
        for i in range(len(scores))
        if (window := scores[max(0, i - 1) : i + 2])
    ]
