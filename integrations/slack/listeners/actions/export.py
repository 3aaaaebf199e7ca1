"""Export buttons: the note, FHIR QuestionnaireResponse or JSON, uploaded as a file to the DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import clicked_in, from_action
from integrations.slack.listeners.acks import ack_now


@reported
def upload_export(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    interview, ref, extra = from_action(body, client, context)
    thread = interview.export(ref.session_id, str(extra.get("f", "markdown")))
    clicked = clicked_in(body)
    if clicked is None or clicked.channel != thread.channel_id:
        respond(
            text="The file is in your DM with CueMap, in the interview's thread.",
            response_type="ephemeral",
            replace_original=False,
        )


def register(app: App) -> None:
    app.action(ids.matching(ids.EXPORT))(ack=ack_now, lazy=[upload_export])
