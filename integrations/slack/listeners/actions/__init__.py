"""Buttons: answer feedback and sharing, and every interview control."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners.actions import (
    add_episode,
    back,
    cue_review,
    delete,
    export,
    feedback,
    finish,
    pause,
    pick,
    redacted_answer,
    resume,
    safety_confirm,
    share,
    skip,
    start_redacted,
    type_answer,
    why,
)

HANDLERS = (
    feedback,
    share,
    pick,
    type_answer,
    back,
    skip,
    why,
    pause,
    finish,
    add_episode,
    resume,
    export,
    delete,
    safety_confirm,
    redacted_answer,
    start_redacted,
    cue_review,
)


def register(app: App) -> None:
    for handler in HANDLERS:
        handler.register(app)
