"""The Slack app served over HTTP on 127.0.0.1, talking to a fake Slack Web API.

Every Block Kit payload the app sends in a test is checked against Slack's limits when the
test ends, so no test can pass while producing a message Slack would reject.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import SecretStr
from slack_bolt import App

from assistant.engine import Engine
from assistant.safety import default_guard
from assistant.settings import Settings
from integrations.slack.app import build_app
from integrations.slack.blocks.limits import problems
from integrations.slack.warmup import ModelWarmUp
from integrations.slack.wsgi import wsgi_app
from tests.slack.fake_slack import Call, FakeSlack
from tests.slack.harness import ACK_TIMES, AppServer, SlackSender

SIGNING_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
BOT_TOKEN = "xoxb-0000-cuemap-test"

SURFACES = {
    "chat.postMessage": "message",
    "chat.update": "message",
    "chat.postEphemeral": "message",
    "response_url": "message",
    "views.publish": "home",
    "views.open": "modal",
    "views.update": "modal",
    "views.push": "modal",
}


def block_kit_problems(calls: list[Call]) -> list[str]:
    found = []
    for call in calls:
        surface = SURFACES.get(call.method)
        if surface is None:
            continue
        payload: dict[str, Any] = call.params.get("view") if surface != "message" else call.params
        found += [f"{call.method}: {problem}" for problem in problems(payload or {}, surface)]
    return found


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()
    assert block_kit_problems(fake.snapshot()) == []


@pytest.fixture(scope="session", autouse=True)
def crisis_pipeline_loaded() -> None:
    """Load spaCy and medspaCy once per test session (the app's warm-up does it at start):
    the 10-second request timeouts here are about the app, not a cold import."""
    default_guard().warm_up()


@pytest.fixture
def slack_settings(settings: Settings, fake_slack: FakeSlack) -> Settings:
    return settings.model_copy(
        update={
            "slack_bot_token": SecretStr(BOT_TOKEN),
            "slack_signing_secret": SecretStr(SIGNING_SECRET),
            "slack_api_url": fake_slack.api_url,
        }
    )


@pytest.fixture
def slack_app(slack_settings: Settings, fake_engine: Engine) -> tuple[App, ModelWarmUp]:
    warm_up = ModelWarmUp(fake_engine)
    app = build_app(slack_settings, fake_engine, warm_up=warm_up)
    warm_up.start()
    return app, warm_up


@pytest.fixture
def slack(fake_slack: FakeSlack, slack_app: tuple[App, ModelWarmUp]) -> Iterator[SlackSender]:
    """Slack's side of the conversation, talking to the app over HTTP."""
    server = AppServer(wsgi_app(*slack_app, signing_secret=SIGNING_SECRET)).start()
    yield SlackSender(server.url, SIGNING_SECRET, fake_slack)
    server.stop()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not ACK_TIMES:
        return
    terminalreporter.write_sep("-", "Slack acknowledgement times (HTTP round trip)")
    kinds: dict[str, list[float]] = {}
    for label, seconds in ACK_TIMES:
        kind = "slash command" if label.startswith("/") else label.split(" ")[0]
        kinds.setdefault(kind, []).append(seconds)
    for kind, times in sorted(kinds.items()) + [("all", [s for _, s in ACK_TIMES])]:
        times.sort()
        terminalreporter.write_line(
            f"{kind:>14}: n={len(times):3d}  median {statistics.median(times) * 1000:6.1f} ms  "
            f"p95 {times[max(0, int(len(times) * 0.95) - 1)] * 1000:6.1f} ms  "
            f"max {times[-1] * 1000:6.1f} ms"
        )
    label, seconds = max(ACK_TIMES, key=lambda item: item[1])
    terminalreporter.write_line(f"slowest: {_short(label)} ({seconds * 1000:.1f} ms)")


def _short(label: str, width: int = 60) -> str:
    """A request's label cut to one readable line (a test question can be 2,000 characters)."""
    if len(label) <= width:
        return label
    return f"{label[:width].rstrip()}… ({len(label):,} characters)"
