"""Events: @mentions, the Home tab, the AI-assistant surface."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners.events import app_home_opened, app_mention, assistant_thread


def register(app: App) -> None:
    app_mention.register(app)
    app_home_opened.register(app)
    assistant_thread.register(app)
