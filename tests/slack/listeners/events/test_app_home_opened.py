"""The Home tab: what CueMap is and is not, the clinician's open interviews to resume."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.interview import Owner
from tests.slack.fake_slack import TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, SlackSender, dm_channel
from tests.slack.helpers import block_texts
from tests.slack.interview_driver import InterviewDriver


def open_home(slack: SlackSender, user: str = ALICE) -> None:
    slack.event(
        {"type": "app_home_opened", "user": user, "channel": dm_channel(user), "tab": "home"}
    )


def test_home_lists_open_interviews_with_resume_and_the_phi_reminder(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    for label in ("Pt-A", "client 7"):
        fake_engine.interviews.start(Owner(TEAM_ID, ALICE), label)
    finished = fake_engine.interviews.start(Owner(TEAM_ID, ALICE), "Pt-done")
    fake_engine.interviews.finish(Owner(TEAM_ID, ALICE), finished.session_id)

    open_home(slack)

    [published] = fake_slack.wait_for_calls("views.publish")
    assert published.params["user_id"] == ALICE
    home = block_texts(published.params["view"]["blocks"])
    assert "not for patients, not for emergencies" in home
    assert "*Pt-A*" in home and "*client 7*" in home and "Pt-done" not in home
    assert "Use a pseudonymous label" in home and "export the note to the EHR" in home
    resumes = [
        b["accessory"]["text"]["text"]
        for b in published.params["view"]["blocks"]
        if "accessory" in b
    ]
    assert resumes == ["Resume", "Resume"]


def test_home_resume_posts_the_current_question_in_a_new_thread(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    view = fake_engine.interviews.start(Owner(TEAM_ID, ALICE), "Pt-console")  # begun elsewhere
    open_home(slack)
    [published] = fake_slack.wait_for_calls("views.publish")

    slack.click("iv_resume_0", published.params["view"]["blocks"], channel=dm_channel(ALICE))

    question = InterviewDriver(slack, fake_slack).next_post(0)
    assert view.question is not None
    assert view.question.prompt in block_texts(question.params["blocks"])


def test_home_for_a_clinician_with_no_interviews_says_how_to_start(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    open_home(slack)

    [published] = fake_slack.wait_for_calls("views.publish")
    assert "`/cuemap start Pt-A`" in block_texts(published.params["view"]["blocks"])
