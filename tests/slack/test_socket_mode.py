"""Socket Mode, as the manifest turns it on by default: the app asks the fake Web API's
`apps.connections.open` where to connect, connects to a local WebSocket endpoint, and then a
slash command, an event and a button click arrive as envelopes. Each is acknowledged over the
socket at once, and answered through the (fake) Web API or the request's response_url."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr

from assistant.engine import Engine
from assistant.settings import Settings
from integrations.slack.app import build_app
from integrations.slack.server import socket_mode_handler
from integrations.slack.testing.fake_socket_mode import FakeSocketMode
from integrations.slack.warmup import ModelWarmUp
from tests.slack.fake_slack import BOT_USER_ID, TEAM_ID, Call, FakeSlack
from tests.slack.harness import ALICE, dm_channel, find_button
from tests.slack.helpers import COVERED, block_texts, posted_to

APP_TOKEN = "xapp-1-socket-mode-test"
ACK_WITHIN_S = 3.0  # Slack's limit


@pytest.fixture
def socket_mode(
    slack_settings: Settings, fake_slack: FakeSlack, fake_engine: Engine
) -> Iterator[FakeSocketMode]:
    sockets = FakeSocketMode().start()
    fake_slack.socket_mode_url = sockets.url
    settings = slack_settings.model_copy(update={"slack_app_token": SecretStr(APP_TOKEN)})
    warm_up = ModelWarmUp(fake_engine)
    app = build_app(settings, fake_engine, warm_up=warm_up)
    warm_up.start()
    handler = socket_mode_handler(app, settings)
    handler.connect()
    sockets.wait_connected()
    yield sockets
    handler.close()
    sockets.stop()


def command(name: str, text: str, response_url: str) -> dict[str, Any]:
    return {
        "token": "legacy",
        "team_id": TEAM_ID,
        "team_domain": "clinic",
        "channel_id": dm_channel(ALICE),
        "channel_name": "directmessage",
        "user_id": ALICE,
        "user_name": "alice",
        "command": name,
        "text": text,
        "api_app_id": "ACUEMAP",
        "response_url": response_url,
        "trigger_id": "1.1.socket",
    }


def acknowledged(sockets: FakeSocketMode, envelope_id: str) -> dict[str, Any]:
    seconds, ack = sockets.wait_for_ack(envelope_id)
    assert seconds < ACK_WITHIN_S
    return ack


def test_socket_mode_connects_through_apps_connections_open_with_the_app_token(
    socket_mode: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    [opened] = fake_slack.calls_to("apps.connections.open")
    assert opened.headers.get("Authorization") == f"Bearer {APP_TOKEN}"


def test_socket_mode_slash_command_is_acked_and_answered_through_its_response_url(
    socket_mode: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    response_url = fake_slack.response_url("socket-explain")

    envelope = socket_mode.send("slash_commands", command("/explain", COVERED, response_url))

    acknowledged(socket_mode, envelope)
    [answer] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert "[1]" in block_texts(answer.get("blocks") or []) + answer.get("text", "")


def test_socket_mode_event_is_acked_and_answered_in_the_dm_thread(
    socket_mode: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    ts = fake_slack.add_user_message(dm_channel(ALICE), ALICE, COVERED)
    event = {
        "type": "message",
        "channel": dm_channel(ALICE),
        "channel_type": "im",
        "user": ALICE,
        "text": COVERED,
        "ts": ts,
        "event_ts": ts,
        "team": TEAM_ID,
    }
    envelope_body = {
        "team_id": TEAM_ID,
        "api_app_id": "ACUEMAP",
        "event": event,
        "type": "event_callback",
        "event_id": "Ev0SOCKET01",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }

    envelope = socket_mode.send("events_api", envelope_body)

    acknowledged(socket_mode, envelope)

    def answer_in_thread() -> list[Call]:
        return [
            c
            for c in fake_slack.calls_to("chat.postMessage")
            if c.params.get("channel") == dm_channel(ALICE) and c.params.get("thread_ts") == ts
        ]

    assert fake_slack.wait_for(answer_in_thread)


def test_socket_mode_button_click_is_acked_and_moves_the_interview_on(
    socket_mode: FakeSocketMode, fake_slack: FakeSlack
) -> None:
    start = socket_mode.send(
        "slash_commands", command("/cuemap", "start Pt-S", fake_slack.response_url("start"))
    )
    acknowledged(socket_mode, start)
    first = fake_slack.wait_for(lambda: questions_with_skip(fake_slack))[0]

    click = socket_mode.send("interactive", skip_click(first, fake_slack.response_url("skip")))

    acknowledged(socket_mode, click)
    second = fake_slack.wait_for(lambda: questions_with_skip(fake_slack)[1:])[0]
    assert question_id(second) != question_id(first)


def questions_with_skip(fake: FakeSlack) -> list[Call]:
    found = []
    for call in fake.calls_to("chat.postMessage"):
        try:
            find_button(call.params.get("blocks") or [], "iv_skip")
        except AssertionError:
            continue
        found.append(call)
    return found


def question_id(call: Call) -> str:
    _, button = find_button(call.params["blocks"], "iv_skip")
    return json.loads(button["value"])["q"]


def skip_click(message: Call, response_url: str) -> dict[str, Any]:
    block, button = find_button(message.params["blocks"], "iv_skip")
    channel, ts = message.reply["channel"], message.reply["ts"]
    return {
        "type": "block_actions",
        "user": {"id": ALICE, "username": "alice", "team_id": TEAM_ID},
        "api_app_id": "ACUEMAP",
        "trigger_id": "2.2.socket",
        "team": {"id": TEAM_ID, "domain": "clinic"},
        "channel": {"id": channel, "name": "directmessage"},
        "container": {
            "type": "message",
            "channel_id": channel,
            "message_ts": ts,
            "thread_ts": message.params.get("thread_ts"),
            "is_ephemeral": False,
        },
        "message": {**message.params, "ts": ts, "type": "message"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": "iv_skip",
                "block_id": block.get("block_id", "b"),
                "type": "button",
                "text": button.get("text"),
                "value": button.get("value", ""),
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
