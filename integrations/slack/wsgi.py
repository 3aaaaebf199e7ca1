"""The WSGI application the production server runs: Slack's endpoint and a health check.

A request whose payload has not the shape Slack sends is refused before Bolt reads it, and
anything that still escapes Bolt becomes a plain error response: never a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from integrations.slack.malformed import json_response, malformed, read_body, refuse
from integrations.slack.warmup import ModelWarmUp

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"  # events, slash commands and interactivity alike
HEALTH_PATH = "/healthz"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App, warm_up: ModelWarmUp, signing_secret: str | None = None) -> WSGIApp:
    """POST /slack/events to Bolt (with OAuth's install pages when configured); GET /healthz.
    With the signing secret, the sender of a malformed but signed request is told."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            return _health(warm_up, start_response)
        if environ.get("PATH_INFO") == EVENTS_PATH and environ.get("REQUEST_METHOD") == "POST":
            body = read_body(environ)
            problem = malformed(environ, body)
            if problem is not None:
                return refuse(problem, environ, body, start_response, signing_secret, app.client)
        try:
            return slack(environ, start_response)
        except Exception as exc:  # a bug: logged by kind (no payload), answered without a trace
            logger.error("%s escaped Bolt while serving a Slack request", type(exc).__name__)
            return json_response(start_response, "500 Internal Server Error", {"error": "failed"})

    return application


def _health(warm_up: ModelWarmUp, start_response: Callable[..., Any]) -> list[bytes]:
    """Up as soon as requests can be acknowledged; `model_ready` says if answers are instant."""
    body = json.dumps({"ok": True, "model_ready": warm_up.ready.is_set()}).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
