"""Pictures of the cue map: the relapse chain of one session, and change across sessions.

Core only (matplotlib, headless and offline); surfaces upload or save the bytes:

    chain_chart(cue_map, "png") -> Chart(filename, mime, content)      # one session's chain
    comparison = compare(service, owner, label)                        # sessions under a label
    comparison_chart(comparison, "png") -> Chart                       # its small chart
    comparison_markdown(comparison) / comparison_lines(comparison)     # its table / plain lines
"""

from assistant.charts.canvas import FORMATS, Chart, ChartFormat
from assistant.charts.chain import chain_chart, render_chain
from assistant.charts.comparison import Comparison, TriggerChange, compare
from assistant.charts.comparison_chart import comparison_chart, render_comparison
from assistant.charts.comparison_text import comparison_lines, comparison_markdown

__all__ = [
    "FORMATS",
    "Chart",
    "ChartFormat",
    "Comparison",
    "TriggerChange",
    "chain_chart",
    "compare",
    "comparison_chart",
    "comparison_lines",
    "comparison_markdown",
    "render_chain",
    "render_comparison",
]
