"""`cuemap fit-adapter`: fit the query adapter on the dev questions, after cross-validating it.

The adapter (assistant/answers/query_adapter.py) ships with CueMap; refit it when the labelled
dev questions, the corpus or the embedding model change. torch is imported here only.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli import runtime


def register(app: typer.Typer) -> None:
    app.command(name="fit-adapter")(fit_adapter)


def fit_adapter(
    write: Annotated[
        bool,
        typer.Option(
            "--write/--check",
            help="Write the fitted adapter into the package (default), or only cross-validate.",
        ),
    ] = True,
) -> None:
    """Cross-validate the query adapter on the dev questions, then fit it on all of them."""
    from assistant.answers.query_adapter import ADAPTER_FILE
    from assistant.evaluation.adapter_fit import FOLDS, cross_validate, fit, training_set
    from assistant.evaluation.labels import load_retrieval_set
    from assistant.evaluation.report import markdown_table
    from assistant.evaluation.workspace import built_engine
    from assistant.retrieval.embedder import model_name, resolve_model_path

    settings = runtime.settings().model_copy(update={"query_adapter": False})
    model = model_name(resolve_model_path(settings.embedding_model))
    with tempfile.TemporaryDirectory(prefix="cuemap-adapter-") as data_dir:
        engine, corpus = built_engine(settings, Path(data_dir))
        dev = load_retrieval_set(corpus.documents).split("dev")
        data = training_set(engine, corpus, dev)
        with runtime.err.status(f"Cross-validating on {len(data.questions)} dev questions…"):
            scores = cross_validate(engine, corpus, data, model)
    runtime.out.print(
        f"\nDev questions, each answered by a ranking that never saw it ({FOLDS} folds)\n"
    )
    rows = [
        [name, f"{s.cited_right:.3f}", f"{s.citation_precision:.3f}", f"{s.first_cited_right:.3f}"]
        for name, s in scores.items()
    ]
    print(markdown_table(["posts ranked by", "cited right", "precision", "1st cite"], rows))
    if not write:
        return
    adapter = fit(data, model)
    adapter.save()
    runtime.out.print(
        f"\nFitted on {len(data.questions)} dev questions (fingerprint {adapter.questions}), "
        f"written to {ADAPTER_FILE}."
    )
