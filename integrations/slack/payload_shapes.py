"""The shapes of the Slack requests CueMap reads, checked before Bolt sees a request.

Bolt reads a request's payload while building its context, before any listener or error
handler runs, and a payload of the wrong shape (JSON that does not parse, a list where an
object belongs, an empty `actions`) ends in a 500 with Bolt's traceback in the server log.
Slack never sends such requests; a bug, a replay tool or someone holding the signing secret
might. These models say what Slack sends (only the fields Bolt or CueMap read; anything else
may be there), so such a request is refused cleanly instead.
"""

from __future__ import annotations

import json
from typing import Any, Literal
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError


class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow")


class Id(_Shape):
    id: StrictStr | None = None


class Authorization(_Shape):
    team_id: StrictStr | None = None
    user_id: StrictStr | None = None
    enterprise_id: StrictStr | None = None


class Action(_Shape):
    action_id: StrictStr
    value: StrictStr | None = None
    block_id: StrictStr | None = None


class Container(_Shape):
    channel_id: StrictStr | None = None
    message_ts: StrictStr | None = None
    thread_ts: StrictStr | None = None
    is_ephemeral: StrictBool | None = None


class Message(_Shape):
    ts: StrictStr | None = None
    thread_ts: StrictStr | None = None
    text: StrictStr | None = None


class InputValue(_Shape):
    value: StrictStr | None = None


class ViewState(_Shape):
    values: dict[StrictStr, dict[StrictStr, InputValue]] = {}


class View(_Shape):
    type: StrictStr
    callback_id: StrictStr
    private_metadata: StrictStr | None = None
    state: ViewState = ViewState()


class ResponseUrl(_Shape):
    response_url: StrictStr


class Interaction(_Shape):
    """`payload=` of buttons, modals, shortcuts: the user and where to answer them. Objects
    Bolt reads may be absent but never null (only `enterprise` is null in Slack's own)."""

    type: StrictStr
    user: Id = Id()
    team: Id = Id()
    enterprise: Id | None = None
    channel: Id = Id()
    container: Container = Container()
    message: Message = Message()
    response_url: StrictStr | None = None
    response_urls: list[ResponseUrl] = []
    trigger_id: StrictStr | None = None
    is_enterprise_install: StrictBool | None = None
    actions: list[Action] = []
    view: View | None = None


class BlockActions(Interaction):
    type: Literal["block_actions"]
    user: Id
    actions: list[Action] = Field(min_length=1)
    trigger_id: StrictStr


class ViewSubmission(Interaction):
    type: Literal["view_submission", "view_closed"]
    user: Id
    view: View


class Event(_Shape):
    type: StrictStr
    channel: StrictStr | None = None
    user: StrictStr | None = None
    text: StrictStr | None = None
    ts: StrictStr | None = None
    thread_ts: StrictStr | None = None
    channel_type: StrictStr | None = None
    subtype: StrictStr | None = None
    bot_id: StrictStr | None = None
    team: StrictStr | None = None
    user_team: StrictStr | None = None
    message: Message = Message()  # message_changed
    previous_message: Message = Message()  # message_deleted


class EventEnvelope(_Shape):
    """A JSON body: an event callback (or Slack's URL check)."""

    type: StrictStr
    team_id: StrictStr | None = None
    enterprise_id: StrictStr | None = None
    event_id: StrictStr | None = None
    event: Event = Event(type="none")
    authorizations: list[Authorization] = []
    is_ext_shared_channel: StrictBool | None = None


INTERACTIONS: dict[str, type[Interaction]] = {
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "view_closed": ViewSubmission,
}


class Malformed(Exception):
    """Why a request cannot be read; `payload` is what parsed of it (to find whom to tell)."""

    def __init__(self, reason: str, payload: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.payload = payload


def check(body: bytes, content_type: str) -> None:
    """Raise Malformed unless the request has the shape of what Slack sends. The body is read
    the way Bolt reads it: JSON when the content type says so or it starts with "{", else a
    form whose `payload` (the last one, if repeated) is JSON."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Malformed("the body is not UTF-8") from None
    if not text:
        return
    if content_type.split(";")[0].strip() == "application/json" or text.startswith("{"):
        _validate(EventEnvelope, _json(text, "the JSON body"))
        return
    payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
    if payload is not None:
        document = _json(payload, "payload=")
        kind = document.get("type")
        _validate(
            INTERACTIONS.get(kind, Interaction) if isinstance(kind, str) else Interaction, document
        )


def _json(text: str, where: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise Malformed(f"{where} is not JSON") from None
    if not isinstance(document, dict):
        raise Malformed(f"{where} is not a JSON object")
    return document


def _validate(model: type[_Shape], document: dict[str, Any]) -> None:
    try:
        model.model_validate(document)
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})  # names, no values
        raise Malformed(f"wrong shape at {', '.join(fields) or 'top level'}", document) from None
