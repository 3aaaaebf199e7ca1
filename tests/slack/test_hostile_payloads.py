"""Hostile and broken requests to the Slack endpoint: malformed JSON in `payload=`, wrong types,
missing fields, huge text, control characters. The app never answers with a 500 or a
traceback, and the clinician gets a clear message wherever there is one to tell."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrations.slack.malformed import NOT_READ
from tests.slack.fake_slack import TEAM_ID, FakeSlack
from tests.slack.harness import ALICE, Reply, SlackSender
from tests.slack.helpers import posted_to, settle
from tests.slack.interview_driver import InterviewDriver

FORM = "application/x-www-form-urlencoded"
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
ACTION_IDS = ["iv_pick_0", "iv_type", "iv_skip", "iv_back", "iv_why", "iv_finish", "iv_delete_0"]
ACTION_IDS += ["iv_safety_ok", "iv_use_redacted", "iv_rephrase", "iv_start_redacted"]
ACTION_IDS += ["answer_feedback_up", "answer_share", "iv_export_json_0", "iv_resume_0"]


def button_payload(action_id: str, value: Any, response_url: str) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": ALICE, "team_id": TEAM_ID},
        "team": {"id": TEAM_ID},
        "trigger_id": "1.2.hostile",
        "response_url": response_url,
        "container": {"type": "message", "channel_id": "C0WARD", "is_ephemeral": True},
        "actions": [{"action_id": action_id, "value": value, "block_id": "b"}],
    }


def event_envelope(event: dict[str, Any]) -> dict[str, Any]:
    return {"type": "event_callback", "team_id": TEAM_ID, "event_id": "Ev0HOSTILE", "event": event}


def mutated(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """The document with one field, at any depth, replaced by junk or removed."""
    target: Any = document
    while isinstance(target, dict) and target and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(target)))
        if not isinstance(target[key], (dict, list)):
            break
        target = target[key] if isinstance(target[key], dict) else {"_": target[key]}
    if isinstance(target, dict) and target:
        key = data.draw(st.sampled_from(sorted(target)))
        if data.draw(st.booleans()):
            del target[key]
        else:
            target[key] = data.draw(JSON_VALUES)
    return document


def hostile_body(data: st.DataObject, response_url: str) -> tuple[str, str]:
    kind = data.draw(st.sampled_from(["raw", "json", "button", "event", "command"]))
    if kind == "raw":
        return urlencode({"payload": data.draw(st.text(max_size=200))}), FORM
    if kind == "json":
        return urlencode({"payload": json.dumps(data.draw(JSON_VALUES))}), FORM
    if kind == "button":
        value = data.draw(st.one_of(JSON_VALUES.map(json.dumps), st.text(max_size=50)))
        payload = button_payload(data.draw(st.sampled_from(ACTION_IDS)), value, response_url)
        return urlencode({"payload": json.dumps(mutated(payload, data))}), FORM
    if kind == "event":
        text = data.draw(st.text(max_size=300))
        event = {"type": "message", "channel": "D0ALICE", "channel_type": "im", "user": ALICE}
        document = event_envelope({**event, "text": text, "ts": "1.000001"})
        return json.dumps(mutated(document, data)), "application/json"
    command = data.draw(st.sampled_from(["/cuemap", "/explain"]))
    text = data.draw(st.text(max_size=400))
    form = {"command": command, "text": text, "user_id": ALICE, "team_id": TEAM_ID}
    form["response_url"] = response_url
    return urlencode(form), FORM


def never_a_trace(reply: Reply) -> None:
    assert reply.status < 500, reply.body[:200]
    assert b"Traceback" not in reply.body and b'File "' not in reply.body


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_requests_never_get_a_500_or_a_traceback(
    slack: SlackSender, fake_slack: FakeSlack, data: st.DataObject
) -> None:
    body, content_type = hostile_body(data, fake_slack.response_url("hostile"))

    never_a_trace(slack.post(body, content_type, label="hostile"))


def test_hostile_nothing_sent_to_slack_holds_a_traceback(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    response_url = fake_slack.response_url("broken")
    for value in ['{"s": 5, "q": [1], "e": "x"}', "{not json", "\x00\x1b[2J", "9" * 3000]:
        for action_id in ACTION_IDS:
            payload = button_payload(action_id, value, response_url)
            slack.interaction(payload, label=f"click {action_id}")
    settle()
    sent = json.dumps([c.params for c in fake_slack.snapshot()])
    assert "Traceback" not in sent and 'File \\"' not in sent
    assert posted_to(fake_slack, response_url), "the clinician was told something"


@pytest.mark.parametrize(
    "broken",
    [
        {"type": "block_actions", "actions": [], "user": {"id": ALICE}},
        {"type": "block_actions", "actions": ["x"], "user": {"id": ALICE}},
        {"type": "view_submission", "view": {"state": 7}, "user": {"id": ALICE}},
        {"type": "block_actions", "team": "T0", "user": {"id": ALICE}},
    ],
    ids=["no-actions", "action-not-an-object", "view-wrong-type", "team-a-string"],
)
def test_hostile_malformed_payload_is_refused_and_the_clinician_told(
    slack: SlackSender, fake_slack: FakeSlack, broken: dict[str, Any]
) -> None:
    response_url = fake_slack.response_url("malformed")
    body = urlencode({"payload": json.dumps({**broken, "response_url": response_url})})

    reply = slack.post(body, FORM, label="malformed")

    assert reply.status == 400 and reply.json() == {"error": "malformed request"}
    [told] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert told["text"] == NOT_READ and told["response_type"] == "ephemeral"


def test_hostile_payload_that_is_not_json_is_refused(slack: SlackSender) -> None:
    reply = slack.post("payload=%7Bnot+json", FORM, label="not json")
    assert reply.status == 400 and reply.json() == {"error": "malformed request"}


def test_hostile_unsigned_malformed_request_tells_no_one(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    response_url = fake_slack.response_url("forged")
    payload = {"type": "block_actions", "actions": [], "user": {"id": ALICE}}
    body = urlencode({"payload": json.dumps({**payload, "response_url": response_url})})

    reply = slack.post(body, FORM, label="forged", secret="not-the-signing-secret")

    assert reply.status == 401  # the signature first: an unsigned body is never parsed
    settle()
    assert posted_to(fake_slack, response_url) == []


def test_hostile_wrongly_typed_button_value_gets_a_clear_message(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    response_url = fake_slack.response_url("typed")
    value = json.dumps({"s": 5, "q": ["where"], "e": "one", "a": {"x": 1}})

    reply = slack.interaction(button_payload("iv_pick_0", value, response_url), label="typed")

    assert reply.status == 200
    [told] = fake_slack.wait_for(lambda: posted_to(fake_slack, response_url))
    assert told["text"] == ":warning: No such interview session."


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("pub " * 1500, "at most 2000 characters"),
        ("\x00\x01\x1b\x7f", "An answer cannot be empty"),
    ],
    ids=["huge", "control-characters-only"],
)
def test_hostile_thread_reply_gets_a_clear_message(
    slack: SlackSender, fake_slack: FakeSlack, typed: str, message: str
) -> None:
    driver = InterviewDriver(slack, fake_slack)
    slack.command("/cuemap", "start Pt-H")
    driver.next_post(0)

    reply, _ = driver.reply_in_thread(typed)

    assert reply.status == 200
    [told] = fake_slack.wait_for_calls("chat.postEphemeral")
    assert message in told.params["text"] and told.params["user"] == ALICE


def test_hostile_control_characters_in_a_label_and_a_question_are_handled(
    slack: SlackSender, fake_slack: FakeSlack
) -> None:
    _, started_at = slack.command("/cuemap", "start Pt\x00-\x1bZ")
    _, asked_at = slack.command("/explain", "why\x00 does the cue \x07take over?" + " x" * 2000)

    [started] = fake_slack.wait_for(lambda: posted_to(fake_slack, started_at))
    assert started["text"].startswith("Started *Pt -")
    answered = fake_slack.wait_for(lambda: posted_to(fake_slack, asked_at))
    assert answered and "Traceback" not in json.dumps(answered)
