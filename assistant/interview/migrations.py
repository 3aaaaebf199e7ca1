"""Named schema migrations for the session store, applied once each, in order, at start-up.

A migration is a name and a function of an open transaction. The names applied are kept in
`interview_migrations`; a process that starts on an older database applies the missing ones
under the write lock (PostgreSQL's advisory lock, SQLite's `BEGIN IMMEDIATE`), so two processes
starting together apply each migration once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

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
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection

from assistant.tables import SCHEMA_LOCK, create_tables

Migration = tuple[str, Callable[[Connection], None]]
WRITE_LOCK = "cuemap_write_lock"  # the store's execution option: SQLite BEGIN IMMEDIATE

applied = MetaData()
migrations_table = Table(
    "interview_migrations",
    applied,
    Column("name", String(80), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# -- 0001: cues stored with their answers, and the clinician's review of each episode ---------

stored_cues = MetaData()
_sessions = Table(  # only what the foreign keys refer to; created by the store itself
    "interview_sessions", stored_cues, Column("id", String(40), primary_key=True)
)
cues = Table(
    "interview_cues",
    stored_cues,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "session_id",
        String(40),
        ForeignKey("interview_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("question_id", String(40), nullable=False),  # "added": the clinician's own
    Column("episode", Integer, nullable=False),
    Column("category", String(16), nullable=False),
    Column("text", Text, nullable=False),  # canonical form (encrypted like answers)
    Column("wording", Text, nullable=False),  # the patient's words (encrypted)
    Column("situations", String(400), nullable=False),  # IDTS ids, comma-separated
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("source", String(16), nullable=False),
    Column("extractor", String(40), nullable=False),
    Column("status", String(16), nullable=False),
)
reviews = Table(
    "interview_cue_reviews",
    stored_cues,
    Column(
        "session_id",
        String(40),
        ForeignKey("interview_sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("episode", Integer, primary_key=True),
    Column("confirmed_at", DateTime(timezone=True), nullable=False),
)
# The cited explanations the map was finished with (corpus passages, no patient text), so a
# saved map is shown and exported without the embedding model.
sources = Table(
    "interview_sources",
    stored_cues,
    Column(
        "session_id",
        String(40),
        ForeignKey("interview_sessions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("body", Text, nullable=False),  # JSON: explanations and citations
)


def _stored_cues(conn: Connection) -> None:
    stored_cues.create_all(conn, tables=[cues, reviews, sources])


MIGRATIONS: list[Migration] = [("0001_stored_cues", _stored_cues)]


def migrate(engine: Engine, base: MetaData, migrations: list[Migration] = MIGRATIONS) -> list[str]:
    """Create the base tables, then apply the migrations not yet applied; the names applied."""
    create_tables(engine, base)
    create_tables(engine, applied)
    done: list[str] = []
    for name, apply in migrations:
        with engine.connect() as conn:
            conn.execution_options(**{WRITE_LOCK: True})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
                query = select(migrations_table.c.name).where(migrations_table.c.name == name)
                if conn.execute(query).first() is not None:
                    continue
                apply(conn)
                conn.execute(insert(migrations_table).values(name=name, applied_at=_now()))
                done.append(name)
    return done


def _now() -> datetime:
    return datetime.now(UTC)
