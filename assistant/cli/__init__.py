"""The `cuemap` command. Each command group lives in its own module and registers itself."""

from __future__ import annotations

import typer

from assistant.cli import (
    adapter_commands,
    bench_commands,
    compare_commands,
    console,
    corpus_commands,
    crisis_fit_commands,
    eval_commands,
    interview_commands,
    library_commands,
    purge_commands,
    serve,
)
from assistant.cli.runtime import run_safely

app = typer.Typer(
    name="cuemap",
    help="CueMap: cue-mapping interviews and cited addiction-neuroscience explanations.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
corpus_commands.register(app)
library_commands.register(app)
console.register(app)
serve.register(app)
eval_commands.register(app)
adapter_commands.register(app)
crisis_fit_commands.register(app)
interview_commands.register(app)
bench_commands.register(app)
compare_commands.register(app)
purge_commands.register(app)


def main() -> None:
    run_safely(app)
