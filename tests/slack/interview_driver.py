"""A clinician working through an interview in Slack: reads the thread, clicks, replies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.harness import ALICE, Reply, SlackSender, dm_channel, find_button


def has_button(call: Call, action_id: str) -> bool:
    try:
        find_button(call.params.get("blocks") or [], action_id)
    except AssertionError:
        return False
    return True


@dataclass
class InterviewDriver:
    slack: SlackSender
    fake: FakeSlack
    user: str = ALICE

    @property
    def dm(self) -> str:
        return dm_channel(self.user)

    def root(self) -> Call:
        """The session's first DM message; the questions follow in its thread."""
        return self.fake.wait_for(
            lambda: next(
                (
                    c
                    for c in self.fake.calls_to("chat.postMessage")
                    if c.params.get("channel") == self.dm and "thread_ts" not in c.params
                ),
                None,
            )
        )

    def thread(self) -> list[Call]:
        root = self.root().reply["ts"]
        return [
            c for c in self.fake.calls_to("chat.postMessage") if c.params.get("thread_ts") == root
        ]

    def next_post(self, after: int) -> Call:
        """Wait for the thread's message number `after + 1` and return it."""
        return self.fake.wait_for(
            lambda: (posts := self.thread()) and len(posts) > after and posts[after]
        )

    def click(self, message: Call, action_id: str, user: str | None = None) -> tuple[Reply, str]:
        return self.slack.click(
            action_id,
            message.params["blocks"],
            user=user or self.user,
            channel=message.reply["channel"],
            message_ts=message.reply["ts"],
            thread_ts=message.params.get("thread_ts"),
        )

    def reply_in_thread(self, text: str, **event: Any) -> tuple[Reply, dict[str, Any]]:
        return self.slack.direct_message(
            text, user=self.user, thread_ts=self.root().reply["ts"], **event
        )
