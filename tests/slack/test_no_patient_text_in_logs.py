"""A whole interview in Slack (answers typed in the thread, one holding a name, one crisis
language) and an /explain question, then the requests that make libraries dump bodies: a
stale and a forged request carrying an answer (Bolt logs the raw body of those at INFO), and
the bot's own post coming back as an event (Bolt dumps it at DEBUG). At every log level, with
every logger listening, Bolt's and the Slack SDK's included: none of the answers nor the
question appears in any log record."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import urlencode

import pytest
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_sdk.signature import SignatureVerifier

from assistant.engine import Engine
from assistant.interview import Owner
from tests.privacy.test_logs_hold_no_patient_text import ANSWERS, every_logger_at, leaks
from tests.slack.conftest import SIGNING_SECRET
from tests.slack.fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, SlackSender, dm_channel, find_button
from tests.slack.helpers import settle
from tests.slack.interview_driver import InterviewDriver, has_button

SLACK_QUESTION = "why does the Halvorsen jukebox set off craving in my patient?"
LEVELS = [logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR]


def run_interview(slack: SlackSender, fake_slack: FakeSlack) -> None:
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


def signed_for_bolt(body: str, stamp: int, secret: str = SIGNING_SECRET) -> BoltRequest:
    signature = SignatureVerifier(secret).generate_signature(timestamp=str(stamp), body=body)
    headers = {"x-slack-request-timestamp": str(stamp), "x-slack-signature": signature}
    return BoltRequest(body=body, headers=headers)


def body_dumping_requests(slack: SlackSender, app: App) -> None:
    """Stale and forged requests (over HTTP, and straight into Bolt, behind CueMap's own
    check: after a signing-secret rotation Bolt would see them), and a self-event."""
    command = urlencode(
        {"command": "/explain", "text": ANSWERS["where"], "user_id": ALICE, "team_id": TEAM_ID}
    )
    stale = int(time.time()) - 6 * 60
    assert (
        slack.post(
            command, "application/x-www-form-urlencoded", label="stale", timestamp=stale
        ).status
        == 401
    )
    assert (
        slack.post(
            command, "application/x-www-form-urlencoded", label="forged", secret="rotated"
        ).status
        == 401
    )
    assert app.dispatch(signed_for_bolt(command, stale)).status == 401
    assert app.dispatch(signed_for_bolt(command, int(time.time()), "rotated")).status == 401
    own_post = {
        "type": "message",
        "channel": dm_channel(ALICE),
        "channel_type": "im",
        "user": BOT_USER_ID,
        "bot_id": "BCUEMAP",
        "text": f"Cue map: {ANSWERS['thoughts']}",
        "ts": "1700000099.000001",
    }
    assert slack.event(own_post)[0].status == 200


@pytest.mark.parametrize("level", LEVELS, ids=logging.getLevelName)
def test_logs_slack_interview_holds_no_answer_or_question_at_any_level(
    slack: SlackSender,
    slack_app: tuple[App, object],
    fake_slack: FakeSlack,
    fake_engine: Engine,
    caplog: pytest.LogCaptureFixture,
    level: int,
) -> None:
    every_logger_at(caplog, level)
    run_interview(slack, fake_slack)
    slack.command("/explain", SLACK_QUESTION)
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("response_url")) >= 2)
    body_dumping_requests(slack, slack_app[0])
    settle()

    [session] = fake_engine.interviews.list(Owner(TEAM_ID, ALICE))
    stored = {
        a.slot.question_id: a.text for a in fake_engine.interviews.store.answers(session.session_id)
    }
    assert stored["who"] == "with [NAME] and the tangerine van crew"  # the redacted version
    [flag] = fake_engine.interviews.store.flags(session.session_id)
    assert flag.slot.question_id == "feeling" and flag.confirmed_at is not None
    loggers = {record.name for record in caplog.records}
    if level <= logging.INFO:  # the records that used to carry bodies were made, and checked
        assert "slack_bolt.RequestVerification" in loggers
    if level <= logging.DEBUG:
        assert "slack_bolt.IgnoringSelfEvents" in loggers
        assert len(caplog.records) > 10, "the loggers were listening"
    assert leaks(caplog, [*ANSWERS.values(), SLACK_QUESTION]) == []
