"""Pictures of the cue map: the relapse chain of one session, and change across sessions.

Core only (matplotlib, headless and offline); surfaces upload or save the bytes:

    chain.chain_chart(cue_map, "png") -> Chart(filename, mime, content)  # one session's chain
    comparison = compare(service, owner, label)                          # sessions under a label
    comparison_chart.comparison_chart(comparison, "png") -> Chart        # its small chart
    comparison_markdown(comparison) / comparison_lines(comparison)       # its table / lines

The drawing modules (`chain`, `comparison_chart`) import matplotlib, about 0.3 s: callers
import them where a chart is drawn, so commands and the Slack app that draw nothing start
without it. This package itself imports only the formats: the comparison (and the interview's
models with it) loads on first use, so `cuemap --help` does not pay for it.
"""

from typing import TYPE_CHECKING

from assistant.charts.formats import FORMATS, Chart, ChartFormat

if TYPE_CHECKING:
    from assistant.charts.comparison import Comparison, TriggerChange, compare
    from assistant.charts.comparison_text import comparison_lines, comparison_markdown

_LAZY = {
    "Comparison": "assistant.charts.comparison",
    "TriggerChange": "assistant.charts.comparison",
    "compare": "assistant.charts.comparison",
    "comparison_lines": "assistant.charts.comparison_text",
    "comparison_markdown": "assistant.charts.comparison_text",
}

__all__ = [
    "FORMATS",
    "Chart",
    "ChartFormat",
    "Comparison",
    "TriggerChange",
    "compare",
    "comparison_lines",
    "comparison_markdown",
]


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
