"""Pause: nothing is lost; the session waits for Resume."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import from_action
from integrations.slack.listeners.acks import ack_now


@reported
def pause_interview(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.pause(ref)


def register(app: App) -> None:
    app.action(ids.PAUSE)(ack=ack_now, lazy=[pause_interview])
