"""What every command shares: the settings and engine, built once, and clean error exits.

Nothing here is imported before a command needs it: `--help` and `--version` load neither the
settings (pydantic) nor rich's console, and the terminals `out` and `err` are made on first use.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from typing import TYPE_CHECKING

import typer

from assistant.errors import CueMapError

if TYPE_CHECKING:  # the engine's modules load when a command needs it, not for `--help`
    from rich.console import Console

    from assistant.engine import Engine
    from assistant.interview.service import InterviewService
    from assistant.settings import Settings

    out: Console  # standard output
    err: Console  # standard error, soft-wrapped

_CONSOLES: dict[str, dict[str, bool]] = {"out": {}, "err": {"stderr": True, "soft_wrap": True}}


def _console(name: str) -> Console:
    made = globals().get(name)
    if made is None:
        from rich.console import Console

        made = globals()[name] = Console(**_CONSOLES[name])
    return made


def __getattr__(name: str) -> Console:
    """`runtime.out` and `runtime.err`, made on first use."""
    if name in _CONSOLES:
        return _console(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def escape(text: str) -> str:
    """`text` shown as it is in rich's markup (rich loads on first use, not for `--version`)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


@cache
def settings() -> Settings:
    from assistant.settings import Settings

    return Settings()


@cache
def engine() -> Engine:
    from assistant.engine import Engine

    return Engine.from_settings(settings())


@cache
def interviews() -> InterviewService:
    """Saved sessions without the engine: show, export and list read stored cues and stored
    explanations, so no embedding model or index is loaded (about a second)."""
    from assistant.interview.service import InterviewService

    return InterviewService.from_settings(settings())


def ready_engine() -> Engine:
    """The engine with an index to answer from: built from corpus/ when missing or unreadable."""
    built = engine()
    built.ensure_index()
    return built


UNEXPECTED = (
    "CueMap failed unexpectedly ({kind}). Answers already given are saved. Please report it "
    "with the command you ran; CUEMAP_DEBUG=1 shows the details."
)


def unexpected(exc: Exception) -> str:
    """What the clinician reads about a bug: its kind only (its message may hold their text)."""
    return UNEXPECTED.format(kind=type(exc).__name__)


def debugging() -> bool:
    try:
        return settings().debug
    except Exception:  # the settings themselves are what failed
        return False


def run_safely(app: typer.Typer) -> None:
    """Run the CLI with clean exits, never a traceback unless CUEMAP_DEBUG is set.

    A CueMapError (bad input, missing index) prints its message and exits 1; anything else is
    a bug and prints a short notice naming only its kind, exit code 2.
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except CueMapError as exc:
        _console("err").print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)
    except Exception as exc:
        if debugging():
            raise
        _console("err").print(f"[red]error:[/red] {unexpected(exc)}")
        sys.exit(2)
