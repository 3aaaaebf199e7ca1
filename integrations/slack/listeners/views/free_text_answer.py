"""The free-text modal submitted: its text answers the question the modal was opened for."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import Clicked, SlackInterview, owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.services import services


@reported
def save_typed_answer(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    view = body["view"]
    ref, where = ids.QuestionRef.parse(view.get("private_metadata"))
    typed = view["state"]["values"][ids.FREE_TEXT_BLOCK][ids.FREE_TEXT_INPUT].get("value") or ""
    clicked = Clicked(where["c"], where["m"]) if where.get("c") and where.get("m") else None
    interview = SlackInterview(services(context), client, owner_of(context))
    interview.answer(ref, typed, clicked)


def register(app: App) -> None:
    app.view(ids.FREE_TEXT_MODAL)(ack=ack_now, lazy=[save_typed_answer])
