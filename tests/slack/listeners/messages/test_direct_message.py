"""A clinician writes to CueMap in a DM: the answer comes in a thread, and follow-ups there
are understood in the context of the thread."""

from __future__ import annotations

from assistant.engine import Engine
from integrations.slack.questions import LOOKING_IT_UP
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import ALICE, SlackSender, dm_channel
from tests.slack.helpers import COVERED, block_texts, in_thread, settle

DM = dm_channel(ALICE)


def answer_updates(fake: FakeSlack, count: int = 1) -> list[dict]:
    return [c.params for c in fake.wait_for_calls("chat.update", count)]


def test_dm_question_is_answered_in_a_thread_with_sources(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    reply, asked = slack.direct_message(COVERED)

    assert reply.status == 200
    [update] = answer_updates(fake_slack)
    [placeholder] = in_thread(fake_slack, DM, asked["ts"])
    assert placeholder.params["text"] == LOOKING_IT_UP
    assert update["channel"] == DM
    text = block_texts(update["blocks"])
    for citation in fake_engine.explainer.ask(COVERED).citations:
        assert f"*[{citation.n}]*" in text and citation.thread in text


def test_dm_follow_up_in_the_thread_uses_the_thread_as_context(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    follow_up = "tell me more about that"
    assert fake_engine.explainer.ask(follow_up).abstained  # alone, it means nothing
    _, first = slack.direct_message(COVERED)
    answer_updates(fake_slack, 1)

    slack.direct_message(follow_up, thread_ts=first["ts"])

    second = answer_updates(fake_slack, 2)[1]
    text = block_texts(second["blocks"])
    assert f"*{follow_up}*" in text  # shown as asked
    assert "*Sources*" in text and "do not cover" not in text


def test_dm_mentions_and_links_in_a_question_are_echoed_as_plain_text(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    _, asked = slack.direct_message(
        f"<!channel> <@U0BOB> <https://evil.example|see this> {COVERED}"
    )

    [update] = answer_updates(fake_slack)
    text = block_texts(update["blocks"])
    assert f"*@channel [ID] see this ([URL]) {COVERED}*" in text  # identifiers left out
    [notice] = fake_slack.wait_for(
        lambda: [
            c for c in in_thread(fake_slack, DM, asked["ts"]) if "identifiers" in c.params["text"]
        ]
    )
    assert "1 web address, 1 identifying number" in notice.params["text"]
    sent = str([c.params for c in fake_slack.snapshot()])
    assert "<!channel>" not in sent and "U0BOB" not in sent and "evil.example" not in sent


def test_dm_retried_event_is_answered_once(slack: SlackSender, fake_slack: FakeSlack) -> None:
    _, asked = slack.direct_message(COVERED, event_id="Ev0SAMEQUESTION")

    retry, _ = slack.event(asked, event_id="Ev0SAMEQUESTION", retry=1)

    assert retry.status == 200
    answer_updates(fake_slack)
    settle()
    assert len(in_thread(fake_slack, DM, asked["ts"])) == 1
    assert len(fake_slack.calls_to("chat.update")) == 1


def test_dm_answer_survives_a_rate_limit(slack: SlackSender, fake_slack: FakeSlack) -> None:
    fake_slack.rate_limit_once("chat.postMessage", retry_after=1)

    slack.direct_message(COVERED)

    answer_updates(fake_slack)
    limited, accepted = fake_slack.calls_to("chat.postMessage", ok_only=False)[:2]
    assert (limited.status, accepted.status) == (429, 200)
    assert accepted.params == limited.params
    assert accepted.at - limited.at >= 1.0  # waited for Retry-After


def direct_messages_to(fake: FakeSlack, user: str) -> list[dict]:
    """Posts to a user id: Slack delivers them in the user's DM with the app."""
    return [c.params for c in fake.calls_to("chat.postMessage") if c.params["channel"] == user]


def test_dm_answer_slack_refuses_is_delivered_with_a_notice(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    fake_slack.fail_once("chat.update", "msg_too_long")

    slack.direct_message(COVERED)

    fake_slack.wait_for(lambda: len(direct_messages_to(fake_slack, ALICE)) >= 2)
    notice, rescued = direct_messages_to(fake_slack, ALICE)
    assert "Slack refused a message CueMap tried to post (msg_too_long)" in notice["text"]
    assert "*Sources*" in block_texts(rescued["blocks"])


def test_dm_that_cannot_be_answered_says_why_in_place_of_the_placeholder(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    slack.direct_message(" ")

    [update] = answer_updates(fake_slack)
    assert update["text"] == ":warning: Please type a question."
