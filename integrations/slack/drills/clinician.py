"""A scripted clinician working through a cue-mapping interview in Slack, over signed HTTP.

It does what a person does: `/cuemap start`, read the question CueMap posts in the session's
DM thread, reply in the thread (or click a quick pick), wait for the next question. It keeps
every answer it sent and whether Slack got an acknowledgement for it, for the database check.
Each request goes wherever `route()` sends it: one app, or several behind a load balancer.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrations.slack import ids
from integrations.slack.drills.deliveries import DeliveryLog
from integrations.slack.drills.watched_slack import WatchedSlack
from integrations.slack.testing.signed import Delivery, SignedSender, find_button

WARD_CHANNEL = "C0WARD"  # where the clinician types the slash commands

# One craving episode and a coping plan in plain words: nothing a PHI guard would redact and
# nothing a crisis check would stop on, so what is stored is exactly what was sent.
ANSWERS = {
    "before_craving": "an argument at work about the rota",
    "where": "the pub",
    "who": "old mates from the building site",
    "routine": "after work on a Friday",
    "feeling": "lonely and fed up",
    "body": "shaky hands and sweating",
    "thoughts": "just one will not hurt",
    "vulnerability": "poor sleep all week",
    "craving_strength": "8",
    "attention": "only getting to the bar",
    "what_next": "went to the cash machine",
    "used": "used",
    "short_term_positive": "relief",
    "long_term_negative": "money gone and a row at home",
    "what_helped": "calling a friend from the group",
    "coping_1": "leave before the second round",
    "confidence_1": "60",
    "coping_2": "text the group before payday",
    "confidence_2": "70",
    "coping_3": "take the long way home",
    "confidence_3": "50",
    "warning_signs": "skipping meals and staying in",
    "high_risk_times": "payday and Friday evenings",
    "supports": "the group and an old friend",
    "after_lapse": "tell the key worker and come back to the plan",
}
FALLBACK_ANSWER = "walk away and ring a friend"


@dataclass(frozen=True)
class Shown:
    """A message CueMap posted in the session's thread that waits for the clinician."""

    message: dict[str, Any]
    position: int  # among CueMap's messages in the thread
    ref: ids.QuestionRef  # the question asked; no question id when ready to finish

    @property
    def is_question(self) -> bool:
        return bool(self.ref.question_id)


@dataclass(frozen=True)
class SentAnswer:
    user: str
    session_id: str
    question_id: str
    episode: int | None
    text: str
    acknowledged: bool


@dataclass
class Clinician:
    user: str
    route: Callable[[], SignedSender]
    slack: WatchedSlack
    log: DeliveryLog
    stop: threading.Event = field(default_factory=threading.Event)
    wait_s: float = 15.0
    sent: list[SentAnswer] = field(default_factory=list)
    shown: Shown | None = None  # what CueMap asked last
    label: str = ""

    @property
    def dm(self) -> str:
        return "D" + self.user[1:]

    # -- what the clinician does --------------------------------------------------------------

    def start(self, label: str) -> Shown | None:
        """`/cuemap start LABEL`, then the first question in the new DM thread."""
        self.label = label
        delivery = self.command(f"start {label}")
        if not delivery.acknowledged:
            return None
        root = self.slack.wait(lambda: next(iter(self.slack.roots(self.dm)), None), self.wait_s)
        return self._next(root, after=-1) if root else None

    def command(self, text: str, command: str = "/cuemap") -> Delivery:
        """A slash command; CueMap's reply goes to response URL `/response/<command>-...`."""
        name = f"{command.lstrip('/')}-{self.user}-{uuid.uuid4().hex[:8]}"
        response_url = self.slack.response_url(name)
        delivery = self.route().slash_command(
            command, text, user=self.user, channel=WARD_CHANNEL, response_url=response_url
        )
        self.log.add("slash command", delivery)
        return delivery

    def reply(self, retries: int = 0) -> Shown | None:
        """Answer the question shown by replying in the thread; Slack may re-send the reply
        `retries` times (each to whichever app the route picks). Then wait for what is next."""
        shown = self._require_question()
        text = ANSWERS.get(shown.ref.question_id, FALLBACK_ANSWER)
        event, event_id = self._thread_reply(shown, text), f"Ev{uuid.uuid4().hex[:12]}"
        first = self.route().event(event, event_id=event_id)
        self.log.add("answer", first)
        for attempt in range(1, retries + 1):
            self.log.add("retry", self.route().event(event, event_id=event_id, retry=attempt))
        return self._answered(shown, text, first)

    def pick(self, n: int = 0) -> Shown | None:
        """Answer the question shown with its quick pick number `n`."""
        shown = self._require_question()
        _, button = find_button(shown.message["blocks"], f"{ids.PICK}_{n}")
        delivery = self.click(shown.message, button["action_id"])
        return self._answered(shown, button["text"]["text"], delivery)

    def click(self, message: dict[str, Any], action_id: str) -> Delivery:
        response_url = self.slack.response_url(f"{self.user}-{uuid.uuid4().hex[:8]}")
        delivery = self.route().click(message, action_id, user=self.user, response_url=response_url)
        self.log.add("click", delivery)
        return delivery

    def thread(self) -> list[dict[str, Any]]:
        """CueMap's messages in the session's thread so far."""
        root = next(iter(self.slack.roots(self.dm)), None)
        return self.slack.thread(root) if root else []

    def next_after(self, position: int) -> Shown | None:
        """What CueMap asks after its thread message number `position` (a question, or the
        offer to finish), waiting for it."""
        root = next(iter(self.slack.roots(self.dm)), None)
        return self._next(root, position) if root else None

    # -- internals ----------------------------------------------------------------------------

    def _answered(self, shown: Shown, text: str, delivery: Delivery) -> Shown | None:
        ref = shown.ref
        self.sent.append(
            SentAnswer(
                self.user, ref.session_id, ref.question_id, ref.episode, text, delivery.acknowledged
            )
        )
        if not delivery.acknowledged:
            return None
        return self.next_after(shown.position)

    def _require_question(self) -> Shown:
        if self.shown is None or not self.shown.is_question:
            raise RuntimeError("no question is waiting for an answer")
        return self.shown

    def _thread_reply(self, shown: Shown, text: str) -> dict[str, Any]:
        root = shown.message["thread_ts"]
        ts = self.slack.add_user_message(self.dm, self.user, text, root)
        return {
            "type": "message",
            "channel": self.dm,
            "channel_type": "im",
            "user": self.user,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "thread_ts": root,
        }

    def _next(self, root: str, after: int) -> Shown | None:
        def probe() -> Shown | None:
            posts = self.slack.thread(root)
            for position in range(after + 1, len(posts)):
                found = _waiting_for_clinician(posts[position], position)
                if found is not None:
                    return found
            return None

        self.shown = self.slack.wait(probe, self.wait_s, self.stop)
        return self.shown


def _waiting_for_clinician(message: dict[str, Any], position: int) -> Shown | None:
    for action_id in (ids.SKIP, ids.FINISH):
        try:
            _, button = find_button(message.get("blocks") or [], action_id)
        except KeyError:
            continue
        ref, _ = ids.QuestionRef.parse(button.get("value"))
        return Shown(message, position, ref)
    return None
