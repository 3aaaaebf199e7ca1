"""The WSGI application the production server runs: Slack's endpoint and a health check.

First the signature: a request to Slack's endpoint that is not verified is a 401 and nothing
more (its body is neither parsed nor logged, no one is told, nothing is called). Then the
shape: a verified payload Bolt could not read is refused before Bolt reads it. Anything that
still escapes Bolt becomes a plain error response: never a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from integrations.slack.malformed import json_response, malformed, read_body, refuse
from integrations.slack.verification import verified, wsgi_headers
from integrations.slack.warmup import ModelWarmUp

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"  # events, slash commands and interactivity alike
HEALTH_PATH = "/healthz"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def wsgi_app(app: App, warm_up: ModelWarmUp, signing_secret: str) -> WSGIApp:
    """POST /slack/events to Bolt (with OAuth's install pages when configured); GET /healthz."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") == "GET":
            return _health(warm_up, start_response)
        if environ.get("PATH_INFO") == EVENTS_PATH and environ.get("REQUEST_METHOD") == "POST":
            body = read_body(environ)
            if not verified(wsgi_headers(environ), body, signing_secret):
                logger.info("refused a Slack request that is not verified")
                return json_response(start_response, "401 Unauthorized", {"error": "invalid"})
            problem = malformed(environ, body)
            if problem is not None:
                return refuse(problem, start_response, app.client)
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
