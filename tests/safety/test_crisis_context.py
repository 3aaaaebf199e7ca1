"""ConText over crisis phrases, as a clinician writes them: what is negated, what is history,
what is about someone else, and what only looks like risk."""

from __future__ import annotations

import pytest

from assistant.safety import SafetyGuard, check
from assistant.settings import Settings


def flags(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.status) for hit in check(text)]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "Not drinking, not using, not at meetings, and she plans to end her life",
            [("suicide", "current")],
        ),
        ("Denies cocaine since March, wants to die", [("suicide", "current")]),
        ("No job, no flat, and he's saving up his methadone", [("suicide", "current")]),
        ("Without his script he talks about jumping off the car park", [("suicide", "current")]),
    ],
)
def test_context_unrelated_negation_earlier_does_not_cancel_a_later_statement(
    note: str, expected: list[tuple[str, str]]
) -> None:
    assert flags(note) == expected


@pytest.mark.parametrize(
    "note",
    [
        "Denies SI, HI or thoughts of self-harm",
        "No thoughts of suicide or self-harm",
        "Denies any plan or intent to end his life",
        "SI: denied. HI: denied.",
        "She has never tried to kill herself",
        "No history of overdose",
    ],
)
def test_context_negation_covers_its_own_list_of_phrases(note: str) -> None:
    assert flags(note) == []


def test_context_not_x_but_y_keeps_y() -> None:
    assert flags("Not suicidal, but cut her arms on Sunday") == [("self_harm", "current")]


def test_context_denial_then_admission_is_current() -> None:
    note = "Denied self-harm at first but later admitted cutting last night"
    assert flags(note) == [("self_harm", "current")]


@pytest.mark.parametrize(
    "note",
    [
        "Suicide attempt by overdose in 2019",
        "Hx of self-harm as a teenager, none since",
        "Used to cut himself when he was at school",
        "Previous OD in 2021 requiring ICU",
    ],
)
def test_context_past_history_is_flagged_as_history_not_dropped(note: str) -> None:
    found = flags(note)
    assert found and {status for _, status in found} == {"historical"}


def test_context_history_that_restarted_is_current() -> None:
    assert flags("History of self-harm, restarted this week") == [("self_harm", "current")]


@pytest.mark.parametrize(
    ("note", "status"),
    [
        ("Her brother died by suicide two years ago", "other_person"),
        ("His best mate overdosed last month", "other_person"),
        ("Her flatmate found her unresponsive on the floor", "current"),
        ("Mum couldn't wake him this morning", "current"),
    ],
)
def test_context_someone_else_unless_the_patient_is_the_one_found(note: str, status: str) -> None:
    assert {s for _, s in flags(note)} == {status}


def test_context_safety_plan_is_hypothetical() -> None:
    assert flags("Safety plan: if suicidal thoughts come back, ring the crisis line") == [
        ("suicide", "hypothetical")
    ]


@pytest.mark.parametrize(
    "note",
    [
        "Sertraline 50mg OD",
        "Gabapentin 300mg od nocte",
        "Methadone 60ml OD supervised",
        "This drinking is killing me",
        "The hangovers are killing him",
        "Absolutely killing it at work",
        "Dying for a smoke",
        "Jumped at the chance to join the running club",
        "Cutting back on the weed since Christmas",
        "Saving up for a holiday",
        "Goodbye drinks at work were the trigger",
    ],
)
def test_context_dosing_and_figures_of_speech_are_not_flagged(note: str) -> None:
    assert flags(note) == []


@pytest.mark.parametrize(
    ("slang", "kind"),
    [
        ("honestly just wanna kms", "suicide"),
        ("thinking about unaliving myself", "suicide"),
        ("sewerslide again lol", "suicide"),
        ("been thinking about ctb", "suicide"),
        ("sh again last night", "self_harm"),
    ],
)
def test_context_slang_is_flagged(slang: str, kind: str) -> None:
    assert (kind, "current") in flags(slang)


def test_card_for_a_question_says_question_and_for_history_says_assess(
    settings: Settings,
) -> None:
    guard = SafetyGuard.from_settings(settings)
    question = guard.card(guard.check("why do people overdose after detox?"), subject="question")
    assert question is not None and "this question may point to risk" in question.protocol
    answer = guard.card(guard.check("Overdosed in 2016, none since"))
    assert answer is not None and "this answer may point to risk" in answer.protocol
    assert answer.statuses == {"overdose": "historical"}
    assert any("assess current risk" in note for note in answer.notes)


def test_card_takes_the_most_urgent_status_of_a_kind(settings: Settings) -> None:
    guard = SafetyGuard.from_settings(settings)
    card = guard.card(guard.check("Overdosed in 2016. Took 30 paracetamol last night."))
    assert card is not None and card.statuses == {"overdose": "current"}
    assert card.notes == []
