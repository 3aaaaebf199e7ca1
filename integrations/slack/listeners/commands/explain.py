"""`/explain QUESTION`: a private, cited answer; with no question, the topics the sources cover;
`/explain sources`: what the library holds (title, kind, date added)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from assistant.screening import screen_question
from integrations.slack.blocks.answers import answer_messages
from integrations.slack.blocks.safety import with_screening
from integrations.slack.blocks.sources import sources_message
from integrations.slack.blocks.topics import topics_message
from integrations.slack.delivery import respond_messages
from integrations.slack.error_handler import reported
from integrations.slack.escape import readable
from integrations.slack.services import services

LOOKING_IT_UP = ":mag: Looking it up in the sources…"
LIST_SOURCES = {"sources", "library", "list sources"}


def acknowledge(ack: Ack) -> None:
    ack(text=LOOKING_IT_UP, response_type="ephemeral")


@reported
def answer(body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond) -> None:
    engine = services(context).engine
    question = readable(body.get("text") or "").strip()
    if question.lower().strip(" ?.") in LIST_SOURCES:
        messages = [sources_message(engine.index.sources())]
    elif question:
        screened = screen_question(engine.safety, question)  # card first; identifiers left out
        answer = engine.explainer.ask(screened.text)
        messages = with_screening(screened, answer_messages(answer, shareable=True))
    else:
        messages = [topics_message(engine.index.topics())]
    respond_messages(respond, client, messages, user_id=body["user_id"], replace_first=True)


def register(app: App) -> None:
    app.command("/explain")(ack=acknowledge, lazy=[answer])
