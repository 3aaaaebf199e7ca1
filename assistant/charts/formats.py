"""What a chart is once drawn, and the formats it comes in; no matplotlib here, so surfaces can
name charts without paying for the drawing library until one is drawn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChartFormat = Literal["png", "svg"]
FORMATS: tuple[ChartFormat, ...] = ("png", "svg")
MIME: dict[ChartFormat, str] = {"png": "image/png", "svg": "image/svg+xml"}


@dataclass(frozen=True)
class Chart:
    """A rendered chart, ready to upload or write: a file name, its MIME type and the bytes."""

    filename: str
    mime: str
    content: bytes
