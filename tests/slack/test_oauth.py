"""A second clinic installs CueMap through Slack's OAuth flow, then uses it with its own token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import SecretStr

from assistant.engine import Engine
from assistant.settings import Settings
from integrations.slack.app import build_app
from integrations.slack.oauth import bot_scopes
from integrations.slack.warmup import ModelWarmUp
from integrations.slack.wsgi import wsgi_app
from tests.slack.conftest import SIGNING_SECRET
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import AppServer, SlackSender
from tests.slack.helpers import COVERED

SECOND_CLINIC = "T0SECOND"  # the team the fake's oauth.v2.access installs into


@pytest.fixture
def oauth_slack(
    settings: Settings, fake_slack: FakeSlack, fake_engine: Engine
) -> Iterator[SlackSender]:
    oauth = settings.model_copy(
        update={
            "slack_client_id": "1111.2222",
            "slack_client_secret": SecretStr("client-secret"),
            "slack_signing_secret": SecretStr(SIGNING_SECRET),
            "slack_api_url": fake_slack.api_url,
        }
    )
    warm_up = ModelWarmUp(fake_engine).start()
    server = AppServer(
        wsgi_app(build_app(oauth, fake_engine, warm_up=warm_up), warm_up, SIGNING_SECRET)
    ).start()
    yield SlackSender(server.url, SIGNING_SECRET, fake_slack)
    server.stop()


def test_oauth_install_stores_the_workspace_token_and_uses_it(
    oauth_slack: SlackSender, fake_slack: FakeSlack
) -> None:
    page = oauth_slack.get("/slack/install")
    assert page.status == 200
    authorize = unescape(
        re.search(r'href="(https://slack.com/oauth/v2/authorize[^"]+)"', page.body.decode())[1]
    )
    query = parse_qs(urlsplit(authorize).query)
    assert query["scope"] == [",".join(bot_scopes())]
    cookie = page.headers["set-cookie"].split(";")[0]

    done = oauth_slack.get(
        f"/slack/oauth_redirect?code=one-time-code&state={query['state'][0]}",
        headers={"Cookie": cookie},
    )

    assert done.status == 200
    [exchange] = fake_slack.calls_to("oauth.v2.access")
    assert exchange.params["code"] == "one-time-code"
    oauth_slack.direct_message(COVERED, team_id=SECOND_CLINIC)
    [placeholder] = fake_slack.wait_for_calls("chat.postMessage")
    assert placeholder.headers["Authorization"] == "Bearer xoxb-installed-by-oauth"


def test_oauth_request_from_a_workspace_that_never_installed_is_not_answered(
    oauth_slack: SlackSender, fake_slack: FakeSlack
) -> None:
    reply, _ = oauth_slack.direct_message(COVERED, team_id="T0STRANGER")

    assert fake_slack.calls_to("chat.postMessage") == []
    assert reply.status == 200  # Bolt acknowledges (so Slack does not retry) and ignores it
