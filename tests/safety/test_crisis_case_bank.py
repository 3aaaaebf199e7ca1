"""The meaning screen learns from past cases (case_bank.py), and is measured on batches it never
saw (crisis_fit.py). A bag-of-words fake stands in for the model: texts that share words are
near."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.crisis_eval import CrisisCase
from assistant.evaluation.crisis_fit import bank_texts, case_batches, leave_batch_out, make_bank
from assistant.safety.case_bank import load_bank
from assistant.safety.config import SafetyConfig, Semantic, load_safety_config
from assistant.safety.detector import CrisisDetector
from assistant.settings import PROJECT_ROOT, Settings
from tests.fakes import HashingEmbedder

ROPE = "Picked up a length of rope at the hardware shop, not for the garden"
ROPE_AGAIN = "Picked up a length of rope from the hardware shop yesterday, not for the garden lol"
RAZOR = "Bought a new razor at the chemist, the old one gave me a rash"


class ModelEmbedder(HashingEmbedder):
    model_id = "bag-of-words-0123456789ab/test"  # a bank is made for a named model


def config() -> SafetyConfig:
    shipped = load_safety_config(PROJECT_ROOT / "prompts")
    assert shipped.semantic is not None
    semantic = Semantic(
        min_similarity=shipped.semantic.min_similarity,
        margin=shipped.semantic.margin,
        case_similarity=shipped.semantic.case_similarity,
        examples={"suicide": ["I want to die"], "self_harm": ["I cut myself again"]},
        not_crisis=["I went to a meeting and rang my sponsor"],
    )
    return shipped.model_copy(update={"semantic": semantic})


def case(text: str, expect: list[str]) -> CrisisCase:
    return CrisisCase(text=text, expect=expect, category="story", split="dev")


def kinds(detector: CrisisDetector, text: str) -> list[str]:
    """The kinds flagged (a long sentence may be flagged whole and clause by clause)."""
    return sorted({hit.kind for hit in detector.check(text)})


def test_case_bank_a_past_statement_teaches_the_screen_a_wording_no_example_has(
    tmp_path: Path,
) -> None:
    # Last month a father told the team he bought rope "not for the garden"; no phrase and no
    # example says that. Once his statement is in the bank, the next patient who puts it that
    # way is flagged, and a razor bought for shaving is not.
    embedder = ModelEmbedder()
    settings = config()
    without = CrisisDetector(settings, embedder)
    assert kinds(without, ROPE_AGAIN) == []

    past = [case(ROPE, ["suicide/current"]), case(RAZOR, [])]
    bank = make_bank(embedder, bank_texts(CrisisDetector(settings), past, []))
    bank.save(tmp_path / "bank.npz")
    detector = CrisisDetector(settings, embedder, tmp_path / "bank.npz")

    assert kinds(detector, ROPE_AGAIN) == ["suicide"]
    assert kinds(detector, "Bought a new razor at the chemist, the old one gave me a rash") == []


def test_case_bank_made_with_another_model_is_left_unread(tmp_path: Path) -> None:
    # A clinic that runs its own embedding model gets the hand-written examples alone: vectors
    # of another model would put every sentence in the wrong place.
    settings = config()
    bank = make_bank(
        ModelEmbedder(), bank_texts(CrisisDetector(settings), [case(ROPE, ["suicide/current"])], [])
    )
    bank.save(tmp_path / "bank.npz")

    class OtherModel(HashingEmbedder):
        model_id = "another-model-ba9876543210/onnx"

    assert load_bank("another-model", tmp_path / "bank.npz") is None
    detector = CrisisDetector(settings, OtherModel(), tmp_path / "bank.npz")
    assert kinds(detector, ROPE_AGAIN) == []


def test_case_bank_interview_answer_that_tells_a_crisis_is_never_taken_as_ordinary() -> None:
    # The interview answers are the bank's picture of an ordinary answer; one in which the
    # patient says she wants to die must not teach the screen that this is ordinary.
    settings = config()
    answers = ["Sunday evenings on my own, I want to die", "Payday at the pub with old mates"]
    texts = bank_texts(CrisisDetector(settings), [], answers)
    assert texts.benign == ["Payday at the pub with old mates"]


def test_crisis_fit_scores_each_batch_with_its_own_statements_withheld(tmp_path: Path) -> None:
    # Clinics wrote a batch each, and each batch is scored by a bank of the others alone, as the
    # next clinic's statements would be: B's rope statement is caught through A's wording and
    # A's through B's, while C's farewell, which no other batch holds, is missed.
    cases_file = tmp_path / "crisis_cases.yaml"
    cases_file.write_text(
        "cases:\n"
        "  # batch: clinic-a\n"
        f'  - {{text: "{ROPE}", expect: [suicide/current], category: story, split: dev}}\n'
        "  # batch: clinic-b\n"
        f'  - {{text: "{ROPE_AGAIN}", expect: [suicide/current], category: story, split: dev}}\n'
        f"  - {{text: {RAZOR!r}, expect: [], category: story, split: dev}}\n",
        encoding="utf-8",
    )
    batches = case_batches(cases_file)
    assert batches == ["clinic-a", "clinic-b", "clinic-b"]
    cases = [
        case(ROPE, ["suicide/current"]),
        case(ROPE_AGAIN, ["suicide/current"]),
        case(RAZOR, []),
    ]

    held = leave_batch_out(config(), ModelEmbedder(), cases, batches, answers=[])

    assert held.batches["clinic-b"].caught == 1  # taught by clinic A's wording
    assert held.batches["clinic-b"].false_flags == 0
    assert held.batches["clinic-a"].caught == 1  # ... and B's rope statement teaches A's
    lone = [*cases, case("Posted his keys back through the landlord's door", ["suicide/current"])]
    held = leave_batch_out(config(), ModelEmbedder(), lone, [*batches, "clinic-c"], answers=[])
    assert held.batches["clinic-c"].caught == 0  # no other batch says it: never in its bank


@pytest.mark.model
def test_crisis_screen_reads_an_adult_at_risk_from_its_safeguarding_examples(
    settings: Settings,
) -> None:
    # A granddaughter tells the clinician the lodger takes her grandad's pension and he is
    # frightened of him: no phrase names it, the screen's safeguarding examples do. The same
    # lodger doing the shopping is nobody's risk.
    from assistant.retrieval.embedder import make_embedder
    from assistant.safety import SafetyGuard

    embedder = make_embedder(settings)
    embedder.embed(["the model is ready before the clinician speaks"])
    check = SafetyGuard.from_settings(settings, embedder).check
    told = (
        "The lodger has been helping himself to my grandad's pension and grandad is scared of him"
    )
    assert {(h.kind, h.status) for h in check(told)} == {("harm_to_others", "other_person")}
    assert check("My grandad's lodger helps him with his shopping and walks the dog") == []
