"""What every command shares: the settings and engine, built once, and clean error exits."""

from __future__ import annotations

import logging
import sys
from functools import cache

import typer
from rich.console import Console
from rich.markup import escape

from assistant.engine import Engine
from assistant.errors import CueMapError
from assistant.settings import Settings

out = Console()
err = Console(stderr=True, soft_wrap=True)


@cache
def settings() -> Settings:
    return Settings()


@cache
def engine() -> Engine:
    return Engine.from_settings(settings())


def ready_engine() -> Engine:
    """The engine with an index to answer from: built from corpus/ when missing or unreadable."""
    built = engine()
    built.ensure_index()
    return built


def run_safely(app: typer.Typer) -> None:
    """Run the CLI; a CueMapError becomes its message and exit code 1, never a traceback."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except CueMapError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)
