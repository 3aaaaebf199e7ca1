"""A quick-pick button: the option's label is the answer (committed before the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.ack_after_commit import commit_then_ack, recorded
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import Recorded, Withheld, clicked_in, from_action


def record_pick(
    body: dict[str, Any], client: WebClient, context: BoltContext
) -> Recorded | Withheld:
    interview, ref, extra = from_action(body, client, context)
    return interview.record(ref, str(extra.get("a", "")))


@reported
def answer_with_pick(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, _, _ = from_action(body, client, context)
    answer = recorded(context)
    if answer is not None:
        interview.follow_up(answer, clicked_in(body))


def register(app: App) -> None:
    app.action(ids.matching(ids.PICK))(ack=commit_then_ack(record_pick), lazy=[answer_with_pick])
