"""The same session store contract on PostgreSQL, when CUEMAP_TEST_DATABASE_URL names one."""

from __future__ import annotations

import os

import pytest

from assistant.interview.store import SqlSessionStore
from tests.interview.store_contract import SessionStoreContract

DATABASE_URL = os.environ.get("CUEMAP_TEST_DATABASE_URL", "")


@pytest.mark.skipif(
    not DATABASE_URL.startswith("postgresql"),
    reason="set CUEMAP_TEST_DATABASE_URL=postgresql://... to run against PostgreSQL",
)
class TestPostgresSessionStore(SessionStoreContract):
    @pytest.fixture
    def store(self) -> SqlSessionStore:
        return SqlSessionStore(DATABASE_URL)
