"""The safety card on the terminal (stderr of `interview --answers`, the console chat) wraps at
any width: every word of the protocol and the crisis lines is printed, none cut at a border."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from assistant.cli.safety_render import print_card
from assistant.safety import SafetyGuard
from assistant.settings import Settings

BORDERS = set("╭╮╰╯│─⚠ ")


def visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in BORDERS and not ch.isspace())


@pytest.mark.parametrize("width", [12, 20, 40, 80, 81, 200])
@pytest.mark.parametrize("soft_wrap", [True, False])
def test_safety_card_terminal_wraps_without_losing_a_word(
    settings: Settings, width: int, soft_wrap: bool
) -> None:
    guard = SafetyGuard.from_settings(settings)
    card = guard.card(guard.check("Overdosed last month and now says he wants to end his life"))
    assert card is not None
    out = StringIO()
    stderr_like = Console(file=out, width=width, soft_wrap=soft_wrap, color_system=None)

    print_card(stderr_like, card)

    printed = out.getvalue()
    assert max(len(line) for line in printed.splitlines()) <= width
    assert visible(card.to_text()) in visible(printed)
    assert "emergency" in card.to_text()  # the part an 80-column crop used to lose
