"""Names that are also English words, nicknames, initials, possessives and capitals: the shapes
a patient's own account of their using network takes, and the clinical words that look alike."""

from __future__ import annotations

import pytest

from assistant.privacy import PhiType, redact


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("Destiny said she'd meet me at the station with the gear", "Destiny"),
        ("Patience told me to ring the helpline, so I did", "Patience"),
        ("Honey keeps ringing me when she's got a bag", "Honey"),
        ("Blessing from the hostel texted me at midnight", "Blessing"),
    ],
)
def test_word_name_telling_the_patient_something_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("I met Autumn at a house party and that's when the coke started", "Autumn"),
        ("I texted Grace to say I'd relapsed", "Grace"),
        ("Spent all Saturday drinking with Faith in the park", "Faith"),
    ],
)
def test_word_name_the_patient_met_or_drank_with_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


def test_lower_case_word_name_after_a_family_word_is_redacted() -> None:
    assert "amber" not in redact("my girlfriend amber found my stash in the shed").text


def test_word_names_listed_together_are_both_redacted() -> None:
    text = redact("Ruby and Jade both still use, so I can't see them").text
    assert "Ruby" not in text and "Jade" not in text


def test_nickname_with_its_adjective_is_redacted_whole() -> None:
    assert redact("Little Jimmy sorts me out on a Friday").text == "[NAME] sorts me out on a Friday"


def test_lower_case_pet_form_of_a_first_name_is_redacted() -> None:
    assert "robbo" not in redact("robbo was round with the gear again").text


def test_lower_case_possessive_for_someones_home_is_redacted() -> None:
    assert "tomasz" not in redact("stayed at tomasz's all weekend and never slept").text


def test_all_caps_answer_keeps_the_name_out() -> None:
    assert "KWABENA" not in redact("MY MATE KWABENA SELLS IT OUTSIDE THE GYM").text


def test_initials_before_a_surname_are_redacted_with_it() -> None:
    text = redact("A. B. Nwachukwu at the surgery started me on diazepam").text
    assert text == "[NAME] at the surgery started me on diazepam"


def test_family_name_written_first_is_redacted_with_the_given_name() -> None:
    assert "Kim" not in redact("Kim Min-jun and me drank soju every night").text


def test_word_name_with_the_patient_as_subject_is_redacted() -> None:
    assert "Rose" not in redact("Rose and I drank in the park till it got dark").text


def test_town_before_a_postcode_is_redacted() -> None:
    text = redact("Lives at Flat 2, 33 Acacia Avenue, Leeds LS6 2AB with her partner").text
    assert "Leeds" not in text and "LS6" not in text


def test_town_after_a_street_address_is_redacted() -> None:
    redaction = redact("She lives at 5 Mill Lane, Salford, with her mum")
    assert "Salford" not in redaction.text
    assert PhiType.ADDRESS in redaction.counts_by_type


@pytest.mark.parametrize(
    "answer",
    [
        "Staff said I could go home early.",
        "Hope keeps me going on the bad days.",
        "Will power is not enough on its own.",
        "Spent the day with Hope in my heart, and no drink.",
        "My sister still drinks every night.",
        "Joy is hard to find when you're newly sober.",
        "Jazz and Reggae nights at the club are a trigger.",
        "Little Mix concert was when it started.",
        "We used to drink at the Old Garage before it shut.",
        "CIWA-Ar was 14 and the SADQ-C was high on admission.",
        "MPH MoA - which transporters does it block?",
        "LoE for CBT in cocaine use disorder?",
        "MY CRAVINGS ARE WORSE ON A FRIDAY NIGHT",
        "Went round to the chemist's for my script.",
        "Got a bit of Billy for the night shift, kept me going till 6am.",
        "I met Christ in prison and stopped using.",
    ],
)
def test_word_names_in_ordinary_clinical_answers_are_kept(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("Joy drives me to the chemist for my script on a Monday", "Joy"),
        ("Holly is the one who rang the ambulance when I went under", "Holly"),
        ("Pearl was my drinking buddy at the social club", "Pearl"),
        ("Heather smokes skunk in the kitchen with the kids about", "Heather"),
        ("Faith's been texting me since she got out", "Faith"),
        ("Rob the dealer comes round on a Friday", "Rob"),
    ],
)
def test_word_name_doing_what_only_a_person_does_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


@pytest.mark.parametrize(
    "answer",
    [
        "Hope is what keeps me going when the cravings hit.",
        "Faith is a big part of staying clean for me now.",
        "Grace before meals at my nan's, then straight to the offy.",
        "Will I relapse if I go to my cousin's wedding?",
        "Will drinking on the methadone make it worse?",
        "Rob the till, that's what the voice in my head said.",
        "Mark the date, a year clean on Sunday.",
    ],
)
def test_word_name_that_opens_a_sentence_as_a_word_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("rob's been bang on the gear again since his mam died", "rob"),
        ("pt reports ivy's started using again and keeps ringing her", "ivy"),
        ("my worry is dawn's been back on the gin since Christmas", "dawn"),
    ],
)
def test_lower_case_name_before_has_been_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


@pytest.mark.parametrize(
    "answer",
    [
        "hope's been thin on the ground since Christmas",
        "then bob's your uncle, I'm back at the offy",
        "the gas bill's been sitting on the table for weeks",
    ],
)
def test_lower_case_word_before_s_that_is_no_name_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize(
    "answer",
    [
        "Swapped the lager for Pepsi Max, like you said.",
        "Two cans of Monster Ultra before my shift, Coke Zero after.",
        "Red Bull and vodka all night, then a Lucozade Sport in the morning.",
    ],
)
def test_product_after_a_drinks_brand_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


def test_role_after_a_first_name_opening_a_sentence_is_redacted_with_it() -> None:
    text = redact("Sam the pharmacist said I was too early for my script").text
    assert text == "[NAME] the pharmacist said I was too early for my script"


@pytest.mark.parametrize(
    "answer",
    [
        "brandy's been my downfall since the divorce",
        "honey's gone everywhere in the cupboard",
        "Chelsea scored in the last minute and I lost the bet",
    ],
)
def test_drink_food_or_team_before_a_verb_is_kept(answer: str) -> None:
    assert redact(answer).text == answer


def test_lower_case_word_name_doing_what_a_person_does_is_redacted() -> None:
    text = redact("dawn drives me to the clinic cos I lost my licence").text
    assert text == "[NAME] drives me to the clinic cos I lost my licence"


def test_lower_case_plural_role_before_from_is_kept() -> None:
    answer = "old using mates from the hostel, that's who I'd see"
    assert redact(answer).text == answer
