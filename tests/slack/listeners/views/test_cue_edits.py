"""At the end of an episode the clinician sees the cues found and keeps or edits them in Slack."""

from __future__ import annotations

import json

from assistant.engine import Engine
from assistant.interview import Owner
from tests.slack.fake_slack import TEAM_ID, Call, FakeSlack
from tests.slack.harness import ALICE, SlackSender
from tests.slack.helpers import block_texts
from tests.slack.interview_driver import InterviewDriver, has_button

ALICE_OWNS = Owner(TEAM_ID, ALICE)


def episode_to_review(driver: InterviewDriver, slack: SlackSender) -> tuple[str, Call]:
    """Start, answer the first question in the thread, skip the rest; the review message."""
    slack.command("/cuemap", "start Pt-R")
    seen = 0
    while True:
        message = driver.next_post(seen)
        seen = len(driver.thread())
        if has_button(message, "iv_cues_keep"):
            return json.loads(_value(message, "iv_cues_keep"))["s"], message
        if not has_button(message, "iv_skip"):
            continue
        if json.loads(_value(message, "iv_skip"))["q"] == "before_craving":
            driver.reply_in_thread("Payday at the pub, wasn't with his brother, slept well")
        else:
            driver.click(message, "iv_skip")


def _value(message: Call, action_id: str) -> str:
    from tests.slack.harness import find_button

    return find_button(message.params["blocks"], action_id)[1]["value"]


def test_cue_review_edit_modal_removes_recategorises_and_adds(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = InterviewDriver(slack, fake_slack)
    session_id, review = episode_to_review(driver, slack)
    shown = block_texts(review.params["blocks"])
    assert "Cues found in episode 1" in shown and "payday" in shown and "pub" in shown
    assert "brother" not in shown and "slept" not in shown  # negated; a positive state

    driver.click(review, "iv_cues_edit")
    [modal] = fake_slack.wait_for_calls("views.open")
    listed = modal.params["view"]["blocks"][-1]["element"]["initial_value"]
    assert listed.splitlines() == ["event: payday", "place: pub"]
    edited = "time: payday\nsensory: the clink of glasses"  # pub removed, payday moved
    slack.submit_view(modal.params["view"], {"cues": {"cues_text": edited}})

    settled = fake_slack.wait_for(
        lambda: [c for c in fake_slack.calls_to("chat.update") if "confirmed" in str(c.params)]
    )[0]
    assert "Cues of episode 1 confirmed: payday (time), the clink of glasses (sensory)" in str(
        settled.params
    )
    stored = fake_engine.interviews.cue_review(ALICE_OWNS, session_id, 1)
    assert stored.confirmed
    assert {(c.category, c.text, c.status) for c in stored.cues} == {
        ("time", "payday", "kept"),
        ("place", "pub", "removed"),
        ("sensory", "the clink of glasses", "kept"),
    }


def test_cue_review_keep_confirms_the_cues_as_found_and_a_bad_line_is_refused(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = InterviewDriver(slack, fake_slack)
    session_id, review = episode_to_review(driver, slack)

    driver.click(review, "iv_cues_edit")
    [modal] = fake_slack.wait_for_calls("views.open")
    refused = slack.submit_view(modal.params["view"], {"cues": {"cues_text": "feelings: sad"}})
    assert refused.json()["response_action"] == "errors"
    assert not fake_engine.interviews.cue_review(ALICE_OWNS, session_id, 1).confirmed

    driver.click(review, "iv_cues_keep")
    fake_slack.wait_for(
        lambda: fake_engine.interviews.cue_review(ALICE_OWNS, session_id, 1).confirmed
    )
    stored = fake_engine.interviews.cue_review(ALICE_OWNS, session_id, 1)
    assert {(c.text, c.status) for c in stored.cues} == {("payday", "kept"), ("pub", "kept")}
