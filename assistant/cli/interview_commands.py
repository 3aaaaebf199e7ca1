"""`cuemap interview`: run, resume, list, show, export and delete interviews in the terminal.

    cuemap interview [--label Pt-A]                       guided interview, cue map at the end
    cuemap interview --answers FILE --format markdown     scripted: answers from a JSON file
    cuemap interview list | resume ID | show ID | export ID -f fhir | delete ID | questionnaire

The console's `interview` command runs the same code.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast, get_args

import typer

from assistant.charts import FORMATS
from assistant.cli import console as console_module
from assistant.cli import runtime
from assistant.cli.purge_commands import purge_on_start
from assistant.cli.runtime import escape
from assistant.interview.models import ExportFormat, FhirVersion, Owner

if TYPE_CHECKING:  # sessions need SQLAlchemy, the terminal rich: imported by the commands
    from assistant.interview.saved_files import SavedFiles
    from assistant.interview.scripted import ScriptNotes
    from assistant.interview.service import InterviewService
    from assistant.settings import Settings

ALL_FORMATS: tuple[str, ...] = (*get_args(ExportFormat), *FORMATS)


def _spoken(words: tuple[str, ...]) -> str:
    """'markdown, json, fhir, png or svg'."""
    return ", ".join(words[:-1]) + " or " + words[-1]


def _check_format(fmt: str) -> str:
    if fmt not in ALL_FORMATS:
        raise typer.BadParameter(f"use {_spoken(ALL_FORMATS)}")
    return fmt


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        callback=_check_format,
        help=f"{_spoken(ALL_FORMATS)}: the note, JSON, a FHIR QuestionnaireResponse, or the "
        "relapse chain as a picture (a file, never printed).",
    ),
]
VersionOption = Annotated[
    str, typer.Option("--fhir-version", help="R5 (default) or R4B for SDC-based systems.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "--out",
        "-o",
        help="Write to this file instead of stdout. A picture without it goes to the current "
        "folder (--answers without --save) or to <data dir>/exports/.",
    ),
]

interview_app = typer.Typer(
    help="Cue-mapping interviews: run one, or list, resume, export and delete them.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def console_owner(settings: Settings) -> Owner:
    """Interviews started in the terminal belong to the console user (CUEMAP_CONSOLE_USER)."""
    return Owner("local", settings.console_user)


@interview_app.callback()
def interview(
    ctx: typer.Context,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Run non-interactively from a JSON file; nothing is stored without --save.",
        ),
    ] = None,
    fmt: FormatOption = "markdown",
    fhir_version: VersionOption = "R5",
    label: Annotated[str, typer.Option("--label", help="Pseudonymous label, never a name.")] = "",
    save: Annotated[
        bool, typer.Option("--save", help="With --answers: keep the session in the database.")
    ] = False,
    output: OutputOption = None,
) -> None:
    """With no subcommand: run a guided interview (or a scripted one with --answers)."""
    if ctx.invoked_subcommand is not None:
        return
    if answers is not None:
        _scripted(answers, fmt, fhir_version, save, output)
        return
    from rich.prompt import Prompt

    from assistant.cli.chart_files import announce_saved
    from assistant.cli.interview_loop import InterviewLoop

    engine = runtime.ready_engine()
    owner = console_owner(engine.settings)
    service = engine.interviews
    purge_on_start(engine, runtime.err)
    if not label:
        label = Prompt.ask("Pseudonymous label (e.g. Pt-A; never a name)", default="")
    loop = InterviewLoop(service, owner, runtime.out, Prompt.ask)
    cue_map = loop.run(loop.start(label))
    announce_saved(runtime.out, service, owner, cue_map)


def _scripted(path: Path, fmt: str, fhir_version: str, save: bool, output: Path | None) -> None:
    from assistant.cli.chart_files import saved_files
    from assistant.interview.scripted import ScriptNotes, read_answers_file, run_scripted
    from assistant.interview.service import InterviewService
    from assistant.interview.store import SqlSessionStore

    script = read_answers_file(path)
    script.split(runtime.engine().interviews.template)  # refuse a bad file before any indexing
    engine = runtime.ready_engine()
    owner = console_owner(engine.settings)
    service = engine.interviews
    if not save:  # a scratch database in memory: scripting leaves nothing behind
        service = InterviewService(
            SqlSessionStore("sqlite://"),
            service.template,
            service.extractor,
            service.explainer,
            safety=engine.safety,
        )
    notes = ScriptNotes()
    session_id = run_scripted(service, owner, script, notes)
    _report(notes)
    if save:
        runtime.err.print(f"saved as session {session_id}")
    # Unsaved means CueMap keeps nothing: a picture goes where the clinician is, not the data dir.
    files = saved_files(engine.interviews) if save else None
    _emit(service, owner, session_id, fmt, fhir_version, output, files)


def _report(notes: ScriptNotes) -> None:
    """On stderr: what was redacted (by type, never by value) and any safety card."""
    from assistant.cli.safety_render import print_card

    if notes.redacted:
        runtime.err.print(f"redacted: {notes.redaction_summary()}")
    for card in notes.safety:
        print_card(runtime.err, card)


def _emit(
    service: InterviewService,
    owner: Owner,
    session_id: str,
    fmt: str,
    fhir_version: str,
    output: Path | None,
    files: SavedFiles | None,
) -> None:
    """The export on stdout or in `output`; a picture in `output`, the exports folder (`files`)
    or, for an unsaved run, the current folder."""
    if fmt in FORMATS:  # the relapse-chain picture: a file, never binary on the terminal
        from assistant.charts.chain import chain_chart  # matplotlib: only here
        from assistant.cli.chart_files import write_chart

        chart = chain_chart(service.cue_map(owner, session_id), fmt)  # type: ignore[arg-type]
        target = Path(chart.filename) if output is None and files is None else output
        path = write_chart(chart, target, files, [session_id])
        runtime.err.print(f"wrote {escape(str(path if output else path.resolve()))}")
        return
    export = service.export(owner, session_id, cast(ExportFormat, fmt), _version(fhir_version))
    if output is None:
        print(export.content, end="" if export.content.endswith("\n") else "\n")
    else:
        output.write_text(export.content, encoding="utf-8")
        runtime.err.print(f"wrote {escape(str(output))}")


@interview_app.command("list")
def list_sessions(
    everything: Annotated[bool, typer.Option("--all", help="Include finished sessions.")] = False,
) -> None:
    """Your interview sessions, most recent first."""
    from rich.table import Table

    owner = console_owner(runtime.settings())
    sessions = runtime.interviews().list(owner, include_finished=everything)
    if not sessions:
        runtime.out.print("No interview sessions." if everything else "No open interviews.")
        return
    table = Table("session", "label", "status", "answered", "updated (UTC)")
    for s in sessions:
        updated = s.updated_at.strftime("%Y-%m-%d %H:%M")
        table.add_row(s.session_id, escape(s.label), s.status, f"{s.answered}/{s.total}", updated)
    runtime.out.print(table)


@interview_app.command()
def resume(session_id: str) -> None:
    """Go on with a session at its next unanswered question."""
    from rich.prompt import Prompt

    from assistant.cli.chart_files import announce_saved
    from assistant.cli.interview_loop import InterviewLoop

    engine = runtime.ready_engine()
    owner = console_owner(engine.settings)
    view = engine.interviews.view(owner, session_id)
    cue_map = InterviewLoop(engine.interviews, owner, runtime.out, Prompt.ask).run(view)
    announce_saved(runtime.out, engine.interviews, owner, cue_map)


@interview_app.command()
def show(session_id: str) -> None:
    """Print a session's cue map (the Markdown note): stored cues, no model."""
    from rich.markdown import Markdown

    export = runtime.interviews().export(console_owner(runtime.settings()), session_id, "markdown")
    runtime.out.print(Markdown(export.content))


@interview_app.command()
def export(
    session_id: str,
    fmt: FormatOption = "markdown",
    fhir_version: VersionOption = "R5",
    output: OutputOption = None,
) -> None:
    """Export a session: the note, JSON, FHIR or the chain picture (no model needed)."""
    from assistant.cli.chart_files import saved_files

    owner, service = console_owner(runtime.settings()), runtime.interviews()
    _emit(service, owner, session_id, fmt, fhir_version, output, saved_files(service))


@interview_app.command()
def reextract(session_id: str) -> None:
    """Extract a saved session's cues again (one saved before cues were stored, or after a
    lexicon upgrade): the cues each episode's review showed are replaced."""
    engine = runtime.engine()
    owner = console_owner(engine.settings)
    found = engine.interviews.reextract(owner, session_id)
    runtime.out.print(
        f"Extracted {found} cue{'s' if found != 1 else ''} from the answers of {session_id}; "
        "review them with: cuemap interview resume " + session_id
    )


@interview_app.command()
def delete(
    session_id: str,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Erase a session and all its answers."""
    owner, service = console_owner(runtime.settings()), runtime.interviews()  # no engine, no model
    view = service.view(owner, session_id)
    if not yes and not typer.confirm(f"Erase {view.label} ({session_id}) and all its answers?"):
        runtime.out.print("Not deleted.")
        return
    service.delete(owner, session_id)
    runtime.out.print(f"Deleted {escape(view.label)} ({session_id}).")


@interview_app.command()
def questionnaire(fhir_version: VersionOption = "R5", output: OutputOption = None) -> None:
    """The interview template as a FHIR Questionnaire."""
    published = runtime.engine().interviews.questionnaire(_version(fhir_version))
    if output is None:
        print(published.content)
    else:
        output.write_text(published.content, encoding="utf-8")
        runtime.err.print(f"wrote {escape(str(output))}")


def _version(version: str) -> FhirVersion:
    if version not in ("R5", "R4B"):
        raise typer.BadParameter("use R5 or R4B", param_hint="--fhir-version")
    return version  # type: ignore[return-value]


# -- the console's `interview` command -------------------------------------------------------


def console_interview(session: console_module.ConsoleSession, rest: str) -> None:
    """interview [label] | interview list | interview resume ID | interview show ID"""
    from rich.markdown import Markdown

    from assistant.cli.chart_files import announce_saved
    from assistant.cli.interview_loop import InterviewLoop

    engine = session.engine
    owner = console_owner(engine.settings)
    service = engine.interviews
    action, _, argument = rest.partition(" ")
    loop = InterviewLoop(service, owner, session.console, session.ask, "interview resume")
    if action == "list":
        for s in service.list(owner):
            session.console.print(
                f"  {s.session_id}  {escape(s.label)}  {s.status}  {s.answered}/{s.total}"
            )
    elif action == "resume" and argument:
        cue_map = loop.run(service.view(owner, argument.strip()))
        announce_saved(session.console, service, owner, cue_map)
    elif action == "show" and argument:
        note = service.export(owner, argument.strip(), "markdown")
        session.console.print(Markdown(note.content))
    else:
        label = rest.strip() or session.ask("Pseudonymous label (e.g. Pt-A; never a name)")
        cue_map = loop.run(loop.start(label))
        announce_saved(session.console, service, owner, cue_map)


def register(app: typer.Typer) -> None:
    app.add_typer(interview_app, name="interview")
    console_module.EXTRA_COMMANDS["interview"] = (
        "run a cue-mapping interview (interview [label] | list | resume ID | show ID)",
        console_interview,
    )
