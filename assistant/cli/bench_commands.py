"""`cuemap bench`: speed, memory and scale, with the targets checked.

The benchmark modules are imported when the command runs, so they add nothing to the start-up
of every other `cuemap` command (the Slack server's among them).
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from assistant.cli import runtime

DEFAULT_SCALES = "1000,10000,100000"


def register(app: typer.Typer) -> None:
    app.command()(bench)


def bench(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    scale: Annotated[
        str,
        typer.Option(
            help="Synthetic corpus sizes in chunks, comma-separated; 'none' skips the scale run "
            "(100,000 chunks take several minutes to embed on 2 cores)."
        ),
    ] = DEFAULT_SCALES,
    rounds: Annotated[
        int, typer.Option(min=1, help="Passes over the evaluation questions per latency.")
    ] = 3,
) -> None:
    """Measure ingest, warm latency, cold start, Slack acknowledgement, memory and scale."""
    from assistant.benchmark.report import (
        backends_table,
        bench_json,
        formats_table,
        latency_table,
        no_model_table,
        scale_table,
        startup_table,
        targets_table,
    )
    from assistant.benchmark.suite import run_bench

    sizes = _sizes(scale)
    with runtime.err.status("benchmark") as status:
        report = run_bench(
            runtime.settings(), sizes, rounds, lambda step: status.update(f"benchmark: {step}")
        )
    if as_json:
        print(json.dumps(bench_json(report), indent=2))
        return
    for title, table in [
        ("Targets", targets_table(report)),
        ("Warm latency over the evaluation questions", latency_table(report)),
        ("Ingest, start-up and memory", startup_table(report)),
        ("Embedding backends: cold start, memory, ingest, vector parity", backends_table(report)),
        ("Start-up of commands that need no model", no_model_table(report)),
        ("Ingest per format (generated files)", formats_table(report)),
        ("Scale (synthetic corpus)", scale_table(report) if report.scale else "skipped"),
    ]:
        runtime.out.print(f"\n[bold]{title}[/bold]")
        print(table)


def _sizes(scale: str) -> list[int]:
    if scale.strip().lower() in {"", "none", "0"}:
        return []
    try:
        return [int(part.replace("_", "").replace("k", "000")) for part in scale.split(",")]
    except ValueError:
        raise typer.BadParameter("use sizes like 1000,10000,100000 or 'none'") from None
