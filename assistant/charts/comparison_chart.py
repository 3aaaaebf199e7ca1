"""The comparison as a small chart: which triggers are new, persist or were resolved, session by
session, beside how craving strength and confidence moved."""

from __future__ import annotations

from collections import Counter

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from assistant.charts.canvas import DPI, Chart, ChartFormat, chart, page, slug, to_bytes
from assistant.charts.comparison import Comparison, SessionPoint, TriggerChange
from assistant.charts.comparison_text import STATUS_WORDS, rounded
from assistant.charts.draw import label
from assistant.charts.palette import (
    BLUE,
    COPING,
    CRAVING,
    INK,
    MUTED,
    RULE,
    VERMILLION,
)
from assistant.charts.text import fits_in, shorten

WIDTH, HEIGHT = 1200, 700
PX_Y = 1 / HEIGHT
MAX_ROWS = 14
MAX_COLUMNS = 8
STATUS_STYLE = {  # word, colour
    "new": ("NEW", VERMILLION),
    "persisting": ("PERSISTING", BLUE),
    "resolved": ("RESOLVED", COPING),
    "not_asked": ("NOT ASKED", MUTED),
    "earlier": ("EARLIER", MUTED),
}
GRID_LEFT, GRID_TEXT, GRID_COLUMNS, GRID_RIGHT = 0.02, 0.125, 0.40, 0.60
GRID_TOP = 0.80
ROW = 32 * PX_Y


def render_comparison(comparison: Comparison, fmt: ChartFormat = "png") -> bytes:
    """The comparison chart as PNG (1200 x 700 px) or SVG bytes."""
    return to_bytes(comparison_figure(comparison), fmt)


def comparison_chart(comparison: Comparison, fmt: ChartFormat = "png") -> Chart:
    """The chart with a file name to upload or save it under: `cuemap-<label>-compare.<fmt>`."""
    return chart(comparison_figure(comparison), fmt, f"cuemap-{slug(comparison.label)}-compare")


def comparison_figure(comparison: Comparison) -> Figure:
    """The chart as a matplotlib figure, to save in another way or to inspect."""
    figure, axes = page(WIDTH, HEIGHT)
    title = f"Change over sessions · {shorten(comparison.label, fits_in(800, 19, DPI, True))}"
    label(axes, GRID_LEFT, 0.95, title, 19, fontweight="bold")
    latest, previous = comparison.latest.number, comparison.previous.number
    sub = (
        f"{len(comparison.sessions)} finished sessions · triggers: session {latest} "
        f"compared with session {previous}"
    )
    label(axes, GRID_LEFT, 0.905, sub, 11.5, color=MUTED)
    shown = comparison.sessions[-MAX_COLUMNS:]
    _trigger_grid(axes, comparison.triggers, shown)
    _measure(figure, (0.67, 0.53, 0.31, 0.28), shown, "craving")
    _measure(figure, (0.67, 0.14, 0.31, 0.28), shown, "confidence")
    return figure


def _trigger_grid(axes: Axes, triggers: list[TriggerChange], shown: list[SessionPoint]) -> None:
    step = (GRID_RIGHT - GRID_COLUMNS) / max(len(shown), 1)
    columns = {p.number: GRID_COLUMNS + step * (i + 0.5) for i, p in enumerate(shown)}
    label(axes, GRID_LEFT, GRID_TOP + 8 * PX_Y, "Trigger", 11.5, fontweight="bold")
    for number, x in columns.items():
        label(axes, x, GRID_TOP + 8 * PX_Y, f"S{number}", 11.5, fontweight="bold", ha="center")
    axes.plot([GRID_LEFT, GRID_RIGHT], [GRID_TOP - 8 * PX_Y] * 2, color=RULE, linewidth=0.8)
    fits = fits_in((GRID_COLUMNS - GRID_TEXT) * WIDTH - 10, 11, DPI)
    y = GRID_TOP - 8 * PX_Y - ROW / 2 - 2 * PX_Y
    for trigger in triggers[:MAX_ROWS]:
        word, colour = STATUS_STYLE[trigger.status]
        label(axes, GRID_LEFT, y, word, 9.5, fontweight="bold", color=colour)
        label(axes, GRID_TEXT, y, shorten(f"{trigger.text} ({trigger.category})", fits), 11)
        for number, x in columns.items():
            present = number in trigger.sessions
            axes.plot(
                [x],
                [y],
                marker="o",
                markersize=11 if present else 5,
                linestyle="none",
                color=colour if present else "none",
                markeredgecolor=colour if present else RULE,
            )
        y -= ROW
    hidden = Counter(t.status for t in triggers[MAX_ROWS:])
    if hidden:
        kinds = ", ".join(f"{n} {STATUS_WORDS[status]}" for status, n in hidden.items())
        label(axes, GRID_TEXT, y, f"+{hidden.total()} more triggers: {kinds}", 11, color=MUTED)
    if not triggers:
        label(axes, GRID_TEXT, y, "no cues recorded in these sessions", 11, color=MUTED)
    key = "● the session has the trigger   ○ it does not"
    label(axes, GRID_LEFT, 0.035, key, 10, color=MUTED)
    note = "Dots: the session's mean; whiskers: its lowest to highest episode or trigger."
    label(axes, 0.98, 0.035, note, 10, color=MUTED, ha="right")


def _measure(
    figure: Figure, where: tuple[float, float, float, float], shown: list[SessionPoint], what: str
) -> None:
    """Craving (0-10, mean with the range of episodes) or confidence (0-100%) per session."""
    chart_axes = figure.add_axes(where)
    craving = what == "craving"
    colour, top = (CRAVING, 10) if craving else (COPING, 100)
    title = "Craving strength (0–10)" if craving else "Confidence in the plan (0–100%)"
    xs, ys, lows, highs = [], [], [], []
    for point in shown:
        values = list(point.craving.values()) if craving else list(point.confidence.values())
        if values:
            xs.append(point.number)
            ys.append(sum(values) / len(values))
            lows.append(ys[-1] - min(values))
            highs.append(max(values) - ys[-1])
    if xs:
        chart_axes.errorbar(
            xs,
            ys,
            yerr=[lows, highs],
            color=colour,
            linewidth=2.2,
            marker="o",
            markersize=8,
            capsize=4,
        )
        for x, y in zip(xs, ys, strict=True):
            text = rounded(y) + ("" if craving else "%")
            chart_axes.annotate(
                text,
                (x, y),
                textcoords="offset points",
                xytext=(9, 7),
                ha="left",
                fontsize=10.5,
                color=INK,
                fontweight="bold",
            )
    else:
        chart_axes.text(
            0.5,
            0.5,
            "not rated",
            transform=chart_axes.transAxes,
            ha="center",
            color=MUTED,
            fontsize=11,
        )
    chart_axes.set_title(title, fontsize=12.5, loc="left", color=INK, fontweight="bold")
    chart_axes.set_ylim(0, top * 1.18)
    chart_axes.set_yticks([0, top / 2, top])
    chart_axes.set_xticks([p.number for p in shown], [f"S{p.number}" for p in shown])
    chart_axes.set_xlim(shown[0].number - 0.5, shown[-1].number + 0.5)
    chart_axes.tick_params(labelsize=10, colors=MUTED)
    for side in ("top", "right"):
        chart_axes.spines[side].set_visible(False)
    chart_axes.grid(axis="y", color=RULE, alpha=0.3)
