"""Escaping for text that goes into Slack mrkdwn.

Slack reads `<...>` as a control sequence: `<!channel>` notifies a whole channel, `<@U123>`
pings a person, `<https://x|label>` hides a link behind a label. Text a clinician typed, and
text quoted from the sources, is shown exactly as written by escaping the three characters
Slack asks apps to escape (&, <, >); bare words such as `@here` only notify when an app asks
Slack to parse names, which CueMap never does.
"""

from __future__ import annotations

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
