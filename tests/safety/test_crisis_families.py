"""Risk a clinician hears in other words than "suicide" or "overdose": a method looked up or
rehearsed, a threat to someone, an overdose in the making (a sedative with an opioid, tolerance
lost in prison), second-language English; and what only looks like risk: a risk form with
"nil", a film, a course."""

from __future__ import annotations

import pytest

from assistant.safety import check


def flags(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.status) for hit in check(text)]


def kinds(text: str) -> set[str]:
    return {hit.kind for hit in check(text)}


@pytest.mark.parametrize(
    "note",
    [
        "He admitted he'd looked up how much of his pregabalin it would take",
        "She's been timing the fast trains at the level crossing near her flat",
        "Last week he practised with a scarf tied to the door handle",
        "He told me he'd googled the height of the multi-storey car park",
    ],
)
def test_crisis_method_looked_up_or_rehearsed_is_flagged_as_suicide(note: str) -> None:
    assert ("suicide", "current") in flags(note)


@pytest.mark.parametrize(
    "note",
    [
        "Said he'd torch his ex-partner's car and he knows where she parks it",
        "He keeps a knife in the glovebox for the man who owes him money",
        "Threatened to set fire to the flat above after the music kept him awake",
        "When he's drinking he talks about smashing his brother's face in",
    ],
)
def test_crisis_threat_to_someone_else_is_flagged_as_harm_to_others(note: str) -> None:
    assert ("harm_to_others", "current") in flags(note)


@pytest.mark.parametrize(
    "note",
    [
        "She takes her diazepam with a couple of bags of heroin most nights",
        "He drinks half a bottle of vodka on top of his methadone",
        "Out of prison last Friday and he says he'll use the same amount as before he went in",
        "His tolerance is down after detox but he wants to go back to his usual",
        "She injects alone in her flat so her son doesn't see",
    ],
)
def test_crisis_accidental_overdose_risk_is_flagged_as_overdose_now(note: str) -> None:
    # no wish to die: the risk is a sedative on an opioid, lost tolerance, no one to call 999
    assert ("overdose", "current") in flags(note)


@pytest.mark.parametrize(
    "answer",
    [
        "I am not want to live, in my head always is better I am dead",
        "Every day I think how to finish my life",
        "She is thinking to check out for good",
    ],
)
def test_crisis_second_language_and_euphemism_are_flagged_as_suicide(answer: str) -> None:
    assert "suicide" in kinds(answer)


@pytest.mark.parametrize(
    "note",
    [
        "Risk: nil SI, nil SH, nil HI",
        "Hx: nil self-harm, nil OD, nil forensic",
        "Watched a film about a man who killed his brother, it stayed with me",
        "It was on the news that a singer died of an overdose in his hotel",
        "Did the suicide prevention course at the college, really good",
        "Section 2: Suicide risk (to be completed by the keyworker)",
        "Risk assessment: suicide / self-harm / harm to others / overdose",
        "Now she knows how to give naloxone if someone collapses",
        "I go for a drink with my mate who's on methadone, I just have a coke",
        "I used to cut hair for a living before the drink took over",
        "My methadone is 60 mg once daily and it holds me",
    ],
)
def test_crisis_risk_form_film_course_and_near_misses_are_not_flagged(note: str) -> None:
    assert flags(note) == []


def test_crisis_past_self_harm_named_by_the_verb_alone_is_history() -> None:
    assert flags("As a teenager she used to cut, none since her twenties") == [
        ("self_harm", "historical")
    ]


def test_crisis_a_count_of_past_overdoses_is_history() -> None:
    assert ("overdose", "historical") in flags("I've overdosed four times, the last in a squat")


def test_crisis_relative_threatening_suicide_told_in_the_first_person_is_someone_else() -> None:
    # "she" is the sister here: the patient tells it as "my sister", not "she" about herself
    assert flags("My sister keeps saying she'll kill herself if he leaves her") == [
        ("suicide", "other_person")
    ]


def test_crisis_clinician_note_about_the_patient_keeps_she_as_the_patient() -> None:
    assert flags("Her sister found her unresponsive on the bathroom floor") == [
        ("overdose", "current")
    ]


def test_crisis_a_question_about_a_possibility_is_hypothetical() -> None:
    assert flags("Could I overdose if I use after three months clean?") == [
        ("overdose", "hypothetical")
    ]


def test_crisis_a_film_that_brings_the_patient_in_is_still_flagged() -> None:
    assert ("suicide", "current") in flags(
        "We watched a film about addiction and I wanted to kill myself after"
    )


def test_crisis_a_lesson_on_the_dangers_is_not_flagged_but_the_patients_own_story_is() -> None:
    assert flags("The group did a session on why mixing benzos and opiates is so dangerous") == []
    assert flags("I told the group about my overdose last year") == [("overdose", "historical")]


def test_crisis_lost_tolerance_after_a_spell_away_is_an_overdose_risk() -> None:
    # the key worker's note on the day before release: clean inside, back to the old bag after
    note = "Six months inside and clean throughout; says he's going straight to his dealer"
    assert kinds(note) == {"overdose"}
    # the same man a month later, settled: no amount, no dealer, nothing to flag
    assert check("Released in May, clean since, goes to his group on Tuesdays") == []


def test_crisis_using_behind_a_locked_door_or_two_depressants_is_an_overdose_risk() -> None:
    assert kinds("She locks the toilet door at work when she uses so nobody walks in") == {
        "overdose"
    }
    assert kinds("weekends it's xans and a bit of lean, sometimes oxy as well") == {"overdose"}
    # a prescriber's question about the pair is no use of it
    assert check("pregabalin and methadone together: what is the interaction risk?") == []


def test_crisis_self_harm_told_in_slang_or_seen_by_a_relative_is_flagged() -> None:
    assert kinds("legs look like a barcode again after the weekend") == {"self_harm"}
    assert kinds("Snapped a sharpener blade out and used it last night") == {"self_harm"}
    assert kinds("Dad says she wears long sleeves even in this heat") == {"self_harm"}
    assert check("Bought a barcode scanner for the shop till") == []


def test_crisis_a_passive_wish_for_an_accident_is_suicidal_thinking() -> None:
    assert ("suicide", "current") in flags("I keep hoping a lorry will hit me on the bike")
    assert ("suicide", "current") in flags("sat at the platform edge watching the trains")


def test_crisis_intrusive_thoughts_of_harming_a_baby_are_flagged_for_others() -> None:
    note = "Postnatal review: images of smothering the baby, horrified by them, no intent"
    assert ("harm_to_others", "current") in flags(note)


def test_crisis_what_a_clinician_teaches_about_overdose_is_a_topic() -> None:
    assert check("what signs of an overdose should we teach carers to spot") == []
    assert check("What's the lethal dose of methadone for children?") == []
    # the patient asking for themself is not a lesson
    assert kinds("how many of my methadone would it take to not wake up?") == {"suicide"}


def test_crisis_a_note_without_articles_still_says_whose_event_and_when() -> None:
    # shorthand drops "a" and spells out PMHx: the neighbour's overdose, the patient's past
    assert flags("Bloke upstairs went over on gear Sunday, paramedics came") == [
        ("overdose", "other_person")
    ]
    assert flags("PMHx: DSH in adolescence") == [("self_harm", "historical")]
