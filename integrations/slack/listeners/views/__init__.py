"""Modal submissions."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners.views import cue_edits, free_text_answer


def register(app: App) -> None:
    free_text_answer.register(app)
    cue_edits.register(app)
