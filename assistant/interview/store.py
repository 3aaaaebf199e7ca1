"""Interview sessions and answers in SQL: SQLite by default, PostgreSQL through the same code.

Every change is one transaction, committed before the method returns, so a crash loses nothing
that was acknowledged. A change holds the session's lock from reading its state to writing the
new one (`SELECT ... FOR UPDATE` on PostgreSQL, `BEGIN IMMEDIATE` on SQLite), so two answers to
the same session from two threads or two processes cannot both move the cursor from the same
stale place. An answer is an upsert on (session, question, episode): a retried answer keeps one
row. Deleting a session deletes its rows; on SQLite `secure_delete` also overwrites the freed
pages and a WAL file is checkpointed and emptied, so the text is gone from the files too.
Answer text is encrypted with the configured cipher (CUEMAP_ANSWER_KEY) before it is written,
and statement parameters are never logged or quoted in errors (`hide_parameters`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from assistant.errors import InterviewStoreError
from assistant.interview.migrations import WRITE_LOCK, cues, migrate, reviews, sources
from assistant.interview.models import (
    ADDED,
    CATEGORY_KINDS,
    AnswerRecord,
    Cue,
    Owner,
    SafetyFlag,
    SessionRecord,
    SessionState,
    Slot,
)
from assistant.log_hygiene import guard_logs
from assistant.privacy.encryption import AnswerCipher, PlainCipher
from assistant.tables import add_missing_columns

SUPPORTED = ("sqlite", "postgresql")
UNREACHABLE = "The interview database cannot be reached; the last change was not saved."
F = TypeVar("F", bound=Callable[..., Any])
metadata = MetaData()

sessions = Table(
    "interview_sessions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("workspace_id", String(64), nullable=False),
    Column("user_id", String(64), nullable=False),
    Column("label", String(80), nullable=False),
    Column("status", String(16), nullable=False),
    Column("episodes", Integer, nullable=False),
    Column("cursor_question", String(40)),
    Column("cursor_episode", Integer),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

answers = Table(
    "interview_answers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(40), ForeignKey(sessions.c.id, ondelete="CASCADE"), nullable=False),
    Column("question_id", String(40), nullable=False),
    Column("episode", Integer, nullable=False),
    Column("text", Text),  # NULL: skipped
    Column("subject", Text),
    Column("answered_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("session_id", "question_id", "episode", name="one_answer_per_slot"),
)

# Crisis language found in an answer: the kind and the question, never the text. Kept until
# the session is erased, so the card's confirmation survives a restart and reaches the exports.
safety_flags = Table(
    "interview_safety_flags",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", String(40), ForeignKey(sessions.c.id, ondelete="CASCADE"), nullable=False),
    Column("question_id", String(40), nullable=False),
    Column("episode", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("flagged_at", DateTime(timezone=True), nullable=False),
    Column("confirmed_at", DateTime(timezone=True)),
    Column("status", String(16)),  # current, historical, ...; NULL: flagged before it was kept
    UniqueConstraint("session_id", "question_id", "episode", "kind", name="one_flag_per_kind"),
)


class SessionChange(Protocol):
    """One session, locked, inside one transaction: read it, then write the answer and state."""

    record: SessionRecord

    def answers(self) -> list[AnswerRecord]: ...
    def save_answer(self, answer: AnswerRecord) -> None: ...
    def save_state(self, state: SessionState) -> None: ...
    def flags(self) -> list[SafetyFlag]: ...
    def save_flags(self, flags: list[SafetyFlag]) -> None: ...
    def confirm_flags(self, at: datetime) -> None: ...
    def cues(self) -> list[Cue]: ...
    def save_cues(self, slot: Slot, found: list[Cue]) -> None: ...
    def add_cue(self, cue: Cue) -> None: ...
    def update_cue(self, cue: Cue) -> None: ...
    def confirm_cues(self, episode: int, at: datetime) -> None: ...
    def save_sources(self, body: str) -> None: ...


class SessionStore(Protocol):
    """What the interview service needs from storage; see tests/interview/store_contract.py."""

    def create(self, record: SessionRecord) -> None: ...
    def get(self, session_id: str) -> SessionRecord | None: ...
    def answers(self, session_id: str) -> list[AnswerRecord]: ...
    def change(self, session_id: str) -> AbstractContextManager[SessionChange | None]: ...
    def sessions_of(self, owner: Owner, include_finished: bool = True) -> list[SessionRecord]: ...
    def count_answered(self, session_ids: list[str]) -> dict[str, int]: ...
    def delete(self, session_id: str) -> bool: ...
    def flags(self, session_id: str) -> list[SafetyFlag]: ...
    def untouched_since(self, cutoff: datetime) -> list[str]: ...
    def cues(self, session_id: str) -> list[Cue]: ...
    def confirmed_episodes(self, session_id: str) -> set[int]: ...
    def sources(self, session_id: str) -> str | None: ...


def _reachable(method: F) -> F:
    """A database that cannot be reached is a clean CueMapError, never a driver traceback."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except OperationalError as exc:
            raise InterviewStoreError(UNREACHABLE) from exc

    return wrapper  # type: ignore[return-value]


class SqlSessionChange:
    def __init__(
        self, conn: Connection, record: SessionRecord, cipher: AnswerCipher | None = None
    ) -> None:
        self._conn = conn
        self.record = record
        self._cipher = cipher or PlainCipher()

    def answers(self) -> list[AnswerRecord]:
        return _answers(self._conn, self.record.id, self._cipher)

    def save_answer(self, answer: AnswerRecord) -> None:
        values = {
            "session_id": self.record.id,
            "question_id": answer.slot.question_id,
            "episode": answer.slot.episode,
            "text": _sealed(self._cipher, answer.text),
            "subject": _sealed(self._cipher, answer.subject),
            "answered_at": answer.answered_at or self.record.state.updated_at,
        }
        self._conn.execute(
            _upsert_insert(self._conn.dialect.name)(answers)
            .values(**values)
            .on_conflict_do_update(
                index_elements=["session_id", "question_id", "episode"],
                set_={k: values[k] for k in ("text", "subject", "answered_at")},
            )
        )

    def save_state(self, state: SessionState) -> None:
        self._conn.execute(
            update(sessions).where(sessions.c.id == self.record.id).values(**_state_values(state))
        )

    def flags(self) -> list[SafetyFlag]:
        return _flags(self._conn, self.record.id)

    def save_flags(self, flags: list[SafetyFlag]) -> None:
        """Add flags; one per kind and slot (a repeat is flagged again: unconfirmed, now)."""
        for flag in flags:
            where = _flag_slot(self.record.id, flag)
            self._conn.execute(delete(safety_flags).where(where))
            self._conn.execute(
                insert(safety_flags).values(
                    session_id=self.record.id,
                    question_id=flag.slot.question_id,
                    episode=flag.slot.episode,
                    kind=flag.kind,
                    flagged_at=flag.flagged_at,
                    confirmed_at=flag.confirmed_at,
                    status=flag.status,
                )
            )

    def confirm_flags(self, at: datetime) -> None:
        self._conn.execute(
            update(safety_flags)
            .where(
                safety_flags.c.session_id == self.record.id, safety_flags.c.confirmed_at.is_(None)
            )
            .values(confirmed_at=at)
        )

    def cues(self) -> list[Cue]:
        return _cues(self._conn, self.record.id, self._cipher)

    def save_cues(self, slot: Slot, found: list[Cue]) -> None:
        """The extractor's cues for one answer, replacing what it found there before."""
        self._conn.execute(
            delete(cues).where(
                cues.c.session_id == self.record.id,
                cues.c.question_id == slot.question_id,
                cues.c.episode == slot.episode,
            )
        )
        for cue in found:
            self.add_cue(cue)

    def add_cue(self, cue: Cue) -> None:
        self._conn.execute(
            insert(cues).values(session_id=self.record.id, **_cue_values(cue, self._cipher))
        )

    def update_cue(self, cue: Cue) -> None:
        """A stored cue's category, tags and status, as the clinician set them."""
        self._conn.execute(
            update(cues)
            .where(cues.c.session_id == self.record.id, cues.c.id == cue.id)
            .values(
                category=cue.category,
                situations=",".join(cue.situation_tags),
                status=cue.status,
            )
        )

    def confirm_cues(self, episode: int, at: datetime) -> None:
        where = (reviews.c.session_id == self.record.id) & (reviews.c.episode == episode)
        self._conn.execute(delete(reviews).where(where))
        self._conn.execute(
            insert(reviews).values(session_id=self.record.id, episode=episode, confirmed_at=at)
        )

    def save_sources(self, body: str) -> None:
        self._conn.execute(delete(sources).where(sources.c.session_id == self.record.id))
        self._conn.execute(insert(sources).values(session_id=self.record.id, body=body))


class SqlSessionStore:
    @_reachable
    def __init__(self, url: str, cipher: AnswerCipher | None = None) -> None:
        self.engine = make_engine(url)
        self.cipher = cipher or PlainCipher()
        migrate(self.engine, metadata)
        add_missing_columns(self.engine, safety_flags)

    @_reachable
    def create(self, record: SessionRecord) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(sessions).values(
                    id=record.id,
                    workspace_id=record.owner.workspace_id,
                    user_id=record.owner.user_id,
                    label=record.label,
                    created_at=record.created_at,
                    **_state_values(record.state),
                )
            )

    @_reachable
    def get(self, session_id: str) -> SessionRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(sessions).where(sessions.c.id == session_id)).first()
        return _session(row) if row else None

    @_reachable
    def answers(self, session_id: str) -> list[AnswerRecord]:
        with self.engine.connect() as conn:
            return _answers(conn, session_id, self.cipher)

    @contextmanager
    def change(self, session_id: str) -> Iterator[SqlSessionChange | None]:
        """The session locked for one change (None when there is no such session)."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_LOCK: True})
                with conn.begin():
                    query = select(sessions).where(sessions.c.id == session_id).with_for_update()
                    row = conn.execute(query).first()
                    yield SqlSessionChange(conn, _session(row), self.cipher) if row else None
        except OperationalError as exc:
            raise InterviewStoreError(UNREACHABLE) from exc

    @_reachable
    def sessions_of(self, owner: Owner, include_finished: bool = True) -> list[SessionRecord]:
        query = select(sessions).where(
            sessions.c.workspace_id == owner.workspace_id, sessions.c.user_id == owner.user_id
        )
        if not include_finished:
            query = query.where(sessions.c.status != "finished")
        query = query.order_by(sessions.c.updated_at.desc(), sessions.c.id)
        with self.engine.connect() as conn:
            return [_session(row) for row in conn.execute(query)]

    @_reachable
    def count_answered(self, session_ids: list[str]) -> dict[str, int]:
        """Answered (not skipped) slots per session."""
        if not session_ids:
            return {}
        query = (
            select(answers.c.session_id, func.count())
            .where(answers.c.session_id.in_(session_ids), answers.c.text.is_not(None))
            .group_by(answers.c.session_id)
        )
        with self.engine.connect() as conn:
            counts = {sid: n for sid, n in conn.execute(query).tuples()}
        return {sid: counts.get(sid, 0) for sid in session_ids}

    @_reachable
    def delete(self, session_id: str) -> bool:
        with self.engine.begin() as conn:
            for table in (cues, reviews, sources):
                conn.execute(delete(table).where(table.c.session_id == session_id))
            conn.execute(delete(answers).where(answers.c.session_id == session_id))
            conn.execute(delete(safety_flags).where(safety_flags.c.session_id == session_id))
            result = conn.execute(delete(sessions).where(sessions.c.id == session_id))
        if self.engine.dialect.name == "sqlite":
            self._checkpoint()
        return result.rowcount > 0

    @_reachable
    def flags(self, session_id: str) -> list[SafetyFlag]:
        with self.engine.connect() as conn:
            return _flags(conn, session_id)

    @_reachable
    def untouched_since(self, cutoff: datetime) -> list[str]:
        """Ids of sessions last changed before `cutoff`, whoever owns them."""
        query = select(sessions.c.id).where(sessions.c.updated_at < cutoff)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    @_reachable
    def cues(self, session_id: str) -> list[Cue]:
        with self.engine.connect() as conn:
            return _cues(conn, session_id, self.cipher)

    @_reachable
    def confirmed_episodes(self, session_id: str) -> set[int]:
        query = select(reviews.c.episode).where(reviews.c.session_id == session_id)
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    @_reachable
    def sources(self, session_id: str) -> str | None:
        query = select(sources.c.body).where(sources.c.session_id == session_id)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def _checkpoint(self) -> None:
        """If the file is in WAL mode (the Slack store sets it), copy the WAL into the file and
        empty it: older frames there would still hold the deleted text. A no-op otherwise."""
        raw = self.engine.raw_connection()
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()


def make_engine(url: str) -> Engine:
    """SQLite or PostgreSQL (plain `postgresql://` URLs use psycopg 3, the installed driver)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InterviewStoreError("CUEMAP_DATABASE_URL is not a database URL.") from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise InterviewStoreError(f"Interviews are stored in SQLite or PostgreSQL, not {backend}.")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    guard_logs()  # result rows (answer text) never reach a log, at any level
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, hide_parameters=True)  # no answer text in logs or errors
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, says BEGIN
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    """A change takes the write lock when it begins, so it never reads a state it cannot keep."""
    immediate = conn.get_execution_options().get(WRITE_LOCK)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _answers(conn: Connection, session_id: str, cipher: AnswerCipher) -> list[AnswerRecord]:
    query = select(answers).where(answers.c.session_id == session_id).order_by(answers.c.id)
    return [
        AnswerRecord(
            slot=Slot(row.question_id, row.episode),
            text=_opened(cipher, row.text),
            subject=_opened(cipher, row.subject),
            answered_at=_aware(row.answered_at),
        )
        for row in conn.execute(query)
    ]


def _cues(conn: Connection, session_id: str, cipher: AnswerCipher) -> list[Cue]:
    query = select(cues).where(cues.c.session_id == session_id).order_by(cues.c.id)
    return [
        Cue(
            category=row.category,
            kind=CATEGORY_KINDS[row.category],
            text=cipher.decrypt(row.text),
            question_id=row.question_id,
            episode=row.episode,
            situation_tags=[t for t in row.situations.split(",") if t],
            source=row.source,
            wording=cipher.decrypt(row.wording),
            span=(row.span_start, row.span_end) if row.span_start is not None else None,
            extractor=row.extractor,
            status=row.status,
            id=row.id,
        )
        for row in conn.execute(query)
    ]


def _cue_values(cue: Cue, cipher: AnswerCipher) -> dict[str, Any]:
    return {
        "question_id": cue.question_id if cue.source != "clinician" else ADDED,
        "episode": cue.episode,
        "category": cue.category,
        "text": cipher.encrypt(cue.text),
        "wording": cipher.encrypt(cue.wording or cue.text),
        "situations": ",".join(cue.situation_tags),
        "span_start": cue.span[0] if cue.span else None,
        "span_end": cue.span[1] if cue.span else None,
        "source": cue.source,
        "extractor": cue.extractor,
        "status": cue.status,
    }


def _sealed(cipher: AnswerCipher, text: str | None) -> str | None:
    return None if text is None else cipher.encrypt(text)


def _opened(cipher: AnswerCipher, stored: str | None) -> str | None:
    return None if stored is None else cipher.decrypt(stored)


def _flags(conn: Connection, session_id: str) -> list[SafetyFlag]:
    query = (
        select(safety_flags)
        .where(safety_flags.c.session_id == session_id)
        .order_by(safety_flags.c.flagged_at, safety_flags.c.id)
    )
    return [
        SafetyFlag(
            kind=row.kind,
            slot=Slot(row.question_id, row.episode),
            flagged_at=_aware(row.flagged_at),
            confirmed_at=_aware(row.confirmed_at) if row.confirmed_at else None,
            status=row.status or "current",
        )
        for row in conn.execute(query)
    ]


def _flag_slot(session_id: str, flag: SafetyFlag) -> Any:
    return (
        (safety_flags.c.session_id == session_id)
        & (safety_flags.c.question_id == flag.slot.question_id)
        & (safety_flags.c.episode == flag.slot.episode)
        & (safety_flags.c.kind == flag.kind)
    )


def _state_values(state: SessionState) -> dict[str, Any]:
    return {
        "status": state.status,
        "episodes": state.episodes,
        "cursor_question": state.cursor.question_id if state.cursor else None,
        "cursor_episode": state.cursor.episode if state.cursor else None,
        "updated_at": state.updated_at,
    }


def _session(row: Any) -> SessionRecord:
    cursor = Slot(row.cursor_question, row.cursor_episode) if row.cursor_question else None
    return SessionRecord(
        id=row.id,
        owner=Owner(row.workspace_id, row.user_id),
        label=row.label,
        state=SessionState(row.status, row.episodes, cursor, _aware(row.updated_at)),
        created_at=_aware(row.created_at),
    )


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; everything stored is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _upsert_insert(dialect: str) -> Callable[[Table], Any]:
    """The dialect's INSERT with ON CONFLICT, imported on the first upsert: PostgreSQL's
    dialect module (~25 ms) is not loaded for a SQLite store, nor to read one."""
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    return insert
