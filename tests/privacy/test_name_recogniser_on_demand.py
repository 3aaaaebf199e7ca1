"""The name recogniser runs only when a word could start a name, and finds the same names.

Loading spaCy's model costs about 1.4 s and 150 MB in a process; most questions ("why does
the cue take over from the drug?") hold no word that any tagging could make a name.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from assistant.evaluation.labels import EVAL_DIR
from assistant.privacy import names
from assistant.settings import PROJECT_ROOT


def _eval_texts() -> list[str]:
    """Every identifier answer, clean answer and label, and every labelled question."""
    texts = []
    for name, key, field in (
        ("phi_identifiers", "cases", "text"),
        ("phi_clean", "cases", "text"),
        ("phi_labels", "labels", "label"),
    ):
        cases = yaml.safe_load((EVAL_DIR / f"{name}.yaml").read_text())[key]
        texts += [case[field] for case in cases]
    questions = yaml.safe_load((EVAL_DIR / "retrieval_questions.yaml").read_text())
    texts += [q["question"] for kind in ("in_scope", "out_of_scope") for q in questions[kind]]
    return texts


def test_name_finder_finds_the_same_names_whether_or_not_the_recogniser_was_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _eval_texts()
    on_demand = [names.find_names(text) for text in texts]

    monkeypatch.setattr(names, "_may_hold_name", lambda text, words: True)
    always = [names.find_names(text) for text in texts]

    assert on_demand == always
    assert any(always)  # the sets do hold names


@pytest.mark.parametrize(
    "text",
    [
        "why does the cue take over from the drug?",
        "What does the insula add?",
        "How do stress hormones bring back drug-seeking after months?",
    ],
)
def test_name_finder_question_without_a_possible_name_skips_the_recogniser(text: str) -> None:
    words = names._words(text)

    assert not names._may_hold_name(text, words)
    assert all(word.entity == "" for word in words)


@pytest.mark.parametrize(
    "text",
    [
        "I drank with Siobhán every Friday",
        "my sister called aoife after the party",
        "Dr Okonkwo said the cravings would pass",
        "MacNeil gave me the pills",
        "i was drinking with maria gonzalez at her place",
        "Went out with kevin last night and had six pints",
    ],
)
def test_name_finder_possible_name_runs_the_recogniser(text: str) -> None:
    assert names._may_hold_name(text, names._words(text))


def test_name_finder_answering_a_plain_question_never_imports_spacy() -> None:
    probe = (
        "import sys; from assistant.privacy import redact; "
        "print(redact('why does the cue take over from the drug?').text, "
        "'spacy' in sys.modules); "
        "print(redact('I drank with Siobhán every Friday').text, 'spacy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    )

    assert done.stdout.splitlines() == [
        "why does the cue take over from the drug? False",
        "I drank with [NAME] every Friday True",
    ]
