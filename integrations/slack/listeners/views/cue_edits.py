"""The cue edit modal submitted: a malformed line is refused in the modal itself; otherwise
the list is applied and the episode's cues confirmed (after the ack)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from assistant.errors import InvalidAnswerError
from integrations.slack import ids
from integrations.slack.blocks.cue_review import parse_cue_list
from integrations.slack.error_handler import reported
from integrations.slack.interview_flow import Clicked, SlackInterview, owner_of
from integrations.slack.services import services


def _typed(body: dict[str, Any]) -> str:
    values = body["view"]["state"]["values"]
    return values.get(ids.CUES_BLOCK, {}).get(ids.CUES_INPUT, {}).get("value") or ""


def check_cue_list(ack: Ack, body: dict[str, Any]) -> None:
    try:
        parse_cue_list(_typed(body))
    except InvalidAnswerError as problem:
        ack(response_action="errors", errors={ids.CUES_BLOCK: str(problem)})
        return
    ack()


@reported
def save_cue_list(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ref, where = ids.QuestionRef.parse(body["view"].get("private_metadata"))
    clicked = Clicked(where["c"], where["m"]) if where.get("c") and where.get("m") else None
    interview = SlackInterview(services(context), client, owner_of(context))
    interview.edit_cues(ref, _typed(body), clicked)


def register(app: App) -> None:
    app.view(ids.CUES_MODAL)(ack=check_cue_list, lazy=[save_cue_list])
