"""The PHI guard finds identifiers clinicians type into answers, and leaves cue talk alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.privacy import PhiType, redact, scan
from tests.ordinary_answers import ordinary_answers


def found(text: str) -> list[tuple[str, str]]:
    return [(f.type.value, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize(
    ("answer", "kind", "value"),
    [
        ("Pt John Smith drinks after work", "NAME", "John Smith"),
        ("My name is Dave and I drink at weekends", "NAME", "Dave"),
        ("Seen with Dr Okafor at the clinic", "NAME", "Okafor"),
        ("Mrs O'Brien says the pub is the main cue", "NAME", "O'Brien"),
        ("Her boyfriend, Kev, brings round the gear", "NAME", "Kev"),
        ("Buys from a guy called Zed on the estate", "NAME", "Zed"),
        ("Went drinking with Zed Okafor after the match", "NAME", "Zed Okafor"),
        ("Uncle Kev always has cans in the fridge", "NAME", "Kev"),
        ("Sarah Thompson, her sister, drinks every night", "NAME", "Sarah Thompson"),
        ("DOB 03/04/1985, drinks daily", "DATE", "03/04/1985"),
        ("Born on March 4, 1985 in the north", "DATE", "March 4, 1985"),
        ("Relapsed on 4th of July 2023 at a barbecue", "DATE", "4th of July 2023"),
        ("Admitted on 12/05 after a binge", "DATE", "12/05"),
        ("Last used 2024-01-17 at a party", "DATE", "2024-01-17"),
        ("Stopped drinking in May 2019", "DATE", "May 2019"),
        ("A 92-year-old widower, drinks alone", "AGE", "92"),
        ("Call her on (212) 555-0187 after six", "PHONE", "(212) 555-0187"),
        ("Mobile 07700 900123", "PHONE", "07700 900123"),
        ("Reach him on +44 7700 900123", "PHONE", "+44 7700 900123"),
        ("Fax: 212-555-0199", "FAX", "212-555-0199"),
        ("Email jane.doe@example.com for the plan", "EMAIL", "jane.doe@example.com"),
        ("MRN: 00482913", "MRN", "00482913"),
        ("Medical record number is A1234567", "MRN", "A1234567"),
        ("NHS number 943 476 5919 on the letter", "MRN", "943 476 5919"),
        ("Insurance ID XZ998877 on file", "ACCOUNT", "XZ998877"),
        ("Medicaid # 12345678A", "ACCOUNT", "12345678A"),
        ("SSN 123-45-6789", "SSN", "123-45-6789"),
        ("Driver's licence number D1234-56789", "LICENSE", "D1234-56789"),
        ("Number plate AB12 CDE seen outside the dealer's", "VEHICLE", "AB12 CDE"),
        ("VIN 1HGCM82633A004352 on the car", "VEHICLE", "1HGCM82633A004352"),
        ("Pump serial no. SN-88231 checked", "DEVICE", "SN-88231"),
        ("Lives at 42 Wallaby Way near the park", "ADDRESS", "42 Wallaby Way"),
        (
            "Moved to 1600 Pennsylvania Avenue, Apt 4B",
            "ADDRESS",
            "1600 Pennsylvania Avenue, Apt 4B",
        ),
        ("Drinks at a flat on Elm Street", "ADDRESS", "Elm Street"),
        ("Springfield, IL 62704", "ZIP", "62704"),
        ("Postcode SW1A 1AA", "ZIP", "SW1A 1AA"),
        (
            "Looks at https://example.org/profile/jsmith when craving",
            "URL",
            "https://example.org/profile/jsmith",
        ),
        ("Posts on www.facebook.com/jsmith.", "URL", "www.facebook.com/jsmith"),
        ("Logged in from 192.168.0.12", "IP", "192.168.0.12"),
        ("Card ending 1234 and case ref 99887766", "ID", "99887766"),
    ],
)
def test_phi_identifier_is_found_with_type_and_span(answer: str, kind: str, value: str) -> None:
    assert (kind, value) in found(answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Friday nights at the pub with old mates",
        "Payday, straight after work",
        "Friday night after payday, with the lads from work",
        "Drinks 3/4 of a bottle of vodka most evenings",
        "Three days sober, then a lapse at 10:30pm",
        "Drinks 8 cans a day, 14 units at weekends",
        "Since 2019 she has been on methadone 60mg",
        "Goes to the Tuesday evening NA meeting",
        "Watching the match at the Red Lion with his brother",
        "Went to Tesco Express after work for cans",
        "Gave her the SAMHSA helpline, 1-800-662-4357",
        "Called the Samaritans on 116 123 last night",
        "Walks past the chemist on the High Street",
        "Takes Suboxone from Boots every Thursday",
        "The smell of Lynx Africa reminds her of her ex",
        "When he sees the Jack Daniel's sign above the bar",
        "St Patrick's Day in the Irish bar near the station",
        "Christmas and New Year with the family",
        "Scored 24/7 on the AUDIT, PHQ-9 of 14",
        "Lost his licence after the drink-driving charge",
        "On account of the stress at work",
    ],
)
def test_phi_ordinary_cue_talk_is_left_alone(answer: str) -> None:
    assert found(answer) == []


def test_phi_sample_of_ordinary_cue_map_answers_is_left_alone() -> None:
    assert [answer for answer in ordinary_answers() if scan(answer)] == []


@pytest.mark.parametrize(
    ("sample", "expected_changes"),
    [
        # "Dave" is a TV channel here and a first name everywhere else: a known false positive.
        ("heldout_answers.txt", ["Watching Top Gear repeats on Dave, a can in each hand"]),
        (
            "heldout_answers_2.txt",
            [
                'Texts from "Big Mike", her old supplier, still come through',  # a real name
                "Goes to Nando's with friends and they order cocktails",  # known false positive
                "Walking home past O'Neill's on a match day",  # known false positive
                "Saw an advert for Gordon's gin on Instagram",  # known false positive
                "Fear of missing out when friends go to Ibiza",  # known false positive (a town)
            ],
        ),
    ],
)
def test_phi_held_out_answers_change_only_the_known_cases(
    sample: str, expected_changes: list[str]
) -> None:
    path = Path(__file__).parent.parent / "data" / sample
    answers = [a.strip() for a in path.read_text().splitlines() if a.strip() and a[0] != "#"]
    assert [answer for answer in answers if redact(answer).changed] == expected_changes


def test_phi_name_at_sentence_start_is_found_by_the_recogniser_and_name_lists() -> None:
    assert found("Zed Okafor sold him the pills") == [("NAME", "Zed Okafor")]
    assert found("Dave Okafor sold him the pills") == [("NAME", "Dave Okafor")]
    assert found("Patient Zed Okafor sold him the pills") == [("NAME", "Zed Okafor")]


def test_phi_title_case_heading_is_not_a_name() -> None:
    assert found("Relapse Prevention Plan: Key Triggers And Coping Skills") == []


def test_phi_findings_are_ordered_and_do_not_overlap() -> None:
    text = (
        "Dr Smith (MRN 1234567) saw John Smith on 03/04/2024 at 10 Downing St, call 020 7946 0958"
    )
    findings = scan(text)
    assert [f.type for f in findings] == [
        PhiType.NAME,
        PhiType.MRN,
        PhiType.NAME,
        PhiType.DATE,
        PhiType.ADDRESS,
        PhiType.PHONE,
    ]
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))


def test_phi_surname_that_is_also_a_word_is_a_name_after_a_title() -> None:
    assert found("Seen by Dr Green and Mrs White at the clinic") == [
        ("NAME", "Green"),
        ("NAME", "White"),
    ]
    assert found("Mr John Green drinks in the park") == [("NAME", "John Green")]


@pytest.mark.parametrize(
    ("answer", "kind", "value"),
    [
        ("Told me her name's Kerry-Ann", "NAME", "Kerry-Ann"),
        ("Her key worker, Chidi, rang on Monday", "NAME", "Chidi"),
        ("Lives with her partner, Tomasz Nowak, above the chip shop", "NAME", "Tomasz Nowak"),
        ("Birthday is 4/7, a trigger every year", "DATE", "4/7"),
        ("Email me at d.o'neill@nhs.net", "EMAIL", "d.o'neill@nhs.net"),
        ("Messages @jsmith1985 on Instagram", "ID", "@jsmith1985"),
    ],
)
def test_phi_more_ways_clinicians_write_identifiers(answer: str, kind: str, value: str) -> None:
    assert (kind, value) in found(answer)
