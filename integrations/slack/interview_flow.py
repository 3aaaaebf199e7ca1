"""The interview in Slack: each session lives in a thread of the clinician's DM with CueMap.

The interview service decides everything (which question is next, what an answer means);
this module only moves its views into messages and clicks and replies back into calls.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from assistant.interview import (
    InterviewService,
    Owner,
    SessionNotFoundError,
    SessionSummary,
    SessionView,
)
from integrations.slack.blocks.answers import Message, answer_messages
from integrations.slack.blocks.cuemap import cue_map_messages
from integrations.slack.blocks.interview import (
    answered_outcome,
    intro_message,
    paused_message,
    question_message,
    ready_message,
    settled_message,
    text_message,
)
from integrations.slack.delivery import post_messages, update_message
from integrations.slack.ids import QuestionRef
from integrations.slack.services import SlackServices, services
from integrations.slack.store import InterviewThread


@dataclass(frozen=True)
class Clicked:
    """The message a button was clicked in, when it was a real (not ephemeral) message."""

    channel: str
    ts: str


def owner_of(context: BoltContext) -> Owner:
    """The clinician behind a request: sessions belong to a user in a workspace."""
    return Owner(context.team_id or context.enterprise_id or "", context.user_id or "")


def clicked_in(body: dict[str, Any]) -> Clicked | None:
    container = body.get("container") or {}
    if container.get("is_ephemeral") or not container.get("message_ts"):
        return None
    return Clicked(container["channel_id"], container["message_ts"])


def from_action(
    body: dict[str, Any], client: WebClient, context: BoltContext
) -> tuple[SlackInterview, QuestionRef, dict[str, Any]]:
    """The interview, and what the clicked button was made for (session, question, extras)."""
    ref, extra = QuestionRef.parse(body["actions"][0].get("value"))
    return SlackInterview(services(context), client, owner_of(context)), ref, extra


class SlackInterview:
    def __init__(self, services: SlackServices, client: WebClient, owner: Owner) -> None:
        self.interviews: InterviewService = services.engine.interviews
        self.store = services.store
        self.client = client
        self.owner = owner

    # -- where a session lives ----------------------------------------------------------------

    def thread(self, view: SessionView) -> InterviewThread:
        """The session's DM thread, opened (with the intro as its first message) when needed."""
        linked = self.store.thread_for_session(view.session_id)
        if linked is not None:
            return linked
        dm = self.client.conversations_open(users=self.owner.user_id)["channel"]["id"]
        intro = intro_message(view, self.interviews.template.intro)
        [root] = post_messages(self.client, dm, [intro], user_id=self.owner.user_id)
        thread = InterviewThread(
            view.session_id, self.owner.workspace_id, self.owner.user_id, dm, root
        )
        self.store.link_thread(thread)
        return thread

    def post(self, view: SessionView, *messages: Message) -> None:
        thread = self.thread(view)
        post_messages(
            self.client,
            thread.channel_id,
            messages,
            user_id=self.owner.user_id,
            thread_ts=thread.thread_ts,
        )

    def show(self, view: SessionView) -> None:
        """Post what comes next: the current question, or the offer to finish."""
        self.post(view, question_message(view) if view.question else ready_message(view))

    def find(self, wanted: str, status: str | None = None) -> SessionSummary:
        """A session by id or label (the most recent when several share it, or when blank)."""
        sessions = sorted(
            (s for s in self.interviews.list(self.owner) if status in (None, s.status)),
            key=lambda s: s.updated_at,
            reverse=True,
        )
        wanted = wanted.strip().lower()
        for session in sessions:
            if not wanted or wanted in (session.session_id.lower(), session.label.lower()):
                return session
        kind = f"{status} " if status else ""
        named = f" called {wanted}" if wanted else ""
        raise SessionNotFoundError(f"No {kind}interview{named}. `/cuemap list` shows yours.")

    # -- what the clinician does --------------------------------------------------------------

    def start(self, label: str) -> SessionView:
        view = self.interviews.start(self.owner, label)
        self.show(view)
        return view

    def answer(self, ref: QuestionRef, text: str, clicked: Clicked | None = None) -> None:
        """Record an answer; move on when it answered the current question (else it was an edit)."""
        before = self.interviews.view(self.owner, ref.session_id)
        view = self.interviews.answer(
            self.owner, ref.session_id, ref.question_id, text, episode=ref.episode
        )
        current = before.question
        is_current = current is not None and (current.id, current.episode) == (
            ref.question_id,
            ref.episode,
        )
        if clicked is not None:
            settled = (
                settled_message(current, answered_outcome(text))
                if is_current and current is not None
                else text_message(f"Answer changed to:\n{answered_outcome(text)}")
            )
            self._settle(clicked, settled)
        if is_current:
            self.show(view)

    def answer_current(self, session_id: str, text: str) -> None:
        """A reply in the session's thread answers whatever question is current."""
        view = self.interviews.view(self.owner, session_id)
        if view.question is None:
            self.post(view, ready_message(view))
            return
        self.answer(QuestionRef(session_id, view.question.id, view.question.episode), text)

    def skip(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        before = self.interviews.view(self.owner, ref.session_id)
        if before.question is not None and clicked is not None:
            self._settle(clicked, settled_message(before.question, "_skipped_"))
        self.show(self.interviews.skip(self.owner, ref.session_id))

    def back(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        before = self.interviews.view(self.owner, ref.session_id)
        if before.question is not None and clicked is not None:
            self._settle(clicked, settled_message(before.question, "_went back_"))
        self.show(self.interviews.back(self.owner, ref.session_id))

    def pause(self, ref: QuestionRef) -> None:
        view = self.interviews.view(self.owner, ref.session_id)
        self.post(view, paused_message(view))

    def resume(self, session_id: str) -> None:
        self.show(self.interviews.view(self.owner, session_id))

    def why(self, ref: QuestionRef) -> None:
        view = self.interviews.view(self.owner, ref.session_id)
        asked = (
            view.question.prompt if view.question and view.question.id == ref.question_id else ""
        )
        rationale = self.interviews.why(ref.question_id)
        titled = dataclasses.replace(rationale, question=f"Why we ask: {asked}".rstrip(": "))
        self.post(view, *answer_messages(titled, interactive=False))

    def add_episode(self, ref: QuestionRef) -> None:
        self.show(self.interviews.add_episode(self.owner, ref.session_id))

    def finish(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        cue_map = self.interviews.finish(self.owner, ref.session_id)
        view = self.interviews.view(self.owner, ref.session_id)
        if clicked is not None:
            done = f"Finished: {view.answered} of {view.total} questions answered."
            self._settle(clicked, text_message(done))
        self.post(view, *cue_map_messages(cue_map))

    def export(self, session_id: str, fmt: str) -> InterviewThread:
        """Upload the export as a file in the session's DM thread (never in a shared channel)."""
        export = self.interviews.export(self.owner, session_id, fmt)
        thread = self.thread(self.interviews.view(self.owner, session_id))
        self.client.files_upload_v2(
            channel=thread.channel_id,
            thread_ts=thread.thread_ts,
            content=export.content,
            filename=export.filename,
            title=export.filename,
        )
        return thread

    def delete(self, session_id: str) -> None:
        self.interviews.delete(self.owner, session_id)
        self.store.unlink_session(session_id)

    # -- internals ----------------------------------------------------------------------------

    def _settle(self, clicked: Clicked, message: Message) -> None:
        update_message(
            self.client, clicked.channel, clicked.ts, message, user_id=self.owner.user_id
        )
