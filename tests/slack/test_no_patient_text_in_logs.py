"""A whole interview in Slack (answers typed in the thread, one holding a name, one crisis
language) and an /explain question, with every logger at DEBUG, Bolt's and the Slack SDK's
included: none of the answers nor the question appears in any log record."""

from __future__ import annotations

import json

import pytest

from assistant.engine import Engine
from assistant.interview import Owner
from tests.privacy.test_logs_hold_no_patient_text import ANSWERS, everything_at_debug, leaks
from tests.slack.fake_slack import TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, SlackSender, find_button
from tests.slack.interview_driver import InterviewDriver, has_button

SLACK_QUESTION = "why does the Halvorsen jukebox set off craving in my patient?"


def test_logs_slack_interview_holds_no_answer_or_question_at_any_level(
    slack: SlackSender,
    fake_slack: FakeSlack,
    fake_engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    everything_at_debug(caplog)
    driver = InterviewDriver(slack, fake_slack)
    slack.command("/cuemap", "start Pt-L")
    seen = 0
    while True:
        message = driver.next_post(seen)
        seen += 1  # one by one: an episode's end posts its cues, then the next question
        if has_button(message, "iv_cues_keep"):
            driver.click(message, "iv_cues_keep")
            continue
        if has_button(message, "iv_finish"):
            driver.click(message, "iv_finish")
            break
        if has_button(message, "iv_use_redacted"):
            driver.click(message, "iv_use_redacted")
        elif has_button(message, "iv_safety_ok"):
            driver.click(message, "iv_safety_ok")
        elif has_button(message, "iv_skip"):
            question = json.loads(find_button(message.params["blocks"], "iv_skip")[1]["value"])["q"]
            if question in ANSWERS:
                driver.reply_in_thread(ANSWERS[question])
            else:
                driver.click(message, "iv_skip")
    fake_slack.wait_for_calls("files.completeUploadExternal")
    slack.command("/explain", SLACK_QUESTION)
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("response_url")) >= 2)

    [session] = fake_engine.interviews.list(Owner(TEAM_ID, ALICE))
    stored = {
        a.slot.question_id: a.text for a in fake_engine.interviews.store.answers(session.session_id)
    }
    assert stored["who"] == "with [NAME] and the tangerine van crew"  # the redacted version
    [flag] = fake_engine.interviews.store.flags(session.session_id)
    assert flag.slot.question_id == "feeling" and flag.confirmed_at is not None
    assert len(caplog.records) > 10, "the loggers were listening"
    assert leaks(caplog, [*ANSWERS.values(), SLACK_QUESTION]) == []
