"""Slack's AI-assistant surface: suggested prompts when a clinician opens a new thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack.error_handler import reported
from integrations.slack.listeners.acks import ack_now
from integrations.slack.oauth import manifest
from integrations.slack.services import services

TITLE = "Ask about craving and relapse, or map a patient's cues"


def suggested_prompts() -> list[dict[str, str]]:
    """The prompts the manifest declares, so Slack's app settings and the app agree."""
    return list(manifest()["features"]["assistant_view"]["suggested_prompts"])


@reported
def greet_thread(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    thread = body["event"]["assistant_thread"]
    services(context).store.mark_assistant_thread(thread["channel_id"], thread["thread_ts"])
    client.assistant_threads_setSuggestedPrompts(
        channel_id=thread["channel_id"],
        thread_ts=thread["thread_ts"],
        title=TITLE,
        prompts=suggested_prompts(),
    )


def register(app: App) -> None:
    app.event("assistant_thread_started")(ack=ack_now, lazy=[greet_thread])
    app.event("assistant_thread_context_changed")(ack_now)
