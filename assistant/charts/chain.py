"""The relapse-chain picture of one cue map.

Read left to right: the patient's own cues (external and internal, by category) feed the chain
prediction -> craving -> narrowed attention -> habit -> drug-seeking -> use, with the reported
craving strength in its box. Each coping strategy of the plan is drawn under the link of the
chain it breaks (`chain_plan`), under a banner saying what the layout shows: the further left,
the further upstream, the earlier prevention acts. Nothing identifies the patient but the
session's pseudonymous label.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from assistant.charts.canvas import DPI, Chart, ChartFormat, chart, page, slug, to_bytes
from assistant.charts.chain_layout import (
    BOX_GAP,
    CHAIN_BOTTOM,
    CHAIN_LEFT,
    CHAIN_RIGHT,
    CHAIN_TOP,
    CHAIN_Y,
    HEIGHT,
    MERGE_X,
    PANEL_LEFT,
    PANEL_RIGHT,
    PANELS,
    PX_X,
    PX_Y,
    WIDTH,
    Link,
)
from assistant.charts.chain_plan import draw_plan
from assistant.charts.cue_lines import GAP_SHARE, CueLine, cue_lines, episode_marks, stage_lines
from assistant.charts.draw import arrow, bar, box, broad_arrow, label
from assistant.charts.palette import (
    COPING,
    CRAVING,
    EXTERNAL,
    INTERNAL,
    MUTED,
    RULE,
    STAGE_FILL,
    tint,
)
from assistant.charts.text import fits_in, shorten, wrap
from assistant.interview.models import CueMap, SequenceStage

CUE_FONT = 10.5
STAGE_FONT = 12
ITEM_FONT = 10.5
CATEGORY_PX = 72  # the category column of a cue panel
CUE_TEXT_PX = (PANEL_RIGHT - PANEL_LEFT) * WIDTH - CATEGORY_PX - 18
PANEL_HEADER = 34 * PX_Y
CUE_LINE = 20 * PX_Y
ITEM_LINE = 17 * PX_Y
MAX_CRAVING_ROWS = 4


def render_chain(cue_map: CueMap, fmt: ChartFormat = "png") -> bytes:
    """The relapse-chain diagram of `cue_map` as PNG (1200 x 800 px) or SVG bytes."""
    return to_bytes(chain_figure(cue_map), fmt)


def chain_chart(cue_map: CueMap, fmt: ChartFormat = "png") -> Chart:
    """The diagram with a file name to upload or save it under, beside the session's exports:
    `cuemap-<label>-<session id prefix>-chain.<fmt>`."""
    stem = f"cuemap-{slug(cue_map.label)}-{cue_map.session_id[:8]}-chain"
    return chart(chain_figure(cue_map), fmt, stem)


def chain_figure(cue_map: CueMap) -> Figure:
    """The diagram as a matplotlib figure, to save in another way or to inspect."""
    figure, axes = page(WIDTH, HEIGHT)
    _heading(axes, cue_map)
    _cue_panels(axes, cue_map)
    links = _chain(axes, cue_map)
    _upstream_banner(axes)
    draw_plan(axes, cue_map.plan, links)
    return figure


def _heading(axes: Axes, cue_map: CueMap) -> None:
    title = f"Relapse chain · {shorten(cue_map.label, fits_in(700, 19, DPI, bold=True))}"
    label(axes, PANEL_LEFT, 0.955, title, 19, fontweight="bold")
    external = sum(len(cues) for cues in cue_map.external().values())
    internal = sum(len(cues) for cues in cue_map.internal().values())
    n = cue_map.episodes
    cues = "cue" if external + internal == 1 else "cues"
    episodes = "1 craving episode" if n == 1 else f"{n} craving episodes"
    counts = f"{episodes} · {external} external and {internal} internal {cues} · read left to right"
    label(axes, PANEL_LEFT, 0.912, counts, 11.5, color=MUTED)
    if n > 1:
        key = "¹ ² … mark the episode a cue or answer comes from"
        label(axes, CHAIN_RIGHT, 0.912, key, 11, color=MUTED, ha="right")


# -- cues -----------------------------------------------------------------------------------


def _cue_panels(axes: Axes, cue_map: CueMap) -> None:
    marks = episode_marks(cue_map)
    groups = {"external": cue_map.external(), "internal": cue_map.internal()}
    colours = {"external": EXTERNAL, "internal": INTERNAL}
    for kind, (bottom, top) in PANELS.items():
        room = int((top - bottom - PANEL_HEADER - 4 * PX_Y) / CUE_LINE)
        lines = cue_lines(groups[kind], marks, room, fits_in(CUE_TEXT_PX, CUE_FONT, DPI))
        _panel(axes, f"{kind.capitalize()} cues", colours[kind], lines, (bottom, top))
        arrow(axes, (PANEL_RIGHT, (bottom + top) / 2), (MERGE_X, CHAIN_Y), colours[kind], False)
    arrow(axes, (MERGE_X, CHAIN_Y), (CHAIN_LEFT, CHAIN_Y), RULE)


def _panel(
    axes: Axes, title: str, colour: str, lines: list[CueLine], span: tuple[float, float]
) -> None:
    bottom, top = span
    size = (PANEL_RIGHT - PANEL_LEFT, top - bottom)
    box(axes, (PANEL_LEFT, bottom), size, tint(colour, 0.08), colour, 1.6)
    left = PANEL_LEFT + 10 * PX_X
    label(axes, left, top - 18 * PX_Y, title, 13, fontweight="bold", color=colour)
    y = top - PANEL_HEADER - 10 * PX_Y
    if not lines:
        label(axes, left, y, "none recorded", CUE_FONT, color=MUTED, style="italic")
    for line in lines:
        if line.category:
            label(axes, left, y, line.category, CUE_FONT - 0.5, fontweight="bold", color=colour)
        label(axes, left + CATEGORY_PX * PX_X, y, line.text, CUE_FONT)
        y -= CUE_LINE


# -- the chain ------------------------------------------------------------------------------


def _chain(axes: Axes, cue_map: CueMap) -> dict[str, Link]:
    """Draw the stages after the cue; return where each stage's outgoing link is drawn."""
    stages = [s for s in cue_map.sequence if s.id != "cue"]
    links = {"cue": Link("cue", MERGE_X)}
    slot = (CHAIN_RIGHT - CHAIN_LEFT + BOX_GAP) / max(len(stages), 1)
    width = slot - BOX_GAP
    for n, stage in enumerate(stages):
        left = CHAIN_LEFT + n * slot
        _stage_box(axes, stage, cue_map, left, width)
        if n < len(stages) - 1:
            arrow(axes, (left + width, CHAIN_Y), (left + slot, CHAIN_Y), RULE)
            links[stage.id] = Link(stage.id, left + width + BOX_GAP / 2)
        else:  # nothing leaves the last stage: a strategy there works on the link into it
            links[stage.id] = Link(stage.id, left - BOX_GAP / 2)
    return links


def _stage_box(
    axes: Axes, stage: SequenceStage, cue_map: CueMap, left: float, width: float
) -> None:
    craving = stage.id == "craving"
    face = tint(CRAVING, 0.10) if craving else STAGE_FILL
    edge, line_width = (CRAVING, 2.2) if craving else (RULE, 1.2)
    box(axes, (left, CHAIN_BOTTOM), (width, CHAIN_TOP - CHAIN_BOTTOM), face, edge, line_width)
    centre = left + width / 2
    y = CHAIN_TOP - 17 * PX_Y
    title_fits = fits_in(width * WIDTH - 10, STAGE_FONT, DPI, bold=True)
    for line in wrap(stage.label, title_fits, 2, at_hyphens=True):
        label(axes, centre, y, line, STAGE_FONT, fontweight="bold", ha="center")
        y -= 18 * PX_Y
    y -= 8 * PX_Y
    if craving:
        _craving_ratings(axes, cue_map, (left, width), y)
        return
    room = (y - CHAIN_BOTTOM - 14 * PX_Y) / ITEM_LINE + 1  # lines whose centres fit
    said = stage_lines(stage, cue_map.episodes, fits_in(width * WIDTH - 12, ITEM_FONT, DPI), room)
    for lines in said:
        for line in lines:
            label(axes, centre, y, line, ITEM_FONT, ha="center")
            y -= ITEM_LINE
        y -= GAP_SHARE * ITEM_LINE
    if not said:
        label(axes, centre, y, "not recorded", ITEM_FONT, color=MUTED, ha="center", style="italic")


def _craving_ratings(axes: Axes, cue_map: CueMap, span: tuple[float, float], y: float) -> None:
    """Each episode's craving strength as 'n/10' above a bar filled to n tenths."""
    left, width = span
    ratings = sorted(cue_map.craving.items())
    if not ratings:
        label(axes, left + width / 2, y, "not rated", ITEM_FONT, color=MUTED, ha="center")
        return
    inner_left, inner_width = left + 8 * PX_X, width - 16 * PX_X
    for episode, strength in ratings[:MAX_CRAVING_ROWS]:
        if cue_map.episodes == 1:
            label(axes, left + width / 2, y, f"{strength}/10", 20, fontweight="bold", ha="center")
            y -= 24 * PX_Y
            _strength_bar(axes, (inner_left, y), inner_width, strength)
        else:
            name = f"Episode {episode}"
            label(axes, left + width / 2, y, name, ITEM_FONT - 0.5, color=MUTED, ha="center")
            y -= 18 * PX_Y
            value = f"{strength}/10"
            right = inner_left + inner_width
            label(axes, right, y, value, ITEM_FONT + 1, fontweight="bold", ha="right")
            _strength_bar(axes, (inner_left, y), inner_width - 42 * PX_X, strength)
        y -= 24 * PX_Y
    hidden = len(ratings) - MAX_CRAVING_ROWS
    if hidden > 0:
        label(axes, left + width / 2, y, f"+{hidden} more", ITEM_FONT, color=MUTED, ha="center")


def _strength_bar(axes: Axes, at: tuple[float, float], width: float, strength: int) -> None:
    """A bar of `width` filled to `strength` tenths, centred on the height of `at`."""
    left, y = at
    bar(axes, (left, y - 5 * PX_Y), (width, 10 * PX_Y), "white", CRAVING)
    bar(axes, (left, y - 5 * PX_Y), (width * strength / 10, 10 * PX_Y), CRAVING, CRAVING)


def _upstream_banner(axes: Axes) -> None:
    middle = (CHAIN_LEFT + CHAIN_RIGHT) / 2
    arrow_y = 0.79
    broad_arrow(axes, (CHAIN_RIGHT, arrow_y), (CHAIN_LEFT, arrow_y), tint(COPING, 0.18))
    text = "Prevention moves upstream: break the chain at the earliest link you can"
    label(axes, middle, arrow_y, text, 13, ha="center")
    note = "Coping strategies from the plan (green) are drawn at the link they break."
    label(axes, middle, 0.715, note, 11, color=MUTED, ha="center")
