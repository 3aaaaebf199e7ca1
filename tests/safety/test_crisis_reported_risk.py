"""Risk a clinician hears second hand or in passing: a relative on the phone about farewell
behaviour, a last text at 3am, depressants taken together until someone blacks out, an
overdose the patient saw or reversed, a threat told by family, an attempt long ago with nothing
since; and what is only a question or a reported "no"."""

from __future__ import annotations

import pytest

from assistant.safety import check


def flags(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.status) for hit in check(text)]


def statuses(text: str, kind: str) -> set[str]:
    return {hit.status for hit in check(text) if hit.kind == kind}


@pytest.mark.parametrize(
    "note",
    [
        "His sister phoned: he's been handing his records and his bike over to friends all week",
        "Mum says she gave away her camera and her rings and keeps saying she won't need them",
        "Cancelled the gym and closed his bank account, told his brother he won't need either",
        "He's asked his dad to look after the dog for him and said goodbye on the doorstep",
    ],
)
def test_crisis_farewell_behaviour_told_by_a_relative_is_the_patients_now(note: str) -> None:
    # the relative is the informant: what they tell is the patient's risk, now
    assert statuses(note, "suicide") == {"current"}


@pytest.mark.parametrize(
    "message",
    [
        "Text from pt at 02:40: can't do this anymore. sorry for everything",
        "Left a note on the pillow saying sorry and that she loved them",
        "Voicenote from him last night: this is goodbye, look after mum for me",
        "Her post said she was sorry for everything and that they won't ever hear from her again",
        "By the time anyone reads this I'll be gone",
    ],
)
def test_crisis_a_last_message_is_flagged_as_suicide(message: str) -> None:
    assert "suicide" in {kind for kind, _ in flags(message)}


@pytest.mark.parametrize(
    "note",
    [
        "He's been mixing street valium with his methadone and a few cans",
        "Takes her xanax with a bottle of wine most nights to get to sleep",
        "Pregabalin and diazepam together, and he keeps passing out in the hostel kitchen",
        "On a session with gabbies and booze, woke up on the floor of the squat",
    ],
)
def test_crisis_depressants_together_or_a_blackout_on_them_is_overdose_now(note: str) -> None:
    assert ("overdose", "current") in flags(note)


@pytest.mark.parametrize(
    "story",
    [
        "My housemate went blue in the kitchen on Friday, we had to use the naloxone",
        "One of the lads at the hostel was found not breathing in the showers",
        "Three people from the squat went over on the new gear last week",
        "I gave my mate two sprays of Nyxoid after he dropped in the park",
    ],
)
def test_crisis_someone_elses_overdose_the_patient_saw_or_reversed_is_someone_else(
    story: str,
) -> None:
    # the patient was the witness or the one with the naloxone: not the patient's own overdose
    assert statuses(story, "overdose") == {"other_person"}


@pytest.mark.parametrize(
    "collateral",
    [
        "Son (collateral) reports pt threatened him w/ a kitchen knife last wk",
        "Collateral (wife): he held a knife to her throat during the row",
        "His brother rang to say he'd pulled a knife on the neighbour",
        "Daughter says he went for her mum with a hammer on Saturday",
    ],
)
def test_crisis_a_threat_told_by_family_is_harm_to_others_now(collateral: str) -> None:
    assert ("harm_to_others", "current") in flags(collateral)


@pytest.mark.parametrize(
    "history",
    [
        "Attempted hanging aged 22, nothing since",
        "Tried to hang herself years ago, no attempts since",
        "Had a bad patch two years ago, took a load of co-codamol and ended up in A&E",
    ],
)
def test_crisis_a_past_attempt_with_nothing_since_is_history(history: str) -> None:
    assert {status for _, status in flags(history)} == {"historical"}


def test_crisis_a_recent_event_after_a_past_one_is_still_current() -> None:
    found = flags("Overdosed in 2019, took 30 paracetamol last night")
    assert ("overdose", "historical") in found
    assert ("overdose", "current") in found


@pytest.mark.parametrize(
    "note",
    [
        "Asked re suicidal thoughts, pt said no; protective factors kids + dog",
        "Direct q about self-harm, she answered no",
        "When asked about harming others he said absolutely not",
        "Screened for SI, answered no to all questions",
    ],
)
def test_crisis_a_denial_reported_as_said_no_is_not_flagged(note: str) -> None:
    assert flags(note) == []


def test_crisis_said_yes_is_still_flagged() -> None:
    assert ("suicide", "current") in flags("Asked about SI, pt said yes, plan to jump off a bridge")


@pytest.mark.parametrize(
    "question",
    [
        "Have you had any thoughts of hurting yourself in the past two weeks?",
        "Over the last month, have you wished you were dead or could go to sleep and not wake up?",
        "Do you ever have thoughts of harming anyone else?",
        "Any thoughts of suicide at the moment?",
    ],
)
def test_crisis_a_clinicians_screening_question_is_not_flagged(question: str) -> None:
    assert flags(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "Do you think my kids would be better off without me?",
        "Can you help me, I keep thinking about killing myself?",
    ],
)
def test_crisis_a_patients_own_question_that_brings_them_in_is_flagged(question: str) -> None:
    assert "suicide" in {kind for kind, _ in flags(question)}


@pytest.mark.parametrize(
    "note",
    [
        "Gave my old guitar to my nephew because he's started lessons",
        "Gave notice on the flat, moving in with my partner in March",
        "He gave his old clothes away to the charity shop when he cleared the loft",
        "Sorry for everything I put you through when I was drinking, mum",
        "I'm done with the drink, goodbye to all that",
        "Last message from me today, off to bed, speak tomorrow",
        "Diazepam 5mg reducing regime for the alcohol detox, seven days",
        "Passed out on the sofa after a double shift",
    ],
)
def test_crisis_ordinary_giving_moving_apologising_and_sleeping_are_not_flagged(note: str) -> None:
    assert flags(note) == []
