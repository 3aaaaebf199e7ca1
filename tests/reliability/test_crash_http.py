"""The Slack app is SIGKILLed while clinicians are mid-interview; restarted, it has lost nothing.

`cuemap serve` runs as production runs it (gunicorn, its own process) against a fake Slack Web
API. Several clinicians answer in their DM threads over signed HTTP; once enough answers have
been acknowledged, master and worker are killed together with requests in flight. A new
process on the same database must hold every acknowledged answer, once, and each session must
resume at the first question the database has no answer for. On SQLite, and on PostgreSQL
when the test services run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.interview.models import Slot
from assistant.interview.store import SqlSessionStore
from integrations.slack.drills.crash import ORDER, CrashPlan, CrashResult, run_crash

pytestmark = pytest.mark.model  # the served app loads the real model


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str | None:
    """None: SQLite in the drill's folder."""
    return request.getfixturevalue("postgres_url") if request.param == "postgresql" else None


@pytest.fixture
def crash(database_url: str | None, tmp_path: Path) -> Iterator[CrashResult]:
    result = run_crash(CrashPlan(clinicians=4, kill_after=12, database_url=database_url), tmp_path)
    yield result
    if database_url:  # leave the shared PostgreSQL as it was found
        store = SqlSessionStore(database_url)
        for session_id in result.session_ids:
            store.delete(session_id)
        store.engine.dispose()


def test_crash_sigkill_mid_interviews_loses_no_acknowledged_answer(crash: CrashResult) -> None:
    assert crash.answered_before_kill >= 12
    check = crash.after_restart
    assert (check.missing, check.changed, check.unexpected, check.extra_sessions) == (0, 0, 0, 0)
    assert check.stored_once == check.acknowledged == crash.answered_before_kill
    assert len(crash.resumes) == 4
    for resume in crash.resumes:
        assert resume.expected is not None and _before_the_end(resume.expected)
        assert (resume.shown, resume.continued) == (resume.expected, True), resume.user
    assert crash.at_end.exactly_once
    assert crash.at_end.acknowledged == crash.answered_before_kill + 4


def _before_the_end(slot: Slot) -> bool:
    """Killed part-way: each session still had questions left."""
    return ORDER.index(slot) < len(ORDER) - 1
