"""What the sources cover, for `/explain` without a question."""

from __future__ import annotations

from integrations.slack.blocks.answers import Message
from integrations.slack.blocks.text import context, sections, to_dicts
from integrations.slack.escape import escape_mrkdwn


def topics_message(titles: list[str]) -> Message:
    if not titles:
        return Message(text="The library is empty: an administrator needs to run `cuemap ingest`.")
    listing = "\n".join(f"• {escape_mrkdwn(title)}" for title in titles)
    blocks = [
        *sections(f"*The sources cover {len(titles)} topics:*\n{listing}"),
        context("Ask with `/explain your question`, e.g. `/explain why do cues trigger craving?`"),
    ]
    return Message(text=f"The sources cover {len(titles)} topics.", blocks=to_dicts(blocks))
