"""Slack's 3-second deadline: requests are acknowledged even while the model is still loading,
and `cuemap serve` runs the same WSGI app under gunicorn."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pydantic import SecretStr

from assistant.engine import Engine
from assistant.settings import Settings
from integrations.slack.app import build_app
from integrations.slack.listeners.commands.explain import LOOKING_IT_UP
from integrations.slack.warmup import ModelWarmUp
from integrations.slack.wsgi import wsgi_app
from tests.fakes import HashingEmbedder
from tests.slack.conftest import BOT_TOKEN, SIGNING_SECRET
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import AppServer, Reply, SlackSender
from tests.slack.helpers import COVERED, posted_to


class SlowToLoadEmbedder:
    """The hashing embedder behind a gate: while closed, it is a model still loading."""

    dimension = HashingEmbedder.dimension

    def __init__(self) -> None:
        self._inner = HashingEmbedder()
        self.loaded = threading.Event()
        self.loaded.set()

    def embed(self, texts: list[str]) -> np.ndarray:
        assert self.loaded.wait(timeout=30)
        return self._inner.embed(texts)


@pytest.fixture
def loading(
    slack_settings: Settings, fake_slack: FakeSlack
) -> Iterator[tuple[SlackSender, SlowToLoadEmbedder]]:
    embedder = SlowToLoadEmbedder()
    engine = Engine.from_settings(slack_settings, embedder=embedder)
    engine.ingest()
    embedder.loaded.clear()  # from here on, as if the model were still loading
    warm_up = ModelWarmUp(engine)
    server = AppServer(
        wsgi_app(
            build_app(slack_settings, engine, warm_up=warm_up.start()), warm_up, SIGNING_SECRET
        )
    )
    yield SlackSender(server.start().url, SIGNING_SECRET, fake_slack), embedder
    embedder.loaded.set()
    server.stop()


def test_runtime_requests_are_acknowledged_before_the_model_has_loaded(
    loading: tuple[SlackSender, SlowToLoadEmbedder], fake_slack: FakeSlack
) -> None:
    slack, embedder = loading

    health = slack.get("/healthz")
    reply, response_url = slack.command("/explain", COVERED)

    assert health.json() == {"ok": True, "model_ready": False}
    assert reply.status == 200 and reply.json()["text"] == LOOKING_IT_UP
    assert posted_to(fake_slack, response_url) == []  # the answer waits for the model
    embedder.loaded.set()
    fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    fake_slack.wait_for(lambda: slack.get("/healthz").json()["model_ready"])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[SlackSender]:
    """`cuemap serve --port N` in its own process, configured only through the environment."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "CUEMAP_"))},
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "CUEMAP_DATA_DIR": str(tmp_path / "data"),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from assistant.cli import main; main()",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    slack = SlackSender(f"http://127.0.0.1:{port}", SIGNING_SECRET, fake_slack)
    try:
        wait_until_up(slack, process)
        yield slack
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(slack: SlackSender, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()[-2000:]
        try:
            if slack.get("/healthz").status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("cuemap serve did not come up")


def test_runtime_cuemap_serve_answers_slack_under_gunicorn(served: SlackSender) -> None:
    challenge = json.dumps(
        {
            "token": "t",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    )

    verified: Reply = served.post(challenge, "application/json", label="url_verification")
    forged = served.post(challenge, "application/json", label="forged", secret="wrong")

    assert verified.status == 200
    assert verified.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}
    assert forged.status == 401
    assert served.get("/healthz").json()["ok"] is True


def test_runtime_serve_without_a_way_to_reach_slack_says_what_to_set(settings: Settings) -> None:
    from integrations.slack.server import SlackNotConfiguredError, serve

    configured = settings.model_copy(update={"slack_bot_token": SecretStr(BOT_TOKEN)})

    with pytest.raises(SlackNotConfiguredError, match="SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET"):
        serve(configured)
