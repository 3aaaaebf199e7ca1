"""`cuemap purge`: erase expired interview sessions, or one session now, for real.

    cuemap purge                  every session untouched for CUEMAP_RETENTION_DAYS (default 30)
    cuemap purge --session ID     one session now, whoever owns it (an operator's command)

The console and `cuemap serve` purge expired sessions when they start, too.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli import runtime
from assistant.cli.runtime import escape
from assistant.errors import SessionNotFoundError

if TYPE_CHECKING:
    from rich.console import Console

    from assistant.engine import Engine

log = logging.getLogger(__name__)


def purge(
    session: Annotated[
        str | None, typer.Option("--session", help="Erase this session now, whoever owns it.")
    ] = None,
) -> None:
    """Erase expired interview sessions and their answers (rows deleted, freed pages wiped)."""
    interviews = runtime.interviews()  # the sessions only: no engine, no model
    if session is not None:
        if not interviews.erase(session):
            raise SessionNotFoundError("No such interview session.")
        runtime.out.print(f"Erased session {escape(session)} and all its answers.")
        return
    erased = interviews.purge_expired()
    days = runtime.settings().retention_days
    runtime.out.print(f"Erased {_sessions(len(erased))} untouched for {days} days or more.")


def purge_on_start(engine: Engine, console: Console) -> None:
    """At start-up: erase what has expired, and say so only when something was."""
    erased = engine.interviews.purge_expired()
    if erased:
        log.info("retention purge erased %d sessions", len(erased))
        days = engine.settings.retention_days
        console.print(f"[dim]Erased {_sessions(len(erased))} untouched for {days} days.[/dim]")


def _sessions(count: int) -> str:
    return f"{count} interview session{'' if count == 1 else 's'}"


def register(app: typer.Typer) -> None:
    app.command()(purge)
