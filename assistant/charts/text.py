"""Fitting the patient's words into a box: wrapped to a width, cut with an ellipsis.

Widths are measured with the same font renderer that draws the chart, so a line that is said
to fit does fit, whatever the letters. The wrapping itself only asks "does this line fit?".
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties

ELLIPSIS = "…"
Fits = Callable[[str], bool]


def fits_in(width_px: float, size: float, dpi: float, bold: bool = False) -> Fits:
    """A test for one line of text: is it at most `width_px` wide in a `size` pt font?"""
    renderer = RendererAgg(1, 1, dpi)
    font = FontProperties(size=size, weight="bold" if bold else "normal")

    def fits(line: str) -> bool:
        width, _height, _descent = renderer.get_text_width_height_descent(line, font, False)
        return width <= width_px

    return fits


def shorten(text: str, fits: Fits) -> str:
    """One line that fits, cut (at a word break when one is near) and ended with '…' if needed."""
    text = " ".join(text.split())
    if fits(text):
        return text
    cut = text
    while cut and not fits(cut + ELLIPSIS):
        cut = cut[:-1]
    space = cut.rfind(" ")
    if space >= len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + ELLIPSIS


def wrap(text: str, fits: Fits, max_lines: int, at_hyphens: bool = False) -> list[str]:
    """At most `max_lines` lines that fit; a word too long for a line is cut; '…' ends a cut."""
    words = [w for w in text.replace("-", "- " if at_hyphens else "-").split() if w]
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]}{'' if lines[-1].endswith('-') else ' '}{word}" if lines else word
        if lines and fits(joined):
            lines[-1] = joined
        else:
            lines.append(word if fits(word) else shorten(word, fits))
    if len(lines) <= max_lines:
        return lines
    last = lines[max_lines - 1]
    return [*lines[: max_lines - 1], shorten(f"{last} {lines[max_lines]}", fits)]


def wrap_whole(text: str, fits: Fits, max_lines: int) -> list[str] | None:
    """Every word of `text` in at most `max_lines` lines that fit, or None (nothing is cut)."""
    lines = wrap(text, fits, max_lines=len(text.split()) + 1)
    if len(lines) > max_lines or any(line.endswith(ELLIPSIS) for line in lines):
        return None
    return lines
