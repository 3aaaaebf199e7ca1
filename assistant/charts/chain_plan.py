"""The plan on the chain: each coping strategy under the link it breaks, marked on the link.

A strategy's `target_stage` (from the template's strategy_stages) names the stage it works on;
the mark goes on the arrow leaving that stage, so "avoid it" (the cue) cuts the chain before
the prediction starts, and "call someone" (drug-seeking) cuts it before use.
"""

from __future__ import annotations

from matplotlib.axes import Axes

from assistant.charts.canvas import DPI
from assistant.charts.chain_layout import (
    CHAIN_RIGHT,
    CHAIN_Y,
    PLAN_TOP,
    PLAN_WIDTH,
    PX_Y,
    WIDTH,
    Link,
)
from assistant.charts.draw import box, label
from assistant.charts.palette import COPING, MUTED, tint
from assistant.charts.text import Fits, fits_in, shorten, wrap, wrap_whole
from assistant.interview.models import PlanEntry

PLAN_FONT = 10.5
PLAN_LINE = 16 * PX_Y
MARK_HALF = 30 * PX_Y
PLAN_BOTTOM = 0.075  # the lowest a strategy box may reach: the note goes below it
NOTE_SIZES = (10, 9, 8, 7)  # the note shrinks before it would drop a strategy
NOTE_LINES = 2
NOTE_WIDTH_PX = 1100


def draw_plan(axes: Axes, plan: list[PlanEntry], links: dict[str, Link]) -> None:
    placed: dict[str, list[PlanEntry]] = {}
    unplaced: list[PlanEntry] = []
    for entry in (e for e in plan if e.strategy):
        link = links.get(entry.target_stage or "")
        if link:
            placed.setdefault(link.stage, []).append(entry)
        else:
            unplaced.append(entry)
    for stage, entries in placed.items():
        _column(axes, links[stage], entries)
    if unplaced:
        names = "; ".join(_summary(e) for e in unplaced)
        _note(axes, f"Also in the plan, not tied to one link: {names}")


def _note(axes: Axes, text: str) -> None:
    """Every strategy named: wrapped to two lines, the font smaller until it all fits."""
    for size in NOTE_SIZES:
        lines = wrap_whole(text, fits_in(NOTE_WIDTH_PX, size, DPI), NOTE_LINES)
        if lines is not None:
            break
    else:  # still too long at the smallest size: more lines, never fewer strategies
        size = NOTE_SIZES[-1]
        lines = wrap(text, fits_in(NOTE_WIDTH_PX, size, DPI), max_lines=len(text.split()))
    step = size * 1.45 * PX_Y * DPI / 72
    for n, line in enumerate(reversed(lines)):
        label(axes, CHAIN_RIGHT, 0.02 + n * step, line, size, color=MUTED, ha="right")


def plan_lines(entry: PlanEntry, fits: Fits, strategy_lines: int) -> list[tuple[str, bool]]:
    """(line, bold) for one strategy's box: the strategy, its trigger, the confidence."""
    lines = [(line, True) for line in wrap(entry.strategy or "", fits, strategy_lines)]
    if entry.trigger:
        lines.append((shorten(f"for: {entry.trigger}", fits), False))
    if entry.confidence is not None:
        lines.append((f"confidence {entry.confidence}%", False))
    return lines


def _column(axes: Axes, link: Link, entries: list[PlanEntry]) -> None:
    """The link's strategies in boxes stacked down; smaller when they would not all fit."""
    strategy_lines = 3  # a strategy is wrapped, never cut: the boxes shrink instead
    scale = 1.0
    while True:
        font, line_height = PLAN_FONT * scale, PLAN_LINE * scale
        fits = fits_in(PLAN_WIDTH * WIDTH - 12, font, DPI, bold=True)
        boxed = [plan_lines(entry, fits, strategy_lines) for entry in entries]
        heights = [len(lines) * line_height + 12 * PX_Y * scale for lines in boxed]
        needed = sum(heights) + 8 * PX_Y * (len(entries) - 1)
        if PLAN_TOP - needed >= PLAN_BOTTOM or scale <= 0.55:
            break
        scale -= 0.05
    left, top = link.x - PLAN_WIDTH / 2, PLAN_TOP
    for lines, height in zip(boxed, heights, strict=True):
        box(axes, (left, top - height), (PLAN_WIDTH, height), tint(COPING, 0.12), COPING, 1.6)
        y = top - 6 * PX_Y * scale - line_height / 2
        for text, bold in lines:
            weight = "bold" if bold else "normal"
            label(axes, link.x, y, text, font, ha="center", fontweight=weight)
            y -= line_height
        top -= height + 8 * PX_Y * scale
    _mark(axes, link.x)


def _mark(axes: Axes, x: float) -> None:
    """A thick green bar across the link, joined by a dashed line to the strategies below."""
    axes.plot(
        [x, x],
        [CHAIN_Y - MARK_HALF, CHAIN_Y + MARK_HALF],
        color=COPING,
        linewidth=7,
        solid_capstyle="butt",
        zorder=5,
    )
    axes.plot(
        [x, x],
        [PLAN_TOP, CHAIN_Y - MARK_HALF],
        color=COPING,
        linewidth=1.5,
        linestyle=(0, (4, 3)),
        zorder=4,
    )


def _summary(entry: PlanEntry) -> str:
    return f"{entry.strategy} ({entry.trigger})" if entry.trigger else str(entry.strategy)
