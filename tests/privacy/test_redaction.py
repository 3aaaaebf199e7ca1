"""Redaction keeps the clinical meaning and replaces every identifier, each time it appears."""

from __future__ import annotations

from assistant.privacy import PhiType, redact


def test_redaction_replaces_each_identifier_with_its_placeholder() -> None:
    answer = (
        "Pt John Smith, DOB 03/04/1985, MRN: 00482913, drinks at 42 Wallaby Way, tel 0412 345 678"
    )
    result = redact(answer)
    assert result.text == ("Pt [NAME], DOB [DATE], MRN: [MRN], drinks at [ADDRESS], tel [PHONE]")
    assert result.counts_by_type == {
        PhiType.NAME: 1,
        PhiType.DATE: 1,
        PhiType.PHONE: 1,
        PhiType.MRN: 1,
        PhiType.ADDRESS: 1,
    }


def test_redaction_catches_later_mentions_of_a_found_name() -> None:
    answer = "Drinks with a mate called Zed Okafor. Okafor picks him up on Fridays; Zed pays."
    result = redact(answer)
    assert "Zed" not in result.text
    assert "Okafor" not in result.text
    assert result.counts_by_type == {PhiType.NAME: 3}


def test_redaction_summary_names_types_never_values() -> None:
    result = redact("Text Dave on 07700 900123 or dave@example.com; Dave's mum too")
    assert result.summary() == "2 names, 1 phone number, 1 email address"
    assert "Dave" not in result.summary()
    assert "0770" not in result.summary()


def test_redaction_of_clean_answer_changes_nothing() -> None:
    answer = "Friday nights at the pub with old mates, after payday"
    result = redact(answer)
    assert result.text == answer
    assert not result.changed
    assert result.summary() == ""


def test_redaction_keeps_business_helplines() -> None:
    answer = "Gave him 1-800-662-4357 and 0800 058 2052 to call"
    assert redact(answer).text == answer
