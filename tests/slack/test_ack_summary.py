"""The acknowledgement-time summary printed after the Slack tests stays one readable line."""

from __future__ import annotations

import pytest

from tests.slack import conftest, harness


class Terminal:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def write_sep(self, _sep: str, title: str) -> None:
        self.lines.append(title)

    def write_line(self, line: str) -> None:
        self.lines.append(line)


def test_ack_summary_names_a_long_question_by_a_short_label(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "/explain " + "why does the pub set off craving?" * 60  # about 2,000 characters
    monkeypatch.setattr(harness, "ACK_TIMES", [("/cuemap start", 0.01), (question, 0.5)])
    monkeypatch.setattr(conftest, "ACK_TIMES", harness.ACK_TIMES)
    terminal = Terminal()

    conftest.pytest_terminal_summary(terminal)

    slowest = terminal.lines[-1]
    assert slowest.startswith("slowest: /explain why does the pub set off craving?")
    assert slowest.endswith(f"… ({len(question):,} characters) (500.0 ms)")
    assert len(slowest) < 120
