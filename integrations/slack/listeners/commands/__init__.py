"""Slash commands: /explain and /cuemap."""

from __future__ import annotations

from slack_bolt import App

from integrations.slack.listeners.commands import cuemap, explain


def register(app: App) -> None:
    explain.register(app)
    cuemap.register(app)
