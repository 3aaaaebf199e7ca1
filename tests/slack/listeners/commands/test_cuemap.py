"""A clinician maps a patient's cues in Slack, from `/cuemap start` to the FHIR file.

The interview runs in the clinician's DM with CueMap: each question is a message in the
session's thread, answered with a quick pick, a reply in the thread, or the typing modal.
"""

from __future__ import annotations

import json

from assistant.engine import Engine
from assistant.interview import Owner
from integrations.slack.listeners.commands.cuemap import HELP, WORKING
from tests.slack.fake_slack import TEAM_ID, Call, FakeSlack
from tests.slack.harness import ALICE, BOB, SlackSender, find_button
from tests.slack.helpers import block_texts, posted_to, settle
from tests.slack.interview_driver import InterviewDriver, has_button

ALICE_OWNS = Owner(TEAM_ID, ALICE)
TYPED_BEFORE = "<!channel> a row with her brother about money, then <@U0BOB> texted"
TYPED_IN_MODAL = "Kitchen table & the bottle in the cupboard <b>x</b> <!here>"


def answer_everything(
    driver: InterviewDriver, fake: FakeSlack, slack: SlackSender
) -> dict[str, str]:
    """Work through the whole interview the way a clinician might; returns question -> how."""
    how: dict[str, str] = {}
    seen = 0
    while True:
        message = driver.next_post(seen)
        seen += 1  # one by one: an episode's end posts its cues, then the next question
        if has_button(message, "iv_finish_0") or has_button(message, "iv_finish"):
            return how
        if has_button(message, "iv_use_redacted"):  # the reply named someone: not stored
            driver.click(message, "iv_use_redacted")
            how["before_craving"] += ", redacted version used"
            continue
        if has_button(message, "iv_cues_keep"):
            driver.click(message, "iv_cues_keep")
            how["cues"] = "kept"
            continue
        if not has_button(message, "iv_skip"):
            continue  # an intro or a rationale, not a question
        question = json.loads(_button(message, "iv_skip")["value"])["q"]
        if question == "before_craving":
            driver.reply_in_thread(TYPED_BEFORE)
            how[question] = "thread reply"
        elif question == "where":
            driver.click(message, "iv_type")
            [modal] = fake.wait_for_calls("views.open")
            slack.submit_view(modal.params["view"], {"answer": {"answer_text": TYPED_IN_MODAL}})
            how[question] = "modal"
        elif question == "attention":
            driver.click(message, "iv_why")
            driver.next_post(seen)  # the cited rationale
            seen = len(driver.thread())
            driver.click(message, "iv_skip")
            how[question] = "why, then skip"
        elif has_button(message, "iv_pick_0"):
            driver.click(message, "iv_pick_0")
            how[question] = "quick pick " + _button(message, "iv_pick_0")["text"]["text"]
        else:
            driver.click(message, "iv_skip")
            how[question] = "skip"


def _button(message: Call, action_id: str) -> dict:
    return find_button(message.params["blocks"], action_id)[1]


def started(
    slack: SlackSender, fake: FakeSlack, label: str = "Pt-B"
) -> tuple[InterviewDriver, Call]:
    driver = InterviewDriver(slack, fake)
    slack.command("/cuemap", f"start {label}")
    return driver, driver.next_post(0)


def test_cuemap_full_interview_from_start_to_fhir_file(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = InterviewDriver(slack, fake_slack)

    reply, response_url = slack.command("/cuemap", "start Pt-A")

    assert reply.json()["text"] == WORKING["start"]
    how = answer_everything(driver, fake_slack, slack)
    ready = driver.thread()[-1]
    driver.click(ready, "iv_finish")
    cue_map = fake_slack.wait_for(
        lambda: [c for c in driver.thread() if "Cue map: Pt-A" in block_texts(c.params["blocks"])]
    )[0]
    [chain_upload] = fake_slack.wait_for_calls("files.completeUploadExternal")
    [chain] = fake_slack.uploads.values()
    driver.click(cue_map, "iv_export_fhir_0")
    completed = fake_slack.wait_for_calls("files.completeUploadExternal", count=2)[1]

    assert how["before_craving"] == "thread reply, redacted version used"
    assert how["where"] == "modal" and how["cues"] == "kept"
    assert chain.startswith(b"\x89PNG") and b"Pt-A" not in chain[:8]
    assert "-chain.png" in json.dumps(chain_upload.params)
    for upload in (chain_upload, completed):
        assert upload.params["channel_id"] == driver.dm
        assert upload.params["thread_ts"] == driver.root().reply["ts"]
    uploaded = [u for u in fake_slack.uploads.values() if u != chain][0]
    fhir = json.loads(uploaded)
    assert fhir["resourceType"] == "QuestionnaireResponse"
    assert fhir["status"] == "completed"
    exported = json.dumps(fhir, ensure_ascii=False)
    assert "@channel a row with her brother about money, then [ID] texted" in exported
    assert "U0BOB" not in exported  # only the redacted answer was stored
    assert TYPED_IN_MODAL in exported  # the modal's text is kept exactly as typed
    shown = str([c.params for c in fake_slack.calls_to("chat.update")])
    assert (
        "Kitchen table &amp; the bottle in the cupboard &lt;b&gt;x&lt;/b&gt; &lt;!here&gt;" in shown
    )
    assert "<!here>" not in shown and "<!channel>" not in str(fake_slack.snapshot())
    session = fake_engine.interviews.list(ALICE_OWNS)[0]
    assert (session.label, session.status) == ("Pt-A", "finished")
    assert "Started *Pt-A*" in block_texts(posted_to(fake_slack, response_url)[0]["blocks"])


def test_cuemap_another_clinicians_click_is_refused(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver, first_question = started(slack, fake_slack)

    reply, bobs_response_url = driver.click(first_question, "iv_pick_0", user=BOB)

    assert reply.status == 200
    [refusal] = fake_slack.wait_for(lambda: posted_to(fake_slack, bobs_response_url))
    assert refusal["response_type"] == "ephemeral"
    assert "This interview belongs to another clinician." in refusal["text"]
    settle()
    assert len(driver.thread()) == 1 and fake_slack.calls_to("chat.update") == []
    [session] = fake_engine.interviews.list(ALICE_OWNS)
    assert session.answered == 0


def test_cuemap_retried_thread_reply_is_recorded_once(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver, _ = started(slack, fake_slack)
    _, reply_event = driver.reply_in_thread("an argument at work", event_id="Ev0ANSWER1")

    slack.event(reply_event, event_id="Ev0ANSWER1", retry=1)
    slack.event(reply_event, event_id="Ev0ANSWER1", retry=2)

    second_question = driver.next_post(1)
    settle()
    assert len(driver.thread()) == 2
    assert "question 2 of" in block_texts(second_question.params["blocks"])
    [session] = fake_engine.interviews.list(ALICE_OWNS)
    assert session.answered == 1


def test_cuemap_back_skip_and_pause_keep_the_clinician_in_control(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    driver, first = started(slack, fake_slack)
    driver.click(first, "iv_skip")
    second = driver.next_post(1)

    driver.click(second, "iv_back")
    again = driver.next_post(2)
    driver.click(again, "iv_pause")
    paused = driver.next_post(3)

    assert "question 2 of" in block_texts(second.params["blocks"])
    assert block_texts(again.params["blocks"]) == block_texts(first.params["blocks"])
    assert "Paused *Pt-B* (0 of" in block_texts(paused.params["blocks"])
    assert "/cuemap resume Pt-B" in block_texts(paused.params["blocks"])


def test_cuemap_a_number_question_explains_a_wrong_answer(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    driver, first = started(slack, fake_slack)
    while "How strong was the craving" not in block_texts(driver.thread()[-1].params["blocks"]):
        count = len(driver.thread())
        driver.click(driver.thread()[-1], "iv_skip")
        driver.next_post(count)

    driver.reply_in_thread("really strong")

    [refusal] = fake_slack.wait_for_calls("chat.postEphemeral")
    assert refusal.params["user"] == ALICE and refusal.params["channel"] == driver.dm
    assert "0 to 10" in refusal.params["text"]


def test_cuemap_list_resume_and_erase(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver, first = started(slack, fake_slack, label="Pt-C")

    _, listed_at = slack.command("/cuemap", "list")
    [listing] = fake_slack.wait_for(lambda: posted_to(fake_slack, listed_at))
    slack.click("iv_resume_0", listing["blocks"])
    resumed = driver.next_post(1)
    _, erase_at = slack.command("/cuemap", "delete pt-c")
    [confirm] = fake_slack.wait_for(lambda: posted_to(fake_slack, erase_at))
    _, erased_at = slack.click("iv_delete_0", confirm["blocks"])
    [erased] = fake_slack.wait_for(lambda: posted_to(fake_slack, erased_at))

    assert "*Pt-C* · open · 0 of" in block_texts(listing["blocks"])
    assert block_texts(resumed.params["blocks"]) == block_texts(first.params["blocks"])
    assert "Erase *Pt-C*" in block_texts(confirm["blocks"])
    assert erased["text"].startswith("Erased from CueMap.")
    assert fake_engine.interviews.list(ALICE_OWNS) == []


def test_cuemap_without_a_subcommand_explains_itself(slack: SlackSender) -> None:
    reply, _ = slack.command("/cuemap")

    assert reply.json() == {"text": HELP, "response_type": "ephemeral"}


def test_cuemap_export_command_uploads_the_note_to_the_dm_thread(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    driver, _ = started(slack, fake_slack, label="Pt-D")

    _, export_at = slack.command("/cuemap", "export Pt-D")
    [offer] = fake_slack.wait_for(lambda: posted_to(fake_slack, export_at))
    _, clicked_at = slack.click("iv_export_markdown_0", offer["blocks"])

    [completed] = fake_slack.wait_for_calls("files.completeUploadExternal")
    assert (completed.params["channel_id"], completed.params["thread_ts"]) == (
        driver.dm,
        driver.root().reply["ts"],
    )
    [note] = fake_slack.uploads.values()
    assert note.decode().startswith("# Cue map: Pt-D")
    [notice] = fake_slack.wait_for(lambda: posted_to(fake_slack, clicked_at))
    assert "in your DM with CueMap" in notice["text"]


def test_cuemap_compare_posts_what_changed_and_a_chart_to_the_dm(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    interviews = fake_engine.interviews
    for answer in ("at the pub with old mates", "at home alone after an argument"):
        view = interviews.start(ALICE_OWNS, "Pt-C")
        interviews.answer(ALICE_OWNS, view.session_id, "where", answer)
        interviews.finish(ALICE_OWNS, view.session_id)

    reply, response_url = slack.command("/cuemap", "compare Pt-C")

    assert reply.json()["text"] == WORKING["compare"]
    [completed] = fake_slack.wait_for_calls("files.completeUploadExternal")
    [chart] = fake_slack.uploads.values()
    assert chart.startswith(b"\x89PNG")
    [summary] = [
        c for c in fake_slack.calls_to("chat.postMessage") if "Comparison" in c.params["text"]
    ]
    text = block_texts(summary.params["blocks"])
    assert "New:" in text and "home" in text
    assert "Resolved:" in text and "pub" in text  # "Where?" was asked again
    assert completed.params["channel_id"] == summary.params["channel"]
    [notice] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert "in your DM with CueMap" in notice["text"]


def test_cuemap_compare_with_one_session_says_there_is_nothing_to_compare(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    view = fake_engine.interviews.start(ALICE_OWNS, "Pt-E")
    fake_engine.interviews.finish(ALICE_OWNS, view.session_id)

    _, response_url = slack.command("/cuemap", "compare Pt-E")

    [told] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert "only one finished session" in told["text"] and "finish at least two" in told["text"]
    assert not fake_slack.calls_to("files.completeUploadExternal")
