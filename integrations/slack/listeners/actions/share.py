""" "Share in channel": the private answer, posted for the channel to see."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from assistant.privacy import redact
from integrations.slack import ids
from integrations.slack.blocks.answers import answer_messages
from integrations.slack.delivery import respond_messages
from integrations.slack.error_handler import reported
from integrations.slack.listeners.acks import ack_now
from integrations.slack.services import services


@reported
def share_answer(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    value = str(ids.decode(body["actions"][0].get("value")).get("q", ""))
    question = redact(value).text  # as shown privately: identifiers never reach the channel
    answer = services(context).engine.explainer.ask(question)
    user = context.user_id or ""
    messages = answer_messages(answer, interactive=False, shared_by=user)
    respond_messages(respond, client, messages, user_id=user, response_type="in_channel")


def register(app: App) -> None:
    app.action(ids.SHARE)(ack=ack_now, lazy=[share_answer])
