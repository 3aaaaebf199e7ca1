"""Posting to Slack so that nothing is lost: a post Slack refuses is reported to the clinician.

Answers go out through the Web API (`chat.postMessage`, with rate-limit retries) or through
an interaction's `response_url`. When either fails, the clinician gets a direct message
saying so, with the content it was meant to carry.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from integrations.slack.blocks.answers import Message

logger = logging.getLogger(__name__)


def error_code(exc: SlackApiError) -> str:
    response = exc.response
    return str(response.get("error") or f"HTTP {response.status_code}")


def post_messages(
    client: WebClient,
    channel: str,
    messages: Sequence[Message],
    *,
    user_id: str,
    thread_ts: str | None = None,
) -> list[str]:
    """Post in order and return the timestamps; a refusal is reported to `user_id`."""
    posted: list[str] = []
    for message in messages:
        try:
            reply = client.chat_postMessage(
                channel=channel, thread_ts=thread_ts, **message.as_kwargs()
            )
        except SlackApiError as exc:
            rescue(client, user_id, error_code(exc), messages[len(posted) :])
            break
        posted.append(str(reply["ts"]))
    return posted


def update_message(
    client: WebClient, channel: str, ts: str, message: Message, *, user_id: str
) -> None:
    try:
        client.chat_update(channel=channel, ts=ts, **message.as_kwargs())
    except SlackApiError as exc:
        rescue(client, user_id, error_code(exc), [message])


def respond_messages(
    respond: Respond,
    client: WebClient,
    messages: Sequence[Message],
    *,
    user_id: str,
    replace_first: bool = False,
    response_type: str = "ephemeral",
) -> None:
    """Send through the interaction's response_url; on failure, reach the clinician by DM."""
    for n, message in enumerate(messages):
        reply = respond(
            response_type=response_type,
            replace_original=replace_first and n == 0,
            **message.as_kwargs(),
        )
        if reply.status_code != 200:
            rescue(client, user_id, f"HTTP {reply.status_code}", messages[n:])
            return


def rescue(client: WebClient, user_id: str, code: str, undelivered: Sequence[Message]) -> None:
    """Tell the clinician, in their DM with CueMap, that a post failed, and deliver it there."""
    logger.warning("Slack refused a post (%s); delivering by direct message", code)
    notice = f":warning: Slack refused a message CueMap tried to post ({code}). Here it is instead:"
    try:
        client.chat_postMessage(channel=user_id, text=notice)
        for message in undelivered:
            client.chat_postMessage(channel=user_id, **message.as_kwargs())
    except SlackApiError as again:
        logger.error(
            "could not reach the clinician by direct message either (%s)", error_code(again)
        )
