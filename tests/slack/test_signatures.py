"""Only Slack may talk to the app: a forged or replayed request is refused and changes nothing."""

from __future__ import annotations

import time

from sqlalchemy import create_engine, select

from assistant.settings import Settings
from integrations.slack.store import seen_requests
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSender
from tests.slack.helpers import COVERED, settle


def remembered_requests(settings: Settings) -> list[str]:
    with create_engine(settings.sqlalchemy_url).connect() as db:
        return [row.key for row in db.execute(select(seen_requests))]


def test_signatures_forged_request_is_refused_without_side_effects(
    slack: SlackSender, fake_slack: FakeSlack, slack_settings: Settings
) -> None:
    before = fake_slack.snapshot()

    reply, _ = slack.command("/explain", COVERED, secret="someone-elses-signing-secret")

    assert reply.status == 401
    settle()
    assert fake_slack.snapshot() == before
    assert remembered_requests(slack_settings) == []


def test_signatures_replayed_request_older_than_five_minutes_is_refused(
    slack: SlackSender, fake_slack: FakeSlack, slack_settings: Settings
) -> None:
    before = fake_slack.snapshot()

    reply, _ = slack.command("/explain", COVERED, timestamp=int(time.time()) - 6 * 60)

    assert reply.status == 401
    settle()
    assert fake_slack.snapshot() == before
    assert remembered_requests(slack_settings) == []
