"""`/cuemap start` with a label holding identifiers: start under the redacted label."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import SlackInterview, owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.listeners.commands.cuemap import started_text
from integrations.slack.services import services


@reported
def start_with_redacted_label(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    label = str(ids.decode(body["actions"][0].get("value")).get("l", ""))
    interview = SlackInterview(services(context), client, owner_of(context))
    view = interview.start(label, phi="redact")
    respond(text=started_text(view), response_type="ephemeral", replace_original=True)


def register(app: App) -> None:
    app.action(ids.START_REDACTED)(ack=ack_now, lazy=[start_with_redacted_label])
