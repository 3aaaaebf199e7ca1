"""Run the real `cuemap` command in-process, with its settings taken from the environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app, runtime
from tests.conftest import CORPUS


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    env = {"CUEMAP_DATA_DIR": str(tmp_path / "data"), "CUEMAP_CORPUS_DIR": str(CORPUS)}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no stray .env
    runtime.settings.cache_clear()
    runtime.engine.cache_clear()
    yield env
    runtime.settings.cache_clear()
    runtime.engine.cache_clear()


@pytest.fixture
def cuemap(cli_env: dict[str, str]):
    runner = CliRunner()

    def invoke(*args: str, stdin: str | None = None):
        return runner.invoke(app, list(args), input=stdin, catch_exceptions=False)

    return invoke
