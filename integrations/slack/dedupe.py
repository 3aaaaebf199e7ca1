"""Slack retries: a request seen before is acknowledged and dropped, in every process.

Slack re-sends an event (with `X-Slack-Retry-Num`) when it thinks the first delivery was
lost. Events carry a stable `event_id`; slash commands and interactions carry a one-time
`trigger_id`. The key goes into the database, so a second process serving the same app
recognises the retry too.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltResponse

from integrations.slack.store import SlackStore

logger = logging.getLogger(__name__)


def request_key(body: dict[str, Any]) -> str | None:
    if body.get("type") == "event_callback" and body.get("event_id"):
        return f"event:{body['event_id']}"
    if body.get("trigger_id"):
        return f"trigger:{body['trigger_id']}"
    return None


def drop_repeats(store: SlackStore):
    def drop_repeated_requests(body: dict[str, Any], next) -> BoltResponse | None:  # Bolt: `next`
        key = request_key(body)
        if key is not None and not store.first_time(key):
            logger.info("dropped a repeated delivery of %s", key.split(":")[0])
            return BoltResponse(status=200, body="")
        return next()

    return drop_repeated_requests
