"""Listeners grouped by Slack surface; each group registers its own handlers."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners import actions, commands, events, messages, views


def register(app: App) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    events.register(app)
    messages.register(app)  # last: its catch-all acknowledges every other message event
