"""Where the scale-out tests find the services scripts/services.sh starts on loopback."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

HOW = "run `bash scripts/test.sh`, or `source scripts/services.sh` first, to start it on loopback"


@dataclass(frozen=True)
class SharedServices:
    database_url: str  # PostgreSQL
    chroma: tuple[str, int]  # a Chroma server


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get("CUEMAP_TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip(f"needs PostgreSQL (CUEMAP_TEST_DATABASE_URL): {HOW}")
    return url


@pytest.fixture
def shared_services(postgres_url: str) -> SharedServices:
    host = os.environ.get("CUEMAP_TEST_CHROMA_HOST")
    port = os.environ.get("CUEMAP_TEST_CHROMA_PORT")
    if not host or not port:
        pytest.skip(f"needs a Chroma server (CUEMAP_TEST_CHROMA_HOST/PORT): {HOW}")
    return SharedServices(postgres_url, (host, int(port)))
