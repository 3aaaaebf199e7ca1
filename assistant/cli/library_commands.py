"""`cuemap add`, `cuemap remove`, `cuemap sources`: growing the library, an operator's job."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli import runtime
from assistant.cli.runtime import escape
from assistant.errors import CorpusError


def register(app: typer.Typer) -> None:
    app.command()(add)
    app.command()(remove)
    app.command()(sources)


def add(
    items: Annotated[list[str], typer.Argument(help="Files (.html .pdf .docx .md .txt) or URLs.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Update a file of the same name in corpus/.")
    ] = False,
) -> None:
    """Put files or Thread Reader pages into corpus/ and index them (refused ones by name)."""
    from assistant.corpus.library import add as add_source  # httpx and the parsers, on use

    corpus_dir = runtime.settings().corpus_dir
    refused = 0
    for item in items:
        try:
            added = add_source(item, corpus_dir, replace=replace)
        except CorpusError as exc:
            runtime.err.print(f"[red]refused[/red] {escape(str(exc))}")
            refused += 1
            continue
        passages = sum(len(t.posts) for t in added.document.threads)
        title = added.document.threads[0].title
        runtime.out.print(
            f"{added.status}: {escape(added.name)} ({added.document.kind}, “{escape(title)}”, "
            f"{passages} posts)"
        )
    _ingest()
    if refused:
        raise typer.Exit(1)


def remove(
    names: Annotated[list[str], typer.Argument(help="File names in corpus/ (`cuemap sources`).")],
) -> None:
    """Delete files from corpus/ and their passages from the index."""
    from assistant.corpus.library import remove as remove_source

    corpus_dir = runtime.settings().corpus_dir
    for name in names:
        remove_source(name, corpus_dir)
        runtime.out.print(f"removed: {escape(name)}")
    _ingest()


def sources() -> None:
    """What the library holds: title, kind, date added, passages, URL or file."""
    library = runtime.ready_engine().index.sources()
    for s in library:
        print(
            f"“{s.title}” ({s.kind}), added {s.added or 'before dates were kept'}, "
            f"{s.passages} passages, {s.url or s.source}"
        )
    if not library:
        runtime.out.print("The library is empty: add files with `cuemap add`.")


def _ingest() -> None:
    report, problems = runtime.engine().ingest()
    for problem in problems:
        runtime.err.print(f"[yellow]skipped[/yellow] {escape(problem.reason)}")
    runtime.out.print(
        f"{report.total} passages indexed: {report.added} new, {report.unchanged} unchanged, "
        f"{report.removed} removed ({report.seconds:.2f} s)."
    )
