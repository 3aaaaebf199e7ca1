"""The finished cue map as Block Kit: top triggers, the map by category, plan, sources."""

from __future__ import annotations

from collections import defaultdict

from slack_sdk.models.blocks import Block, DividerBlock

from assistant.interview.models import Cue, CueMap
from integrations.slack.blocks.answers import Message, source_line
from integrations.slack.blocks.interview import PHI_REMINDER, export_buttons
from integrations.slack.blocks.limits import MESSAGE_BLOCKS, chunk_blocks
from integrations.slack.blocks.text import context, header, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn


def cue_map_messages(cue_map: CueMap) -> list[Message]:
    blocks: list[Block] = [header(f"Cue map: {cue_map.label}"), context(_summary(cue_map))]
    blocks += sections(_top_triggers(cue_map.top_triggers))
    blocks += sections(_by_category(cue_map))
    blocks += _sequence(cue_map)
    blocks += _findings(cue_map)
    blocks += sections(_plan(cue_map))
    blocks += _explanations(cue_map)
    if cue_map.citations:
        blocks.append(DividerBlock())
        blocks += sections("*Sources*\n" + "\n".join(source_line(c) for c in cue_map.citations))
    blocks += [export_buttons(cue_map.session_id), context(PHI_REMINDER)]
    text = f"Cue map for {cue_map.label}"
    return [
        Message(text=text, blocks=part) for part in chunk_blocks(to_dicts(blocks), MESSAGE_BLOCKS)
    ]


def _summary(cue_map: CueMap) -> str:
    parts = [f"{cue_map.episodes} craving episode{'s' if cue_map.episodes != 1 else ''}"]
    parts += [
        f"craving {strength}/10 (episode {ep})" for ep, strength in sorted(cue_map.craving.items())
    ]
    return " · ".join(parts)


def _cue(cue: Cue) -> str:
    return f"{escape_mrkdwn(cue.text)} _({cue.category}, {cue.kind})_"


def _top_triggers(triggers: list[Cue]) -> str:
    if not triggers:
        return "*Top triggers*\nNone named yet."
    lines = [f"{n}. {_cue(cue)}" for n, cue in enumerate(triggers, start=1)]
    return "*Top triggers*\n" + "\n".join(lines)


def _by_category(cue_map: CueMap) -> str:
    lines = ["*Map by category*"]
    for kind, groups in (("External", cue_map.external()), ("Internal", cue_map.internal())):
        lines.append(f"_{kind} cues_")
        lines += [
            f"• *{category.capitalize()}*: " + ", ".join(escape_mrkdwn(c.text) for c in cues)
            for category, cues in groups.items()
            if cues
        ] or ["• none named"]
    return "\n".join(lines)


def _sequence(cue_map: CueMap) -> list[Block]:
    stages = [
        f"*{escape_mrkdwn(stage.label)}*: " + "; ".join(escape_mrkdwn(i.text) for i in stage.items)
        for stage in cue_map.sequence
        if stage.items
    ]
    return sections("*Relapse sequence*\n" + "\n".join(stages)) if stages else []


def _findings(cue_map: CueMap) -> list[Block]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for finding in cue_map.findings:
        grouped[finding.section].append(
            f"• {escape_mrkdwn(finding.label)}: {escape_mrkdwn(finding.text)}"
        )
    return [
        block
        for section, lines in grouped.items()
        for block in sections(f"*{escape_mrkdwn(section)}*\n" + "\n".join(lines))
    ]


def _plan(cue_map: CueMap) -> str:
    if not cue_map.plan:
        return "*Plan*\nNo plan answers yet."
    lines = [f"• *{escape_mrkdwn(e.label)}*: {escape_mrkdwn(e.text)}" for e in cue_map.plan]
    return "*Plan*\n" + "\n".join(lines)


def _explanations(cue_map: CueMap) -> list[Block]:
    return [
        block
        for explanation in cue_map.explanations
        for block in sections(
            f"*{escape_mrkdwn(explanation.title)}*\n{escape_mrkdwn(explanation.text)}"
        )
    ]


def comparison_message(lines: list[str]) -> Message:
    """Change across a label's sessions: a header line, then one line per finding (escaped)."""
    title, *rest = lines
    text = f"*{escape_mrkdwn(title)}*\n" + "\n".join(f"• {escape_mrkdwn(line)}" for line in rest)
    return Message(text=f"Comparison: {title}", blocks=to_dicts([*sections(text)]))
