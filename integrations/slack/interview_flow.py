"""The interview in Slack: each session lives in a thread of the clinician's DM with CueMap.

The interview service decides everything (which question is next, what an answer means);
this module only moves its views into messages and clicks and replies back into calls.
An answer holding identifiers is not stored: the thread gets the redacted version to use or
rephrase. A session whose safety card is not confirmed shows the card, not the next question.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from assistant.charts import Chart, compare, comparison_lines
from assistant.errors import PhiFoundError
from assistant.interview import (
    Export,
    InterviewService,
    Owner,
    QuestionView,
    SessionNotFoundError,
    SessionSummary,
    SessionView,
)
from assistant.interview.guards import PhiPolicy
from assistant.interview.models import CueReview
from integrations.slack.blocks.answers import Message, answer_messages
from integrations.slack.blocks.cue_review import cue_review_message, parse_cue_list
from integrations.slack.blocks.cuemap import comparison_message, cue_map_messages
from integrations.slack.blocks.interview import (
    answered_outcome,
    intro_message,
    paused_message,
    question_message,
    ready_message,
    settled_message,
    text_message,
)
from integrations.slack.blocks.safety import (
    confirmed_message,
    safety_card_message,
    withheld_answer_message,
)
from integrations.slack.delivery import post_messages, update_message
from integrations.slack.escape import escape_mrkdwn
from integrations.slack.ids import QuestionRef
from integrations.slack.services import SlackServices, services
from integrations.slack.store import InterviewThread


@dataclass(frozen=True)
class Clicked:
    """The message a button was clicked in, when it was a real (not ephemeral) message."""

    channel: str
    ts: str


@dataclass(frozen=True)
class Recorded:
    """An answer committed to the database; what Slack shows for it comes after the ack."""

    text: str
    answered: QuestionView | None  # the current question it answered; None: an edit
    view: SessionView  # the session after it


@dataclass(frozen=True)
class Withheld:
    """An answer holding identifiers: nothing stored; the redacted version is offered."""

    ref: QuestionRef
    redacted: str
    summary: str


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
        """Post what comes next: the safety card to confirm, the current question, or the
        offer to finish."""
        if view.safety is not None:
            self.post(view, safety_card_message(view.safety, QuestionRef(view.session_id)))
        else:
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

    def start(self, label: str, phi: PhiPolicy = "refuse") -> SessionView:
        """A new session shown in its thread (a label holding identifiers: PhiFoundError)."""
        view = self.interviews.start(self.owner, label, phi=phi)
        self.show(view)
        return view

    def record(self, ref: QuestionRef, text: str, phi: PhiPolicy = "refuse") -> Recorded | Withheld:
        """Commit an answer, posting nothing: the part that runs before Slack's ack. It moves
        the interview on when it answered the current question (else it was an edit). An
        answer holding identifiers is withheld, not stored."""
        before = self.interviews.view(self.owner, ref.session_id)
        try:
            view = self.interviews.answer(
                self.owner, ref.session_id, ref.question_id, text, episode=ref.episode, phi=phi
            )
        except PhiFoundError as found:
            return Withheld(ref, found.redacted, found.summary)
        current = before.question
        is_current = current is not None and (current.id, current.episode) == (
            ref.question_id,
            ref.episode,
        )
        return Recorded(text, current if is_current else None, view)

    def follow_up(self, recorded: Recorded | Withheld, clicked: Clicked | None = None) -> None:
        """What Slack shows once an answer is committed: the question settled, the next one
        (or, for a withheld answer, the redacted version to use or rephrase)."""
        if isinstance(recorded, Withheld):
            view = self.interviews.view(self.owner, recorded.ref.session_id)
            self.post(
                view, withheld_answer_message(recorded.ref, recorded.redacted, recorded.summary)
            )
            return
        current, text = recorded.answered, recorded.text
        if clicked is not None:
            settled = (
                settled_message(current, answered_outcome(text))
                if current is not None
                else text_message(f"Answer changed to:\n{answered_outcome(text)}")
            )
            self._settle(clicked, settled)
        if current is not None:
            self._episode_done(current, recorded.view)
        if current is not None or recorded.view.safety is not None:
            self.show(recorded.view)

    def record_current(self, session_id: str, text: str) -> Recorded | Withheld | None:
        """Commit a thread reply as the current question's answer (None: none is waiting)."""
        view = self.interviews.view(self.owner, session_id)
        if view.question is None:
            return None
        return self.record(QuestionRef(session_id, view.question.id, view.question.episode), text)

    def follow_up_reply(self, session_id: str, recorded: Recorded | Withheld | None) -> None:
        if recorded is not None:
            self.follow_up(recorded)
            return
        self.show(self.interviews.view(self.owner, session_id))

    def skip(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        before = self.interviews.view(self.owner, ref.session_id)
        if before.question is not None and clicked is not None:
            self._settle(clicked, settled_message(before.question, "_skipped_"))
        after = self.interviews.skip(self.owner, ref.session_id)
        if before.question is not None:
            self._episode_done(before.question, after)
        self.show(after)

    def review_cues(self, session_id: str, episode: int) -> None:
        """The episode's cues, to keep or edit (posted when its last question is left)."""
        review = self.interviews.cue_review(self.owner, session_id, episode)
        view = self.interviews.view(self.owner, session_id)
        self.post(view, cue_review_message(session_id, review))

    def keep_cues(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        review = self.interviews.confirm_cues(self.owner, ref.session_id, ref.episode or 1)
        if clicked is not None:
            self._settle(clicked, _confirmed(review))

    def edit_cues(self, ref: QuestionRef, text: str, clicked: Clicked | None) -> None:
        """The edit modal's list applied (removed, re-categorised, added) and confirmed."""
        wanted = parse_cue_list(text)
        episode = ref.episode or 1
        review = self.interviews.edit_cues(self.owner, ref.session_id, episode, wanted)
        if clicked is not None:
            self._settle(clicked, _confirmed(review))

    def _episode_done(self, left: QuestionView, after: SessionView) -> None:
        """Leaving an episode's last question: its cues are shown for the clinician to confirm."""
        if left.episode is None:
            return
        moved_on = after.question is None or after.question.episode != left.episode
        if moved_on and after.safety is None:
            self.review_cues(after.session_id, left.episode)

    def back(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        before = self.interviews.view(self.owner, ref.session_id)
        if before.question is not None and clicked is not None:
            self._settle(clicked, settled_message(before.question, "_went back_"))
        self.show(self.interviews.back(self.owner, ref.session_id))

    def confirm_safety(self, ref: QuestionRef, clicked: Clicked | None) -> None:
        """The clinician confirmed the safety card: settle it, then show what comes next."""
        card = self.interviews.view(self.owner, ref.session_id).safety
        view = self.interviews.confirm_safety(self.owner, ref.session_id)
        if clicked is not None and card is not None:
            self._settle(clicked, confirmed_message(card.title, self.owner.user_id))
        self.show(view)

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
        from assistant.charts.chain import chain_chart  # matplotlib: only when a map is done

        self.upload(view, chain_chart(cue_map, "png"))

    def export(self, session_id: str, fmt: str) -> InterviewThread:
        """Upload the export as a file in the session's DM thread (never in a shared channel)."""
        export = self.interviews.export(self.owner, session_id, fmt)
        return self.upload(self.interviews.view(self.owner, session_id), export)

    def upload(self, view: SessionView, file: Export | Chart) -> InterviewThread:
        thread = self.thread(view)
        self.client.files_upload_v2(
            channel=thread.channel_id,
            thread_ts=thread.thread_ts,
            content=file.content,
            filename=file.filename,
            title=file.filename,
        )
        return thread

    def compare(self, label: str) -> None:
        """How this label's triggers, craving and confidence moved: lines and a chart, in the DM."""
        comparison = compare(self.interviews, self.owner, label)
        from assistant.charts.comparison_chart import comparison_chart  # matplotlib: only here

        chart = comparison_chart(comparison, "png")
        dm = self.client.conversations_open(users=self.owner.user_id)["channel"]["id"]
        post_messages(
            self.client,
            dm,
            [comparison_message(comparison_lines(comparison))],
            user_id=self.owner.user_id,
        )
        self.client.files_upload_v2(
            channel=dm, content=chart.content, filename=chart.filename, title=chart.filename
        )

    def delete(self, session_id: str) -> None:
        self.interviews.delete(self.owner, session_id)
        self.store.unlink_session(session_id)

    # -- internals ----------------------------------------------------------------------------

    def _settle(self, clicked: Clicked, message: Message) -> None:
        update_message(
            self.client, clicked.channel, clicked.ts, message, user_id=self.owner.user_id
        )


def _confirmed(review: CueReview) -> Message:
    kept = ", ".join(
        f"{escape_mrkdwn(c.text)} ({c.category})" for c in review.cues if c.status != "removed"
    )
    return text_message(f"Cues of episode {review.episode} confirmed: {kept or 'none'}.")
