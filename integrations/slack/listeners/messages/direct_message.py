"""A message in the clinician's DM with CueMap: an interview answer or a question.

A reply in an interview's thread answers the current question; anything else is a
question, answered in a thread.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack.error_handler import reported
from integrations.slack.escape import readable
from integrations.slack.interview_flow import SlackInterview, owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.questions import Asked, answer_in_thread
from integrations.slack.services import services


def from_a_clinician_in_dm(event: dict[str, Any]) -> bool:
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") is None
        and event.get("bot_id") is None
        and bool(event.get("text"))
    )


@reported
def handle_direct_message(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    event = body["event"]
    shared = services(context)
    thread_ts = event.get("thread_ts")
    linked = shared.store.session_in_thread(event["channel"], thread_ts) if thread_ts else None
    if linked is not None:
        interview = SlackInterview(shared, client, owner_of(context))
        interview.answer_current(linked.session_id, readable(event["text"]).strip())
        return
    asked = Asked.from_event(event, context.bot_user_id)
    answer_in_thread(shared, client, asked)


def register(app: App) -> None:
    app.event("message", matchers=[from_a_clinician_in_dm])(
        ack=ack_now, lazy=[handle_direct_message]
    )
    # Edits, deletions, CueMap's own posts: acknowledged so Slack does not retry them.
    app.event("message")(ack_now)
