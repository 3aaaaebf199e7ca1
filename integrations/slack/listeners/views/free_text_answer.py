"""The free-text modal submitted: its text answers the question the modal was opened for
(committed before the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.ack_after_commit import commit_then_ack, recorded
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import (
    Clicked,
    Recorded,
    SlackInterview,
    Withheld,
    owner_of,
)
from integrations.slack.services import services


def record_typed_answer(
    body: dict[str, Any], client: WebClient, context: BoltContext
) -> Recorded | Withheld:
    view = body["view"]
    ref, _ = ids.QuestionRef.parse(view.get("private_metadata"))
    typed = view["state"]["values"][ids.FREE_TEXT_BLOCK][ids.FREE_TEXT_INPUT].get("value") or ""
    return SlackInterview(services(context), client, owner_of(context)).record(ref, typed)


@reported
def save_typed_answer(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    _, where = ids.QuestionRef.parse(body["view"].get("private_metadata"))
    clicked = Clicked(where["c"], where["m"]) if where.get("c") and where.get("m") else None
    answer = recorded(context)
    if answer is not None:
        SlackInterview(services(context), client, owner_of(context)).follow_up(answer, clicked)


def register(app: App) -> None:
    app.view(ids.FREE_TEXT_MODAL)(
        ack=commit_then_ack(record_typed_answer), lazy=[save_typed_answer]
    )
