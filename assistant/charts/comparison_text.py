"""The comparison in words: a short Markdown table for notes and the terminal, plain lines for
chat surfaces that cannot show tables."""

from __future__ import annotations

from assistant.charts.comparison import Change, Comparison, Status, TriggerChange

MAX_ROWS = 15
STATUS_WORDS = {
    "new": "new",
    "persisting": "persisting",
    "resolved": "resolved",
    "not_asked": "not asked again",
    "earlier": "earlier only",
}


def comparison_markdown(comparison: Comparison, max_rows: int | None = MAX_ROWS) -> str:
    """Heading, one row per trigger (new, persisting, resolved, not asked), then craving and
    confidence. `max_rows=None`: every row (the file written beside the chart)."""
    latest, previous = comparison.latest.number, comparison.previous.number
    rows = [t for t in comparison.triggers if t.status != "earlier"]
    shown = rows if max_rows is None else rows[:max_rows]
    lines = [
        f"### {comparison.label}: session {latest} compared with session {previous}",
        "",
        f"{len(comparison.sessions)} finished sessions. {_counts(comparison)}",
        *_incomplete(comparison),
        "",
        "| Trigger | Category | Status | Sessions | Confidence |",
        "| --- | --- | --- | --- | --- |",
        *(_row(t) for t in shown),
    ]
    if len(rows) > len(shown):
        lines.append(f"| +{len(rows) - len(shown)} more (all in the saved file) | | | | |")
    lines += ["", *(f"- {line}" for line in _measures(comparison))]
    return "\n".join(lines) + "\n"


def _incomplete(comparison: Comparison) -> list[str]:
    return [
        f"Session {p.number} is incomplete: {' '.join(p.gaps)}"
        for p in comparison.sessions
        if p.gaps
    ]


def comparison_lines(comparison: Comparison) -> list[str]:
    """The same in a few plain lines: new, persisting and resolved triggers; the two measures."""
    lines = [
        f"{comparison.label}: session {comparison.latest.number} compared with session "
        f"{comparison.previous.number} ({len(comparison.sessions)} finished sessions)"
    ]
    shown: tuple[Status, ...] = ("new", "persisting", "resolved", "not_asked")
    for status in shown:
        found = comparison.with_status(status)
        names = ", ".join(f"{t.text} ({t.category})" for t in found[:MAX_ROWS]) or "none"
        more = f" and {len(found) - MAX_ROWS} more" if len(found) > MAX_ROWS else ""
        lines.append(f"{STATUS_WORDS[status].capitalize()}: {names}{more}")
    return lines + _measures(comparison)


def _counts(comparison: Comparison) -> str:
    statuses: tuple[Status, ...] = ("new", "persisting", "resolved", "not_asked")
    parts = [f"{len(comparison.with_status(s))} {STATUS_WORDS[s]}" for s in statuses]
    return "Triggers: " + ", ".join(parts) + "."


def _row(trigger: TriggerChange) -> str:
    sessions = ", ".join(str(n) for n in trigger.sessions)
    before, after = trigger.confidence
    confidence = " → ".join(f"{v}%" if v is not None else "–" for v in (before, after))
    if before is None and after is None:
        confidence = ""
    cells = [_cell(trigger.text), trigger.category, STATUS_WORDS[trigger.status], sessions]
    return "| " + " | ".join([*cells, confidence]) + " |"


def _measures(comparison: Comparison) -> list[str]:
    return [
        _measure("Craving strength (mean of episodes, 0–10)", comparison.craving, ""),
        _confidence(comparison),
    ]


def _confidence(comparison: Comparison) -> str:
    common = comparison.confidence_triggers
    if not common:
        return "Confidence: no trigger was planned in both sessions, so it is not compared"
    plural = "s" if len(common) > 1 else ""
    name = (
        f"Confidence (mean over the {len(common)} trigger{plural} planned in both sessions: "
        f"{', '.join(common)})"
    )
    return _measure(name, comparison.confidence, "%", " points")


def _measure(name: str, change: Change | None, unit: str, delta_unit: str = "") -> str:
    if change is None:
        return f"{name}: not rated in both sessions"
    delta = round(change.delta, 1)
    direction = (
        "no change"
        if delta == 0
        else f"{'+' if delta > 0 else '−'}{rounded(abs(delta))}{delta_unit}"
    )
    return f"{name}: {rounded(change.before)}{unit} → {rounded(change.after)}{unit} ({direction})"


def rounded(value: float) -> str:
    """7, 6.5 or 77.5: at most one decimal, none when whole."""
    return f"{round(value, 1):g}"


def _cell(text: str) -> str:
    """Patient text made safe for a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")
