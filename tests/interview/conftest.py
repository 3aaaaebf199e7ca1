"""Interview fixtures: the engine's interview service, two clinicians, a scripted episode."""

from __future__ import annotations

import pytest

from assistant.engine import Engine
from assistant.interview import InterviewService, Owner

ALICE = Owner("T-clinic", "U-alice")
BOB = Owner("T-clinic", "U-bob")  # same workspace, another clinician
ALICE_ELSEWHERE = Owner("T-other", "U-alice")  # same user id, another workspace

# One craving episode as a clinician would type it, question by question.
EPISODE_ONE = {
    "before_craving": "Friday nights after payday at the pub with old mates, feeling lonely "
    "and shaky",
    "where": "the pub",
    "who": "old mates from the building site",
    "routine": "Friday after work",
    "feeling": "lonely since the break-up",
    "body": "shaky hands, sweating",
    "thoughts": "just one won't hurt",
    "vulnerability": "poor sleep all week",
    "craving_strength": "8",
    "attention": "only getting to the bar",
    "what_next": "went to the cash machine",
    "used": "used",
    "short_term_positive": "relief",
    "long_term_negative": "money gone by Sunday, row at home",
    "what_helped": "calling his sister",
}


@pytest.fixture
def interviews(fake_engine: Engine) -> InterviewService:
    """The service the engine builds: SQLite in the test's data dir, hashing embedder."""
    return fake_engine.interviews


def answer_episode(
    service: InterviewService, session_id: str, answers: dict[str, str], episode: int = 1
) -> None:
    for question_id, text in answers.items():
        service.answer(ALICE, session_id, question_id, text, episode)
