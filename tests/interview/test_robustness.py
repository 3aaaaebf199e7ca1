"""What surfaces do around the interview: threads answering at once, logs that hold no answers."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.interview import InterviewService
from tests.interview.conftest import ALICE, EPISODE_ONE


def test_interview_answers_from_many_threads_are_each_stored_once(
    interviews: InterviewService,
) -> None:
    sessions = [interviews.start(ALICE, f"Pt-{n}").session_id for n in range(4)]
    jobs = [(sid, qid, text) for sid in sessions for qid, text in EPISODE_ONE.items()]
    jobs += jobs[:20]  # Slack retries arriving while the first delivery is still running

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda job: interviews.answer(ALICE, job[0], job[1], job[2], 1), jobs))

    for sid in sessions:
        stored = interviews.store.answers(sid)
        assert sorted(a.slot.question_id for a in stored) == sorted(EPISODE_ONE)
        view = interviews.view(ALICE, sid)
        assert view.answered == len(EPISODE_ONE)
        assert view.question.id == "coping_1", "the cursor moved past every answered question"


def test_interview_logs_hold_no_patient_text(
    interviews: InterviewService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sid = interviews.start(ALICE, "Pt-L").session_id
    for question_id, text in EPISODE_ONE.items():
        interviews.answer(ALICE, sid, question_id, text)
    interviews.finish(ALICE, sid)
    for fmt in ("markdown", "json", "fhir"):
        interviews.export(ALICE, sid, fmt)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    leaked = [text for text in EPISODE_ONE.values() if len(text) > 4 and text in logged]
    assert leaked == []
