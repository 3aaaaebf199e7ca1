"""The episode's cues: Keep these (confirmed as found), or Edit… (a modal, opened in the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.blocks.cue_review import cue_edit_modal
from integrations.slack.error_handler import handle_error, reported
from integrations.slack.interview_flow import SlackInterview, clicked_in, from_action, owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.services import services


@reported
def keep_cues(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.keep_cues(ref, clicked_in(body))


def open_cue_editor(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Runs in the ack: views.open must use the trigger id while it is fresh."""
    ack()
    try:
        ref, _ = ids.QuestionRef.parse(body["actions"][0].get("value"))
        interviews = SlackInterview(services(context), client, owner_of(context)).interviews
        review = interviews.cue_review(owner_of(context), ref.session_id, ref.episode or 1)
        clicked = clicked_in(body)
        where = {"c": clicked.channel, "m": clicked.ts} if clicked else {}
        client.views_open(
            trigger_id=body["trigger_id"], view=cue_edit_modal(review, ref.value(**where))
        )
    except Exception as error:
        handle_error(error, body, client)


def register(app: App) -> None:
    app.action(ids.CUES_KEEP)(ack=ack_now, lazy=[keep_cues])
    app.action(ids.CUES_EDIT)(open_cue_editor)
