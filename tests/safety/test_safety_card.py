"""The card a clinician sees on a hit: the protocol, and the region's resources for those hits."""

from __future__ import annotations

import pytest

from assistant.errors import PromptFileError
from assistant.safety import SafetyGuard
from assistant.settings import Settings


def test_card_for_suicidal_answer_in_us_shows_988_and_samhsa_but_not_naloxone(
    settings: Settings,
) -> None:
    guard = SafetyGuard.from_settings(settings)
    card = guard.card(guard.check("Says she wants to die when she is drinking"))
    assert card is not None
    assert card.region == "US"
    assert card.kinds == ["suicide"]
    assert "Follow your local risk protocol" in card.protocol
    contacts = [resource.contact for resource in card.resources]
    assert "Call or text 988" in contacts
    assert "1-800-662-4357 (1-800-662-HELP)" in contacts
    assert not any("naloxone" in contact for contact in contacts)


def test_card_for_overdose_adds_911_and_naloxone(settings: Settings) -> None:
    guard = SafetyGuard.from_settings(settings)
    card = guard.card(guard.check("Her partner found her not breathing after the heroin"))
    assert card is not None
    assert card.kinds == ["overdose"]
    assert "Call 911 and give naloxone (Narcan)" in [r.contact for r in card.resources]
    text = card.to_text()
    assert "naloxone" in text
    assert "not for emergencies" in text


def test_card_lists_kinds_in_fixed_order_with_labels(settings: Settings) -> None:
    guard = SafetyGuard.from_settings(settings)
    hits = guard.check("Overdosed last month. Thoughts of hurting his dad. Wants to die.")
    card = guard.card(hits)
    assert card is not None
    assert card.kinds == ["suicide", "harm_to_others", "overdose"]
    assert card.kind_labels[0] == "suicidal thoughts or intent"


def test_card_is_none_without_hits(settings: Settings) -> None:
    guard = SafetyGuard.from_settings(settings)
    assert guard.card(guard.check("Friday nights at the pub with old mates")) is None


def test_card_uses_the_configured_region(settings: Settings) -> None:
    uk = SafetyGuard.from_settings(settings.model_copy(update={"crisis_region": "UK"}))
    card = uk.card(uk.check("Not breathing when the ambulance came"))
    assert card is not None
    contacts = [r.contact for r in card.resources]
    assert "Call 999" in contacts
    assert "Call 116 123" in contacts
    assert not any("911" in contact for contact in contacts)


def test_card_unknown_region_is_a_clear_error(settings: Settings) -> None:
    with pytest.raises(PromptFileError, match=r"crisis_resources\.yaml.*'FR'.*AU, UK, US"):
        SafetyGuard.from_settings(settings.model_copy(update={"crisis_region": "FR"}))


def test_card_region_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUEMAP_CRISIS_REGION", "AU")
    guard = SafetyGuard.from_settings(Settings(_env_file=None))
    card = guard.card(guard.check("Wants to die"))
    assert card is not None
    assert "Call 13 11 14" in [r.contact for r in card.resources]
