"""Negated crisis language is not a hit; negation stops at its clause, like NegEx."""

from __future__ import annotations

import pytest

from assistant.safety import check


def kinds(text: str) -> list[str]:
    return [hit.kind for hit in check(text)]


@pytest.mark.parametrize(
    "note",
    [
        "Denies suicidal thoughts.",
        "No SI/HI.",
        "Pt denies SI, HI, AVH.",
        "Not suicidal at present.",
        "Never tried to overdose.",
        "Denies thoughts of harming others.",
        "Denies any current or past suicidal ideation, intent or plan.",
        "SI: denied. HI: denied.",
        "Suicidal ideation was denied at intake.",
        "SI/HI: negative",
        "Negative for SI.",
        "No history of overdose or self-harm.",
        "She has not had any thoughts of suicide this week.",
        "He would never hurt his kids.",
        "Doesn't want to die, wants to get well for her daughter.",
        "Free of suicidal thoughts since starting treatment.",
        "Is not homicidal.",
        "Denies self-harm; denies SI.",
    ],
)
def test_negation_clinician_denials_are_not_hits(note: str) -> None:
    assert kinds(note) == []


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("No longer denies SI.", ["suicide"]),
        ("Does not deny suicidal thoughts.", ["suicide"]),
        ("Denies SI but later said she wants to die.", ["suicide"]),
        ("Denied SI at first, however admitted to thoughts of killing herself.", ["suicide"]),
        ("Denies SI, endorses HI toward brother.", ["harm_to_others"]),
        ("SI: denied, HI: endorsed", ["harm_to_others"]),
        ("Denies SI. Reports he overdosed last month.", ["overdose"]),
        ("Poor sleep, no appetite, wants to die.", ["suicide"]),
        ("No, I want to die.", ["suicide"]),
        ("Can't stop thinking about killing himself.", ["suicide"]),
        ("Not sure whether she wants to die.", ["suicide"]),
        ("No one would care if I killed myself.", ["suicide"]),
        ("Denies drinking today and has been cutting her arms again.", ["self_harm"]),
        ("Denies using this week. Says she wants to die.", ["suicide"]),
        ("Not sleeping for days, keeps saying he wants to die.", ["suicide"]),
        ("Cannot rule out overdose.", ["overdose"]),
        ("Denies SI; endorses passive SI at night.", ["suicide"]),
    ],
)
def test_negation_does_not_reach_past_its_clause(note: str, expected: list[str]) -> None:
    assert kinds(note) == expected


def test_negation_inside_the_phrase_itself_is_still_a_hit() -> None:
    note = "Found him on the floor: he isn't breathing, he won't wake up"
    assert set(kinds(note)) == {"overdose"}
    assert len(kinds(note)) >= 2
    assert kinds("Feels life isn't worth living") == ["suicide"]


def test_negation_far_before_the_phrase_does_not_negate_it() -> None:
    note = "Denies any drug use in the last two weeks at the hostel or at home wants to die"
    assert kinds(note) == ["suicide"]


def test_negation_only_covers_the_first_of_two_mentions() -> None:
    note = "Denies active SI but endorses passive SI"
    hits = check(note)
    assert [note[h.start : h.end] for h in hits] == ["SI"]
    assert hits[0].start == note.rindex("SI")


def test_negation_of_a_noun_stops_where_the_patient_speaks_for_themself() -> None:
    # the palliative nurse's note: the morphine is what is denied, not the plan after it
    assert kinds("If they say no more morphine I'll just take the lot") == ["overdose"]
    assert kinds("No more morphine for now, reviewed by the palliative team") == []
