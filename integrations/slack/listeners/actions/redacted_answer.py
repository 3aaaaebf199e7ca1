"""An answer held identifiers and was not stored: use the redacted version (committed before
the ack, like any answer), or rephrase it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.ack_after_commit import commit_then_ack, recorded
from integrations.slack.blocks.interview import text_message
from integrations.slack.blocks.safety import REPHRASE
from integrations.slack.delivery import update_message
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import Recorded, Withheld, clicked_in, from_action
from integrations.slack.listeners.acks import ack_now


def record_redacted(
    body: dict[str, Any], client: WebClient, context: BoltContext
) -> Recorded | Withheld:
    interview, ref, extra = from_action(body, client, context)
    return interview.record(ref, str(extra.get("a", "")), phi="redact")


@reported
def answer_with_redacted(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, _, _ = from_action(body, client, context)
    answer = recorded(context)
    if answer is not None:
        interview.follow_up(answer, clicked_in(body))


@reported
def ask_to_rephrase(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    clicked = clicked_in(body)
    if clicked is not None:
        user = context.user_id or ""
        update_message(client, clicked.channel, clicked.ts, text_message(REPHRASE), user_id=user)


def register(app: App) -> None:
    app.action(ids.USE_REDACTED)(ack=commit_then_ack(record_redacted), lazy=[answer_with_redacted])
    app.action(ids.REPHRASE)(ack=ack_now, lazy=[ask_to_rephrase])
