"""The sample of ordinary cue-map answers in tests/data, for false-positive checks."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "ordinary_answers.txt"


def ordinary_answers() -> list[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
