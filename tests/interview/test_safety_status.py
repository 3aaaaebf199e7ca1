"""A past attempt is flagged as history and the card says to assess; the status reaches the
store, the note and the JSON export; a database made before statuses were kept still opens."""

from __future__ import annotations

import json
import sqlite3

from assistant.interview import InterviewService
from assistant.interview.store import SqlSessionStore
from assistant.settings import Settings
from tests.interview.conftest import ALICE

HISTORY = "Tried to hang himself in 2015 while in prison, after a week on the gear"
CURRENT = "the pub; and last night he took a whole box of her paracetamol"


def test_safety_status_history_is_flagged_as_history_and_the_card_says_assess(
    interviews: InterviewService,
) -> None:
    sid = interviews.start(ALICE, "Pt-H").session_id
    interviews.answer(ALICE, sid, "before_craving", "payday")

    view = interviews.answer(ALICE, sid, "where", HISTORY)

    assert view.safety is not None
    assert view.safety.statuses == {"suicide": "historical"}
    assert view.safety.kind_labels == ["suicidal thoughts or intent (past history)"]
    assert "assess current risk" in view.safety.to_text()
    [flag] = interviews.store.flags(sid)
    assert (flag.kind, flag.status) == ("suicide", "historical")

    interviews.confirm_safety(ALICE, sid)
    interviews.answer(ALICE, sid, "who", CURRENT)
    interviews.confirm_safety(ALICE, sid)
    doc = json.loads(interviews.export(ALICE, sid, "json").content)
    assert [(s["kind"], s["status"], s["question_id"]) for s in doc["safety"]] == [
        ("suicide", "historical", "where"),
        ("overdose", "current", "who"),
    ]
    note = interviews.export(ALICE, sid, "markdown").content
    assert "**suicide** (past history: assess current risk) in the answer to Place" in note
    assert "**overdose** in the answer to" in note
    safety_section = note.split("\n## ")[1]
    assert HISTORY not in safety_section and CURRENT not in safety_section


def test_safety_status_column_is_added_to_a_database_made_before_it(
    settings: Settings,
) -> None:
    path = settings.data_dir / "old.db"
    store = SqlSessionStore(f"sqlite:///{path}")
    store.engine.dispose()
    with sqlite3.connect(path) as conn:  # as CueMap 0.2.0 made it: no status column
        conn.execute("ALTER TABLE interview_safety_flags DROP COLUMN status")
        columns = [row[1] for row in conn.execute("PRAGMA table_info(interview_safety_flags)")]
    assert "status" not in columns

    reopened = SqlSessionStore(f"sqlite:///{path}")

    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(interview_safety_flags)")]
    assert "status" in columns
    assert reopened.flags("no-such-session") == []
