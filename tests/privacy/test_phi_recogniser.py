"""Identifiers the word-list guard missed: names in any case and order, spelled-out emails,
ages in words, unit numbers and continental addresses; labels that must be pseudonyms."""

from __future__ import annotations

import pytest

from assistant.privacy import PhiType, redact
from assistant.privacy.labels import is_pseudonym
from assistant.privacy.models import Redaction


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("drinks with joanna kowalska after work", "kowalska"),
        ("NWOSU, Chinedu is her cousin and deals", "Chinedu"),
        ("she texts Fergus MacAllister when she wants to use", "MacAllister"),
        ("we went to Pieter van den Heuvel's place", "Heuvel"),
        ("his dealer is called Anselmo", "Anselmo"),
        ("got into Bogdan's van after the match", "Bogdan"),
        ("MÜLLER, Jürgen is my sponsor", "MÜLLER"),
        ("seen OKAFOR again on the estate", "OKAFOR"),
    ],
)
def test_phi_names_in_any_case_and_order_are_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("email him on peter dot obi at yahoo dot com", PhiType.EMAIL),
        ("her nan is ninety-six years old and still drinks", PhiType.AGE),
        ("my grandad turned 98 at Christmas", PhiType.AGE),
        ("she lives in flat 12C now", PhiType.ADDRESS),
        ("the party was at Avenida da Liberdade 40", PhiType.ADDRESS),
        ("his place is Lindenstraße 23", PhiType.ADDRESS),
    ],
)
def test_phi_spelled_out_and_continental_identifiers_are_caught(answer: str, kind: PhiType) -> None:
    assert kind in redact(answer).counts_by_type


@pytest.mark.parametrize(
    "answer",
    [
        "Took Xanax and Narcan was in the bag",
        "AA on Friday, then the pub with mum",
        "the insula and the craving, my counsellor said",
        "a bit of charlie and some molly at the weekend",
        "My nan is 89 and likes a sherry",
        "Do gabapentin and pregabalin work on GABA receptors?",
        "How does pregabalin calm the nervous system if it is not boosting GABA?",
        'Why is "GABA-like" a misleading label?',
    ],
)
def test_phi_clinical_words_are_never_redacted(answer: str) -> None:
    assert redact(answer).text == answer


@pytest.mark.parametrize("label", ["Pt-A", "client 7", "Tuesday group 2", "Cohort B-3"])
def test_phi_label_pseudonym_shapes_are_accepted(label: str) -> None:
    assert is_pseudonym(label)


@pytest.mark.parametrize(
    "label", ["Pt-Okafor", "Bed 4 Maria", "03/04/1990", "Dec 5", "client 07700900123", "JS"]
)
def test_phi_label_that_could_be_a_name_or_a_date_is_refused(label: str) -> None:
    assert not is_pseudonym(label)


def test_phi_summary_plurals_read_as_english() -> None:
    redaction = Redaction("x", {PhiType.EMAIL: 2, PhiType.AGE: 3, PhiType.ADDRESS: 1})
    assert redaction.summary() == "2 email addresses, 3 ages over 89, 1 street address"


@pytest.mark.parametrize(
    ("answer", "name"),
    [
        ("przemek always has a bag on him", "przemek"),
        ("went round to wojtek's and we smoked all night", "wojtek"),
        ("xiaoyu and i used to gamble all night", "xiaoyu"),
    ],
)
def test_phi_a_lower_case_name_english_has_no_word_for_is_redacted(answer: str, name: str) -> None:
    assert name not in redact(answer).text
