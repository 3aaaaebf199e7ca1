"""`cuemap eval`: answer quality against the baselines, on the labelled questions in eval/.

The evaluation modules (LangChain, chromadb's in-memory client) are imported when the command
runs, so they add nothing to the start-up of every other `cuemap` command.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli import runtime
from assistant.cli.crisis_eval_report import crisis_json, crisis_scores, print_crisis_table

if TYPE_CHECKING:
    from assistant.corpus.loader import LoadedCorpus
    from assistant.evaluation.cue_scoring import CategoryScore
    from assistant.evaluation.phi_eval import PhiScores
    from assistant.evaluation.retrieval_eval import AnswerSummary, RetrievalEvaluation


def register(app: typer.Typer) -> None:
    app.command(name="eval")(evaluate)


def evaluate(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    every: Annotated[
        int, typer.Option("--every", min=1, help="Use every n-th question, for a quick run.")
    ] = 1,
    handouts: Annotated[
        Path | None,
        typer.Option(
            help="Also index this folder of material (e.g. eval/handouts) beside the corpus, "
            "to check it does not crowd out the labelled answers."
        ),
    ] = None,
    cues_only: Annotated[
        bool,
        typer.Option(
            "--cues",
            help="Only the cue extraction, dev and test splits (no index is built; ~20 s).",
        ),
    ] = False,
) -> None:
    """Score CueMap and the baselines a user would reach for on the labelled questions."""
    if cues_only:
        _cues_only(as_json)
        return
    from assistant.corpus.loader import load_corpus
    from assistant.evaluation.cue_eval import evaluate_cues
    from assistant.evaluation.handout_eval import evaluate_handouts
    from assistant.evaluation.labels import load_retrieval_set
    from assistant.evaluation.retrieval_eval import evaluate_retrieval
    from assistant.evaluation.workspace import built_engine

    settings = runtime.settings()
    with tempfile.TemporaryDirectory(prefix="cuemap-eval-") as data_dir:
        engine, corpus = built_engine(settings, Path(data_dir), extra=handouts)
        questions = load_retrieval_set(corpus.documents).subset(every)
        with runtime.err.status("Ranking the labelled questions with every system…"):
            evaluation = evaluate_retrieval(
                engine, corpus.documents, questions, settings.corpus_dir
            )
        extra = load_corpus(handouts) if handouts else None
        handout_results = None
        if extra is not None and _holds_labelled_handouts(extra):
            with runtime.err.status("Asking the handouts' own questions…"):
                handout_results = evaluate_handouts(engine, extra)
        with runtime.err.status("Extracting cues from the labelled answers…"):
            cues = evaluate_cues(settings, engine.embedder)
            cues_lexicon = evaluate_cues(settings, None)
    crisis = crisis_scores(settings)
    with runtime.err.status("Redacting the labelled identifier and clean answers…"):
        phi = _phi_scores()
    if as_json:
        _print_json(evaluation, cues, cues_lexicon, crisis_json(crisis), phi, handout_results)
    else:
        _print_tables(evaluation, cues, cues_lexicon)
        if extra is not None:
            _print_handouts(handout_results, extra)
        print_crisis_table(crisis)
        _print_phi(phi)


def _holds_labelled_handouts(extra: LoadedCorpus) -> bool:
    """Whether the folder holds the handouts eval/handout_questions.yaml is labelled on."""
    from assistant.errors import EvaluationDataError
    from assistant.evaluation.handout_eval import HANDOUT_SET
    from assistant.evaluation.labels import load_retrieval_set

    try:
        load_retrieval_set(extra.documents, HANDOUT_SET)
    except EvaluationDataError:
        return False
    return True


def _print_handouts(results: dict[str, AnswerSummary] | None, extra: LoadedCorpus) -> None:
    from assistant.evaluation.handout_eval import HANDOUT_COLUMNS, handout_rows
    from assistant.evaluation.report import markdown_table

    if results is None:
        runtime.out.print(
            "\nThe handout questions (eval/handout_questions.yaml) are labelled on "
            "eval/handouts; this folder holds other material, so only the threads' questions "
            "were asked with it indexed."
        )
        return
    runtime.out.print(
        "\nHandout questions (eval/handout_questions.yaml), the handouts indexed beside the "
        "threads; report the test split\n"
    )
    print(markdown_table(HANDOUT_COLUMNS, handout_rows(results, extra)))


def _cues_only(as_json: bool) -> None:
    """Cue extraction on both splits, as the interview runs it and with the lexicon alone."""
    from assistant.evaluation.cue_eval import evaluate_cues
    from assistant.evaluation.report import CUE_COLUMNS, cue_json, cue_rows, markdown_table
    from assistant.retrieval.embedder import make_embedder

    settings = runtime.settings()
    embedder = make_embedder(settings)
    report: dict[str, dict] = {}
    with runtime.err.status("Extracting cues from the labelled answers…"):
        for split in ("dev", "test"):
            full, lexical = (
                evaluate_cues(settings, embedder, split),
                evaluate_cues(settings, None, split),
            )
            report[split] = {"full": full, "lexicon": lexical}
    if as_json:
        data = {
            split: {
                "lexicon_and_model": cue_json(r["full"]),
                "lexicon_only": cue_json(r["lexicon"]),
            }
            for split, r in report.items()
        }
        print(json.dumps({"cue_extraction": data}, indent=2))
        return
    for split, r in report.items():
        runtime.out.print(
            f"\nCue extraction, [bold]{split} split[/bold] of eval/cue_extraction.yaml "
            "(lexicon + model, then the lexicon alone)\n"
        )
        print(markdown_table(CUE_COLUMNS, cue_rows(r["full"], r["lexicon"])))


def _phi_scores() -> list[PhiScores]:
    from assistant.evaluation.phi_eval import evaluate_phi

    return [evaluate_phi("dev"), evaluate_phi("test")]


def _print_phi(scores: list[PhiScores]) -> None:
    """The PHI guard on eval/phi_*.yaml: its own section, dev and test splits."""
    from assistant.evaluation.phi_eval import PHI_COLUMNS, phi_rows
    from assistant.evaluation.report import markdown_table

    runtime.out.print(
        "\nPHI guard: identifier answers (eval/phi_identifiers.yaml), clean clinical answers "
        "(eval/phi_clean.yaml) and session labels (eval/phi_labels.yaml); report the test split\n"
    )
    print(markdown_table(PHI_COLUMNS, phi_rows(scores)))


def _print_json(
    evaluation: dict[str, RetrievalEvaluation],
    cues: list[CategoryScore],
    cues_lexicon: list[CategoryScore],
    crisis: dict[str, object],
    phi: list[PhiScores],
    handouts: dict[str, AnswerSummary] | None,
) -> None:
    from assistant.evaluation.phi_eval import phi_json
    from assistant.evaluation.report import cue_json, evaluation_json

    data: dict = {"splits": {name: evaluation_json(part) for name, part in evaluation.items()}}
    data["cue_extraction"] = {
        "lexicon_and_model": cue_json(cues),
        "lexicon_only": cue_json(cues_lexicon),
    }
    data["crisis_detection"] = crisis
    data["phi_guard"] = phi_json(phi)
    if handouts is not None:
        from assistant.evaluation.handout_eval import handout_json

        data["handout_questions"] = handout_json(handouts)
    print(json.dumps(data, indent=2))


def _print_tables(
    evaluation: dict[str, RetrievalEvaluation],
    cues: list[CategoryScore],
    cues_lexicon: list[CategoryScore],
) -> None:
    from assistant.evaluation.report import (
        COLUMNS,
        CUE_COLUMNS,
        NEVER_ABSTAINS,
        calibration_lines,
        cue_rows,
        markdown_table,
        quality_rows,
        style_table,
    )

    for name, part in evaluation.items():
        runtime.out.print(
            f"[bold]{name} split[/bold]: {part.in_scope} in-scope, {part.out_of_scope} "
            f"out-of-scope questions ({part.near_miss} near-misses), "
            "eval/retrieval_questions.yaml\n"
        )
        print(markdown_table(["system", *COLUMNS], quality_rows(part)))
        runtime.out.print()
        print(markdown_table(*style_table(part)))
        runtime.out.print()
    runtime.out.print(
        f"{NEVER_ABSTAINS}. read@500: a labelled post within the first 500 characters "
        "of retrieved text, read in rank order. Tuned on dev; test was written blind. "
        "CueMap's answers on dev are in-sample: its query adapter was fitted on the dev "
        "questions (`cuemap fit-adapter --check` gives dev answered by folds it never saw).\n"
    )
    for line in calibration_lines(next(iter(evaluation.values()))):
        runtime.out.print(line)
    runtime.out.print(
        "\nCue extraction: the test split of the labelled interview answers "
        "(eval/cue_extraction.yaml, written blind), as the interview runs it (lexicon + model) "
        "and with the lexicon alone\n"
    )
    print(markdown_table(CUE_COLUMNS, cue_rows(cues, cues_lexicon)))
