"""@CueMap in a channel: the question is answered in a thread there."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from integrations.slack.blocks.answers import Message
from integrations.slack.delivery import post_messages
from integrations.slack.error_handler import reported
from integrations.slack.listeners.acks import ack_now
from integrations.slack.questions import Asked, answer_in_thread
from integrations.slack.services import services

HOW_TO_ASK = "Ask me a question after the mention, e.g. _@CueMap why do cues trigger craving?_"


@reported
def answer_mention(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    event = body["event"]
    if event["channel"].startswith("D"):
        return  # a DM: the message listener answers it
    asked = Asked.from_event(event, context.bot_user_id)
    if not asked.question:
        post_messages(
            client,
            asked.channel,
            [Message(HOW_TO_ASK)],
            user_id=asked.user_id,
            thread_ts=asked.reply_in,
        )
        return
    answer_in_thread(services(context), client, asked)


def register(app: App) -> None:
    app.event("app_mention")(ack=ack_now, lazy=[answer_mention])
