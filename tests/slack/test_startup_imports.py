"""A bot worker acknowledges its first request within a second of starting only while the
modules it imports before listening stay light: the vectors' and the index's libraries, and
SQLAlchemy's ORM (which only an OAuth install's stores need), load afterwards."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.settings import PROJECT_ROOT

NOT_BEFORE_THE_FIRST_ACK = (
    "numpy",
    "torch",
    "onnxruntime",
    "chromadb",
    "bm25s",
    "spacy",
    "medspacy",
    "wordfreq",
    "matplotlib",
    "sqlalchemy.orm",
    "sqlalchemy.ext.asyncio",
)
PROBE = (
    "import json, sys\n"
    "import assistant.cli, integrations.slack.server\n"
    f"print(json.dumps([m for m in {NOT_BEFORE_THE_FIRST_ACK!r} if m in sys.modules]))\n"
)


def test_startup_imports_of_the_slack_server_leave_vectors_index_and_orm_for_later() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=True,
    )

    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
