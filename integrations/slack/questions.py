"""Questions asked in a DM or with an @mention: answered in a thread, the thread as context.

A follow-up in the thread ("and what about the insula?") is searched together with the
clinician's previous question there, so it is understood in context; the answer shows the
follow-up as asked. Identifiers are left out of what is searched and shown (with a notice),
and crisis language brings the safety card before the answer.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from assistant.privacy import redact
from assistant.screening import screen_question
from integrations.slack.blocks.answers import Message, answer_messages
from integrations.slack.blocks.safety import with_screening
from integrations.slack.delivery import error_code, post_messages, update_message
from integrations.slack.error_handler import friendly_message, log_failure
from integrations.slack.escape import readable
from integrations.slack.services import SlackServices

logger = logging.getLogger(__name__)

LOOKING_IT_UP = ":mag: Looking it up in the sources…"
ASSISTANT_STATUS = "is looking it up in the sources…"
HISTORY = 50


@dataclass(frozen=True)
class Asked:
    user_id: str
    channel: str
    ts: str
    thread_ts: str | None
    text: str  # as Slack sent it (escaped)
    bot_user_id: str = ""

    @classmethod
    def from_event(cls, event: dict[str, Any], bot_user_id: str | None) -> Asked:
        return cls(
            user_id=event["user"],
            channel=event["channel"],
            ts=event["ts"],
            thread_ts=event.get("thread_ts"),
            text=event.get("text") or "",
            bot_user_id=bot_user_id or "",
        )

    @property
    def question(self) -> str:
        """What was asked, the @CueMap mention itself left out."""
        text = self.text
        if self.bot_user_id:
            text = re.sub(rf"<@{re.escape(self.bot_user_id)}(\|[^>]*)?>", " ", text)
        return " ".join(readable(text).split())

    @property
    def reply_in(self) -> str:
        return self.thread_ts or self.ts


def answer_in_thread(services: SlackServices, client: WebClient, asked: Asked) -> None:
    placeholder = _show_working(services, client, asked)
    try:
        screened = screen_question(services.engine.safety, asked.question)
        searched = redact(_with_context(client, asked, asked.question)).text
        answer = services.engine.explainer.ask(searched)
        shown = dataclasses.replace(answer, question=screened.text)
        messages = with_screening(screened, answer_messages(shown))
    except Exception as error:
        log_failure(error, {"type": "event_callback", "event": {"type": "message"}})
        messages = [Message(text=friendly_message(error))]
    if placeholder is not None:
        update_message(client, asked.channel, placeholder, messages[0], user_id=asked.user_id)
        messages = messages[1:]
    post_messages(client, asked.channel, messages, user_id=asked.user_id, thread_ts=asked.reply_in)


def _show_working(services: SlackServices, client: WebClient, asked: Asked) -> str | None:
    """An assistant thread gets Slack's status line; elsewhere a placeholder to update."""
    if services.store.is_assistant_thread(asked.channel, asked.reply_in):
        try:
            client.assistant_threads_setStatus(
                channel_id=asked.channel, thread_ts=asked.reply_in, status=ASSISTANT_STATUS
            )
            return None
        except SlackApiError as exc:
            logger.info("assistant status unavailable (%s)", error_code(exc))
    posted = post_messages(
        client,
        asked.channel,
        [Message(LOOKING_IT_UP)],
        user_id=asked.user_id,
        thread_ts=asked.reply_in,
    )
    return posted[0] if posted else None


def _with_context(client: WebClient, asked: Asked, question: str) -> str:
    """The question, with the clinician's previous question in the thread when there is one."""
    if asked.thread_ts is None:
        return question
    try:
        replies = client.conversations_replies(
            channel=asked.channel, ts=asked.thread_ts, limit=HISTORY
        )["messages"]
    except SlackApiError as exc:
        logger.info("thread history unavailable (%s)", error_code(exc))
        return question
    earlier = [
        m["text"]
        for m in replies
        if m.get("user") == asked.user_id and not m.get("bot_id") and m["ts"] < asked.ts
    ]
    if not earlier:
        return question
    previous = dataclasses.replace(asked, text=earlier[-1]).question
    return f"{previous} {question}"
