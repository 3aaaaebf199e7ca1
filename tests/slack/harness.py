"""Talking to the app the way Slack does: over real HTTP, form-encoded or JSON, and signed.

The app under test is the WSGI application `cuemap serve` runs, served here by wsgiref on
127.0.0.1 in a thread. Every request's round trip (Slack's "ack") is timed into ACK_TIMES.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_sdk.signature import SignatureVerifier

from tests.slack.fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack

ALICE = "U0ALICE"  # the clinician in most stories
BOB = "U0BOB"  # a colleague
WARD_CHANNEL = "C0WARD"

ACK_TIMES: list[tuple[str, float]] = []


@dataclass
class Reply:
    status: int
    body: bytes
    seconds: float
    headers: dict[str, str] = field(default_factory=dict)

    def json(self) -> dict[str, Any]:
        return json.loads(self.body) if self.body else {}


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class AppServer:
    def __init__(self, application: Any) -> None:
        self._server = make_server("127.0.0.1", 0, application, _ThreadingWSGIServer, _QuietHandler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    def start(self) -> AppServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"


@dataclass
class SlackSender:
    """Slack's side of the wire: slash commands, interactions and events, signed."""

    url: str
    signing_secret: str
    fake: FakeSlack
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    # -- raw ----------------------------------------------------------------------------------

    def post(
        self,
        body: str,
        content_type: str,
        *,
        label: str,
        headers: dict[str, str] | None = None,
        timestamp: int | None = None,
        secret: str | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        verifier = SignatureVerifier(secret or self.signing_secret)
        signed = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body),
            **(headers or {}),
        }
        request = Request(self.url + path, data=body.encode(), headers=signed, method="POST")
        return self._send(request, label)

    def get(self, path: str, headers: dict[str, str] | None = None) -> Reply:
        return self._send(Request(self.url + path, headers=headers or {}), f"GET {path}")

    def _send(self, request: Request, label: str) -> Reply:
        started = time.perf_counter()
        try:
            with urlopen(request, timeout=10) as response:
                status, body, headers = response.status, response.read(), response.headers
        except HTTPError as error:
            status, body, headers = error.code, error.read(), error.headers
        seconds = time.perf_counter() - started
        if request.get_method() == "POST":
            ACK_TIMES.append((label, seconds))
        return Reply(status, body, seconds, {k.lower(): v for k, v in headers.items()})

    # -- what Slack sends ---------------------------------------------------------------------

    def command(
        self,
        command: str,
        text: str = "",
        *,
        user: str = ALICE,
        channel: str = WARD_CHANNEL,
        **post: Any,
    ) -> tuple[Reply, str]:
        """A slash command, form-encoded as Slack sends it; also returns its response_url."""
        n = next(self._ids)
        response_url = self.fake.response_url(f"command-{n}")
        form = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "clinic",
            "channel_id": channel,
            "channel_name": "directmessage" if channel.startswith("D") else "ward",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "ACUEMAP",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": f"{n}.1111.trigger",
        }
        reply = self.post(
            urlencode(form),
            "application/x-www-form-urlencoded",
            label=f"{command} {text}".strip(),
            **post,
        )
        return reply, response_url

    def interaction(self, payload: dict[str, Any], label: str, **post: Any) -> Reply:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", label=label, **post)

    def click(
        self,
        action_id: str,
        blocks: list[dict[str, Any]],
        *,
        user: str = ALICE,
        channel: str = WARD_CHANNEL,
        message_ts: str | None = None,
        thread_ts: str | None = None,
    ) -> tuple[Reply, str]:
        """Click the button `action_id` in `blocks` (a posted message, or an ephemeral one)."""
        block, button = find_button(blocks, action_id)
        n = next(self._ids)
        response_url = self.fake.response_url(f"action-{n}")
        container: dict[str, Any] = {"type": "message", "channel_id": channel}
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "ACUEMAP",
            "token": "legacy-verification-token",
            "trigger_id": f"{n}.2222.trigger",
            "team": {"id": TEAM_ID, "domain": "clinic"},
            "enterprise": None,
            "is_enterprise_install": False,
            "channel": {"id": channel, "name": "ward"},
            "state": {"values": {}},
            "response_url": response_url,
            "actions": [
                {
                    **{k: button[k] for k in ("action_id", "text", "type") if k in button},
                    "value": button.get("value", ""),
                    "block_id": block.get("block_id", "b"),
                    "action_ts": f"{time.time():.6f}",
                }
            ],
        }
        if message_ts is None:
            container["is_ephemeral"] = True
        else:
            container.update(message_ts=message_ts, is_ephemeral=False)
            message = {"type": "message", "ts": message_ts, "blocks": blocks, "user": BOT_USER_ID}
            if thread_ts:
                container["thread_ts"] = thread_ts
                message["thread_ts"] = thread_ts
            payload["message"] = message
        payload["container"] = container
        return self.interaction(payload, label=f"click {action_id}"), response_url

    def submit_view(
        self, view: dict[str, Any], values: dict[str, dict[str, str]], *, user: str = ALICE
    ) -> Reply:
        """Submit a modal the app opened, with `values` as {block_id: {action_id: text}}."""
        n = next(self._ids)
        state = {
            block: {
                action: {"type": "plain_text_input", "value": text}
                for action, text in inputs.items()
            }
            for block, inputs in values.items()
        }
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "clinic"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": "ACUEMAP",
            "token": "legacy-verification-token",
            "trigger_id": f"{n}.3333.trigger",
            "view": {
                **view,
                "id": "VMODAL",
                "team_id": TEAM_ID,
                "state": {"values": state},
                "hash": f"h{n}",
            },
            "response_urls": [],
            "is_enterprise_install": False,
            "enterprise": None,
        }
        return self.interaction(payload, label=f"submit {view.get('callback_id')}")

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry: int | None = None,
        team_id: str = TEAM_ID,
    ) -> tuple[Reply, str]:
        event_id = event_id or f"Ev{next(self._ids):08d}"
        envelope = {
            "token": "legacy-verification-token",
            "team_id": team_id,
            "api_app_id": "ACUEMAP",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": team_id, "user_id": BOT_USER_ID, "is_bot": True}],
            "is_ext_shared_channel": False,
        }
        headers = {}
        if retry is not None:
            headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
        label = f"event {event['type']}" + (f" (retry {retry})" if retry else "")
        return self.post(
            json.dumps(envelope), "application/json", label=label, headers=headers
        ), event_id

    def direct_message(
        self, text: str, *, user: str = ALICE, thread_ts: str | None = None, **kwargs: Any
    ) -> tuple[Reply, dict[str, Any]]:
        """The clinician writes to CueMap in its DM; `text` is in Slack's wire format
        (typed &, <, > arrive as entities; mentions and links as <...> tokens)."""
        channel = dm_channel(user)
        ts = self.fake.add_user_message(channel, user, text, thread_ts)
        event = {
            "type": "message",
            "channel": channel,
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "team": TEAM_ID,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        reply, _ = self.event(event, **kwargs)
        return reply, event


def dm_channel(user: str) -> str:
    return "D" + user[1:]


def find_button(blocks: list[dict[str, Any]], action_id: str) -> tuple[dict, dict]:
    for block in blocks:
        for element in block.get("elements", []) + [block.get("accessory") or {}]:
            if element.get("action_id") == action_id:
                return block, element
    raise AssertionError(f"no button {action_id} in the message")
