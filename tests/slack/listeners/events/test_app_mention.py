"""@CueMap in a ward channel: the answer comes in a thread under the mention."""

from __future__ import annotations

from tests.slack.fake_slack import BOT_USER_ID, FakeSlack
from tests.slack.harness import ALICE, WARD_CHANNEL, SlackSender
from tests.slack.helpers import COVERED, block_texts


def mention(slack: SlackSender, text: str) -> str:
    ts = slack.fake.add_user_message(WARD_CHANNEL, ALICE, text)
    slack.event(
        {
            "type": "app_mention",
            "user": ALICE,
            "channel": WARD_CHANNEL,
            "text": text,
            "ts": ts,
            "event_ts": ts,
        }
    )
    return ts


def test_mention_is_answered_in_a_thread_without_the_mention(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    ts = mention(slack, f"<@{BOT_USER_ID}> {COVERED}")

    [update] = fake_slack.wait_for_calls("chat.update")
    [placeholder] = fake_slack.calls_to("chat.postMessage")
    assert (placeholder.params["channel"], placeholder.params["thread_ts"]) == (WARD_CHANNEL, ts)
    text = block_texts(update.params["blocks"])
    assert text.startswith(f"*{COVERED}*") and "*Sources*" in text


def test_mention_without_a_question_says_how_to_ask(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    mention(slack, f"<@{BOT_USER_ID}>")

    [hint] = fake_slack.wait_for_calls("chat.postMessage")
    assert "Ask me a question after the mention" in hint.params["text"]
