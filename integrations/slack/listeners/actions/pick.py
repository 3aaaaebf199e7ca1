"""A quick-pick button: the option's label is the answer."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import clicked_in, from_action
from integrations.slack.listeners.acks import ack_now


@reported
def answer_with_pick(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, extra = from_action(body, client, context)
    interview.answer(ref, str(extra.get("a", "")), clicked_in(body))


def register(app: App) -> None:
    app.action(ids.matching(ids.PICK))(ack=ack_now, lazy=[answer_with_pick])
