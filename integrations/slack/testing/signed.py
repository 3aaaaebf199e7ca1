"""Requests as Slack sends them: form-encoded slash commands and interactions, JSON event
envelopes, each signed with the app's signing secret and posted over HTTP to one app URL.

A `Delivery` is what Slack would learn: the HTTP status (0 when no answer came back at all:
refused, reset or timed out) and how long the acknowledgement took.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from slack_sdk.signature import SignatureVerifier

from integrations.slack.testing.fake_web_api import BOT_USER_ID, TEAM_ID

EVENTS_PATH = "/slack/events"


@dataclass(frozen=True)
class Delivery:
    status: int
    seconds: float

    @property
    def acknowledged(self) -> bool:
        return self.status == 200


class SignedSender:
    """Slack's side of the wire towards one running app (`url` without a path)."""

    def __init__(self, url: str, signing_secret: str, timeout_s: float = 10.0) -> None:
        self.url = url
        self._verifier = SignatureVerifier(signing_secret)
        self._timeout_s = timeout_s

    def slash_command(
        self, command: str, text: str, *, user: str, channel: str, response_url: str
    ) -> Delivery:
        form = {
            "team_id": TEAM_ID,
            "team_domain": "clinic",
            "channel_id": channel,
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "ACUEMAP",
            "response_url": response_url,
            "trigger_id": f"{uuid.uuid4().hex}.trigger",
        }
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def event(self, event: dict[str, Any], *, event_id: str, retry: int = 0) -> Delivery:
        """An Events API delivery; `retry` > 0 is Slack re-sending it (X-Slack-Retry-Num)."""
        envelope = {
            "team_id": TEAM_ID,
            "api_app_id": "ACUEMAP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        return self.post(json.dumps(envelope), "application/json", headers if retry else None)

    def click(
        self, message: dict[str, Any], action_id: str, *, user: str, response_url: str
    ) -> Delivery:
        """A click on button `action_id` of `message`, a message CueMap posted (as the fake
        Web API recorded it: channel, ts, thread_ts, blocks)."""
        block, button = find_button(message.get("blocks") or [], action_id)
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "ACUEMAP",
            "trigger_id": f"{uuid.uuid4().hex}.trigger",
            "team": {"id": TEAM_ID, "domain": "clinic"},
            "channel": {"id": message["channel"], "name": "directmessage"},
            "container": {
                "type": "message",
                "channel_id": message["channel"],
                "message_ts": message["ts"],
                "thread_ts": message.get("thread_ts"),
                "is_ephemeral": False,
            },
            "message": {**message, "type": "message"},
            "state": {"values": {}},
            "response_url": response_url,
            "actions": [
                {
                    "action_id": action_id,
                    "block_id": block.get("block_id", "b"),
                    "type": button.get("type", "button"),
                    "text": button.get("text"),
                    "value": button.get("value", ""),
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded")

    def post(self, body: str, content_type: str, headers: dict[str, str] | None = None) -> Delivery:
        stamp = str(int(time.time()))
        signed = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self._verifier.generate_signature(timestamp=stamp, body=body),
            **(headers or {}),
        }
        request = Request(self.url + EVENTS_PATH, data=body.encode(), headers=signed)
        started = time.perf_counter()
        try:
            with urlopen(request, timeout=self._timeout_s) as response:
                response.read()
                status = response.status
        except HTTPError as error:
            status = error.code
        except (URLError, OSError):
            status = 0
        return Delivery(status, time.perf_counter() - started)


def find_button(blocks: list[dict[str, Any]], action_id: str) -> tuple[dict, dict]:
    """The block holding button `action_id`, and the button; KeyError when it is not there."""
    for block in blocks:
        for element in block.get("elements", []) + [block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return block, element
    raise KeyError(action_id)
