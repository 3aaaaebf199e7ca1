"""Drawing primitives shared by the charts: text, rounded boxes and arrows on a unit page."""

from __future__ import annotations

from typing import Any

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle

from assistant.charts.palette import INK

Colour = str | tuple[float, float, float]


def label(axes: Axes, x: float, y: float, text: str, size: float, **style: Any) -> None:
    """Text centred vertically on `y`; left-aligned unless `ha` says otherwise."""
    axes.text(x, y, text, fontsize=size, va="center", **{"color": INK, **style})


def box(
    axes: Axes,
    xy: tuple[float, float],
    size: tuple[float, float],
    face: Colour,
    edge: Colour,
    linewidth: float = 1.2,
    aspect: float = 1.5,
) -> None:
    """A rounded box; `aspect` (page width / height) keeps the corners round, not oval."""
    axes.add_patch(
        FancyBboxPatch(
            xy,
            *size,
            boxstyle="round,pad=0,rounding_size=0.008",
            mutation_aspect=aspect,
            facecolor=face,
            edgecolor=edge,
            linewidth=linewidth,
            zorder=2,
        )
    )


def bar(
    axes: Axes, xy: tuple[float, float], size: tuple[float, float], face: Colour, edge: Colour
) -> None:
    axes.add_patch(Rectangle(xy, *size, facecolor=face, edgecolor=edge, linewidth=0.8, zorder=3))


def arrow(
    axes: Axes,
    start: tuple[float, float],
    end: tuple[float, float],
    colour: Colour,
    head: bool = True,
    width: float = 1.6,
) -> None:
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>" if head else "-",
            mutation_scale=16,
            color=colour,
            linewidth=width,
            shrinkA=0,
            shrinkB=0,
            zorder=3,
        )
    )


def broad_arrow(
    axes: Axes, start: tuple[float, float], end: tuple[float, float], face: Colour
) -> None:
    """A wide filled arrow to write on."""
    axes.add_patch(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="simple,head_length=18,head_width=34,tail_width=24",
            facecolor=face,
            edgecolor="none",
            zorder=1,
        )
    )
