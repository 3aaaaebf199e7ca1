"""`cuemap ingest`, `cuemap search`, `cuemap ask`."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from assistant.cli import runtime
from assistant.cli.render import print_answer, print_search, search_json
from assistant.errors import CueMapError


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(search)
    app.command()(ask)


def ingest() -> None:
    """Index the corpus folder; unchanged passages are not embedded again."""
    engine = runtime.engine()
    with Progress(
        TextColumn("embedding"), BarColumn(), MofNCompleteColumn(), console=runtime.err
    ) as bar:
        task = bar.add_task("embedding", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, total=total, advance=done)

        report, problems = engine.ingest(advance)
    for problem in problems:
        runtime.err.print(f"[yellow]skipped[/yellow] {escape(problem.reason)}")
    runtime.out.print(
        f"{report.total} passages indexed: {report.added} new, {report.unchanged} unchanged, "
        f"{report.removed} removed ({report.seconds:.2f} s)."
    )


def search(
    query: str,
    k: Annotated[int, typer.Option("-k", help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the ranked passages for QUERY with scores and provenance."""
    result = runtime.ready_engine().explainer.search(query, k)
    if as_json:
        print(json.dumps(search_json(result), ensure_ascii=False, indent=2))
    else:
        print_search(runtime.out, result)


def ask(
    question: Annotated[str, typer.Argument(help="The question, or - to read one per line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Answer QUESTION from the sources, every statement cited."""
    explainer = runtime.ready_engine().explainer
    if question != "-":
        answer = explainer.ask(question)
        if as_json:
            print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        else:
            print_answer(runtime.out, answer)
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            payload = explainer.ask(line).to_json()
        except CueMapError as exc:
            payload = {"question": line.strip(), "error": str(exc)}
        if as_json:
            print(json.dumps(payload, ensure_ascii=False), flush=True)
        else:
            print(payload.get("answer", payload.get("error")), flush=True)
