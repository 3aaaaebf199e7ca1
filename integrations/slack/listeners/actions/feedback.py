"""👍/👎 on an answer: the vote and the cited passages are kept, never the question."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from integrations.slack import ids
from integrations.slack.error_handler import reported
from integrations.slack.listeners.acks import ack_now
from integrations.slack.services import services

THANKS = "Thanks: your feedback was recorded (the sources the answer cited, not your question)."


@reported
def record_feedback(
    body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    vote = ids.decode(body["actions"][0].get("value"))
    if vote.get("v") not in ("up", "down"):
        return
    services(context).store.record_feedback(
        team_id=context.team_id or "",
        user_id=context.user_id or "",
        vote=vote["v"],
        chunk_ids=[str(c) for c in vote.get("c", [])],
        abstained=bool(vote.get("a")),
    )
    respond(text=THANKS, response_type="ephemeral", replace_original=False)


def register(app: App) -> None:
    app.action(ids.matching(ids.FEEDBACK))(ack=ack_now, lazy=[record_feedback])
