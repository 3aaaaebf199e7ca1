"""The manifest an admin pastes into Slack creates an app that has everything CueMap uses."""

from __future__ import annotations

from integrations.slack.oauth import bot_scopes, manifest
from tests.slack.harness import ALICE, SlackSender

USED_SCOPES = {
    "commands",  # /explain, /cuemap
    "chat:write",  # answers, questions, cue maps
    "im:history",  # message.im, and follow-ups read from a DM thread
    "im:write",  # conversations.open for the interview DM
    "app_mentions:read",
    "channels:history",  # follow-ups under an @mention in a public channel
    "groups:history",  # ... and in a private one
    "files:write",  # exports as files
    "assistant:write",  # suggested prompts and status
}


def test_manifest_declares_commands_events_scopes_and_surfaces() -> None:
    app = manifest()

    assert {c["command"] for c in app["features"]["slash_commands"]} == {"/explain", "/cuemap"}
    assert set(bot_scopes()) == USED_SCOPES
    assert set(app["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_mention",
        "message.im",
        "assistant_thread_started",
        "assistant_thread_context_changed",
    }
    assert app["settings"]["interactivity"]["is_enabled"] is True
    assert app["settings"]["socket_mode_enabled"] is True
    assert app["features"]["app_home"]["home_tab_enabled"] is True
    assert app["features"]["app_home"]["messages_tab_enabled"] is True
    assert app["features"]["assistant_view"]["suggested_prompts"]


EVENTS = {
    "app_home_opened": {"type": "app_home_opened", "user": ALICE, "tab": "messages"},
    "app_mention": {"type": "app_mention", "user": ALICE, "channel": "D0ALICE", "text": "hi"},
    "message.im": {"type": "message", "subtype": "message_changed", "channel_type": "im"},
    "assistant_thread_started": {
        "type": "assistant_thread_started",
        "assistant_thread": {"user_id": ALICE, "channel_id": "D0ALICE", "thread_ts": "1.2"},
    },
    "assistant_thread_context_changed": {
        "type": "assistant_thread_context_changed",
        "assistant_thread": {"user_id": ALICE, "channel_id": "D0ALICE", "thread_ts": "1.2"},
    },
}


def test_manifest_every_command_and_event_it_subscribes_to_is_handled(slack: SlackSender) -> None:
    """Bolt answers 404 to what no listener handles (Slack would retry, then disable events)."""
    assert slack.event({"type": "reaction_added", "user": ALICE})[0].status == 404
    for command in manifest()["features"]["slash_commands"]:
        reply, _ = slack.command(command["command"], "help")
        assert reply.status == 200, command
    for name in manifest()["settings"]["event_subscriptions"]["bot_events"]:
        reply, _ = slack.event(EVENTS[name])
        assert reply.status == 200, name
