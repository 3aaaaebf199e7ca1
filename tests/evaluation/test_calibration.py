"""Choosing min_relevance from questions that must be answered and ones that must be declined."""

from __future__ import annotations

from assistant.corpus.models import Chunk
from assistant.evaluation.calibration import calibrate
from assistant.retrieval.lexical import stems
from assistant.retrieval.models import Hit, SearchResult

VOCABULARY = frozenset(
    stems("why do cues trigger craving insula naltrexone give capital Australia")
)
# The passage shares no word with the questions, so only its cosine (the threshold) decides.
CHUNK = Chunk("c1", "Dopamine firing shifts over time.", "s", 0, "T", "A", "", "", "", 1, 1, 1)


def _result(query: str, similarity: float) -> SearchResult:
    return SearchResult(query=query, hits=[Hit(CHUNK, similarity, similarity, 1, None)])


def test_calibration_takes_the_middle_of_the_thresholds_that_separate_best() -> None:
    covered = [_result("why do cues trigger craving?", s) for s in (0.62, 0.55, 0.41)]
    uncovered = [_result("capital of Australia?", s) for s in (0.12, 0.20)]

    calibration = calibrate(covered, uncovered, current=0.30, vocabulary=VOCABULARY)

    assert calibration.chosen.answer_rate == 1.0 and calibration.chosen.abstention_rate == 1.0
    assert calibration.chosen.threshold == 0.31  # the middle of 0.21..0.41
    assert calibration.current.threshold == 0.30


def test_calibration_keeps_declining_doses_the_passages_do_not_give() -> None:
    dose = [_result("what dose of naltrexone should I give?", 0.70)]
    covered = [_result("why do cues trigger craving?", 0.50)]

    calibration = calibrate(covered, dose, current=0.30, vocabulary=VOCABULARY)

    assert all(point.abstention_rate == 1.0 for point in calibration.curve)


def test_calibration_steps_back_from_a_threshold_that_nearly_lets_trivia_through() -> None:
    covered = [_result("why do cues trigger craving?", 0.60)] * 10
    covered.append(_result("what does the insula do?", 0.27))
    trivia = [_result("capital of Australia?", 0.26)]

    calibration = calibrate(covered, trivia, current=0.30, vocabulary=VOCABULARY)

    # 0.27 alone answers everything and declines the trivia, but 0.26 would answer it:
    # one step of margin costs the one borderline question.
    assert calibration.chosen.threshold == 0.28
    assert calibration.chosen.abstention_rate == 1.0
    assert round(calibration.chosen.answer_rate, 3) == 0.909


def test_calibration_counts_a_near_miss_answered_as_partial_as_held_back() -> None:
    covered = [_result("why do cues trigger craving?", 0.50)]
    near_miss = [_result("does varenicline stop cues triggering craving?", 0.55)]

    calibration = calibrate(covered, near_miss, current=0.30, vocabulary=VOCABULARY)

    assert calibration.current.abstention_rate == 1.0  # partial: "do not mention varenicline"
    assert calibration.current.answer_rate == 1.0
