"""A blank page to draw on and its bytes: matplotlib's object API, no pyplot, no display.

Figures are built with `Figure` and saved through the Agg (PNG) or SVG backend directly, so
drawing needs no screen, keeps no global state between charts, and is safe in a server thread.
"""

from __future__ import annotations

import io
import re

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from assistant.charts.formats import FORMATS, MIME, Chart, ChartFormat
from assistant.charts.palette import PAPER

DPI = 100
# No creation date or tool version in the file: the same chart gives the same bytes.
_METADATA: dict[ChartFormat, dict[str, str | None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
}


def page(width_px: int, height_px: int) -> tuple[Figure, Axes]:
    """A white figure of exactly `width_px` x `height_px` pixels, with one axes over all of it
    in unit coordinates (0,0 bottom left, 1,1 top right) for free-form drawing."""
    figure = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, facecolor=PAPER)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.set_axis_off()
    return figure, axes


def to_bytes(figure: Figure, fmt: ChartFormat) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown chart format {fmt!r}; use one of {', '.join(FORMATS)}.")
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=DPI, facecolor=PAPER, metadata=_METADATA[fmt])
    return buffer.getvalue()


def chart(figure: Figure, fmt: ChartFormat, stem: str) -> Chart:
    return Chart(f"{stem}.{fmt}", MIME[fmt], to_bytes(figure, fmt))


def slug(label: str) -> str:
    """A file-name-safe form of a pseudonymous label ("Pt A/7" -> "pt-a-7")."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "session"
