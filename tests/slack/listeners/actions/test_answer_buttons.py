"""The buttons under an /explain answer: feedback (no question kept) and Share in channel."""

from __future__ import annotations

from sqlalchemy import create_engine

from assistant.engine import Engine
from assistant.settings import Settings
from integrations.slack.listeners.actions.feedback import THANKS
from integrations.slack.store import SlackStore
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import ALICE, SlackSender
from tests.slack.helpers import COVERED, block_texts, buttons, posted_to


def explained(slack: SlackSender, fake: FakeSlack) -> list[dict]:
    _, response_url = slack.command("/explain", COVERED)
    [answer] = fake.wait_for(lambda: posted_to(fake, response_url))
    return answer["blocks"]


def test_feedback_vote_is_recorded_with_sources_not_the_question(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine, slack_settings: Settings
) -> None:
    blocks = explained(slack, fake_slack)

    _, response_url = slack.click("answer_feedback_down", blocks)

    [thanks] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert thanks["text"] == THANKS and thanks["replace_original"] is False
    [vote] = SlackStore(create_engine(slack_settings.sqlalchemy_url)).feedback_rows()
    cited = [c.chunk_id for c in fake_engine.explainer.ask(COVERED).citations]
    assert (vote["user_id"], vote["vote"], vote["chunk_ids"]) == (ALICE, "down", ",".join(cited))
    assert "brain" not in str(vote)  # nothing of the question


def test_share_posts_the_answer_for_the_channel_without_buttons(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    blocks = explained(slack, fake_slack)

    _, response_url = slack.click("answer_share", blocks)

    [shared] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert shared["response_type"] == "in_channel"
    assert f"Shared by <@{ALICE}>" in block_texts(shared["blocks"])
    assert "*Sources*" in block_texts(shared["blocks"]) and buttons(shared["blocks"]) == []
