"""The terminal console: ask questions, read sources, start an interview. No Slack needed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli import runtime
from assistant.cli.runtime import escape
from assistant.errors import CueMapError

if TYPE_CHECKING:  # what the console shows loads when it opens, not for `--help`
    from rich.console import Console

    from assistant.answers.models import Answer
    from assistant.engine import Engine

log = logging.getLogger(__name__)

BANNER = (
    "[bold]CueMap[/bold] — clinical decision support for licensed clinicians. Educational "
    "sources, not a substitute for clinical judgement, not for emergencies.\n"
    "Type a question, or [bold]help[/bold] for commands."
)


@dataclass
class ConsoleSession:
    engine: Engine
    console: Console
    last_answer: Answer | None = None
    done: bool = False
    ask: Callable[[str], str] = field(default_factory=lambda: _prompt())
    commands: dict[str, tuple[str, Callable[[ConsoleSession, str], None]]] = field(
        default_factory=dict
    )


def _prompt() -> Callable[[str], str]:
    from rich.prompt import Prompt

    return Prompt.ask


def _help(session: ConsoleSession, _: str) -> None:
    for name, (summary, _handler) in sorted(session.commands.items()):
        session.console.print(f"  [bold]{name}[/bold]  {escape(summary)}")
    session.console.print("  Anything else is a question for the sources.")


def _sources(session: ConsoleSession, _: str) -> None:
    if session.last_answer is None or not session.last_answer.citations:
        session.console.print("No sources yet: ask a question first.")
        return
    for citation in session.last_answer.citations:
        session.console.print(f"\n[bold][{citation.n}] {escape(citation.provenance())}[/bold]")
        session.console.print(escape(citation.text))


def _topics(session: ConsoleSession, _: str) -> None:
    for title in session.engine.index.topics():
        session.console.print(f"  • {escape(title)}")


def _quit(session: ConsoleSession, _: str) -> None:
    session.done = True


BUILTIN_COMMANDS: dict[str, tuple[str, Callable[[ConsoleSession, str], None]]] = {
    "help": ("list commands", _help),
    "sources": ("show the full text of the last answer's sources", _sources),
    "topics": ("list the topics the sources cover", _topics),
    "quit": ("leave the console", _quit),
}

# Other modules (the interview) add their console commands here.
EXTRA_COMMANDS: dict[str, tuple[str, Callable[[ConsoleSession, str], None]]] = {}


def run_console(engine: Engine, console: Console, ask: Callable[[str], str] | None = None) -> None:
    """The console until `quit` or end of input; `ask` reads a line (rich's prompt)."""
    from assistant.cli.purge_commands import purge_on_start
    from assistant.cli.render import print_answer
    from assistant.cli.safety_render import print_screening
    from assistant.screening import screen_question

    ask = ask or _prompt()
    session = ConsoleSession(
        engine, console, ask=ask, commands={**BUILTIN_COMMANDS, **EXTRA_COMMANDS}
    )
    console.print(BANNER)
    purge_on_start(engine, console)
    while not session.done:
        try:
            line = ask("\n[bold cyan]cuemap[/bold cyan]").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line:
            continue
        name, _, rest = line.partition(" ")
        command = session.commands.get(name.lower().lstrip(":/"))
        try:
            if command:
                command[1](session, rest.strip())
            else:
                screened = screen_question(engine.safety, line)
                print_screening(console, screened)
                session.last_answer = engine.explainer.ask(screened.text)
                print_answer(console, session.last_answer)
        except CueMapError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]")
        except Exception as exc:  # one failed question must not end the session
            if runtime.debugging():
                raise
            log.error(
                "console: %s failed: %s", "command" if command else "question", type(exc).__name__
            )
            console.print(f"[red]{runtime.unexpected(exc)}[/red]")
    console.print("Goodbye.")


def print_version(wanted: bool) -> None:
    """`cuemap --version`: answered before any settings, index or model is touched."""
    if not wanted:
        return
    from importlib import metadata

    try:
        version = metadata.version("cuemap")
    except metadata.PackageNotFoundError:  # a source checkout that was never installed
        from assistant import __version__ as version
    print(f"cuemap {version}")
    raise typer.Exit()


def register(app: typer.Typer) -> None:
    @app.callback(invoke_without_command=True)
    def default(
        ctx: typer.Context,
        version: Annotated[
            bool,
            typer.Option(
                "--version",
                is_eager=True,
                callback=print_version,
                help="Print CueMap's version and exit.",
            ),
        ] = False,
    ) -> None:
        """With no command: open the console."""
        if ctx.invoked_subcommand is None:
            run_console(runtime.ready_engine(), runtime.out)

    @app.command()
    def console() -> None:
        """Open the console: ask questions, see sources, run an interview."""
        run_console(runtime.ready_engine(), runtime.out)

    @app.command()
    def start() -> None:
        """Run the main job: the Slack bot when Slack tokens are set, otherwise the console."""
        if runtime.settings().slack_configured:
            from assistant.cli.serve import serve

            serve()
        else:
            run_console(runtime.ready_engine(), runtime.out)
