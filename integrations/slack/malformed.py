"""A verified request Bolt cannot read is refused here (400, a JSON error, no traceback), and
the clinician who sent it is told, when the request says where to answer. The shape is
checked only after the signature (an unsigned body is never parsed)."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from integrations.slack.payload_shapes import Malformed, check
from integrations.slack.response_urls import response_url_of

logger = logging.getLogger(__name__)

NOT_READ = (
    ":warning: CueMap could not read that request from Slack, so nothing was changed. "
    "Please try again."
)
MAX_BODY = 1_000_000  # bytes; Slack's own payloads are far smaller


def read_body(environ: dict[str, Any]) -> bytes:
    """The request body, put back so Bolt can read it again."""
    try:
        length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_BODY)
    except ValueError:
        length = 0
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def malformed(environ: dict[str, Any], body: bytes) -> Malformed | None:
    try:
        check(body, environ.get("CONTENT_TYPE") or "")
    except Malformed as problem:
        return problem
    return None


def refuse(
    problem: Malformed, start_response: Callable[..., Any], client: WebClient
) -> Iterable[bytes]:
    """For a verified request only: a 400, and the sender told where the body says."""
    logger.warning("refused a malformed Slack request (%s)", problem)
    if problem.payload:
        threading.Thread(target=_tell, args=(problem.payload, client), daemon=True).start()
    return json_response(start_response, "400 Bad Request", {"error": "malformed request"})


def json_response(
    start_response: Callable[..., Any], status: str, document: dict[str, Any]
) -> list[bytes]:
    body = json.dumps(document).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]


def _tell(payload: dict[str, Any], client: WebClient) -> None:
    """Through the request's response_url when it is Slack's, else by direct message; a
    failure is only logged."""
    try:
        url = response_url_of(payload, client.base_url)
        user = _user_id(payload)
        if url:
            WebhookClient(url).send(text=NOT_READ, response_type="ephemeral")
        elif user:
            client.chat_postMessage(channel=user, text=NOT_READ)
    except Exception as exc:
        logger.error(
            "could not tell the clinician about a malformed request (%s)", type(exc).__name__
        )


def _user_id(payload: dict[str, Any]) -> str | None:
    user = payload.get("user")
    user_id = user.get("id") if isinstance(user, dict) else payload.get("user_id")
    return user_id if isinstance(user_id, str) and user_id.isalnum() else None
