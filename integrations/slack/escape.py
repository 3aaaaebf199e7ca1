"""Escaping for text that goes into Slack mrkdwn.

Slack reads `<...>` as a control sequence: `<!channel>` notifies a whole channel, `<@U123>`
pings a person, `<https://x|label>` hides a link behind a label. Text a clinician typed, and
text quoted from the sources, is shown exactly as written by escaping the three characters
Slack asks apps to escape (&, <, >); bare words such as `@here` only notify when an app asks
Slack to parse names, which CueMap never does.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"<([^<>]+)>")
_REPLACEMENTS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def escape_mrkdwn(text: str) -> str:
    """`text` as literal mrkdwn: no mentions, no hidden links, entities shown as typed."""
    for raw, entity in _REPLACEMENTS:
        text = text.replace(raw, entity)
    return text


def unescape_slack(text: str) -> str:
    """Text a user sent, as they typed it (Slack sends &, <, > escaped)."""
    for raw, entity in reversed(_REPLACEMENTS):
        text = text.replace(entity, raw)
    return text


def readable(wire_text: str) -> str:
    """A message as the person saw it when typing: Slack's tokens back to words.

    `<@U123>` -> `@U123`, `<!channel>` -> `@channel`, `<#C1|ward>` -> `#ward`,
    `<https://x|label>` -> `label (https://x)`, then &, <, > unescaped. This is what CueMap
    stores and searches; whatever it echoes back is escaped again by `escape_mrkdwn`.
    """
    return unescape_slack(_TOKEN.sub(_token_text, wire_text))


def _token_text(match: re.Match[str]) -> str:
    target, _, label = match.group(1).partition("|")
    if target.startswith("@"):
        return "@" + (label.lstrip("@") or target[1:])
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!"):
        return label or "@" + target[1:].split("^")[0]
    return f"{label} ({target})" if label and label != target else target
