"""A session belongs to the clinician who started it, in that workspace; delete really erases."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.interview import (
    InterviewService,
    NotYourSessionError,
    Owner,
    SessionNotFoundError,
)
from tests.interview.conftest import ALICE, ALICE_ELSEWHERE, BOB

Attempt = Callable[[InterviewService, Owner, str], object]
ATTEMPTS: dict[str, Attempt] = {
    "read": lambda s, who, sid: s.view(who, sid),
    "answer": lambda s, who, sid: s.answer(who, sid, "where", "somewhere else"),
    "edit": lambda s, who, sid: s.edit(who, sid, "before_craving", "changed"),
    "skip": lambda s, who, sid: s.skip(who, sid),
    "back": lambda s, who, sid: s.back(who, sid),
    "add an episode": lambda s, who, sid: s.add_episode(who, sid),
    "finish": lambda s, who, sid: s.finish(who, sid),
    "see the cue map": lambda s, who, sid: s.cue_map(who, sid),
    "export": lambda s, who, sid: s.export(who, sid, "fhir"),
    "delete": lambda s, who, sid: s.delete(who, sid),
}


@pytest.mark.parametrize("intruder", [BOB, ALICE_ELSEWHERE], ids=["colleague", "other-workspace"])
@pytest.mark.parametrize("action", list(ATTEMPTS))
def test_access_another_clinician_is_refused_and_changes_nothing(
    interviews: InterviewService, intruder: Owner, action: str
) -> None:
    sid = interviews.start(ALICE, "Pt-A").session_id
    interviews.answer(ALICE, sid, "before_craving", "payday at the pub")
    before = (interviews.view(ALICE, sid), interviews.store.answers(sid))

    with pytest.raises(NotYourSessionError) as caught:
        ATTEMPTS[action](interviews, intruder, sid)

    assert str(caught.value) == "This interview belongs to another clinician."
    assert (interviews.view(ALICE, sid), interviews.store.answers(sid)) == before
    assert interviews.list(intruder) == []


def test_access_unknown_session_is_not_found(interviews: InterviewService) -> None:
    with pytest.raises(SessionNotFoundError, match="No such interview session."):
        interviews.view(ALICE, "0123456789abcdef")


def test_access_delete_erases_the_session_and_every_answer(interviews: InterviewService) -> None:
    sid = interviews.start(ALICE, "Pt-D").session_id
    interviews.answer(ALICE, sid, "before_craving", "payday at the pub")
    interviews.skip(ALICE, sid)

    interviews.delete(ALICE, sid)

    assert interviews.store.get(sid) is None
    assert interviews.store.answers(sid) == []
    assert interviews.list(ALICE) == []
    with pytest.raises(SessionNotFoundError):
        interviews.export(ALICE, sid, "json")
