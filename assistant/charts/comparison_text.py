"""The comparison in words: a short Markdown table for notes and the terminal, plain lines for
chat surfaces that cannot show tables."""

from __future__ import annotations

from assistant.charts.comparison import Change, Comparison, TriggerChange

MAX_ROWS = 15
STATUS_WORDS = {
    "new": "new",
    "persisting": "persisting",
    "resolved": "resolved",
    "earlier": "earlier only",
}


def comparison_markdown(comparison: Comparison) -> str:
    """Heading, one row per trigger (new, persisting, resolved), then craving and confidence."""
    latest, previous = comparison.latest.number, comparison.previous.number
    rows = [t for t in comparison.triggers if t.status != "earlier"]
    lines = [
        f"### {comparison.label}: session {latest} compared with session {previous}",
        "",
        f"{len(comparison.sessions)} finished sessions. {_counts(comparison)}",
        "",
        "| Trigger | Category | Status | Sessions | Confidence |",
        "| --- | --- | --- | --- | --- |",
        *(_row(t) for t in rows[:MAX_ROWS]),
    ]
    if len(rows) > MAX_ROWS:
        lines.append(f"| +{len(rows) - MAX_ROWS} more | | | | |")
    lines += ["", *(f"- {line}" for line in _measures(comparison))]
    return "\n".join(lines) + "\n"


def comparison_lines(comparison: Comparison) -> list[str]:
    """The same in a few plain lines: new, persisting and resolved triggers; the two measures."""
    lines = [
        f"{comparison.label}: session {comparison.latest.number} compared with session "
        f"{comparison.previous.number} ({len(comparison.sessions)} finished sessions)"
    ]
    for status in ("new", "persisting", "resolved"):
        found = comparison.with_status(status)
        names = ", ".join(f"{t.text} ({t.category})" for t in found[:MAX_ROWS]) or "none"
        more = f" and {len(found) - MAX_ROWS} more" if len(found) > MAX_ROWS else ""
        lines.append(f"{status.capitalize()} triggers: {names}{more}")
    return lines + _measures(comparison)


def _counts(comparison: Comparison) -> str:
    parts = [f"{len(comparison.with_status(s))} {s}" for s in ("new", "persisting", "resolved")]
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
        _measure("Confidence (mean of planned triggers)", comparison.confidence, "%", " points"),
    ]


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
