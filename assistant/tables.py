"""Creating CueMap's tables when a process starts, also when several start at once.

Two app processes (or gunicorn workers) starting together on a new database would both see
a table missing and both create it; the slower one fails ("relation already exists") and
its process does not boot. On PostgreSQL they take turns under a transaction-scoped advisory
lock. SQLite has no such lock, so a process that loses the race waits a moment and checks
again, until the tables are all there.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, MetaData, Table, inspect, text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

SCHEMA_LOCK = 0x43_75_65_4D_61_70  # "CueMap": one lock key for every table set CueMap creates
RACE_ATTEMPTS = 10
BACK_OFF_S = 0.05  # times the attempt number: 2.75 s in all at most


def create_tables(engine: Engine, metadata: MetaData) -> None:
    for attempt in range(1, RACE_ATTEMPTS + 1):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
                metadata.create_all(conn)
            return
        except (IntegrityError, OperationalError, ProgrammingError):
            # Under PostgreSQL's lock this is no race but a real error. On SQLite it is
            # another process half-way through creating the same tables ("already exists"),
            # or holding the file's write lock ("database is locked"): wait, look again.
            if engine.dialect.name == "postgresql" or attempt == RACE_ATTEMPTS:
                raise
            time.sleep(BACK_OFF_S * attempt)


def add_missing_columns(engine: Engine, table: Table) -> None:
    """Add the nullable columns a newer CueMap gave `table` to a database made before them
    (`interview_safety_flags.status`); a column another process added first is left alone."""
    present = {column["name"] for column in inspect(engine).get_columns(table.name)}
    for column in table.columns:
        if column.name in present or not column.nullable:
            continue
        kind = column.type.compile(dialect=engine.dialect)
        try:
            with engine.begin() as conn:
                conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))
        except (OperationalError, ProgrammingError):
            if column.name not in {c["name"] for c in inspect(engine).get_columns(table.name)}:
                raise
