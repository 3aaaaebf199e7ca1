"""A request Bolt cannot read is refused here (400, a JSON error, no traceback), and the
clinician who sent it is told, when the request is signed and says where to answer."""

from __future__ import annotations

import io
import json
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from integrations.slack.payload_shapes import Malformed, check

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
    problem: Malformed,
    environ: dict[str, Any],
    body: bytes,
    start_response: Callable[..., Any],
    signing_secret: str | None,
    client: WebClient | None,
) -> Iterable[bytes]:
    logger.warning("refused a malformed Slack request (%s)", problem)
    if signing_secret and problem.payload and _signed(environ, body, signing_secret):
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


def _signed(environ: dict[str, Any], body: bytes, secret: str) -> bool:
    headers = {
        "x-slack-request-timestamp": environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""),
        "x-slack-signature": environ.get("HTTP_X_SLACK_SIGNATURE", ""),
    }
    return SignatureVerifier(secret).is_valid_request(body, headers)


def _tell(payload: dict[str, Any], client: WebClient | None) -> None:
    """Through the request's response_url, else by direct message; a failure is only logged."""
    try:
        url = _response_url(payload)
        user = _user_id(payload)
        if url:
            WebhookClient(url).send(text=NOT_READ, response_type="ephemeral")
        elif user and client is not None:
            client.chat_postMessage(channel=user, text=NOT_READ)
    except Exception as exc:
        logger.error(
            "could not tell the clinician about a malformed request (%s)", type(exc).__name__
        )


def _response_url(payload: dict[str, Any]) -> str | None:
    url = payload.get("response_url")
    if isinstance(url, str) and url.startswith(("https://", "http://")):
        return url
    urls = payload.get("response_urls")
    first = urls[0] if isinstance(urls, list) and urls and isinstance(urls[0], dict) else {}
    url = first.get("response_url")
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


def _user_id(payload: dict[str, Any]) -> str | None:
    user = payload.get("user")
    user_id = user.get("id") if isinstance(user, dict) else payload.get("user_id")
    return user_id if isinstance(user_id, str) and user_id.isalnum() else None
