"""Slack's AI-assistant surface: suggested prompts for a new thread, a status while working."""

from __future__ import annotations

from integrations.slack.listeners.events.assistant_thread import suggested_prompts
from integrations.slack.questions import ASSISTANT_STATUS, LOOKING_IT_UP
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import ALICE, SlackSender, dm_channel
from tests.slack.helpers import COVERED, block_texts

DM = dm_channel(ALICE)
THREAD = "1700000999.000100"


def test_assistant_new_thread_gets_suggested_prompts(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    slack.event(
        {
            "type": "assistant_thread_started",
            "assistant_thread": {
                "user_id": ALICE,
                "channel_id": DM,
                "thread_ts": THREAD,
                "context": {},
            },
        }
    )

    [prompts] = fake_slack.wait_for_calls("assistant.threads.setSuggestedPrompts")
    assert (prompts.params["channel_id"], prompts.params["thread_ts"]) == (DM, THREAD)
    assert prompts.params["prompts"] == suggested_prompts()
    assert [p["title"] for p in suggested_prompts()][0] == "Why do cues trigger craving?"


def test_assistant_question_in_the_thread_shows_a_status_then_the_answer(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    slack.event(
        {
            "type": "assistant_thread_started",
            "assistant_thread": {
                "user_id": ALICE,
                "channel_id": DM,
                "thread_ts": THREAD,
                "context": {},
            },
        }
    )
    fake_slack.wait_for_calls("assistant.threads.setSuggestedPrompts")

    slack.direct_message(COVERED, thread_ts=THREAD)

    [status] = fake_slack.wait_for_calls("assistant.threads.setStatus")
    assert status.params["status"] == ASSISTANT_STATUS
    [answer] = fake_slack.wait_for_calls("chat.postMessage")
    assert answer.params["thread_ts"] == THREAD
    assert answer.params["text"] != LOOKING_IT_UP and "*Sources*" in block_texts(
        answer.params["blocks"]
    )
