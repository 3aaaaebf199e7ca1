"""The Home tab, rebuilt each time the clinician opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack.blocks.home import home_view
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import owner_of
from integrations.slack.listeners.acks import ack_now
from integrations.slack.services import services


def on_home_tab(event: dict[str, Any]) -> bool:
    return event.get("tab", "home") == "home"


@reported
def publish_home(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    owner = owner_of(context)
    sessions = services(context).engine.interviews.list(owner, include_finished=False)
    client.views_publish(user_id=owner.user_id, view=home_view(sessions))


def register(app: App) -> None:
    app.event("app_home_opened", matchers=[on_home_tab])(ack=ack_now, lazy=[publish_home])
    app.event("app_home_opened")(ack_now)  # the Messages tab: nothing to draw
