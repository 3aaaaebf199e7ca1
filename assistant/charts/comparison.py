"""Change over treatment: a clinician's finished sessions under one label, compared.

Sessions are taken in the order they were started. The latest is compared with the one before
it, concept by concept (a cue's category and canonical name, possessives aside; "Friday" and
"Friday night" are one time): a trigger is *new* when the latest session has it and the
previous one did not, *persisting* when both have it, *resolved* when only the previous one had
it and the question it came from was answered again, *not asked* when that question was not
answered in the latest session. Triggers seen only in older sessions are kept as *earlier*.
Craving strength (0-10) is the mean over each session's episodes; confidence (0-100%) is
compared only over the triggers planned in both sessions, and says how many those are.
A finished session whose plan is unanswered is marked incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from statistics import mean
from typing import TYPE_CHECKING, Literal

from assistant.errors import NothingToCompareError
from assistant.interview.models import CATEGORY_KINDS, Cue, CueMap, Owner

if TYPE_CHECKING:
    from assistant.interview.service import InterviewService

Status = Literal["new", "persisting", "resolved", "not_asked", "earlier"]
STATUS_ORDER: tuple[Status, ...] = ("new", "persisting", "resolved", "not_asked", "earlier")


@dataclass(frozen=True)
class SessionPoint:
    """One finished session, reduced to what the comparison needs."""

    number: int  # 1 = the first session under the label
    session_id: str
    started_at: datetime
    cues: list[Cue]  # distinct, as first said
    craving: dict[int, int]  # episode -> strength 0-10
    confidence: dict[str, int]  # planned trigger (lower case) -> confidence 0-100
    asked: frozenset[str] = frozenset()  # ids of the questions answered in this session
    gaps: tuple[str, ...] = ()  # what the session lacks ("the plan is unanswered")

    @property
    def craving_mean(self) -> float | None:
        return mean(self.craving.values()) if self.craving else None

    @property
    def confidence_mean(self) -> float | None:
        return mean(self.confidence.values()) if self.confidence else None


@dataclass(frozen=True)
class TriggerChange:
    category: str
    kind: str
    text: str  # as first said
    status: Status
    sessions: list[int]  # numbers of the sessions that have it
    confidence: tuple[int | None, int | None]  # (previous, latest) confidence, where planned

    @property
    def key(self) -> tuple[str, str]:
        return self.category, self.text.lower()


@dataclass(frozen=True)
class Change:
    before: float
    after: float

    @property
    def delta(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    label: str
    sessions: list[SessionPoint]  # oldest first; at least two
    triggers: list[TriggerChange]

    @property
    def latest(self) -> SessionPoint:
        return self.sessions[-1]

    @property
    def previous(self) -> SessionPoint:
        return self.sessions[-2]

    def with_status(self, status: Status) -> list[TriggerChange]:
        return [t for t in self.triggers if t.status == status]

    @property
    def craving(self) -> Change | None:
        """Mean craving strength, previous session -> latest, where both were rated."""
        return _change(self.previous.craving_mean, self.latest.craving_mean)

    @property
    def confidence_triggers(self) -> list[str]:
        """The triggers planned in both sessions: the only ones whose confidence compares."""
        return sorted(set(self.previous.confidence) & set(self.latest.confidence))

    @property
    def confidence(self) -> Change | None:
        """Mean confidence over the triggers planned in both sessions, previous -> latest."""
        common = self.confidence_triggers
        if not common:
            return None
        before = mean(self.previous.confidence[t] for t in common)
        return Change(before, mean(self.latest.confidence[t] for t in common))


def compare(service: InterviewService, owner: Owner, label: str) -> Comparison:
    """Compare `owner`'s finished sessions under `label` (case-insensitive), oldest first.

    Only the owner's own sessions are read, so another clinician's sessions under the same
    label never count. Raises NothingToCompareError with fewer than two finished sessions.
    """
    wanted = _same_label(label)
    records = [
        r
        for r in service.store.sessions_of(owner, include_finished=True)
        if r.state.status == "finished" and _same_label(r.label) == wanted
    ]
    if len(records) < 2:
        found = "no finished session" if not records else "only one finished session"
        raise NothingToCompareError(
            f"There is {found} under the label {label.strip()!r}; "
            "finish at least two to see how things changed."
        )
    records.sort(key=lambda r: (r.created_at, r.id))
    points = [
        _point(n, r.created_at, service.cue_map(owner, r.id), _asked(service, r.id))
        for n, r in enumerate(records, 1)
    ]
    return Comparison(records[-1].label, points, _triggers(points))


def _point(number: int, started_at: datetime, cue_map: CueMap, asked: set[str]) -> SessionPoint:
    confidence = {
        _concept("", entry.trigger)[1]: entry.confidence
        for entry in cue_map.plan
        if entry.trigger and entry.confidence is not None
    }
    distinct = [cue for cues in cue_map.by_category.values() for cue in cues]
    return SessionPoint(
        number,
        cue_map.session_id,
        started_at,
        distinct,
        dict(cue_map.craving),
        confidence,
        frozenset(asked),
        tuple(g for g in cue_map.gaps if g.startswith("The relapse-prevention plan")),
    )


def _concept(category: str, text: str) -> tuple[str, str]:
    """The cue's concept (`interview.cues.concept`; imported here, as cue extraction loads
    numpy and the lexicon, which the commands registering this module do not need)."""
    from assistant.interview.cues import concept

    return concept(category, text)


def _keys(points: list[SessionPoint]) -> dict[tuple[str, str], tuple[str, str]]:
    """Each cue's concept; a time inside a longer one ("Friday" in "Friday night") is that."""
    keys = {_concept(c.category, c.text) for p in points for c in p.cues}
    merged = {}
    for key in keys:
        words = set(key[1].split())
        wider = [k for k in keys if k[0] == key[0] == "time" and words < set(k[1].split())]
        merged[key] = min(wider, key=lambda k: (len(k[1]), k[1])) if wider else key
    return merged


def _triggers(points: list[SessionPoint]) -> list[TriggerChange]:
    keys = _keys(points)
    first: dict[tuple[str, str], Cue] = {}
    seen: dict[tuple[str, str], list[int]] = {}
    asked_from: dict[tuple[str, str], set[str]] = {}
    for point in points:
        for cue in point.cues:
            key = keys[_concept(cue.category, cue.text)]
            first.setdefault(key, cue)
            if point.number not in seen.setdefault(key, []):
                seen[key].append(point.number)
            asked_from.setdefault(key, set()).add(cue.question_id)
    latest, previous = points[-1], points[-2]
    changes = [
        TriggerChange(
            cue.category,
            cue.kind,
            cue.text,
            _status(seen[key], previous.number, latest.number, asked_from[key] & latest.asked),
            seen[key],
            (previous.confidence.get(key[1]), latest.confidence.get(key[1])),
        )
        for key, cue in first.items()
    ]
    return sorted(
        changes, key=lambda t: (STATUS_ORDER.index(t.status), _rank(t.category), t.key[1])
    )


def _status(sessions: list[int], previous: int, latest: int, asked_again: set[str]) -> Status:
    if latest in sessions:
        return "persisting" if previous in sessions else "new"
    if previous not in sessions:
        return "earlier"
    return "resolved" if asked_again else "not_asked"


def _asked(service: InterviewService, session_id: str) -> set[str]:
    return {a.slot.question_id for a in service.store.answers(session_id) if not a.skipped}


def _rank(category: str) -> int:
    """Categories in the order of the cue map: external first, then internal."""
    order = list(CATEGORY_KINDS)
    return order.index(category) if category in order else len(order)


def _change(before: float | None, after: float | None) -> Change | None:
    return Change(before, after) if before is not None and after is not None else None


def _same_label(label: str) -> str:
    return " ".join(label.split()).casefold()
