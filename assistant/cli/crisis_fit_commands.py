"""`cuemap fit-crisis`: the meaning screen's case bank, scored batch by batch before it is made.

Each dev batch of eval/crisis_cases.yaml is scored with that batch withheld from the bank, beside
the screen without a bank; the interview answers of eval/cue_extraction.yaml are the realistic
negatives. Then the bank is made from every dev case and dev answer and written into the package
(assistant/safety/data/crisis_bank.npz). Refit when the dev cases or the embedding model change.
"""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli import runtime


def register(app: typer.Typer) -> None:
    app.command(name="fit-crisis")(fit_crisis)


def fit_crisis(
    write: Annotated[
        bool,
        typer.Option(
            "--write/--check",
            help="Write the case bank into the package (default), or only score it.",
        ),
    ] = True,
) -> None:
    """Score the case bank batch by batch (each batch withheld), then make it from all dev."""
    from assistant.evaluation.crisis_eval import evaluate_crisis, load_crisis_set
    from assistant.evaluation.crisis_fit import (
        CachingEmbedder,
        bank_texts,
        case_batches,
        interview_answers,
        leave_batch_out,
        make_bank,
    )
    from assistant.evaluation.report import markdown_table
    from assistant.retrieval.embedder import make_embedder
    from assistant.safety.case_bank import BANK_FILE
    from assistant.safety.config import load_safety_config
    from assistant.safety.detector import CrisisDetector

    settings = runtime.settings()
    config = load_safety_config(settings.prompts_dir)
    embedder = CachingEmbedder(make_embedder(settings))
    cases, batches = load_crisis_set(), case_batches()
    answers, test_answers = interview_answers("dev"), interview_answers("test")
    with runtime.err.status("Scoring each dev batch with it withheld from the bank…"):
        held = leave_batch_out(config, embedder, cases, batches, answers, test_answers)
        plain = CrisisDetector(config, embedder)  # the screen's own examples only
        rows = []
        for batch, score in held.batches.items():
            own = [c for c, b in zip(cases, batches, strict=True) if b == batch]
            before = evaluate_crisis(plain.check, own, "dev")
            rows.append(
                [
                    batch,
                    f"{before.caught}/{before.positives}",
                    f"{before.false_flags}/{before.negatives}",
                    f"{score.caught}/{score.positives}",
                    f"{score.false_flags}/{score.negatives}",
                ]
            )
        plain_flags = sum(bool(plain.check(a)) for a in [*answers, *test_answers])
    header = ["dev batch", "recall, examples", "false flags", "recall, bank", "false flags"]
    print(markdown_table(header, rows))
    runtime.out.print(
        f"\nInterview answers flagged: {plain_flags}/{held.answers} by the examples only, "
        f"{len(held.answers_flagged)}/{held.answers} with the bank (each by a bank without it)."
    )
    for answer in held.answers_flagged:
        runtime.out.print(f"  - {answer}", markup=False)
    if not write:
        return
    bank = make_bank(embedder, bank_texts(CrisisDetector(config), cases, answers))
    bank.save(BANK_FILE)
    runtime.out.print(
        f"\nCase bank: {len(bank.kinds)} statements, {len(bank.benign)} not-a-crisis texts "
        f"(fingerprint {bank.cases}), written to {BANK_FILE}."
    )
