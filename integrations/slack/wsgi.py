"""The WSGI application the production server runs: Slack's endpoint and a health check."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from integrations.slack.warmup import ModelWarmUp

EVENTS_PATH = "/slack/events"  # events, slash commands and interactivity alike
HEALTH_PATH = "/healthz"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App, warm_up: ModelWarmUp) -> WSGIApp:
    """POST /slack/events to Bolt (with OAuth's install pages when configured); GET /healthz."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            return _health(warm_up, start_response)
        return slack(environ, start_response)

    return application


def _health(warm_up: ModelWarmUp, start_response: Callable[..., Any]) -> list[bytes]:
    """Up as soon as requests can be acknowledged; `model_ready` says if answers are instant."""
    body = json.dumps({"ok": True, "model_ready": warm_up.ready.is_set()}).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
