"""Where things sit on the 1200 x 800 relapse-chain page, in unit coordinates (0-1).

Cue panels on the left, the chain across the middle, the plan under the links it breaks; the
plan's first column sits under the cue panels, where the cues join the chain.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 1200, 800
PX_X, PX_Y = 1 / WIDTH, 1 / HEIGHT  # one pixel

PANEL_LEFT, PANEL_RIGHT = 0.015, 0.265
PANELS = {"external": (0.60, 0.885), "internal": (0.31, 0.575)}  # (bottom, top)
MERGE_X = 0.2875  # where the cues join: the first link of the chain
CHAIN_LEFT, CHAIN_RIGHT = 0.31, 0.99
CHAIN_BOTTOM, CHAIN_TOP = 0.36, 0.66
CHAIN_Y = (CHAIN_BOTTOM + CHAIN_TOP) / 2
BOX_GAP = 0.02
PLAN_TOP = 0.28
PLAN_WIDTH = 0.11


@dataclass(frozen=True)
class Link:
    """A link of the chain: the arrow leaving `stage`, drawn at `x`."""

    stage: str
    x: float
