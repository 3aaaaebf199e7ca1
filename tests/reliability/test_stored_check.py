"""The drills' database check catches what it is there to catch: an acknowledged answer that
is missing, and an answer processed twice (its copy lands in the next question)."""

from __future__ import annotations

from assistant.interview import InterviewService, Owner
from assistant.settings import Settings
from integrations.slack.drills.clinician import SentAnswer
from integrations.slack.drills.stored import check_stored
from integrations.slack.testing.fake_web_api import TEAM_ID

USER = "U0CHECK"


def sent(session_id: str, question_id: str, text: str, acknowledged: bool = True) -> SentAnswer:
    return SentAnswer(USER, session_id, question_id, 1, text, acknowledged)


def test_stored_check_accepts_answers_stored_once(settings: Settings) -> None:
    interviews = InterviewService.from_settings(settings)
    session = interviews.start(Owner(TEAM_ID, USER), "Pt-A").session_id
    interviews.answer(Owner(TEAM_ID, USER), session, "before_craving", "payday")

    check = check_stored(
        settings.sqlalchemy_url,
        [sent(session, "before_craving", "payday"), sent(session, "where", "pub", False)],
    )

    assert check.exactly_once
    assert (check.acknowledged, check.stored_once, check.unacknowledged_kept) == (1, 1, 0)


def test_stored_check_flags_a_lost_and_a_doubled_answer(settings: Settings) -> None:
    owner = Owner(TEAM_ID, USER)
    interviews = InterviewService.from_settings(settings)
    session = interviews.start(owner, "Pt-B").session_id
    interviews.answer(owner, session, "before_craving", "payday")
    interviews.answer(owner, session, "where", "payday")  # the same reply processed twice

    check = check_stored(
        settings.sqlalchemy_url,
        [sent(session, "before_craving", "payday"), sent(session, "who", "old mates")],
    )

    assert not check.exactly_once
    assert (check.stored_once, check.missing, check.unexpected) == (1, 1, 1)
