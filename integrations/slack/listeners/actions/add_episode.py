"""Add another craving episode: its questions follow in the same thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import from_action
from integrations.slack.listeners.acks import ack_now


@reported
def add_episode(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    interview, ref, _ = from_action(body, client, context)
    interview.add_episode(ref)


def register(app: App) -> None:
    app.action(ids.ADD_EPISODE)(ack=ack_now, lazy=[add_episode])
