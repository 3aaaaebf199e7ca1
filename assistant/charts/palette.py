"""Colours for every CueMap chart: the Okabe-Ito palette, safe for colour-blind readers.

Colour never carries meaning alone: every coloured thing also has a word on it.
"""

from __future__ import annotations

BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"

INK = "#222222"
MUTED = "#5A5A5A"
RULE = "#8C8C8C"
PAPER = "#FFFFFF"
STAGE_FILL = "#F3F3F3"

EXTERNAL = BLUE
INTERNAL = VERMILLION
CRAVING = REDDISH_PURPLE
COPING = BLUISH_GREEN


def tint(colour: str, strength: float) -> tuple[float, float, float]:
    """`colour` mixed with white: 0 is white, 1 the colour itself."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return tuple(1 - strength * (1 - c) for c in (red, green, blue))  # type: ignore[return-value]
