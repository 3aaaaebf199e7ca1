"""The session store contract on SQLite, plus what only a file on disk can show."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import InterviewStoreError
from assistant.interview.models import AnswerRecord, Owner, Slot
from assistant.interview.store import SqlSessionStore
from tests.interview.store_contract import T0, SessionStoreContract, save


class TestSqliteSessionStore(SessionStoreContract):
    @pytest.fixture
    def store(self, tmp_path: Path) -> SqlSessionStore:
        return SqlSessionStore(f"sqlite:///{tmp_path / 'data' / 'cuemap.db'}")


def test_sqlite_store_survives_a_new_connection(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cuemap.db'}"
    record = TestSqliteSessionStore().new_session(SqlSessionStore(url), Owner("T", "U"))
    assert SqlSessionStore(url).get(record.id) == record


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_sqlite_delete_leaves_no_answer_text_in_the_files(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "cuemap.db"
    store = SqlSessionStore(f"sqlite:///{path}")
    raw = store.engine.raw_connection()  # as the Slack store does to the shared file
    raw.cursor().execute(f"PRAGMA journal_mode={journal}")
    raw.close()
    record = TestSqliteSessionStore().new_session(store, Owner("T", "U"))
    secret = "walks past the Crown and Anchor on Tuesdays"
    save(store, record.id, AnswerRecord(Slot("where", 1), secret, None, T0))

    def on_disk() -> bytes:
        return b"".join(p.read_bytes() for p in tmp_path.glob("cuemap.db*"))

    assert secret.encode() in on_disk()
    store.delete(record.id)
    assert secret.encode() not in on_disk()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@host/cuemap", "SQLite or PostgreSQL, not mysql"),
        ("not a url", "not a database URL"),
    ],
)
def test_store_refuses_databases_it_does_not_support(url: str, message: str) -> None:
    with pytest.raises(InterviewStoreError, match=message):
        SqlSessionStore(url)
