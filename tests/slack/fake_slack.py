"""The fake Slack Web API the tests talk to; it lives in integrations/slack/testing so the
reliability drills (scripts/loadtest.py) run the same fake."""

from integrations.slack.testing.fake_web_api import BOT_USER_ID, TEAM_ID, Call, FakeSlack

__all__ = ["BOT_USER_ID", "TEAM_ID", "Call", "FakeSlack"]
