"""A patient's family words and medicines must come through the PHI guard untouched, and the
people in the account must not, however they are written: a nickname after "they call", a text
typed all in capitals, a possessive in texting, a family name in capitals before a comma, a
lower-case name after a texted family word, and the street of a US address with its direction
and unit."""

from __future__ import annotations

import pytest

from assistant.privacy import redact


@pytest.mark.parametrize(
    "answer",
    [
        "Mam and Da both drank, so it was normal in our house",
        "Nonna's kitchen always had wine on the table, nobody thought twice",
        "Gramps kept a bottle of rum in the shed",
        "me n my cuz went halves on a bottle after the tangi",
        "Co-dydramol from the GP for my back, then I started buying it online",
        "Lofexidine helped with the shakes but the Oramorph was what I really wanted",
        "my counsellor calls it the witching hour, right after tea",
        "I call Samaritans when it gets bad at night",
        "JUST HAD A MASSIVE ROW WITH MY MUM AND I WANT A DRINK",
        "goin 2 tesco's l8r 4 cans, cant stop myself",
        "AUDIT-C 9, SADQ-C 22 - moderate dependence, CIWA-AR to follow",
        "walked 2 miles down the road to the offy in the rain",
        "did 4 lines in a row and then drove home",
        "My dad has Parkinson's and I'm his carer, that's when I drink",
        "SHES GONE AND IVE USED AGAIN",
        "lisdexamfetamine vs methylphenidate in adult ADHD: which works better?",
        "sertraline versus mirtazapine when sleep is the problem",
    ],
)
def test_family_words_medicines_and_shorthand_are_kept_word_for_word(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "there's a fella everyone calls Tank who runs the card games",
            "there's a fella everyone calls [NAME] who runs the card games",
        ),
        (
            "my dealer, known to everyone as Biscuit, lives on the top floor",
            "my dealer, known to everyone as [NAME], lives on the top floor",
        ),
        (
            "DAZ JUST TURNED UP AT MY DOOR WITH A BAG",
            "[NAME] JUST TURNED UP AT MY DOOR WITH A BAG",
        ),
        ("MARK SAID HED COME ROUND LATER", "[NAME] SAID HED COME ROUND LATER"),
        ("im stayin @ kaito's 2nite dont wait up", "im stayin @ [NAME]'s 2nite dont wait up"),
        (
            "COHEN-LEVY, Avraham - father, reports son drinking heavily",
            "[NAME] - father, reports son drinking heavily",
        ),
        (
            "my cuzzy hemi te whata gets the piss in for the whole whanau",
            "my cuzzy [NAME] gets the piss in for the whole whanau",
        ),
        (
            "then losana was livid and kicked me out, so i went to the pub",
            "then [NAME] was livid and kicked me out, so i went to the pub",
        ),
    ],
)
def test_person_in_the_account_is_redacted_however_written(answer: str, expected: str) -> None:
    assert redact(answer).text == expected


def test_medicine_after_a_title_is_still_a_name() -> None:
    # The drug dictionary holds words that are also surnames; after a title they are people.
    assert redact("Dr Cera changed my script").text == "Dr [NAME] changed my script"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            "she lives at 1200 N Lake Shore Dr Unit 1504 now",
            "she lives at [ADDRESS] now",
        ),
        ("send it to 88 SE Division St #3, he'll get it", "send it to [ADDRESS], he'll get it"),
        ("im at 9 hollybush lane til friday", "im at [ADDRESS] til friday"),
    ],
)
def test_street_address_with_its_direction_and_unit_is_redacted_whole(
    answer: str, expected: str
) -> None:
    assert redact(answer).text == expected
