"""Acknowledgements: the part of a listener Slack waits for, so it does nothing slow."""

from __future__ import annotations

from slack_bolt import Ack


def ack_now(ack: Ack) -> None:
    ack()
