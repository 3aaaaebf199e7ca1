"""Replicas started together on a new database all boot: none fails creating a table that
another one created a moment before."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from assistant.interview.store import SqlSessionStore
from integrations.slack.store import SlackStore

REPLICAS = 6


@pytest.fixture
def new_postgres_database(postgres_url: str) -> Iterator[str]:
    """An empty database of this test's own on the test PostgreSQL server."""
    name = f"cuemap_boot_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def boot_together(boot: Callable[[], None]) -> list[BaseException]:
    """Run `boot` in REPLICAS threads released at the same moment; the errors they raised."""
    start, errors = threading.Barrier(REPLICAS), []

    def replica() -> None:
        start.wait()
        try:
            boot()
        except BaseException as error:  # collected, asserted on below
            errors.append(error)

    threads = [threading.Thread(target=replica) for _ in range(REPLICAS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def boot_app(url: str) -> None:
    SqlSessionStore(url).engine.dispose()
    db = create_engine(url)
    SlackStore(db)
    db.dispose()


def test_tables_replicas_booting_together_on_new_postgres_all_start(
    new_postgres_database: str,
) -> None:
    assert boot_together(lambda: boot_app(new_postgres_database)) == []
    tables = inspect(create_engine(new_postgres_database)).get_table_names()
    assert {"interview_sessions", "interview_answers", "slack_seen_requests"} <= set(tables)


def test_tables_workers_booting_together_on_new_sqlite_all_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cuemap.db'}"
    assert boot_together(lambda: boot_app(url)) == []
    assert "interview_answers" in inspect(create_engine(url)).get_table_names()
