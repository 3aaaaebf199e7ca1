"""Safety and privacy in Slack: the safety card must be confirmed before the interview goes on,
an answer or label holding identifiers is never stored (only the redacted version is shown
back), questions get the card with their answer, and erased or expired sessions leave nothing
in the database file."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

from assistant.engine import Engine
from assistant.interview import Owner
from assistant.settings import Settings
from integrations.slack import ids
from integrations.slack.blocks.safety import REPHRASE
from integrations.slack.retention import RetentionPurge
from integrations.slack.store import SlackStore
from tests.slack.fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, WARD_CHANNEL, SlackSender
from tests.slack.helpers import block_texts, buttons, posted_to
from tests.slack.interview_driver import InterviewDriver, has_button

ALICE_OWNS = Owner(TEAM_ID, ALICE)
CRISIS = "the pub, and he said he wants to end his life"
PRIVATE = "Dave Okafor rang from 07700 900123"


def started(slack: SlackSender, fake: FakeSlack, label: str = "Pt-S") -> InterviewDriver:
    driver = InterviewDriver(slack, fake)
    slack.command("/cuemap", f"start {label}")
    driver.next_post(0)
    return driver


def stored(engine: Engine) -> dict[str, str | None]:
    [session] = engine.interviews.list(ALICE_OWNS)
    return {a.slot.question_id: a.text for a in engine.interviews.store.answers(session.session_id)}


def database_bytes(settings: Settings) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(settings.data_dir.glob("cuemap.db*")))


def test_slack_crisis_answer_shows_the_card_and_waits_for_its_button(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = started(slack, fake_slack)
    driver.reply_in_thread("payday")
    driver.next_post(1)
    driver.reply_in_thread(CRISIS)

    card = driver.next_post(2)
    shown = block_texts(card.params["blocks"])
    assert "Possible crisis language" in shown and "suicidal thoughts or intent" in shown
    assert "Call or text 988" in shown and "1-800-662-4357" in shown
    assert buttons(card.params["blocks"]) == [
        "I have seen this and will follow our risk protocol — continue"
    ]

    driver.reply_in_thread("old mates")  # the next question is not out yet
    [held] = fake_slack.wait_for_calls("chat.postEphemeral")
    assert "waiting for the safety card to be confirmed" in held.params["text"]
    assert "who" not in stored(fake_engine)

    driver.click(card, "iv_safety_ok")
    next_question = driver.next_post(3)
    [settled] = fake_slack.wait_for_calls("chat.update")
    assert f"confirmed by <@{ALICE}>" in block_texts(settled.params["blocks"])
    assert "Who were they with" in block_texts(next_question.params["blocks"])
    [session] = fake_engine.interviews.list(ALICE_OWNS)
    [flag] = fake_engine.interviews.store.flags(session.session_id)
    assert (flag.kind, flag.slot.question_id) == ("suicide", "where")
    assert flag.confirmed_at is not None


def test_slack_unconfirmed_card_is_shown_again_on_resume(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    driver = started(slack, fake_slack)
    driver.reply_in_thread(CRISIS)
    driver.next_post(1)

    slack.command("/cuemap", "resume")

    again = driver.next_post(2)
    assert has_button(again, "iv_safety_ok")


def test_slack_answer_with_identifiers_is_withheld_then_rephrased_or_used_redacted(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = started(slack, fake_slack)
    driver.reply_in_thread(PRIVATE)

    withheld = driver.next_post(1)
    shown = block_texts(withheld.params["blocks"])
    assert "seems to hold identifiers (1 name, 1 phone number)" in shown
    assert "> [NAME] rang from [PHONE]" in shown
    assert buttons(withheld.params["blocks"]) == ["Use redacted", "I'll rephrase"]
    assert stored(fake_engine) == {}

    driver.click(withheld, "iv_rephrase")
    [rephrase] = fake_slack.wait_for_calls("chat.update")
    assert block_texts(rephrase.params["blocks"]) == REPHRASE
    driver.reply_in_thread(PRIVATE)
    second = driver.next_post(2)
    driver.click(second, "iv_use_redacted")
    next_question = driver.next_post(3)

    assert "Where" in block_texts(next_question.params["blocks"])
    assert stored(fake_engine) == {"before_craving": "[NAME] rang from [PHONE]"}
    sent = str(fake_slack.snapshot())
    assert "Okafor" not in sent and "07700" not in sent, "identifiers never echoed back"
    assert b"Okafor" not in database_bytes(fake_engine.settings)


def test_slack_label_with_identifiers_offers_the_redacted_label(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    _, response_url = slack.command("/cuemap", "start Dave Okafor")

    [offer] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert "That label seems to hold identifiers (1 name)" in block_texts(offer["blocks"])
    assert fake_engine.interviews.list(ALICE_OWNS) == []
    _, started_at = slack.click("iv_start_redacted", offer["blocks"])

    [done] = fake_slack.wait_for(lambda: posted_to(fake_slack, started_at))
    assert done["text"].startswith("Started *[NAME]*")
    assert [s.label for s in fake_engine.interviews.list(ALICE_OWNS)] == ["[NAME]"]
    assert "Okafor" not in str(fake_slack.snapshot())


def test_slack_explain_with_crisis_language_shows_the_card_before_the_answer(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    question = "my patient took the whole bottle of pills; why does craving come back at night?"

    _, response_url = slack.command("/explain", question)

    card, answer = fake_slack.wait_for(
        lambda: (posted := posted_to(fake_slack, response_url)) and len(posted) >= 2 and posted
    )[:2]
    assert card["replace_original"] is True
    assert "overdose or a medical emergency" in block_texts(card["blocks"])
    assert "Call 911 and give naloxone" in block_texts(card["blocks"])
    assert buttons(card["blocks"]) == []  # no session to hold: the card stands with the answer
    assert "Sources" in block_texts(answer["blocks"]) or "sources" in answer["text"]


def test_slack_mention_with_crisis_language_gets_the_card_in_its_thread(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    text = (
        f"<@{BOT_USER_ID}> my client Dave Okafor keeps cutting himself, why is the urge so strong?"
    )
    ts = slack.fake.add_user_message(WARD_CHANNEL, ALICE, text)

    slack.event(
        {"type": "app_mention", "user": ALICE, "channel": WARD_CHANNEL, "text": text, "ts": ts}
    )

    [card] = fake_slack.wait_for_calls("chat.update")  # the "looking it up" placeholder
    assert "Flagged:* self-harm" in block_texts(card.params["blocks"])
    assert "Something in this question may point to risk" in block_texts(card.params["blocks"])
    posts = fake_slack.wait_for(
        lambda: (p := [c for c in fake_slack.calls_to("chat.postMessage")]) and len(p) >= 3 and p
    )
    assert all(c.params["thread_ts"] == ts for c in posts)
    answer = block_texts(posts[1].params["blocks"])
    assert answer.startswith("*my client [NAME] keeps cutting himself")
    assert "1 name" in posts[2].params["text"] and "Okafor" not in str(fake_slack.snapshot())


def test_slack_delete_leaves_no_answer_text_in_the_database_file(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = started(slack, fake_slack, label="Pt-X")
    driver.reply_in_thread("the Marigold laundrette after the Quillan market")
    driver.next_post(1)
    assert b"Marigold laundrette" in database_bytes(fake_engine.settings)

    _, erase_at = slack.command("/cuemap", "delete Pt-X")
    [confirm] = fake_slack.wait_for(lambda: posted_to(fake_slack, erase_at))
    _, erased_at = slack.click("iv_delete_0", confirm["blocks"])
    fake_slack.wait_for(lambda: posted_to(fake_slack, erased_at))

    assert fake_engine.interviews.list(ALICE_OWNS) == []
    assert b"Marigold" not in database_bytes(fake_engine.settings)


def test_slack_retention_purge_erases_expired_sessions_and_forgets_their_threads(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = started(slack, fake_slack, label="Pt-Old")
    driver.reply_in_thread("the Marigold laundrette")
    driver.next_post(1)
    [session] = fake_engine.interviews.list(ALICE_OWNS)
    month_ago = (datetime.now(UTC) - timedelta(days=31)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(fake_engine.settings.data_dir / "cuemap.db") as db:
        db.execute("UPDATE interview_sessions SET updated_at = ?", (month_ago,))
    store = SlackStore(fake_engine.interviews.store.engine)  # type: ignore[attr-defined]

    purge = RetentionPurge(fake_engine.interviews, store, every_s=0.05).start()  # as serve does
    fake_slack.wait_for(lambda: fake_engine.interviews.list(ALICE_OWNS) == [] or None)
    purge.stop()

    assert store.thread_for_session(session.session_id) is None
    assert purge.run_once() == []
    assert b"Marigold" not in database_bytes(fake_engine.settings)


def test_slack_share_never_posts_identifiers_to_the_channel(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    value = ids.encode({"q": "why does ringing 07700 900123 set off craving?"})
    blocks = [
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": "answer_share",
                    "text": {"type": "plain_text", "text": "Share"},
                    "value": value,
                }
            ],
        }
    ]

    _, shared_at = slack.click("answer_share", blocks)

    [shared] = fake_slack.wait_for(lambda: posted_to(fake_slack, shared_at))
    assert shared["response_type"] == "in_channel"
    assert "[PHONE]" in block_texts(shared["blocks"]) and "07700" not in json.dumps(shared)


def test_slack_typed_answer_with_identifiers_is_withheld_too(
    slack: SlackSender, fake_slack: FakeSlack, fake_engine: Engine
) -> None:
    driver = started(slack, fake_slack)
    first = driver.next_post(0)
    driver.click(first, "iv_type")
    [modal] = fake_slack.wait_for_calls("views.open")

    reply = slack.submit_view(modal.params["view"], {"answer": {"answer_text": PRIVATE}})

    assert reply.status == 200  # the modal closes; the choice comes in the thread
    withheld = driver.next_post(1)
    assert "> [NAME] rang from [PHONE]" in block_texts(withheld.params["blocks"])
    assert stored(fake_engine) == {}
    driver.click(withheld, "iv_use_redacted")
    driver.next_post(2)
    assert stored(fake_engine) == {"before_craving": "[NAME] rang from [PHONE]"}
