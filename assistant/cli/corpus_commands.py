"""`cuemap ingest`, `cuemap search`, `cuemap ask`."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli import runtime
from assistant.cli.runtime import escape
from assistant.errors import CueMapError

if TYPE_CHECKING:  # the answers' modules load with the command that prints them
    from assistant.answers.service import Explainer
    from assistant.screening import ScreenedQuestion

MAX_K = 50  # more passages than anyone reads; the ranking below that is noise


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(search)
    app.command()(ask)


def ingest() -> None:
    """Index the corpus folder; unchanged passages are not embedded again."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

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
    k: Annotated[int, typer.Option("-k", min=1, max=MAX_K, help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the ranked passages for QUERY with scores and provenance."""
    from assistant.cli.render import print_search, search_json

    result = runtime.ready_engine().explainer.search(query, k)
    if as_json:
        print(json.dumps(search_json(result), ensure_ascii=False, indent=2))
    else:
        print_search(runtime.out, result)


def ask(
    question: Annotated[str, typer.Argument(help="The question, or - to read one per line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Answer QUESTION from the sources, every statement cited.

    The safety card comes first when the question holds crisis language; identifiers are left
    out before searching, with a notice. With - each line of stdin is a question, answered
    under its own "Q1:" heading (a blank line is skipped and reported on stderr).
    """
    from assistant.cli.render import print_answer
    from assistant.cli.safety_render import print_screening
    from assistant.screening import screen_question

    engine = runtime.ready_engine()
    explainer = engine.explainer
    if question != "-":
        screened = screen_question(engine.safety, question)
        answer = explainer.ask(screened.text)
        if as_json:
            payload = {**answer.to_json(), **_screening_json(screened)}
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print_screening(runtime.out, screened)
            print_answer(runtime.out, answer)
        return
    asked = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            runtime.err.print(f"line {number}: empty, skipped")
            continue
        screened = screen_question(engine.safety, line)
        if as_json:
            try:
                payload = {**explainer.ask(screened.text).to_json(), **_screening_json(screened)}
            except CueMapError as exc:
                payload = {"question": screened.text.strip(), "error": str(exc)}
            print(json.dumps(payload, ensure_ascii=False), flush=True)
        else:
            asked += 1
            _print_one(asked, screened, explainer)


def _print_one(number: int, screened: ScreenedQuestion, explainer: Explainer) -> None:
    """One question of a batch as single `ask` shows it, headed by the question it answers
    (identifiers already replaced)."""
    from assistant.cli.render import print_answer
    from assistant.cli.safety_render import print_screening

    runtime.out.print(f"\n[bold]Q{number}: {escape(screened.text.strip())}[/bold]")
    print_screening(runtime.out, screened)
    try:
        print_answer(runtime.out, explainer.ask(screened.text))
    except CueMapError as exc:
        runtime.out.print(f"[red]{escape(str(exc))}[/red]")


def _screening_json(screened: ScreenedQuestion) -> dict:
    """The safety card (crisis language) and what was redacted, by type; only when present."""
    extra: dict = {}
    if screened.card is not None:
        extra["safety"] = screened.card.model_dump()
    if screened.redacted:
        extra["redacted"] = screened.redacted
    return extra
