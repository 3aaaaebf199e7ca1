"""Messages: the clinician's DM with CueMap."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners.messages import direct_message


def register(app: App) -> None:
    direct_message.register(app)
