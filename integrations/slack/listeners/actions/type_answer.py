"""✏️ Type an answer: a modal, opened within the click's 3-second trigger window."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.blocks.modal import free_text_modal
from integrations.slack.error_handler import handle_error
from integrations.slack.interview_flow import clicked_in


def open_answer_modal(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    """Runs in the ack: views.open must use the trigger id while it is fresh. A failure
    (Slack refusing the modal) is told to the clinician like any other."""
    ack()
    try:
        ref, extra = ids.QuestionRef.parse(body["actions"][0].get("value"))
        clicked = clicked_in(body)
        where = {"c": clicked.channel, "m": clicked.ts} if clicked else {}
        client.views_open(
            trigger_id=body["trigger_id"],
            view=free_text_modal(str(extra.get("p", "")), ref.value(**where)),
        )
    except Exception as error:
        handle_error(error, body, client)


def register(app: App) -> None:
    app.action(ids.TYPE_ANSWER)(open_answer_modal)
