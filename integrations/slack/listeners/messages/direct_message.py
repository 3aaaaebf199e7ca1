"""A message in the clinician's DM with CueMap: an interview answer or a question.

A reply in an interview's thread answers the current question (committed before the ack);
anything else is a question, answered in a thread.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack.ack_after_commit import commit_then_ack, recorded
from integrations.slack.error_handler import reported
from integrations.slack.escape import readable
from integrations.slack.interview_flow import Recorded, SlackInterview, Withheld, owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.questions import Asked, answer_in_thread
from integrations.slack.services import services
from integrations.slack.store import InterviewThread


def from_a_clinician_in_dm(event: dict[str, Any]) -> bool:
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") is None
        and event.get("bot_id") is None
        and bool(event.get("text"))
    )


def linked_session(event: dict[str, Any], context: BoltContext) -> InterviewThread | None:
    thread_ts = event.get("thread_ts")
    store = services(context).store
    return store.session_in_thread(event["channel"], thread_ts) if thread_ts else None


def record_interview_reply(
    body: dict[str, Any], client: WebClient, context: BoltContext
) -> Recorded | Withheld | None:
    """Before the ack: a reply in an interview's thread is committed as its answer."""
    event = body["event"]
    linked = linked_session(event, context)
    if linked is None:
        return None
    interview = SlackInterview(services(context), client, owner_of(context))
    return interview.record_current(linked.session_id, readable(event["text"]).strip())


@reported
def handle_direct_message(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    event = body["event"]
    shared = services(context)
    linked = linked_session(event, context)
    if linked is not None:
        interview = SlackInterview(shared, client, owner_of(context))
        interview.follow_up_reply(linked.session_id, recorded(context))
        return
    asked = Asked.from_event(event, context.bot_user_id)
    answer_in_thread(shared, client, asked)


def register(app: App) -> None:
    app.event("message", matchers=[from_a_clinician_in_dm])(
        ack=commit_then_ack(record_interview_reply), lazy=[handle_direct_message]
    )
    # Edits, deletions, CueMap's own posts: acknowledged so Slack does not retry them.
    app.event("message")(ack_now)
