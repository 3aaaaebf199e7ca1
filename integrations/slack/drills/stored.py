"""The database check: every acknowledged answer stored exactly once, in its own question.

A thread reply answers whatever question is current, so an answer processed twice would not
overwrite itself: the copy would land in the next question. Such a row matches nothing any
clinician sent for that question and is counted as `unexpected`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from assistant.interview.models import PLAN_EPISODE, Owner
from assistant.interview.store import SqlSessionStore
from integrations.slack.drills.clinician import SentAnswer
from integrations.slack.testing.fake_web_api import TEAM_ID

Slot = tuple[str, int]


@dataclass(frozen=True)
class StoredCheck:
    sessions: int
    acknowledged: int  # questions answered with a 200 from the app (an answer given again
    # after a restart, to a question whose first answer was lost with its ack, counts once)
    stored_once: int  # ...found in the database, once, in the question they answered
    missing: int  # ...not in the database
    changed: int  # ...whose question holds some other text
    unexpected: int  # rows no clinician sent for that question (a double-processed answer)
    extra_sessions: int  # sessions beyond one per clinician (a double-processed start)
    unacknowledged_kept: int  # sent but the ack was lost (app killed mid-request), yet stored

    @property
    def exactly_once(self) -> bool:
        return (
            self.stored_once == self.acknowledged
            and self.unexpected == 0
            and self.extra_sessions == 0
        )


def check_stored(database_url: str, sent: list[SentAnswer]) -> StoredCheck:
    store = SqlSessionStore(database_url)
    by_session: dict[str, list[SentAnswer]] = defaultdict(list)
    for answer in sent:
        by_session[answer.session_id].append(answer)
    counts: dict[str, int] = defaultdict(int)
    for session_id, answers in by_session.items():
        stored = {(a.slot.question_id, a.slot.episode): a.text for a in store.answers(session_id)}
        _compare(stored, answers, counts)
    users = {answer.user for answer in sent}
    extra = sum(max(0, len(store.sessions_of(Owner(TEAM_ID, u))) - 1) for u in users)
    store.engine.dispose()
    return StoredCheck(
        sessions=len(by_session),
        acknowledged=len({(a.session_id, slot_of(a)) for a in sent if a.acknowledged}),
        stored_once=counts["stored_once"],
        missing=counts["missing"],
        changed=counts["changed"],
        unexpected=counts["unexpected"],
        extra_sessions=extra,
        unacknowledged_kept=counts["unacknowledged_kept"],
    )


def slot_of(answer: SentAnswer) -> Slot:
    return (answer.question_id, answer.episode if answer.episode is not None else PLAN_EPISODE)


def _compare(
    stored: dict[Slot, str | None], sent: list[SentAnswer], counts: dict[str, int]
) -> None:
    targeted = {slot_of(a) for a in sent}
    counts["unexpected"] += sum(1 for slot in stored if slot not in targeted)
    acknowledged = {slot_of(a): a.text for a in sent if a.acknowledged}
    for slot, text in acknowledged.items():
        if slot not in stored:
            counts["missing"] += 1
        elif stored[slot] == text:
            counts["stored_once"] += 1
        else:
            counts["changed"] += 1
    for answer in sent:
        slot = slot_of(answer)
        if slot not in acknowledged and stored.get(slot) == answer.text:
            counts["unacknowledged_kept"] += 1
