"""The clinical note in Markdown: top three triggers first, then the map, the plan, the sources."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.interview.exports.common import answered
from assistant.interview.exports.safety import safety_markdown
from assistant.interview.models import (
    NONE_FITS,
    AnswerRecord,
    Cue,
    CueMap,
    SafetyFlag,
    SessionRecord,
    Slot,
)
from assistant.interview.template import Template
from assistant.interview.validation import display

DISCLAIMER = (
    "_Clinical decision support for licensed clinicians. Educational sources; not a substitute "
    "for clinical judgement; not for emergencies._"
)
SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Patient text shown as written: no Markdown formatting, links or HTML, one line."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(
    template: Template,
    record: SessionRecord,
    answers: Mapping[Slot, AnswerRecord],
    cue_map: CueMap,
    safety: Sequence[SafetyFlag] = (),
) -> str:
    situations = {s.id: s.label for s in template.situations} | {NONE_FITS: "no IDTS type fits"}
    sections = [
        _header(record, cue_map),
        safety_markdown(template, safety),
        _top_triggers(cue_map, situations),
        _map(cue_map, situations),
        _sequence(cue_map),
        _upstream(cue_map),
        _findings(cue_map),
        _plan(cue_map),
        _answers(template, record, answers),
        _why(cue_map),
        _sources(cue_map),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _header(record: SessionRecord, cue_map: CueMap) -> str:
    episodes = f"{cue_map.episodes} episode{'s' if cue_map.episodes != 1 else ''}"
    when = record.state.updated_at.strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"# Cue map: {escape(record.label)}\n\n"
        f"Session `{record.id}` · {record.state.status} · {episodes} · {when}\n\n{DISCLAIMER}"
        + _gaps(cue_map)
    )


def _gaps(cue_map: CueMap) -> str:
    return "".join(f"\n\n**Not complete:** {gap}" for gap in cue_map.gaps)


def _cue_line(cue: Cue, situations: dict[str, str]) -> str:
    tags = ", ".join(situations.get(tag, tag) for tag in cue.situation_tags)
    line = f"**{escape(cue.text)}** ({cue.category}, {cue.kind})"
    return f"{line} · {tags}" if tags else line


def _top_triggers(cue_map: CueMap, situations: dict[str, str]) -> str:
    if not cue_map.top_triggers:
        return "## Top triggers\n\nNo cues mapped yet."
    lines = [f"{n}. {_cue_line(c, situations)}" for n, c in enumerate(cue_map.top_triggers, 1)]
    return "## Top triggers\n\n" + "\n".join(lines)


def _map(cue_map: CueMap, situations: dict[str, str]) -> str:
    parts = ["## Cue map"]
    for kind, grouped in (("External", cue_map.external()), ("Internal", cue_map.internal())):
        if not grouped:
            continue
        lines = [
            f"- **{category.capitalize()}:** " + "; ".join(_listed(c, situations) for c in cues)
            for category, cues in grouped.items()
        ]
        parts.append(f"### {kind} cues\n\n" + "\n".join(lines))
    if len(parts) == 1:
        parts.append("No cues mapped yet.")
    return "\n\n".join(parts)


def _listed(cue: Cue, situations: dict[str, str]) -> str:
    tags = ", ".join(situations.get(tag, tag) for tag in cue.situation_tags)
    return f"{escape(cue.text)} ({tags})" if tags else escape(cue.text)


def _sequence(cue_map: CueMap) -> str:
    lines = []
    for n, stage in enumerate(cue_map.sequence, 1):
        items = "; ".join(
            escape(item.text) + (f" (episode {item.episode})" if cue_map.episodes > 1 else "")
            for item in stage.items
        )
        lines.append(f"{n}. **{stage.label}**: {items or '—'}")
    return "## Relapse sequence\n\n" + "\n".join(lines)


def _upstream(cue_map: CueMap) -> str:
    lines = [
        f"- **{target.label}:** " + "; ".join(escape(item) for item in target.items)
        for target in cue_map.upstream
        if target.items
    ]
    return "## Upstream targets for prevention\n\n" + "\n".join(lines) if lines else ""


def _findings(cue_map: CueMap) -> str:
    sections: dict[str, list[str]] = {}
    for finding in cue_map.findings:
        episode = f" (episode {finding.episode})" if cue_map.episodes > 1 else ""
        line = f"- {finding.label}{episode}: {escape(finding.text)}"
        sections.setdefault(finding.section, []).append(line)
    return "\n\n".join(f"## {title}\n\n" + "\n".join(lines) for title, lines in sections.items())


def _plan(cue_map: CueMap) -> str:
    if not cue_map.plan:
        return "## Plan\n\nNo plan recorded yet."
    lines = [f"- **{escape(entry.label)}:** {escape(entry.text)}" for entry in cue_map.plan]
    return "## Plan\n\n" + "\n".join(lines)


def _answers(
    template: Template, record: SessionRecord, answers: Mapping[Slot, AnswerRecord]
) -> str:
    items = answered(template, record, answers)
    if not items:
        return ""
    lines = [
        f"- {item.question.label}"
        + (f" (episode {item.episode})" if item.episode and record.state.episodes > 1 else "")
        + f": {escape(display(item.question, item.text))}"
        for item in items
    ]
    return "## Answers as given\n\n" + "\n".join(lines)


def _why(cue_map: CueMap) -> str:
    parts = [f"**{e.title}.** {e.text}" for e in cue_map.explanations]
    return "## Why this matters\n\n" + "\n\n".join(parts) if parts else ""


def _sources(cue_map: CueMap) -> str:
    if not cue_map.citations:
        return "## Sources\n\nNo sources were available when this note was made."
    lines = [
        f"- [{c.n}] {escape(c.label())}" + (f" <{c.url}>" if c.url else "")
        for c in cue_map.citations
    ]
    return "## Sources\n\n" + "\n".join(lines)
