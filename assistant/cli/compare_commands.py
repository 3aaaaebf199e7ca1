"""`cuemap compare LABEL`: how a patient's triggers, craving and confidence changed across the
clinician's finished sessions under one pseudonymous label; a table, and a chart saved to a file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.charts import FORMATS, ChartFormat
from assistant.cli import console as console_module
from assistant.cli import runtime
from assistant.cli.interview_commands import console_owner
from assistant.cli.runtime import escape

if TYPE_CHECKING:  # the comparison loads when a label is compared, not for `--help`
    from rich.console import Console

    from assistant.interview.service import InterviewService
    from assistant.settings import Settings


def compare_command(
    label: Annotated[str, typer.Argument(help="The pseudonymous label the sessions share.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Chart format: png or svg.")] = "png",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Save the chart here (default: the exports folder)."),
    ] = None,
) -> None:
    """Compare your finished sessions under LABEL: new, persisting and resolved triggers."""
    # the sessions only: stored, confirmed cues are compared, so no engine, model or index
    interviews = runtime.interviews()
    show_comparison(runtime.settings(), interviews, runtime.out, label, _format(fmt), out)


def show_comparison(
    settings: Settings,
    interviews: InterviewService,
    console: Console,
    label: str,
    fmt: ChartFormat = "png",
    out: Path | None = None,
) -> Path:
    """Print the comparison table, save the chart, print its path; the path."""
    from rich.markdown import Markdown

    from assistant.charts import Chart, compare, comparison_markdown
    from assistant.cli.chart_files import saved_files, write_chart

    owner = console_owner(settings)
    comparison = compare(interviews, owner, label)
    console.print(Markdown(comparison_markdown(comparison)))
    from assistant.charts.comparison_chart import comparison_chart  # matplotlib: only here

    chart = comparison_chart(comparison, fmt)
    shown = [point.session_id for point in comparison.sessions]  # erased with any of them
    files = saved_files(interviews)
    path = write_chart(chart, out, files, shown)
    # every row, also those the chart and terminal leave out
    rows = comparison_markdown(comparison, max_rows=None).encode()
    full = Chart(Path(chart.filename).with_suffix(".md").name, "text/markdown", rows)
    table = write_chart(full, out.with_suffix(".md") if out else None, files, shown)
    console.print(f"\nChart saved to {escape(str(path))}", highlight=False, soft_wrap=True)
    console.print(f"Full table saved to {escape(str(table))}", highlight=False, soft_wrap=True)
    return path


def console_compare(session: console_module.ConsoleSession, rest: str) -> None:
    """compare LABEL"""
    if not rest.strip():
        session.console.print("Usage: compare LABEL (a pseudonymous label, e.g. Pt-A)")
        return
    engine = session.engine
    show_comparison(engine.settings, engine.interviews, session.console, rest.strip())


def _format(fmt: str) -> ChartFormat:
    if fmt not in FORMATS:
        raise typer.BadParameter("use png or svg", param_hint="--format")
    return fmt  # type: ignore[return-value]


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
    console_module.EXTRA_COMMANDS["compare"] = (
        "compare your finished sessions under a label (compare LABEL)",
        console_compare,
    )
