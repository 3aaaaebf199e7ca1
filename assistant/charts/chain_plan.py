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
from assistant.charts.text import Fits, fits_in, shorten, wrap
from assistant.interview.models import PlanEntry

PLAN_FONT = 10.5
PLAN_LINE = 16 * PX_Y
MARK_HALF = 30 * PX_Y


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
        note = shorten(f"Also in the plan, not tied to one link: {names}", fits_in(820, 10, DPI))
        label(axes, CHAIN_RIGHT, 0.025, note, 10, color=MUTED, ha="right")


def plan_lines(entry: PlanEntry, fits: Fits, strategy_lines: int) -> list[tuple[str, bool]]:
    """(line, bold) for one strategy's box: the strategy, its trigger, the confidence."""
    lines = [(line, True) for line in wrap(entry.strategy or "", fits, strategy_lines)]
    if entry.trigger:
        lines.append((shorten(f"for: {entry.trigger}", fits), False))
    if entry.confidence is not None:
        lines.append((f"confidence {entry.confidence}%", False))
    return lines


def _column(axes: Axes, link: Link, entries: list[PlanEntry]) -> None:
    fits = fits_in(PLAN_WIDTH * WIDTH - 12, PLAN_FONT, DPI, bold=True)
    strategy_lines = 2 if len(entries) <= 2 else 1
    left, top = link.x - PLAN_WIDTH / 2, PLAN_TOP
    for entry in entries:
        lines = plan_lines(entry, fits, strategy_lines)
        height = len(lines) * PLAN_LINE + 12 * PX_Y
        box(axes, (left, top - height), (PLAN_WIDTH, height), tint(COPING, 0.12), COPING, 1.6)
        y = top - 6 * PX_Y - PLAN_LINE / 2
        for text, bold in lines:
            weight = "bold" if bold else "normal"
            label(axes, link.x, y, text, PLAN_FONT, ha="center", fontweight=weight)
            y -= PLAN_LINE
        top -= height + 8 * PX_Y
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
