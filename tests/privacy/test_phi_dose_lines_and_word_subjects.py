"""A clinician's dose lines must come through the PHI guard untouched, and the people in a
patient's account must not, however they are written: a first name that is also a word as the
subject of what they did, names listed with 'and', 'n' or '&', a name in lower case after a
role, and African names that English and the name lists hardly know."""

from __future__ import annotations

import pytest

from assistant.privacy import redact


@pytest.mark.parametrize(
    "note",
    [
        "Lorazepam 1 mg PRN, max 4 mg in 24 h; review in clinic next week",
        "Haloperidol 5 mg IM stat if agitated, max 10 mg in 24 h",
        "Buprenorphine 16 mg od supervised; naloxone 400 mcg IV PRN",
        "thiamine 100 mg tds po, pabrinex 2 pairs iv bd for 3 days",
        "Olanzapine 10 mg nocte, Procyclidine 5 mg PRN max TDS",
        "Max 2 cans a night is my rule now",
    ],
)
def test_dose_line_in_a_clinical_note_is_kept_word_for_word(note: str) -> None:
    assert redact(note).text == note


def test_a_person_called_max_in_a_note_with_a_dose_is_still_redacted() -> None:
    text = redact("Max gave me 10 mg of his diazepam at the party").text
    assert text == "[NAME] gave me 10 mg of his diazepam at the party"


@pytest.mark.parametrize(
    "answer",
    [
        "Dawn is the worst time, I wake up shaking and need something",
        "Dawn is when the cravings hit hardest",
        "By dusk I'm already on my third can",
        "Summer is the hardest season for me, all the barbecues",
        "Drinks Mon-Fri after work, then binges Sat/Sun",
        "pt abstinent jan-mar, relapsed over easter",
    ],
)
def test_time_of_day_or_season_the_patient_dreads_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


def test_time_word_that_is_someone_doing_something_is_redacted() -> None:
    assert redact("Autumn is my support worker now").text == "[NAME] is my support worker now"


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("Frank has been hiding cans in the garage again, I found six yesterday.", "Frank"),
        ("Grace has been buying my cigarettes since I lost the job", "Grace"),
        ("Mark keeps leaving bottles on my doorstep as a joke", "Mark"),
        ("Rose is hiding her diazepam from the ward staff", "Rose"),
    ],
)
def test_word_name_doing_something_to_something_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


@pytest.mark.parametrize(
    "answer",
    [
        "Hope is keeping me going on the bad days",
        "Dawn is breaking and I have not slept",
        "Will I ever stop wanting it? Honestly some days I doubt it.",
        "i will just have one, that's what i always tell myself",
        "May is my worst month because of the anniversary",
    ],
)
def test_idea_season_or_modal_that_looks_like_a_name_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize(
    "answer",
    [
        "omg will just turned up at mine w a bottle of vodka smh",
        "lol may just texted me asking for a lift to the dealers",
        "will said he'd come by with the gear tonight",
    ],
)
def test_will_or_may_before_a_past_verb_is_a_person_and_redacted(answer: str) -> None:
    words = redact(answer).text.split()
    assert "will" not in words and "may" not in words


def test_word_names_listed_with_a_person_are_all_redacted() -> None:
    text = redact("Summer and Dawn from the hostel both still use, so I stay in my room").text
    assert text == "[NAME] and [NAME] from the hostel both still use, so I stay in my room"


def test_texted_list_of_nicknames_is_redacted_name_by_name() -> None:
    text = redact(
        "cant stop thinking bout jaz n ricky's party lol everyone was off their face"
    ).text
    assert text.startswith("cant stop thinking bout [NAME] n [NAME]'s party")


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("my sponsor wanjiru kamau says just get through today, tomorrow can wait", "wanjiru"),
        ("my cousin nyambura wairimu is putting me up for now", "wairimu"),
        ("my support worker amani okello is on leave till friday", "okello"),
        ("me and kiptoo got smashed at his brother's wedding", "kiptoo"),
        ("the pharmacist wambui said my script wasnt ready", "wambui"),
    ],
)
def test_lower_case_african_name_after_a_role_is_redacted(answer: str, name: str) -> None:
    text = redact(answer).text
    assert name not in text
    assert "[NAME]" in text


def test_role_word_stays_beside_the_redacted_name() -> None:
    assert redact("the pharmacist wambui said my script wasnt ready").text == (
        "the pharmacist [NAME] said my script wasnt ready"
    )


@pytest.mark.parametrize(
    "answer",
    [
        "my sponsor says just take it a day at a time",
        "my dealer basicaly lives at the bookies",
        "me and lorazepam dont mix well with drink",
    ],
)
def test_word_after_a_role_that_is_no_name_is_kept(answer: str) -> None:
    assert redact(answer).text == answer
