"""Neither guard writes patient text to the logs, at any level, and their results hold none."""

from __future__ import annotations

import logging

import pytest

from assistant.privacy import redact, scan
from assistant.safety import SafetyGuard
from assistant.settings import Settings

ANSWER = "Pt Zed Okafor, DOB 03/04/1985, says he wants to die; call 07700 900123"


def test_guards_log_nothing_of_the_answer(
    caplog: pytest.LogCaptureFixture, settings: Settings
) -> None:
    guard = SafetyGuard.from_settings(settings)
    with caplog.at_level(logging.DEBUG):
        hits = guard.check(ANSWER)
        card = guard.card(hits)
        findings = scan(ANSWER)
        redaction = redact(ANSWER)
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    for fragment in ("Okafor", "1985", "wants to die", "07700"):
        assert fragment not in logged
        assert fragment not in repr(hits) + repr(findings) + redaction.summary()
        assert card is not None and fragment not in card.to_text()
