"""The one place a failure becomes a log line and a friendly message.

CueMapError messages are written to be shown to a clinician. Anything else is logged by
type and traceback frames only (an exception's message can quote what was typed, and
patient text never goes to the logs) and the clinician sees a short apology.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from assistant.errors import CueMapError
from integrations.slack.delivery import error_code
from integrations.slack.escape import escape_mrkdwn
from integrations.slack.response_urls import response_url_of
from integrations.slack.services import CONTEXT_KEY

logger = logging.getLogger(__name__)

SORRY = (
    ":warning: Something went wrong on CueMap's side and it has been logged. "
    "Please try again in a moment."
)


def friendly_message(error: Exception) -> str:
    if isinstance(error, CueMapError):
        return f":warning: {escape_mrkdwn(str(error))}"
    if isinstance(error, SlackApiError):
        return f":warning: Slack refused a request from CueMap ({error_code(error)})."
    return SORRY


def log_failure(error: Exception, body: dict[str, Any]) -> None:
    kind = _request_kind(body)
    if isinstance(error, CueMapError):  # its message may name a session label: not logged
        logger.info("%s while handling %s", type(error).__name__, kind)
    elif isinstance(error, SlackApiError):
        logger.error("Slack API error %s while handling %s", error_code(error), kind)
    else:
        frames = "".join(traceback.format_tb(error.__traceback__))
        logger.error("%s while handling %s\n%s", type(error).__name__, kind, frames)


def handle_error(error: Exception, body: dict[str, Any], client: WebClient) -> None:
    """What a listener's failure goes through (lazy listeners run only for verified requests)."""
    log_failure(error, body)
    tell_user(client, body, friendly_message(error))


def reported(func: Callable[..., None]) -> Callable[..., None]:
    """Route a lazy listener's exceptions through `handle_error` (Bolt would only log them).

    The listener must take `body` and `client`; Bolt injects arguments by the wrapped
    function's parameter names, so the wrapper receives them as keywords.
    """

    @functools.wraps(func)
    def run(**kwargs: Any) -> None:
        try:
            func(**kwargs)
        except Exception as error:
            handle_error(error, kwargs["body"], kwargs["client"])

    return run


def tell_user(client: WebClient, body: dict[str, Any], text: str) -> None:
    try:
        _send_privately(client, body, text)
    except SlackApiError as exc:
        logger.error("could not tell the clinician about a failure (%s)", error_code(exc))
    except Exception as exc:  # e.g. the response_url unreachable: log the kind, go on
        logger.error("could not tell the clinician about a failure (%s)", type(exc).__name__)


def _send_privately(client: WebClient, body: dict[str, Any], text: str) -> None:
    response_url = response_url_of(body, client.base_url)
    if response_url:
        WebhookClient(response_url).send(
            text=text, response_type="ephemeral", replace_original=False
        )
        return
    event = body.get("event") or {}
    user = event.get("user") or (body.get("user") or {}).get("id") or body.get("user_id")
    if event.get("channel") and user:
        client.chat_postEphemeral(
            channel=event["channel"],
            user=user,
            text=text,
            thread_ts=event.get("thread_ts") or event.get("ts"),
        )
    elif user:
        client.chat_postMessage(channel=user, text=text)


def _request_kind(body: dict[str, Any]) -> str:
    if body.get("command"):
        return f"command {body['command']}"
    if body.get("type") == "event_callback":
        return f"event {(body.get('event') or {}).get('type')}"
    actions = body.get("actions") or [{}]
    return f"{body.get('type', 'request')} {actions[0].get('action_id', '')}".strip()


def register(app: App) -> None:
    @app.error
    def on_error(
        error: Exception, body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        """The sender is told only when the request was verified: Bolt checks the signature
        before any app middleware, so CueMap's services in the context mean it passed.
        (An error in the check itself, or before it, is logged and nothing else.)"""
        if CONTEXT_KEY in context:
            handle_error(error, body, client)
        else:
            logger.error("%s before the request was verified", type(error).__name__)
