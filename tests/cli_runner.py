"""The real `cuemap` app run in-process for tests, with the fast hashing embedder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from assistant.cli import app, runtime
from assistant.engine import Engine
from tests.conftest import CORPUS
from tests.fakes import HashingEmbedder

Invoke = Callable[..., Result]


def fast_cuemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_id: str) -> Iterator[Invoke]:
    """Settings from the environment as in production (temp data dir, the clinician's user)."""
    monkeypatch.setenv("CUEMAP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CUEMAP_CORPUS_DIR", str(CORPUS))
    monkeypatch.setenv("CUEMAP_CONSOLE_USER", user_id)
    monkeypatch.chdir(tmp_path)
    runtime.settings.cache_clear()
    runtime.interviews.cache_clear()
    monkeypatch.setattr(
        runtime,
        "engine",
        cache(lambda: Engine.from_settings(runtime.settings(), HashingEmbedder())),
    )
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)

    yield invoke
    runtime.settings.cache_clear()
    runtime.interviews.cache_clear()
